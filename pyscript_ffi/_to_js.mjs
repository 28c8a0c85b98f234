// Python -> JS (pyscript_ffi/_to_js.py): `toJs` rebuilds a value from the tape
// that `encode` made; `fromMarshal` is Pyodide's fast route for JSON-shaped data.

import { fromBase64, heap, retype } from "./_binary.mjs";
import { out, unbox, weakHolders } from "./_box.mjs";
import { conversionError, jsError, pathOf } from "./_errors.mjs";
import {
  AGAIN, ARR, BIG, BYTES, FALSE, FLOAT, INF, INT, JSON_FLOATS, MAP, NAN, NEGZERO, NINF, NULL, OBJ, OTHER, REF, SET,
  STR, STRPARTS, STRU8, TRUE, TYPED, UNDEF,
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

export function fromMarshal(u8) {
  if (utf8 === null) return undefined;
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const refs = [];
  const open = new Set();  // flagged containers not yet complete: a ref to one is a cycle
  let i = 0;
  const int32 = () => { const n = view.getInt32(i, true); i += 4; return n; };
  const ascii = (n) => {
    let s = "";
    if (n > 32) s = utf8.decode(u8.subarray(i, i + n));  // ASCII is UTF-8
    else for (let j = i; j < i + n; j++) s += String.fromCharCode(u8[j]);
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
      case 0x69: v = int32(); break;    // i
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
      case 0x72: { v = refs[int32()]; if (open.has(v)) throw NOT_FAST; return v; }  // r
      case 0x29: case 0x28: case 0x5b: {  // ) ( [
        const n = (code & 0x7f) === 0x29 ? u8[i++] : int32();
        const c = new Array(n);
        if (flag) { refs.push(c); open.add(c); }
        for (let k = 0; k < n; k++) c[k] = read();
        if (flag) open.delete(c);
        return c;
      }
      case 0x7b: {  // {
        const c = {};
        if (flag) { refs.push(c); open.add(c); }
        for (;;) {
          if (u8[i] === 0x30) { i++; break; }  // 0: end of dict
          const key = read();
          const t = typeof key;
          if (key !== null && t !== "string" && t !== "number" && t !== "boolean" && t !== "bigint") throw NOT_FAST;
          const name = spell(key);
          if (hasOwn.call(c, name)) throw NOT_FAST;
          const value = read();
          if (name === "__proto__") Object.defineProperty(c, name, { value, writable: true, enumerable: true, configurable: true });
          else c[name] = value;
        }
        if (flag) open.delete(c);
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

// ---- MicroPython's fast route: the objects read in the heap, then JSON text ----------
// `json.dump` writes JSON-shaped data fast, but it prints any object it meets
// (a user class's `__repr__`, a dict subclass as a dict) and grows its buffer in
// small steps (quadratic). So first `jsonSize` walks the value in the heap
// (`_micropython.py`), where an object's type is a pointer: only exact dict,
// list, tuple, str (heap or interned: a qstr), int (small, or a long within
// 2**53 - 1), float (when its repr is exact: JSON_FLOATS), True, False and None
// pass, each container reached once, at most MAX_LEVELS deep. It answers the
// exact length of the JSON text, for a buffer made at its size. `fromJson`
// parses the text. MicroPython's object layout (REPR_A, 32-bit words) is checked
// once on a probe (`learnObjects`); if it does not hold, there is no such route.
const MAX_LEVELS = 64;
const QSTRS = 64;  // distinct interned strings one value may hold (their lengths are asked of Python)
let objects = null;  // the type pointers and constants, once `learnObjects` checked them
const qstrLengths = new Map();  // an interned string (its object word) -> its JSON length, as Python said
let pendingQstrs = [];  // the interned strings the last `jsonSize` asked about

function words() {
  const buffer = heap();
  return buffer === null ? null : new Uint32Array(buffer);
}

// `[length, big]` of the long int at word `at` (mp_obj_int_t: mpz_t with 16-bit digits):
// big is true beyond 2**53 - 1 in magnitude.
function longInt(u32, at) {
  const len = u32[at + 2], dig = u32[at + 3];
  if (len <= 3) return false;
  return len > 4 || new Uint16Array(u32.buffer, dig + 6, 1)[0] >= 32;
}

// The JSON length of the heap str at word `at` (mp_str_print_json's escapes).
function strLength(u8, u32, at) {
  const len = u32[at + 2], data = u32[at + 3];
  let size = len + 2;
  for (let j = data, end = data + len; j < end; j++) {
    const b = u8[j];
    if (b < 0x20) size += b === 10 || b === 13 || b === 9 ? 1 : 5;
    else if (b === 0x22 || b === 0x5c) size += 1;
  }
  return size;
}

// `spec`: JSON of [types (dict, list, tuple, str, int, float), [None, True, False],
// probe]: probe = [dict {"k": list, "gone" deleted}, "k", list, [its items' ids],
// tuple (7,), heap str, its length, 2**40 + 5, -(2**50)]. 1 if the heap reads as
// expected, else 0 (and no route).
export function learnObjects(spec) {
  objects = null;
  try {
    const [types, consts, probe] = JSON.parse(spec);
    const u32 = words();
    if (u32 === null) return 0;
    const [dict, list, tuple, str, int, float] = types;
    const [d, k, l, items, t, hs, hsLen, big, neg] = probe;
    const u16 = (at, j) => new Uint16Array(u32.buffer, u32[at + 3] + 2 * j, 1)[0];
    const ok =
      (k & 7) === 2 && consts.every((c) => (c & 3) !== 0) && (items[0] & 1) === 1 && items[0] >> 1 === 5 &&
      u32[d >>> 2] === dict && u32[(d >>> 2) + 1] >>> 3 === 1 &&
      (() => {
        const alloc = u32[(d >>> 2) + 2], table = u32[(d >>> 2) + 3] >>> 2;
        let filled = 0, found = false;
        for (let i = 0; i < alloc; i++) {
          const key = u32[table + 2 * i];
          if (key === 0 || key === 4) continue;
          filled++;
          found = found || (key === (k >>> 0) && u32[table + 2 * i + 1] === (l >>> 0));
        }
        return filled === 1 && found;
      })() &&
      u32[l >>> 2] === list && u32[(l >>> 2) + 2] === items.length &&
      items.every((x, i) => u32[(u32[(l >>> 2) + 3] >>> 2) + i] === (x >>> 0)) &&
      u32[t >>> 2] === tuple && u32[(t >>> 2) + 1] === 1 && u32[(t >>> 2) + 2] === 15 &&
      u32[hs >>> 2] === str && u32[(hs >>> 2) + 2] === hsLen &&
      u32[big >>> 2] === int && !longInt(u32, big >>> 2) && (u32[(big >>> 2) + 1] & 1) === 0 &&
      u32[(big >>> 2) + 2] === 3 && u16(big >>> 2, 0) === 5 && u16(big >>> 2, 2) === 256 &&
      u32[neg >>> 2] === int && (u32[(neg >>> 2) + 1] & 1) === 1 && u32[(neg >>> 2) + 2] === 4 &&
      u16(neg >>> 2, 3) === 4 && !longInt(u32, neg >>> 2) && float !== 0;
    if (ok) objects = { dict, list, tuple, str, int, float, none: consts[0] >>> 0, yes: consts[1] >>> 0, no: consts[2] >>> 0 };
    return ok ? 1 : 0;
  } catch (e) {
    return 0;
  }
}

// The length in bytes of `json.dump` of the object at `address`, as text:
// "length" or "length,count,count..." where the i-th count is how often the
// i-th distinct interned string (written as an object into the list at `qstrs`,
// QSTRS slots) occurs, for Python to add count times its JSON length and to tell
// (`learnQstrs`); the lengths of those already told are in the length. "" if the
// value is not exactly JSON-shaped data (or no route), "f" if it is but holds a
// float whose repr is not exact here.
export function jsonSize(address, qstrs) {
  const u32 = objects === null ? null : words();
  if (u32 === null) return "";
  const u8 = new Uint8Array(u32.buffer);
  const { dict, list, tuple, str, int, float, none, yes, no } = objects;
  const seen = new Set(), interned = new Map();
  let size = 0, floats = false;
  const stack = [address >>> 0, 1];
  const qstr = (v) => {
    const known = qstrLengths.get(v);
    if (known !== undefined) { size += known; return true; }
    const n = interned.get(v);
    if (n !== undefined) { interned.set(v, n + 1); return true; }
    if (interned.size >= QSTRS) return false;
    interned.set(v, 1);
    return true;
  };
  while (stack.length > 0) {
    const level = stack.pop(), v = stack.pop();
    if (v & 1) { size += String((v | 0) >> 1).length; continue; }  // small int
    if ((v & 7) === 2) { if (!qstr(v)) return ""; continue; }  // interned str
    if (v === none || v === yes) { size += 4; continue; }
    if (v === no) { size += 5; continue; }
    if ((v & 3) !== 0) return "";
    const at = v >>> 2, type = u32[at];
    if (type === str) { size += strLength(u8, u32, at); continue; }
    if (type === float) { floats = true; size += 32; continue; }
    if (type === int) { if (longInt(u32, at)) return ""; size += 17; continue; }
    if (type !== dict && type !== list && type !== tuple) return "";
    if (level > MAX_LEVELS || seen.has(v)) return "";  // too deep, shared or a cycle: the tape
    seen.add(v);
    if (type === dict) {
      const alloc = u32[at + 2], table = u32[at + 3] >>> 2;
      let n = 0;
      for (let i = 0; i < alloc; i++) {
        const key = u32[table + 2 * i];
        if (key === 0 || key === 4) continue;  // empty or deleted slot
        if ((key & 7) === 2) { if (!qstr(key)) return ""; }
        else if ((key & 3) === 0 && u32[key >>> 2] === str) size += strLength(u8, u32, key >>> 2);
        else return "";
        stack.push(u32[table + 2 * i + 1], level + 1);
        n++;
      }
      size += n === 0 ? 2 : 4 * n;  // {} or "{" + (k: v)*n joined ", " + "}"
    } else {
      const n = u32[at + (type === list ? 2 : 1)];
      const items = type === list ? u32[at + 3] >>> 2 : at + 2;
      for (let i = 0; i < n; i++) stack.push(u32[items + i], level + 1);
      size += n === 0 ? 2 : 2 * n;
    }
  }
  if (floats && !JSON_FLOATS) return "f";  // a float's repr may be 1 ulp off (MicroPython < 1.26)
  let answer = String(size);
  if (interned.size > 0) {
    const slots = u32[(qstrs >>> 2) + 3] >>> 2;
    let i = 0;
    pendingQstrs = [];
    for (const [q, count] of interned) { u32[slots + i++] = q; pendingQstrs.push(q); answer += "," + count; }
  }
  return answer;
}

// Python's answer to the last `jsonSize` that named interned strings: their
// JSON lengths, "n,n,..." in the same order, kept for good (an interned string
// never changes).
export function learnQstrs(lengths) {
  const parts = lengths.split(",");
  for (let i = 0; i < pendingQstrs.length && i < parts.length; i++) qstrLengths.set(pendingQstrs[i], Number(parts[i]));
  pendingQstrs = [];
  return 0;
}

// The JS value of `json.dump`'s text (`out`: a Box), or null when the text is not
// exactly the value: a lone surrogate (MicroPython's str to JS gives U+FFFD)
// or text JSON.parse rejects (nan, inf).
export function fromJson(text) {
  if (text.indexOf("\ufffd") >= 0) return null;
  try { return out(JSON.parse(text)); } catch (e) { return null; }
}
