"""The MicroPython backend: `Backend` (see `_backend_base`) on MicroPython's
WebAssembly port, versions 1.24 to 1.27 (their differences are branches here).
Its JS is `_micropython.mjs` (the heap found, read and written; the JS function
of a `bound_method`), joined into `_micropython_js`."""

try:
    import ubinascii as binascii  # the C module: `binascii` is a frozen Python wrapper (~2 ms to import)
except ImportError:
    import binascii
import json
import struct
import sys
from array import array as _array

import js
import jsffi
from jsffi import JsProxy

from ._backend_base import Backend
from ._binary import CODES, SIZES
from ._micropython_js import SOURCE
from ._undefined import undefined as _undefined

_Undefined = type(js.undefined)
_RAW_DEPTH = 64

try:
    import uctypes as _uctypes
except ImportError:  # a build without it: no heap route, base64 instead
    _uctypes = None

#: Bytes placed once at a known address so that JS can find (and check) the heap.
_PROBE_TEXT = "pyscript_ffi: the heap is here, 0123456789"
_PROBE = bytearray(_PROBE_TEXT.encode())


def _has_surrogate(s):
    """A lone surrogate in `s` (a str of at most 4 characters, at most 16 UTF-8
    bytes, is decoded by hand and crosses whole: not asked)."""
    if len(s) < 5:
        return False
    data = s.encode()
    at = data.find(b"\xed")
    while at >= 0:  # U+D800-U+DFFF is ED A0-BF xx in UTF-8
        if at + 1 < len(data) and data[at + 1] >= 0xA0:
            return True
        at = data.find(b"\xed", at + 1)
    return False


def _words(obj):
    """The first four 32-bit words of `obj` in the heap (its header)."""
    return struct.unpack("<4I", _uctypes.bytes_at(id(obj), 16))


_HEADER = None  # the uctypes layout of those words, made on first use


def _adopt(data, n, code):
    """The fresh bytearray `data` (nothing else refers to it), turned in place
    into `bytes` of its first `n` bytes (`code` None; hash 0: "not computed
    yet", as MicroPython leaves it for exception messages) or into an `array`
    of typecode `code`: the header is rewritten, the buffer stays."""
    global _HEADER
    if _HEADER is None:
        _HEADER = {"type": 0 | _uctypes.UINT32, "word": 4 | _uctypes.UINT32, "len": 8 | _uctypes.UINT32}
    head = _uctypes.struct(id(data), _HEADER, _uctypes.LITTLE_ENDIAN)
    if code is None:
        head.word = 0
        head.len = n
        head.type = id(bytes)
    else:
        head.word = ord(code)
        head.len = n // SIZES[code]
        head.type = id(_array)
    return data


STASH_CHUNK = 64  # refs per call into JS (see `stash`)


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
    JS = SOURCE
    JsExceptionBase = jsffi.JsException  # so `except jsffi.JsException` catches ours
    # 1.26 reuses one ref for every proxy of a JS object and frees it with any of them
    SHARED_REFS = sys.implementation.version[:2] == (1, 26)

    @staticmethod
    def exception_class(cls):
        return cls  # a subclass of jsffi.JsException already: `except` catches it

    @staticmethod
    def str_altered(s):
        """True if `s` would not reach JS as it is: the port decodes a string
        of more than 16 UTF-8 bytes with a TextDecoder, which drops a leading
        U+FEFF and turns a lone surrogate into U+FFFD (a NUL cuts it anyway).
        Such strings cross as their bytes (`STRU8`). A plain function (no
        `self`): the hot paths call it for every str they write."""
        return len(s) > 4 and ("\ufeff" in s or _has_surrogate(s))

    def is_none(self, value):
        """True for Python `None`, the package's `undefined`, JS `null` and JS
        `undefined` (the public `is_none`)."""
        return value is None or value is _undefined or type(value) is _Undefined

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

    _objects = None  # True once JS reads objects in the heap (`learnObjects`)
    _qstrs = None  # the list JS writes the interned strings it asks about into (`fromObjects`)
    _qstrs_id = 0
    _from_objects = None  # helpers().fromObjects, fetched once

    def _objects_route(self, helpers):
        """True if JS reads Python values in the heap: the memory found and
        the object layout as `learnObjects` expects it (asked once)."""
        if self._objects is None:
            self._objects = False
            if self._heap_route(helpers):
                probe = {"k": None, "gone": 1}
                items = [5, "pyscript_ffi heap probe " + "\u00e9", 2.5, None, True, False]
                probe["k"] = items
                del probe["gone"]
                big, neg = 2**40 + 5, -(2**50)
                try:
                    key = _uctypes.addressof("k")  # an interned str's text
                except TypeError:
                    return False
                spec = [
                    [id(dict), id(list), id(tuple), id(str), id(int), id(float)],
                    [id(None), id(True), id(False)],
                    [id(probe), id("k"), key, id(items), [id(x) for x in items], id((7,)), id(big), id(neg)],
                ]
                made = helpers()
                if made.learnObjects(json.dumps(spec)) == 1:
                    self._qstrs = [None] * 64
                    self._qstrs_id = id(self._qstrs)
                    self._from_objects = made.fromObjects
                    self._objects = True
        return self._objects

    def fast_to_js(self, value, helpers):
        """`to_js` of a dict/list/tuple with default keywords: where JS reads
        Python values in the heap (`_objects_route`), `fromObjects` builds the
        JS value there if it is exactly JSON-shaped data (see `_micropython.mjs`);
        else the raw route (`_raw_to_js`). None when the value is not such
        data: the tape does the work."""
        if self._objects or (self._objects is None and self._objects_route(helpers)):
            answer = self._from_objects(id(value), self._qstrs_id)
            while type(answer) is int:
                if answer < 0 or self._tell_qstrs(answer, helpers) == 0:
                    return None
                answer = self._from_objects(id(value), self._qstrs_id)
            return answer
        return self._raw_to_js(value)

    def _tell_qstrs(self, n, helpers):
        """Tell JS where the text of the `n` interned strings it wrote into
        `_qstrs` lies (`learnQstrs`): the address and the byte length of each.
        The number JS learnt."""
        places = []
        for i in range(n):
            text = self._qstrs[i]
            places.append(str(_uctypes.addressof(text)))
            places.append(str(len(text.encode())))
        return helpers().learnQstrs(",".join(places))

    def _raw_to_js(self, value):
        """`to_js` of a dict/list/tuple with default keywords by raw
        `jsffi.to_js`, where that gives exactly what docs/contract.md says (the tape's
        result): exact dicts (str keys, no NUL, no `"__proto__"`), lists and
        tuples, NUL-free strings that cross unaltered (`str_altered`), 32-bit
        ints, floats, bools and None, at most
        `_RAW_DEPTH` levels deep, each container reached once (raw `to_js`
        copies a shared one at every place: exponential for a DAG; a cycle is
        shared too). Else None, and the tape does the work. One pass over the
        value, level by level."""
        # builtins as locals: MicroPython looks a global name up in two dicts
        type_, str_, int_, float_, bool_ = type, str, int, float, bool
        dict_, list_, tuple_ = dict, list, tuple
        level = [value]
        surrogate = _has_surrogate
        good_keys = set()  # keys repeat (records): each is checked once
        seen = {id(value)}
        see = seen.add
        id_ = id
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
                        if type_(k) is not str_:
                            return None
                        if k not in good_keys:
                            if "\0" in k or "\ufeff" in k or surrogate(k):
                                return None
                            good_keys.add(k)
                    items = container.values()
                else:
                    items = container
                for v in items:
                    t = type_(v)
                    if t is str_:
                        if "\0" in v or "\ufeff" in v or surrogate(v):
                            return None
                    elif t is int_:
                        if v < -2147483648 or v > 2147483647:
                            return None
                    elif t is dict_ or t is list_ or t is tuple_:
                        if id_(v) in seen:
                            return None
                        see(id_(v))
                        push(v)
                    elif not (t is float_ or v is None or t is bool_):
                        return None
            level = deeper
        return jsffi.to_js(value)

    def from_fast(self, text, helpers):
        """`(value,)` from `toPyFast`'s JSON text, or from its length in UTF-8
        bytes when JS holds it for `takeText` (long text, once JS knows the
        heap: written straight into a buffer here that becomes the `bytes`
        json.loads reads, without the port's own string conversion)."""
        if type(text) is int:
            text = self._filled(text, None, helpers().takeText)
            if text is None:
                return None  # (the tape then reads the copy)
        elif self._heap is None:
            self._heap_route(helpers)  # the next long texts take the heap
        return (json.loads(text),)

    def from_tape(self, tape):
        return json.loads(tape)

    _heap = None  # True once JS found the memory (`findHeap`), False if it cannot
    _layout = None  # True once `_typecode` is known to read the right byte
    _headers = None  # True once `_adopt` is known to write the right words

    def _heap_route(self, helpers):
        if self._heap is None:
            self._heap = (
                _uctypes is not None and helpers().findHeap(_uctypes.addressof(_PROBE), _PROBE_TEXT) == 1
            )
        return self._heap

    def _typecode(self, value):
        """The typecode an array or memoryview holds, which MicroPython shows
        nowhere but `repr`: in `mp_obj_array_t`, the byte after the type
        pointer (0x80 marks a writable memoryview, 1 a bytearray's bytes).
        None if that layout does not hold here."""
        if self._layout is None:
            self._layout = False
            if _uctypes is not None:
                self._layout = (
                    self._typecode_at(_array("h")) == "h"
                    and self._typecode_at(memoryview(_array("f"))) == "f"
                )
        return self._typecode_at(value) if self._layout else None

    def _typecode_at(self, value):
        code = _uctypes.bytes_at(id(value) + 4, 1)[0] & 0x7F
        return "B" if code == 1 else chr(code)

    def buffer_code(self, value):
        t = type(value)
        if t is memoryview or t is _array:
            code = self._typecode(value)
            if code is None and t is _array:
                code = repr(value[0:0])[7:8]  # "array('h')"
            if code in CODES:
                return code
            return "B" if t is memoryview else None
        return "B"

    def base64(self, data):
        return binascii.b2a_base64(data).decode()  # the C module (see the import)

    from_base64 = staticmethod(binascii.a2b_base64)

    def buffer_to_js(self, value, code, helpers):
        """A copy straight out of the heap (`fromHeap`), or base64 text if the
        heap was not found."""
        n = len(value) * SIZES[code]
        if self._heap_route(helpers):
            u8 = helpers().fromHeap(_uctypes.addressof(value), n)
            if u8 is not None:
                return u8
        return helpers().fromBase64(self.base64(bytes(value)))

    def buffer_from_js(self, view, n, code, helpers):
        """JS writes the bytes straight into a new bytearray (`toHeap`), which
        then becomes the `bytes` or `array` itself (`_adopt`): one allocation,
        one copy, no hash pass over the bytes."""
        if n == 0:
            return b"" if code is None else _array(code)
        if self._heap_route(helpers):
            made = self._filled(n, code, lambda address: helpers().toHeap(address, view))
            if made is not None:
                return made
        data = binascii.a2b_base64(helpers().toBase64(view))
        return bytes(data) if code is None else _array(code, data)

    def _filled(self, n, code, fill):
        """`bytes` (`code` None) or an `array` of typecode `code` of the `n` bytes
        JS writes at an address in the heap (`fill(address)` answers 1), made
        from a new bytearray: its header rewritten (`_adopt`) where that is
        known to work, else copied. None if `fill` did not write."""
        adopt = self._headers_known()
        data = bytearray(n + 1 if adopt and code is None else n)  # bytes keep a NUL after their data
        if fill(_uctypes.addressof(data)) != 1:
            return None
        if adopt:
            return _adopt(data, n, code)
        return bytes(data) if code is None else _array(code, data)

    def _headers_known(self):
        """True if the object headers `_adopt` rewrites are laid out as it
        expects (`mp_obj_array_t` and `mp_obj_str_t`: a type pointer, then one
        word -- typecode and free count, or hash --, the length, the data
        pointer), checked once on live objects."""
        if self._headers is None:
            self._headers = False
            if _uctypes is not None:
                raw = bytes(_PROBE)  # a heap bytes: its hash is stored
                arr = _array("h", [1, 2, 3])
                self._headers = (
                    _words(_PROBE) == (id(bytearray), 1, len(_PROBE), _uctypes.addressof(_PROBE))
                    and _words(arr) == (id(_array), ord("h"), 3, _uctypes.addressof(arr))
                    and _words(raw) == (id(bytes), hash(raw), len(raw), _uctypes.addressof(raw))
                )
        return self._headers

    def raw_proxy(self, func):
        """A JS function calling `func`; MicroPython frees it once JS drops it."""
        return jsffi.create_proxy(func)

    def js_function(self, value, helpers):
        """MicroPython >= 1.26 gives `obj.method` (any JS function read as an
        attribute, `js.URL` included) as a Python `bound_method`, which crosses
        back into JS as a Python proxy: calling that runs the JS function under
        Python, where a JS throw escapes `try/except`. Its repr names the refs of
        both JsProxies (`<bound_method 36160 <JsProxy 2>.<JsProxy 3>>`), so the
        helper `boundParts` gives a handle of the JS function carrying the object
        as its `this` (a Box: no second proxy of a JS object Python holds, which
        1.26 would free with the first)."""
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
        handle = helpers().boundParts(fn_ref, self_ref)
        if handle is None:  # no table of refs to read: the bound_method as it is
            return value, None
        return handle, None

    def stash(self, helpers, refs):
        """In chunks of `STASH_CHUNK`: a call with thousands of arguments
        exhausts MicroPython's pystack (e.g. every float of 3,000 records
        sent as a ref before 1.26)."""
        made = helpers()
        made.stashEach(*refs[:STASH_CHUNK])
        for i in range(STASH_CHUNK, len(refs), STASH_CHUNK):
            made.stashMore(*refs[i : i + STASH_CHUNK])

    def is_awaitable(self, value):
        """A coroutine is a generator on MicroPython: a returned generator counts too."""
        if isinstance(value, JsProxy):
            return False
        kind = type(value)  # asked of the type, as `await` does (see _pyodide.py)
        return hasattr(kind, "__await__") or (hasattr(kind, "send") and hasattr(kind, "throw"))
