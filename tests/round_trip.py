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
