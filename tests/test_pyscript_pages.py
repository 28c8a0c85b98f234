"""PyScript's Python API in real PyScript pages, stock and with the page's one line.

`site/pyscript.html` runs `site/pyscript_cases.py` (the test bodies, Python run in
the page) on Pyodide and MicroPython, on the main thread and in a worker: once
stock (PyScript's own FFI, the package listed in the config) and once with
`<script type="module" src="./dist/pyscript_ffi.js">` (and a config without it).
Each case observes PyScript's documented behaviour (`pyscript.web`, `@when`,
`Event`, `display`, `fetch` from this server, `storage`, `WebSocket` against
`wsecho`, `js_modules` from a local ES module, named workers, `PyWorker`,
`sync`) and the FFI handles a worker meets; every case must observe `EXPECTED`
in both modes. One page load per interpreter, context and mode (8 in all).
"""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from selenium.common.exceptions import TimeoutException

from pyscript_ffi_host import wsecho
from pytest_run_inside.chrome import browser_log, requested_urls
from tests.test_site import _is_local, _screenshot, browser, foreign, site  # noqa: F401 - fixtures

#: query of pyscript.html for each context
CONTEXTS = {"py": "", "mpy": "mpy", "py-worker": "worker", "mpy-worker": "mpy&worker"}
#: Pyodide starts in 5-15 s (more under load, and a stock page installs the wheel with micropip)
LOAD_TIMEOUT = 240
#: a case still "running" this long has hung or ended its interpreter
STUCK_SECONDS = 20
#: the one console error a page may log: the fetch case's deliberate 404
EXPECTED_CONSOLE = (
    "/pyscript-no-such-file.json - Failed to load resource: the server responded with a status of"
)

DATA = {"name": "pyscript-ffi", "values": [1, 2.5, None, True, "x"]}
EXPECTED: dict[str, Any] = {
    "web_create_find_append": [1, "first", ["a", "b"], ["P", "SPAN"], "pc-web", True],
    "web_classes_styles": [["three", "two"], ["three", "two"], "blue"],
    "web_select_options": [3, ["0", "1", "2"], "2", ["One", "Two"], 0],
    "web_page_title": ["pyscript cases", "pyscript cases"],
    "when_dom_event": [["click", "pc-button", True]],
    "when_element_event": ["click", "on_click click"],
    "when_pyscript_event": [["async", "two"], ["async", {"n": 1}], ["sync", {"n": 1}]],
    "display_to_targets": [["a &lt;b&gt;", "<i>x</i>", "42"], "only", "ValueError"],
    "fetch_from_the_server": [
        True,
        200,
        "application/json",
        DATA,
        ["str", "pyscript-ffi"],
        ["bytearray", True],
        ["memoryview", True],
        True,
        [False, 404],
    ],
    "storage_round_trip": [
        ["items", "n", "raw"],
        1,
        [1, "two", None, {"x": 3.5}],
        "bytearray",
        [97, 98],
        ["items", "raw"],
    ],
    "websocket_echo": [["open"], True, ["hello", ["memoryview", [1, 2, 3]]], ["close"], True],
    "js_modules_local_module": ["Hello, PyScript!", 42, 7, "ImportError"],
    "ffi_round_trips": ['{"a":[1,null,"x"]}', 42, True, True, False],
}
MAIN_ONLY = {
    "named_worker_exports": [5, "ab", [3, "micropython"]],
    "pyworker_exports": [42, [1, "micropython"]],
}
WORKER_ONLY = {
    "sync_calls_the_main_thread": [42, "a+b"],
}
#: What a PyScript worker meets: main-thread objects are reflected-ffi proxies.
WORKER_HANDLES = {
    "worker_create_proxy_listener": ["click"],
    "worker_to_py_of_a_main_thread_object": {"a": [1, 2, None], "b": {"c": True}},
    "worker_await_main_thread_promise": [1, 2],
    "worker_text_decoder_of_to_js_bytes": "abc",
}
#: Stock cases that need the direction rule (issue 23 item 1: `to_js` hands out the
#: interpreter's own handle, so PyScript's raw `window` gets the JS value itself).
DIRECTION_RULE = "stock needs the direction rule (issue 23 item 1)"
NEEDS_DIRECTION_RULE = {
    ("py-worker", "worker_text_decoder_of_to_js_bytes"),
    ("py-worker", "worker_await_main_thread_promise"),
    ("mpy-worker", "worker_text_decoder_of_to_js_bytes"),
    ("mpy-worker", "worker_await_main_thread_promise"),
}


#: What PyScript hands out: the interpreter's own proxies stock, pyscript_ffi's with the line.
HANDED_OUT = {"stock": [[False] * 9, False, False], "line": [[True] * 9, True, True]}


def _cases(context: str) -> dict[str, Any]:
    return {**EXPECTED, **(WORKER_ONLY if context.endswith("-worker") else MAIN_ONLY)}


def _params(cases: Callable[[str], dict[str, Any]]) -> list[Any]:
    """`(context, case)` for each case of each context."""
    return [pytest.param(c, case, id=f"{c}-{case}") for c in CONTEXTS for case in cases(c)]


def _stock_without_direction_rule(results: Callable[[str, str], dict[str, Any]], context: str) -> bool:
    """The stock page found `to_js` still handing out this package's `JsProxy` (its
    first case, `direction_rule`): a stock worker case that needs the rule is an
    expected failure until it lands, and a test failure once it has."""
    return results(context, "stock").get("direction_rule") == ["ok", False]


@pytest.fixture(scope="module")
def echo() -> Iterator[str]:
    with wsecho.echo_server() as url:
        yield url


@pytest.fixture(scope="module")
def pyscript_results(
    browser: Any,  # noqa: F811
    site: str,  # noqa: F811
    echo: str,
    foreign: Any,  # noqa: F811
) -> Callable[[str, str], dict[str, Any]]:
    """`(context, mode) -> {case: [status, value]}`, each page loaded once."""
    loaded: dict[tuple[str, str], dict[str, Any]] = {}

    def results(context: str, mode: str) -> dict[str, Any]:
        if (context, mode) not in loaded:
            loaded[(context, mode)] = _load(browser, site, echo, foreign, context, mode)
        return loaded[(context, mode)]

    return results


def _script(driver: Any, code: str) -> Any:
    """`execute_script`, or None while the page is too busy to answer (Pyodide starting
    in a frame of the same page can hold its main thread past WebDriver's script timeout)."""
    try:
        return driver.execute_script(code)
    except TimeoutException:
        return None


def _load(driver: Any, base: str, ws: str, proxy: Any, context: str, mode: str) -> dict[str, Any]:
    query = "&".join(q for q in (CONTEXTS[context], "line" if mode == "line" else "") if q)
    driver.get("about:blank")
    browser_log(driver)
    requested_urls(driver)
    proxy.seen.clear()
    driver.get(f"{base}/pyscript.html?{query}&ws={urllib.parse.quote(ws)}")
    start = time.monotonic()
    text, changed, done = "", time.monotonic(), None
    while time.monotonic() - start < LOAD_TIMEOUT:
        done, now = _script(
            driver,
            "return [document.body && document.body.dataset.done || null,"
            " (document.getElementById('results') || {}).textContent || '']",
        ) or (None, text)
        if now != text:
            text, changed = now, time.monotonic()
        if done or (text and '"running"' in text and time.monotonic() - changed > STUCK_SECONDS):
            break
        time.sleep(0.25)
    found: dict[str, Any] = json.loads(text) if text else {}
    errors = [e["message"] for e in browser_log(driver) if e["level"] == "SEVERE"]
    _screenshot(driver, f"pyscript-{context}-{mode}")
    found["_page"] = {
        "done": done,
        "console": [e for e in errors if EXPECTED_CONSOLE not in e],
        "shown": driver.execute_script(
            "return [...document.querySelectorAll('.py-error')].map(e => e.textContent)"
        ),
        "elsewhere": [u for u in requested_urls(driver) if not _is_local(u)] + list(proxy.seen),
    }
    return found


def _pages() -> list[Any]:
    return [pytest.param(c, m, id=f"{c}-{m}") for c in CONTEXTS for m in ("stock", "line")]


@pytest.mark.contract("pyscript.line")
@pytest.mark.parametrize(("context", "mode"), _pages())
def test_page_runs_every_case_offline_without_errors(
    pyscript_results: Callable[[str, str], dict[str, Any]], context: str, mode: str
) -> None:
    page = pyscript_results(context, mode)["_page"]
    if (context, mode) == ("mpy-worker", "stock") and _stock_without_direction_rule(
        pyscript_results, context
    ):
        pytest.xfail(DIRECTION_RULE + ": its last case ends a stock MicroPython worker")
    assert page["done"] == f"{context} {mode}", "the cases did not all finish"
    assert page["console"] == [] and page["shown"] == [] and page["elsewhere"] == []


def _same_in_both(
    results: Callable[[str, str], dict[str, Any]], context: str, case: str, expected: Any
) -> None:
    assert results(context, "line").get(case) == ["ok", expected], "with the line"
    assert results(context, "stock").get(case) == ["ok", expected], "stock"


@pytest.mark.contract("pyscript.same-results", "pyscript.js-modules")
@pytest.mark.parametrize(("context", "case"), _params(_cases))
def test_pyscript_api_gives_the_same_result_stock_and_with_the_line(
    pyscript_results: Callable[[str, str], dict[str, Any]], context: str, case: str
) -> None:
    _same_in_both(pyscript_results, context, case, _cases(context)[case])


@pytest.mark.contract("pyscript.worker-handles")
@pytest.mark.parametrize(
    ("context", "case"), _params(lambda c: WORKER_HANDLES if c.endswith("-worker") else {})
)
def test_handles_in_a_worker_work_stock_and_with_the_line(
    pyscript_results: Callable[[str, str], dict[str, Any]], context: str, case: str
) -> None:
    if (context, case) in NEEDS_DIRECTION_RULE and _stock_without_direction_rule(pyscript_results, context):
        assert pyscript_results(context, "line").get(case) == ["ok", WORKER_HANDLES[case]], "with the line"
        pytest.xfail(DIRECTION_RULE)
    _same_in_both(pyscript_results, context, case, WORKER_HANDLES[case])


@pytest.mark.contract("pyscript.portable")
@pytest.mark.parametrize("context", list(CONTEXTS))
@pytest.mark.parametrize("mode", ["stock", "line"])
def test_what_pyscript_hands_out_is_pyscript_ffi_jsproxy_with_the_line(
    pyscript_results: Callable[[str, str], dict[str, Any]], context: str, mode: str
) -> None:
    assert pyscript_results(context, mode).get("what_pyscript_hands_out") == ["ok", HANDED_OUT[mode]]


#: side_by_side.html: what each row gives with the line, on both interpreters
SIDE_BY_SIDE_LINE = {
    "is_none(js.undefined)": "True",
    'is_none(js.JSON.parse("null"))': "True",
    "js.Date.now() > 2**32": "True",
    "js.Number.MAX_SAFE_INTEGER": "9007199254740991",
    "len(js.Array.new(1, 2, 3))": "3",
    "bool(js.Array.new())": "False",
    'len(js.String("a\\0b"))': "3",
    "js.String(None)": "'null'",
    'js.JSON.stringify(to_js({"a": [1, None], 2: 3}))': '\'{"2":3,"a":[1,null]}\'',
    "js.JSON.stringify(to_js([2**40]))": "'[1099511627776]'",
    "doubler(21) (a create_proxy function)": "42",
    "document.title == window.document.title": "True",
    '"title" in document': "True",
    'js.JSON.parse("{bad") (a JS throw)': "JsException: SyntaxError: ",
}
#: rows where stock differs from the line on at least one interpreter (measured)
SIDE_BY_SIDE_DIFFER = {
    "is_none(js.undefined)",
    "js.Date.now() > 2**32",
    "js.Number.MAX_SAFE_INTEGER",
    "len(js.Array.new(1, 2, 3))",
    "bool(js.Array.new())",
    'len(js.String("a\\0b"))',
    "js.String(None)",
    'js.JSON.stringify(to_js({"a": [1, None], 2: 3}))',
    "js.JSON.stringify(to_js([2**40]))",
    '"title" in document',
    'js.JSON.parse("{bad") (a JS throw)',
}


@pytest.mark.contract("pyscript.portable")
def test_side_by_side_shows_one_program_portable_with_the_line_and_where_stock_differs(
    browser: Any,  # noqa: F811
    site: str,  # noqa: F811
    foreign: Any,  # noqa: F811
) -> None:
    browser.get("about:blank")
    requested_urls(browser)
    foreign.seen.clear()
    browser.get(f"{site}/side_by_side.html")
    start = time.monotonic()
    while time.monotonic() - start < LOAD_TIMEOUT and not _script(
        browser, "return document.body.dataset.done"
    ):
        time.sleep(0.25)
    rows = browser.execute_script(
        "return [...document.querySelectorAll('#side tbody tr')]"
        ".map(r => [r.classList.contains('differs'), ...[...r.cells].map(c => c.textContent)])"
    )
    _screenshot(browser, "side-by-side")
    assert [row[1] for row in rows] == list(SIDE_BY_SIDE_LINE)
    for differs, label, py, py_line, mpy, mpy_line in rows:
        assert py_line == mpy_line, label  # with the line, both interpreters agree
        assert py_line.startswith(SIDE_BY_SIDE_LINE[label]), label
        assert differs == (label in SIDE_BY_SIDE_DIFFER) == (py != py_line or mpy != mpy_line), label
    # the JS error escapes stock MicroPython's try/except and ends its program at that row
    assert rows[-2][4] == rows[-1][4] == "(the program stopped before this row)"
    elsewhere = [u for u in requested_urls(browser) if not _is_local(u)] + list(foreign.seen)
    assert elsewhere == []
