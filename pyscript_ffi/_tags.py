# generated from pyscript_ffi/_tape.mjs by pyscript_ffi_host/jsbuild.py: do not modify

"""Tags of the flat "tape" that carries a value across the JS boundary (see `_tape.mjs`)."""

NULL = 0  # None / null / undefined
UNDEF = 1  # JS undefined (MicroPython's `js.undefined`)
FALSE = 2
TRUE = 3
INT = 4  # next: a safe integer (as int, or as float when beyond 32 bits)
FLOAT = 5  # next: a finite number (JSON tapes: its two 32-bit words, little-endian)
NAN = 6
INF = 7
NINF = 8
NEGZERO = 9
BIG = 10  # next: decimal string of an integer beyond 2**53 - 1
STR = 11  # next: the string
STRPARTS = 12  # next: count n, then n strings to join with NUL
ARR = 13  # next: count n, then n values
OBJ = 14  # next: count n, then n (key, value) pairs
SET = 15  # next: count n, then n values
MAP = 16  # next: converter ref index, count n, then n (key, value) pairs
BYTES = 17  # next: ref index of a Uint8Array (to Python: byte count n, then the ref index)
REF = 18  # next: ref index
AGAIN = 32  # next: index n: the n-th container of this tape (counted from 0), shared
STRU8 = 33  # next: base64 of a string's UTF-8 (a lone surrogate: its 3 bytes); JSON tapes
TYPED = 19  # next: typecode ("h", "f", ...), then as BYTES: the bytes of its elements
OTHER = 20  # next: ref index of an object no rule converts (a JsProxy, or default_converter's)
