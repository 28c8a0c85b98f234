"""The MicroPython backend: `Backend` (see `_backend_base`) on MicroPython's
WebAssembly port, versions 1.24 to 1.27 (their differences are branches here)."""

import json
import sys

import js
import jsffi
from jsffi import JsProxy

from ._backend_base import Backend
from ._errors import JsException

_Undefined = type(js.undefined)
_RAW_DEPTH = 64


class MicroPythonBackend(Backend):
    """Tapes come back as JSON text: one `json.loads` beats thousands of
    proxied element reads, and it keeps integers beyond 32 bits exact."""

    NAME = "micropython"
    NUL_SAFE = False  # MicroPython cuts strings at NUL on the way to JS
    JSON_TAPES = True
    # json.loads parses every double exactly from 1.26 (1.24/1.25: some 1 ulp off)
    JSON_FLOATS = sys.implementation.version >= (1, 26, 0)
    ASCII_STR_RESULTS = False  # any str without NUL crosses as it is
    AWAIT_ITERATES = True  # `await x` is `yield from x`
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
        """`to_js` of a dict/list/tuple with default keywords by raw
        `jsffi.to_js`, where that gives exactly what docs/contract.md says (the tape's
        result): exact dicts (str keys, no NUL, no `"__proto__"`), lists and
        tuples, NUL-free strings, 32-bit ints, floats, bools and None, at most
        `_RAW_DEPTH` levels deep (a container inside itself goes deeper). Else
        None, and the tape does the work. One pass over the value, level by level."""
        # builtins as locals: MicroPython looks a global name up in two dicts
        type_, str_, int_, float_, bool_ = type, str, int, float, bool
        dict_, list_, tuple_ = dict, list, tuple
        level = [value]
        depth = 0
        while level:
            depth += 1
            if depth > _RAW_DEPTH:
                return None
            deeper = []
            push = deeper.append
            for container in level:
                if type_(container) is dict_:
                    if "__proto__" in container:
                        return None
                    for k in container:
                        if type_(k) is not str_ or "\0" in k:
                            return None
                    items = container.values()
                else:
                    items = container
                for v in items:
                    t = type_(v)
                    if t is str_:
                        if "\0" in v:
                            return None
                    elif t is int_:
                        if v < -2147483648 or v > 2147483647:
                            return None
                    elif t is dict_ or t is list_ or t is tuple_:
                        push(v)
                    elif not (t is float_ or v is None or t is bool_):
                        return None
            level = deeper
        return jsffi.to_js(value)

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

    def js_function(self, value, helpers):
        """MicroPython >= 1.26 gives `obj.method` (any JS function read as an
        attribute, `js.URL` included) as a Python `bound_method`, which crosses
        back into JS as a Python proxy: calling that runs the JS function under
        Python, where a JS throw escapes `try/except`. Its repr names the refs of
        both JsProxies (`<bound_method 36160 <JsProxy 2>.<JsProxy 3>>`), so the
        helper `boundParts` fetches the JS function and object themselves."""
        if type(value).__name__ != "bound_method":
            return value, None
        text = repr(value)
        marker = ".<JsProxy "
        at = text.rfind(marker)
        if at < 0 or not text.endswith(">>"):
            return value, None  # a Python method: JS calls it through its proxy
        fn_ref = int(text[at + len(marker) : -2])
        head = text[:at]
        self_ref = -1
        if head.endswith(">") and "<JsProxy " in head:
            self_ref = int(head[head.rfind("<JsProxy ") + 9 : -1])
        answer = helpers().boundParts(fn_ref, self_ref)
        if answer[0] != 0:  # an error record: no proxy_js_ref table
            raise JsException(answer[2], answer[3], answer[5])
        return answer[1], answer[2]

    def stash(self, helpers, refs):
        helpers().stashEach(*refs)

    def is_awaitable(self, value):
        """A coroutine is a generator on MicroPython: a returned generator counts too."""
        if isinstance(value, JsProxy):
            return False
        return hasattr(value, "__await__") or (hasattr(value, "send") and hasattr(value, "throw"))
