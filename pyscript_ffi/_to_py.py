"""JavaScript -> Python: `to_py`.

JSON-shaped values cross in one piece (`fastPy` in `_to_py.mjs`: marshal bytes
or JSON text, read by `backend.from_fast`); everything else as the tape that
`toPy` makes, rebuilt here by `decode`. Iterative, like the JS side."""

import struct

from ._backend import backend
from ._bridge import checked, helpers
from ._errors import ConversionError, format_path
from ._jsproxy import JsProxy, handle_of
from ._tags import (
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
    REF,
    SET,
    STR,
    TRUE,
)

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


def decode(tape, refs, backend):
    """Tape -> value. `refs[i]` gives referenced JS objects. With
    `backend.JSON_TAPES` BYTES is followed by a count and the bytes, else by
    the ref index of a Uint8Array that `backend.bytes_from_js` copies; FLOAT
    is followed by the double's two 32-bit words (exact; MicroPython <= 1.25
    parses some JSON floats 1 ulp off), else by the number."""
    bytes_inline = backend.JSON_TAPES
    i = 0
    # frames: [kind, container, remaining, pending key or _NO_KEY, path part]
    stack = []
    while True:
        tag = tape[i]
        i += 1
        if tag == STR or tag == INT:
            v = tape[i]
            i += 1
        elif tag in _SIMPLE:
            v = _SIMPLE[tag]
        elif tag == FLOAT:
            if bytes_inline:  # JSON tapes: the double's two 32-bit words, little-endian
                v = struct.unpack("<d", struct.pack("<II", tape[i], tape[i + 1]))[0]
                i += 2
            else:
                v = float(tape[i])
                i += 1
        elif tag == BIG:
            v = int(tape[i])
            i += 1
        elif tag == REF:
            v = refs[tape[i]]  # a Box (see `out` in _box.mjs), or a long string
            if type(v) is not str:
                v = JsProxy(v)
            i += 1
        elif tag == BYTES:
            if bytes_inline:
                n = tape[i]
                v = bytes(tape[i + 1 : i + 1 + n])
                i += n + 1
            else:
                v = backend.bytes_from_js(refs[tape[i]])
                i += 1
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
                try:
                    frame[1][frame[3]] = v
                except TypeError:
                    raise ConversionError("unhashable Map key " + repr(frame[3]), _decode_path(stack[:-1]))
                frame[3] = _NO_KEY
            elif kind == ARR:
                frame[1].append(v)
                frame[4] += 1
            else:
                try:
                    frame[1].add(v)
                except TypeError:
                    raise ConversionError("unhashable Set value " + repr(v), _decode_path(stack))
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
    """The Python value of a helper's answer `[0, tape, refs]` (or its error raised)."""
    answer = checked(answer)
    return from_tape(answer[1], answer[2])


def to_py(value, *, depth=-1):
    """Convert a JavaScript value to Python: Object/Map -> dict, Array -> list,
    Set -> set, typed arrays -> bytes, null/undefined -> None, numbers -> int
    when integral and safe (else float), BigInt -> int. Other objects (DOM
    nodes, functions, class instances) stay `JsProxy`.

    ```python
    to_py(js.JSON.parse('{"a": [1, 2.5, null]}'))  # {'a': [1, 2.5, None]}
    ```
    """
    t = type(value)
    if t is str or t is int or t is float or t is bool or value is None:
        return value  # already Python (e.g. read from a JsProxy)
    value = handle_of(value)
    if depth < 0:
        data = helpers().fastPy(value)
        if data is not False:
            value_or_none = backend.from_fast(data)
            if value_or_none is not None:
                return value_or_none[0]
    return from_answer(helpers().toPy(value, depth))
