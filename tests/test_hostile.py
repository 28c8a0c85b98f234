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
from pytest_run_inside import run_inside

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

#: Every entry point that takes a JS value from Python or hands one back, met by each hostile
#: value (`X`: `h.revoked`, a revoked Proxy of an object; `h.revokedFn`, of a function; `h.trap`,
#: `h.ftrap`, Proxies whose every trap throws "trap"; `h.refFn`, a function carrying `_ref`).
HOSTILE_VALUES = ("revoked", "revokedFn", "trap", "ftrap", "refFn")
ENTRY_SETUP = (
    ZOO + "\nfrom pyscript_ffi import assign, call_method, create_proxy, gather, new\n"
    "ident = jsf('x', 'return x')\n"
    "wrap = jsf('x', 'return [x]')\n"
    "holder = jsf('x', 'return {x, ident(y) { return y }}')\n"
    "ctor = jsf('x', 'return function () { return x }')\n"
    "gives = jsf('v', 'let d = false; return {[Symbol.iterator]() { return {next() {"
    " const r = {done: d, value: v}; d = true; return r }} }}')\n"
    "calls = jsf('f', 'try { f(); return \"returned\" } catch (e) { return e.name }')\n" + THING
)
#: Entry points that carry the value without operating on it: each gives back a JsProxy of
#: the same JS object (`v == X`), and JS receives the object itself. A `to_js` result is the
#: interpreter's own handle (the direction rule): read through `JsProxy.wrap`.
CARRY = {
    "to-js-in-list": "JsProxy.wrap(to_js([X]))[0]",
    "to-js-in-list-tape": "JsProxy.wrap(to_js([X, {1}]))[0]",
    "to-js-in-dict": "JsProxy.wrap(to_js({'k': X}))['k']",
    "default-converter-answer-in-list": (
        "JsProxy.wrap(to_js([Thing()], default_converter=lambda v, c, k: X))[0]"
    ),
    "to-py-default-converter-answer": (
        "to_py(jsf('return [new Date(0)]')(), default_converter=lambda o, c, k: X)[0]"
    ),
    "to-py-depth-1": "to_py(wrap(X), depth=1)[0]",
    "to-py-map-key": "list(to_py(jsf('x', 'return new Map([[x, 1]])')(X)))[0]",
    "to-py-set-value": "list(to_py(jsf('x', 'return new Set([x])')(X)))[0]",
    "call-argument-and-result": "call(ident, X)",
    "call-argument-in-list": "call(wrap, [X])[0][0]",
    "call-method-result": "call_method(holder(X), 'ident', X)",
    "new-result": "new(ctor(X))",
    "jsproxy-call-result": "ident(X)",
    "jsproxy-keyword-argument": "ident(a=X).a",
    "jsproxy-written-in-dict": "ident({'k': [X]}).k[0]",
    "jsproxy-method-result": "holder(X).ident(X)",
    "attribute-written-and-read": "setattr(h, 'w', X) or h.w",
    "item-written-and-read": "h.__setitem__('w', X) or h['w']",
    "array-item-written-and-read": "a.__setitem__(0, X) or a[0]",
    "callback-result": "jsf('f', 'return f()')(lambda: X)",
    "callback-result-in-list": "jsf('f', 'return f()[0]')(lambda: [X])",
    "callback-argument": "jsf('f', 'x', 'return f(x)')(lambda y: y, X)",
    "iteration-yields": "list(gives(X))[0]",
    "query-result": "query(holder(X), 'x')",
    "gather-result": "gather(holder(X), 'x')[0]",
    "assign-value": "assign(js.Object.new(), {'k': X}).k",
    "thrown-and-caught": "catch(lambda: h.throwIt(X))",
}
#: Entry points that hand the value itself to Python as the interpreter's own handle (a `to_js`
#: result, `JsProxy.unwrap`): where the interpreter's own conversion would probe it, each is
#: refused with JsException (the trap's or the revocation's message, "_ref" for a function
#: carrying one) before the interpreter sees it.
HANDED_OUT = {
    "to-js": "to_js(X)",
    "to-js-depth-0": "to_js(X, depth=0)",
    "dict-converter-result": "to_js({'a': 1}, dict_converter=lambda e: X)",
    "dict-converter-result-nested": "to_js({'a': {'b': 1}}, dict_converter=lambda e: X)",
    "default-converter-answer": "to_js(Thing(), default_converter=lambda v, c, k: X)",
    "default-converter-convert": "to_js(Thing(), default_converter=lambda v, c, k: c(X))",
    "unwrap": "JsProxy.unwrap(X)",
}
#: Entry points that operate on the value: each raises JsException (the trap's or the
#: revocation's message; "" where the JS meaning itself fails, e.g. calling an object),
#: or gives what the JS meaning gives ("JsProxy": to_py of a function stays a JsProxy).
REVOKED, TRAP, ANY = (
    Err("JsException", None, "revoked"),
    Err("JsException", None, "trap"),
    Err("JsException", None, ""),
)
EVERY = {"revoked": REVOKED, "revokedFn": REVOKED, "trap": TRAP, "ftrap": TRAP}  # each fails as itself
REFUSED = {**EVERY, "refFn": Err("JsException", None, "_ref")}  # HANDED_OUT: never to the interpreter raw
OPERATE = {
    "to-py": (
        "to_py(X)",
        {"revoked": Err("JsException", "$", "revoked"), "trap": Err("JsException", "$", "trap")},
    ),
    "to-py-in-list": (
        "to_py(wrap(X))",
        {"revoked": Err("JsException", "$[0]", "revoked"), "trap": Err("JsException", "$[0]", "trap")},
    ),
    "to-py-default-converter": (
        "to_py(X, default_converter=lambda o, c, k: 'asked')",
        {"revoked": Err("JsException", "$", "revoked"), "trap": Err("JsException", "$", "trap")},
    ),
    "call": ("call(X)", {"revoked": ANY, "revokedFn": REVOKED, "trap": ANY, "ftrap": TRAP}),
    "call-method": (
        "call_method(X, 'm')",
        EVERY,
    ),
    "new": ("new(X)", {"revoked": ANY, "revokedFn": REVOKED, "trap": ANY, "ftrap": TRAP}),
    "jsproxy-call": ("X()", {"revoked": ANY, "revokedFn": REVOKED, "trap": ANY, "ftrap": TRAP}),
    "assign-source": (
        "assign(js.Object.new(), X)",
        EVERY,
    ),
    "assign-target": (
        "assign(X, {'a': 1})",
        EVERY,
    ),
    "query-target": (
        "query(X, 'a.b')",
        EVERY,
    ),
    "gather-target": (
        "gather(X, 'a', 'b')",
        EVERY,
    ),
    "iteration": ("list(X)", EVERY),
    "item": ("X[0]", EVERY),
    "item-set": (
        "X.__setitem__(0, 1)",
        EVERY,
    ),
    "item-del": (
        "X.__delitem__('k')",
        EVERY,
    ),
    "as-argument-operated": (
        "js.Object.keys(X)",
        EVERY,
    ),
    # a proxy of a JS function calls it: JS sees the failure as a PythonError; an object is no callable
    "create-proxy-called": (
        "calls(create_proxy(X))",
        {"revoked": Err("TypeError", None, "callable"), "trap": Err("TypeError", None, "callable")},
    ),
}
#: What an OPERATE entry gives where its table names no error.
OPERATE_RESULTS = {"to-py": "JsProxy", "to-py-in-list": "[JsProxy]", "to-py-default-converter": '"asked"'}


def _entry_cases():
    cases = []
    for value in HOSTILE_VALUES:
        x = "h." + value
        for name, source in CARRY.items():
            cases.append(
                Case(
                    "entry-" + name + "-" + value,
                    "jsproxy.safety",
                    "js",
                    source.replace("X", x),
                    ["JsProxy", True],
                    setup=ENTRY_SETUP + "\na = js.Array.new(1)",
                    observe="[pyshow(v), v == " + x + "]",
                )
            )
        for name, source in HANDED_OUT.items():
            cases.append(
                Case(
                    "entry-" + name + "-" + value,
                    "jsproxy.safety",
                    "js",
                    source.replace("X", x),
                    error=REFUSED[value],
                    setup=ENTRY_SETUP,
                )
            )
        if value == "refFn":
            continue  # nothing hostile to operate on: a plain function
        for name, (source, errors) in OPERATE.items():
            error = errors.get(value)  # (to_py of a function: it stays a JsProxy, never probed)
            if name == "create-proxy-called" and error is None:
                expect = '"PythonError"'
            elif error is None:
                expect = OPERATE_RESULTS[name]
            else:
                expect = None
            cases.append(
                Case(
                    "entry-" + name + "-" + value,
                    "jsproxy.safety",
                    "js",
                    source.replace("X", x),
                    expect,
                    error=error,
                    setup=ENTRY_SETUP,
                )
            )
    return cases


ENTRY_CASES = _entry_cases()

#: A Proxy whose every trap throws an Error named after the trap (`n`, `nf` of a function), and
#: one that records the traps it is asked (`rec`, `recf`; `log()` empties the record).
TRAPS = (
    "get set has deleteProperty getPrototypeOf setPrototypeOf ownKeys getOwnPropertyDescriptor"
    " defineProperty isExtensible preventExtensions apply construct"
).split()
NAMED_SETUP = (
    "t = jsf('const named = {}, record = {}, asked = [];"
    " for (const trap of " + repr(TRAPS).replace("'", '"') + ") {"
    " named[trap] = () => { throw new Error(trap) };"
    " record[trap] = (...a) => { asked.push(trap); return Reflect[trap](...a) } }"
    " return {n: new Proxy({}, named), nf: new Proxy(function () {}, named),"
    " rec: new Proxy({a: 1}, record), recf: new Proxy(function () {}, record),"
    " log() { return asked.splice(0).join() }}')()\n"
    "from pyscript_ffi import JsException, assign, call_method, gather, query\n"
    "n, nf = t.n, t.nf\n"
    "def trap(f):\n    try:\n        f()\n    except JsException as e:\n        return e.message\n"
    "    return 'none'\n"
)
#: Each JsProxy operation on `n`: the trap its JS meaning reaches first (the one reported).
FIRST_TRAP = {
    "'x' in n": "has",
    "n.x": "get",
    "n['x']": "get",
    "n[0]": "get",
    "n[-1]": "get",
    "setattr(n, 'x', 1)": "set",
    "n.__setitem__('x', 1)": "set",
    "n.__setitem__(0, 1)": "set",
    "delattr(n, 'x')": "has",
    "n.__delitem__('x')": "has",
    "len(n)": "get",
    "iter(n)": "get",
    "nf()": "apply",
    "nf.new()": "construct",
    "n.instanceof(js.Object)": "getPrototypeOf",
    "to_js(n)": "getPrototypeOf",  # handed to Python as itself: checked first (`handOut`)
    "js.Object.keys(n)": "ownKeys",
    "assign(n, {'a': 1})": "set",
    "assign(js.Object.new(), n)": "ownKeys",
    "query(n, 'a')": "get",
    "gather(n, 'a')": "get",
    "call_method(n, 'm')": "get",
}
#: The traps each operation on `rec` (a Proxy of `{a: 1}`) asks: those of its JS meaning, and
#: nothing else but the prototype (what `instanceof Map` asks, to tell a Map or a Set). (Reading
#: a value asks it once whether it is a proxy of a Python object, see `out` in _box.mjs: `rec`
#: and `rec2` are read before the record starts.)
ASKED = {
    "'a' in rec": "getPrototypeOf,getPrototypeOf,has,has",
    "rec.a": "get",
    "rec['a']": "getPrototypeOf,getPrototypeOf,get",
    "bool(rec)": "getPrototypeOf,getPrototypeOf",
    "rec.typeof": "",
    "rec == rec2 and hash(rec) == hash(rec2)": "",
    "repr(recf)": "get,get",
    "setattr(rec, 'a', 2)": "set,getOwnPropertyDescriptor,defineProperty",
    "recf()": "apply",
    "recf.new()": "construct,get",
}


def _trap_cases():
    cases = [
        Case(
            "first-trap-" + str(i),
            "jsproxy.safety",
            "js",
            "trap(lambda: " + source + ")",
            want,
            setup=NAMED_SETUP,
            observe="v",
        )
        for i, (source, want) in enumerate(FIRST_TRAP.items())
    ]
    cases += [
        Case("no-trap-" + name, "jsproxy.safety", "js", source, want, setup=NAMED_SETUP, observe="v")
        for name, source, want in (
            ("bool", "bool(n) and bool(nf)", True),
            ("typeof", "[n.typeof, nf.typeof]", ["object", "function"]),
            ("eq-hash", "n == t.n and hash(n) == hash(t.n) and n != nf", True),
            ("repr", "repr(n)[:8]", "<JsProxy"),
            ("to-js", "JsProxy.wrap(to_js([n]))[0] == n", True),
        )
    ]
    for i, (source, want) in enumerate(ASKED.items()):
        cases.append(
            Case(
                "asked-traps-" + str(i),
                "jsproxy.safety",
                "js",
                "[t.log(), " + source + ", t.log()][2]",
                want,
                setup=NAMED_SETUP + "rec, recf, rec2 = t.rec, t.recf, t.rec",
                observe="v",
            )
        )
    return cases


TRAP_CASES = _trap_cases()

HOSTILE += HOSTILE_JS + ENTRY_CASES + TRAP_CASES

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


@pytest.mark.contract("jsproxy.safety")
@run_inside
async def test_awaiting_hostile_values_raises_js_exception_and_async_iteration_yields_them():
    from probes import jsf

    from pyscript_ffi import JsException, await_js, js

    h = jsf(
        "const r = Proxy.revocable({}, {}); r.revoke();"
        " const rf = Proxy.revocable(function () {}, {}); rf.revoke();"
        " const boom = () => { throw new Error('trap') };"
        " const all = {get: boom, has: boom, getPrototypeOf: boom, ownKeys: boom, apply: boom};"
        " return {revoked: r.proxy, revokedFn: rf.proxy, trap: new Proxy({}, all),"
        " ftrap: new Proxy(function () {}, all)}"
    )()
    yields = jsf(
        "x",
        "return {[Symbol.asyncIterator]() { let d = false; return {next() {"
        " const r = {done: d, value: x}; d = true; return Promise.resolve(r) }} }}",
    )
    for name in ("revoked", "revokedFn", "trap", "ftrap"):
        value = h[name]
        want = "revoked" if name.startswith("revoked") else "trap"
        # (each made when awaited: a rejected JS promise nobody awaits yet is an unhandled rejection)
        for attempt in (
            lambda v=value: v,
            lambda v=value: await_js(v),
            lambda v=value: await_js(js.Promise.resolve(v)),
        ):
            try:
                await attempt()
                raise AssertionError(name + ": no error")
            except JsException as e:
                assert want in e.message, (name, e.message)
        try:
            async for _ in value:
                pass
            raise AssertionError(name + ": iterated")
        except JsException as e:
            assert want in e.message, (name, e.message)
        seen = []
        async for x in yields(value):
            seen.append(x)
        assert seen == [value], name
    assert await js.Promise.resolve(2**40) == 2**40  # the interpreter keeps working
