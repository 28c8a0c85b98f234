// Python -> JS (pyscript_ffi/_to_js.py): `toJs` rebuilds a value from the tape
// that `encode` made; `fromMarshal` is Pyodide's fast route for JSON-shaped data.

import { fromBase64, heap, retype } from "./_binary.mjs";
import { handOut, unbox, weakHolders } from "./_box.mjs";
import { conversionError, jsError, pathOf } from "./_errors.mjs";
import {
  AGAIN, ARR, BIG, BYTES, FALSE, FLOAT, INF, INT, MAP, NAN, NEGZERO, NINF, NULL, OBJ, OTHER, REF, SET, STR,
  STRPARTS, STRU8, TRUE, TYPED, UNDEF,
} from "./_tape.mjs";

const hasOwn = Object.prototype.hasOwnProperty;
export function spell(key) {
  // The JS property key a Python dict key becomes (JSON spelling).
  return key === null ? "null" : String(key);
}

// ---- Python -> JS: rebuild a value from its tape ---------------------------
function framePart(f) {
  if (f.tag === OBJ || f.tag === MAP) return f.hasKey ? spell(f.key) : f.k;
  return f.k;
}

function partsOf(stack) {
  const parts = [];
  for (const f of stack) parts.push(framePart(f));
  return parts;
}

function finish(f, refs, stack) {
  if (f.tag === SET) return [0, new Set(f.c)];
  if (f.tag === MAP) {
    try { return [0, unbox(refs[f.conv])(f.c)]; }
    catch (e) { return jsError(e, partsOf(stack)); }
  }
  return [0, f.c];
}

// `to_js` itself (`build` in _to_js.py): its value reaches Python as itself (`handOut`).
export function toJsValue(tape, refs) {
  const built = toJs(tape, refs);
  const refused = built[0] === 0 ? handOut(built[1]) : null;
  return refused === null ? built : jsError(refused, null);
}

export function toJs(tape, refs) {
  let i = 0;
  const stack = [];
  const built = [];  // containers in tape order (AGAIN n is built[n]); set when complete
  for (;;) {
    let v;
    const tag = tape[i++];
    switch (tag) {
      case NULL: v = null; break;
      case UNDEF: v = undefined; break;
      case FALSE: v = false; break;
      case TRUE: v = true; break;
      case INT: case FLOAT: v = tape[i++]; break;
      case NAN: v = NaN; break;
      case INF: v = Infinity; break;
      case NINF: v = -Infinity; break;
      case NEGZERO: v = -0; break;
      case BIG: v = BigInt(tape[i++]); break;
      case STR: v = tape[i++]; break;
      case STRPARTS: { const n = tape[i++]; v = tape.slice(i, i + n).join("\0"); i += n; break; }
      case BYTES: v = refs[tape[i++]]; break;
      case REF: case OTHER: v = unbox(refs[tape[i++]]); if (weakHolders.has(v)) v = v.get(); break;
      case STRU8: v = fromWtf8(fromBase64(tape[i++])); break;
      case AGAIN: v = built[tape[i++]]; break;
      case TYPED: {
        const code = tape[i++];
        try { v = retype(code, refs[tape[i++]]); }
        catch (e) { return jsError(e, partsOf(stack)); }
        break;
      }
      case ARR: case SET: case OBJ: case MAP: {
        const conv = tag === MAP ? tape[i++] : -1;
        const n = tape[i++];
        const f = { tag, n, k: 0, c: tag === OBJ ? {} : [], hasKey: false, key: undefined, conv, at: built.length };
        built.push(undefined);
        if (n > 0) { stack.push(f); continue; }
        const r = finish(f, refs, stack);
        if (r[0] !== 0) return r;
        v = built[f.at] = r[1];
        break;
      }
      default:
        return [1, "conversion", "ConversionError", "corrupt tape: tag " + tag + " at " + (i - 1), pathOf(partsOf(stack)), null];
    }
    // hand v to the containers being built, closing those that are complete
    for (;;) {
      const f = stack[stack.length - 1];
      if (f === undefined) return [0, v];
      if (f.tag === OBJ) {
        if (!f.hasKey) {
          const key = spell(v);
          if (hasOwn.call(f.c, key)) {
            return conversionError("two dict keys become the same JS property " + JSON.stringify(key), partsOf(stack.slice(0, -1)));
          }
          f.hasKey = true; f.key = key;
          break;
        }
        if (f.key === "__proto__") defineOwn(f.c, f.key, v);
        else f.c[f.key] = v;
        f.hasKey = false;
      } else if (f.tag === MAP) {
        if (!f.hasKey) { f.hasKey = true; f.key = v; break; }
        f.c.push([f.key, v]);
        f.hasKey = false;
      } else {
        f.c.push(v);
      }
      if (++f.k < f.n) break;
      stack.pop();
      const r = finish(f, refs, stack);
      if (r[0] !== 0) return r;
      v = built[f.at] = r[1];
    }
  }
}

// UTF-8 bytes -> string, by hand: a leading U+FEFF stays, and a lone
// surrogate's 3-byte form (which a TextDecoder would replace) is that surrogate.
export function fromWtf8(b) {
  let s = "";
  const units = [];
  for (let j = 0; j < b.length;) {
    const c = b[j];
    let cp;
    if (c < 0x80) { cp = c; j += 1; }
    else if (c < 0xe0) { cp = ((c & 0x1f) << 6) | (b[j + 1] & 0x3f); j += 2; }
    else if (c < 0xf0) { cp = ((c & 0x0f) << 12) | ((b[j + 1] & 0x3f) << 6) | (b[j + 2] & 0x3f); j += 3; }
    else { cp = ((c & 0x07) << 18) | ((b[j + 1] & 0x3f) << 12) | ((b[j + 2] & 0x3f) << 6) | (b[j + 3] & 0x3f); j += 4; }
    if (cp > 0xffff) { cp -= 0x10000; units.push(0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff)); }
    else units.push(cp);
    if (units.length >= 4096) { s += String.fromCharCode.apply(null, units); units.length = 0; }
  }
  return s + String.fromCharCode.apply(null, units);
}

// ---- fast paths for JSON-shaped data (same results as toJs / toPy) ----------
// Each answers `undefined` ("not for me") where the tape walk is needed: the
// caller then takes the tape path, which also reports every error.
export const NOT_FAST = {};

// Python -> JS: decode `marshal.dumps(value, 4)` bytes (Pyodide). Exact types
// only by construction (marshal refuses subclasses); bytes, sets (marshal sorts
// them), circular containers, non-primitive or colliding keys and lone
// surrogates are left to the tape. A shared container (marshal writes it once,
// flagged, then refers to it) is the one object, as the tape's AGAIN makes it.
// `ignoreBOM`: a leading U+FEFF is data, never stripped.
const utf8 = typeof TextDecoder === "function" ? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }) : null;
const fromCharCode = String.fromCharCode;
const SHORT = 64;
const CHARS = [];  // CHARS[n]: a reused Array of n char codes (fromCharCode.apply: no subarray, no concatenation)
for (let n = 0; n <= SHORT; n++) CHARS.push(new Array(n).fill(0));

// The string of the `n` (<= SHORT) bytes at `at` if they are all ASCII, else null.
function shortAscii(u8, at, n) {
  const chars = CHARS[n];
  for (let j = 0; j < n; j++) {
    const c = u8[at + j];
    if (c >= 0x80) return null;
    chars[j] = c;
  }
  return fromCharCode.apply(null, chars);
}

export function fromMarshal(u8) {
  if (utf8 === null) return undefined;
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const refs = [];
  const open = [];  // open[k]: refs[k] is a flagged container not yet complete (a ref to it is a cycle)
  let i = 0;
  const int32 = () => { const n = view.getInt32(i, true); i += 4; return n; };
  const ascii = (n) => {
    const s = n > SHORT ? utf8.decode(u8.subarray(i, i + n)) : shortAscii(u8, i, n);  // ASCII is UTF-8
    if (s === null) throw NOT_FAST;  // (marshal writes only ASCII as a/z)
    i += n;
    return s;
  };
  const read = () => {
    const code = u8[i++];
    const flag = code & 0x80;
    let v;
    switch (code & 0x7f) {
      case 0x4e: return null;           // N
      case 0x46: return false;          // F
      case 0x54: return true;           // T
      case 0x69: v = view.getInt32(i, true); i += 4; break;    // i
      case 0x67: v = view.getFloat64(i, true); i += 8; break;  // g
      case 0x6c: {                      // l: |n| 15-bit digits, sign of n
        const n = int32(), m = Math.abs(n);
        let big = 0n;
        for (let d = m - 1; d >= 0; d--) big = (big << 15n) | BigInt(view.getUint16(i + 2 * d, true));
        i += 2 * m;
        if (n < 0) big = -big;
        v = big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big;
        break;
      }
      case 0x7a: case 0x5a: v = ascii(u8[i++]); break;  // z Z
      case 0x61: case 0x41: v = ascii(int32()); break;  // a A
      case 0x75: case 0x74: { const n = int32(); v = utf8.decode(u8.subarray(i, i + n)); i += n; break; }  // u t
      case 0x72: { const k = view.getInt32(i, true); i += 4; if (open[k] === true) throw NOT_FAST; return refs[k]; }  // r
      case 0x29: case 0x28: case 0x5b: {  // ) ( [
        const n = (code & 0x7f) === 0x29 ? u8[i++] : int32();
        const c = new Array(n);
        if (flag) {
          const at = refs.length;
          refs.push(c); open[at] = true;
          for (let k = 0; k < n; k++) c[k] = read();
          open[at] = false;
        } else for (let k = 0; k < n; k++) c[k] = read();
        return c;
      }
      case 0x7b: {  // {
        const c = {};
        const at = refs.length;
        if (flag) { refs.push(c); open[at] = true; }
        let mixed = false;  // a key that is not a str: spellings may collide from then on
        while (u8[i] !== 0x30) {  // 0: end of dict
          const key = read();
          let name;
          if (typeof key === "string") {
            name = key;
            if (mixed && hasOwn.call(c, name)) throw NOT_FAST;
          } else {
            const t = typeof key;
            if (key !== null && t !== "number" && t !== "boolean" && t !== "bigint") throw NOT_FAST;
            name = spell(key);
            if (hasOwn.call(c, name)) throw NOT_FAST;
            mixed = true;
          }
          const value = read();
          if (name === "__proto__") defineOwn(c, name, value);
          else c[name] = value;
        }
        i++;
        if (flag) open[at] = false;
        return c;
      }
      default: throw NOT_FAST;  // bytes, sets, complex, code, ...
    }
    if (flag) refs.push(v);
    return v;
  };
  try {
    const v = read();
    return i === u8.length ? v : undefined;
  } catch (e) {
    return undefined;  // NOT_FAST, or a lone surrogate that TextDecoder refuses
  }
}

// JS -> Python: `toPyFast(value)` gives marshal bytes (Pyodide: `marshal.loads`)
// or JSON text (MicroPython: `json.loads`) of a JSON-shaped value, or `false`
// where the tape is needed: Maps, Sets, class instances, cycles, getters that
// throw, and the few numbers and strings a route cannot carry exactly.
// ---- assign ------------------------------------------------------------------
export function defineOwn(target, key, value) {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
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
