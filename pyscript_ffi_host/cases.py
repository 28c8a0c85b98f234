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

IS_PLAIN = "jsf('v', 'return Object.getPrototypeOf(v) === Object.prototype')(v)"
DEPTH_OF = "jsf('v', 'let n = 0; while (Array.isArray(v)) { n++; v = v[0] } return n')(v)"
KEYS_DEPTH_OF = (
    "jsf('v', 'let n = 0; while (v && typeof v === \"object\" && \"k\" in v) { n++; v = v.k } return n')(v)"
)
#: Python run after a to_py case: `n` is how deep the lists in `v` nest.
PY_DEPTH = "n = 0\nwhile type(v) is list:\n    n += 1\n    v = v[0] if v else None"
THING = "class Thing:\n    def __init__(self, n=1):\n        self.n = n\n"


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
    _py("py-int16array", "to_py.bytes", "new Int16Array([1, -1])", "b[1,0,255,255]"),
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
    # is_none
    _none("none-python", "None", True),
    _none("none-js-null", "js.JSON.parse('null')", True),
    _none("none-js-undefined", "jsf('return undefined')()", True),
    _none("none-js-undefined-global", "js.undefined", True),
    _none("none-null-in-array", "jsf('return [null]')()[0]", True),
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
