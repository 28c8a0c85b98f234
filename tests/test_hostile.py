"""Hostile inputs: each gives a correct result or a ConversionError/JsException
with the path, never a crash or a hang, and the interpreter converts the next
value correctly afterwards. One table; each row records exactly what it gives
(the case format is pyscript_ffi_host/cases.py's)."""

import pytest

from pyscript_ffi_host.cases import (
    COMMON,
    DAG_DEPTH_JS,
    DEPTH_OF,
    IS_PLAIN,
    KEYS_DEPTH_OF,
    OURS,
    PY_DEPTH,
    THING,
    Case,
    Err,
    judge,
    program,
)

NO_POLLUTION = "jsf('return ({}).polluted === undefined && Object.prototype.polluted === undefined')()"
#: A class whose __hash__ raises once `build` has put an instance in a dict/set.
HASH_K = (
    "class K:\n    ok = True\n    def __hash__(self):\n        if K.ok:\n            return 1\n"
    "        raise ValueError('no hash')\n{build}\nK.ok = False"
)


def to_js(cid, source, expect=None, **more):
    return Case(cid, "errors.hostile", "to_js", source, expect, **more)


def to_py(cid, source, expect=None, **more):
    return Case(cid, "errors.hostile", "to_py", source, expect, **more)


HOSTILE = [
    # cycles
    to_js(
        "cycle-at-depth-50",
        "top",
        setup="top = []\ncur = top\nfor _ in range(50):\n    cur.append([])\n"
        "    cur = cur[0]\ncur.append(top)",
        error=Err("ConversionError", "$" + "[0]" * 51, "circular reference"),
    ),
    to_js(
        "cycle-through-dict-and-list",
        "d",
        setup='d = {"a": [{"b": None}]}\nd["a"][0]["b"] = d',
        error=Err("ConversionError", "$.a[0].b", "circular reference"),
    ),
    to_js(
        "cycle-through-tuple",
        "l",
        setup="l = []\nl.append((l,))",
        error=Err("ConversionError", "$[0][0]", "circular reference"),
    ),
    to_js("cycle-cut-by-depth", "l", "[1,<PyProxy>]", setup="l = [1]\nl.append(l)", kwargs={"depth": "1"}),
    to_js(
        "cycle-within-depth",
        "l",
        setup="l = [1]\nl.append(l)",
        kwargs={"depth": "2"},
        error=Err("ConversionError", "$[1]", "circular reference"),
    ),
    to_py(
        "js-cycle-through-map",
        '(() => { const m = new Map(); m.set("self", [m]); return m })()',
        error=Err("ConversionError", "$.self[0]", "circular reference"),
    ),
    # keys
    to_js("tuple-key-nested", '{"k": [{("a", 1): 1}]}', error=Err("ConversionError", "$.k[0]", "tuple")),
    to_js("object-key", "{Thing(): 1}", setup=THING, error=Err("ConversionError", "$", "Thing")),
    to_js(
        "none-and-null-collide", '[[{None: 1, "null": 2}]]', error=Err("ConversionError", "$[0][0]", '"null"')
    ),
    to_js("float-and-str-collide", '{1.0: "a", "1": "b"}', error=Err("ConversionError", "$", '"1"')),
    to_js(
        "special-float-keys",
        '{float("nan"): 1, float("inf"): 2, -0.0: 3}',
        '{"0":3,"Infinity":2,"NaN":1}',
        observe="show_sorted(v)",
    ),
    to_js("str-subclass-key", '{S("a"): 1}', '{"a":1}', setup="class S(str):\n    pass"),
    to_js(
        "proto-key-nested-payload",
        '{"__proto__": {"constructor": {"prototype": {"polluted": 1}}}}',
        [True, True],
        observe=f"[{IS_PLAIN}, {NO_POLLUTION}]",
    ),
    to_js(
        "proto-key-through-from-entries",
        '{"__proto__": {"polluted": 1}}',
        ['{"__proto__":{"polluted":1}}', True],
        kwargs={"dict_converter": "js.Object.fromEntries"},
        observe=f"[show(v), {IS_PLAIN}]",
    ),
    to_js(
        "constructor-prototype-keys",
        '{"constructor": "x", "prototype": 1, "toString": None}',
        '{"constructor":"x","prototype":1,"toString":null}',
        observe="show_sorted(v)",
    ),
    # size and depth
    to_js(
        "nesting-10000-lists",
        "x",
        10000,
        setup="x = []\nfor _ in range(9999):\n    x = [x]",
        observe=DEPTH_OF,
    ),
    to_js(
        "nesting-10000-dicts",
        "x",
        10000,
        setup="x = {}\nfor _ in range(10000):\n    x = {'k': x}",
        observe=KEYS_DEPTH_OF,
    ),
    to_py(
        "js-nesting-10000",
        "(() => { let v = []; for (let i = 0; i < 9999; i++) v = [v]; return v })()",
        10000,
        after=PY_DEPTH,
        observe="n",
    ),
    to_js("string-10mb", '["x" * 10_000_000]', 10_000_000, observe="jsf('v', 'return v[0].length')(v)"),
    to_js(
        "string-1mb-with-nuls",
        '["a\\x00" * 500_000]',
        "1000000:500000",
        observe="jsf('v', 'return v[0].length + \":\" + (v[0].split(\"\\\\0\").length - 1)')(v)",
    ),
    to_py("js-string-10mb", '["x".repeat(10000000)]', 10_000_000, observe="len(v[0])"),
    to_py("js-sparse-array", "new Array(100000)", [100000, True], observe="[len(v), v[99999] is None]"),
    # hostile Python objects
    to_js(
        "iter-raises",
        '{"a": L([1])}',
        setup="class L(list):\n    def __iter__(self):\n        raise ValueError('no iter')",
        error=Err("ConversionError", "$.a", "ValueError: no iter"),
    ),
    to_js(
        "iter-raises-midway",
        "[0, L([1, 2])]",
        setup="class L(list):\n    def __iter__(self):\n        yield 1\n        raise ValueError('midway')",
        error=Err("ConversionError", "$[1][0]", "ValueError: midway"),
    ),
    to_js(
        "len-raises",
        "L([1, 2])",
        "[1,2]",
        setup="class L(list):\n    def __len__(self):\n        raise ValueError('no len')",
    ),
    to_js(
        "items-raises",
        '[D({"a": 1})]',
        setup="class D(dict):\n    def items(self):\n        raise KeyError('no items')",
        error=Err("ConversionError", "$[0]", "KeyError"),
    ),
    to_js(
        "hash-raises-as-key",
        "d",
        setup=HASH_K.format(build="d = {K(): 1}"),
        error=Err("ConversionError", "$", "K"),
    ),
    to_js(
        "hash-raises-in-set",
        "[s]",
        "object",
        setup=HASH_K.format(build="s = {K()}"),
        observe="jsf('v', 'return typeof [...v[0]][0]')(v)",
    ),
    to_js(
        "getattr-raises",
        "[W()]",
        error=Err("ConversionError", "$[0]", "W"),
        kwargs={"create_pyproxies": "False"},
        setup="class W:\n    def __getattr__(self, name):\n        raise RuntimeError('attr ' + name)",
    ),
    to_js(
        "int-subclass-str-raises",
        "[I(5)]",
        "[5]",
        setup="class I(int):\n    def __str__(self):\n"
        "        raise ValueError('no str')\n    __repr__ = __str__",
    ),
    to_js(
        "generator-becomes-proxy",
        "[(i for i in range(3))]",
        "object",
        observe="jsf('v', 'return typeof v[0]')(v)",
    ),
    # converters
    to_js(
        "default-converter-raises",
        "[1, Thing()]",
        setup=THING,
        kwargs={"default_converter": "lambda v, c, k: 1 // 0"},
        error=Err("ConversionError", "$[1]", "ZeroDivisionError"),
    ),
    to_js(
        "default-converter-garbage",
        "[Thing()]",
        "object",
        setup=THING,
        kwargs={"default_converter": "lambda v, c, k: object()"},
        observe="jsf('v', 'return typeof v[0]')(v)",
    ),
    to_js(
        "default-converter-garbage-no-proxies",
        "[Thing()]",
        setup=THING,
        kwargs={"default_converter": "lambda v, c, k: object()", "create_pyproxies": "False"},
        error=Err("ConversionError", "$[0]", "object"),
    ),
    to_js(
        "default-converter-returns-itself",
        "[Thing()]",
        "object",
        setup=THING,
        kwargs={"default_converter": "lambda v, c, k: v"},
        observe="jsf('v', 'return typeof v[0]')(v)",
    ),
    to_js(
        "dict-converter-raises-python",
        '{"a": {"b": 1}}',
        kwargs={"dict_converter": "lambda e: 1 // 0"},
        error=Err("JsException", "$.a", "ZeroDivisionError"),
    ),
    to_js("dict-converter-garbage", '{"a": {"b": 1}}', "42", kwargs={"dict_converter": "lambda e: 42"}),
    to_js(
        "dict-converter-not-callable-js",
        '{"a": 1}',
        kwargs={"dict_converter": "js.Object.new()"},
        error=Err("JsException", "$", ""),
    ),
    # hostile JS values in to_py
    to_py(
        "getter-throws-deep",
        '{a: [{ok: 1, get x() { throw new TypeError("getter t") }}]}',
        error=Err("JsException", "$.a[0].x", "getter t"),
    ),
    to_py("getter-throws-number", "({get x() { throw 42 }})", error=Err("JsException", "$.x", "42")),
    to_py(
        "proxy-ownkeys-throws",
        '[new Proxy({}, {ownKeys() { throw new Error("no keys") }})]',
        error=Err("JsException", "$[0]", "no keys"),
    ),
    to_py(
        "revoked-proxy",
        "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return [r.proxy] })()",
        error=Err("JsException", "$[0]", "revoked"),
    ),
    to_py(
        "map-with-array-key",
        'new Map([[[1], "x"]])',
        error=Err("ConversionError", "$", "unhashable Map key [1]"),
    ),
    to_py(
        "set-with-array", "new Set([[1]])", error=Err("ConversionError", "$[0]", "unhashable Set value [1]")
    ),
    # shared structure: one object each side, in linear time
    to_js(
        "dag-40-through-tuples",
        "x",
        40,
        setup="x = ()\nfor _ in range(40):\n    x = (x, x)",
        observe=DAG_DEPTH_JS,
    ),
    to_js(
        "dag-40-of-sets-in-lists",
        "x",
        True,
        setup="x = [frozenset([1])]\nfor _ in range(40):\n    x = [x, x, frozenset([len(x)])]",
        observe="jsf('v', 'for (let i = 0; i < 40; i++) { if (v[0] !== v[1]) return false; v = v[0] } "
        "return true')(v)",
    ),
    to_py(
        "js-dag-40-through-maps",
        "(() => { let x = new Map(); "
        "for (let i = 0; i < 40; i++) x = new Map([['l', x], ['r', x]]); return x })()",
        [40, True],
        after="n = 0\nok = True\nwhile v:\n    ok = ok and v['l'] is v['r']\n    n += 1\n    v = v['l']",
        observe="[n, ok]",
    ),
    to_py(
        "js-getter-returns-a-shared-object",
        "(() => { globalThis.__reads = 0; const s = [1]; "
        "return {b: s, get a() { globalThis.__reads++; return s }} })()",
        [True, 1],
        observe="[v['a'] is v['b'], js.__reads]",
    ),
    # collisions
    to_py(
        "js-map-true-then-1",
        "new Map([[true, 1], [1, 2]])",
        error=Err("ConversionError", "$", "same Python key"),
    ),
    to_py(
        "js-set-1n-then-1", "[new Set([1n, 1])]", error=Err("ConversionError", "$[0]", "same Python value")
    ),
    to_py("js-set-nan-twice-is-one", "new Set([NaN, 0 / 0])", "set{nan}"),
    # lying sizes and shadowed views
    to_py(
        "js-typed-array-lying-length",
        "(() => { const u = new Uint8Array([7, 8]); Object.defineProperty(u, 'length', {value: 1e9}); "
        "Object.defineProperty(u, 'byteLength', {value: 1e9}); return {u} })()",
        '{"u":b[7,8]}',
    ),
    to_py(
        "js-map-with-own-size-getter-never-read",
        "(() => { globalThis.__reads = 0; const m = new Map([['a', 1]]); "
        "Object.defineProperty(m, 'size', {get() { globalThis.__reads++; return 0 }}); return m })()",
        ['{"a":1}', 0],
        observe="[pyshow(v), js.__reads]",
    ),
    # unbounded values: ConversionError within seconds, the engine keeps working
    to_py(
        "js-array-2-32-in-a-map",
        "new Map([['k', new Array(2 ** 32 - 1)]])",
        error=Err("ConversionError", "$.k", "limit of 10000000 elements"),
    ),
    to_py(
        "js-endless-array-getter-chain",
        "(() => { const mk = () => { const a = [0]; Object.defineProperty(a, 0, {get: mk}); return a }; "
        "return mk() })()",
        error=Err("ConversionError", "$" + "[0]" * 100000, "limit of 100000 levels"),
    ),
]

SANITY = (
    COMMON
    + "result = [show(to_js({'next': [1, None, 2**40, 'a\\x00b', {3}]})), to_py(jsf('return [2**40]')())]"
)


@pytest.mark.contract("errors.hostile")
@pytest.mark.parametrize("case", HOSTILE, ids=[case.id for case in HOSTILE])
def test_hostile_input(interp, case):
    problem = judge(case, interp.run(program(case, OURS[interp.name])))
    assert problem is None, problem
    assert interp.run(OURS[interp.name] + SANITY) == [
        '{"next":[1,null,1099511627776,"a\\u0000b",Set{3}]}',
        [2**40],
    ]


@pytest.mark.contract("errors.hostile")
def test_corpus_has_at_least_30_inputs():
    assert len(HOSTILE) >= 30
