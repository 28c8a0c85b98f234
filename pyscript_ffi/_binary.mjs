// Binary data (pyscript_ffi/_binary.py): typed arrays with their element type,
// and the copies between JS and the interpreter's linear memory.
//
// Python -> JS: the bytes arrive as a fresh Uint8Array (Pyodide's own buffer
// conversion, or `fromHeap` on MicroPython); `retype` views them with the
// element type of the Python typecode, without another copy.
// JS -> Python: `codeOf` names the typecode of a typed array (`null`: bytes);
// Pyodide copies with `to_bytes`, MicroPython with `toHeap` into a bytearray.
//
// MicroPython has no public handle on its memory: `globalThis.Module` (every
// version sets it) exposes `HEAPU8` before 1.26; from 1.26 it exports only
// functions, and `UTF8ToString` decodes straight from a view of the memory,
// so the memory is the buffer of the view it hands `TextDecoder.decode`
// while that is briefly watched. Either way, a probe (bytes Python placed
// at a known address) must read back exactly, else there is no heap route
// and the caller takes base64 text instead.

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

// ---- MicroPython's linear memory ---------------------------------------------
let probeAt = -1, probeText = "", memory = null;

function valueOf(obj, name) {
  // An own data property, never a getter (Emscripten's getters for what a
  // build does not export abort the runtime).
  const d = Object.getOwnPropertyDescriptor(obj, name);
  return d === undefined ? undefined : d.value;
}

function watchDecode(decodeFrom) {
  const proto = TextDecoder.prototype, decode = proto.decode;
  let seen = null;
  proto.decode = function (view) { seen = view; return ""; };
  try { decodeFrom(probeAt, probeText.length); } catch (e) { seen = null; } finally { proto.decode = decode; }
  return seen !== null && ArrayBuffer.isView(seen) ? seen.buffer : null;
}

// The ArrayBuffer of MicroPython's linear memory, or null (not found, or no probe yet).
export function heap() {
  if (memory !== null && memory.byteLength !== 0) return memory;  // a grown memory detaches the old buffer
  memory = null;
  if (probeAt < 0) return null;
  const M = globalThis.Module;
  if (M === null || typeof M !== "object") return null;
  let buffer = null;
  const u8 = valueOf(M, "HEAPU8");
  if (u8 instanceof Uint8Array) buffer = u8.buffer;
  else {
    const decodeFrom = valueOf(M, "UTF8ToString");
    if (typeof decodeFrom === "function" && typeof TextDecoder === "function") buffer = watchDecode(decodeFrom);
  }
  if (!(buffer instanceof ArrayBuffer) || probeAt + probeText.length > buffer.byteLength) return null;
  const at = new Uint8Array(buffer, probeAt, probeText.length);
  for (let j = 0; j < at.length; j++) if (at[j] !== probeText.charCodeAt(j)) return null;
  memory = buffer;
  return memory;
}

// Python placed `text` (ASCII, no NUL, more than 16 bytes) at `address`, for
// good: 1 if the memory holding it is found, else 0.
export function findHeap(address, text) {
  probeAt = address; probeText = text; memory = null;
  return heap() === null ? 0 : 1;
}

// A fresh Uint8Array of the `n` bytes at `address` (null: no heap route).
export function fromHeap(address, n) {
  if (n === 0) return new Uint8Array(0);
  const buffer = heap();
  return buffer === null ? null : new Uint8Array(buffer, address, n).slice();
}

// Copy `u8` to the `u8.byteLength` bytes at `address`: 1, or 0 (no heap route).
export function toHeap(address, u8) {
  if (u8.byteLength === 0) return 1;
  const buffer = heap();
  if (buffer === null) return 0;
  new Uint8Array(buffer, address, u8.byteLength).set(u8);
  return 1;
}

// The base64 routes, for an interpreter whose memory was not found.
export function fromBase64(text) {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let j = 0; j < raw.length; j++) out[j] = raw.charCodeAt(j);
  return out;
}

export function toBase64(u8) {
  let raw = "";
  for (let j = 0; j < u8.length; j += 8192) raw += String.fromCharCode.apply(null, u8.subarray(j, j + 8192));
  return btoa(raw);
}
