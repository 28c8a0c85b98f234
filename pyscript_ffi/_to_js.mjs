// Python -> JS (pyscript_ffi/_to_js.py): `toJs` rebuilds a value from the tape
// that `encode` made; `fromMarshal` is Pyodide's fast route for JSON-shaped data.

import { fromBase64, retype } from "./_binary.mjs";
import { unbox, weakHolders } from "./_box.mjs";
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
const CHARS = [];  // CHARS[n]: a reused Array of n char codes (fromCharCode.apply: no subarray, no concatenation)
for (let n = 0; n <= 64; n++) CHARS.push(new Array(n).fill(0));

export function fromMarshal(u8) {
  if (utf8 === null) return undefined;
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const refs = [];
  const open = [];  // open[k]: refs[k] is a flagged container not yet complete (a ref to it is a cycle)
  let i = 0;
  const int32 = () => { const n = view.getInt32(i, true); i += 4; return n; };
  const ascii = (n) => {
    let s;
    if (n > 64) s = utf8.decode(u8.subarray(i, i + n));  // ASCII is UTF-8
    else {
      const chars = CHARS[n];
      for (let j = 0; j < n; j++) chars[j] = u8[i + j];
      s = fromCharCode.apply(null, chars);
    }
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
