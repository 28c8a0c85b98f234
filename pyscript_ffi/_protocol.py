# generated from pyscript_ffi/_protocol.mjs by pyscript_ffi_host/jsbuild.py: do not modify

"""The answer protocol between the JS helpers and Python (see `_protocol.mjs`)."""

OK = 0  # [OK, value...]
FAILED = 1  # [FAILED, kind, name, message, path, error, thrown] or [FAILED, type, message]
FAST = 2  # [FAST, data, again]
PROMISE = 2  # [PROMISE, id]
KIND = 1  # KIND_CONVERSION or KIND_JS
NAME = 2  # the JS error's name ("ConversionError" for a conversion)
MESSAGE = 3  # its message
PATH = 4  # where it happened ("$.a[3]"), or null
ERROR = 5  # the thrown value as `out` gives it (JsException.error), or null
THROWN_VALUE = 6  # the thrown value itself, for JS callers (a proxy rethrows it), or null
KIND_CONVERSION = "conversion"  # raised as ConversionError
KIND_JS = "js"  # raised as JsException
RAISED_TYPE = 1  # the Python exception's type name
RAISED_MESSAGE = 2  # its str()
A_STR = "s"  # "s" + a string
A_JSON_STR = "j"  # "j" + JSON text of a string (MicroPython: one with a lone surrogate)
A_INT = "i"  # "i" + decimal: an integral number beyond int32 (within 2**53 - 1)
A_BIGINT = "b"  # "b" + decimal: a BigInt (read as the `BigInt` int subclass)
A_BIGFLOAT = "F"  # "F" + decimal: an integral number beyond 2**53 - 1 (a float)
A_NEGZERO = "z"  # -0
A_FAILED = "e"  # "e" + JSON [name, message]: JS threw; the thrown value waits in `lastThrown`
A_CONVERSION = "c"  # "c" + JSON [message, path]: a value written to JS did not convert
A_MISSING = "m"  # no such property, key or index
A_DONE = "d"  # the iterator is done
A_THENABLE = "p"  # iter() of a thenable: await it (MicroPython's `await` iterates)
A_CALLABLE = "y"  # "y" + token: a JS function the package made for a Python callable (reads back as it)
A_TYPEERROR = "t"  # "t" + message: a Python TypeError (len() of a plain object, ...)
A_CHUNK = "L"  # "L" + a JSON array: the next values of an Array's iteration, read ahead (`nextOf`)
A_BYTES = "B"  # "B" + base64: a small byte buffer, as `toPyFast` answers it (`to_py` gives bytes)
A_NAN = "n"  # NaN read as `p.name` (getProp answers a raw NaN for "the same object again": `readOf`)
