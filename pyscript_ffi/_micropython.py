"""The MicroPython backend: the few primitives that differ from Pyodide."""

import json

import js
import jsffi
from jsffi import JsProxy

_Undefined = type(js.undefined)


class MicroPythonBackend:
    """Tapes come back as JSON text: one `json.loads` beats thousands of
    proxied element reads, and it keeps integers beyond 32 bits exact."""

    NAME = "micropython"
    NUL_SAFE = False  # MicroPython cuts strings at NUL on the way to JS
    JSON_TAPES = True
    js = js
    JsProxy = JsProxy

    def is_none(self, value):
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

    def marshalled(self, value):
        """MicroPython has no marshal: the tape does the work."""
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
