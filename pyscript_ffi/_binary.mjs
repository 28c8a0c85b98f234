// Binary data (pyscript_ffi/_binary.py): typed arrays with their element type.
//
// Python -> JS: the bytes arrive as a fresh Uint8Array (the backend's
// `buffer_to_js`: Pyodide's own buffer conversion, or `fromHeap` in
// _micropython.mjs); `retype` views them with the element type of the Python
// typecode, without another copy.
// JS -> Python: `codeOf` names the typecode of a typed array (`null`: bytes);
// the backend's `buffer_from_js` copies the bytes (Pyodide's `to_bytes`, or
// `toHeap` in _micropython.mjs into a bytearray).

const CODES = {
  b: Int8Array, B: Uint8Array, h: Int16Array, H: Uint16Array, i: Int32Array, l: Int32Array,
  I: Uint32Array, L: Uint32Array, q: BigInt64Array, Q: BigUint64Array, f: Float32Array, d: Float64Array,
};

// The typed array of Python typecode `code` over the bytes of `u8` (a fresh
// copy): its buffer when aligned, else a copy that is.
export function retype(code, u8) {
  const Ctor = CODES[code];
  const size = Ctor.BYTES_PER_ELEMENT;
  if (u8.byteLength % size !== 0) throw new RangeError("typecode " + code + ": " + u8.byteLength + " bytes");
  const src = u8.byteOffset % size === 0 ? u8 : u8.slice();
  return new Ctor(src.buffer, src.byteOffset, src.byteLength / size);
}

// The Python typecode of a typed array's elements; null for what becomes
// `bytes` (Uint8Array, Uint8ClampedArray, DataView, ArrayBuffer, and element
// types Python's `array` lacks, e.g. Float16Array).
export function codeOf(v) {
  if (v instanceof Int8Array) return "b";
  if (v instanceof Int16Array) return "h";
  if (v instanceof Uint16Array) return "H";
  if (v instanceof Int32Array) return "i";
  if (v instanceof Uint32Array) return "I";
  if (v instanceof Float32Array) return "f";
  if (v instanceof Float64Array) return "d";
  if (v instanceof BigInt64Array) return "q";
  if (v instanceof BigUint64Array) return "Q";
  return null;
}
