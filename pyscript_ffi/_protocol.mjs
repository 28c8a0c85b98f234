// The answer protocol: how the JS helpers answer Python, and how Python's
// dispatchers answer the JS functions that call them. This file is its one
// definition: the build (pyscript_ffi_host/jsbuild.py) writes
// pyscript_ffi/_protocol.py from the `export const NAME = value;` lines below,
// comments included, as it writes _tags.py from _tape.mjs; docs/architecture.md
// ("The answer protocol") walks through it.

// ---- records: Arrays whose first item says what they are ------------------------
// OK: the result. toJs: [OK, value]; toPy: [OK, tape, refs]; a dispatcher's reply: [OK, tape].
// FAILED: an error record [FAILED, kind, name, message, path, error, thrown], or a
// dispatcher's reply [FAILED, type, message] (the Python callback raised).
// FAST: toPyFast's [FAST, data, again]: marshal bytes, JSON text or its UTF-8 length,
// and again(), the tape's answer of the same read, if the interpreter cannot read data.
// PROMISE: a dispatcher's reply [PROMISE, id]: a Promise that resolvePromise /
// rejectPromise settle later (the callback gave an awaitable).
export const OK = 0; // [OK, value...]
export const FAILED = 1; // [FAILED, kind, name, message, path, error, thrown] or [FAILED, type, message]
export const FAST = 2; // [FAST, data, again]
export const PROMISE = 2; // [PROMISE, id]

// The fields of an error record (`jsError`, `conversionError` in _errors.mjs; `raise_record` in _bridge.py).
export const KIND = 1; // KIND_CONVERSION or KIND_JS
export const NAME = 2; // the JS error's name ("ConversionError" for a conversion)
export const MESSAGE = 3; // its message
export const PATH = 4; // where it happened ("$.a[3]"), or null
export const ERROR = 5; // the thrown value as `out` gives it (JsException.error), or null
export const THROWN_VALUE = 6; // the thrown value itself, for JS callers (a proxy rethrows it), or null
export const KIND_CONVERSION = "conversion"; // raised as ConversionError
export const KIND_JS = "js"; // raised as JsException

// The fields of a dispatcher's FAILED reply (a Python callback raised).
export const RAISED_TYPE = 1; // the Python exception's type name
export const RAISED_MESSAGE = 2; // its str()

// ---- one value: what `out` (_box.mjs) answers, read by `read` (_jsproxy.py) -------
// null/undefined, booleans, int32 numbers and non-integral numbers cross as
// themselves, any other object as a Box (or a proxy of a Python object as
// itself); everything else is text starting with one of these letters:
export const A_STR = "s"; // "s" + a string
export const A_JSON_STR = "j"; // "j" + JSON text of a string (MicroPython: one with a lone surrogate)
export const A_INT = "i"; // "i" + decimal: an integral number beyond int32 (within 2**53 - 1)
export const A_BIGINT = "b"; // "b" + decimal: a BigInt (read as the `BigInt` int subclass)
export const A_BIGFLOAT = "F"; // "F" + decimal: an integral number beyond 2**53 - 1 (a float)
export const A_NEGZERO = "z"; // -0
export const A_FAILED = "e"; // "e" + JSON [name, message]: JS threw; the thrown value waits in `lastThrown`
export const A_CONVERSION = "c"; // "c" + JSON [message, path]: a value written to JS did not convert
export const A_MISSING = "m"; // no such property, key or index
export const A_DONE = "d"; // the iterator is done
export const A_THENABLE = "p"; // iter() of a thenable: await it (MicroPython's `await` iterates)
export const A_CALLABLE = "y"; // "y" + token: a JS function the package made for a Python callable (reads back as it)
export const A_TYPEERROR = "t"; // "t" + message: a Python TypeError (len() of a plain object, ...)
export const A_CHUNK = "L"; // "L" + a JSON array: the next values of an Array's iteration, read ahead (`nextOf`)
export const A_BYTES = "B"; // "B" + base64: a small byte buffer, as `toPyFast` answers it (`to_py` gives bytes)
export const A_NAN = "n"; // NaN read as `p.name` (getProp answers a raw NaN for "the same object again": `readOf`)
