"""PyScript's Python API in a real page, case by case (pyscript.html runs this file).

Each case is an `async def` returning what it observed as JSON-shaped data, so a
page run stock and a page run with the line (`pyscript_ffi.js`) can be compared
value for value (tests/test_pyscript_pages.py). The same file runs on the main
thread and in a worker, on Pyodide and MicroPython; `@case("main")` and
`@case("worker")` mark the cases of one context. The results go to the page as
JSON in `#results` ({name: ["ok", value] or ["error", "Type: message"]}).
"""

import asyncio
import json
import sys

from pyscript import (
    HTML,
    RUNNING_IN_WORKER,
    Event,
    WebSocket,
    display,
    document,
    fetch,
    storage,
    web,
    when,
    window,
)
from pyscript.ffi import create_proxy, is_none, to_js

CASES = []
PARAMS = {}
for pair in str(document.location.search)[1:].split("&"):
    key, _, value = pair.partition("=")
    PARAMS[key] = value
INTERPRETER = "mpy" if sys.implementation.name == "micropython" else "py"
CONTEXT = INTERPRETER + ("-worker" if RUNNING_IN_WORKER else "")
MODE = "line" if "line" in PARAMS else "stock"
ORIGIN = str(window.location.origin)


def case(where="both"):
    def add(func):
        CASES.append((func.__name__, where, func))
        return func

    return add


async def until(check, seconds=10):
    """Wait (yielding to the event loop) until `check()` is true."""
    for _ in range(int(seconds * 50)):
        if check():
            return True
        await asyncio.sleep(0.02)
    return False


def fresh(element_id):
    """An empty `div` with `element_id` at the end of the page's body."""
    old = web.page.find("#" + element_id)
    for el in old:
        el._dom_element.remove()
    div = web.div(id=element_id)
    web.page.body.append(div)
    return div


# ---- first: whether this package hands out the interpreter's own handles -----------------
@case()
async def direction_rule():
    """Not a PyScript case: True once `to_js` gives the interpreter's own handle (the
    direction rule), which some stock worker cases need (tests/test_pyscript_pages.py)."""
    import pyscript_ffi

    return not isinstance(pyscript_ffi.to_js([1]), pyscript_ffi.JsProxy)


# ---- pyscript.web -------------------------------------------------------------------
@case()
async def web_create_find_append():
    box = fresh("pc-web")
    box.append(web.p("first", classes=["a", "b"]), web.span("second"))
    found = web.page.find("#pc-web p")
    return [
        len(found),
        found[0].innerHTML,
        sorted(found[0].classes),
        [child.tagName for child in box.children],
        web.page["pc-web"].id,
        is_none(web.page["pc-nothing"]),
    ]


@case()
async def web_classes_styles():
    el = web.div("styled", classes=["one", "two"], style={"color": "red"})
    fresh("pc-style").append(el)
    el.classes.add("three")
    el.classes.discard("one")
    el.style["background-color"] = "blue"
    del el.style["color"]
    return [sorted(el.classes), sorted(el._dom_element.className.split()), el.style["background-color"]]


@case()
async def web_select_options():
    sel = web.select(id="pc-select")
    fresh("pc-options").append(sel)
    sel.options.add(value="1", html="One")
    sel.options.add(value="2", html="Two")
    sel.options.add(value="0", html="Zero", before=sel.options[0])
    sel._dom_element.selectedIndex = 2
    seen = [len(sel.options), [o.value for o in sel.options], sel.options.selected.value]
    sel.options.remove(0)
    seen.append([o.innerHTML for o in sel.options])
    sel.options.clear()
    seen.append(len(sel.options))
    return seen


@case()
async def web_page_title():
    before = web.page.title
    web.page.title = "pyscript cases"
    seen = [web.page.title, document.title]
    web.page.title = before
    return seen


# ---- events -------------------------------------------------------------------------
@case()
async def when_dom_event():
    box = fresh("pc-when")
    box.append(web.button("go", id="pc-button"))
    seen = []

    @when("click", "#pc-button")
    def clicked(event):
        seen.append([event.type, event.target.id, is_none(event.relatedTarget)])

    document.getElementById("pc-button").click()
    await until(lambda: seen)
    return seen


@case()
async def when_element_event():
    button = web.button("go")
    fresh("pc-when-el").append(button)
    seen = []

    @when("click", button)
    async def clicked(event):
        seen.append(event.type)

    button.on_click.add_listener(lambda event: seen.append("on_click " + event.type))
    button._dom_element.click()
    await until(lambda: len(seen) == 2)
    return sorted(seen)


@case()
async def when_pyscript_event():
    first, second = Event(), Event()
    seen = []

    @when(first)
    def handler(result):
        seen.append(["sync", result])

    @when([first, second])
    async def both(result):
        seen.append(["async", result])

    first.trigger({"n": 1})
    second.trigger("two")
    await until(lambda: len(seen) == 3)
    return sorted(seen, key=json.dumps)


# ---- display --------------------------------------------------------------------------
@case()
async def display_to_targets():
    box = fresh("pc-display")
    display("a <b>", target="pc-display")
    display(HTML("<i>x</i>"), 42, target="#pc-display")
    first = [child.innerHTML for child in box.children]
    display("only", target="pc-display", append=False)
    try:
        display("nowhere", target="pc-no-such-element")
        missing = "displayed"
    except ValueError as e:
        missing = "ValueError" if "pc-no-such-element" in str(e) else str(e)
    return [first, box.innerHTML, missing]


# ---- fetch ----------------------------------------------------------------------------
@case()
async def fetch_from_the_server():
    url = ORIGIN + "/pyscript_data.json"
    response = await fetch(url)
    seen = [response.ok, response.status, response.headers.get("content-type")]
    seen.append(await fetch(url).json())
    text = await fetch(url).text()
    seen.append([type(text).__name__, json.loads(text)["name"]])
    data = await fetch(url).bytearray()
    seen.append([type(data).__name__, bytes(data) == text.encode()])
    buffer = await fetch(url).arrayBuffer()
    seen.append([type(buffer).__name__, bytes(buffer) == text.encode()])
    blob = await fetch(url).blob()
    seen.append(blob.size == len(text.encode()))
    missing = await fetch(ORIGIN + "/pyscript-no-such-file.json")
    seen.append([missing.ok, missing.status])
    return seen


# ---- storage --------------------------------------------------------------------------
@case()
async def storage_round_trip():
    name = "pyscript-cases-" + CONTEXT + "-" + MODE
    store = await storage(name)
    store.clear()
    store["n"] = 1
    store["items"] = [1, "two", None, {"x": 3.5}]
    store["raw"] = bytearray(b"ab")
    await store.sync()
    again = await storage(name)
    seen = [sorted(again), again["n"], again["items"], type(again["raw"]).__name__, list(again["raw"])]
    del again["n"]
    await again.sync()
    seen.append(sorted(await storage(name)))
    return seen


# ---- WebSocket ------------------------------------------------------------------------
@case()
async def websocket_echo():
    messages = []
    opened = []

    def on_open(event):
        opened.append(event.type)
        ws.send("hello")
        ws.send(bytearray([1, 2, 3]))

    def on_message(event):
        data = event.data
        messages.append(data if isinstance(data, str) else [type(data).__name__, list(bytes(data))])
        if len(messages) == 3:
            ws.close()

    closed = []
    url = PARAMS.get("ws", "").replace("%3A", ":").replace("%2F", "/")
    ws = WebSocket(url=url, onmessage=on_message)
    ws.onopen = on_open
    ws.onclose = lambda event: closed.append(event.type)
    await until(lambda: closed)
    greeted = messages[0].startswith("Request served by")
    return [opened, greeted, messages[1:], closed, ws.readyState == ws.CLOSED]


# ---- js_modules -----------------------------------------------------------------------
@case()
async def js_modules_local_module():
    from pyscript.js_modules import pyscript_module

    seen = [pyscript_module.greet("PyScript"), pyscript_module.answer, await pyscript_module.later(7)]
    try:
        from pyscript.js_modules import pyscript_no_such_module  # noqa: F401

        seen.append("imported")
    except ImportError:
        seen.append("ImportError")
    return seen


# ---- workers --------------------------------------------------------------------------
@case("main")
async def named_worker_exports():
    from pyscript import workers

    helper = await workers["helper"]
    described = await helper.describe(to_js([1, 2, 3]))
    return [await helper.add(2, 3), await helper.add("a", "b"), [x for x in described]]


@case("main")
async def pyworker_exports():
    from pyscript import PyWorker

    config = ORIGIN + "/dist/pyscript-mpy" + ("-line" if MODE == "line" else "") + ".json"
    interpreter = window.URL.new((await fetch(config).json())["interpreter"], config).href
    worker = PyWorker("./pyscript_worker.py", type="micropython", version=interpreter, config=config)
    await worker.ready
    described = await worker.sync.describe(to_js(["a"]))
    return [await worker.sync.add(20, 22), [x for x in described]]


@case("worker")
async def sync_calls_the_main_thread():
    from pyscript import sync

    await until(lambda: document.body.dataset.syncReady == "yes")
    return [sync.main_double(21), sync.main_join(to_js(["a", "b"]))]


# ---- FFI handles in a worker: main-thread objects are reflected-ffi proxies -------------
@case("worker")
async def worker_create_proxy_listener():
    from pyscript_ffi import create_proxy as portable_create_proxy

    button = document.createElement("button")
    document.body.append(button)
    seen = []
    handler = portable_create_proxy(lambda event: seen.append(event.type))
    button.addEventListener("click", handler)
    button.click()
    await until(lambda: seen)
    button.removeEventListener("click", handler)
    button.remove()
    return seen


@case("worker")
async def worker_to_py_of_a_main_thread_object():
    from pyscript_ffi import to_py

    return to_py(window.JSON.parse('{"a": [1, 2, null], "b": {"c": true}}'))


@case("worker")
async def worker_await_main_thread_promise():
    from pyscript_ffi import to_js as portable_to_js
    from pyscript_ffi import to_py

    got = []

    async def resolved():
        got.append(to_py(await window.Promise.resolve(portable_to_js([1, 2]))))

    asyncio.create_task(resolved())
    return got[0] if await until(lambda: got) else "still waiting after 10 s"


# ---- the FFI -------------------------------------------------------------------------
@case()
async def ffi_round_trips():
    import js

    target = js.Object.new()  # this thread's own (a worker's function called through a
    # main-thread object would answer a Promise: reflected-ffi's rule)
    handler = create_proxy(lambda x: x * 2)
    target.double = handler
    return [
        window.JSON.stringify(to_js({"a": [1, None, "x"]})),
        target.double(21),
        is_none(None),
        is_none(window.JSON.parse("null")),
        is_none(0),
    ]


# ---- what PyScript hands out: the interpreter's own proxies stock, ours with the line ----
@case()
async def what_pyscript_hands_out():
    import js
    from pyscript import ffi, js_modules

    import pyscript_ffi

    events = []
    button = web.button("go", id="pc-types")
    fresh("pc-handout").append(button)

    @when("click", "#pc-types")
    def clicked(event):
        events.append(event)

    button._dom_element.click()
    await until(lambda: events)
    response = await fetch(ORIGIN + "/pyscript_data.json")
    store = await storage("pyscript-cases-types")
    ws = WebSocket(url=PARAMS.get("ws", "").replace("%3A", ":").replace("%2F", "/"))
    ws.close()
    handed = [js, window, document, button._dom_element, events[0], response._response]
    handed += [store._store, ws._js_websocket, js_modules.pyscript_module]
    return [
        [isinstance(x, pyscript_ffi.JsProxy) for x in handed],
        ffi.create_proxy is pyscript_ffi.create_proxy,
        ffi.to_js is pyscript_ffi.to_js,
    ]


# Last: on a stock MicroPython worker, a JS throw through PyScript's raw `window`
# escapes try/except and ends the interpreter (the cases before it have reported).
@case("worker")
async def worker_text_decoder_of_to_js_bytes():
    from pyscript_ffi import to_js as portable_to_js

    try:
        return window.TextDecoder.new().decode(portable_to_js(b"abc"))
    except Exception as e:  # noqa: BLE001 - the point: it is caught, the interpreter lives on
        return "caught " + type(e).__name__


def plain(value):
    """`value` with anything json cannot write (a JsProxy the case let through) as its repr."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return "repr: " + repr(value)


async def run():
    results = {}
    for name, where, func in CASES:
        if where == "main" and RUNNING_IN_WORKER or where == "worker" and not RUNNING_IN_WORKER:
            continue
        results[name] = ["running", None]  # what a case that kills the interpreter leaves
        show(results)
        try:
            results[name] = ["ok", await func()]
        except Exception as e:  # noqa: BLE001 - every failure is a result
            results[name] = ["error", type(e).__name__ + ": " + str(e)]
    show(results)
    document.body.dataset.done = CONTEXT + " " + MODE


def show(results):
    document.getElementById("results").textContent = json.dumps(plain(results))


await run()  # noqa: F704 - PyScript runs top-level await
