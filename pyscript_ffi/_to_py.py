"""JavaScript -> Python: `to_py`.

JSON-shaped values cross in one piece (`fastPy` in `_to_py.mjs`: marshal bytes
or JSON text, read by `backend.from_fast`); everything else as the tape that
`toPy` makes, rebuilt here by `decode`. Iterative, like the JS side."""

import struct

from ._backend import backend
from ._bridge import checked, helpers
from ._errors import ConversionError, format_path
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
            v = refs[tape[i]]
            i += 1
        elif tag == AGAIN:
            v = built[tape[i]]
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
    """The Python value of a helper's answer `[0, tape, refs]` (or its error raised)."""
    answer = checked(answer)
    return from_tape(answer[1], answer[2])


def to_py(value, *, depth=-1):
    """Convert a JavaScript value to Python: Object/Map -> dict, Array -> list,
    Set -> set, typed arrays -> bytes, null/undefined -> None, numbers -> int
    when integral and safe (else float), BigInt -> int. Other objects (DOM
    nodes, functions, class instances) stay `JsProxy`. A JS object reached
    twice is one Python object; two Map keys (Set values) that become equal
    (`1` and `true`) and values beyond the bounds (10,000,000 elements in one
    container, 20,000,000 in all, 100,000 levels) are a `ConversionError`.

    ```python
    to_py(js.JSON.parse('{"a": [1, 2.5, null]}'))  # {'a': [1, 2.5, None]}
    ```
    """
    if depth < 0:  # one read of the value in JS, then the fast route or the tape
        answer = helpers().toPyFast(value)
        if answer[0] == 2:
            value_or_none = backend.from_fast(answer[1])
            if value_or_none is not None:
                return value_or_none[0]
            answer = helpers().toPy(answer[2], -1)  # too deep for marshal: the tape, of the same copy
        return from_answer(answer)
    return from_answer(helpers().toPy(value, depth))
