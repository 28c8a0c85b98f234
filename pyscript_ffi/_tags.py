"""Tags of the flat "tape" that carries a value across the JS boundary.

A converted value crosses as ONE flat list of primitives (tags, counts, numbers,
strings) plus a list of JS objects it refers to; the other side rebuilds it.
Both directions use the same tags; `_jssource` gets them from `js_constants()`.
"""

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
BYTES = 17  # next: ref index of a Uint8Array
REF = 18  # next: ref index

_NAMES = "NULL UNDEF FALSE TRUE INT FLOAT NAN INF NINF NEGZERO BIG STR STRPARTS ARR OBJ SET MAP BYTES REF"


def js_constants():
    """The tags as JS `const` lines, for the helper source (built on first use)."""
    scope = globals()
    return "".join("const " + n + " = " + str(scope[n]) + ";\n" for n in _NAMES.split())
