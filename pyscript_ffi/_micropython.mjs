// MicroPython's own JS (beside _micropython.py): its linear memory found and
// copied both ways, Python values read straight out of it (`to_js`'s fast
// route), long JSON text written into it (`to_py`'s), and the JS function of a
// `bound_method`. The build joins this file into MicroPython's helper body only.
//
// MicroPython has no public handle on its memory: `globalThis.Module` (every
// version sets it) exposes `HEAPU8` before 1.26; from 1.26 it exports only
// functions, and `UTF8ToString` decodes straight from a view of the memory,
// so the memory is the buffer of the view it hands `TextDecoder.decode`
// while that is briefly watched. Either way, a probe (bytes Python placed
// at a known address) must read back exactly, else there is no heap route
// and the caller takes base64 text instead (`fromBase64`/`toBase64`, _strings.mjs).

import { outFrom } from "./_box.mjs";
import { useBackend } from "./_hooks.mjs";
import { NOT_FAST, defineOwn } from "./_shapes.mjs";
import { SHORT, fromWtf8, shortAscii, utf8, utf8Out } from "./_strings.mjs";

// ---- the heap ------------------------------------------------------------------------
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

// ---- MicroPython's fast route: the value read in the heap ------------------------
// JS reads a JSON-shaped Python value straight out of MicroPython's memory
// (`_micropython.py`) and builds it: an object's type is a pointer there, so
// only exact dict (str keys), list, tuple, str (on the heap, or interned: a
// qstr), int, float, True, False and None are read, at most MAX_LEVELS deep;
// anything else (a subclass, a user object, a cycle) declines and the tape
// does the work. What it builds is what the tape builds: ints beyond 2**53 - 1
// as BigInts, floats bit-exact, strings exact (NUL, U+FEFF and lone surrogates
// included), "__proto__" an own property, a container reached twice one object.
// MicroPython's object layout (REPR_A, 32-bit words) is checked once on a probe
// (`learnObjects`); if it does not hold, there is no such route. The text of an
// interned string is not in the object: Python tells it once (`learnQstrs`).
const MAX_LEVELS = 64;
const QSTRS = 64;  // interned strings one call may ask Python about
let objects = null;  // the type pointers and constants, once `learnObjects` checked them
const qstrTexts = new Map();  // an interned string's object word -> its text, for good
let pendingQstrs = [];  // the interned strings the last `fromObjects` asked about

function views() {
  const buffer = heap();
  return buffer === null ? null : { buffer, u8: new Uint8Array(buffer), u32: new Uint32Array(buffer) };
}

// The text of the `n` UTF-8 bytes at `at`, exactly as Python holds it.
function textAt(u8, at, n) {
  if (n <= SHORT) {
    const s = shortAscii(u8, at, n);
    if (s !== null) return s;
  }
  const bytes = u8.subarray(at, at + n);
  if (utf8 === null) return fromWtf8(bytes);
  return bytes.indexOf(0xed) >= 0 ? fromWtf8(bytes) : utf8.decode(bytes);  // ED: maybe a lone surrogate
}

// The int at word `at` (mp_obj_int_t: mpz_t, 16-bit digits): a number within
// 2**53 - 1, else a BigInt.
function longAt(buffer, u32, at) {
  const neg = (u32[at + 1] & 1) === 1, len = u32[at + 2], dig = new Uint16Array(buffer, u32[at + 3], len);
  if (len <= 3 || (len === 4 && dig[3] < 32)) {
    let n = 0;
    for (let i = len - 1; i >= 0; i--) n = n * 65536 + dig[i];
    return neg ? -n : n;
  }
  let b = 0n;
  for (let i = len - 1; i >= 0; i--) b = (b << 16n) | BigInt(dig[i]);
  return neg ? -b : b;
}

// `spec`: JSON of [types (dict, list, tuple, str, int, float), [None, True, False],
// probe]: probe = [dict {"k": list, a key deleted}, "k", the address of its
// text, list, [its items' ids: 5, a heap str, 2.5, None, True, False], tuple
// (7,), 2**40 + 5, -(2**50)]. 1 if the heap reads as expected, else 0 (no route).
export function learnObjects(spec) {
  objects = null;
  try {
    const [types, consts, probe] = JSON.parse(spec);
    const m = views();
    if (m === null) return 0;
    const { buffer, u8, u32 } = m;
    const [dict, list, tuple, str, int, float] = types;
    const [d, k, kText, l, items, t, big, neg] = probe;
    const word = (x) => x >>> 0;
    let filled = 0, found = false;
    if (u32[word(d) >>> 2] !== dict || u32[(word(d) >>> 2) + 1] >>> 3 !== 1) return 0;
    const alloc = u32[(word(d) >>> 2) + 2], table = u32[(word(d) >>> 2) + 3] >>> 2;
    for (let i = 0; i < alloc; i++) {
      const key = u32[table + 2 * i];
      if (key === 0 || key === 4) continue;
      filled++;
      found = found || (key === word(k) && u32[table + 2 * i + 1] === word(l));
    }
    const listAt = word(l) >>> 2, hs = word(items[1]) >>> 2;
    const ok =
      filled === 1 && found && (k & 7) === 2 && u8[kText] === 107 && consts.every((c) => (c & 3) !== 0) &&
      u32[listAt] === list && u32[listAt + 2] === items.length &&
      items.every((x, i) => u32[(u32[listAt + 3] >>> 2) + i] === word(x)) &&
      (items[0] & 1) === 1 && items[0] >> 1 === 5 &&
      u32[hs] === str && textAt(u8, u32[hs + 3], u32[hs + 2]) === "pyscript_ffi heap probe \u00e9" &&
      u32[word(items[2]) >>> 2] === float && new Float64Array(buffer, word(items[2]) + 8, 1)[0] === 2.5 &&
      u32[word(t) >>> 2] === tuple && u32[(word(t) >>> 2) + 1] === 1 && u32[(word(t) >>> 2) + 2] === 15 &&
      u32[word(big) >>> 2] === int && longAt(buffer, u32, word(big) >>> 2) === 2 ** 40 + 5 &&
      u32[word(neg) >>> 2] === int && longAt(buffer, u32, word(neg) >>> 2) === -(2 ** 50) &&
      word(items[3]) === word(consts[0]) && word(items[4]) === word(consts[1]) && word(items[5]) === word(consts[2]);
    if (ok) {
      objects = { dict, list, tuple, str, int, float, none: word(consts[0]), yes: word(consts[1]), no: word(consts[2]) };
    }
    return ok ? 1 : 0;
  } catch (e) {
    return 0;
  }
}

// The JS value of the Python value at `address` (a fresh object), built from the
// heap; -1 if it is not exactly JSON-shaped data (or no route); n > 0 if it
// holds interned strings JS does not know yet, n of them (at most QSTRS)
// written as objects into the first n slots of the Python list at `qstrs`:
// Python tells their texts (`learnQstrs`) and asks again.
export function fromObjects(address, qstrs) {
  const m = objects === null ? null : views();
  if (m === null) return -1;
  try {
    const { buffer, u8, u32 } = m;
    const { dict, list, tuple, str, int, float, none, yes, no } = objects;
    const built = new Map(), active = new Set();
    let f64 = null;
    pendingQstrs = [];
    const fail = {};
    const qstr = (v) => {
      const text = qstrTexts.get(v);
      if (text !== undefined) return text;
      if (pendingQstrs.length < QSTRS && pendingQstrs.indexOf(v) < 0) pendingQstrs.push(v);  // more: next time
      return "";
    };
    const read = (v, level) => {
      if (v & 1) return (v | 0) >> 1;  // small int
      if ((v & 7) === 2) return qstr(v);  // interned str
      if (v === none) return null;
      if (v === yes) return true;
      if (v === no) return false;
      if ((v & 3) !== 0) throw fail;
      const at = v >>> 2, type = u32[at];
      if (type === str) return textAt(u8, u32[at + 3], u32[at + 2]);
      if (type === float) { if (f64 === null) f64 = new Float64Array(buffer); return f64[(v + 8) >>> 3]; }
      if (type === int) return longAt(buffer, u32, at);
      if (type !== dict && type !== list && type !== tuple) throw fail;
      const known = built.get(v);
      if (known !== undefined) return known;  // reached before: the same object, as the tape's AGAIN
      if (level >= MAX_LEVELS || active.has(v)) throw fail;  // too deep, or a cycle: the tape reports
      active.add(v);
      let c;
      if (type === dict) {
        c = {};
        const alloc = u32[at + 2], table = u32[at + 3] >>> 2;
        for (let i = 0; i < alloc; i++) {
          const key = u32[table + 2 * i];
          if (key === 0 || key === 4) continue;  // an empty or deleted slot
          let name;
          if ((key & 7) === 2) name = qstr(key);
          else if ((key & 3) === 0 && u32[key >>> 2] === str) name = textAt(u8, u32[(key >>> 2) + 3], u32[(key >>> 2) + 2]);
          else throw fail;
          const x = read(u32[table + 2 * i + 1], level + 1);
          if (name === "__proto__") defineOwn(c, name, x);
          else c[name] = x;
        }
      } else {
        const n = u32[at + (type === list ? 2 : 1)], items = type === list ? u32[at + 3] >>> 2 : at + 2;
        c = [];
        for (let i = 0; i < n; i++) c.push(read(u32[items + i], level + 1));
      }
      active.delete(v);
      built.set(v, c);
      return c;
    };
    const value = read(address >>> 0, 0);
    if (pendingQstrs.length === 0) return value;  // a fresh Array or Object: Python's as itself
    const slots = u32[(qstrs >>> 2) + 3] >>> 2;
    for (let i = 0; i < pendingQstrs.length; i++) u32[slots + i] = pendingQstrs[i];
    return pendingQstrs.length;
  } catch (e) {
    pendingQstrs = [];
    return -1;
  }
}

// Python's answer to the last `fromObjects` that named interned strings: the
// address and byte length of each one's text, "a,n,a,n,..." in the same order.
// The number learnt (0: none, and the caller stops asking).
export function learnQstrs(places) {
  const m = views();
  const parts = places.split(",");
  let learnt = 0;
  try {
    for (let i = 0; m !== null && i < pendingQstrs.length && 2 * i + 1 < parts.length; i++) {
      qstrTexts.set(pendingQstrs[i], textAt(m.u8, Number(parts[2 * i]), Number(parts[2 * i + 1])));
      learnt++;
    }
  } catch (e) {
    learnt = 0;  // (a text that is not UTF-8 here: no route for it)
  }
  pendingQstrs = [];
  return learnt;
}

// ---- to_py: long JSON text through the heap -----------------------------------------------
// `copyFast` for `toPyFast` (_to_py.mjs): the engine's JSON.stringify of a
// JSON-exact copy (plain data: no getter, no `toJSON` of the value is reached).
// When long, `toPyFast` answers its UTF-8 length instead, and
// Python has JS write the bytes straight into a buffer in its heap (`takeText`),
// skipping the interpreter's own string conversion (a UTF-8 encoder in JS, a
// copy and a hash pass over the text).
const HEAP_TEXT = 65536;
let pendingText = null;

// Write the text `toPyFast` put aside at `address` (its length in bytes): 1, or 0.
export function takeText(address) {
  const text = pendingText;
  pendingText = null;
  return text !== null && toHeap(address, text) === 1 ? 1 : 0;
}


function jsonOf(copy) {
  const data = copy === undefined ? "null" : JSON.stringify(copy);
  if (data.length >= HEAP_TEXT && utf8Out !== null && heap() !== null) {
    pendingText = utf8Out.encode(data);  // (JSON.stringify escapes lone surrogates: well-formed)
    return pendingText.length;
  }
  return data;
}

// ---- calls ------------------------------------------------------------------------------
// MicroPython >= 1.26 hands `obj.method` to Python as a bound_method; this is
// the JS function its repr names, from the port's table of JsProxy refs, as a
// handle (`outFrom`: a Box carrying the object as `this`), or null without that table.
export function boundParts(fnRef, selfRef) {
  const table = globalThis.proxy_js_ref;
  if (!Array.isArray(table)) return null;
  return outFrom(table[fnRef], selfRef < 0 ? undefined : table[selfRef]);
}

// What `toPyFast` asks of MicroPython (see _hooks.mjs), registered once: this body's backend.
export const MICROPYTHON_JS = { readFast: () => NOT_FAST, copyFast: jsonOf };
useBackend(MICROPYTHON_JS);
