"""Cases of the contract's section "Python -> JavaScript: `to_js`" (rows `to_js.*`): a Python
input and `to_js` keywords -> the exact JS observation (`show(v)` by default), or the error.

MicroPython's dict/set iteration order is not insertion order, so cases whose input is a
MicroPython dict or set with several keys observe with `show_sorted` (keys, Set members and Map
entries sorted); JS itself puts integer-like keys first in ascending order, which `show` then
sees the same everywhere.
"""

import struct
from typing import Any

from .model import Case, Err
from .snippets import (
    DAG_40_DICTS,
    DAG_40_LISTS,
    DAG_DEPTH_JS,
    DEPTH_OF,
    FROM_BIGINT,
    IS_PLAIN,
    KEYS_DEPTH_OF,
    SAME_01,
    THING,
    USE_ARRAY,
    USE_UNDEFINED,
)
from .to_py import _py

__all__ = ["CASES", "STRINGS", "STRING_ROUTES"]

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
UNDEFINED = "to_js.undefined"
BIG_BACK = "to_js.bigint-round-trip"
SHARED = "to_js.shared"

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


# ---- datetime (arch): rows and setups of the datetime block at the end of CASES ----
DATETIME = "to_js.datetime"
DATETIME_ROUTES = "to_js.datetime-routes"
DATETIME_INTERPRETERS = "to_js.datetime-interpreters"
DATE_TO_PY = "to_py.date"
USE_DATETIME = (
    "from datetime import datetime, timedelta, timezone\n"
    "DT = datetime(2024, 5, 1, 12, 30, 15, 123456, tzinfo=timezone.utc)"
)
DATE_OF = "show(jsf('v', 'return [v instanceof Date, v.getTime()]')(v))"
#: The documented `default_converter` for JS Date -> datetime (README, `_type_datetime.py`).
DATES_RECIPE = (
    "\ndef dates(obj, convert, cache):\n"
    "    if obj.instanceof(js.Date):\n"
    "        return datetime.fromtimestamp(obj.getTime() / 1000, timezone.utc)\n"
    "    return obj"
)
# ---- end of datetime (arch) ----


#: Values converted with `depth=0..4`, and what JS sees at each depth (Pyodide's own `to_js`
#: gives the same, see tests/test_conformance.py): N levels converted, deeper ones proxies.
DEPTHS = {
    "list": (
        "[1, [2, [3, [4]]]]",
        ["<PyProxy>", "[1,<PyProxy>]", "[1,[2,<PyProxy>]]", "[1,[2,[3,<PyProxy>]]]", "[1,[2,[3,[4]]]]"],
    ),
    "dict": (
        '{"a": {"b": {"c": [1]}}}',
        [
            "<PyProxy>",
            '{"a":<PyProxy>}',
            '{"a":{"b":<PyProxy>}}',
            '{"a":{"b":{"c":<PyProxy>}}}',
            '{"a":{"b":{"c":[1]}}}',
        ],
    ),
    "set-and-tuple": (
        "[{1}, (2, (3,))]",
        [
            "<PyProxy>",
            "[<PyProxy>,<PyProxy>]",
            "[Set{1},[2,<PyProxy>]]",
            "[Set{1},[2,[3]]]",
            "[Set{1},[2,[3]]]",
        ],
    ),
    "bytes": (
        '[b"a", [b"b"]]',
        [
            "<PyProxy>",
            "[<PyProxy>,<PyProxy>]",
            "[Uint8Array[97],[<PyProxy>]]",
            "[Uint8Array[97],[Uint8Array[98]]]",
            "[Uint8Array[97],[Uint8Array[98]]]",
        ],
    ),
    "primitives": (
        '[2**60, "s", None]',
        [
            "<PyProxy>",
            '[1152921504606846976n,"s",null]',
            '[1152921504606846976n,"s",null]',
            '[1152921504606846976n,"s",null]',
            '[1152921504606846976n,"s",null]',
        ],
    ),
}


def _depth_cases() -> list[Case]:
    return [
        _js(
            "depth-" + str(depth) + "-of-" + name,
            "to_js.depth",
            source,
            seen[depth],
            kwargs={"depth": str(depth)},
        )
        for name, (source, seen) in DEPTHS.items()
        for depth in range(5)
    ]


#: Setup: BigInts that reached Python every way (`n` from `call`, `p` from `to_py` of an Array,
#: `m` a Map value, `r` a call result read by a JsProxy, `a` an attribute read, `big` beyond 2**64).
BIGINTS = (
    FROM_BIGINT + "\np = to_py(jsf('return [5n]')())[0]\nm = to_py(jsf('return new Map([[1, 5n]])')())[1]"
    "\nr = jsf('return 5n')()\na = jsf('return {b: 5n}')().b\nbig = to_py(jsf('return [-(2n ** 70n)]')())[0]"
    "\nfrom pyscript_ffi import assign\no = jsf('return {}')()\nbox = jsf('return [0]')()"
)
#: Where each BigInt goes back to JS (Python source, `B` the BigInt) and what JS sees there (`B` 5n).
BIGINT_ROUTES = {
    "list": ("[B]", "[Bn]"),
    "tuple": ("(B, 1)", "[Bn,1]"),
    "set": ("{B}", "Set{Bn}"),
    "dict": ('{"k": B}', '{"k":Bn}'),
    "nested": ('[[[B]], {"a": {"b": B}}]', '[[[Bn]],{"a":{"b":Bn}}]'),
    "shared": ("[s, s]", "[[Bn],[Bn]]"),
    "tape": ("[B, {1}]", "[Bn,Set{1}]"),
    "dict-converter": ('to_js({"k": B}, dict_converter=js.Map.new)', 'Map{"k"=>Bn}'),
    "depth-1": ("to_js([B, [B]], depth=1)", "[Bn,<PyProxy>]"),
    "top-result-in-list": ("[to_js(B)]", "[Bn]"),
    "to-py-again": ("[to_py(B)]", "[Bn]"),
    "callback-result": ("jsf('f', 'return f()')(lambda: [B])", "[Bn]"),
    "callback-result-top": ("jsf('f', 'return [f()]')(lambda: B)", "[Bn]"),
    "call-argument": ("jsf('v', 'return [v]')(B)", "[Bn]"),
    "call-argument-in-list": ("call(jsf('v', 'return v'), [B])", "[Bn]"),
    "keyword-argument": ("jsf('o', 'return o')(k=B)", '{"k":Bn}'),
    "attribute-written": ("setattr(o, 'x', [B]) or o.x", "[Bn]"),
    "attribute-written-top": ("setattr(o, 'x', B) or jsf('o', 'return [o.x]')(o)", "[Bn]"),
    "item-written": ("box.__setitem__(0, B) or box", "[Bn]"),
    "assign": ('assign(o, {"k": B})', '{"k":Bn}'),
}


def _bigint_cases() -> list[Case]:
    cases = []
    for name, spelled in (
        ("n", "5"),
        ("p", "5"),
        ("m", "5"),
        ("r", "5"),
        ("a", "5"),
        ("big", "-1180591620717411303424"),
    ):
        for route, (source, seen) in BIGINT_ROUTES.items():
            cases.append(
                _js(
                    "bigint-" + name + "-" + route,
                    "to_js.bigint-round-trip",
                    source.replace("B", name),
                    seen.replace("B", spelled),
                    setup=BIGINTS + "\ns = [" + name + "]",
                )
            )
    return cases


#: Strings that a route could alter, as (head, unit, tail): made `head + unit * n + tail` for each
#: n of STRING_SIZES, the same in Python and in JS, so that each size lies beyond one route's
#: threshold (MicroPython decodes more than 16 UTF-8 bytes with a TextDecoder; its tapes carry
#: strings of more than 1,024 characters by reference there; JSON text of 64 KB goes through
#: the heap; marshal's short strings end at 64 bytes).
TEXTS = {
    "lone-high-first": ("\ud800", "x", ""),
    "lone-low-last": ("", "y", "\udfff"),
    "lone-inside": ("a", "\udc00b", ""),
    "bom-nul-astral": ("\ufeff", "\x00\U0001f600", "\ufeff"),
    "mixed": ("\ufeff\x00", "\U0001f600\ud800\xe9", "\udfff"),
}
STRING_SIZES = (0, 1, 8, 600, 3000)
#: JS `__digest(s)`: the length and a 20-bit polynomial hash of a string's UTF-16 code units
#: (small numbers: quick in MicroPython too).
DIGEST_JS = (
    "globalThis.__digest = (s) => { let h = 0; for (let i = 0; i < s.length; i++)"
    " h = (h * 31 + s.charCodeAt(i)) & 0xfffff; return s.length + ':' + h };"
)
#: The same digest of a Python str, inside the interpreter (a lone surrogate is one code unit).
DIGEST_PY = (
    "def digest(s):\n    h = 0\n    n = len(s)\n    for c in s:\n        o = ord(c)\n"
    "        if o < 0x10000:\n            h = (h * 31 + o) & 0xFFFFF\n        else:\n            n += 1\n"
    "            h = (h * 31 + (0xD800 | ((o - 0x10000) >> 10))) & 0xFFFFF\n"
    "            h = (h * 31 + (0xDC00 | ((o - 0x10000) & 0x3FF))) & 0xFFFFF\n"
    "    return str(n) + ':' + str(h)\n"
)


def _digest(text: str) -> str:
    units = struct.unpack(
        "<" + "H" * (len(text.encode("utf-16-le", "surrogatepass")) // 2),
        text.encode("utf-16-le", "surrogatepass"),
    )
    h = 0
    for u in units:
        h = (h * 31 + u) & 0xFFFFF
    return f"{len(units)}:{h}"


def _js_text(text: str) -> str:
    units = struct.unpack(
        "<" + "H" * (len(text.encode("utf-16-le", "surrogatepass")) // 2),
        text.encode("utf-16-le", "surrogatepass"),
    )
    return '"' + "".join(f"\\u{u:04x}" for u in units) + '"'


#: How a string `s` goes Python -> JS: a Python expression giving a JS value (a JsProxy), and
#: the JS expression, on that value `v`, of the string JS got (digested in JS).
TEXT_TO_JS = {
    "to-js-in-list": ("to_js([s])", "v[0]"),
    "to-js-in-list-tape": ("to_js([s, {1}])", "v[0]"),
    "to-js-dict-value": ("to_js({'k': s})", "v.k"),
    "to-js-key": ("to_js({s: 1})", "Object.keys(v)[0]"),
    "to-js-key-tape": ("to_js({s: {1}})", "Object.keys(v)[0]"),
    "to-js-set": ("to_js({s})", "[...v][0]"),
    "to-js-dict-converter-key": ("to_js({s: 1}, dict_converter=js.Map.new)", "[...v.keys()][0]"),
    "call-argument": ("wrap(s)", "v[0]"),
    "call-argument-in-list": ("ident([s])", "v[0]"),
    "call-argument-keyword": ("ident(k=s)", "v.k"),
    "guarded-call-argument": ("call(wrap, s)", "v[0]"),
    "new-argument": ("new(js.Array, 1, s)", "v[1]"),
    "callback-result": ("jsf('f', 'return [f()]')(lambda: s)", "v[0]"),
    "callback-result-in-list": ("jsf('f', 'return f()')(lambda: [s])", "v[0]"),
    "attribute-written": ("setattr(o, 'x', s) or o", "v.x"),
    "item-key-written": ("o.__setitem__(s, 1) or o", "Object.keys(v).pop()"),
    "assign": ("assign(js.Object.new(), {'k': s})", "v.k"),
}
#: How a JS string (`t.texts[i]`) reaches Python: a Python expression giving its digest (`D`).
TEXT_FROM_JS = {
    "attribute-read": "D(t.texts[i])",
    "item-read": "D(t.texts[i + 0])",
    "call-result": "D(t.at(i))",
    "guarded-call-result": "D(call(t.at, i))",
    "callback-argument": "t.give(i, D)",
    "callback-argument-tape": "t.giveMany(i, lambda x, y: D(x))",
    "to-py-in-list": "D(to_py(t.inList(i))[0])",
    "to-py-in-object": "D(to_py(t.inObject(i))['k'])",
    "to-py-object-key": "D(list(to_py(t.asKey(i)))[0])",
    "to-py-many-as-json-text": "D(to_py(t.many(i))[-1])",
    "to-py-tape": "D(to_py(t.inMap(i))['k'])",
    "to-py-map-key": "D(list(to_py(t.mapKey(i)))[0])",
    "to-py-set": "D(list(to_py(t.inSet(i)))[0])",
    "to-py-depth": "D(to_py(t.inList(i), depth=1)[0])",
    "iteration": "D(list(t.inList(i))[0])",
    "query": "D(query(t, 'texts.' + str(i)))",
    "gather": "D(gather(t.texts, str(i))[0])",
    "exception-message": "D(catch(lambda: t.fail(i)))",
    "jsproxy-repr": "D(repr(t.boxed(i))[9:-1])",
}
TEXT_HELPERS_JS = (
    "return {texts: globalThis.__texts, at(i) { return this.texts[i] },"
    " give(i, f) { return f(this.texts[i]) },"
    " giveMany(i, f) { return f(this.texts[i], [1]) }, inList(i) { return [this.texts[i]] },"
    " inObject(i) { return {k: this.texts[i]} }, asKey(i) { return {[this.texts[i]]: 1} },"
    " many(i) { const s = this.texts[i]; return new Array(s.length <= 1024 ? 120 : 1).fill(s) },"
    " inMap(i) { return new Map([['k', this.texts[i]]]) },"
    " mapKey(i) { return new Map([[this.texts[i], 1]]) },"
    " inSet(i) { return new Set([this.texts[i]]) }, fail(i) { throw new Error(this.texts[i]) },"
    " boxed(i) { const s = this.texts[i]; return {toString() { return s }} }}"
)


def _text_cases() -> list[Case]:
    cases = []
    for name, (head, unit, tail) in TEXTS.items():
        texts = [head + unit * n + tail for n in STRING_SIZES]
        digests = [_digest(t) for t in texts]
        py_texts = (
            "["
            + ", ".join(f"{ascii(head)} + {ascii(unit)} * {n} + {ascii(tail)}" for n in STRING_SIZES)
            + "]"
        )
        js_texts = (
            "["
            + ", ".join(
                _js_text(head) + " + " + _js_text(unit) + ".repeat(" + str(n) + ") + " + _js_text(tail)
                for n in STRING_SIZES
            )
            + "]"
        )
        for route, (send, read) in TEXT_TO_JS.items():
            cases.append(
                Case(
                    "text-" + name + "-" + route,
                    "to_js.str-every-route",
                    "js",
                    "[dig(" + send + ") for s in texts]",
                    digests,
                    setup="from pyscript_ffi import assign, call, new\nident = jsf('x', 'return x')\n"
                    "wrap = jsf('x', 'return [x]')\no = js.Object.new()\ntexts = " + py_texts + "\n"
                    "dig = jsf('v', " + repr(DIGEST_JS + " return __digest(" + read + ")") + ")",
                    observe="v",
                )
            )
        for route, receive in TEXT_FROM_JS.items():
            cases.append(
                Case(
                    "text-" + name + "-" + route,
                    "to_py.str-every-route",
                    "js",
                    "[" + receive + " for i in range(" + str(len(texts)) + ")]",
                    digests,
                    setup="from pyscript_ffi import JsException, call, gather, query\n"
                    + DIGEST_PY
                    + "D = digest\n"
                    "def catch(f):\n    try:\n        f()\n    except JsException as e:\n"
                    "        return e.message\n"
                    "jsf("
                    + repr("globalThis.__texts = " + js_texts)
                    + ")()\nt = jsf("
                    + repr(TEXT_HELPERS_JS)
                    + ")()",
                    observe="v",
                )
            )
    return cases


def _js(cid: str, spec: str, source: str, expect: Any = None, **more: Any) -> Case:
    return Case(cid, spec, "to_js", source, expect, **more)


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
    *_bigint_cases(),
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
    *_text_cases(),
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
    _js(
        "depth-0",
        DEPTH,
        "x",
        ["<PyProxy>", True],
        setup="x = [1]",
        kwargs={"depth": "0"},
        observe="[show(v), jsf('v', 'return v')(v) is x]",
    ),
    _js("depth-minus-1-all", DEPTH, "[[[[1]]]]", "[[[[1]]]]", kwargs={"depth": "-1"}),
    *_depth_cases(),
    _js(
        "depth-2-shared-beyond",
        DEPTH,
        "[s, [s, [s]]]",
        ["[[1],[[1],<PyProxy>]]", True],
        setup="s = [1]",
        kwargs={"depth": "2"},
        observe="[show(v), jsf('v', 'return v[0] === v[1][0]')(v)]",
    ),
    _js(
        "depth-1-default-converter-beyond",
        DEPTH,
        '[Thing(), [1], {"a": 2}, b"x"]',
        '["D","D","D","D"]',
        setup=THING,
        kwargs={"depth": "1", "default_converter": "lambda v, c, k: 'D'"},
    ),
    _js(
        "depth-0-default-converter",
        DEPTH,
        "[1]",
        '"D"',
        kwargs={"depth": "0", "default_converter": "lambda v, c, k: 'D'"},
    ),
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
    # ---- datetime (arch) ----
    # `datetime.datetime` -> `Date` (pyscript_ffi/_type_datetime.py), rows `to_js.datetime*`,
    # `to_py.date`. DT is 2024-05-01 12:30:15.123456 UTC (1714566615123 ms); DATE_OF shows
    # `[v instanceof Date, v.getTime()]`.
    _js("datetime-aware-utc", DATETIME, "DT", "[true,1714566615123]", setup=USE_DATETIME, observe=DATE_OF),
    _js(
        "datetime-aware-offset",
        DATETIME,
        "datetime(2024, 5, 1, 18, 0, 15, 123456, tzinfo=timezone(timedelta(hours=5, minutes=30)))",
        "[true,1714566615123]",
        setup=USE_DATETIME,
        observe=DATE_OF,
    ),
    _js(
        "datetime-aware-negative-offset",
        DATETIME,
        "datetime(2024, 5, 1, 4, 30, 15, 123999, tzinfo=timezone(timedelta(hours=-8)))",
        "[true,1714566615123]",
        setup=USE_DATETIME,
        observe=DATE_OF,
    ),
    _js(
        "datetime-naive-is-local-time",
        DATETIME,
        "datetime(2024, 5, 1, 12, 30, 15, 123456)",
        "[true,true]",
        setup=USE_DATETIME,
        observe="show(jsf('v', 'return [v instanceof Date, v.getTime() === "
        "new Date(2024, 4, 1, 12, 30, 15, 123).getTime()]')(v))",
    ),
    _js(
        "datetime-naive-year-50",
        DATETIME,
        "datetime(50, 3, 1, 8, 15)",
        "[50,2,1,8,15]",
        setup=USE_DATETIME,
        observe="show(jsf('v', 'return [v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), "
        "v.getMinutes()]')(v))",
    ),
    _js(
        "datetime-aware-year-1",
        DATETIME,
        "datetime(1, 1, 1, tzinfo=timezone.utc)",
        "[true,-62135596800000]",
        setup=USE_DATETIME,
        observe=DATE_OF,
    ),
    _js(
        "datetime-aware-year-9999",
        DATETIME,
        "datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc)",
        "[true,253402300799999]",
        setup=USE_DATETIME,
        observe=DATE_OF,
    ),
    _js(
        "datetime-before-1970-floors-to-the-millisecond",
        DATETIME,
        "datetime(1969, 12, 31, 23, 59, 59, 999500, tzinfo=timezone.utc)",
        "[true,-1]",
        setup=USE_DATETIME,
        observe=DATE_OF,
    ),
    _js(
        "datetime-subclass",
        DATETIME,
        "Stamp(2024, 5, 1, 12, 30, 15, 123456, tzinfo=timezone.utc)",
        "[true,1714566615123]",
        setup=USE_DATETIME + "\nclass Stamp(datetime):\n    pass",
        observe=DATE_OF,
    ),
    _js(
        "datetime-without-pyproxies",
        DATETIME,
        "[DT]",
        "[true,1714566615123]",
        kwargs={"create_pyproxies": "False"},
        setup=USE_DATETIME,
        observe="show(jsf('v', 'return [v[0] instanceof Date, v[0].getTime()]')(v))",
    ),
    _js(
        "datetime-date-stays-a-proxy",
        DATETIME,
        "[d]",
        [False, True],
        setup=USE_DATETIME + "\nd = DT.date()",
        observe="[jsf('v', 'return v[0] instanceof Date')(v), v[0] is d]",
    ),
    _js(
        "datetime-as-dict-key",
        DATETIME,
        "{'a': {DT: 1}}",
        error=Err("ConversionError", "$.a", "datetime"),
        setup=USE_DATETIME,
    ),
    _js(
        "datetime-in-containers",
        DATETIME_ROUTES,
        "{'at': DT, 'l': [DT, (DT,)], 's': {DT}}",
        "[true,1714566615123,true,true]",
        setup=USE_DATETIME,
        observe="show(jsf('v', 'return [v.at instanceof Date, v.l[0].getTime(), v.l[1][0] instanceof Date, "
        "[...v.s][0] instanceof Date]')(v))",
    ),
    _js(
        "datetime-reached-twice-two-dates",
        DATETIME_ROUTES,
        "[DT, DT]",
        "[false,1714566615123]",
        setup=USE_DATETIME,
        observe="show(jsf('v', 'return [v[0] === v[1], v[1].getTime()]')(v))",
    ),
    Case(
        "datetime-as-callback-result",
        DATETIME_ROUTES,
        "js",
        "jsf('f', 'const d = f(); return __show([d instanceof Date, d.getTime()])')"
        "(create_proxy(lambda: DT))",
        "[true,1714566615123]",
        setup=USE_DATETIME + "\nfrom pyscript_ffi import create_proxy",
        observe="v",
    ),
    Case(
        "datetime-in-a-callback-result",
        DATETIME_ROUTES,
        "js",
        "jsf('f', 'const r = f(); return __show([r.at instanceof Date, r.at.getTime()])')"
        "(create_proxy(lambda: {'at': DT}))",
        "[true,1714566615123]",
        setup=USE_DATETIME + "\nfrom pyscript_ffi import create_proxy",
        observe="v",
    ),
    Case(
        "datetime-written-through-a-jsproxy",
        DATETIME_ROUTES,
        "js",
        "jsf('o', 'return __show([o.at instanceof Date, o.at.getTime(), o.l[0] instanceof Date])')(o)",
        "[true,1714566615123,true]",
        setup=USE_DATETIME + "\no = js.Object.new()\no.at = DT\no['l'] = [DT]",
        observe="v",
    ),
    Case(
        "datetime-as-call-argument",
        DATETIME_ROUTES,
        "js",
        "[jsf('d', 'return __show([d instanceof Date, d.getTime()])')(DT), "
        "call(jsf('d', 'return d.getTime()'), DT)]",
        ["[true,1714566615123]", 1714566615123],
        setup=USE_DATETIME + "\nfrom pyscript_ffi import call",
        observe="v",
    ),
    Case(
        "datetime-every-interpreter-has-it",
        DATETIME_INTERPRETERS,
        "js",
        "[datetime.__name__, timezone.utc.utcoffset(None) == timedelta(0)]",
        ["datetime", True],
        setup=USE_DATETIME,
        observe="v",
    ),
    _py("date-stays-a-jsproxy", DATE_TO_PY, "[new Date(0)]", "[JsProxy]"),
    _py(
        "date-default-converter-recipe",
        DATE_TO_PY,
        "[new Date(Date.UTC(2024, 4, 1, 12, 30, 15, 123))]",
        [[2024, 5, 1, 12, 30, 15, 123000, True]],
        setup=USE_DATETIME + DATES_RECIPE,
        kwargs={"default_converter": "dates"},
        observe="[[d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, "
        "d.utcoffset() == timedelta(0)] for d in v]",
    ),
    Case(
        "date-round-trip-by-the-recipe",
        DATE_TO_PY,
        "js",
        "to_py(to_js([DT]), default_converter=dates)[0] "
        "== datetime(2024, 5, 1, 12, 30, 15, 123000, timezone.utc)",
        True,
        setup=USE_DATETIME + DATES_RECIPE,
        observe="v",
    ),
    # ---- end of datetime (arch) ----
]
