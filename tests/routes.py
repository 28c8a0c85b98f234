"""The values `tests/test_fast_paths.py` sends down each conversion route, and the
helpers that run them: copied into every interpreter (`interp_files` in
pyproject.toml). The host imports it too, for the names of the values, so
pyscript_ffi is imported only when a helper runs.
"""


def deep(n):
    v = 0
    for _ in range(n):
        v = [v]
    return v


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyDict(dict):
    pass


def _cycle():
    v = [1]
    v.append(v)
    return v


def _twice(x):
    return [x, x]


def _records(n):
    return [
        {
            "id": i,
            "name": "item " + str(i),
            "price": i * 0.5,
            "ok": i % 2 == 0,
            "tags": ["a", "\u00e9"],
            "p": None,
        }
        for i in range(n)
    ]


def _without(d, *keys):
    for k in keys:
        del d[k]
    return d


#: Python values that `to_js` converts, by name (each made afresh by its function).
PY_VALUES = {
    "records": lambda: [
        {"id": i, "name": "item " + str(i), "price": i * 0.5, "ok": i % 2 == 0, "tags": ["a"], "p": None}
        for i in range(50)
    ],
    "proto-key": lambda: {"__proto__": {"polluted": 1}, "a": 1},
    "clashing-keys": lambda: {1: "a", "1": "b"},
    "int-like-keys": lambda: {"0": "a", "1": "b", "2": "c", "3": "d", "4": "e", "": "f"},
    "nul": lambda: {"a\x00": 1, "b": "x\x00y"},
    "float-keys": lambda: {1.0: "x", 1e16: "y", 1e-7: "z", 0.1: "w"},
    "other-keys": lambda: {True: 1, None: 2, -0.0: 3, 2**60: 4, 7: 5},
    "ints": lambda: [2**31, -(2**31) - 1, 2**40, 2**53 - 1, -(2**53 - 1), 2**53, 2**70, -(2**64), 0, -1],
    "floats": lambda: [float("nan"), float("inf"), float("-inf"), -0.0, 1e300, 5e-324, 2.0, 1e21],
    "strings": lambda: ["a\x00b", "\U0001f600", "é" * 40, "x" * 100, "", "abc"],
    "lone-surrogates": lambda: ["\ud800", {"\udc00": 1}],
    "bytes": lambda: [b"ab", bytearray(b"x")],
    "sets": lambda: [{1, 2}, frozenset([3])],
    "shared-list": lambda: _twice([1, 2]),
    "cycle": _cycle,
    "range": lambda: [range(3)],
    "tuple-key": lambda: {(1, 2): 3},
    "tuples": lambda: [("a", 1), ()],
    "empties": lambda: {"k": [None] * 3, "e": {}, "l": []},
    "shared-dict": lambda: _twice({"shared": 1}),
    "equal-dicts": lambda: [{"a": "b"}, {"a": "b"}],
    "deep-500": lambda: deep(500),
    "empty-list": lambda: [],
    "empty-dict": lambda: {},
    "empty-tuple": lambda: (),
    "primitives": lambda: [True, False, None, 0, -1, 1.5, "x"],
    "deep-63": lambda: deep(63),
    "deep-64": lambda: deep(64),
    "subclasses": lambda: [MyInt(5), MyStr("s")],
    "dict-subclass": lambda: MyDict(a=1),
    "builtin-function": lambda: [print],
    "many-records": lambda: _records(3000),
    "escapes": lambda: [
        {"q": 'a"b\\c\n\t\r\x01\x1f\x7f', 'k"\\ey\x02': "\u00e9\u20ac\U0001f600"} for _ in range(60)
    ],
    "long-interned-strings": lambda: [
        {"description": "a literal longer than most keys, interned by the compiler"} for _ in range(80)
    ],
    "many-interned-keys": lambda: {name: 1 for name in dir(__import__("builtins")) + dir(str) + dir(dict)},
    "heap-str-keys": lambda: {"key " + str(i): [i, str(i)] for i in range(200)},
    "ints-near-2-53": lambda: [2**48 - 1, 2**48, 31 * 2**48 + 5, 2**53 - 1, -(2**53 - 1), 2**53, 32 * 2**48],
    "bom-and-replacement": lambda: ["\ufeff" + "x" * 20, "x" * 20 + "\ufffd", "\ufeff", {"\ufeff" * 9: 1}],
    "long-lone-surrogate": lambda: ["x" * 30 + "\ud800"],
    "deleted-keys": lambda: _without({"a": 1, "b": 2, "c": [3], "d": 4}, "b", "d"),
    "nested-tuples": lambda: (1, (2, [3, {"a": (4, None, True)}])),
    "floats-exact": lambda: [0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, -0.0, 1e16, 123456.789e-300],
}

#: Values that a quick route passes as they are or that JSON text could alter, by name.
WIRE_VALUES = {
    "int32-edges": lambda: [2**30 - 1, 2**30, -(2**30), -(2**30) - 1, 2**31 - 1, -(2**31), 2**31],
    "int-30-bits": lambda: 2**30,
    "int-31-bits": lambda: -(2**31),
    "str-bom-long": lambda: "\ufeff" + "x" * 20,
    "str-surrogate-long": lambda: "\ud800" + "y" * 20,
    "str-non-ascii": lambda: "é" * 20,
    "str-nul": lambda: "\x00",
    "float-17-digits": lambda: 0.1 + 0.2,
    "floats-17-digits": lambda: [0.1 + 0.2, 5e-324, 2.0**60 + 2**8, {"f": 0.1 + 0.2}],
}

#: JS expressions that `to_py` converts, by name.
JS_VALUES = {
    "records": "Array.from({length: 50}, "
    "(_, i) => ({id: i, name: 'item ' + i, price: i / 2, ok: i > 9, p: null}))",
    "numbers": "({a: -0, b: [2 ** 53 + 2, 2 ** 53 - 1, 1e21, 1.5, 5e-324, 1e300]})",
    "specials": "[NaN, Infinity, -Infinity]",
    "bigints": "[12n, 2n ** 70n, -(2n ** 64n)]",
    "strings": "['a\\u0000b', '\\ud83d\\ude00', '\\ud800']",
    "proto-key": 'JSON.parse(\'{"__proto__": {"x": 1}, "y": 2}\')',
    "map": "new Map([[1, 'a'], ['1', 'b']])",
    "set": "new Set([1, 'a'])",
    "uint8array": "new Uint8Array([1, 2, 3])",
    "date": "[new Date(0)]",
    "holes": "[1, , 3, undefined, null]",
    "null-prototype": "Object.assign(Object.create(null), {k: [true, false]})",
    "cycle": "(() => { const a = [1]; a.push(a); return a; })()",
    "throwing-getter": "({get boom() { throw new TypeError('boom'); }})",
    "shared": "(() => { const r = {x: 1}; return [r, r]; })()",
    "empties": "[[], {}, '', 0, -1]",
    "ints": "[2 ** 40, -(2 ** 40), 2 ** 31, -(2 ** 31) - 1, 0n, 5n, -5n]",
    "long-strings": "['x'.repeat(300), '\u00e9'.repeat(300), '\u00e9', 'a'.repeat(255)]",
    "mixed": "({b: new Uint8Array([1, 2]), u: undefined, f: () => 1})",
    "undefined-value": "[1, {x: undefined}]",
    "deep-500": "(() => { let v = 0; for (let i = 0; i < 500; i++) v = [v]; return v; })()",
    "many-records": "Array.from({length: 3000}, (_, i) => "
    "({id: i, name: 'item \u00e9 ' + i, price: i / 3, ok: i > 9, tags: ['\ud800', '\u0000'], p: null}))",
}


def internals():
    """pyscript_ffi's bridge, to_js and to_py modules."""
    from pyscript_ffi import _bridge, _to_js, _to_py

    return _bridge, _to_js, _to_py


def tape_to_js(x):
    """`to_js(x)` through the tape alone (no fast route)."""
    to_js = internals()[1]
    return to_js.build(*to_js.encode(x, to_js.default_options()))


def tape_to_py(v):
    """`to_py(v)` through the tape alone (no fast route)."""
    bridge, _, to_py = internals()
    from pyscript_ffi._jsproxy import handle_of

    answer = bridge.checked(bridge.helpers().toPy(handle_of(v), -1))
    return to_py.from_tape(answer[1], answer[2])


def canon(x):
    """`x` as exact, comparable data: types included."""
    t = type(x)
    if t is dict:
        return ["dict"] + [[canon(k), canon(v)] for k, v in x.items()]
    if t is list:
        return ["list"] + [canon(v) for v in x]
    if t is set:
        return ["set", len(x)]
    if t is float or t is int or t is bool or t is str or t is bytes or x is None:
        return t.__name__ + ":" + repr(x)
    return "other:" + t.__name__


def js_outcome(convert, make):
    """What JS sees of `convert(make())`, or the error it raises."""
    from pyscript_ffi import js

    try:
        return js.__show(convert(make()))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


def tape_outcome(make):
    """What JS sees of `make()` rebuilt from its tape inside JS (nothing crosses
    back into Python before `__show`), or the error, as `js_outcome` spells it."""
    from pyscript_ffi import js

    bridge, to_js, _ = internals()
    show = js.Function.new(
        "h",
        "t",
        "r",
        "const b = h.toJs(t, r); if (b[0] === 0) return __show(b[1]);"
        " return 'JS Error: ' + b[2] + ': ' + b[3] + (b[4] === null ? '' : ' at ' + b[4]);",
    )
    try:
        tape, refs = to_js.encode(make(), to_js.default_options())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
    backend = to_js.backend
    return show(bridge.helpers(), backend.to_array(tape), backend.refs_array(refs))


def proxy_outcome(make):
    """What JS sees when a `create_proxy` function returns `make()` (called
    with one plain argument, as an event handler is), or its error as
    `js_outcome` spells it."""
    from pyscript_ffi import create_proxy, js

    call = js.Function.new(
        "f",
        "try { return __show(f(1)); }"
        " catch (e) { return e.name === 'PythonError' ? e.message : 'JS ' + e.name + ': ' + e.message; }",
    )
    proxy = create_proxy(lambda _: make())
    try:
        return call(proxy)
    finally:
        proxy.destroy()


def py_outcome(convert, make):
    """`canon(convert(make()))`, or the error it raises."""
    try:
        return canon(convert(make()))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
