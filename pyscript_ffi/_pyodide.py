"""The Pyodide backend: `Backend` (see `_backend_base`) on Pyodide, every version.
Its JS is `_pyodide.mjs` (marshal both ways), joined into `_pyodide_js`."""

import binascii
import marshal
from array import array as _array

import js
from pyodide.ffi import JsException as _RawJsException
from pyodide.ffi import JsProxy
from pyodide.ffi import create_proxy as _raw_create_proxy
from pyodide.ffi import to_js as _raw_to_js

from ._backend_base import Backend
from ._binary import CODES
from ._pyodide_js import SOURCE
from ._undefined import undefined as _undefined

try:
    from pyodide.ffi import jsnull as _jsnull
except ImportError:  # Pyodide < 0.28 gives None for JS null
    _jsnull = None


class _JsExceptionType(type):
    """The metaclass of our `JsException` on Pyodide, where
    `pyodide.ffi.JsException` takes no subclasses: the class compares (and
    hashes) equal to it, so code that compares exception types
    (`type(e) == JsException`, `type(e) in expected`, as upytest's `raises`
    does) accepts ours; with its type flags (`_js_type_flags`),
    `isinstance(e, pyodide.ffi.JsException)` holds too. `except
    pyodide.ffi.JsException` cannot catch it (Python asks the real bases)."""

    def __eq__(cls, other):
        return cls is other or other is _RawJsException

    def __hash__(cls):
        return hash(_RawJsException)


class PyodideBackend(Backend):
    """Tapes cross as JS arrays; JS `undefined` already arrives as `None`."""

    NAME = "pyodide"
    NUL_SAFE = True  # strings cross with NUL intact
    JSON_TAPES = False  # `toPy` answers an array, not JSON text
    JSON_FLOATS = True  # (unused: the fast route is marshal)
    ASCII_STR_RESULTS = True  # a lone surrogate would not survive the crossing
    AWAIT_ITERATES = False  # `await x` calls `x.__await__()`
    js = js
    JsProxy = JsProxy
    JS = SOURCE
    _from_marshal = None  # the JS `fromMarshal`, looked up once

    def is_none(self, value):
        """True for Python `None`, the package's `undefined`, JS `null` and JS
        `undefined` (the public `is_none`)."""
        return value is None or value is _jsnull or value is _undefined

    def is_undefined(self, value):
        return False

    @staticmethod
    def exception_class(cls):
        # a subclass (its methods' `super()` names `cls`), showing as `cls`
        namespace = {"__doc__": cls.__doc__, "__module__": cls.__module__, "__qualname__": cls.__qualname__}
        namespace["_js_type_flags"] = _RawJsException._js_type_flags
        return _JsExceptionType(cls.__name__, (cls,), namespace)

    @staticmethod
    def str_altered(s):
        return False  # never asked: NUL_SAFE, and marshal/arrays carry every code point

    def to_array(self, items):
        """A flat Python list of primitives/JsProxies -> a JS Array."""
        return _raw_to_js(items, create_pyproxies=False)

    def refs_array(self, items):
        """JS Array of what a tape refers to: JsProxies pass through, Python
        objects become PyProxies (which turn back into the same objects)."""
        return _raw_to_js(items, depth=1)

    def fast_to_js(self, value, helpers):
        """`value` as marshal bytes, rebuilt by `fromMarshal` in JS; None where
        marshal refuses it (subclasses, proxies, other objects) or `fromMarshal`
        leaves it to the tape."""
        try:
            data = marshal.dumps(value, 4)
        except Exception:  # noqa: BLE001 - ValueError, too deep, ...: the tape decides
            return None
        if self._from_marshal is None:
            self._from_marshal = helpers().fromMarshal
        return self._from_marshal(_raw_to_js(data))

    def from_fast(self, u8, helpers):
        """`(value,)` from `toPyFast`'s marshal bytes; None if too deep for marshal."""
        try:
            return (marshal.loads(u8.to_bytes()),)
        except ValueError:
            return None

    def from_tape(self, tape):
        return tape.to_py(depth=1)

    def buffer_code(self, value):
        if isinstance(value, memoryview):
            code = value.format
            if code[:1] == "@":
                code = code[1:]
            return code if code in CODES else "B"
        if isinstance(value, _array):
            return value.typecode if value.typecode in CODES else None
        return "B"

    def base64(self, data):
        return binascii.b2a_base64(data).decode()

    from_base64 = staticmethod(binascii.a2b_base64)

    def buffer_to_js(self, value, code, helpers):
        """Pyodide copies a byte buffer into a new Uint8Array (one memcpy out of the heap)."""
        view = memoryview(value)
        try:
            view = view.cast("B")
        except (TypeError, ValueError):  # not contiguous, or a non-native format
            view = view.tobytes()
        return _raw_to_js(view)

    def buffer_from_js(self, view, n, code, helpers):
        data = view.to_bytes()
        return data if code is None else _array(code, data)

    def raw_proxy(self, func):
        """A JS function calling `func` that outlives the call it is passed to."""
        return _raw_create_proxy(func)

    def js_function(self, value, helpers):
        return value, None

    def stash(self, helpers, refs):
        if all(isinstance(r, JsProxy) for r in refs):
            helpers().stashEach(*refs)
        else:  # Pyodide destroys the proxies it makes for arguments after the call
            helpers().stash(self.refs_array(refs))

    def is_awaitable(self, value):
        # Asked of the type, as `await` does: an object that forwards its attributes
        # (`__getattr__`, e.g. PyScript's fetch response) to a JsProxy is not awaitable.
        return not isinstance(value, JsProxy) and hasattr(type(value), "__await__")
