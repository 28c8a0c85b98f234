"""What an interpreter backend provides: every member, documented.

The package runs on Pyodide and on MicroPython's WebAssembly port; everything
that differs between them (and between their versions) lives in one backend
module per interpreter, `_pyodide.py` and `_micropython.py`, each a subclass of
`Backend`. `_backend` picks one at import (micropip's `_compat` style) and the
rest of the package asks it, never `sys.implementation`.

To support another interpreter (or version quirk), implement every member below
in its module (or a branch inside the existing one) and pick it in `_backend`.
"""


class Backend:
    """The interpreter-specific primitives the package is built on.

    Class attributes (constants of the interpreter):

    - `NAME`: `"pyodide"` or `"micropython"` (for messages and reports only).
    - `NUL_SAFE`: strings reach JS with NUL characters intact (else the tape
      splits them: `STRPARTS`).
    - `JSON_TAPES`: `toPy` answers JSON text (read with `from_tape`); else
      tapes are JS arrays. Bytes go by ref either way (`buffer_to_js`).
    - `JSON_FLOATS`: the interpreter's `json.loads` parses every double
      exactly, so the fast `to_py` route may carry floats.
    - `ASCII_STR_RESULTS`: a proxy's str result crosses as it is only when it
      is ASCII (Pyodide: lone surrogates would not survive); else when it has
      no NUL.
    - `AWAIT_ITERATES`: `await x` iterates `x` (MicroPython: `yield from`)
      instead of calling `x.__await__()`.
    - `js`: the interpreter's `js` module (globalThis).
    - `JsProxy`: the interpreter's class of JS objects seen from Python.
    - `JS`: the helper factory's body for this interpreter (`_bridge.helpers`):
      the shared JS and this backend's own (`_pyodide.mjs`, `_micropython.mjs`),
      joined by the build into `_pyodide_js.py` / `_micropython_js.py`.
    - `JsExceptionBase`: the class `JsException` extends: the interpreter's
      own class of JS errors where it takes subclasses (MicroPython's
      `jsffi.JsException`: its `except` then catches ours too), else
      `Exception` (Pyodide's `pyodide.ffi.JsException` refuses them).
    - `SHARED_REFS`: every proxy the interpreter makes of one JS object
      shares one ref, freed when any of them is collected (MicroPython 1.26):
      a JS object handed to Python as itself gets its own (`handOut` in JS).
    """

    NAME = ""
    NUL_SAFE = True
    JSON_TAPES = False
    JSON_FLOATS = True
    ASCII_STR_RESULTS = False
    AWAIT_ITERATES = False
    js = None
    JsProxy = None
    JS = ""
    JsExceptionBase = Exception
    SHARED_REFS = False

    def is_none(self, value):
        """True for Python `None`, the package's `undefined` (`_undefined`),
        JS `null` and JS `undefined` (the public `is_none`, so it must cost
        what a raw check costs)."""
        raise NotImplementedError

    def is_undefined(self, value):
        """True for the interpreter's own JS `undefined` value when it is not
        `None` (MicroPython's `js.undefined`); the tape keeps it as `UNDEF`."""
        raise NotImplementedError

    @staticmethod
    def exception_class(cls):
        """The package's `JsException` class as this interpreter shows it: `cls`
        itself, or (Pyodide) `cls` remade so that code written for the
        interpreter's own class of JS errors accepts it where it can."""
        raise NotImplementedError

    @staticmethod
    def str_altered(s):
        """Only asked where `NUL_SAFE` is false: True if the str `s` would not
        reach JS exactly as a plain value (MicroPython: a U+FEFF or a lone
        surrogate in a long string); the tape then sends its bytes (`STRU8`)."""
        raise NotImplementedError

    def to_array(self, items):
        """A flat Python list of primitives and JsProxies -> a JS Array."""
        raise NotImplementedError

    def refs_array(self, items):
        """The JS Array of what a tape refers to: JsProxies as their JS
        objects, Python objects as the interpreter's proxies of them."""
        raise NotImplementedError

    def fast_to_js(self, value, helpers):
        """`to_js(value)` of a dict/list/tuple with default keywords by the
        interpreter's fastest exact route, or None to leave it to the tape.
        `helpers` is `_bridge.helpers` (the JS helper object, on first use)."""
        raise NotImplementedError

    def from_fast(self, data, helpers):
        """`(value,)` from what the JS `toPyFast` answered (marshal bytes, JSON
        text, or the UTF-8 length of JSON text JS holds for `takeText`), or
        None when that route cannot finish (the tape then runs). `helpers` is
        `_bridge.helpers`."""
        raise NotImplementedError

    def from_tape(self, tape):
        """The Python list of a tape that `toPy` answered (a JS Array or JSON text)."""
        raise NotImplementedError

    def buffer_code(self, value):
        """The typecode of a buffer's elements (`_binary.CODES`): `"B"` for
        bytes, bytearray and memoryviews of bytes or of a format JS has no
        typed array for; an `array.array` of any other typecode gives None
        (it stays a proxy)."""
        raise NotImplementedError

    def base64(self, data):
        """The base64 text of the bytes `data` (what `fromBase64` in JS reads)."""
        raise NotImplementedError

    @staticmethod
    def from_base64(text):
        """The bytes of base64 `text` (what `toBase64` in JS writes), by the C decoder."""
        raise NotImplementedError

    def buffer_to_js(self, value, code, helpers):
        """A fresh JS Uint8Array holding a copy of the bytes of `value` (a
        buffer whose typecode `buffer_code` gave as `code`), by the fastest
        route into the interpreter's linear memory."""
        raise NotImplementedError

    def buffer_from_js(self, view, n, code, helpers):
        """A copy of the `n` bytes of the JS Uint8Array `view`: `bytes` when
        `code` is None, else an `array.array` of typecode `code`."""
        raise NotImplementedError

    def raw_proxy(self, func):
        """The interpreter's own JS function calling `func`, alive for as long
        as the package keeps it (the two dispatchers, made once)."""
        raise NotImplementedError

    def js_function(self, value, helpers):
        """`(function, owner)`: the JS function `value` stands for and the JS
        object it was read from (or None). MicroPython >= 1.26 hands `obj.method`
        to Python as a `bound_method`, which would cross back into JS as a
        Python proxy: its function is a handle carrying that object as `this`
        (what `_jsproxy.JsProxy` holds); every other value is itself, with no
        owner."""
        raise NotImplementedError

    def stash(self, helpers, refs):
        """Hand the JS objects a reply refers to (`refs`, non-empty) to the
        helper's `stash`/`stashEach`, for the `unwire` that reads the reply."""
        raise NotImplementedError

    def is_awaitable(self, value):
        """True if a proxy's result `value` is a Python awaitable (it becomes a
        JS Promise); never for a JsProxy."""
        raise NotImplementedError
