// The "tape": a converted value crosses the boundary as ONE flat array of
// primitives (tags, counts, numbers, strings) plus an array of the JS objects
// it refers to; the other side rebuilds it. Both directions use these tags.
//
// This file is the only place the tags are written down: the build
// (pyscript_ffi_host/jsbuild.py) makes pyscript_ffi/_tags.py from the
// `export const NAME = number;` lines below, comments included.

export const NULL = 0; // None / null / undefined
export const UNDEF = 1; // JS undefined (MicroPython's `js.undefined`)
export const FALSE = 2;
export const TRUE = 3;
export const INT = 4; // next: a safe integer (as int, or as float when beyond 32 bits)
export const FLOAT = 5; // next: a finite number (JSON tapes: its two 32-bit words, little-endian)
export const NAN = 6;
export const INF = 7;
export const NINF = 8;
export const NEGZERO = 9;
export const BIG = 10; // next: decimal string of an integer beyond 2**53 - 1
export const STR = 11; // next: the string
export const STRPARTS = 12; // next: count n, then n strings to join with NUL
export const ARR = 13; // next: count n, then n values
export const OBJ = 14; // next: count n, then n (key, value) pairs
export const SET = 15; // next: count n, then n values
export const MAP = 16; // next: converter ref index, count n, then n (key, value) pairs
export const BYTES = 17; // next: ref index of a Uint8Array (to Python: byte count n, then the ref index)
export const REF = 18; // next: ref index
export const AGAIN = 32; // next: index n: the n-th container of this tape (counted from 0), shared
export const STRU8 = 33; // next: base64 of a string's UTF-8 (a lone surrogate: its 3 bytes); JSON tapes
export const TYPED = 19; // next: typecode ("h", "f", ...), then as BYTES: the bytes of its elements
export const OTHER = 20; // next: ref index of an object no rule converts (a JsProxy, or default_converter's)

// The interpreter's flavour, set once by `configure` when Python makes the helpers.
// JSON_TAPES (MicroPython): `toPy` answers JSON text, floats as their two 32-bit words.
export let JSON_TAPES = false;
// JSON_FLOATS: the interpreter's json.loads parses every double exactly
// (MicroPython <= 1.25 does not: its fast `to_py` route then carries no floats).
export let JSON_FLOATS = true;
// SHARED_REFS (MicroPython 1.26): every proxy of one JS object shares one ref, freed when
// any of them is collected (see `handOut` in ./_box.mjs).
export let SHARED_REFS = false;

export function configure(jsonTapes, jsonFloats, sharedRefs) {
  JSON_TAPES = jsonTapes === true;
  JSON_FLOATS = jsonFloats === true;
  SHARED_REFS = sharedRefs === true;
  return 0;
}
