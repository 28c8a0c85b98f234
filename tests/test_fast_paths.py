"""Fast paths: JSON-shaped data takes a quicker route (marshal bytes both ways on
Pyodide; on MicroPython raw `jsffi.to_js` after a type check, and JSON text for
`to_py`), and every value gives exactly what the tape gives.

Each case converts the same value twice, through the public function and through
the tape alone, and compares what JS (or Python) observes, errors included.
"""

import pytest

INTERNALS = """
import pyscript_ffi as P
from pyscript_ffi import js, to_js, to_py
try:  # the wheel keeps the modules; the .mpy is one module
    from pyscript_ffi import _bridge as B, _to_js as T, _to_py as Y
except ImportError:
    B = T = Y = P

def outcome(convert, make):
    try:
        return js.__show(convert(make()))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)

def tape_to_js(x):
    return T.build(*T.encode(x, T.default_options()))

def tape_to_py(v):
    answer = B.helpers().toPy(v, -1)
    if answer[0] != 0:
        B.raise_record(answer)
    return Y.from_tape(answer[1], answer[2])

def canon(x):
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

def py_outcome(convert, make):
    try:
        return canon(convert(make()))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
"""

#: Python values (as source) that `to_js` converts; each compared with the tape's result.
PY_VALUES = [
    "[{'id': i, 'name': 'item ' + str(i), 'price': i * 0.5, 'ok': i % 2 == 0, 'tags': ['a'], 'p': None}"
    " for i in range(50)]",
    "{'__proto__': {'polluted': 1}, 'a': 1}",
    "{1: 'a', '1': 'b'}",
    "{'0': 'a', '1': 'b', '2': 'c', '3': 'd', '4': 'e', '': 'f'}",
    "{'a\\x00': 1, 'b': 'x\\x00y'}",
    "{1.0: 'x', 1e16: 'y', 1e-7: 'z', 0.1: 'w'}",
    "{True: 1, None: 2, -0.0: 3, 2**60: 4, 7: 5}",
    "[2**31, -2**31 - 1, 2**40, 2**53 - 1, -(2**53 - 1), 2**53, 2**70, -(2**64), 0, -1]",
    "[float('nan'), float('inf'), float('-inf'), -0.0, 1e300, 5e-324, 2.0, 1e21]",
    "['a\\x00b', '\\U0001F600', 'é' * 40, 'x' * 100, '', 'abc']",
    "['\\ud800', {'\\udc00': 1}]",
    "[b'ab', bytearray(b'x')]",
    "[{1, 2}, frozenset([3])]",
    "(lambda row: [row, row])([1, 2])",
    "(lambda l: (l.append(l), l)[1])([1])",
    "[range(3)]",
    "{(1, 2): 3}",
    "[('a', 1), ()]",
    "{'k': [None] * 3, 'e': {}, 'l': []}",
    "(lambda d: [d, d])({'shared': 1})",
    "[{'a': 'b'}, {'a': 'b'}]",
    "deep(500)",
    "[]",
    "{}",
    "()",
    "[True, False, None, 0, -1, 1.5, 'x']",
    "deep(63)",
    "deep(64)",
    "[MyInt(5), MyStr('s')]",
    "MyDict(a=1)",
    "[print]",
]


@pytest.mark.parametrize("value", PY_VALUES)
def test_to_js_fast_path_matches_tape(interp, value):
    code = INTERNALS + f"result = [outcome(to_js, lambda: {value}), outcome(tape_to_js, lambda: {value})]"
    fast, tape = interp.run(code)
    assert fast == tape


def test_to_js_of_json_shaped_data_takes_the_fast_route(interp):
    code = INTERNALS + "result = P.backend.fast_to_js([{'a': [1, 2.5, None, 'x']}], B.helpers) is not None"
    assert interp.run(code) is True


#: JS expressions that `to_py` converts; each compared with the tape's result.
JS_VALUES = [
    "Array.from({length: 50}, (_, i) => ({id: i, name: 'item ' + i, price: i / 2, ok: i > 9, p: null}))",
    "({a: -0, b: [2 ** 53 + 2, 2 ** 53 - 1, 1e21, 1.5, 5e-324, 1e300]})",
    "[NaN, Infinity, -Infinity]",
    "[12n, 2n ** 70n, -(2n ** 64n)]",
    "['a\\u0000b', '\\ud83d\\ude00', '\\ud800']",
    'JSON.parse(\'{"__proto__": {"x": 1}, "y": 2}\')',
    "new Map([[1, 'a'], ['1', 'b']])",
    "new Set([1, 'a'])",
    "new Uint8Array([1, 2, 3])",
    "[new Date(0)]",
    "[1, , 3, undefined, null]",
    "Object.assign(Object.create(null), {k: [true, false]})",
    "(() => { const a = [1]; a.push(a); return a; })()",
    "({get boom() { throw new TypeError('boom'); }})",
    "(() => { const r = {x: 1}; return [r, r]; })()",
    "[[], {}, '', 0, -1]",
    "[2 ** 40, -(2 ** 40), 2 ** 31, -(2 ** 31) - 1, 0n, 5n, -5n]",
    "['x'.repeat(300), '\u00e9'.repeat(300), '\u00e9', 'a'.repeat(255)]",
    "({b: new Uint8Array([1, 2]), u: undefined, f: () => 1})",
    "[1, {x: undefined}]",
    "(() => { let v = 0; for (let i = 0; i < 500; i++) v = [v]; return v; })()",
]


@pytest.mark.parametrize("expr", JS_VALUES)
def test_to_py_fast_path_matches_tape(interp, expr):
    make = f"lambda: js.Function.new('return ' + {expr!r})()"
    code = INTERNALS + f"result = [py_outcome(to_py, {make}), py_outcome(tape_to_py, {make})]"
    fast, tape = interp.run(code)
    assert fast == tape


def test_to_py_of_json_shaped_data_takes_the_fast_route(interp):
    code = (
        INTERNALS + 'result = B.helpers().fastPy(js.JSON.parse(\'{"a": [1, true, null, "x"]}\')) is not False'
    )
    assert interp.run(code) is True
