// JS -> Python (pyscript_ffi/_to_py.py): `toPy` flattens a JS value into a tape;
// `fastPy` is the fast route for JSON-shaped data (marshal bytes or JSON text).

import { out, unbox } from "./_box.mjs";
import { conversionError, jsError } from "./_errors.mjs";
import {
  ARR, BIG, BYTES, FALSE, FLOAT, INF, INT, JSON_FLOATS, JSON_TAPES, NAN, NEGZERO, NINF, NULL, OBJ, REF, SET,
  STR, TRUE,
} from "./_tape.mjs";
import { NOT_FAST, spell } from "./_to_js.mjs";

// ---- JS -> Python: flatten a value into a tape ------------------------------
const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);  // a double as its two 32-bit words

export function isPlain(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function toBytes(v) {
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

export function toPy(value, depth) {
  const tape = [], refs = [], stack = [], active = new Set();
  const put = (x) => { tape.push(x); };
  // JSON tapes: long strings go by reference (MicroPython's json.loads slows down badly on them)
  const putStr = (s) => { if (JSON_TAPES && s.length > 1024) { put(REF); put(refs.length); refs.push(s); } else { put(STR); put(s); } };
  let v = unbox(value);
  try {
    for (;;) {
      // emit v
      const t = typeof v;
      if (v === null || v === undefined) put(NULL);
      else if (t === "boolean") put(v ? TRUE : FALSE);
      else if (t === "number") {
        if (Number.isSafeInteger(v)) { if (Object.is(v, -0)) put(NEGZERO); else { put(INT); put(v); } }
        else if (v !== v) put(NAN);
        else if (v === Infinity) put(INF);
        else if (v === -Infinity) put(NINF);
        else if (JSON_TAPES) { F64[0] = v; put(FLOAT); put(U32[0]); put(U32[1]); }  // exact: older MicroPython parses some floats 1 ulp off
        else { put(FLOAT); put(v); }
      }
      else if (t === "string") putStr(v);
      else if (t === "bigint") { put(BIG); put(String(v)); }
      else if (t !== "object") { put(REF); put(refs.length); refs.push(out(v)); }
      else if (depth >= 0 && stack.length >= depth) { put(REF); put(refs.length); refs.push(out(v)); }
      else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        const bytes = toBytes(v);
        if (JSON_TAPES) { put(BYTES); put(bytes.length); for (let j = 0; j < bytes.length; j++) put(bytes[j]); }
        else { put(BYTES); put(refs.length); refs.push(bytes.slice()); }
      }
      else {
        let items = null, tag;
        if (Array.isArray(v)) { tag = ARR; items = v; }
        else if (v instanceof Map) { tag = OBJ; items = v; }
        else if (v instanceof Set) { tag = SET; items = v; }
        else if (isPlain(v)) { tag = OBJ; items = null; }
        else { put(REF); put(refs.length); refs.push(out(v)); tag = -1; }
        if (tag !== -1) {
          if (active.has(v)) return conversionError("circular reference", stack.map((f) => f.part));
          active.add(v);
          let it;
          if (tag === ARR) { it = v; put(ARR); put(v.length); }
          else if (v instanceof Map) { it = v.entries(); put(OBJ); put(v.size); }
          else if (tag === SET) { it = v.values(); put(SET); put(v.size); }
          else { it = Object.keys(v); put(OBJ); put(it.length); }
          stack.push({ obj: v, tag, plain: items === null, map: v instanceof Map, it, k: 0, part: 0, keyDone: false, entry: null });
        }
      }
      // find the next value to emit
      let next = false;
      while (stack.length) {
        const f = stack[stack.length - 1];
        if (f.tag === ARR) {
          if (f.k < f.it.length) { f.part = f.k; v = f.it[f.k++]; next = true; break; }
        } else if (f.tag === SET) {
          const r = f.it.next();
          if (!r.done) { f.part = f.k++; v = r.value; next = true; break; }
        } else if (f.map) {
          if (f.keyDone) { f.keyDone = false; v = f.entry[1]; next = true; break; }
          const r = f.it.next();
          if (!r.done) { f.entry = r.value; f.part = spell(r.value[0]); f.keyDone = true; v = r.value[0]; f.k++; next = true; break; }
        } else {
          if (f.keyDone) {
            f.keyDone = false;
            try { v = f.obj[f.part]; }
            catch (e) { return jsError(e, stack.map((g) => g.part)); }
            next = true; break;
          }
          if (f.k < f.it.length) { f.part = f.it[f.k++]; putStr(f.part); f.keyDone = true; continue; }
        }
        stack.pop();
        active.delete(f.obj);
      }
      if (!next) return [0, JSON_TAPES ? JSON.stringify(tape) : tape, refs];
    }
  } catch (e) {
    return jsError(e, stack.map((f) => f.part));
  }
}

const NOT_PY = false;
const utf8Out = typeof TextEncoder === "function" ? new TextEncoder() : null;
const wellFormed = typeof "".isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !/[\ud800-\udfff]/.test(s);

export function toMarshal(value) {
  let buf = new Uint8Array(1 << 16), view = new DataView(buf.buffer), n = 0;
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
  const put = (v) => {
    room(9);
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
      case "bigint":
        if (v >= -2147483648n && v <= 2147483647n) { buf[n] = 0x69; view.setInt32(n + 1, Number(v), true); n += 5; }
        else long(v);
        return;
      case "object": break;
      default: throw NOT_FAST;
    }
    if (active.has(v)) throw NOT_FAST;
    if (Array.isArray(v)) {
      active.add(v);
      const len = v.length;
      buf[n] = 0x5b; view.setInt32(n + 1, len, true); n += 5;  // [
      for (let k = 0; k < len; k++) put(v[k]);
    } else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
      const bytes = toBytes(v);
      room(5 + bytes.length);
      buf[n] = 0x73; view.setInt32(n + 1, bytes.length, true); n += 5;  // s: bytes
      buf.set(bytes, n); n += bytes.length;
      return;
    } else if (!(v instanceof Map) && !(v instanceof Set) && isPlain(v)) {
      active.add(v);
      buf[n++] = 0x7b;  // {
      const keys = Object.keys(v);
      for (let k = 0; k < keys.length; k++) { key(keys[k]); put(v[keys[k]]); }
      room(1);
      buf[n++] = 0x30;  // 0: end of dict
    } else throw NOT_FAST;
    active.delete(v);
  };
  put(value);
  return buf.subarray(0, n);
}

// MicroPython: a check, then the engine's own JSON.stringify. JSON.stringify
// drops undefined object values and spells -0, NaN, BigInts and big integral
// numbers differently from the tape: those go to the tape.
export function jsonOf(value) {
  const active = new Set();
  const check = (v) => {
    switch (typeof v) {
      case "boolean": return;
      case "string": if (v.length > 1024) throw NOT_FAST; return;  // json.loads is slow on long strings: refs
      case "number":
        if (Number.isSafeInteger(v) ? Object.is(v, -0) : !JSON_FLOATS || v !== v || v === Infinity || v === -Infinity || (Number.isInteger(v) && Math.abs(v) < 1e21)) throw NOT_FAST;
        return;
      case "object": break;
      default: throw NOT_FAST;
    }
    if (v === null) return;
    if (active.has(v)) throw NOT_FAST;
    active.add(v);
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) { const x = v[k]; if (x !== undefined) check(x); }
    } else if (isPlain(v)) {
      const keys = Object.keys(v);
      for (let k = 0; k < keys.length; k++) { const x = v[keys[k]]; if (x === undefined || keys[k].length > 1024) throw NOT_FAST; check(x); }
    } else throw NOT_FAST;
    active.delete(v);
  };
  if (value === undefined) return "null";
  check(value);
  return JSON.stringify(value);
}

export function fastPy(value) {
  try {
    const v = unbox(value);
    return JSON_TAPES ? jsonOf(v) : toMarshal(v);
  } catch (e) {
    return NOT_PY;  // NOT_FAST, or a getter that threw: the tape reports it
  }
}
