"""Python -> JavaScript: `to_js`.

JSON-shaped data takes the backend's fast route (`backend.fast_to_js`:
`fromMarshal` in `_pyodide.mjs`, `fromObjects` in `_micropython.mjs`);
everything else is flattened into a tape (see `_tape.mjs`) that `toJs` in
`_to_js.mjs` rebuilds in JS, spotting key collisions. The walk is iterative
(MicroPython's Python stack holds ~150 frames) and checks everything docs/contract.md asks
for: key types, circular references, depth. A container reached again is written
once: later places get `AGAIN` and its index, so JS builds ONE object for it.
"""

from array import array as _array

from . import _hooks
from ._backend import backend
from ._bigint import BigInt
from ._bridge import checked, helpers
from ._errors import ConversionError, JsException, format_path
from ._jsproxy import JsProxy, handle_of, read
from ._tags import (
    AGAIN,
    ARR,
    BIG,
    BYTES,
    FALSE,
    FLOAT,
    INF,
    INT,
    MAP,
    NAN,
    NINF,
    NULL,
    OBJ,
    REF,
    SET,
    STR,
    STRPARTS,
    STRU8,
    TRUE,
    TYPED,
    UNDEF,
)
from ._undefined import undefined

_INT32_MIN = -(2**31)
_INT32_MAX = 2**31 - 1
_SAFE_MAX = 2**53 - 1
_INF = float("inf")


class _Frame:
    __slots__ = ("it", "obj", "tag", "count_at", "count", "part")

    def __init__(self, it, obj, tag, count_at):
        self.it = it
        self.obj = obj
        self.tag = tag
        self.count_at = count_at
        self.count = 0
        self.part = 0


class Options:
    """The keywords of one `to_js` call, and what the walk needs besides."""

    __slots__ = (
        "depth",
        "create_pyproxies",
        "dict_converter",
        "default_converter",
        "backend",
        "make_proxy",
        "cache",
    )

    def __init__(self, depth, create_pyproxies, dict_converter, default_converter, backend, make_proxy):
        self.depth = depth
        self.create_pyproxies = create_pyproxies
        self.dict_converter = dict_converter
        self.default_converter = default_converter
        self.backend = backend
        self.make_proxy = make_proxy
        self.cache = None


def default_options():
    """`to_js` with every keyword at its default (a Python object it does not
    convert becomes `_hooks.proxy_for`'s JS function or proxy of it)."""
    return Options(-1, True, None, None, backend, _hooks.proxy_for)


def written_options():
    """`default_options` for values written through a JsProxy: a callable's
    JS function is released once JS drops it (`_hooks.written_proxy_for`)."""
    return Options(-1, True, None, None, backend, _hooks.written_proxy_for)


def _key_part(key):
    """How a dict key shows in an error path."""
    if type(key) is str:
        return key
    if key is None:
        return "null"
    if key is True:
        return "true"
    if key is False:
        return "false"
    return repr(key)


def _type_name(value):
    return type(value).__name__


def _encode_path(stack):
    return format_path([frame.part for frame in stack])


def _put_primitive(tape, v, t, nul_safe):
    """Append the tape form of a str/int/float/bool/None `v`; False if it is none of those."""
    if t is str:
        if not nul_safe and backend.str_altered(v):
            tape.append(STRU8)
            tape.append(backend.base64(v.encode()))  # its UTF-8, base64 (`fromBase64` in JS)
        elif nul_safe or "\0" not in v:
            tape.append(STR)
            tape.append(v)
        else:
            parts = v.split("\0")
            tape.append(STRPARTS)
            tape.append(len(parts))
            tape.extend(parts)
    elif t is int:
        if _INT32_MIN <= v <= _INT32_MAX:
            tape.append(INT)
            tape.append(v)
        elif -_SAFE_MAX <= v <= _SAFE_MAX:
            tape.append(INT)
            tape.append(float(v))  # crosses as an exact double, never a 32-bit int
        else:
            tape.append(BIG)
            tape.append(str(v))
    elif t is float:
        if v != v:
            tape.append(NAN)
        elif v == _INF:
            tape.append(INF)
        elif v == -_INF:
            tape.append(NINF)
        else:
            tape.append(FLOAT)
            tape.append(v)
    elif v is None:
        tape.append(NULL)
    elif v is True:
        tape.append(TRUE)
    elif v is False:
        tape.append(FALSE)
    else:
        return False
    return True


def _put_typed(tape, v, t):
    """Append the tape form of `v` if it is a conversion type's value: its tag,
    then what the type's `to_tape` gives; False if no type converts `v`."""
    entry = _hooks.type_of(v, t)
    if entry is None:
        return False
    items = entry[3](v)
    tape.append(entry[0])
    tape.extend(items)
    return True


def _plain(v):
    """A str/int/float subclass instance (IntEnum, ...) as the plain value."""
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        return float(v)
    return str(v)


def _container_tag(v, t):
    if t is dict:
        return OBJ
    if t is list or t is tuple or t is range:
        return ARR
    if t is set or t is frozenset:
        return SET
    if t is bytes or t is bytearray or t is memoryview:
        return BYTES
    if t is _array:  # its typecode decides: a typed array, or (no JS type for it) a proxy
        return BYTES if backend.buffer_code(v) is not None else None
    if isinstance(v, dict):
        return OBJ
    if isinstance(v, (list, tuple)):
        return ARR
    if isinstance(v, (set, frozenset)):
        return SET
    if isinstance(v, (bytes, bytearray)):
        return BYTES
    return None


def _pairs(mapping):
    for item in mapping.items():
        yield item[0]
        yield item[1]


def _converter(opts):
    def convert(value):
        return convert_value(value, opts)

    return convert


def _cacher(opts):
    def cache(py_obj, js_obj):
        if opts.cache is None:
            opts.cache = {}
        opts.cache[id(py_obj)] = (py_obj, js_obj)

    return cache


_END = object()


def encode(value, opts):
    """`value` -> (tape, refs). Raises ConversionError / JsException with a path."""
    tape = []
    refs = []
    stack = []
    active = set()
    done = {}  # id -> (index, container): the containers opened so far (kept alive), in tape order
    backend = opts.backend
    nul_safe = backend.NUL_SAFE
    Raw = backend.JsProxy
    depth = opts.depth
    conv_index = -1
    v = value
    asked = False  # the default converter answered for this slot: its answer is not asked again
    try:
        while True:
            # ---- emit v -------------------------------------------------------
            t = type(v)
            if not _put_primitive(tape, v, t, nul_safe):
                tag = _container_tag(v, t)
                cache = opts.cache
                if cache is not None and id(v) in cache:
                    tape.append(REF)
                    tape.append(len(refs))
                    refs.append(handle_of(cache[id(v)][1]))
                elif tag == BYTES and (depth < 0 or len(stack) < depth):
                    code = "B" if t is bytes or t is bytearray else backend.buffer_code(v)
                    if code == "B":
                        tape.append(BYTES)
                    else:
                        tape.append(TYPED)
                        tape.append(code)
                    tape.append(len(refs))
                    refs.append(backend.buffer_to_js(v, code, helpers))
                elif tag is not None and (depth < 0 or len(stack) < depth):
                    if id(v) in active:
                        raise ConversionError("circular reference", _encode_path(stack))
                    known = done.get(id(v))
                    if known is not None:  # reached before: JS reuses the object it built
                        tape.append(AGAIN)
                        tape.append(known[0])
                    else:
                        done[id(v)] = (len(done), v)
                        if tag == OBJ and opts.dict_converter is not None:
                            if conv_index < 0:
                                conv_index = len(refs)
                                refs.append(handle_of(opts.dict_converter))
                            tag = MAP
                            tape.append(MAP)
                            tape.append(conv_index)
                            it = _pairs(v)
                        else:
                            tape.append(tag)
                            it = iter(v.items()) if tag == OBJ else iter(v)
                        active.add(id(v))
                        tape.append(0)  # the count, patched when the container closes
                        stack.append(_Frame(it, v, tag, len(tape) - 1))
                elif tag is not None and id(v) in done and id(v) not in active:
                    # beyond `depth`, a container converted before is that JS object, as in Pyodide
                    tape.append(AGAIN)
                    tape.append(done[id(v)][0])
                elif t is JsProxy:
                    tape.append(REF)
                    tape.append(len(refs))
                    refs.append(v._js_handle)
                elif isinstance(v, Raw):
                    tape.append(REF)
                    tape.append(len(refs))
                    refs.append(v)
                elif v is undefined or backend.is_undefined(v):
                    tape.append(UNDEF)
                elif t is BigInt:  # made by `to_py` from a JS BigInt: a BigInt again
                    tape.append(BIG)
                    tape.append(str(int(v)))
                elif tag is None and isinstance(v, (int, float, str)):
                    v = _plain(v)
                    continue
                elif tag is None and _hooks.TYPES and _put_typed(tape, v, t):
                    pass  # a conversion type's value (`_hooks.add_type`)
                # no rule converts v (or it lies beyond `depth`, as in Pyodide): the converter, or a proxy
                elif opts.default_converter is not None and not asked:
                    asked = True
                    v = opts.default_converter(v, _converter(opts), _cacher(opts))
                    continue
                elif not opts.create_pyproxies:
                    raise ConversionError(
                        "cannot convert " + _type_name(v) + " (create_pyproxies=False)", _encode_path(stack)
                    )
                else:
                    tape.append(REF)
                    tape.append(len(refs))
                    fn = backend.js_function(v, helpers)[0]  # MicroPython >= 1.26: a JS `obj.method`
                    refs.append(opts.make_proxy(v) if fn is v else fn)
            asked = False

            # ---- find the next value to emit --------------------------------
            while stack:
                frame = stack[-1]
                try:
                    item = next(frame.it)  # no `next(it, default)`: MicroPython 1.24 lacks it
                except StopIteration:
                    item = _END
                if item is _END:
                    stack.pop()
                    active.discard(id(frame.obj))
                    tape[frame.count_at] = frame.count >> 1 if frame.tag == MAP else frame.count
                    continue
                if frame.tag == OBJ:
                    key = item[0]
                    if not _put_primitive(tape, key, type(key), nul_safe):
                        if not isinstance(key, (int, float, str)):
                            raise ConversionError(
                                "dict key "
                                + repr(key)
                                + " of type "
                                + _type_name(key)
                                + " cannot become a JS property name",
                                _encode_path(stack[:-1]),
                            )
                        plain = _plain(key)
                        _put_primitive(tape, plain, type(plain), nul_safe)
                    frame.part = _key_part(key)
                    v = item[1]
                elif frame.tag == MAP:
                    if not frame.count & 1:
                        frame.part = _key_part(item)
                    v = item
                else:
                    frame.part = frame.count
                    v = item
                frame.count += 1
                break
            else:
                return tape, refs
    except (ConversionError, JsException):
        raise
    except Exception as exc:  # hostile __iter__, converters that raise, ...
        raise ConversionError(type(exc).__name__ + ": " + str(exc), _encode_path(stack))


def convert_value(value, opts):
    """Convert `value` for real: primitives stay Python values that cross
    exactly; everything else is built in JS and returned as a JsProxy."""
    t = type(value)
    if t is str or t is bool or t is float:
        return value
    if t is int:
        if _INT32_MIN <= value <= _INT32_MAX:
            return value
        if -_SAFE_MAX <= value <= _SAFE_MAX:
            return float(value)
    tape, refs = encode(value, opts)
    return build(tape, refs, opts.depth == 0)


def build(tape, refs, keep=False):
    """Rebuild a tape in JS (`toJsValue`); the JS value: the interpreter's own
    proxy for an object (made FOR JavaScript: the JS value itself to every
    route), with `keep` (depth 0) our `JsProxy` of it; a primitive as `read`
    gives it (a JS BigInt as a `BigInt`)."""
    v = checked(helpers().toJsValue(backend.to_array(tape), backend.refs_array(refs), keep))[1]
    if type(v) is str:
        return read(v)
    return JsProxy(v) if keep and isinstance(v, backend.JsProxy) else v


def to_js(obj, *, depth=-1, create_pyproxies=True, dict_converter=None, default_converter=None):
    """Convert a Python value to JavaScript, the same way on every interpreter.

    dict -> plain Object (keys in JSON spelling), list/tuple/range -> Array,
    set -> Set, bytes -> Uint8Array, `array.array`/typed memoryviews -> the
    typed array of their typecode (see `_binary`), None -> null, big ints ->
    BigInt (and so does an int `to_py` made from a BigInt), `undefined` ->
    undefined, a JsProxy -> the JS object itself, other objects -> proxies
    (or `ConversionError` with `create_pyproxies=False`).

    A JS object is returned as the interpreter's own handle to it (Pyodide's
    `pyodide.ffi.JsProxy`, MicroPython's `jsffi.JsProxy`), as `create_proxy`
    returns its function: made FOR JavaScript, it is the JS value itself to
    every route that takes it (a raw `import js`, PyScript's `window`,
    `pyodide.ffi`/`jsffi`, this package). `JsProxy.wrap(v)` is the portable view.

    ```python
    to_js({1: None, "a": (1, 2)})        # {"1": null, a: [1, 2]}
    to_js({"a": 1}, dict_converter=js.Map.new)
    js.Array.isArray(to_js([1, 2]))      # True, with a raw `import js` too
    ```
    """
    if obj is undefined:
        return obj  # written to JS (an argument, an item), it is JS undefined
    t = type(obj)
    if depth < 0 and dict_converter is None and default_converter is None:
        if t is dict or t is list or t is tuple:  # JSON-shaped data: the backend's fast route
            fast = backend.fast_to_js(obj, helpers)
            if fast is not None:
                return fast
    if (t is bytes or t is bytearray) and depth != 0:  # what the tape would build: the Uint8Array
        return backend.buffer_to_js(obj, "B", helpers)
    if t is JsProxy:
        return JsProxy.unwrap(obj)
    if isinstance(obj, backend.JsProxy):
        return obj  # already the interpreter's own handle (no second proxy of it)
    temporary = None
    if dict_converter is not None:
        dict_converter = backend.js_function(dict_converter, helpers)[0]  # MicroPython >= 1.26: `obj.method`
    if (
        dict_converter is not None
        and type(dict_converter) is not JsProxy
        and not isinstance(dict_converter, backend.JsProxy)
    ):
        temporary = dict_converter = _hooks.make_proxy(dict_converter, False, None)[1]
    try:
        opts = Options(depth, create_pyproxies, dict_converter, default_converter, backend, _hooks.proxy_for)
        value = convert_value(obj, opts)
        return value
    finally:
        if temporary is not None:
            temporary.destroy()
