"""The interpreter's half of tests/test_properties.py: copied into every interpreter
(`interp_files` in pyproject.toml), it unpacks each generated value, converts it
both ways and reports what JS saw."""

import binascii
import json
import struct

from pyscript_ffi import js, to_js, to_py


def unpack(p, labelled=None):
    """The value `pack` (tests/test_properties.py) packed, shared containers shared again."""
    if labelled is None:
        labelled = {}
    if type(p) is list:
        tag = p[0]
        if tag == "i":
            return int(p[1])
        if tag == "f":
            return struct.unpack("<d", binascii.unhexlify(p[1]))[0]
        if tag == "@":
            return labelled[p[1]]
        if tag == "=":
            body = p[2]
            if body[0] == "l":
                out = labelled[p[1]] = []
                out.extend(unpack(x, labelled) for x in body[1:])
            else:
                out = labelled[p[1]] = {}
                for i in range(1, len(body), 2):
                    out[body[i]] = unpack(body[i + 1], labelled)
            return out
    return p


def negative_zero(f):
    return f == 0 and str(f)[0] == "-"


def same(a, b, pairs=None):
    """`b == a`, nan-aware, and of the type to_py gives back (docs/contract.md); a
    container of `a` reached twice is ONE container of `b` (shared, in linear time)."""
    if pairs is None:
        pairs = {}
    t = type(a)
    if t is list or t is dict:
        if id(a) in pairs:
            return pairs[id(a)] is b
        pairs[id(a)] = b
    if t is float:
        if a != a:
            return type(b) is float and b != b
        if negative_zero(a):
            return type(b) is float and negative_zero(b)
        if a in (float("inf"), float("-inf")) or a != int(a) or abs(a) > 2**53 - 1:
            return type(b) is float and b == a
        return type(b) is int and b == a
    if t is list:
        return type(b) is list and len(a) == len(b) and all(same(x, y, pairs) for x, y in zip(a, b))
    if t is dict:
        return type(b) is dict and sorted(a) == sorted(b) and all(same(a[k], b[k], pairs) for k in a)
    if t is bool or a is None:
        return b is a
    if t is int and abs(a) > 2**53 - 1:  # a BigInt in JS: back as the `BigInt` int subclass
        return type(b).__name__ == "BigInt" and b == a
    return type(b) is t and b == a


def check(payload):
    """For each packed value in the JSON text `payload`: [to_py(to_js(x)) is x, the JS text of to_js(x)]."""
    out = []
    for item in json.loads(payload):
        x = unpack(item)
        try:
            j = to_js(x)
            out.append([same(x, to_py(j)), js.__showSorted(j)])
        except Exception as e:
            out.append([False, "error " + type(e).__name__ + ": " + str(e)])
    return out


_observe = []  # the JS function `differential` observes a JS value with, made on first use

OBSERVE_JS = """
const ids = new Map(), sig = [];
const norm = (x) => {
  if (x === undefined) return null;  // Pyodide gives None as undefined: SPEC's known difference
  // Pyodide gives a BigInt for some safe integers (2**53 - 1): pyscript_ffi a number, as SPEC says
  if (typeof x === "bigint" && x >= -9007199254740991n && x <= 9007199254740991n) return Number(x);
  if (x === null || typeof x !== "object") return x;
  if (ids.has(x)) { sig.push(ids.get(x)[0]); return ids.get(x)[1]; }
  let out;
  if (Array.isArray(x)) out = [];
  else if (x instanceof Set) out = new Set();
  else if (x instanceof Map) out = new Map();
  else if (ArrayBuffer.isView(x)) return x;
  else out = {};
  ids.set(x, [ids.size, out]);
  sig.push(ids.size - 1);
  if (Array.isArray(x)) for (const y of x) out.push(norm(y));
  else if (x instanceof Set) for (const y of x) out.add(norm(y));
  else if (x instanceof Map) for (const [k, y] of x) out.set(norm(k), norm(y));
  else for (const k of Object.keys(x)) out[k] = norm(x[k]);
  return out;
};
const text = __showSorted(norm(v));
return text + " shared:" + sig.join(",");
"""


def _canon(x, ids):
    """`x` as comparable data, each container's first place numbered and later places
    naming that number (so shared structure must match); numbers as floats (Pyodide
    gives an integral JS number beyond 2**53 as int, pyscript_ffi as float) and -0 as
    0 (Pyodide's `to_py` drops the sign); Pyodide's `jsnull` as None (SPEC's known
    differences)."""
    t = type(x)
    if x is None or getattr(t, "__name__", "") == "JsNull":
        return "None"
    if t is bool or t is str:
        return t.__name__ + ":" + repr(x)
    if isinstance(x, (int, float)):  # Pyodide's JsBigInt is an int subclass
        return "num:" + repr(float(x) + 0.0)  # Pyodide's to_py gives JS -0 as 0
    if t is list or t is dict or t is set:
        if id(x) in ids:
            return ["@", ids[id(x)][0]]
        ids[id(x)] = (len(ids), x)
        if t is list:
            return ["list"] + [_canon(v, ids) for v in x]
        if t is set:
            return ["set"] + sorted(repr(_canon(v, ids)) for v in x)
        return ["dict"] + sorted([repr(_canon(k, ids)), _canon(v, ids)] for k, v in x.items())
    return "other:" + t.__name__


def differential(payload):
    """Pyodide only. For each packed value `x` in the JSON text `payload`: the
    differences between pyscript_ffi and Pyodide's own `pyodide.ffi`, as
    `[repr(x), ours, theirs]` ([] when they agree): the JS value of `to_js(x)` (text
    and sharing), then the Python value `to_py` gives of that JS value."""
    from js import Object as RawObject  # Pyodide's own `js`: the reference end to end
    from pyodide.ffi import to_js as reference_to_js

    if not _observe:
        _observe.append(js.Function.new("v", OBSERVE_JS))
    observe = _observe[0]
    out = []
    for item in json.loads(payload):
        x = unpack(item)
        ours = reference = None
        try:
            ours = to_js(x)
            reference = reference_to_js(x, dict_converter=RawObject.fromEntries, create_pyproxies=False)
            pair = [observe(ours), observe(reference)]
            if pair[0] == pair[1]:
                pair = [_canon(to_py(ours), {}), _canon(reference.to_py(), {})]
        except Exception as e:
            pair = ["error " + type(e).__name__ + ": " + str(e), ""]
        if pair[0] != pair[1]:
            out.append([repr(x)[:300], str(pair[0])[:300], str(pair[1])[:300]])
    return out


_typed_bytes = js.Function.new(
    "v",
    "const u = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);"
    "return Object.getPrototypeOf(v).constructor.name + ':' +"
    " Array.from(u, (b) => b.toString(16).padStart(2, '0')).join('')",
)


def check_typed(payload):
    """For each `[typecode, hex of its bytes, how]` in the JSON text `payload`
    (how: "top", "list" or "view"), `[JS type name and hex of to_js(x)'s bytes,
    what to_py gives back ("bytes" or the typecode), hex of its bytes]`."""
    from array import array

    out = []
    for code, hexed, how in json.loads(payload):
        x = array(code, binascii.unhexlify(hexed))
        if how == "view":
            x = memoryview(x)
        try:
            j = to_js([x] if how == "list" else x)
            back = to_py(j)
            if how == "list":
                j, back = j[0], back[0]
            kind = "bytes" if type(back) is bytes else repr(back[0:0])[7:8]
            out.append([_typed_bytes(j), kind, binascii.hexlify(bytes(back)).decode()])
        except Exception as e:
            out.append(["error " + type(e).__name__ + ": " + str(e), "", ""])
    return out
