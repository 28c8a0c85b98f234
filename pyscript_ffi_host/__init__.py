"""This project's own tooling (not distributed): the case table, compat, bench,
the example site and the artifact builds, on top of the test harness
pytest-run-inside (`plugin/`, import name `pytest_run_inside`).

Nothing here is loaded inside Pyodide or MicroPython.
"""
