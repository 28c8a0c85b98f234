"""The MicroPython backend: the few primitives that differ from Pyodide."""

import json

import js
import jsffi
from jsffi import JsProxy

_Undefined = type(js.undefined)
_RAW_DEPTH = 64


def _raw_safe(value):
    """True when raw `jsffi.to_js` converts `value` exactly as SPEC says: exact
    dicts (str keys, no NUL, no `"__proto__"`), lists and tuples, NUL-free
    strings, 32-bit ints, floats, bools and None, at most `_RAW_DEPTH` levels
    deep (a container inside itself goes deeper). One pass, level by level."""
    level = [value]
    for _ in range(_RAW_DEPTH):
        if not level:
            return True
        deeper = []
        push = deeper.append
        for container in level:
            if type(container) is dict:
                for k in container:
                    if type(k) is not str or "\0" in k or k == "__proto__":
                        return False
                items = container.values()
            else:
                items = container
            for v in items:
                t = type(v)
                if t is str:
                    if "\0" in v:
                        return False
                elif t is int:
                    if v < -2147483648 or v > 2147483647:
                        return False
                elif t is dict or t is list or t is tuple:
                    push(v)
                elif not (t is float or v is None or t is bool):
                    return False
        level = deeper
    return not level


class MicroPythonBackend:
    """Tapes come back as JSON text: one `json.loads` beats thousands of
    proxied element reads, and it keeps integers beyond 32 bits exact."""

    NAME = "micropython"
    NUL_SAFE = False  # MicroPython cuts strings at NUL on the way to JS
    JSON_TAPES = True
    js = js
    JsProxy = JsProxy

    def is_none(self, value):
        """True for Python `None`, JS `null` and JS `undefined` (the public `is_none`)."""
        return value is None or type(value) is _Undefined

    def is_undefined(self, value):
        return type(value) is _Undefined

    def to_array(self, items):
        return jsffi.to_js(items)

    def refs_array(self, items):
        """JS Array of objects: pushed one by one, since `jsffi.to_js` would
        turn a proxied Python list back into an Array."""
        array = js.Array.new()
        for item in items:
            array.push(item)
        return array

    def fast_to_js(self, value, helpers):
        """`jsffi.to_js(value)` where that gives exactly what the tape gives,
        else None (see `_raw_safe`)."""
        if _raw_safe(value):
            return jsffi.to_js(value)
        return None

    def from_fast(self, text):
        """`(value,)` from `fastPy`'s JSON text."""
        return (json.loads(text),)

    def from_tape(self, tape):
        return json.loads(tape)

    def put_bytes(self, tape, refs, data):
        """Bytes cross inside the tape as base64 (`fromBase64` in JS)."""
        import binascii

        tape.append(binascii.b2a_base64(data).decode())

    def bytes_from_js(self, u8):
        return bytes(u8)

    def raw_proxy(self, func):
        """A JS function calling `func`; MicroPython frees it once JS drops it."""
        return jsffi.create_proxy(func)
