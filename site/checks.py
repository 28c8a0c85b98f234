"""The package's own checks, live: each runs here, in the visitor's browser.

The same file runs four times on check.html: `py` and `mpy`, main thread and
worker. Each check returns (got, expected); the row shows pass or what differed.
Checks on `window` objects run against the main thread: from a worker they go
through PyScript's one-round-trip `query`/`gather`/`assign`.
"""

import sys

from pyscript import window as main_window

from pyscript_ffi import (
    ConversionError,
    JsException,
    JsProxy,
    assign,
    create_proxy,
    direct,
    gather,
    is_none,
    js,
    live_proxies,
    query,
    to_js,
    to_py,
)

# PyScript's `window` is the interpreter's own proxy (in a worker, a reflected-ffi
# proxy of the main thread's globalThis): wrapped, it is used like any other JsProxy.
window = JsProxy.wrap(main_window)
INTERPRETER = "py" if sys.implementation.name == "cpython" else "mpy"
IN_WORKER = js.self.constructor.name != "Window"
COLUMN = INTERPRETER + "-" + ("worker" if IN_WORKER else "main")

# JS-side observations, compared as text.
describe = js.Function.new(
    "v", "return typeof v + ':' + (typeof v == 'object' ? JSON.stringify(v) : String(v))"
)
first_length = js.Function.new("a", "return a[0].length")
proto_and_keys = js.Function.new(
    "o", "return (Object.getPrototypeOf(o) === Object.prototype) + ':' + Object.keys(o).join()"
)
same = js.Function.new("a", "b", "return a === b")
same_on_main = window.Function.new("a", "b", "return a === b")
inner_is_plain = window.Function.new("t", "return Object.getPrototypeOf(t.inner) === Object.prototype")
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


CHECKS = []  # (label, function, expected)


def check(label, expected):
    """Register the decorated function as a check expected to return `expected`."""

    def register(func):
        CHECKS.append((label, func, expected))
        return func

    return register


@check("dict -> plain Object, None -> null", 'object:{"a":[1,null,{"c":true}]}')
def _():
    return describe(to_js({"a": [1, None, {"c": True}]}))


@check("small int keys kept", 'object:{"0":"zero"}')
def _():
    return describe(to_js({0: "zero"}))


@check("2**40 exact number", "object:[1099511627776]")
def _():
    return describe(to_js([2**40]))


@check("2**64 -> BigInt", "bigint:18446744073709551616")
def _():
    return describe(to_js(2**64))


@check("NUL kept in strings", 3)
def _():
    return first_length(to_js(["a\x00b"]))


@check('"__proto__" is an own key', "true:__proto__")
def _():
    return proto_and_keys(to_js({"__proto__": {"x": 1}}))


@check("tuple key -> ConversionError with path", "$.a[1]")
def _():
    try:
        to_js({"a": [0, {(1, 2): 3}]})
    except ConversionError as e:
        return e.path
    return "no error"


@check("self-containing list -> ConversionError", True)
def _():
    loop = [1]
    loop.append(loop)
    try:
        to_js(loop)
    except ConversionError as e:
        return "circular" in str(e)
    return False


def handler(event):
    return None


@check("create_proxy twice -> same function", True)
def _():
    return same(create_proxy(handler), create_proxy(handler))


@check("create/destroy leaves no live proxy", 0)
def _():
    before = live_proxies()
    proxy = create_proxy(lambda: 1)
    proxy.destroy()
    return live_proxies() - before


@check("JsProxy: exact numbers, None, len, bool, in, this, keywords", [True, None, 3, False, True, 5, 3])
def _():
    o = js.JSON.parse('{"a": null, "items": [1, 2, 3], "empty": []}')
    f = js.Function.new("a", "opts", "return a + opts.x")
    m = js.Function.new("return {n: 5, get() { return this.n }}")()
    return [js.Date.now() > 2**40, o.a, len(o["items"]), bool(o.empty), "a" in o, m.get(), f(1, x=2)]


@check("JsProxy: a JS throw is a JsException; main-thread objects wrap too", ["SyntaxError", "Window"])
def _():
    try:
        js.JSON.parse("{bad")
        name = "no error"
    except JsException as e:
        name = e.name
    return [name, window.constructor.name]


@check("is_none: None, null, undefined; not 0", [True, True, True, False])
def _():
    undefined = js.Function.new("return undefined")()
    return [is_none(None), is_none(js.JSON.parse("null")), is_none(undefined), is_none(0)]


@check("to_py exact", {"n": 2**53 - 1, "x": None, "l": [1.5]})
def _():
    return to_py(js.JSON.parse('{"n": 9007199254740991, "x": null, "l": [1.5]}'))


@check("a JS throw is a JsException", "RangeError: no")
def _():
    bad = js.Function.new("return { get boom() { throw new RangeError('no') } }")()
    try:
        query(bad, "boom")
    except JsException as e:
        return e.name + ": " + e.message
    return "no error"


@check("query(window, path)", "pyscript-ffi: live checks")
def _():
    return query(window, "document.title")


@check("gather(window, *paths)", [3.141592653589793, "http:", True])
def _():
    pi, protocol, missing = gather(window, "Math.PI", "location.protocol", "no.such.path")
    return [pi, protocol, is_none(missing)]


@check("assign to a main-thread object", '{"a":1,"b":[1,null],"__proto__":{"x":1}}|true|true')
def _():
    target = window.Object.new()
    out = assign(target, {"a": 1}, {"b": [1, None]}, {"__proto__": {"x": 1}})
    return main_view(target) + "|" + str(same_on_main(out, target)).lower()


@check('assign: a nested "__proto__" is an own key', '{"inner":{"__proto__":{"x":1}}}|true|true')
def _():
    target = assign(window.Object.new(), {"inner": {"__proto__": {"x": 1}}})
    return main_view(target) + "|" + str(inner_is_plain(target)).lower()


@check("query: brackets and a missing step", ["pyscript-ffi: live checks", 1, True])
def _():
    title = query(window, "document['title']")
    length = query(window, 'Array["isArray"].length')
    return [title, length, is_none(query(window, "document.nope.deeper"))]


@check("a main-thread throw is a JsException", True)
def _():
    bad = window.Function.new("return { get boom() { throw new RangeError('no') } }")()
    try:
        query(bad, "boom")
    except JsException:
        return True
    return False


@check("direct returns its argument", True)
def _():
    obj = js.Object.new()
    return same(direct(obj), obj)


# By value, a worker's object keeps the value it had when sent; by reference (the
# main thread, where `direct` is the identity) the main thread sees later changes.
@check("direct: a worker object crosses by value", 1 if IN_WORKER else 2)
def _():
    slot = "__kept_" + COLUMN.replace("-", "_")
    keep = window.Function.new("o", "globalThis." + slot + " = o; return 0")
    read = window.Function.new("return globalThis." + slot + ".x")
    obj = js.Object.new()
    obj.x = 1
    keep(direct(obj))
    obj.x = 2
    return read()


@check("in a worker, PyScript's one-round-trip ffi is used", True)
def _():
    # the package's own switch, not public API
    try:
        from pyscript_ffi._worker_utils import in_worker
    except ImportError:  # the .mpy is the whole package as one module
        from pyscript_ffi import in_worker

    return (in_worker() is not None) == IN_WORKER


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
        cell = cell_for("check-" + str(n), label, index)
        assign(cell, {"textContent": text, "className": "pass" if ok else "fail"})
    done = window.document.getElementById("done-" + COLUMN)
    summary = str(passed) + "/" + str(len(CHECKS)) + " passed"
    assign(done, {"textContent": summary, "className": "pass" if passed == len(CHECKS) else "fail"})


run_all()
