"""The conformance case table: docs/contract.md written as data.

Each `Case` is one observation proving a row of the contract (`spec` is the
row's id, e.g. "to_js.dict"; `python -m pyscript_ffi_host.contract` lists the
cases in that row): a Python input (source text),
the keywords, and the exact JavaScript observation it must give (the
`__show` text of `js/show.js`), or the error type, path and a message
substring. `tests/test_conformance.py` runs every case on every interpreter;
`compat.py` (`nox -s compat`) runs the same table against the raw interpreter
FFIs and PyScript's `pyscript/ffi.py`.

```python
from pyscript_ffi_host.cases import CASES, program, judge, OURS

case = CASES[0]
answer = interp.run(program(case, OURS[interp.name]))
assert judge(case, answer) is None
```

MicroPython's dict/set iteration order is not insertion order, so cases whose
input is a MicroPython dict or set with several keys observe with `show_sorted`
(keys, Set members and Map entries sorted); JS itself puts integer-like keys
first in ascending order, which `show` then sees the same everywhere.
Top-level JS numbers are converted by the interpreter itself before `to_py`
sees them (MicroPython wraps them to 32 bits, both turn `-0` into `0`), so the
`to_py` number cases hold their numbers inside an Array.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["SHOW_JS", "Err", "Case", "CASES", "OURS", "COMMON", "program", "judge", "by_id"]
# Observations and setups shared with tests/test_hostile.py's table: DEPTH_OF, KEYS_DEPTH_OF,
# IS_PLAIN, PY_DEPTH, THING.

#: JS defining `__show(v)` / `__showSorted(v)` (canonical text of a JS value); run once per interpreter.
SHOW_JS = (Path(__file__).parent / "js" / "show.js").read_text()


@dataclass(frozen=True)
class Err:
    """An expected exception: its type name, its `.path`, and a substring of `str(e)`."""

    type: str
    path: str | None
    contains: str = ""


@dataclass(frozen=True)
class Case:
    """One conformance case.

    `spec` is the id of the row of docs/contract.md the case proves.
    `kind` is "to_js" (`source` is a Python expression), "to_py" (`source` is a
    JS expression), "is_none" (`source` is a Python expression) or "js" (`source` is a
    Python expression using `js`, e.g. an attribute read: the value read from JS). `kwargs` maps
    keyword names to Python source. `setup` runs first; `after` runs after the
    conversion, with the result in `v`; `observe` is a Python expression on `v`
    whose JSON value is compared to `expect` (default: `show(v)` for to_js,
    `pyshow(v)` for to_py, `v` for is_none).
    """

    id: str
    spec: str
    kind: str
    source: str
    expect: Any = None
    error: Err | None = None
    kwargs: dict[str, str] = field(default_factory=dict)
    setup: str = ""
    after: str = ""
    observe: str = ""


# -- what runs inside the interpreter ------------------------------------------
#: The names a case uses, bound to pyscript_ffi (per interpreter name).
OURS = {
    name: "from pyscript_ffi import js, to_js, to_py, is_none, JsProxy\n"
    for name in ("pyodide", "micropython")
}

#: Helpers every case program has: `show`, `show_sorted`, `jsf` (a JS function
#: from source), `pyshow` (a canonical text of a Python value, type included).
COMMON = r"""
show = js.__show
show_sorted = js.__showSorted


def jsf(*args):
    return js.Function.new(*args)


def pyshow(v):
    t = type(v)
    if v is None or t is bool or t is int:
        return repr(v)
    if isinstance(v, int):  # the BigInt subclass
        return repr(int(v))
    if t is float:
        if v != v:
            return "nan"
        if v == float("inf") or v == float("-inf"):
            return repr(v)
        if v == int(v):
            text = str(int(v)) + ".0"
            return "-" + text if v == 0 and str(v)[0] == "-" else text
        return repr(v)
    if t is str:
        out = '"'
        for c in v:
            o = ord(c)
            out += c if 32 <= o < 127 and c not in '"\\' else "\\u{" + hex(o)[2:] + "}"
        return out + '"'
    if t is bytes:
        return "b[" + ",".join([str(b) for b in v]) + "]"
    if t is list:
        return "[" + ",".join([pyshow(x) for x in v]) + "]"
    if t is tuple:
        return "(" + ",".join([pyshow(x) for x in v]) + ")"
    if t is set:
        return "set{" + ",".join(sorted([pyshow(x) for x in v])) + "}"
    if t is dict:
        return "{" + ",".join(sorted([pyshow(k) + ":" + pyshow(x) for k, x in v.items()])) + "}"
    if t.__name__ == "array":  # MicroPython's array has no `typecode`: its repr shows it
        return "array(" + repr(v[0:0])[7:8] + ")[" + ",".join([pyshow(x) for x in v]) + "]"
    if isinstance(v, JsProxy):
        return "JsProxy"
    return "<" + t.__name__ + ">"
"""

_TRY = """
try:
{body}
except Exception as e:
    result = ["error", type(e).__name__, getattr(e, "path", None), str(e)[:300]]
"""


def _indent(code: str) -> str:
    return "".join("    " + line + "\n" for line in code.strip("\n").split("\n") if line.strip())


def _call(func: str, arg: str, kwargs: dict[str, str]) -> str:
    keywords = "".join(f", {k}={v}" for k, v in kwargs.items())
    return f"{func}({arg}{keywords})"


def program(case: Case, prelude: str) -> str:
    """The Python source that runs `case` inside an interpreter with `prelude`'s
    names; it leaves `["ok", observation]` or `["error", type, path, message]`
    in `result`."""
    if case.kind == "to_js":
        convert = "v = " + _call("to_js", case.source, case.kwargs)
        observe = case.observe or "show(v)"
    elif case.kind == "to_py":
        convert = "v = " + _call("to_py", f"jsf({'return (' + case.source + ')'!r})()", case.kwargs)
        observe = case.observe or "pyshow(v)"
    elif case.kind == "js":
        convert = "v = " + case.source
        observe = case.observe or "pyshow(v)"
    elif case.kind == "is_none":
        convert = f"v = is_none({case.source})"
        observe = case.observe or "v"
    else:
        raise ValueError(f"unknown case kind {case.kind!r}")
    body = case.setup + "\n" + convert + "\n" + case.after + "\nresult = ['ok', " + observe + "]\n"
    return prelude + COMMON + _TRY.format(body=_indent(body))


def judge(case: Case, answer: Any) -> str | None:
    """None when `answer` (the `result` of `program(case, ...)`) is what the
    case expects, else a one-line description of the difference."""
    if case.error is None:
        if answer == ["ok", case.expect]:
            return None
        return f"expected {case.expect!r}, got {_brief(answer)}"
    want = case.error
    if (
        isinstance(answer, list)
        and len(answer) == 4
        and answer[0] == "error"
        and answer[1] == want.type
        and answer[2] == want.path
        and want.contains in answer[3]
    ):
        return None
    return f"expected {want.type} at {want.path} containing {want.contains!r}, got {_brief(answer)}"


def _brief(answer: Any) -> str:
    text = repr(answer)
    return text if len(text) < 200 else text[:200] + "..."


def by_id(case_id: str) -> Case:
    """The case named `case_id`."""
    for case in CASES:
        if case.id == case_id:
            return case
    raise KeyError(case_id)


# -- the table -------------------------------------------------------------------
# Rows of docs/contract.md (their ids), as the `spec` column.
DICT = "to_js.dict"
KEY_STR = "to_js.key-str"
KEY_JSON = "to_js.key-json"
KEY_OTHER = "to_js.key-other"
KEY_CLASH = "to_js.key-clash"
SEQ = "to_js.sequence"
SET = "to_js.set"
BYTES = "to_js.bytes"
STR = "to_js.str"
BOOL = "to_js.bool"
SAFE = "to_js.int-safe"
BIG = "to_js.int-big"
FLOAT = "to_js.float"
NONE = "to_js.none"
JSPROXY = "to_js.jsproxy"
CYCLE = "to_js.cycle"
OTHER = "to_js.other"
DEPTH = "to_js.depth"
DICTCONV = "to_js.dict-converter"
DEEP = "to_js.deep"
TYPED = "to_js.typed-arrays"
PY_TYPED = "to_py.typed-arrays"
USE_ARRAY = "from array import array"
PY_CONV = "to_py.default-converter"
UNDEFINED = "to_js.undefined"
BIG_BACK = "to_js.bigint-round-trip"
FROM_BIGINT = "from pyscript_ffi import call, create_proxy\nn = call(jsf('return 5n'))"
USE_UNDEFINED = "from pyscript_ffi import undefined"

IS_PLAIN = "jsf('v', 'return Object.getPrototypeOf(v) === Object.prototype')(v)"
DEPTH_OF = "jsf('v', 'let n = 0; while (Array.isArray(v)) { n++; v = v[0] } return n')(v)"
KEYS_DEPTH_OF = (
    "jsf('v', 'let n = 0; while (v && typeof v === \"object\" && \"k\" in v) { n++; v = v.k } return n')(v)"
)
#: Python run after a to_py case: `n` is how deep the lists in `v` nest.
PY_DEPTH = "n = 0\nwhile type(v) is list:\n    n += 1\n    v = v[0] if v else None"
THING = "class Thing:\n    def __init__(self, n=1):\n        self.n = n\n"

SHARED = "to_js.shared"
PY_SHARED = "to_py.shared"
PY_COLLIDE = "to_py.collisions"
PY_ENGINE = "to_py.engine-sizes"
PY_BOUNDS = "to_py.bounds"
SAME_01 = "jsf('v', 'return v[0] === v[1]')(v)"
#: Setups: `x`, a list (a dict) holding the same list (dict) twice, 40 levels deep.
DAG_40_LISTS = "x = [1]\nfor _ in range(40):\n    x = [x, x]"
DAG_40_DICTS = "x = {}\nfor _ in range(40):\n    x = {'l': x, 'r': x}"
#: How many levels of a JS DAG made by DAG_40_* hold the same object twice (-1 if one does not).
DAG_DEPTH_JS = (
    "jsf('v', 'let n = 0; for (;;) { let a, b; if (Array.isArray(v) && v.length === 2) [a, b] = v; "
    'else if (v !== null && typeof v === "object" && "l" in v) { a = v.l; b = v.r } else return n; '
    "if (a !== b) return -1; n++; v = a }')(v)"
)
#: Python run after a to_py case of a list DAG: `n` levels, `ok` if each holds one list twice.
PY_DAG_DEPTH = (
    "n = 0\nok = True\nwhile type(v) is list and len(v) == 2:\n    ok = ok and v[0] is v[1]\n"
    "    n += 1\n    v = v[0]"
)

#: Strings that an internal route could alter (Python source), by name.
STRINGS = {
    "bom": '"\\ufeff"',
    "bom-short": '"\\ufeffab"',
    "bom-long": '"\\ufeff" + "x" * 40',
    "bom-long-non-ascii": '"\\ufeff" + "\\xe9" * 40',
    "bom-only-many": '"\\ufeff" * 30',
    "bom-inside": '"a" * 20 + "\\ufeff" + "b"',
    "bom-after-nul": '"a\\x00\\ufeff" + "b" * 20',
    "noncharacters": '"\\ufffe\\uffff\\ufdd0\\ufdef\\U0001fffe\\U0010ffff" * 5',
    "surrogate": '"\\ud800"',
    "surrogate-long": '"\\udfff" + "z" * 100',
    "surrogate-after-astral": '("\\U0001f600\\ud83d" + "y") * 20',
}
#: How each string travels: (the value holding `S`, the JS expression reading the string back from `v`).
STRING_ROUTES = {
    "in-list": ("[S]", "v[0]"),
    "in-list-tape": ("[S, {1}]", "v[0]"),
    "key": ("{S: 1}", "Object.keys(v)[0]"),
    "key-tape": ("{S: {1}}", "Object.keys(v)[0]"),
}


def _string_cases() -> list[Case]:
    """Every string of STRINGS on every route: the JS string's code points, read in JS."""
    cases = []
    for name, source in STRINGS.items():
        text = eval(source)  # noqa: S307 - the table's own literals
        expect = "[" + ",".join(str(ord(c)) for c in text) + "]"
        for route, (holder, read) in STRING_ROUTES.items():
            cases.append(
                _js(
                    "str-" + name + "-" + route,
                    "to_js.str-every-route",
                    holder.replace("S", source),
                    expect,
                    observe="show(jsf('v', 'return Array.from("
                    + read
                    + ").map((c) => c.codePointAt(0))')(v))",
                )
            )
    return cases


def _js(cid: str, spec: str, source: str, expect: Any = None, **more: Any) -> Case:
    return Case(cid, spec, "to_js", source, expect, **more)


def _py(cid: str, spec: str, source: str, expect: Any = None, **more: Any) -> Case:
    return Case(cid, spec, "to_py", source, expect, **more)


def _read(cid: str, source: str, expect: str) -> Case:
    return Case(cid, "js.values-read", "js", source, expect)


def _none(cid: str, source: str, expect: bool) -> Case:
    return Case(cid, "is_none.nullish" if expect else "is_none.other", "is_none", source, expect)


CASES: list[Case] = [
    # dict -> plain Object
    _js("dict-one-key", DICT, '{"a": 1}', '{"a":1}'),
    _js("dict-prototype-is-object", DICT, '{"a": 1}', True, observe=IS_PLAIN),
    _js("dict-empty", DICT, "{}", "{}"),
    _js("dict-nested", DICT, '{"a": {"b": [1, {"c": "d"}]}}', '{"a":{"b":[1,{"c":"d"}]}}'),
    _js("dict-many-keys", DICT, '{"b": 2, "a": 1, "c": 3}', '{"a":1,"b":2,"c":3}', observe="show_sorted(v)"),
    _js("dict-two-keys", DICT, '{"a": 1, "b": "x"}', '{"a":1,"b":"x"}'),
    # str keys, __proto__
    _js("key-proto-own-property", KEY_STR, '{"__proto__": {"x": 1}}', '{"__proto__":{"x":1}}'),
    _js("key-proto-prototype-untouched", KEY_STR, '{"__proto__": {"x": 1}}', True, observe=IS_PLAIN),
    _js(
        "key-proto-own-and-prototype-untouched",
        KEY_STR,
        '{"__proto__": {"polluted": 1}}',
        [True, '{"__proto__":{"polluted":1}}'],
        observe="[" + IS_PLAIN + ", show(v)]",
    ),
    _js("key-proto-nested", KEY_STR, '{"a": [{"__proto__": None}]}', '{"a":[{"__proto__":null}]}'),
    _js(
        "key-proto-no-pollution",
        KEY_STR,
        '{"__proto__": {"polluted": 1}}',
        True,
        observe="jsf('v', 'return v.polluted === undefined && ({}).polluted === undefined')(v)",
    ),
    _js("key-constructor", KEY_STR, '{"constructor": 1}', '{"constructor":1}'),
    _js("key-empty-string", KEY_STR, '{"": 1}', '{"":1}'),
    _js("key-nul", KEY_STR, '{"a\\x00b": 1}', '{"a\\u0000b":1}'),
    _js("key-astral", KEY_STR, '{"\\U0001F600": 1}', '{"\U0001f600":1}'),
    # int/float/bool/None keys -> JSON spelling
    _js("key-int-0", KEY_JSON, '{0: "a"}', '{"0":"a"}'),
    _js("key-int-1", KEY_JSON, '{1: "a"}', '{"1":"a"}'),
    _js("key-int-2", KEY_JSON, '{2: "a"}', '{"2":"a"}'),
    _js("key-int-3", KEY_JSON, '{3: "a"}', '{"3":"a"}'),
    _js(
        "key-int-0-to-4",
        KEY_JSON,
        '{0: "a", 1: "b", 2: "c", 3: "d", 4: "e"}',
        '{"0":"a","1":"b","2":"c","3":"d","4":"e"}',
    ),
    _js("key-int-negative", KEY_JSON, '{-1: "a"}', '{"-1":"a"}'),
    _js("key-int-2-53", KEY_JSON, '{2**53: "a"}', '{"9007199254740992":"a"}'),
    _js("key-int-2-70", KEY_JSON, '{-2**70: "a"}', '{"-1180591620717411303424":"a"}'),
    _js("key-float", KEY_JSON, '{1.5: "a"}', '{"1.5":"a"}'),
    _js("key-float-integral", KEY_JSON, '{2.0: "a"}', '{"2":"a"}'),
    _js("key-true", KEY_JSON, '{True: "a"}', '{"true":"a"}'),
    _js("key-false", KEY_JSON, '{False: "a"}', '{"false":"a"}'),
    _js("key-none", KEY_JSON, '{None: "a"}', '{"null":"a"}'),
    # other key types
    _js("key-tuple", KEY_OTHER, "{(1, 2): 3}", error=Err("ConversionError", "$", "tuple")),
    _js(
        "key-tuple-path",
        KEY_OTHER,
        '{"a": [0, 1, 2, {(1, 2): 3}]}',
        error=Err("ConversionError", "$.a[3]", "(1, 2)"),
    ),
    _js(
        "key-frozenset",
        KEY_OTHER,
        '{"x": {frozenset([1]): 3}}',
        error=Err("ConversionError", "$.x", "frozenset"),
    ),
    _js("key-bytes", KEY_OTHER, '[{b"k": 1}]', error=Err("ConversionError", "$[0]", "bytes")),
    _js(
        "key-object-path-quoted",
        KEY_OTHER,
        '{"a b": [{Thing(): 1}]}',
        setup=THING,
        error=Err("ConversionError", '$["a b"][0]', "Thing"),
    ),
    # collisions
    _js("clash-int-str", KEY_CLASH, '{1: "int", "1": "str"}', error=Err("ConversionError", "$", '"1"')),
    _js(
        "clash-nested-path",
        KEY_CLASH,
        '{"k": [{1: "int", "1": "str"}]}',
        error=Err("ConversionError", "$.k[0]", '"1"'),
    ),
    _js(
        "clash-in-dict",
        KEY_CLASH,
        '{"k": {1: "int", "1": "str"}}',
        error=Err("ConversionError", "$.k", '"1"'),
    ),
    _js("clash-true", KEY_CLASH, '{True: 1, "true": 2}', error=Err("ConversionError", "$", '"true"')),
    _js("clash-none", KEY_CLASH, '{None: 1, "null": 2}', error=Err("ConversionError", "$", '"null"')),
    _js("clash-float", KEY_CLASH, '{1.5: 1, "1.5": 2}', error=Err("ConversionError", "$", '"1.5"')),
    # list/tuple/range -> Array
    _js("list", SEQ, '[1, "two", 3.5]', '[1,"two",3.5]'),
    _js("list-empty", SEQ, "[]", "[]"),
    _js("tuple-nested", SEQ, "(1, (2, 3), ())", "[1,[2,3],[]]"),
    _js("tuple-in-tuple", SEQ, "(1, (2, 3))", "[1,[2,3]]"),
    _js("range", SEQ, "range(4)", "[0,1,2,3]"),
    _js("range-step", SEQ, "range(10, 0, -3)", "[10,7,4,1]"),
    _js("range-empty", SEQ, "[range(0)]", "[[]]"),
    _js("list-shared-not-a-cycle", SEQ, "[s, s]", "[[1],[1]]", setup="s = [1]"),
    # set/frozenset -> Set
    _js("set-one", SET, "{1}", "Set{1}"),
    _js("set-many", SET, "{3, 1, 2}", "Set{1,2,3}", observe="show_sorted(v)"),
    _js("set-empty", SET, "set()", "Set{}"),
    _js("frozenset", SET, 'frozenset(["a"])', 'Set{"a"}'),
    _js("set-in-dict", SET, '{"s": {None}}', '{"s":Set{null}}'),
    # bytes
    _js("bytes", BYTES, 'b"\\x00\\x01\\xff"', "Uint8Array[0,1,255]"),
    _js("bytes-empty", BYTES, '[b""]', "[Uint8Array[]]"),
    _js("bytearray", BYTES, 'bytearray(b"ab")', "Uint8Array[97,98]"),
    _js("memoryview", BYTES, 'memoryview(b"ab")', "Uint8Array[97,98]"),
    _js("memoryview-bytearray", BYTES, 'memoryview(bytearray(b"abc"))[1:]', "Uint8Array[98,99]"),
    _js(
        "bytearray-is-a-copy",
        BYTES,
        "ba",
        "Uint8Array[1,2]",
        setup='ba = bytearray(b"\\x01\\x02")',
        after="ba[0] = 9",
    ),
    _js(
        "bytes-exact-type",
        BYTES,
        '[b"a"]',
        True,
        observe="jsf('v', 'return Object.getPrototypeOf(v[0]) === Uint8Array.prototype')(v)",
    ),
    # array.array and typed memoryviews -> typed arrays
    _js("array-b", TYPED, 'array("b", [-128, 0, 127])', "Int8Array[-128,0,127]", setup=USE_ARRAY),
    _js("array-B", TYPED, 'array("B", [0, 255])', "Uint8Array[0,255]", setup=USE_ARRAY),
    _js("array-h", TYPED, 'array("h", [-32768, 1, 32767])', "Int16Array[-32768,1,32767]", setup=USE_ARRAY),
    _js("array-H", TYPED, 'array("H", [0, 65535])', "Uint16Array[0,65535]", setup=USE_ARRAY),
    _js(
        "array-i",
        TYPED,
        'array("i", [-2**31, 2**31 - 1])',
        "Int32Array[-2147483648,2147483647]",
        setup=USE_ARRAY,
    ),
    _js("array-l", TYPED, 'array("l", [-2**31, 7])', "Int32Array[-2147483648,7]", setup=USE_ARRAY),
    _js("array-I", TYPED, 'array("I", [0, 2**32 - 1])', "Uint32Array[0,4294967295]", setup=USE_ARRAY),
    _js("array-L", TYPED, 'array("L", [2**32 - 1])', "Uint32Array[4294967295]", setup=USE_ARRAY),
    _js(
        "array-q",
        TYPED,
        'array("q", [-2**63, 0, 2**63 - 1])',
        "BigInt64Array[-9223372036854775808n,0n,9223372036854775807n]",
        setup=USE_ARRAY,
    ),
    _js(
        "array-Q",
        TYPED,
        'array("Q", [0, 2**64 - 1])',
        "BigUint64Array[0n,18446744073709551615n]",
        setup=USE_ARRAY,
    ),
    _js(
        "array-f",
        TYPED,
        'array("f", [0.5, -2.25, 0.1])',
        "Float32Array[0.5,-2.25,0.10000000149011612]",
        setup=USE_ARRAY,
    ),
    _js(
        "array-d",
        TYPED,
        'array("d", [0.1, -0.0, float("nan"), float("inf"), 5e-324])',
        "Float64Array[0.1,-0,NaN,Infinity,5e-324]",
        setup=USE_ARRAY,
    ),
    _js("array-empty", TYPED, '[array("i")]', "[Int32Array[]]", setup=USE_ARRAY),
    _js("array-in-dict", TYPED, '{"a": array("H", [1, 2])}', '{"a":Uint16Array[1,2]}', setup=USE_ARRAY),
    _js(
        "array-exact-type",
        TYPED,
        'array("h", [1])',
        True,
        setup=USE_ARRAY,
        observe="jsf('v', 'return Object.getPrototypeOf(v) === Int16Array.prototype')(v)",
    ),
    _js(
        "array-is-a-copy",
        TYPED,
        "a",
        "Float64Array[1.5]",
        setup=USE_ARRAY + '\na = array("d", [1.5])',
        after="a[0] = 9.0",
    ),
    _js("memoryview-h", TYPED, 'memoryview(array("h", [-1, 2]))', "Int16Array[-1,2]", setup=USE_ARRAY),
    _js("memoryview-f", TYPED, '[memoryview(array("f", [0.5]))]', "[Float32Array[0.5]]", setup=USE_ARRAY),
    _js(
        "memoryview-slice",
        TYPED,
        'memoryview(array("I", [1, 2, 3, 4]))[1:3]',
        "Uint32Array[2,3]",
        setup=USE_ARRAY,
    ),
    _js(
        "memoryview-Q",
        TYPED,
        'memoryview(array("Q", [2**64 - 1]))',
        "BigUint64Array[18446744073709551615n]",
        setup=USE_ARRAY,
    ),
    # str
    _js("str-top", STR, '"abc"', '"abc"'),
    _js("str-nul-inside", STR, '["a\\x00b"]', '["a\\u0000b"]'),
    _js("str-nul-only", STR, '["\\x00", "\\x00\\x00"]', '["\\u0000","\\u0000\\u0000"]'),
    _js("str-nul-edges", STR, '{"k": "\\x00x\\x00"}', '{"k":"\\u0000x\\u0000"}'),
    _js("str-nul-trailing", STR, '["a\\x00b\\x00"]', '["a\\u0000b\\u0000"]'),
    _js("str-astral", STR, '["\\U0001F600"]', '["\U0001f600"]'),
    _js("str-astral-reads-back", STR, '["\\U0001F600"]', True, observe="v[0] == '\\U0001F600'"),
    _js(
        "str-astral-code-units",
        STR,
        '["a\\U0001F600"]',
        "3:128512",
        observe="jsf('v', 'return v[0].length + \":\" + v[0].codePointAt(1)')(v)",
    ),
    _js("str-bmp", STR, '["\\u00e9\\u4e2d"]', '["\u00e9\u4e2d"]'),
    _js("str-empty", STR, '[""]', '[""]'),
    # bool
    _js("bool", BOOL, "[True, False]", "[true,false]"),
    _js("bool-top", BOOL, "True", "true"),
    # ints
    _js("int-zero", SAFE, "[0]", "[0]"),
    _js("int-2-31-minus-1", SAFE, "[2**31 - 1]", "[2147483647]"),
    _js("int-2-31", SAFE, "[2**31]", "[2147483648]"),
    _js("int-minus-2-31", SAFE, "[-2**31]", "[-2147483648]"),
    _js("int-minus-2-31-minus-1", SAFE, "[-2**31 - 1]", "[-2147483649]"),
    _js("int-2-53-minus-1", SAFE, "[2**53 - 1]", "[9007199254740991]"),
    _js("int-minus-2-53-plus-1", SAFE, "[-(2**53 - 1)]", "[-9007199254740991]"),
    _js("int-2-31-top", SAFE, "2**31", "2147483648"),
    _js("int-2-40", SAFE, "[2**40]", "[1099511627776]"),
    _js("int-2-40-top", SAFE, "2**40", "1099511627776", observe="js.String(v)"),
    _js("int-2-53-minus-1-top", SAFE, "2**53 - 1", "9007199254740991"),
    _js("int-2-53", BIG, "[2**53]", "[9007199254740992n]"),
    _js("int-minus-2-53", BIG, "[-2**53]", "[-9007199254740992n]"),
    _js("int-2-70", BIG, "[2**70]", "[1180591620717411303424n]"),
    _js("int-minus-2-70", BIG, "[-2**70]", "[-1180591620717411303424n]"),
    _js("int-minus-2-64", BIG, "[-(2**64)]", "[-18446744073709551616n]"),
    _js("int-2-70-top", BIG, "2**70", "1180591620717411303424n"),
    _js("int-2-53-is-bigint", BIG, "[2**53]", "bigint", observe="jsf('v', 'return typeof v[0]')(v)"),
    # ints that to_py made from BigInts
    _js(
        "bigint-round-trip",
        BIG_BACK,
        "to_py(jsf('return [5n, 0n, -1n, 2n ** 70n]')())",
        "[5n,0n,-1n,1180591620717411303424n]",
    ),
    _js(
        "bigint-as-call-argument",
        BIG_BACK,
        "call(jsf('x', 'return typeof x + String(x)'), n)",
        '"bigint5"',
        setup=FROM_BIGINT,
    ),
    _js(
        "bigint-as-callback-result",
        BIG_BACK,
        "jsf('f', 'return typeof f() + String(f())')(create_proxy(lambda: n))",
        '"bigint5"',
        setup=FROM_BIGINT,
    ),
    _js("bigint-round-trip-in-dict", BIG_BACK, '{"k": [n]}', '{"k":[5n]}', setup=FROM_BIGINT),
    _js("bigint-arithmetic-is-plain", BIG_BACK, "[n + 1, n * 1, int(n)]", "[6,5,5]", setup=FROM_BIGINT),
    _js("bigint-as-dict-key", BIG_BACK, "{n: 1}", '{"5":1}', setup=FROM_BIGINT),
    # floats
    _js("float", FLOAT, "[1.5, -2.25]", "[1.5,-2.25]"),
    _js("float-integral", FLOAT, "[2.0]", "[2]"),
    _js("float-negzero", FLOAT, "[-0.0]", "[-0]"),
    _js("float-negzero-top", FLOAT, "-0.0", "-0"),
    _js("float-nan", FLOAT, '[float("nan")]', "[NaN]"),
    _js("float-inf", FLOAT, '[float("inf"), float("-inf")]', "[Infinity,-Infinity]"),
    _js("float-extremes", FLOAT, "[1e300, 5e-324, 0.1]", "[1e+300,5e-324,0.1]"),
    # None
    _js("none-in-list", NONE, "[None]", "[null]"),
    _js("none-in-dict", NONE, '{"a": None}', '{"a":null}'),
    _js("none-in-dict-and-list", NONE, '{"a": None, "b": [None]}', '{"a":null,"b":[null]}'),
    _js("none-in-set", NONE, "{None}", "Set{null}"),
    _js("none-top-is-nullish", NONE, "None", True, observe="jsf('v', 'return v == null')(v)"),
    # the package's `undefined`
    _js("undefined-top", UNDEFINED, "undefined", "undefined", setup=USE_UNDEFINED),
    _js(
        "undefined-top-is-undefined",
        UNDEFINED,
        "undefined",
        True,
        setup=USE_UNDEFINED,
        observe="jsf('v', 'return v === undefined')(v)",
    ),
    _js("undefined-in-list", UNDEFINED, "[undefined, None]", "[undefined,null]", setup=USE_UNDEFINED),
    _js(
        "undefined-in-dict",
        UNDEFINED,
        '{"a": undefined}',
        "true,undefined",
        setup=USE_UNDEFINED,
        observe="jsf('v', 'return [\"a\" in v, typeof v.a].join()')(v)",
    ),
    _js("undefined-in-set", UNDEFINED, "{undefined}", "Set{undefined}", setup=USE_UNDEFINED),
    _js("undefined-in-tuple-nested", UNDEFINED, "[(1, undefined)]", "[[1,undefined]]", setup=USE_UNDEFINED),
    _js(
        "undefined-as-dict-key",
        KEY_OTHER,
        "{undefined: 1}",
        setup=USE_UNDEFINED,
        error=Err("ConversionError", "$", "UndefinedType"),
    ),
    # JsProxy passthrough
    _js("jsproxy-in-list", JSPROXY, "[d]", "[<Date>]", setup="d = js.Date.new(0)"),
    _js(
        "jsproxy-identity",
        JSPROXY,
        '{"o": o}',
        True,
        setup="o = js.Object.new()",
        observe="jsf('v', 'o', 'return v.o === o')(v, o)",
    ),
    _js(
        "jsproxy-top-identity",
        JSPROXY,
        "o",
        True,
        setup="o = js.Object.new()",
        observe="jsf('v', 'o', 'return v === o')(v, o)",
    ),
    _js("jsproxy-function", JSPROXY, "[js.Math.max]", "[function]"),
    # circular references
    _js(
        "cycle-list",
        CYCLE,
        '{"x": l}',
        setup="l = [1]\nl.append(l)",
        error=Err("ConversionError", "$.x[1]", "circular reference"),
    ),
    _js(
        "cycle-dict",
        CYCLE,
        "d",
        setup='d = {}\nd["self"] = d',
        error=Err("ConversionError", "$.self", "circular reference"),
    ),
    _js(
        "cycle-deep",
        CYCLE,
        "[[[l]]]",
        setup="l = [0, 1]\nl.append([l])",
        error=Err("ConversionError", "$[0][0][0][2][0]", "circular reference"),
    ),
    # shared containers: one JS object, in linear time
    _js("shared-list-one-object", SHARED, "[s, s]", True, setup="s = [1]", observe=SAME_01),
    _js(
        "shared-dict-one-object",
        SHARED,
        '[s, {"x": s}]',
        True,
        setup='s = {"a": 1}',
        observe="jsf('v', 'return v[0] === v[1].x')(v)",
    ),
    _js(
        "shared-tuple-one-object",
        SHARED,
        '{"a": t, "b": [t]}',
        True,
        setup="t = (1, 2)",
        observe="jsf('v', 'return v.a === v.b[0]')(v)",
    ),
    _js("shared-set-one-object", SHARED, "[s, s]", True, setup="s = {1}", observe=SAME_01),
    _js("shared-on-the-tape-route", SHARED, "[s, s, {1}]", True, setup="s = [1]", observe=SAME_01),
    _js("shared-dag-40-lists", SHARED, "x", 40, setup=DAG_40_LISTS, observe=DAG_DEPTH_JS),
    _js("shared-dag-40-dicts", SHARED, "x", 40, setup=DAG_40_DICTS, observe=DAG_DEPTH_JS),
    _js(
        "shared-dag-40-with-dict-converter",
        SHARED,
        "[x, x]",
        True,
        setup=DAG_40_DICTS,
        kwargs={"dict_converter": "js.Object.fromEntries"},
        observe=SAME_01,
    ),
    _js("shared-list-shows-twice", SHARED, "[s, s]", "[[1],[1]]", setup="s = [1]"),
    # strings on every route
    *_string_cases(),
    # anything else
    _js(
        "object-becomes-proxy",
        OTHER,
        "[t]",
        ["object", True],
        setup=THING + "t = Thing()",
        observe="[jsf('v', 'return typeof v[0]')(v), v[0] is t]",
    ),
    _js(
        "callable-becomes-function",
        OTHER,
        "[lambda x: x * 3]",
        ["function", 6],
        observe="[jsf('v', 'return typeof v[0]')(v), jsf('v', 'return v[0](2)')(v)]",
    ),
    _js(
        "no-pyproxies-error",
        OTHER,
        '{"a": [1, Thing()]}',
        setup=THING,
        kwargs={"create_pyproxies": "False"},
        error=Err("ConversionError", "$.a[1]", "Thing"),
    ),
    _js(
        "no-pyproxies-top",
        OTHER,
        "Thing()",
        setup=THING,
        kwargs={"create_pyproxies": "False"},
        error=Err("ConversionError", "$", "Thing"),
    ),
    _js(
        "no-pyproxies-plain-ok",
        OTHER,
        '{"a": [1, (2,)]}',
        '{"a":[1,[2]]}',
        kwargs={"create_pyproxies": "False"},
    ),
    _js(
        "default-converter",
        OTHER,
        "[1, Thing(5)]",
        '[1,{"n":5}]',
        setup=THING,
        kwargs={"default_converter": 'lambda v, convert, cache: convert({"n": v.n})'},
    ),
    _js(
        "default-converter-string",
        OTHER,
        '{"t": Thing()}',
        '{"t":"T"}',
        setup=THING,
        kwargs={"default_converter": 'lambda v, convert, cache: "T"'},
    ),
    _js(
        "default-converter-first",
        OTHER,
        "[Thing(7)]",
        "[7]",
        setup=THING,
        kwargs={"default_converter": "lambda v, convert, cache: v.n", "create_pyproxies": "False"},
    ),
    _js(
        "default-converter-cache",
        OTHER,
        "[t, t]",
        [True, 4],
        setup=THING
        + (
            "t = Thing(4)\n"
            "def conv(v, convert, cache):\n"
            "    o = js.Object.new()\n"
            "    cache(v, o)\n"
            "    o.n = v.n\n"
            "    return o\n"
        ),
        kwargs={"default_converter": "conv"},
        observe="[jsf('v', 'return v[0] === v[1]')(v), jsf('v', 'return v[1].n')(v)]",
    ),
    _js(
        "default-converter-not-for-plain",
        OTHER,
        '[1, "s", [2], {"k": None}]',
        '[1,"s",[2],{"k":null}]',
        kwargs={"default_converter": "lambda v, convert, cache: 'never'"},
    ),
    # depth
    _js("depth-1", DEPTH, "[1, [2, [3]]]", "[1,<PyProxy>]", kwargs={"depth": "1"}),
    _js(
        "depth-1-keeps-object",
        DEPTH,
        "[1, inner]",
        [True, False, True],
        setup="inner = [2]",
        kwargs={"depth": "1"},
        observe="[jsf('v', 'return Array.isArray(v)')(v), jsf('v', 'return Array.isArray(v[1])')(v),"
        " v[1] is inner]",
    ),
    _js(
        "depth-2",
        DEPTH,
        '{"a": {"b": {"c": 1}}}',
        [True, True, False],
        kwargs={"depth": "2"},
        observe="[" + IS_PLAIN + ", jsf('v', 'return Object.getPrototypeOf(v.a) === Object.prototype')(v),"
        " jsf('v', 'return Object.getPrototypeOf(v.a.b) === Object.prototype')(v)]",
    ),
    _js("depth-0", DEPTH, "x", True, setup="x = [1]", kwargs={"depth": "0"}, observe="v is x"),
    _js("depth-minus-1-all", DEPTH, "[[[[1]]]]", "[[[[1]]]]", kwargs={"depth": "-1"}),
    # dict_converter
    _js("dict-converter-map", DICTCONV, '{"a": 1}', 'Map{"a"=>1}', kwargs={"dict_converter": "js.Map.new"}),
    _js(
        "dict-converter-map-nested",
        DICTCONV,
        '{"a": [{"b": None}]}',
        'Map{"a"=>[Map{"b"=>null}]}',
        kwargs={"dict_converter": "js.Map.new"},
    ),
    _js(
        "dict-converter-map-int-keys",
        DICTCONV,
        '{1: "x"}',
        'Map{1=>"x"}',
        kwargs={"dict_converter": "js.Map.new"},
    ),
    _js(
        "dict-converter-map-no-clash",
        DICTCONV,
        '{1: "int", "1": "str"}',
        'Map{"1"=>"str",1=>"int"}',
        kwargs={"dict_converter": "js.Map.new"},
        observe="show_sorted(v)",
    ),
    _js(
        "dict-converter-map-tuple-key",
        DICTCONV,
        "{(1, 2): 3}",
        "Map{[1,2]=>3}",
        kwargs={"dict_converter": "js.Map.new"},
    ),
    _js(
        "dict-converter-from-entries",
        DICTCONV,
        '{"a": {"b": 1}}',
        '{"a":{"b":1}}',
        kwargs={"dict_converter": "js.Object.fromEntries"},
    ),
    _js(
        "dict-converter-python",
        DICTCONV,
        '{"a": 1, "b": 2}',
        "2",
        kwargs={"dict_converter": "lambda entries: entries.length"},
    ),
    _js(
        "dict-converter-throws",
        DICTCONV,
        '{"a": {"b": 1}}',
        kwargs={"dict_converter": "jsf('e', 'throw new RangeError(\"no pairs today\")')"},
        error=Err("JsException", "$.a", "no pairs today"),
    ),
    # 500 deep
    _js(
        "deep-500-lists", DEEP, "x", 500, setup="x = []\nfor _ in range(499):\n    x = [x]", observe=DEPTH_OF
    ),
    _js(
        "deep-500-dicts",
        DEEP,
        "x",
        500,
        setup="x = {}\nfor _ in range(500):\n    x = {'k': x}",
        observe=KEYS_DEPTH_OF,
    ),
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
    # is_none
    _none("none-python", "None", True),
    _none("none-js-null", "js.JSON.parse('null')", True),
    _none("none-js-undefined", "jsf('return undefined')()", True),
    _none("none-js-undefined-global", "js.undefined", True),
    _none("none-null-in-array", "jsf('return [null]')()[0]", True),
    Case("none-undefined-sentinel", "is_none.undefined", "is_none", "undefined", True, setup=USE_UNDEFINED),
    Case(
        "none-undefined-falsy",
        "is_none.undefined",
        "is_none",
        "undefined",
        False,
        setup=USE_UNDEFINED,
        observe="bool(undefined)",
    ),
    _none("none-zero", "0", False),
    _none("none-js-zero", "js.JSON.parse('0')", False),
    _none("none-empty-str", "''", False),
    _none("none-false", "False", False),
    _none("none-empty-list", "[]", False),
    _none("none-empty-dict", "{}", False),
    _none("none-js-object", "js.Object.new()", False),
    _none("none-js-nan", "js.NaN", False),
    # values read from JS through a JsProxy (attribute, item, call result)
    _read("js-null-attribute", "jsf('return {a: null}')().a", "None"),
    _read("js-undefined-attribute", "jsf('return {a: undefined}')().a", "None"),
    _read("js-null-result", "jsf('return null')()", "None"),
    _read("js-null-item", "js.JSON.parse('[null]')[0]", "None"),
    _read("js-true", "js.JSON.parse('[true]')[0]", "True"),
    _read("js-int32-max", "jsf('return 2147483647')()", "2147483647"),
    _read("js-int32-min", "jsf('return -2147483648')()", "-2147483648"),
    _read("js-int-2-31", "jsf('return 2 ** 31')()", "2147483648"),
    _read("js-int-2-40-attribute", "jsf('return {n: 2 ** 40}')().n", "1099511627776"),
    _read("js-date-now-exact", "js.Date.now() > 2 ** 40", "True"),
    _read("js-safe-max", "jsf('return 2 ** 53 - 1')()", "9007199254740991"),
    _read("js-safe-min", "jsf('return -(2 ** 53 - 1)')()", "-9007199254740991"),
    _read("js-unsafe-integral-is-float", "jsf('return 2 ** 53')()", "9007199254740992.0"),
    _read("js-1e21-is-float", "jsf('return 1e21')()", "1000000000000000000000.0"),
    _read("js-float", "jsf('return 0.1')()", "0.1"),
    _read("js-negzero", "jsf('return -0')()", "-0.0"),
    _read("js-nan", "jsf('return NaN')()", "nan"),
    _read("js-infinity", "jsf('return -Infinity')()", "-inf"),
    _read("js-bigint", "jsf('return 2n ** 70n')()", "1180591620717411303424"),
    _read("js-bigint-negative", "jsf('return -(2n ** 64n)')()", "-18446744073709551616"),
    _read("js-string", "jsf('return \"h\\\\u00e9\"')()", '"h\\u{e9}"'),
    _read("js-string-nul", "jsf('return \"a\\\\u0000b\"')()", '"a\\u{0}b"'),
    _read("js-string-astral", "jsf('return \"\\\\u{1F600}\"')()", '"\\u{1f600}"'),
    _read("js-object", "jsf('return {}')()", "JsProxy"),
    _read("js-array", "jsf('return [1]')()", "JsProxy"),
    _read("js-function", "jsf('return () => 1')()", "JsProxy"),
    _read("js-symbol", "jsf('return Symbol(\"s\")')()", "JsProxy"),
    _read(
        "js-revoked-proxy",
        "jsf('const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy')()",
        "JsProxy",
    ),
    _read(
        "js-trapping-proxy",
        "jsf('return new Proxy({}, {getPrototypeOf() { throw 1 }, has() { throw 2 }, get() { throw 3 }})')()",
        "JsProxy",
    ),
    _read("js-function-with-ref", "jsf('const f = () => 1; f._ref = 1; return f')()", "JsProxy"),
]

# ---- mixing ----
# Beside the interpreters' own FFI (docs/contract.md, "Beside the interpreters' own FFI"):
# what the package makes FOR JavaScript is the interpreter's own handle, taken as the JS
# value itself by a raw `import js` (`raw` below); raw values go into this package as
# they are; our JsProxy goes into the raw FFI through `JsProxy.unwrap`.
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


CASES += [
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
    _js(
        "mix-to-js-of-revoked-proxy",
        MIX_REFUSED,
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
# ---- end mixing ----
