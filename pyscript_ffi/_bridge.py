"""Every crossing into JavaScript: the helper object, tapes in both
directions, guarded calls, and error records turned into exceptions."""

from ._backend import backend
from ._errors import ConversionError, JsException
from ._jshelpers import SOURCE
from ._to_py import decode

_helpers = []


def helpers():
    """The JS helper object (`pyscript_ffi/*.mjs`, embedded as `_jshelpers`), made on first use."""
    if not _helpers:
        made = backend.js.Function.new(SOURCE)()
        made.configure(backend.JSON_TAPES, backend.JSON_FLOATS)
        _helpers.append(made)
    return _helpers[0]


def raise_record(record):
    """Raise the exception an error record `[1, kind, name, message, path, error]` stands for."""
    kind = record[1]
    path = None if backend.is_none(record[4]) else record[4]  # JS null is jsnull on Pyodide
    if kind == "conversion":
        raise ConversionError(record[3], path)
    raise JsException(record[2], record[3], record[5], path)


def checked(answer):
    """A helper's `answer`, `[0, ...]`; raises what an error record stands for."""
    if answer[0] != 0:
        raise_record(answer)
    return answer


def from_answer(answer):
    """The Python value of a helper's answer `[0, tape, refs]` (or its error raised)."""
    answer = checked(answer)
    return from_tape(answer[1], answer[2])


def build(tape, refs):
    """Rebuild a tape in JS; the JS value (a JsProxy for objects)."""
    return checked(helpers().toJs(backend.to_array(tape), backend.refs_array(refs)))[1]


def from_tape(tape, refs):
    """Python value of a tape that `toPy` made."""
    return decode(backend.from_tape(tape), refs, backend)


def to_python(value, depth):
    """JS value -> Python value, as SPEC's `to_py`. JSON-shaped values cross in
    one piece (`fastPy`: marshal bytes or JSON text); everything else as a tape."""
    if depth < 0:
        data = helpers().fastPy(value)
        if data is not False:
            value_or_none = backend.from_fast(data)
            if value_or_none is not None:
                return value_or_none[0]
    return from_answer(helpers().toPy(value, depth))
