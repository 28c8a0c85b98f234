"""Cases of the contract's section "Beside the interpreters' own FFI and PyScript's stdlib"
(rows `mixing.*`, and `proxy.generator`): what the package makes FOR JavaScript is the
interpreter's own handle, taken as the JS value itself by a raw `import js` (`raw` below); raw
values go into this package as they are; our JsProxy goes into the raw FFI through
`JsProxy.unwrap`."""

from typing import Any

from .model import Case, Err
from .snippets import USE_ARRAY

__all__ = ["CASES"]

MIX_FOR_JS = "mixing.made-for-js"
MIX_VIEW = "mixing.portable-view"
MIX_OURS_RAW = "mixing.ours-into-raw"
MIX_REFUSED = "mixing.refused"
USE_RAW = "import js as raw\nraw_fn = raw.Function.new"
TAG_RAW = "raw_fn('v', 'return Object.prototype.toString.call(v)')(v)"


def _raw(cid: str, spec: str, source: str, expect: Any, observe: str, **more: Any) -> Case:
    return Case(
        cid,
        spec,
        "to_js",
        source,
        expect,
        setup=USE_RAW + "\n" + more.pop("setup", ""),
        observe=observe,
        **more,
    )


def _mixed(cid: str, spec: str, source: str, expect: Any = None, **more: Any) -> Case:
    return Case(cid, spec, "js", source, expect, setup=USE_RAW + "\n" + more.pop("setup", ""), **more)


CASES: list[Case] = [
    # to_js results taken by a raw `import js` as the JS values themselves
    _raw("mix-raw-is-array", MIX_FOR_JS, "[1, 2]", True, "raw.Array.isArray(v)"),
    _raw("mix-raw-stringify", MIX_FOR_JS, '{"a": [1, None]}', '{"a":[1,null]}', "raw.JSON.stringify(v)"),
    _raw(
        "mix-raw-object-assign",
        MIX_FOR_JS,
        '{"w": 800}',
        '{"w":800}',
        "raw.JSON.stringify(target)",
        after="target = raw.Object.new()\nraw.Object.assign(target, v)",
    ),
    _raw(
        "mix-raw-push-stays-alive",
        MIX_FOR_JS,
        '{"a": 1}',
        '[{"a":1}]',
        "raw.JSON.stringify(kept)",
        after="kept = raw.Array.new()\nkept.push(v)\ndel v\nimport gc\ngc.collect()",
    ),
    _raw("mix-raw-uint8array", MIX_FOR_JS, 'b"abc"', "[object Uint8Array]", TAG_RAW),
    _raw("mix-raw-set", MIX_FOR_JS, "{1, 2}", "[object Set]", TAG_RAW),
    _raw(
        "mix-raw-map",
        MIX_FOR_JS,
        '{"a": 1}',
        "[object Map]",
        TAG_RAW,
        kwargs={"dict_converter": "js.Map.new"},
    ),
    _raw(
        "mix-raw-typed-array",
        MIX_FOR_JS,
        'array("h", [1, -2])',
        "[object Int16Array]",
        TAG_RAW,
        setup=USE_ARRAY,
    ),
    _raw("mix-raw-bigint-inside", MIX_FOR_JS, "[2**70]", "bigint", "raw_fn('v', 'return typeof v[0]')(v)"),
    _raw(
        "mix-raw-big-tape-route",
        MIX_FOR_JS,
        '{"s": {1}, "b": b"x"}',
        "[object Set] [object Uint8Array]",
        "raw_fn('v', 'const t = (x) => Object.prototype.toString.call(x);"
        ' return t(v.s) + " " + t(v.b)\')(v)',
    ),
    _raw(
        "mix-raw-of-jsproxy",
        MIX_FOR_JS,
        "js.Date.new(0)",
        "[object Date]",
        TAG_RAW,
    ),
    _mixed(
        "mix-raw-calls-create-proxy",
        MIX_FOR_JS,
        "raw_fn('f', 'return f(2)')(create_proxy(lambda x: x * 3))",
        "6",
        setup="from pyscript_ffi import create_proxy",
    ),
    _mixed(
        "mix-raw-calls-once-callable",
        MIX_FOR_JS,
        "raw_fn('f', 'return typeof f')(create_once_callable(lambda: 1))",
        '"function"',
        setup="from pyscript_ffi import create_once_callable",
    ),
    _raw(
        "mix-raw-handle-is-the-interpreters",
        MIX_FOR_JS,
        "[1]",
        [True, True],
        "[isinstance(v, RAW_PROXY), type(v) is not JsProxy]",
        setup="try:\n    from pyodide.ffi import JsProxy as RAW_PROXY\n"
        "except ImportError:\n    from jsffi import JsProxy as RAW_PROXY",
    ),
    _raw("mix-ours-take-it-back", MIX_FOR_JS, '{"a": [1, None]}', '{"a":[1,None]}', "pyshow(to_py(v))"),
    # the portable view of such a value, and the way back
    _raw(
        "mix-wrap-to-js",
        MIX_VIEW,
        "[1, 2, 3]",
        [3, 3, True],
        "[len(w), w[-1], type(w) is JsProxy]",
        after="w = JsProxy.wrap(v)",
    ),
    _raw(
        "mix-unwrap-same-each-time",
        MIX_VIEW,
        "[1]",
        True,
        "JsProxy.unwrap(w) is JsProxy.unwrap(w)",
        after="w = JsProxy.wrap(v)",
    ),
    # our JsProxy into the raw FFI: JsProxy.unwrap is the way (neither interpreter lets ours through)
    _mixed(
        "mix-unwrap-into-raw",
        MIX_OURS_RAW,
        "raw_fn('v', 'return v instanceof Date')(JsProxy.unwrap(js.Date.new(0)))",
        "True",
    ),
    _mixed(
        "mix-ours-into-raw-is-a-python-object",
        MIX_OURS_RAW,
        "raw_fn('v', 'return v instanceof Date')(js.Date.new(0))",
        "False",
    ),
    # never handed out raw where the interpreter's own conversion would probe it unsafely
    Case(
        "mix-to-js-of-revoked-proxy",
        MIX_REFUSED,
        "to_js",
        "p",
        setup="p = jsf('const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy')()",
        error=Err("JsException", None, "revoked"),
    ),
    _mixed(
        "mix-unwrap-of-function-with-ref",
        MIX_REFUSED,
        "JsProxy.unwrap(jsf('const f = () => 1; f._ref = 1; return f')())",
        error=Err("JsException", None, "_ref"),
    ),
    # a callback returning a generator: the one known difference (micropython#8614)
    _mixed(
        "callback-returns-generator",
        "proxy.generator",
        "raw_fn('f', 'const r = f(); return r instanceof Promise ? \"a Promise\" : typeof r.next')"
        "(create_proxy(gen))",
        "as documented",
        setup="import sys\nfrom pyscript_ffi import create_proxy\n\ndef gen():\n    yield 1\n",
        observe="'as documented' if v == {'cpython': 'function', 'micropython': 'a Promise'}"
        "[sys.implementation.name] else v",
    ),
]
