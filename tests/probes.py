"""JS-side observations for `@run_inside` test bodies: copied into every interpreter
(`interp_files` in pyproject.toml), imported inside a body as `from probes import same`.

Each probe looks at a value from JavaScript, so the answer never depends on an
interpreter's own proxy semantics (a raw JsProxy `==` is identity on
MicroPython <= 1.25, for example).
"""

from pyscript_ffi import js


def jsf(*args):
    """A JS function from `js.Function`'s arguments: parameter names, then the body."""
    return js.Function.new(*args)


#: `same(a, b)`: JS `a === b`.
same = jsf("a", "b", "return a === b")

#: `is_plain(o)`: the prototype of `o` is `Object.prototype`.
is_plain = jsf("o", "return Object.getPrototypeOf(o) === Object.prototype")

#: `typeof_(v)`: JS `typeof v`.
typeof_ = jsf("v", "return typeof v")

#: `show(v)`: the canonical text of a JS value (pyscript_ffi_host/cases/show.js).
show = js.__show

_probe = jsf(
    "f",
    "args",
    'try { return "ok " + __show(f(...(args || []))) } '
    'catch (e) { return [e instanceof Error, e.name, e.message].join("|") }',
)


def probe(f, args=None):
    """JS calls `f(...args)` (`args` a JS array) and reports, never throwing:
    `"ok <show of the result>"` or `"<is an Error>|<name>|<message>"`."""
    return _probe(f, args)


def recorder():
    """`(record, seen)`: a Python callable that appends every argument it gets to the list `seen`."""
    seen = []

    def record(*args):
        seen.extend(args)

    return record, seen


#: `fire(target)`: JS dispatches a "ping" Event on `target`.
fire = jsf("t", 't.dispatchEvent(new Event("ping"))')


def tree():
    """One JS object with nested arrays and objects, made in JS (not converted from Python)."""
    return js.JSON.parse('{"a": {"b": [{"c": 7}, 8]}, "x.y": 1, "n": null, "s": "hi"}')


#: `_gc_turn()`: a Promise that forces a full JS garbage collection (`gc`, exposed by
#: the plugin's `--expose-gc`; an Error if it is missing) and settles a few event-loop
#: turns later, once FinalizationRegistry callbacks have run.
_gc_turn = jsf(
    'if (typeof globalThis.gc !== "function") throw new Error("no globalThis.gc: start JS with --expose-gc");'
    "globalThis.gc(); return new Promise((r) => setTimeout(r, 5))"
)


async def collect_garbage():
    """Collect Python's garbage, then JS's (a few rounds: JS functions freed by one
    round may hold the last references to others), then let JS report what it released."""
    import gc

    for _ in range(3):
        gc.collect()
        await _gc_turn()


async def live_proxies_after_gc(expected):
    """`live_proxies()` once it is `expected`, or after 20 rounds of `collect_garbage`
    (a conservative collector, like MicroPython's, may hold the last object a round longer)."""
    from pyscript_ffi import live_proxies

    for _ in range(20):
        await collect_garbage()
        count = live_proxies()
        if count == expected:
            break
    return count


def live_js_refs():
    """How many JS values the interpreter itself holds for Python (its table of JS refs:
    MicroPython's `proxy_js_ref`, Pyodide's hiwire), for leak checks of raw handles."""
    import sys

    if sys.implementation.name == "micropython":
        return jsf("return proxy_js_ref.reduce((n, x) => (x === undefined ? n : n + 1), 0)")()
    import pyodide_js

    return pyodide_js._module._hiwire_num_refs()


async def live_js_refs_after_gc(at_most):
    """`live_js_refs()` once it is `at_most` or fewer, or after 20 rounds of `collect_garbage`."""
    for _ in range(20):
        await collect_garbage()
        count = live_js_refs()
        if count <= at_most:
            break
    return count
