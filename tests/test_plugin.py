"""The pytest plugin, run the way a user runs it: an example project (its own
package copied in with --interp-files, passing tests, two failing ones) tested
on pyodide and micropython, node and chrome, by one pytest command."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMBOS = ("pyodide-node", "pyodide-chrome", "micropython-node", "micropython-chrome")

GREET = """\
def greet(name):
    assert isinstance(name, str), "greet() wants a str, got " + repr(name)
    return "Hello, " + name + "!"
"""

TEST_GREET = """\
from pyscript_ffi_host.pytest_plugin import run_inside


@run_inside
def test_greets_by_name():
    from greet import greet

    assert greet("py") == "Hello, py!"


@run_inside
def test_wrong_expectation():
    from greet import greet

    assert greet("mpy") == "Hello, mpy?"


@run_inside
def test_wrong_argument():
    from greet import greet

    greet(42)


def test_from_the_host(interp):
    assert interp.run("from greet import greet\\nresult = greet('js')") == "Hello, js!"
"""


def test_example_project_runs_inside_each_interpreter_and_reports_failures_from_inside(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(REPO))  # pyscript_ffi_host, as an editable install gives it
    monkeypatch.setenv("SE_CHROMEDRIVER", "/usr/bin/chromedriver")
    pytester.makepyfile(test_greet=TEST_GREET)
    pytester.mkdir("src")
    pytester.mkpydir("src/greet").joinpath("__init__.py").write_text(GREET)

    result = pytester.runpytest_subprocess(
        "-p", "pyscript_ffi_host.pytest_plugin", "-v", "--interp-files", "src/greet",
        "--interpreters", "pyodide,micropython", "--runtimes", "node,chrome", timeout=900,
    )  # fmt: skip

    # One test function, one item per interpreter x runtime, ids as the project's own.
    result.assert_outcomes(passed=8, failed=8)
    result.stdout.fnmatch_lines_random(
        [f"test_greet.py::test_greets_by_name[[]{combo}[]] PASSED*" for combo in COMBOS]
        + [f"test_greet.py::test_from_the_host[[]{combo}[]] PASSED*" for combo in COMBOS]
        + [f"FAILED test_greet.py::test_wrong_expectation[[]{combo}[]]*" for combo in COMBOS]
    )
    # An assert of the test: both values, and the line from the test file.
    for combo in COMBOS:
        result.stdout.fnmatch_lines(
            [
                f"*_ test_wrong_expectation[[]{combo}[]] _*",
                f"[[]{combo}[]] AssertionError: assert 'Hello, mpy!' == 'Hello, mpy?'",
                "Traceback (most recent call last):",
                '  File "*test_greet.py", line 15, in test_wrong_expectation',
                '    assert greet("mpy") == "Hello, mpy?"',
                "AssertionError: assert 'Hello, mpy!' == 'Hello, mpy?'",
            ]
        )
    # A failure inside the user's package: the interpreter's traceback through its file.
    for combo in COMBOS:
        result.stdout.fnmatch_lines(
            [
                f"*_ test_wrong_argument[[]{combo}[]] _*",
                f"[[]{combo}[]] AssertionError: greet() wants a str, got 42",
                "Traceback (most recent call last):",
                '  File "*test_greet.py", line 22, in test_wrong_argument',
                "    greet(42)",
                '  File "/home/pytest/greet/__init__.py", line 2, in greet',
                '    assert isinstance(name, str), "greet() wants a str, got " + repr(name)',
            ]
        )
