"""The interpreter's half of tests/test_properties.py: copied into every interpreter
(`interp_files` in pyproject.toml), it unpacks each generated value, converts it
both ways and reports what JS saw."""

import binascii
import json
import struct

from pyscript_ffi import js, to_js, to_py


def unpack(p):
    """The value `pack` (tests/test_properties.py) packed."""
    if type(p) is list:
        tag = p[0]
        if tag == "i":
            return int(p[1])
        if tag == "f":
            return struct.unpack("<d", binascii.unhexlify(p[1]))[0]
        if tag == "l":
            return [unpack(x) for x in p[1:]]
        return {p[i]: unpack(p[i + 1]) for i in range(1, len(p), 2)}
    return p


def negative_zero(f):
    return f == 0 and str(f)[0] == "-"


def same(a, b):
    """`b == a`, nan-aware, and of the type to_py gives back (docs/contract.md)."""
    t = type(a)
    if t is float:
        if a != a:
            return type(b) is float and b != b
        if negative_zero(a):
            return type(b) is float and negative_zero(b)
        if a in (float("inf"), float("-inf")) or a != int(a) or abs(a) > 2**53 - 1:
            return type(b) is float and b == a
        return type(b) is int and b == a
    if t is list:
        return type(b) is list and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if t is dict:
        return type(b) is dict and sorted(a) == sorted(b) and all(same(a[k], b[k]) for k in a)
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
