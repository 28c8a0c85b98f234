"""JavaScript -> Python: `to_py`.

JSON-shaped values cross in one piece (`toPyFast` in `_to_py.mjs`, with the
backend's JS: marshal bytes from `_pyodide.mjs` or JSON text from
`_micropython.mjs`, read by `backend.from_fast`); everything else as the tape that
`toPy` makes, rebuilt here by `decode`. Iterative, like the JS side."""

import struct

from ._backend import backend
from ._bigint import BigInt
from ._bridge import checked, helpers
from ._errors import ConversionError, format_path
from ._jsproxy import JsProxy, handle_of
from ._jsproxy import helper as _helper
from ._protocol import FAST
from ._tags import (
    AGAIN,
    ARR,
    BIG,
    BYTES,
    FALSE,
    FLOAT,
    INF,
    INT,
    NAN,
    NEGZERO,
    NINF,
    NULL,
    OBJ,
    OTHER,
    REF,
    SET,
    STR,
    TRUE,
    TYPED,
)

_from_base64 = backend.from_base64

_SIMPLE = {
    NULL: None,
    TRUE: True,
    FALSE: False,
    NAN: float("nan"),
    INF: float("inf"),
    NINF: float("-inf"),
    NEGZERO: -0.0,
}


def _decode_path(stack):
    return format_path([frame[4] for frame in stack])


def decode(tape, refs, backend, other=None):
    """Tape -> value. `refs[i]` gives referenced JS objects. BYTES and TYPED
    (after its typecode) are followed by the byte count and the ref index of
    a Uint8Array that `backend.buffer_from_js` copies. With
    `backend.JSON_TAPES` FLOAT is followed by the double's two 32-bit words
    (exact; MicroPython <= 1.25 parses some JSON floats 1 ulp off), else by
    the number. OTHER refs (objects no rule converts) go through `other`
    when given (`to_py`'s default_converter)."""
    float_words = backend.JSON_TAPES
    i = 0
    # frames: [kind, container, remaining, pending key or _NO_KEY, path part]
    stack = []
    built = []  # containers in tape order: `AGAIN n` is built[n], the one shared object
    while True:
        tag = tape[i]
        i += 1
        if tag == STR or tag == INT:
            v = tape[i]
            i += 1
        elif tag in _SIMPLE:
            v = _SIMPLE[tag]
        elif tag == FLOAT:
            if float_words:  # JSON tapes: the double's two 32-bit words, little-endian
                v = struct.unpack("<d", struct.pack("<II", tape[i], tape[i + 1]))[0]
                i += 2
            else:
                v = float(tape[i])
                i += 1
        elif tag == BIG:  # a JS BigInt
            v = BigInt(int(tape[i]))
            i += 1
        elif tag == REF or tag == OTHER:
            v = refs[tape[i]]  # a Box (see `out` in _box.mjs), or a long string
            if type(v) is not str:
                v = JsProxy(v)
            i += 1
            if tag == OTHER and other is not None:
                v = other(v)
        elif tag == AGAIN:
            v = built[tape[i]]
            i += 1
        elif tag == BYTES or tag == TYPED:
            code = None
            if tag == TYPED:
                code = tape[i]
                i += 1
            v = backend.buffer_from_js(refs[tape[i + 1]], tape[i], code, helpers)
            i += 2
        else:
            n = tape[i]
            i += 1
            if tag == ARR:
                container = []
            elif tag == OBJ:
                container = {}
            elif tag == SET:
                container = set()
            else:
                raise ConversionError("corrupt tape: tag " + repr(tag), _decode_path(stack))
            built.append(container)
            if n:
                stack.append([tag, container, n, _NO_KEY, 0])
                continue
            v = container
        # hand v to the containers being built
        while stack:
            frame = stack[-1]
            kind = frame[0]
            if kind == OBJ:
                if frame[3] is _NO_KEY:
                    frame[3] = v
                    frame[4] = v if type(v) is str else repr(v)
                    break
                d = frame[1]
                size = len(d)
                try:  # (MicroPython hashes nothing to look in an empty dict: the store tells)
                    d[frame[3]] = v
                except TypeError:
                    raise ConversionError("unhashable Map key " + repr(frame[3]), _decode_path(stack[:-1]))
                if len(d) == size:  # two Map keys, one Python key (1 and true): never a silent drop
                    raise ConversionError(
                        "two Map keys become the same Python key " + repr(frame[3]), _decode_path(stack[:-1])
                    )
                frame[3] = _NO_KEY
            elif kind == ARR:
                frame[1].append(v)
                frame[4] += 1
            else:
                c = frame[1]
                size = len(c)
                try:
                    c.add(v)
                except TypeError:
                    raise ConversionError("unhashable Set value " + repr(v), _decode_path(stack))
                if len(c) == size:  # two Set values, one Python value (0 and false)
                    raise ConversionError(
                        "two Set values become the same Python value " + repr(v), _decode_path(stack[:-1])
                    )
                frame[4] += 1
            frame[2] -= 1
            if frame[2]:
                break
            stack.pop()
            v = frame[1]
        else:
            return v


_NO_KEY = object()


def from_tape(tape, refs):
    """Python value of a tape that `toPy` made."""
    return decode(backend.from_tape(tape), refs, backend)


def from_answer(answer):
    """The Python value of a helper's answer `[OK, tape, refs]` (or its error raised)."""
    answer = checked(answer)
    return from_tape(answer[1], answer[2])


class _Converting:
    """One `to_py(value, default_converter=f)`: `f(obj, convert, cache)` for
    each object no rule converts; `convert` is `to_py` with the same options,
    `cache(obj, result)` makes `obj`, met again (shared or cyclic), `result`."""

    def __init__(self, depth, user):
        self.depth = depth
        self.user = user
        self.known = {}  # JS object number (`JsProxy._js_id`) -> its Python value

    def convert(self, value):
        if not isinstance(value, (JsProxy, backend.JsProxy)):
            return value  # already a Python value (the interpreter converts primitives)
        answer = checked(helpers().toPy(handle_of(value), self.depth))
        return decode(backend.from_tape(answer[1]), answer[2], backend, self.other)

    def other(self, obj):
        key = obj._js_id()  # a JsProxy: `decode` made it
        if key in self.known:
            return self.known[key]
        return self.user(obj, self.convert, self.cache)

    def cache(self, obj, value):
        if type(obj) is JsProxy:  # (anything else is never met again)
            self.known[obj._js_id()] = value


def to_py(value, *, depth=-1, default_converter=None):
    """Convert a JavaScript value to Python: Object/Map -> dict, Array -> list,
    Set -> set, Uint8Array/ArrayBuffer/DataView -> bytes, other typed arrays
    -> `array.array` of their typecode, null/undefined -> None, numbers -> int
    when integral and safe (else float), BigInt -> int (a `BigInt`
    subclass that `to_js` turns back into a BigInt). Other objects (DOM
    nodes, functions, class instances) stay `JsProxy`. A JS object reached
    twice is one Python object; two Map keys (Set values) that become equal
    (`1` and `true`) and values beyond the bounds (10,000,000 elements in one
    container, 20,000,000 in all, 100,000 levels) are a `ConversionError`.

    ```python
    to_py(js.JSON.parse('{"a": [1, 2.5, null]}'))  # {'a': [1, 2.5, None]}
    ```

    `default_converter(obj, convert, cache)` (as Pyodide's) is asked for each
    object that would stay a `JsProxy`, and its answer is used; `convert(x)`
    converts with the same options, `cache(obj, result)` makes later meetings
    of `obj` (shared, cyclic) give `result`:

    ```python
    def dates(obj, convert, cache):
        if obj.constructor.name == "Date":
            return ("date", obj.getTime())
        return obj

    to_py(js_value, default_converter=dates)
    ```
    """
    t = type(value)
    if t is str or t is int or t is float or t is bool or value is None or t is BigInt:
        return value  # already Python (e.g. read from a JsProxy)
    value = handle_of(value)
    if default_converter is not None:  # the tape: its objects go to the converter
        return _Converting(depth, default_converter).convert(value)
    if depth < 0:  # one read of the value in JS, then the fast route or the tape
        answer = _helper("toPyFast")(value)
        if type(answer) is str:  # A_BYTES: a small byte buffer, base64
            return _from_base64(answer[1:])
        if answer[0] == FAST:
            value_or_none = backend.from_fast(answer[1], helpers)
            if value_or_none is not None:
                return value_or_none[0]
            answer = answer[2]()  # too deep for marshal: the tape, of the same one read
        return from_answer(answer)
    return from_answer(helpers().toPy(value, depth))
