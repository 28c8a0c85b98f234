"""Host-side tooling for pyscript-ffi: interpreters, builds and test harness.

Nothing here is loaded inside Pyodide or MicroPython except ``_inside.py``,
which the harness writes into each interpreter's filesystem.
"""
