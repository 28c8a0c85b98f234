// Pyodide's own JS (beside _pyodide.py): the fast routes for JSON-shaped data,
// both as CPython's `marshal` format (version 4).
//
// Python -> JS: `fromMarshal` decodes `marshal.dumps(value, 4)` bytes
// (`PyodideBackend.fast_to_js`) into the value `toJs` would build.
// JS -> Python: `toMarshal` writes the marshal bytes of a JSON-shaped value
// while reading it once (`readFast`, asked by `toPyFast` in _to_py.mjs), which
// `PyodideBackend.from_fast` reads with `marshal.loads`.
// The build joins this file into Pyodide's helper body only.

import { useBackend } from "./_hooks.mjs";
import { MAX_ITEMS, MAX_TOTAL, NOT_FAST, defineOwn, hasOwn, isPlain, thrownBy } from "./_shapes.mjs";
import { SHORT, shortAscii, spell, utf8, utf8Out, wellFormed } from "./_strings.mjs";

// ---- Python -> JS ------------------------------------------------------------------
// Exact types only by construction (marshal refuses subclasses); bytes, sets
// (marshal sorts them), circular containers, non-primitive or colliding keys
// and lone surrogates are left to the tape. A shared container (marshal writes
// it once, flagged, then refers to it) is the one object, as the tape's AGAIN
// makes it. `utf8` keeps a leading U+FEFF: data, never stripped.
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

// ---- JS -> Python ------------------------------------------------------------------
// Pyodide's fast route: `marshal.loads` bytes of a JSON-shaped `value`, read in
// one pass: each length, key list and element read is pushed on `log` in the
// order `snapshotOf` reads them, so that where this route declines (NOT_FAST),
// `snapshotOf(value, log)` replays those reads instead of reading again.
const MARSHAL_DEPTH = 1000;  // deeper goes to the tape (marshal.loads stops at 2000 levels)

export function toMarshal(value, log = []) {
  let buf = new Uint8Array(256), view = new DataView(buf.buffer), n = 0;  // grows by doubling (`room`): a small value costs a small buffer
  const active = new Set();
  const room = (k) => {
    if (n + k <= buf.length) return;
    let size = buf.length * 2;
    while (size < n + k) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(buf.subarray(0, n));
    buf = bigger; view = new DataView(buf.buffer);
  };
  const str = (s) => {
    const len = s.length;
    room(5 + 3 * len);
    const start = n + (len < 256 ? 2 : 5);
    let j = 0;
    for (; j < len; j++) { const c = s.charCodeAt(j); if (c >= 0x80) break; buf[start + j] = c; }
    if (j === len) {  // z (short ASCII) or a (ASCII)
      if (len < 256) { buf[n] = 0x7a; buf[n + 1] = len; } else { buf[n] = 0x61; view.setInt32(n + 1, len, true); }
      n = start + len;
      return;
    }
    if (utf8Out === null || !wellFormed(s)) throw NOT_FAST;
    const written = utf8Out.encodeInto(s, buf.subarray(n + 5)).written;  // u: UTF-8
    buf[n] = 0x75; view.setInt32(n + 1, written, true);
    n += 5 + written;
  };
  // Keys repeat (records): the first of each is flagged as a ref (0x80), the
  // rest refer to it (r), so marshal.loads makes one str per distinct key.
  const seen = new Map();
  const key = (s) => {
    const ref = seen.get(s);
    if (ref !== undefined) { room(5); buf[n] = 0x72; view.setInt32(n + 1, ref, true); n += 5; return; }
    const at = n;
    str(s);
    if (s.length < 64) { buf[at] |= 0x80; seen.set(s, seen.size); }
  };
  const long = (big) => {  // l: 15-bit digits, count signed like the value
    const neg = big < 0n;
    if (neg) big = -big;
    const digits = [];
    while (big > 0n) { digits.push(Number(big & 0x7fffn)); big >>= 15n; }
    room(5 + 2 * digits.length);
    buf[n] = 0x6c; view.setInt32(n + 1, neg ? -digits.length : digits.length, true); n += 5;
    for (const d of digits) { view.setUint16(n, d, true); n += 2; }
  };
  let count = 0, level = 0;  // the bounds are the tape's: beyond them, the tape reports
  const put = (v) => {
    room(9);
    if (++count > MAX_TOTAL) throw NOT_FAST;
    if (v === null || v === undefined) { buf[n++] = 0x4e; return; }  // N
    switch (typeof v) {
      case "boolean": buf[n++] = v ? 0x54 : 0x46; return;
      case "string": str(v); return;
      case "number":
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
          if (v >= -2147483648 && v <= 2147483647) { buf[n] = 0x69; view.setInt32(n + 1, v, true); n += 5; }
          else long(BigInt(v));
        } else { buf[n] = 0x67; view.setFloat64(n + 1, v, true); n += 9; }  // g: -0, NaN, floats
        return;
      case "bigint": throw NOT_FAST;  // the tape: Python's `BigInt`, which marshal cannot make
      case "object": break;
      default: throw NOT_FAST;
    }
    if (active.has(v)) throw NOT_FAST;  // reached before (shared or a cycle): the tape shares it
    if (++level > MARSHAL_DEPTH) throw NOT_FAST;
    if (Array.isArray(v)) {
      active.add(v);
      const len = v.length;
      log.push(len);
      if (len > MAX_ITEMS || (total += len + 1) > MAX_TOTAL) throw NOT_FAST;
      buf[n] = 0x5b; view.setInt32(n + 1, len, true); n += 5;  // [
      for (let k = 0; k < len; k++) put(item(v, k));
    } else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set || !isPlain(v)) {
      throw NOT_FAST;
    } else {
      active.add(v);
      buf[n++] = 0x7b;  // {
      const keys = Object.keys(v);
      log.push(keys);
      if (keys.length > MAX_ITEMS || (total += keys.length + 1) > MAX_TOTAL) throw NOT_FAST;
      for (let k = 0; k < keys.length; k++) { const x = item(v, keys[k]); key(keys[k]); put(x); }
      room(1);
      buf[n++] = 0x30;  // 0: end of dict
    }
    level--;
  };
  let total = 0;  // as snapshotOf counts: containers and their items
  const item = (v, k) => {  // v[k], read once and logged (a throw is logged as a Thrown, then the tape)
    let x;
    try { x = v[k]; } catch (e) { log.push(thrownBy(e)); throw NOT_FAST; }
    log.push(x);
    return x;
  };
  put(value);
  return buf.subarray(0, n);
}


// `readFast` for `toPyFast`: the marshal bytes, or NOT_FAST where a number or
// string cannot be carried exactly (the tape then reads what `log` kept).
function marshalOf(value, log) {
  try {
    return toMarshal(value, log);
  } catch (e) {
    return NOT_FAST;
  }
}

// What `toPyFast` asks of Pyodide (see _hooks.mjs), registered once: this body's backend.
export const PYODIDE_JS = { readFast: marshalOf, copyFast: () => NOT_FAST };
useBackend(PYODIDE_JS);
