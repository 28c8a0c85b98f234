"""Hostile inputs: each gives a correct result or a ConversionError/JsException
with the path, never a crash or a hang, and the interpreter converts the next
value correctly afterwards. One table; each row records exactly what it gives
(the case format is pyscript_ffi_host/cases/model.py's)."""

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
        '{JsProxy:"x"}',  # an object key stays a JsProxy (hashable)
    ),
    to_py(
        "set-with-array",
        "new Set([[1]])",
        "set{JsProxy}",  # an object value stays a JsProxy (hashable)
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

#: The hostile JS values, built in JS: revoked and trapping Proxies (objects and functions),
#: a throwing getter, `_ref`-carrying values, and ways to hand each back (a call result, a
#: callback argument, a throw, an iterator).
ZOO = (
    'h = jsf("const r = Proxy.revocable({}, {}); r.revoke();'
    " const rf = Proxy.revocable(function () {}, {}); rf.revoke();"
    " const boom = () => { throw new Error('trap') };"
    " const all = {get: boom, set: boom, has: boom, deleteProperty: boom, getPrototypeOf: boom,"
    " ownKeys: boom, getOwnPropertyDescriptor: boom, defineProperty: boom, apply: boom, construct: boom};"
    " const trap = new Proxy({}, all); const ftrap = new Proxy(function () {}, all);"
    " const refFn = function () { return 7 }; refFn._ref = 1;"
    " return {revoked: r.proxy, revokedFn: rf.proxy, trap, ftrap, refFn, refObj: {_ref: 1},"
    " refArr: Object.assign([1], {_ref: 1}), get getter() { throw new RangeError('getter') },"
    " give(k) { return this[k] }, throwIt(v) { throw v }, call(f, k) { return f(this[k]) },"
    " arr(k) { return [this[k]] }, nested(k) { return {a: {b: this[k]}} },"
    " iter: {[Symbol.iterator]() { return {next() { throw new Error('next') }} }},"
    " iterBadResult: {[Symbol.iterator]() { return {next() { return trap }} }},"
    " iterGives(k) { const v = this[k]; return {[Symbol.iterator]() { let d = false;"
    " return {next() { const r = {done: d, value: v}; d = true; return r }} }} },"
    " iterTrap: {[Symbol.iterator]() { return trap }},"
    " map(k) { return new Map([['k', this[k]]]) }}\")()\n"
    "from pyscript_ffi import JsException, call, query\n"
    "def catch(f):\n    try:\n        f()\n    except JsException as e:\n        return e.error"
)


def js_(cid, source, expect=None, **more):
    return Case(cid, "jsproxy.safety", "js", source, expect, setup=ZOO, **more)


HOSTILE_JS = [
    # read: every hostile value comes back as a JsProxy, by every route
    js_("read-revoked-attribute", "h.revoked", "JsProxy"),
    js_("read-revoked-function-attribute", "h.revokedFn", "JsProxy"),
    js_("read-trap-attribute", "h.trap", "JsProxy"),
    js_("read-trap-function-attribute", "h.ftrap", "JsProxy"),
    js_("read-ref-function-attribute", "h.refFn", "JsProxy"),
    js_("read-ref-object-attribute", "h.refObj", "JsProxy"),
    js_("read-ref-array-item", "h['refArr']", "JsProxy"),
    js_("read-revoked-call-result", "h.give('revoked')", "JsProxy"),
    js_("read-trap-call-result", "h.give('trap')", "JsProxy"),
    js_("read-ref-function-call-result", "h.give('refFn')", "JsProxy"),
    js_("read-revoked-array-item", "h.arr('revoked')[0]", "JsProxy"),
    js_("read-trap-map-item", "h.map('trap')['k']", "JsProxy"),
    js_("read-revoked-callback-argument", "h.call(lambda x: pyshow(x), 'revoked')", '"JsProxy"'),
    js_("read-trap-callback-argument", "h.call(lambda x: pyshow(x), 'trap')", '"JsProxy"'),
    js_("read-ref-function-callback-argument", "h.call(lambda x: pyshow(x), 'refFn')", '"JsProxy"'),
    js_("read-revoked-to-py-depth", "to_py(h.arr('revoked'), depth=1)[0]", "JsProxy"),
    js_("read-trap-to-py-depth", "to_py(h.nested('trap'), depth=2)['a']['b']", "JsProxy"),
    js_("read-ref-function-to-py", "to_py(h.arr('refFn'))[0]", "JsProxy"),
    js_("read-revoked-iteration", "list(h.iterGives('revoked'))[0]", "JsProxy"),
    js_("read-trap-iteration", "list(h.iterGives('trap'))[0]", "JsProxy"),
    js_("read-revoked-call", "call(h.give, 'revoked')", "JsProxy"),
    js_("read-trap-query", "query(h, 'trap')", "JsProxy"),
    js_("ref-function-calls-through", "h.refFn()", "7"),
    # operations on hostile values: JsException, never an escape
    js_("getter-throws", "h.getter", error=Err("JsException", None, "getter")),
    js_("revoked-get", "h.revoked.x", error=Err("JsException", None, "revoked")),
    js_("revoked-item", "h.revoked['x']", error=Err("JsException", None, "revoked")),
    js_("revoked-set", "setattr(h.revoked, 'x', 1)", error=Err("JsException", None, "revoked")),
    js_("revoked-del", "delattr(h.revoked, 'x')", error=Err("JsException", None, "revoked")),
    js_("revoked-call", "h.revokedFn()", error=Err("JsException", None, "revoked")),
    js_("revoked-new", "h.revokedFn.new()", error=Err("JsException", None, "revoked")),
    js_("revoked-len", "len(h.revoked)", error=Err("JsException", None, "revoked")),
    js_("revoked-bool", "bool(h.revoked)", error=Err("JsException", None, "revoked")),
    js_("revoked-in", "'x' in h.revoked", error=Err("JsException", None, "revoked")),
    js_("revoked-iter", "iter(h.revoked)", error=Err("JsException", None, "revoked")),
    js_("revoked-instanceof", "h.revoked.instanceof(js.Object)", error=Err("JsException", None, "revoked")),
    js_("revoked-typeof", "h.revoked.typeof", '"object"'),
    js_("revoked-repr", "repr(h.revoked)[:8]", '"<JsProxy"'),
    js_("revoked-eq-hash", "h.revoked == h.give('revoked') and hash(h.revoked) == hash(h.revoked)", "True"),
    js_("revoked-to-py", "to_py(h.revoked)", error=Err("JsException", "$", "revoked")),
    js_("trap-get", "h.trap.x", error=Err("JsException", None, "trap")),
    js_("trap-set", "setattr(h.trap, 'x', 1)", error=Err("JsException", None, "trap")),
    js_("trap-del", "delattr(h.trap, 'x')", error=Err("JsException", None, "trap")),
    js_("trap-in", "'x' in h.trap", error=Err("JsException", None, "trap")),
    js_("trap-len", "len(h.trap)", error=Err("JsException", None, "trap")),
    js_("trap-call", "h.ftrap()", error=Err("JsException", None, "trap")),
    js_("trap-new", "h.ftrap.new()", error=Err("JsException", None, "trap")),
    js_("trap-iter", "iter(h.trap)", error=Err("JsException", None, "trap")),
    js_("trap-instanceof", "h.trap.instanceof(js.Object)", error=Err("JsException", None, "trap")),
    js_("trap-repr", "repr(h.trap)[:8]", '"<JsProxy"'),
    js_("trap-to-py", "to_py(h.trap)", error=Err("JsException", "$", "trap")),
    js_("trap-as-argument", "js.Object.keys(h.trap)", error=Err("JsException", None, "trap")),
    js_("iterator-next-throws", "list(h.iter)", error=Err("JsException", None, "next")),
    js_("iterator-is-a-trap", "list(h.iterTrap)", error=Err("JsException", None, "trap")),
    js_("iterator-result-is-a-trap", "list(h.iterBadResult)", error=Err("JsException", None, "trap")),
    # whatever JS throws is a JsException; its .error is read the same safe way
    js_("throw-null", "h.throwIt(None)", error=Err("JsException", None, "null")),
    js_("throw-number", "h.throwIt(42)", error=Err("JsException", None, "42")),
    js_("throw-string", "h.throwIt('text')", error=Err("JsException", None, "text")),
    js_("throw-symbol", "h.throwIt(js.Symbol('s'))", error=Err("JsException", None, "Symbol(s)")),
    js_("throw-undefined", "h.throwIt()", error=Err("JsException", None, "undefined")),
    js_("throw-revoked", "h.throwIt(h.revoked)", error=Err("JsException", None, "Error")),
    js_("throw-trap", "h.throwIt(h.trap)", error=Err("JsException", None, "Error")),
    js_("throw-ref-function", "h.throwIt(h.refFn)", error=Err("JsException", None, "")),
    js_(
        "thrown-values-read-safely",
        "[pyshow(catch(lambda: h.throwIt(x)))"
        " for x in (None, 42, 'a', h.revoked, h.trap, h.refFn, js.Symbol())]",
        ["None", "42", '"a"', "JsProxy", "JsProxy", "JsProxy", "JsProxy"],
        observe="v",
    ),
]

HOSTILE += HOSTILE_JS

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


@pytest.mark.contract("jsproxy.safety")
def test_hostile_js_corpus_has_at_least_50_inputs():
    assert len(HOSTILE_JS) >= 50
