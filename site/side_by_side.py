"""One small program, written as PyScript's FFI guide writes it, run four times by
side_by_side.html: Pyodide and MicroPython, each stock and with the page's one
line (`pyscript_ffi.js`). Each row is an expression and what it gave; the page
highlights the rows where stock differs from the line. With the line, both
interpreters give the same answer in every row.

The last two rows make a JS exception: on stock MicroPython it escapes Python's
`try/except` and ends the program there (the page says so).
"""

import json

import js
from pyscript import document, window
from pyscript.ffi import create_proxy, is_none, to_js

rows = []


def report(done=False):
    message = {"page": str(window.location.search), "rows": rows, "done": done}
    window.parent.postMessage(json.dumps(message), "*")


def row(label, compute):
    try:
        value = compute()
        text = repr(value) if isinstance(value, (bool, int, float, str, type(None))) else type(value).__name__
    except Exception as e:  # noqa: BLE001 - what it raised is the row's answer
        text = type(e).__name__ + ": " + str(e)
    rows.append([label, text])
    report()


def twice(x):
    return x * 2


doubler = create_proxy(twice)
DATA = {"a": [1, None], 2: 3}

row("is_none(js.undefined)", lambda: is_none(js.undefined))
row('is_none(js.JSON.parse("null"))', lambda: is_none(js.JSON.parse("null")))
row("js.Date.now() > 2**32", lambda: js.Date.now() > 2**32)
row("js.Number.MAX_SAFE_INTEGER", lambda: js.Number.MAX_SAFE_INTEGER)
row("len(js.Array.new(1, 2, 3))", lambda: len(js.Array.new(1, 2, 3)))
row("bool(js.Array.new())", lambda: bool(js.Array.new()))
row('len(js.String("a\\0b"))', lambda: len(js.String("a\0b")))
row("js.String(None)", lambda: js.String(None))
row(
    'js.JSON.stringify(to_js({"a": [1, None], 2: 3}))',
    lambda: js.JSON.stringify(to_js({"a": [1, None], 2: 3})),
)
row("js.JSON.stringify(to_js([2**40]))", lambda: js.JSON.stringify(to_js([2**40])))
row("doubler(21) (a create_proxy function)", lambda: doubler(21))
row("document.title == window.document.title", lambda: document.title == window.document.title)
row('"title" in document', lambda: "title" in document)
row('js.JSON.parse("{bad") (a JS throw)', lambda: js.JSON.parse("{bad"))
report(done=True)
