"""The pytest plugin as a user gets it: the pytest-run-inside wheel installed
(non-editable) into a fresh venv outside this checkout, with a small example
project (its own pyproject.toml, no node_modules): one `pytest -n 2` runs its
tests on pyodide and micropython, node, chrome and chrome-worker; the
interpreters come from the per-user cache (npm-installed there on first use).

The wheel is $PYTEST_RUN_INSIDE_WHEEL (`nox -s tests` builds it), else built here."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_run_inside.cache import CACHE_ENV, default_cache_dir
from pytest_run_inside.catalog import is_prerelease, version_key
from pytest_run_inside.npm import Store

REPO = Path(__file__).resolve().parent.parent
RUNTIMES = ("node", "chrome", "chrome-worker")
COMBOS = [f"{name}-{runtime}" for name in ("pyodide", "micropython") for runtime in RUNTIMES]

PYPROJECT = """\
[project]
name = "greet"
version = "1.0"

[tool.pytest.ini_options]
interp_files = ["src/greet"]
"""

GREET = """\
def greet(name):
    assert isinstance(name, str), "greet() wants a str, got " + repr(name)
    return "Hello, " + name + "!"
"""

TEST_GREET = """\
from pytest_run_inside import run_inside


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


@run_inside(runtimes=["chrome-worker"])
def test_worker_runtime_runs_in_a_web_worker():
    import js

    assert js.self.constructor.name == "DedicatedWorkerGlobalScope"
    assert js.eval("typeof document") == "undefined"
"""


def _wheel(tmp: Path) -> Path:
    if os.environ.get("PYTEST_RUN_INSIDE_WHEEL"):
        return Path(os.environ["PYTEST_RUN_INSIDE_WHEEL"])
    out = tmp / "dist"
    build = [sys.executable, "-m", "build", "--wheel", "-o", str(out), str(REPO / "plugin")]
    subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
    (wheel,) = out.glob("pytest_run_inside-*.whl")
    return wheel


@pytest.fixture(scope="module")
def user_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel (and its dependencies) installed, beside an
    example project; both in a temporary directory outside the checkout."""
    tmp = tmp_path_factory.mktemp("user")
    assert REPO not in tmp.parents
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, str(_wheel(tmp)), "pytest-xdist"], check=True)
    project = tmp / "greet"
    (project / "src" / "greet").mkdir(parents=True)
    (project / "tests").mkdir()
    (project / "pyproject.toml").write_text(PYPROJECT)
    (project / "src" / "greet" / "__init__.py").write_text(GREET)
    (project / "tests" / "test_greet.py").write_text(TEST_GREET)
    return project


def _pytest(project: Path, *args: str) -> pytest.LineMatcher:
    venv = project.parent / "venv"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    for variable in ("PYTEST_RUN_INSIDE_CACHE",):  # the user's cache, if the run names one
        if variable in os.environ:
            env[variable] = os.environ[variable]
    done = subprocess.run(
        [str(venv / "bin" / "pytest"), *args], cwd=project, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, timeout=1200,
    )  # fmt: skip
    print(done.stdout)
    return pytest.LineMatcher(done.stdout.splitlines())


def test_a_user_project_runs_inside_every_interpreter_and_runtime_in_parallel(user_project: Path) -> None:
    out = _pytest(user_project, "-n", "2", "--dist", "loadscope", "-v", "-rA",
                  "--runtimes", ",".join(RUNTIMES))  # fmt: skip

    # One test function, one item per interpreter x runtime; the worker test only in the worker.
    out.fnmatch_lines(["*created: 2/2 workers*"])
    out.fnmatch_lines_random(
        [f"PASSED tests/test_greet.py::test_greets_by_name[[]{combo}[]]" for combo in COMBOS]
        + [f"PASSED tests/test_greet.py::test_from_the_host[[]{combo}[]]" for combo in COMBOS]
        + [f"FAILED tests/test_greet.py::test_wrong_expectation[[]{combo}[]]*" for combo in COMBOS]
        + [f"FAILED tests/test_greet.py::test_wrong_argument[[]{combo}[]]*" for combo in COMBOS]
        + [
            f"PASSED tests/test_greet.py::test_worker_runtime_runs_in_a_web_worker[[]{n}-chrome-worker[]]"
            for n in ("pyodide", "micropython")
        ]  # fmt: skip
        + ["*= 12 failed, 14 passed in *"]
    )
    # An assert of the test: both values, and the line from the test file.
    for combo in COMBOS:
        out.fnmatch_lines(
            [
                f"*_ test_wrong_expectation[[]{combo}[]] _*",
                f"[[]{combo}[]] AssertionError: assert 'Hello, mpy!' == 'Hello, mpy?'",
                "Traceback (most recent call last):",
                '  File "*/tests/test_greet.py", line 15, in test_wrong_expectation',
                '    assert greet("mpy") == "Hello, mpy?"',
                "AssertionError: assert 'Hello, mpy!' == 'Hello, mpy?'",
            ]
        )
    # A failure inside the user's package: the interpreter's traceback through its file.
    for combo in COMBOS:
        out.fnmatch_lines(
            [
                f"*_ test_wrong_argument[[]{combo}[]] _*",
                f"[[]{combo}[]] AssertionError: greet() wants a str, got 42",
                "Traceback (most recent call last):",
                '  File "*/tests/test_greet.py", line 22, in test_wrong_argument',
                "    greet(42)",
                '  File "/home/pytest/greet/__init__.py", line 2, in greet',
                '    assert isinstance(name, str), "greet() wants a str, got " + repr(name)',
            ]
        )
    # Nothing was installed into the project: the interpreters live in the per-user cache.
    assert not (user_project / "node_modules").exists()


def test_a_missing_browser_is_one_clear_message(user_project: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bin"  # PATH with python and node, without chromium or chromedriver
    bare.mkdir()
    for tool in ("node", "npm"):
        (bare / tool).symlink_to(shutil.which(tool) or tool)
    env_path = f"{user_project.parent / 'venv' / 'bin'}{os.pathsep}{bare}"
    done = subprocess.run(
        [str(user_project.parent / "venv" / "bin" / "pytest"), "--runtimes", "chrome"],
        cwd=user_project, env={"PATH": env_path, "HOME": os.environ.get("HOME", "/root")},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 4, done.stdout  # a usage error, before any test
    assert "pytest-run-inside needs chromium, chromedriver, not found. Install:" in done.stdout
    assert "--chrome-binary" in done.stdout and "--chromedriver" in done.stdout


def test_an_unknown_version_is_one_clear_message(user_project: Path) -> None:
    done = subprocess.run(
        [str(user_project.parent / "venv" / "bin" / "pytest"), "--pyodide-versions", "0.0.1"],
        cwd=user_project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 4, done.stdout
    assert "--pyodide-versions: npm has no pyodide 0.0.1" in done.stdout


def test_versions_sort_in_npm_order() -> None:
    versions = ["1.29.0-6", "1.27.0", "1.28.0-preview-230", "1.28.0-6", "0.27.7", "315.0.0-alpha.2", "1.28.0"]
    assert sorted(versions, key=version_key) == [
        "0.27.7", "1.27.0", "1.28.0-6", "1.28.0-preview-230", "1.28.0", "1.29.0-6", "315.0.0-alpha.2",
    ]  # fmt: skip
    assert [is_prerelease(v) for v in ("314.0.7", "315.0.0-alpha.2", "1.29.0-6")] == [False, True, True]


def test_a_version_in_node_modules_is_used_from_there_by_its_alias(tmp_path: Path) -> None:
    store = Store(REPO / "node_modules", cache=tmp_path)
    assert store.local_versions()["pyodide"][0] == "314.0.7"
    assert store.is_local("pyodide", "0.27.7")
    assert store.package_dir("pyodide", "0.27.7") == REPO / "node_modules" / "pyodide-0.27.7"
    assert not list(tmp_path.iterdir())  # nothing installed into the cache


def test_the_cache_is_the_platform_cache_dir_unless_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/x/cache")
    assert default_cache_dir() == Path("/x/cache/pytest-run-inside")
    monkeypatch.setenv(CACHE_ENV, "/y/mine")
    assert default_cache_dir() == Path("/y/mine")
