"""Cases of the contract's section "JavaScript -> Python: `to_py`" (rows `to_py.*`): a JS
expression and `to_py` keywords -> the exact Python value (`pyshow(v)` by default), or the error.

Top-level JS numbers are converted by the interpreter itself before `to_py` sees them
(MicroPython wraps them to 32 bits, both turn `-0` into `0`), so the number cases hold their
numbers inside an Array.
"""

import struct
from typing import Any

from .model import Case, Err
from .snippets import PY_DAG_DEPTH, PY_DEPTH

__all__ = ["CASES"]

# Rows of docs/contract.md (their ids), as the `spec` column.
PY_TYPED = "to_py.typed-arrays"
PY_CONV = "to_py.default-converter"
PY_SHARED = "to_py.shared"
PY_COLLIDE = "to_py.collisions"
PY_ENGINE = "to_py.engine-sizes"
PY_BOUNDS = "to_py.bounds"


def _py(cid: str, spec: str, source: str, expect: Any = None, **more: Any) -> Case:
    return Case(cid, spec, "to_py", source, expect, **more)


CASES: list[Case] = [
    # to_py
    _py("py-object", "to_py.object", '{"a": 1, "b": [true, null]}', '{"a":1,"b":[True,None]}'),
    _py("py-array", "to_py.array", '[1, "x", null, undefined, false]', '[1,"x",None,None,False]'),
    _py("py-nested", "to_py.object", '{"a": {"b": [{"c": []}]}}', '{"a":{"b":[{"c":[]}]}}'),
    _py("py-null-proto", "to_py.object", 'Object.assign(Object.create(null), {"k": 1})', '{"k":1}'),
    _py("py-map", "to_py.map", 'new Map([["a", 1], [2, "b"]])', '{"a":1,2:"b"}'),
    _py("py-set", "to_py.set", 'new Set([1, "a"])', 'set{"a",1}'),
    _py("py-uint8array", "to_py.bytes", "new Uint8Array([0, 1, 255])", "b[0,1,255]"),
    _py("py-arraybuffer", "to_py.bytes", "new Uint8Array([7, 8]).buffer", "b[7,8]"),
    _py("py-uint8clamped", "to_py.bytes", "new Uint8ClampedArray([0, 255])", "b[0,255]"),
    _py("py-dataview", "to_py.bytes", "new DataView(new Uint8Array([1, 2, 3]).buffer, 1)", "b[2,3]"),
    _py("py-int8array", PY_TYPED, "new Int8Array([-128, 127])", "array(b)[-128,127]"),
    _py("py-int16array", PY_TYPED, "new Int16Array([1, -1])", "array(h)[1,-1]"),
    _py("py-uint16array", PY_TYPED, "new Uint16Array([0, 65535])", "array(H)[0,65535]"),
    _py(
        "py-int32array",
        PY_TYPED,
        "new Int32Array([-2147483648, 2147483647])",
        "array(i)[-2147483648,2147483647]",
    ),
    _py("py-uint32array", PY_TYPED, "new Uint32Array([4294967295])", "array(I)[4294967295]"),
    _py(
        "py-bigint64array",
        PY_TYPED,
        "new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n])",
        "array(q)[-9223372036854775808,9223372036854775807]",
    ),
    _py(
        "py-biguint64array",
        PY_TYPED,
        "new BigUint64Array([2n ** 64n - 1n])",
        "array(Q)[18446744073709551615]",
    ),
    _py("py-float32array", PY_TYPED, "new Float32Array([0.5, -2.25])", "array(f)[0.5,-2.25]"),
    _py(
        "py-float32array-exact",
        PY_TYPED,
        "new Float32Array([0.1])",
        ["000000a09999b93f"],
        setup="import struct",
        observe="[struct.pack('<d', x).hex() for x in v]",
    ),
    _py(
        "py-float64array",
        PY_TYPED,
        "new Float64Array([0.5, -0, NaN, -Infinity])",
        "array(d)[0.5,-0.0,nan,-inf]",
    ),
    _py("py-typed-subarray", PY_TYPED, "new Int16Array([1, 2, 3, 4]).subarray(1, 3)", "array(h)[2,3]"),
    _py("py-typed-empty", PY_TYPED, "[new Float64Array(0)]", "[array(d)[]]"),
    _py("py-typed-in-object", PY_TYPED, "({a: [new Uint32Array([7])]})", '{"a":[array(I)[7]]}'),
    _py("py-subarray", "to_py.bytes", "new Uint8Array([1, 2, 3, 4]).subarray(1, 3)", "b[2,3]"),
    _py("py-null", "to_py.none", "[null]", "[None]"),
    _py("py-undefined", "to_py.none", "[undefined]", "[None]"),
    _py("py-null-top", "to_py.none", "null", "None"),
    _py(
        "py-int32-edges",
        "to_py.number",
        "[2147483647, 2147483648, -2147483648, -2147483649]",
        "[2147483647,2147483648,-2147483648,-2147483649]",
    ),
    _py(
        "py-safe-int",
        "to_py.number",
        "[9007199254740991, -9007199254740991]",
        "[9007199254740991,-9007199254740991]",
    ),
    _py(
        "py-unsafe-integral-is-float",
        "to_py.number",
        "[9007199254740992, 2 ** 70]",
        "[9007199254740992.0,1180591620717411303424.0]",
    ),
    _py("py-float", "to_py.number", "[1.5, 0.1]", "[1.5,0.1]"),
    _py(
        "py-float-exact",
        "to_py.number",
        "[5e-324, 2 ** 70, 1.7976931348623157e308, 0.1, 1 / 3, -2.2250738585072014e-308]",
        [
            struct.pack("<d", x).hex()
            for x in (5e-324, 2.0**70, 1.7976931348623157e308, 0.1, 1 / 3, -2.2250738585072014e-308)
        ],
        setup="import struct",
        observe="[struct.pack('<d', x).hex() for x in v]",
    ),
    _py("py-negzero", "to_py.number", "[-0]", "[-0.0]"),
    _py("py-specials", "to_py.number", "[NaN, Infinity, -Infinity]", "[nan,inf,-inf]"),
    _py(
        "py-bigint",
        "to_py.bigint",
        "[2n ** 70n, -(2n ** 53n), 5n]",
        "[1180591620717411303424,-9007199254740992,5]",
    ),
    _py("py-bigint-top", "to_py.bigint", "2n ** 70n", "1180591620717411303424"),
    _py(
        "py-bigint-is-an-int-subclass",
        "to_py.bigint-subclass",
        "[5n, 2n ** 70n, -(2n ** 64n), 0n]",
        [[True, True, True]] * 4,
        observe="[[isinstance(x, int), type(x) is not int, x == int(x)] for x in v]",
    ),
    _py(
        "py-bigint-subclass-in-map",
        "to_py.bigint-subclass",
        'new Map([["k", 7n]])',
        [True, 7, True],
        observe="[type(v['k']) is not int, v['k'], hash(v['k']) == hash(7)]",
    ),
    _py("py-string-nul", "to_py.str", '["a\\u0000b"]', '["a\\u{0}b"]'),
    _py("py-string-astral", "to_py.str", '["\\u{1F600}"]', '["\\u{1f600}"]'),
    _py(
        "py-long-string",
        "to_py.str",
        '["a\\u0000\\u{1F600}".repeat(500)]',
        [1500, 0, 128512],
        observe="[len(v[0]), ord(v[0][1]), ord(v[0][2])]",
    ),
    _py(
        "py-long-key",
        "to_py.object",
        '({["k".repeat(2000)]: 1})',
        [2000, 1],
        observe="[len(list(v)[0]), list(v.values())[0]]",
    ),
    _py("py-bool", "to_py.bool", "[true, false]", "[True,False]"),
    _py("py-date-stays-proxy", "to_py.other", "[new Date(0)]", "[JsProxy]"),
    _py("py-function-stays-proxy", "to_py.other", "{f: () => 1}", '{"f":JsProxy}'),
    _py(
        "py-class-instance-stays-proxy",
        "to_py.other",
        "[new (class A { constructor() { this.x = 1 } })()]",
        "[JsProxy]",
    ),
    # to_py's default_converter
    _py(
        "py-default-converter-date",
        PY_CONV,
        "[new Date(86400000), 1]",
        '[("date",86400000),1]',
        kwargs={"default_converter": "lambda v, convert, cache: ('date', v.getTime())"},
    ),
    _py(
        "py-default-converter-convert",
        PY_CONV,
        "[new (class P { constructor() { this.x = [1, {y: null}] } })()]",
        '[{"x":[1,{"y":None}]}]',
        kwargs={"default_converter": "lambda v, convert, cache: {'x': convert(v.x)}"},
    ),
    _py(
        "py-default-converter-function",
        PY_CONV,
        "({f: () => 1})",
        '{"f":"function"}',
        kwargs={"default_converter": "lambda v, convert, cache: 'function'"},
    ),
    _py(
        "py-default-converter-not-for-plain",
        PY_CONV,
        "({a: [1, {b: new Uint8Array([2])}], m: new Map([[1, 2]])})",
        '{"a":[1,{"b":b[2]}],"m":{1:2}}',
        kwargs={"default_converter": "lambda v, convert, cache: 'never'"},
    ),
    _py(
        "py-default-converter-cache-shared",
        PY_CONV,
        "(() => { const d = new Date(0); return [d, {again: d}]; })()",
        [True, 1],
        setup=(
            "asked = []\n"
            "def conv(v, convert, cache):\n"
            "    out = {'t': 0}\n"
            "    asked.append(1)\n"
            "    cache(v, out)\n"
            "    return out\n"
        ),
        kwargs={"default_converter": "conv"},
        observe="[v[0] is v[1]['again'], len(asked)]",
    ),
    _py(
        "py-default-converter-cache-cycle",
        PY_CONV,
        "(() => { class Pair { constructor() { this.first = 1; this.second = this } } return new Pair() })()",
        [1, True],
        setup=(
            "def conv(v, convert, cache):\n"
            "    out = []\n"
            "    cache(v, out)\n"
            "    out.append(convert(v.first))\n"
            "    out.append(convert(v.second))\n"
            "    return out\n"
        ),
        kwargs={"default_converter": "conv"},
        observe="[v[0], v[1] is v]",
    ),
    _py(
        "py-default-converter-not-beyond-depth",
        PY_CONV,
        "[[new Date(0)], new Date(0)]",
        '[[JsProxy],"d"]',
        kwargs={"depth": "2", "default_converter": "lambda v, convert, cache: 'd'"},
    ),
    _py("py-depth-1", "to_py.depth", "[[1], {a: 2}]", "[JsProxy,JsProxy]", kwargs={"depth": "1"}),
    _py("py-depth-2", "to_py.depth", "[[1, [2]]]", "[[1,JsProxy]]", kwargs={"depth": "2"}),
    _py(
        "py-deep-500",
        "to_py.deep",
        "(() => { let v = []; for (let i = 0; i < 499; i++) v = [v]; return v })()",
        500,
        after=PY_DEPTH,
        observe="n",
    ),
    _py(
        "py-getter-throws",
        "to_py.errors",
        '({ok: 1, get bad() { throw new RangeError("getter says no") }})',
        error=Err("JsException", "$.bad", "getter says no"),
    ),
    _py(
        "py-cycle",
        "to_py.errors",
        "(() => { const a = [1, {}]; a[1].self = a; return a })()",
        error=Err("ConversionError", "$[1].self", "circular reference"),
    ),
    _py(
        "py-roundtrip",
        "to_py.round-trip",
        '{"a": [1, 2.5, "x", null, true], "b": {"c": 2 ** 31}}',
        '{"a":[1,2.5,"x",None,True],"b":{"c":2147483648}}',
    ),
    # shared JS objects: one Python object
    _py(
        "py-shared-array",
        PY_SHARED,
        "(() => { const r = [1]; return [r, r] })()",
        True,
        observe="v[0] is v[1]",
    ),
    _py(
        "py-shared-object",
        PY_SHARED,
        "(() => { const r = {a: 1}; return {x: r, y: [r]} })()",
        True,
        observe="v['x'] is v['y'][0]",
    ),
    _py(
        "py-shared-through-map",
        PY_SHARED,
        '(() => { const r = [1]; return new Map([["a", r], ["b", r]]) })()',
        True,
        observe="v['a'] is v['b']",
    ),
    _py(
        "py-shared-dag-40-arrays",
        PY_SHARED,
        "(() => { let x = [1]; for (let i = 0; i < 40; i++) x = [x, x]; return x })()",
        [40, True],
        after=PY_DAG_DEPTH,
        observe="[n, ok]",
    ),
    _py(
        "py-shared-dag-40-objects",
        PY_SHARED,
        "(() => { let x = {}; for (let i = 0; i < 40; i++) x = {l: x, r: x}; return x })()",
        [40, True],
        after="n = 0\nok = True\nwhile type(v) is dict and len(v) == 2:\n    ok = ok and v['l'] is v['r']\n"
        "    n += 1\n    v = v['l']",
        observe="[n, ok]",
    ),
    # Map keys / Set values that are objects: hashable JsProxy keys, one per JS object
    _py(
        "py-map-object-keys",
        "to_py.object-keys",
        '(() => { const k = [1]; return new Map([[k, "x"], [{a: 1}, "y"], [2, "z"]]); })()',
        '{2:"z",JsProxy:"x",JsProxy:"y"}',
    ),
    _py("py-set-object-values", "to_py.object-keys", "new Set([[1], {a: 1}, 2])", "set{2,JsProxy,JsProxy}"),
    # Map keys / Set values that collide in Python
    _py(
        "py-map-1-and-true",
        PY_COLLIDE,
        'new Map([[1, "a"], [true, "b"]])',
        error=Err("ConversionError", "$", "two Map keys become the same Python key"),
    ),
    _py(
        "py-map-1-and-1n",
        PY_COLLIDE,
        'new Map([[1, "a"], [1n, "b"]])',
        error=Err("ConversionError", "$", "two Map keys become the same Python key"),
    ),
    _py(
        "py-set-0-and-false",
        PY_COLLIDE,
        "new Set([0, false])",
        error=Err("ConversionError", "$", "two Set values become the same Python value"),
    ),
    _py(
        "py-set-collision-path",
        PY_COLLIDE,
        "({s: [new Set([1, true])]})",
        error=Err("ConversionError", "$.s[0]", "two Set values"),
    ),
    _py("py-map-str-and-number-differ", PY_COLLIDE, 'new Map([["1", "a"], [1, "b"]])', '{"1":"a",1:"b"}'),
    # sizes and views from the engine, getters once, no toJSON
    _py(
        "py-map-lying-size",
        PY_ENGINE,
        '(() => { const m = new Map([[1, "a"]]); Object.defineProperty(m, "size", {value: 3}); return m })()',
        '{1:"a"}',
    ),
    _py(
        "py-map-shadowed-iteration",
        PY_ENGINE,
        '(() => { const m = new Map([[1, "a"]]); m.entries = m.forEach = m.keys = m.values = '
        "m[Symbol.iterator] = () => { throw new Error('asked') }; return m })()",
        '{1:"a"}',
    ),
    _py(
        "py-set-lying-size",
        PY_ENGINE,
        "(() => { const s = new Set([1, 2]); Object.defineProperty(s, 'size', {value: 0}); "
        "s.values = s.forEach = () => { throw new Error('asked') }; return s })()",
        "set{1,2}",
    ),
    _py(
        "py-uint8array-shadowed-views",
        PY_ENGINE,
        "(() => { const u = new Uint8Array([1, 2, 3]).subarray(1); "
        "for (const k of ['buffer', 'byteOffset', 'byteLength', 'length']) "
        "Object.defineProperty(u, k, {value: k === 'buffer' ? new ArrayBuffer(9) : 0}); return [u] })()",
        "[b[2,3]]",
    ),
    _py(
        "py-dataview-shadowed-views",
        PY_ENGINE,
        "(() => { const d = new DataView(new Uint8Array([5, 6, 7]).buffer, 1); "
        "Object.defineProperty(d, 'byteLength', {value: 0}); return [d] })()",
        "[b[6,7]]",
    ),
    _py(
        "py-getter-read-once",
        PY_ENGINE,
        "(() => { globalThis.__reads = 0; return {get x() { globalThis.__reads++; return 1 }} })()",
        ['{"x":1}', 1],
        observe="[pyshow(v), js.__reads]",
    ),
    _py(
        "py-getter-read-once-on-the-tape",
        PY_ENGINE,
        "(() => { globalThis.__reads = 0; "
        "return {get x() { globalThis.__reads++; return new Map([[1, 2]]) }} })()",
        ['{"x":{1:2}}', 1],
        observe="[pyshow(v), js.__reads]",
    ),
    _py(
        "py-element-getter-read-once",
        PY_ENGINE,
        "(() => { globalThis.__reads = 0; const a = [1, 2]; "
        "Object.defineProperty(a, 1, {get() { globalThis.__reads++; return new Set([2]) }}); return a })()",
        ["[1,set{2}]", 1],
        observe="[pyshow(v), js.__reads]",
    ),
    _py(
        "py-tojson-never-asked",
        PY_ENGINE,
        "(() => { const o = {a: [1]}; Object.defineProperty(o, 'toJSON', {value: () => 'lie'}); "
        "Object.defineProperty(o.a, 'toJSON', {value: () => 'lie'}); return o })()",
        '{"a":[1]}',
    ),
    # bounds
    _py(
        "py-array-length-2-32",
        PY_BOUNDS,
        "[new Array(2 ** 32 - 1)]",
        error=Err("ConversionError", "$[0]", "over the limit of 10000000 elements in one container"),
    ),
    _py(
        "py-array-over-the-limit",
        PY_BOUNDS,
        "new Array(10000001)",
        error=Err("ConversionError", "$", "an Array of length 10000001 is over the limit of 10000000"),
    ),
    _py("py-array-at-the-limit-of-holes", PY_BOUNDS, "new Array(100000)", 100000, observe="len(v)"),
    _py(
        "py-endless-getter-chain",
        PY_BOUNDS,
        "(() => { const mk = () => ({get next() { return mk() }}); return mk() })()",
        error=Err("ConversionError", "$" + ".next" * 100000, "nesting is over the limit of 100000 levels"),
    ),
    _py(
        "py-total-over-the-limit",
        PY_BOUNDS,
        "Array.from({length: 21}, () => new Array(1000000))",
        error=Err("ConversionError", "$[19][999979]", "over the limit of 20000000 values in one conversion"),
    ),
    _py("py-holes-are-none", PY_BOUNDS, "[1, , 3]", "[1,None,3]"),
]
