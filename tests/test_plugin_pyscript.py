"""The plugin's PyScript runtimes, page by page: everything a test puts in the
page (extra `<head>` HTML, the config's `files` and `js_modules`, the setup's
wheels as `packages`, the app script) reaches the interpreter, on the main thread
and in a PyScript worker, for both interpreters; the DOM reset between tests; a
page that cannot start says why.  The pages are started here, whatever
`--runtimes` says (newest versions of this checkout's node_modules)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from pytest_run_inside import Interp, InterpError, InterpSetup, Page, Spec, Store, start

REPO = Path(__file__).resolve().parent.parent
STORE = Store(REPO / "node_modules")
PAGE = Page(
    body='<p id="out">as given</p>',
    head='<script>window.fromHead = "head ran";</script>',
    config={
        "files": {"./tests/pages/data.txt": "./data.txt"},
        "js_modules": {"main": {"./tests/pages/greeting.mjs": "greeting"}},
    },
    script=REPO / "tests" / "pages" / "app.py",
    root=REPO,
)
SPECS = [
    Spec(name, runtime, STORE.default_version(name))
    for name in ("micropython", "pyodide")
    for runtime in ("pyscript", "pyscript-worker")
]


@pytest.fixture(scope="module", params=SPECS, ids=lambda spec: f"{spec.name}-{spec.runtime}")
def shared(request: pytest.FixtureRequest, interp_setup: InterpSetup) -> Iterator[Interp]:
    interp = start(request.param, interp_setup, STORE, PAGE)
    try:
        yield interp
    finally:
        interp.close()


@pytest.fixture
def page(shared: Interp) -> Interp:
    shared.reset()  # as the plugin does before each test
    return shared


def test_extra_head_html_runs_before_pyscript(page: Interp) -> None:
    assert page.run("from pyscript import window\nresult = window.fromHead") == "head ran"


def test_the_config_files_are_written(page: Interp) -> None:
    assert page.run("result = open('data.txt').read()") == "written by the config\n"


def test_the_config_js_modules_are_importable(page: Interp) -> None:
    code = "from pyscript.js_modules import greeting\nresult = greeting.greet('page')"
    assert page.run(code) == "Hello, page!"


def test_the_setup_reaches_the_page(page: Interp) -> None:
    # interp_setup's wheel (Pyodide: config packages) or .mpy (MicroPython: config files),
    # and its JS (tests/conftest.py) in the interpreter's realm
    assert page.run("import pyscript_ffi\nresult = pyscript_ffi.__name__") == "pyscript_ffi"
    assert page.run_js("return typeof globalThis.__show") == "function"


def test_where_it_runs(page: Interp) -> None:
    in_worker = page.run("from pyscript import RUNNING_IN_WORKER\nresult = RUNNING_IN_WORKER")
    assert in_worker == (page.runtime == "pyscript-worker")
    assert page.run_js("return typeof globalThis.WorkerGlobalScope !== 'undefined'") == in_worker


def test_the_body_is_reset_and_the_app_runs_again_before_each_test(page: Interp) -> None:
    read = "from pyscript import document\nout = document.getElementById('out')\n"
    read += "result = [out.textContent, out.dataset.app]"
    assert page.run(read) == ["as given", "ran"]
    page.run("from pyscript import document\ndocument.getElementById('out').textContent = 'changed'")
    assert page.run(read) == ["changed", "ran"]
    page.reset()
    assert page.run(read) == ["as given", "ran"]


def test_a_page_that_cannot_start_says_why(interp_setup: InterpSetup) -> None:
    broken = PAGE.replace(config={"files": {"./tests/pages/no-such-file.txt": "./x.txt"}})
    with pytest.raises(InterpError) as caught:
        start(
            Spec("micropython", "pyscript", STORE.default_version("micropython")), interp_setup, STORE, broken
        )
    assert caught.value.type_name == "PyScriptError"
    assert "no-such-file.txt" in caught.value.traceback
