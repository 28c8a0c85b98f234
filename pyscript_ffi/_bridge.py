"""The bridge, Python's half (`_bridge.mjs` is JS's): every crossing into
JavaScript goes through the helper object made here, every helper answer is
checked here (`[OK, ...]`, or an error record
`[FAILED, kind, name, message, path, error, thrown]` raised as the exception it
stands for, see `_protocol.mjs`), and every reply to JS is written here (`wire`,
read by `unwire` in JS). The helpers' source is `pyscript_ffi/*.mjs`, joined
into one body per interpreter by the build (`backend.JS`)."""

import json

from . import _hooks
from ._backend import backend
from ._errors import ConversionError, JsException
from ._protocol import ERROR, KIND, KIND_CONVERSION, MESSAGE, NAME, OK, PATH
from ._tags import REF

_helpers = []

#: The handle of `js` (JS's global scope): a fresh, empty JS object that the helpers
#: read as `globalThis` (`learnGlobal`). Not a proxy of globalThis itself:
#: MicroPython 1.26 shares one ref between all its proxies of one JS object and
#: frees it when any of them is collected, which would leave `js` dangling.
GLOBAL_HANDLE = backend.js.Object.new()


class _Sample:
    pass


def helpers():
    """The JS helper object, made on first use (once per interpreter)."""
    if not _helpers:
        made = backend.js.Function.new(backend.JS)()
        made.configure(backend.JSON_TAPES, backend.JSON_FLOATS, backend.SHARED_REFS)
        made.learnPyProxy(_Sample())  # how a proxy of a Python object looks (see `out`)
        made.learnGlobal(GLOBAL_HANDLE)
        _helpers.append(made)
    return _helpers[0]


def raise_record(record):
    """Raise the exception an error record `[FAILED, kind, name, message, path, error, thrown]` stands for."""
    path = None if backend.is_none(record[PATH]) else record[PATH]  # JS null is jsnull on Pyodide
    if record[KIND] == KIND_CONVERSION:
        raise ConversionError(record[MESSAGE], path)
    raise JsException(record[NAME], record[MESSAGE], _hooks.read(record[ERROR]), path)


def checked(answer):
    """A helper's `answer`, `[OK, ...]`; raises what an error record stands for."""
    if answer[0] != OK:
        raise_record(answer)
    return answer


def _floats_by_ref(tape, refs):
    """`[OK, tape]` and `refs` with each float of `tape` (always the value after
    its INT or FLOAT tag) sent as a ref instead: before 1.26, MicroPython's
    `json.dumps` rounds some doubles (5e-324, 0.1 + 0.2)."""
    out = None
    for i in range(len(tape)):
        if type(tape[i]) is float:
            if out is None:
                out = list(tape)
                refs = list(refs) if refs else []
            out[i - 1] = REF
            out[i] = len(refs)
            refs.append(tape[i])
    return [OK, tape if out is None else out], refs


def wire(answer, refs):
    """A reply for `unwire` in JS: the JSON text of `answer` (a list of
    primitives, e.g. `[OK, tape]`); `refs`, if any, are handed to JS first
    (`backend.stash`). No Python list crosses: MicroPython's `jsffi.to_js`
    keeps each list it converts alive until a JS garbage collection.
    MicroPython's `json.dumps` leaves a lone surrogate raw, which the crossing
    (longer than 16 bytes: a TextDecoder) would turn into U+FFFD: it goes as
    a `\\uXXXX` escape, which `JSON.parse` reads back exactly."""
    if not backend.JSON_FLOATS and answer[0] == OK:
        answer, refs = _floats_by_ref(answer[1], refs)
    if refs:
        backend.stash(helpers, refs)
    text = json.dumps(answer)
    if not backend.NUL_SAFE and backend.str_altered(text):
        return "".join("\\u%04x" % ord(c) if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text
