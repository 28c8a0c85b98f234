"""The package's own checks, live: each runs here, in the visitor's browser.

The same file runs four times on check.html: `py` and `mpy`, main thread and
worker. Each check returns (got, expected); the row shows pass or what differed.
Checks on `window` objects run against the main thread: from a worker they go
through PyScript's one-round-trip `query`/`gather`/`assign`.
"""

import sys

from pyscript import window

from pyscript_ffi import (
    ConversionError,
    JsException,
    assign,
    create_proxy,
    gather,
    is_none,
    js,
    live_proxies,
    query,
    to_js,
    to_py,
)

INTERPRETER = "py" if sys.implementation.name == "cpython" else "mpy"
IN_WORKER = js.self.constructor.name != "Window"
COLUMN = INTERPRETER + "-" + ("worker" if IN_WORKER else "main")

describe = js.Function.new("v", "return typeof v + ':' + (typeof v === 'object' ? JSON.stringify(v) : String(v))")
first_length = js.Function.new("a", "return a[0].length")
proto_and_keys = js.Function.new(
    "o", "return (Object.getPrototypeOf(o) === Object.prototype) + ':' + Object.keys(o).join()"
)
same = js.Function.new("a", "b", "return a === b")
main_view = window.Function.new(
    "t", "return JSON.stringify(t) + '|' + (Object.getPrototypeOf(t) === Object.prototype)"
)
# One main-thread call per cell, so four writers never add the same row twice.
cell_for = window.Function.new(
    "id",
    "label",
    "column",
    "let row = document.getElementById(id);"
    "if (!row) { row = document.createElement('tr'); row.id = id;"
    " row.append(document.createElement('th'), ...[1, 2, 3, 4].map(() => document.createElement('td')));"
    " row.firstChild.textContent = label; document.getElementById('checks').append(row); }"
    "return row.children[column];",
)
COLUMNS = ["py-main", "mpy-main", "py-worker", "mpy-worker"]


def conversion_error_path(value):
    try:
        to_js(value)
    except ConversionError as e:
        return e.path
    return "no error"


def circular():
    loop = [1]
    loop.append(loop)
    try:
        to_js(loop)
    except ConversionError as e:
        return "circular" in str(e)
    return False


def throwing_getter():
    bad = js.Function.new("return { get boom() { throw new RangeError('no') } }")()
    try:
        query(bad, "boom")
    except JsException as e:
        return e.name + ": " + e.message
    return "no error"


def handler(event):
    return None


def proxies_released():
    before = live_proxies()
    proxy = create_proxy(lambda: 1)
    proxy.destroy()
    return live_proxies() - before


def assign_on_main_thread():
    target = window.Object.new()
    out = assign(target, {"a": 1}, {"b": [1, None]}, {"__proto__": {"x": 1}})
    return [main_view(target), same(out, target) if not IN_WORKER else out is target]


CHECKS = [
    ("dict -> plain Object, None -> null", lambda: describe(to_js({"a": [1, None, {"c": True}]})),
     'object:{"a":[1,null,{"c":true}]}'),
    ("small int keys kept", lambda: describe(to_js({0: "zero"})), 'object:{"0":"zero"}'),
    ("2**40 exact number", lambda: describe(to_js([2**40])), "object:[1099511627776]"),
    ("2**64 -> BigInt", lambda: describe(to_js(2**64)), "bigint:18446744073709551616"),
    ("NUL kept in strings", lambda: first_length(to_js(["a\x00b"])), 3),
    ('"__proto__" is an own key', lambda: proto_and_keys(to_js({"__proto__": {"x": 1}})), "true:__proto__"),
    ("tuple key -> ConversionError with path", lambda: conversion_error_path({"a": [0, {(1, 2): 3}]}), "$.a[1]"),
    ("self-containing list -> ConversionError", circular, True),
    ("create_proxy twice -> same function", lambda: same(create_proxy(handler), create_proxy(handler)), True),
    ("create/destroy leaves no live proxy", proxies_released, 0),
    ("is_none: None, null, undefined; not 0",
     lambda: [is_none(None), is_none(js.JSON.parse("null")), is_none(js.Function.new("return undefined")()),
              is_none(0)],
     [True, True, True, False]),
    ("to_py exact",
     lambda: to_py(js.JSON.parse('{"n": 9007199254740991, "x": null, "l": [1.5]}')) == {
         "n": 2**53 - 1, "x": None, "l": [1.5]},
     True),
    ("a JS throw is a JsException", throwing_getter, "RangeError: no"),
    ("query(window, path)", lambda: query(window, "document.title"), "pyscript-ffi: live checks"),
    ("gather(window, *paths)",
     lambda: list(gather(window, "Math.PI", "location.protocol")) + [is_none(query(window, "no.such.path"))],
     [3.141592653589793, "http:", True]),
    ("assign to a main-thread object", assign_on_main_thread, ['{"a":1,"b":[1,null],"__proto__":{"x":1}}|true', True]),
]  # fmt: skip


def run_all():
    index = COLUMNS.index(COLUMN) + 1
    passed = 0
    for n, (label, check, expected) in enumerate(CHECKS):
        try:
            got = check()
            ok = got == expected
            text = "pass" if ok else "FAIL: got " + repr(got)
        except Exception as e:  # a failing check is a table cell, not a crash
            ok = False
            text = "FAIL: " + type(e).__name__ + ": " + str(e)
        passed += ok
        assign(cell_for("check-" + str(n), label, index), {"textContent": text, "className": "pass" if ok else "fail"})
    done = window.document.getElementById("done-" + COLUMN)
    summary = str(passed) + "/" + str(len(CHECKS)) + " passed"
    assign(done, {"textContent": summary, "className": "pass" if passed == len(CHECKS) else "fail"})


run_all()
