"""`JsProxy` and `js`: every JS object that reaches Python through the package.

A `JsProxy` holds a *handle*: what the JS helpers (`_jsproxy.mjs`) gave for a
JS object, a small `Box` every interpreter converts without probing the object
itself (or, for `JsProxy.wrap(raw)`, an interpreter's own proxy). Every
operation is ONE call of a helper that does the work inside try/catch and
answers one value (`out` in `_box.mjs`): a primitive, a text carrier for what
the interpreter would not convert exactly, a new handle, or a failure. So no
JS object ever reaches the interpreter's own conversion raw, and a JS throw of
anything is a `JsException`.

```python
from pyscript_ffi import js

el = js.document.createElement("div")
el.textContent = "hi"
js.document.body.append(el)
js.Date.now()            # exact, beyond 32 bits
js.JSON.parse("{bad")    # raises JsException (SyntaxError)
```
"""

import json

from . import _hooks
from ._backend import backend
from ._bigint import BigInt
from ._bridge import GLOBAL_HANDLE, helpers, wire
from ._errors import ConversionError, JsException
from ._protocol import (
    A_BIGFLOAT,
    A_BIGINT,
    A_CALLABLE,
    A_CHUNK,
    A_CONVERSION,
    A_DONE,
    A_FAILED,
    A_INT,
    A_JSON_STR,
    A_MISSING,
    A_NAN,
    A_NEGZERO,
    A_STR,
    A_THENABLE,
    A_TYPEERROR,
    OK,
)

_Raw = backend.JsProxy
_NUL_SAFE = backend.NUL_SAFE
_altered = backend.str_altered  # asked only where not _NUL_SAFE (MicroPython)
_AWAIT_ITERATES = backend.AWAIT_ITERATES
_MISSING = object()
_NAN = float("nan")
_DONE = object()
_HELPERS = (
    "getProp getPropAgain getItem setProp setItem delProp delItem callWith newWith lenOf truthOf hasIn typeOf"
    " instanceOf iterOf nextOf aiterOf anextOf awaitOf reprOf idOf unboxed lastThrown prepareValues"
    " pendingMarker boxSample toPyFast"
).split()
_F = {}  # the helper functions, read once (each attribute read is a call into JS)


def handle_of(value):
    """What a helper gets for `value`: a JsProxy's handle, anything else as it is."""
    return value._js_handle if type(value) is JsProxy else value


def function_of(value):
    """`(function, this)` for a guarded call of `value`: a JsProxy's handle (it
    carries the object it was read from, see `thisOf` in `_box.mjs`) and None;
    an interpreter's proxy as `backend.js_function` gives it."""
    if type(value) is JsProxy:
        return value._js_handle, None
    return backend.js_function(value, helpers)


_BOX = None  # the type of a handle in Python (Pyodide: one of its JsProxy subclasses)


def _fns():
    global _GET, _CALL, _SET, _GET_ITEM, _SET_ITEM, _NEXT, _BOX
    if not _F:
        h = helpers()
        for name in _HELPERS:
            _F[name] = getattr(h, name)
        _F["PENDING"] = _F["pendingMarker"]()
        _GET = _F["getProp"]
        _CALL = _F["callWith"]
        _SET = _F["setProp"]
        _GET_ITEM = _F["getItem"]
        _SET_ITEM = _F["setItem"]
        _NEXT = _F["nextOf"]
        _BOX = type(_F["boxSample"]())
    return _F


def helper(name):
    """The JS helper function `name` (of `_HELPERS`), read once."""
    return _fns()[name]


def box_type():
    """The type of a handle in Python: what a helper answers for a JS object."""
    _fns()
    return _BOX


# The hottest helpers as globals: until the first use, stand-ins that fetch them.
def _GET(b, name):
    _fns()
    return _GET(b, name)


def _CALL(*args):
    _fns()
    return _CALL(*args)


def _SET(*args):
    _fns()
    return _SET(*args)


def _GET_ITEM(*args):
    _fns()
    return _GET_ITEM(*args)


def _SET_ITEM(*args):
    _fns()
    return _SET_ITEM(*args)


def _NEXT(it):
    _fns()
    return _NEXT(it)


_set = object.__setattr__
# Builtins as module globals for the hot paths: MicroPython finds a builtin name
# by a linear search of its builtins table, a module global by hash.
_type, _str, _int, _float, _bool = type, str, int, float, bool


def _fail(r):
    name, message = json.loads(r[1:])
    raise JsException(name, message, read(_F["lastThrown"]()))


def read(r):
    """The Python value of a helper's answer (see `out` in `_box.mjs`, and the
    letters in `_protocol.mjs`); raises `JsException` for a failure;
    `_MISSING`/`_DONE` for A_MISSING/A_DONE."""
    t = _type(r)
    if t is _str:
        c = r[0]
        if c == A_STR:
            return r[1:]
        if c == A_INT:
            return int(r[1:])
        if c == A_BIGINT:
            return BigInt(int(r[1:]))
        if c == A_JSON_STR:
            return json.loads(r[1:])
        if c == A_FAILED:
            _fail(r)
        if c == A_MISSING:
            return _MISSING
        if c == A_CALLABLE:
            return _hooks.callable_of(int(r[1:]))
        if c == A_DONE:
            return _DONE
        if c == A_THENABLE:
            raise TypeError("a JS thenable is not iterable: await it")
        if c == A_TYPEERROR:
            raise TypeError(r[1:])
        if c == A_NEGZERO:
            return -0.0
        if c == A_NAN:
            return _NAN
        if c == A_BIGFLOAT:
            return float(int(r[1:]))
        if c == A_CONVERSION:
            message, path = json.loads(r[1:])
            raise ConversionError(message, path)
        raise RuntimeError("pyscript_ffi: unknown answer " + repr(r[:20]))
    if t is _BOX:
        return JsProxy(r)
    if t is _int or t is _float or t is _bool or r is None:
        return r
    if t is not JsProxy and isinstance(r, _Raw):  # (ours pass Pyodide's isinstance too)
        return JsProxy(r)
    return r  # the Python object a JS proxy of it stood for


def _simple(v):
    """The handle (or value) to hand a helper for `v` when `v` crosses exactly as it is, else _MISSING."""
    t = type(v)
    if t is str:
        return v if _NUL_SAFE or not ("\0" in v or _altered(v)) else _MISSING
    if t is int:
        return v if -2147483648 <= v <= 2147483647 else _MISSING
    if t is float or t is bool or v is None:
        return v
    if t is JsProxy:
        return v._js_handle
    if isinstance(v, _Raw) and type(v).__name__ != "bound_method":
        return v
    return _MISSING


def _values(vs):
    """What a helper gets for the values `vs` (a tuple or list) written to JS:
    themselves when they cross exactly, else (`_written`) JsProxies as their
    handles, or the PENDING marker after the whole list went as a tape. The
    common case is checked inline (MicroPython pays dearly for each call), ints
    against MicroPython's small-int range (comparing with a big int is slow
    there); the rest of int32 crosses as it is too (`_simple`)."""
    for v in vs:
        t = _type(v)
        if t is _str:
            if not _NUL_SAFE and ("\0" in v or _altered(v)):
                break
        elif t is _int:
            if v < -1073741824 or v > 1073741823:
                break
        elif not (t is _float or t is _bool or v is None):
            break
    else:
        return vs
    return _written(vs)


def _written(vs):
    out = []
    for v in vs:
        if _type(v) is JsProxy:  # (the common object argument, without a call)
            out.append(v._js_handle)
            continue
        s = _simple(v)
        if s is _MISSING:
            break
        out.append(s)
    else:
        return out
    tape, refs = _hooks.encode(list(vs), _hooks.written_options())
    answer = _fns()["prepareValues"](wire([OK, tape], refs))
    if answer != 0:
        read(answer)
    return [_F["PENDING"]]


class JsProxy:
    """A JavaScript object seen from Python, the same on every interpreter.

    - `p.name`, `p["name"]`, `p[i]` (arrays: negative from the end), `p[key]`
      (Map: `get`); assignment and `del` too. Missing: `AttributeError`,
      `KeyError`, `IndexError`.
    - `p(*args, **kwargs)`: `this` is the object `p` was read from; keyword
      arguments become one trailing plain Object. `p.new(*args)` is `new p(...)`.
    - `len(p)`, `bool(p)` (False for empty Array/typed array/Map/Set), `x in p`,
      `iter(p)`, `await p`, `async for x in p`.
    - `p == q` when they are the same JS object; hashable; `repr` never raises.
    - `p.typeof` is JS `typeof p`; `p.instanceof(cls)` is JS `p instanceof cls`.

    Values read from JS: `null`/`undefined` -> `None`, numbers exact (`int` when
    integral and safe, else `float`), BigInt -> `int`, strings as they are, a
    Python object written to JS (a callable's JS function included) -> that
    object, any other value -> `JsProxy`. Values written to JS convert as by `to_js`; a
    Python callable becomes its `create_proxy` function. A JS throw is a
    `JsException`.

    The names `new`, `typeof`, `instanceof`, `wrap` and `unwrap` are the
    proxy's own; read a JS property of such a name as `p["new"]`.

    Handed to the interpreter's own FFI (a raw `import js`, `pyodide.ffi`,
    `jsffi`), a JsProxy is a Python object to it, not the JS object: pass
    `JsProxy.unwrap(p)` there. On Pyodide `isinstance(p, pyodide.ffi.JsProxy)`
    holds (not for its subclasses, `JsArray`, ...).
    """

    _js_i = None  # the JS object's identity number, asked for once (`==`, `hash`)
    _js_raw = None  # the interpreter's own proxy of the JS object (`unwrap`), once asked for
    _js_reads = None  # name -> the JsProxy a read of it gave, as JS remembers it (`_js_read`)
    # Pyodide's `isinstance(x, pyodide.ffi.JsProxy)` asks the class for its JS type
    # flags; none (0) makes ours a JsProxy to it (and no more specific type).
    _js_type_flags = 0

    def __init__(self, handle):
        _set(self, "_js_handle", handle)  # what the helpers take (a Box carries `this` too)

    @staticmethod
    def wrap(raw):
        """Our `JsProxy` for an interpreter's own proxy (`import js`, PyScript's
        `window` and `document`, an event from `pyscript.web`, a `to_js` result,
        a `create_proxy` function; MicroPython's `bound_method` of a JS function
        read as an attribute is that function, its `this` the object it was read
        from); a JsProxy stays itself."""
        if type(raw) is JsProxy:
            return raw
        if raw is backend.js:  # MicroPython's `js` module (PyScript's main-thread `window`)
            return js  # (one JsProxy per handle: see `_js_read`)
        handle = backend.js_function(raw, helpers)[0]
        if handle is not raw:  # MicroPython's bound_method: a handle of the function
            return JsProxy(handle)
        if not isinstance(raw, _Raw):
            raise TypeError("JsProxy.wrap needs a JS object, not " + type(raw).__name__)
        made = JsProxy(raw)
        _set(made, "_js_raw", raw)
        return made

    @staticmethod
    def unwrap(proxy):
        """The interpreter's own proxy of the same JS object, the one to hand to
        the interpreter's own FFI (the raw escape hatch: its operations follow
        the interpreter's rules, not this package's). The same one each time."""
        if type(proxy) is not JsProxy:
            raise TypeError("JsProxy.unwrap needs a JsProxy, not " + type(proxy).__name__)
        raw = proxy._js_raw
        if raw is None:
            raw = _fns()["unboxed"](proxy._js_handle)
            if type(raw) is str:  # refused (a revoked or trapping Proxy, ...): JsException
                read(raw)
            _set(proxy, "_js_raw", raw)
        return raw

    # The hot operations below check the common values inline (as `read` and
    # `_values` would): each Python call costs MicroPython dearly.
    def __getattr__(self, name):
        r = _GET(self._js_handle, name)  # a dunder name answers "m" (Python's own protocols)
        t = _type(r)
        if t is _BOX:
            return self._js_read(name, r)
        if t is _str:
            if r[0] == A_STR:
                return r[1:]
            v = read(r)
            if v is _MISSING:
                raise AttributeError(name)
            return v
        if t is _float and r != r:  # NaN: the object the last read of `name` gave (`readOf` in _box.mjs)
            reads = self._js_reads
            if reads is not None and name in reads:
                return reads[name]
            r = _fns()["getPropAgain"](self._js_handle, name)  # (a handle shared: `js` made twice)
            if _type(r) is _BOX:
                return self._js_read(name, r)
            return read(r)
        if t is _int or t is _float or t is _bool or r is None:
            return r  # (isinstance is slow: Pyodide's JsProxy has a Python __instancecheck__)
        return read(r)

    def _js_read(self, name, handle):
        """The JsProxy of `handle`, what JS answered for `p.name`, remembered as JS
        remembers it (`readOf`): a later read of the same object answers NaN."""
        p = JsProxy(handle)
        reads = self._js_reads
        if reads is None:
            reads = {}
            _set(self, "_js_reads", reads)
        reads[name] = p
        return p

    def __setattr__(self, name, value):
        t = _type(value)
        if (
            (t is _str and (_NUL_SAFE or not ("\0" in value or _altered(value))))
            or (t is _int and -1073741824 <= value <= 1073741823)
            or t is _float
            or t is _bool
            or value is None
        ):
            r = _SET(self._js_handle, name, value)
        else:
            r = _SET(self._js_handle, name, *_written([value]))
        if _type(r) is _str:  # a failure (else null)
            read(r)

    def __delattr__(self, name):
        if read(_fns()["delProp"](self._js_handle, name)) is _MISSING:
            raise AttributeError(name)

    def __getitem__(self, key):
        t = _type(key)
        if (t is _int and -1073741824 <= key <= 1073741823) or (
            t is _str and (_NUL_SAFE or not ("\0" in key or _altered(key)))
        ):
            r = _GET_ITEM(self._js_handle, t is _str, key)
        else:
            r = _GET_ITEM(self._js_handle, t is _str, *_written([key]))
        t = _type(r)
        if t is _BOX:
            return JsProxy(r)
        if t is _int or t is _float or t is _bool or r is None:
            return r
        if t is _str and r[0] == A_STR:
            return r[1:]
        v = read(r)
        if v is _MISSING:
            raise (IndexError if _type(key) is _int else KeyError)(key)
        return v

    def __setitem__(self, key, value):
        t = _type(value)
        if (
            _type(key) is _int
            and -1073741824 <= key <= 1073741823
            and (
                (t is _str and (_NUL_SAFE or not ("\0" in value or _altered(value))))
                or (t is _int and -1073741824 <= value <= 1073741823)
                or t is _float
                or t is _bool
                or value is None
            )
        ):
            r = _SET_ITEM(self._js_handle, key, value)
        else:
            r = _SET_ITEM(self._js_handle, *_values([key, value]))
        if r is not None and read(r) is _MISSING:
            raise IndexError(key)

    def __delitem__(self, key):
        if read(_fns()["delItem"](self._js_handle, *_values([key]))) is _MISSING:
            raise (IndexError if type(key) is int else KeyError)(key)

    def __call__(self, *args, **kwargs):
        if kwargs:
            args = args + (kwargs,)
        for v in args:
            t = _type(v)
            if t is _str:
                if not _NUL_SAFE and ("\0" in v or _altered(v)):
                    break
            elif t is _int:
                if v < -1073741824 or v > 1073741823:  # a small int (see `_values`)
                    break
            elif not (t is _float or t is _bool or v is None):
                break
        else:
            r = _CALL(self._js_handle, *args)
            t = _type(r)
            if t is _BOX:
                return JsProxy(r)
            if t is _int or t is _float or t is _bool or r is None:
                return r
            return read(r)
        return read(_CALL(self._js_handle, *_written(args)))

    def new(self, *args, **kwargs):
        """`new p(*args)` in JS (keyword arguments as one trailing plain Object)."""
        if kwargs:
            args = args + (kwargs,)
        return read(_fns()["newWith"](self._js_handle, *_values(args)))

    def __len__(self):
        return read(_fns()["lenOf"](self._js_handle))

    def __bool__(self):
        return read(_fns()["truthOf"](self._js_handle))

    def __contains__(self, x):
        return read(_fns()["hasIn"](self._js_handle, *_values([x])))

    def __iter__(self):
        r = _fns()["iterOf"](self._js_handle)
        if r == A_THENABLE and _AWAIT_ITERATES:  # `await p` on MicroPython
            return _awaiting(_F["awaitOf"](self._js_handle))
        return _values_of(read(r)._js_handle)

    def __aiter__(self):
        return _AsyncIterator(read(_fns()["aiterOf"](self._js_handle)))

    def __await__(self):
        return (yield from _awaiting(_fns()["awaitOf"](self._js_handle)))

    @property
    def typeof(self):
        """JS `typeof` of the object: "object", "function" or "symbol"."""
        return read(_fns()["typeOf"](self._js_handle))

    def instanceof(self, cls):
        """JS `p instanceof cls` (`cls` a JsProxy or an interpreter's proxy)."""
        return read(_fns()["instanceOf"](self._js_handle, *_values([cls])))

    def _js_id(self):
        i = self._js_i
        if i is None:
            i = _fns()["idOf"](self._js_handle)
            _set(self, "_js_i", i)
        return i

    def __eq__(self, other):
        if type(other) is not JsProxy:
            return False
        return self._js_handle is other._js_handle or self._js_id() == other._js_id()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return self._js_id()

    def __repr__(self):
        try:
            return "<JsProxy " + read(_fns()["reprOf"](self._js_handle)) + ">"
        except BaseException:  # noqa: BLE001 - repr never raises
            return "<JsProxy>"


def _awaiting(promise):
    """A generator for `__await__`: waits for a helper promise (which never
    rejects) and gives what it settled to, as `read` gives it."""
    r = yield from _await_raw(promise)
    return read(r)


def _await_raw(promise):
    it = promise.__await__() if hasattr(promise, "__await__") else iter(promise)
    return (yield from it)


def _values_of(h):
    """The values of the JS iterator of handle `h`, read as `read` reads them; a
    chunk read ahead (A_CHUNK, an Array's values) comes out of its list."""
    while True:
        r = _NEXT(h)
        t = _type(r)
        if t is _BOX:
            yield JsProxy(r)
        elif t is _int or t is _float or t is _bool or r is None:
            yield r
        elif t is _str and r[0] == A_STR:
            yield r[1:]
        elif t is _str and r[0] == A_CHUNK:
            yield from json.loads(r[1:])
        else:
            v = read(r)
            if v is _DONE:
                return
            yield v


class _AsyncIterator:
    def __init__(self, it):
        self._it = it

    def __aiter__(self):
        return self

    async def __anext__(self):
        v = await JsAwait(_fns()["anextOf"](self._it._js_handle))
        if v is _DONE:
            raise StopAsyncIteration
        return v


class JsAwait:
    """An awaitable of a helper promise that never rejects (see `_awaiting`);
    `__iter__` too, for MicroPython's `await`."""

    def __init__(self, promise):
        self._p = promise

    def __await__(self):
        return (yield from _awaiting(self._p))

    __iter__ = __await__


#: `js`: JavaScript's global scope (the worker's own in a worker) as a `JsProxy`.
js = JsProxy(GLOBAL_HANDLE)
