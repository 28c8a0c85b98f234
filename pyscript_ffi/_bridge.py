"""Every crossing into JavaScript: the helper object, tapes in both
directions, guarded calls, and error records turned into exceptions."""

from ._backend import backend
from ._errors import ConversionError, JsException
from ._jssource import helper_source
from ._to_py import decode

_helpers = []


def helpers():
    """The JS helper object (see `_jssource`), made on first use."""
    if not _helpers:
        factory = backend.js.Function.new(helper_source(backend.JSON_TAPES))
        _helpers.append(factory())
    return _helpers[0]


def raise_record(record):
    """Raise the exception an error record `[1, kind, name, message, path, error]` stands for."""
    kind = record[1]
    if kind == "conversion":
        raise ConversionError(record[3], record[4])
    path = record[4]
    if backend.is_none(path):  # JS null: Pyodide >= 0.28 gives `jsnull`
        path = None
    raise JsException(record[2], record[3], record[5], path)


def build(tape, refs):
    """Rebuild a tape in JS; the JS value (a JsProxy for objects)."""
    answer = helpers().toJs(backend.to_array(tape), backend.refs_array(refs))
    if answer[0] != 0:
        raise_record(answer)
    return answer[1]


def from_tape(tape, refs):
    """Python value of a tape that `toPy` made."""
    return decode(backend.from_tape(tape), refs, backend)


def to_python(value, depth):
    """JS value -> Python value, as SPEC's `to_py`."""
    answer = helpers().toPy(value, depth)
    if answer[0] != 0:
        raise_record(answer)
    return from_tape(answer[1], answer[2])
