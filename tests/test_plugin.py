"""The pytest plugin as a user gets it: the pytest-run-inside wheel installed
(non-editable) into a fresh venv outside this checkout, with a small example
project (its own pyproject.toml, no node_modules): a PyScript app tested through
real PyScript pages (`pyscript`, `pyscript-worker`), `@run_inside` tests on node,
chrome and chrome-worker, a plain test module run inside (selected by the ini
key), and an unchanged pytest-pyodide test file on Pyodide and MicroPython.  The
interpreters and PyScript come from the per-user cache (npm-installed there on
first use), at the versions of the support table.

The wheel is $PYTEST_RUN_INSIDE_WHEEL (`nox -s tests` builds it), else built here."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_run_inside.cache import CACHE_ENV, default_cache_dir
from pytest_run_inside.catalog import SUPPORTED, is_prerelease, version_key
from pytest_run_inside.npm import Store

REPO = Path(__file__).resolve().parent.parent
RUNTIMES = ("node", "chrome", "chrome-worker")
PAGES = ("pyscript", "pyscript-worker")
INTERPRETERS = ("pyodide", "micropython")
COMBOS = [f"{name}-{runtime}" for name in INTERPRETERS for runtime in RUNTIMES]
PAGE_COMBOS = [f"{name}-{runtime}" for name in INTERPRETERS for runtime in PAGES]

PYPROJECT = """\
[project]
name = "greet"
version = "1.0"

[tool.pytest.ini_options]
interp_files = ["src/greet"]
run_inside_paths = ["tests/inside"]
pytest_pyodide_interpreters = "pyodide,micropython"
"""

GREET = """\
def greet(name):
    assert isinstance(name, str), "greet() wants a str, got " + repr(name)
    return "Hello, " + name + "!"
"""

TEST_GREET = """\
import pytest

from pytest_run_inside import run_inside
from pytest_run_inside.catalog import SUPPORTED

pytestmark = pytest.mark.runtimes("node", "chrome", "chrome-worker")


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


def test_the_versions_are_the_support_tables(interp):
    if interp.name == "pyodide":
        code = "import pyodide\\nresult = pyodide.__version__"
    else:
        code = "import sys\\nresult = '.'.join(str(n) for n in sys.implementation.version[:3])"
    assert interp.run(code) == SUPPORTED[interp.name][0]
"""

APP_BODY = """\
<label>Name <input id="name" value="world"></label>
<button id="greet">Greet</button>
<p id="out"></p>
"""

APP_MAIN = """\
from pyscript import web, when


@when("click", "#greet")
def greet(event):
    web.page["out"].innerText = "Hello, " + web.page["name"].value + "!"
"""

TEST_APP = """\
from pathlib import Path

import pytest

from pytest_run_inside import run_inside

pytestmark = [
    pytest.mark.runtimes("pyscript", "pyscript-worker"),
    pytest.mark.pyscript_page(body=Path("app/body.html"), script="app/main.py"),
]


@run_inside
async def test_clicking_greet_greets_by_name():
    import asyncio

    from pyscript import document, web

    web.page["name"].value = "PyScript"
    document.getElementById("greet").click()
    for _ in range(300):  # in a worker, the @when handler runs once the test awaits
        if web.page["out"].innerText:
            break
        await asyncio.sleep(0.01)
    assert web.page["out"].innerText == "Hello, PyScript!"


@run_inside
def test_each_test_gets_the_page_as_given():
    from pyscript import web

    assert web.page["out"].innerText == ""
    assert web.page["name"].value == "world"


def test_runs_on_the_main_thread_or_in_a_pyscript_worker(interp):
    in_worker = interp.run("from pyscript import RUNNING_IN_WORKER\\nresult = RUNNING_IN_WORKER")
    assert in_worker == (interp.runtime == "pyscript-worker")


@run_inside
def test_marks_the_html_element():
    from pyscript import document

    document.documentElement.setAttribute("data-mark", "left by a test")


@run_inside
def test_the_dom_reset_restores_the_body_only():
    from pyscript import document

    assert document.documentElement.getAttribute("data-mark") == "left by a test"


@pytest.mark.fresh_page
@run_inside("micropython")
def test_a_fresh_page_has_nothing_of_earlier_tests():
    from pyscript import document

    assert document.documentElement.getAttribute("data-mark") is None


@run_inside
async def test_a_wrong_greeting_fails():
    import asyncio

    from pyscript import document, web

    document.getElementById("greet").click()
    for _ in range(300):
        if web.page["out"].innerText:
            break
        await asyncio.sleep(0.01)
    assert web.page["out"].innerText == "Hello, nobody!"
"""

TEST_PLAIN = """\
import asyncio

import pytest

from greet import greet

pytestmark = pytest.mark.runtimes("node")


def shout(text):
    return text.upper()


@pytest.mark.parametrize("name", ["py", "mpy"])
def test_greets_everyone(name):
    assert shout(greet(name)) == "HELLO, " + name.upper() + "!"


async def test_async_tests_are_awaited():
    await asyncio.sleep(0)
    with pytest.raises(AssertionError, match="wants a str"):
        greet(42)


@pytest.mark.parametrize("value", [b"\\x00\\xff", (1, "two"), {3, 4}, {(5, 6): [b"7"]}])
def test_values_arrive_by_value(value):
    assert type(value).__name__ in ("bytes", "tuple", "set", "dict")


def test_a_wrong_shout_fails():
    assert shout(greet("x")) == "HELLO, Y!"


def test_skipped_inside():
    pytest.skip("not on this interpreter")
"""

TEST_PYTEST_PYODIDE = """\
from pytest_pyodide import run_in_pyodide


@run_in_pyodide
def test_runs_inside(selenium):
    import sys

    assert sys.implementation.name in ("cpython", "micropython")


@run_in_pyodide
def double(selenium, value):
    return (value * 2, bytes([value]))


def test_a_body_returns_its_value_to_the_host(selenium):
    assert double(selenium, 21) == (42, b"\\x15")


def test_run_js(selenium):
    assert selenium.run_js("return [1, 2, 3].length") == 3


@run_in_pyodide
def test_a_failing_body(selenium):
    assert [1, 2] == [1, 3]
"""

FILES = {
    "pyproject.toml": PYPROJECT,
    "src/greet/__init__.py": GREET,
    "app/body.html": APP_BODY,
    "app/main.py": APP_MAIN,
    "tests/test_greet.py": TEST_GREET,
    "tests/test_app.py": TEST_APP,
    "tests/inside/test_plain.py": TEST_PLAIN,
    "tests/pyodide/test_pytest_pyodide.py": TEST_PYTEST_PYODIDE,
}


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
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    return project


def _pytest(project: Path, *args: str) -> pytest.LineMatcher:
    venv = project.parent / "venv"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    for variable in ("PYTEST_RUN_INSIDE_CACHE",):  # the user's cache, if the run names one
        if variable in os.environ:
            env[variable] = os.environ[variable]
    done = subprocess.run(
        [str(venv / "bin" / "pytest"), *args],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=1200,
    )
    print(done.stdout)
    return pytest.LineMatcher(done.stdout.splitlines())


def _line(project: Path, name: str, text: str) -> int:
    """The line number of `text` in the example project's file `name`."""
    return (project / name).read_text().splitlines().index(text) + 1


def _shows_the_failure(
    out: pytest.LineMatcher, project: Path, test: str, combo: str, error: str, file: str, source: str
) -> None:
    """The report of `test[combo]`: the interpreter and the error, then the
    interpreter's traceback through `file` at the line holding `source`."""
    out.fnmatch_lines(
        [
            f"*_ {test}[[]{combo}[]] _*",
            f"[{combo}] {error}",  # matched exactly (fnmatch_lines tries equality first)
            "Traceback (most recent call last):",
            f'  File "*/{file}", line {_line(project, file, source)}, in {test}',
            source,
        ]
    )


def test_a_user_project_runs_inside_every_interpreter_and_runtime_in_parallel(user_project: Path) -> None:
    out = _pytest(
        user_project,
        "-n",
        "2",
        "--dist",
        "loadscope",
        "-v",
        "-rA",
        "--runtimes",
        "all",
        "tests/test_greet.py",
        "tests/test_app.py",
        "tests/inside",
    )

    # One test function, one item per interpreter x runtime; the worker test only in the worker.
    out.fnmatch_lines(["*created: 2/2 workers*"])
    greet = "tests/test_greet.py::"
    out.fnmatch_lines_random(
        [f"PASSED {greet}test_greets_by_name[[]{combo}[]]" for combo in COMBOS]
        + [f"PASSED {greet}test_from_the_host[[]{combo}[]]" for combo in COMBOS]
        + [f"PASSED {greet}test_the_versions_are_the_support_tables[[]{combo}[]]" for combo in COMBOS]
        + [f"FAILED {greet}test_wrong_expectation[[]{combo}[]]*" for combo in COMBOS]
        + [f"FAILED {greet}test_wrong_argument[[]{combo}[]]*" for combo in COMBOS]
        + [
            f"PASSED {greet}test_worker_runtime_runs_in_a_web_worker[[]{n}-chrome-worker[]]"
            for n in INTERPRETERS
        ]
        + ["*= 18 failed, 56 passed, 2 skipped in *"]
    )
    for combo in COMBOS:
        # An assert of the test: both values, and the line from the test file.
        _shows_the_failure(
            out,
            user_project,
            "test_wrong_expectation",
            combo,
            "AssertionError: assert 'Hello, mpy!' == 'Hello, mpy?'",
            "tests/test_greet.py",
            '    assert greet("mpy") == "Hello, mpy?"',
        )
        # A failure inside the user's package: the interpreter's traceback through its file.
        _shows_the_failure(
            out,
            user_project,
            "test_wrong_argument",
            combo,
            "AssertionError: greet() wants a str, got 42",
            "tests/test_greet.py",
            "    greet(42)",
        )
        out.fnmatch_lines(
            [
                f"*_ test_wrong_argument[[]{combo}[]] _*",
                '  File "/home/pytest/greet/__init__.py", line 2, in greet',
                '    assert isinstance(name, str), "greet() wants a str, got " + repr(name)',
            ]
        )

    # The PyScript app, in real PyScript pages: main thread and PyScript worker, py and mpy.
    app = "tests/test_app.py::"
    out.fnmatch_lines_random(
        [f"PASSED {app}test_clicking_greet_greets_by_name[[]{combo}[]]" for combo in PAGE_COMBOS]
        + [f"PASSED {app}test_each_test_gets_the_page_as_given[[]{combo}[]]" for combo in PAGE_COMBOS]
        + [f"PASSED {app}test_runs_on_the_main_thread_or_in_a_pyscript_worker[[]{c}[]]" for c in PAGE_COMBOS]
        + [f"PASSED {app}test_marks_the_html_element[[]{combo}[]]" for combo in PAGE_COMBOS]
        + [f"PASSED {app}test_the_dom_reset_restores_the_body_only[[]{combo}[]]" for combo in PAGE_COMBOS]
        + [f"PASSED {app}test_a_fresh_page_has_nothing_of_earlier_tests[[]micropython-{r}[]]" for r in PAGES]
        + [f"FAILED {app}test_a_wrong_greeting_fails[[]{combo}[]]*" for combo in PAGE_COMBOS]
    )
    for combo in PAGE_COMBOS:
        _shows_the_failure(
            out,
            user_project,
            "test_a_wrong_greeting_fails",
            combo,
            "AssertionError: assert 'Hello, world!' == 'Hello, nobody!'",
            "tests/test_app.py",
            '    assert web.page["out"].innerText == "Hello, nobody!"',
        )

    # A plain module run inside (the ini key names its folder): pytest's ids and parameters.
    plain = "tests/inside/test_plain.py::"
    out.fnmatch_lines_random(
        [
            f"PASSED {plain}test_greets_everyone[[]{n}-node-{name}[]]"
            for n in INTERPRETERS
            for name in ("py", "mpy")
        ]
        + [f"PASSED {plain}test_async_tests_are_awaited[[]{n}-node[]]" for n in INTERPRETERS]
        + [
            f"PASSED {plain}test_values_arrive_by_value[[]{n}-node-value{i}[]]"
            for n in INTERPRETERS
            for i in (1, 2, 3)
        ]
        + [f"FAILED {plain}test_a_wrong_shout_fails[[]{n}-node[]]*" for n in INTERPRETERS]
        + [f"*SKIPPED {plain}test_skipped_inside[[]{n}-node[]]*" for n in INTERPRETERS]
        + ["SKIPPED [[]2[]] tests/inside/test_plain.py:*: not on this interpreter"]
    )
    for name in INTERPRETERS:
        _shows_the_failure(
            out,
            user_project,
            "test_a_wrong_shout_fails",
            f"{name}-node",
            "AssertionError: assert 'HELLO, X!' == 'HELLO, Y!'",
            "tests/inside/test_plain.py",
            '    assert shout(greet("x")) == "HELLO, Y!"',
        )
    # Nothing was installed into the project: the interpreters live in the per-user cache.
    assert not (user_project / "node_modules").exists()


def test_an_unchanged_pytest_pyodide_file_runs_on_pyodide_and_micropython(user_project: Path) -> None:
    out = _pytest(user_project, "-v", "-rA", "--runtimes", "node", "tests/pyodide")
    test = "tests/pyodide/test_pytest_pyodide.py::"
    out.fnmatch_lines_random(
        [f"PASSED {test}test_runs_inside[[]{n}-node[]]" for n in INTERPRETERS]
        + [f"PASSED {test}test_a_body_returns_its_value_to_the_host[[]{n}-node[]]" for n in INTERPRETERS]
        + [f"PASSED {test}test_run_js[[]{n}-node[]]" for n in INTERPRETERS]
        + [f"FAILED {test}test_a_failing_body[[]{n}-node[]]*" for n in INTERPRETERS]
        + ["*= 2 failed, 6 passed in *"]
    )
    # Pyodide: pytest-pyodide's own report (pytest's assert rewriting, inside Pyodide).
    out.fnmatch_lines(["*_ test_a_failing_body[[]pyodide-node[]] _*", ">   assert [[]1, 2[]] == [[]1, 3[]]"])
    # MicroPython: the plugin's report, with MicroPython's traceback.
    _shows_the_failure(
        out,
        user_project,
        "test_a_failing_body",
        "micropython-node",
        "AssertionError: assert [1, 2] == [1, 3]",
        "tests/pyodide/test_pytest_pyodide.py",
        "    assert [1, 2] == [1, 3]",
    )


def test_a_missing_browser_is_one_clear_message(user_project: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bin"  # PATH with python and node, without chromium or chromedriver
    bare.mkdir()
    for tool in ("node", "npm"):
        (bare / tool).symlink_to(shutil.which(tool) or tool)
    env_path = f"{user_project.parent / 'venv' / 'bin'}{os.pathsep}{bare}"
    done = subprocess.run(
        [str(user_project.parent / "venv" / "bin" / "pytest"), "--runtimes", "chrome"],
        cwd=user_project,
        env={"PATH": env_path, "HOME": os.environ.get("HOME", "/root")},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
    )
    assert done.returncode == 4, done.stdout  # a usage error, before any test
    assert "pytest-run-inside needs chromium, chromedriver, not found. Install:" in done.stdout
    assert "--chrome-binary" in done.stdout and "--chromedriver" in done.stdout


def test_an_unknown_version_is_one_clear_message(user_project: Path) -> None:
    done = subprocess.run(
        [str(user_project.parent / "venv" / "bin" / "pytest"), "--pyodide-versions", "0.0.1"],
        cwd=user_project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
    )
    assert done.returncode == 4, done.stdout
    assert "--pyodide-versions: npm has no pyodide 0.0.1" in done.stdout


def test_versions_sort_in_npm_order() -> None:
    versions = ["1.29.0-6", "1.27.0", "1.28.0-preview-230", "1.28.0-6", "0.27.7", "315.0.0-alpha.2", "1.28.0"]
    assert sorted(versions, key=version_key) == [
        "0.27.7",
        "1.27.0",
        "1.28.0-6",
        "1.28.0-preview-230",
        "1.28.0",
        "1.29.0-6",
        "315.0.0-alpha.2",
    ]
    assert [is_prerelease(v) for v in ("314.0.7", "315.0.0-alpha.2", "1.29.0-6")] == [False, True, True]


def test_a_version_in_node_modules_is_used_from_there_by_its_alias(tmp_path: Path) -> None:
    store = Store(REPO / "node_modules", cache=tmp_path)
    assert store.local_versions()["pyodide"][0] == "314.0.7"
    assert store.is_local("pyodide", "0.27.7")
    assert store.package_dir("pyodide", "0.27.7") == REPO / "node_modules" / "pyodide-0.27.7"
    assert not list(tmp_path.iterdir())  # nothing installed into the cache


def test_without_node_modules_the_defaults_are_the_support_tables(tmp_path: Path) -> None:
    store = Store(tmp_path / "node_modules", cache=tmp_path / "cache")
    for name in ("pyodide", "micropython", "pyscript"):
        assert store.default_version(name) == SUPPORTED[name][0]
    assert not (tmp_path / "cache").exists()  # and npm was not asked


def test_the_readmes_support_tables_are_the_catalogs() -> None:
    """What a user gets (catalog.SUPPORTED, the defaults) is what both READMEs list."""
    for readme in (REPO / "README.md", REPO / "plugin" / "README.md"):
        text = readme.read_text()
        for name in ("pyodide", "micropython"):
            assert " " + ", ".join(SUPPORTED[name]) + " |" in text, (readme, name)
        assert SUPPORTED["pyscript"][0] in text


def test_the_cache_is_the_platform_cache_dir_unless_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/x/cache")
    assert default_cache_dir() == Path("/x/cache/pytest-run-inside")
    monkeypatch.setenv(CACHE_ENV, "/y/mine")
    assert default_cache_dir() == Path("/y/mine")
