// JS -> Python (pyscript_ffi/_to_py.py): `toPy` flattens a JS value into a tape;
// `toPyFast` reads the value once, then takes the fast route for JSON-shaped data (marshal bytes or
// JSON text) or the tape.

import { codeOf, heap, toHeap } from "./_binary.mjs";
import { boxed, unbox } from "./_box.mjs";
import { conversionError, jsError } from "./_errors.mjs";
import {
  AGAIN, ARR, BIG, BYTES, FALSE, FLOAT, INF, INT, JSON_FLOATS, JSON_TAPES, NAN, NEGZERO, NINF, NULL, OBJ, OTHER, REF,
  SET, STR, TRUE, TYPED,
} from "./_tape.mjs";
import { NOT_FAST, defineOwn, spell } from "./_to_js.mjs";

// ---- JS -> Python: flatten a value into a tape ------------------------------
const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);  // a double as its two 32-bit words

// A plain Object: its prototype is Object.prototype or null, or another realm's
// Object.prototype (a main-thread object seen from a PyScript worker is a
// reflected-ffi proxy, whose prototype is the main thread's): a prototype with none
// of its own, whose `constructor` is a function named "Object" with it as `prototype`.
export function isPlain(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || isObjectPrototype(proto);
}

function isObjectPrototype(proto) {
  if (Object.getPrototypeOf(proto) !== null) return false;
  const c = Reflect.get(proto, "constructor");
  return typeof c === "function" && c.name === "Object" && Reflect.get(c, "prototype") === proto;
}

// What the engine itself says, read through getters and methods captured at load:
// a value's own `size`, `buffer`, `entries`... (shadowed or lying) are never asked.
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const TYPED_PROTO = Object.getPrototypeOf(Uint8Array.prototype);  // %TypedArray%.prototype
const typedBuffer = getter(TYPED_PROTO, "buffer"), typedOffset = getter(TYPED_PROTO, "byteOffset"),
  typedLength = getter(TYPED_PROTO, "byteLength");
const viewBuffer = getter(DataView.prototype, "buffer"), viewOffset = getter(DataView.prototype, "byteOffset"), viewLength = getter(DataView.prototype, "byteLength");
const mapSize = getter(Map.prototype, "size"), setSize = getter(Set.prototype, "size");
const mapForEach = Map.prototype.forEach, setForEach = Set.prototype.forEach;
const call = Function.prototype.call.bind(Function.prototype.call);  // call(f, self, ...args): f.call unshadowed

// The documented bounds of one `to_py` (docs/contract.md, `to_py.bounds`): a value
// beyond them is a ConversionError naming its path and the limit, before memory runs out.
export const MAX_ITEMS = 10000000;  // elements (or entries) in one container
export const MAX_TOTAL = 20000000;  // values in the whole conversion
export const MAX_DEPTH = 100000;  // containers inside containers

export function toBytes(v) {
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (v instanceof DataView) return new Uint8Array(call(viewBuffer, v), call(viewOffset, v), call(viewLength, v));
  return new Uint8Array(call(typedBuffer, v), call(typedOffset, v), call(typedLength, v));
}

function overLimit(what, n, limit, unit, parts) {
  return conversionError(what + " is over the limit of " + limit + " " + unit, parts);
}

// The key of a Map entry as a path part; objects are not asked for a spelling.
function keyPart(k) {
  const t = typeof k;
  return t === "object" && k !== null || t === "function" || t === "symbol" ? "<" + t + ">" : spell(k);
}

export function toPy(value, depth) {
  const tape = [], refs = [], stack = [], active = new Set();
  const done = new Map();  // container -> its index in tape order: reached again, it is AGAIN index
  const put = (x) => { tape.push(x); };
  // JSON tapes: long strings go by reference (MicroPython's json.loads slows down badly on them)
  const putStr = (s) => { if (JSON_TAPES && s.length > 1024) { put(REF); put(refs.length); refs.push(s); } else { put(STR); put(s); } };
  let v = unbox(value), total = 0;
  let asKey = false;  // v is a Map key or a Set value: an object there stays a JsProxy (hashable)
  try {
    for (;;) {
      // emit v
      if (++total > MAX_TOTAL) return overLimit("the value", total, MAX_TOTAL, "values in one conversion", stack.map((f) => f.part));
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
      else if (t !== "object") { put(OTHER); put(refs.length); refs.push(boxed(v)); }
      else if (asKey) { put(REF); put(refs.length); refs.push(boxed(v)); }
      else if (THROWN.has(v)) return jsError(v.e, stack.map((f) => f.part));
      else if (depth >= 0 && stack.length >= depth) { put(REF); put(refs.length); refs.push(boxed(v)); }
      else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        // a view of the bytes, copied at once by the Python side (`buffer_from_js`)
        const code = codeOf(v), bytes = toBytes(v);
        if (code === null) put(BYTES); else { put(TYPED); put(code); }
        put(bytes.length); put(refs.length); refs.push(bytes);
      }
      else {
        let items = null, tag;
        if (Array.isArray(v)) { tag = ARR; items = v; }
        else if (v instanceof Map) { tag = OBJ; items = v; }
        else if (v instanceof Set) { tag = SET; items = v; }
        else if (isPlain(v)) { tag = OBJ; items = null; }
        else { put(OTHER); put(refs.length); refs.push(boxed(v)); tag = -1; }
        if (tag !== -1 && done.has(v)) {
          if (active.has(v)) return conversionError("circular reference", stack.map((f) => f.part));
          put(AGAIN); put(done.get(v));
        } else if (tag !== -1) {
          const parts = () => stack.map((f) => f.part);
          if (stack.length >= MAX_DEPTH) return overLimit("nesting", stack.length, MAX_DEPTH, "levels", parts());
          // sizes from the engine, each counted once: Map/Set entries are copied
          // out by the prototype's own forEach (getters later change nothing)
          const map = tag === OBJ && items !== null;
          let it, n;
          if (tag === ARR) { it = v; n = v.length; }
          else if (map) { n = call(mapSize, v); }
          else if (tag === SET) { n = call(setSize, v); }
          else { it = Object.keys(v); n = it.length; }
          if (n > MAX_ITEMS) {
            const what = tag === ARR ? "an Array of length " + n : map ? "a Map of " + n + " entries" : tag === SET ? "a Set of " + n + " values" : "an Object of " + n + " keys";
            return overLimit(what, n, MAX_ITEMS, "elements in one container", parts());
          }
          if (map) { it = []; call(mapForEach, v, (x, k) => { it.push(k, x); }); n = it.length >> 1; }
          else if (tag === SET) { it = []; call(setForEach, v, (x) => { it.push(x); }); n = it.length; }
          done.set(v, done.size);
          active.add(v);
          put(tag); put(n);
          stack.push({ obj: v, tag, map, it, n, k: 0, part: 0, keyDone: false });
        }
      }
      // find the next value to emit
      let next = false;
      while (stack.length) {
        const f = stack[stack.length - 1];
        if (f.tag === ARR || f.tag === SET) {
          if (f.k < f.n) { f.part = f.k; v = f.it[f.k++]; asKey = f.tag === SET; next = true; break; }
        } else if (f.map) {
          if (f.keyDone) { f.keyDone = false; v = f.it[2 * f.k - 1]; asKey = false; next = true; break; }
          if (f.k < f.n) { v = f.it[2 * f.k]; f.part = keyPart(v); f.keyDone = true; f.k++; asKey = true; next = true; break; }
        } else {
          if (f.keyDone) {
            f.keyDone = false;
            try { v = f.obj[f.part]; }
            catch (e) { return jsError(e, stack.map((g) => g.part)); }
            asKey = false; next = true; break;
          }
          if (f.k < f.n) { f.part = f.it[f.k++]; putStr(f.part); f.keyDone = true; continue; }
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
    try { x = v[k]; } catch (e) { log.push(new Thrown(e)); throw NOT_FAST; }
    log.push(x);
    return x;
  };
  put(value);
  return buf.subarray(0, n);
}

// ---- one read of the value ------------------------------------------------------
// A throwing getter met while copying, kept in place for the tape to report at its path.
// Marked in a WeakSet, not asked with `instanceof`: a revoked or trapping Proxy throws at `instanceof`.
const THROWN = new WeakSet();
class Thrown { constructor(e) { this.e = e; THROWN.add(this); } }  // not plain: the copy keeps it as it is

// `{copy, fast}`: the value with every Array and plain Object copied once
// (each property and element read exactly once, getters included; `toJSON`
// never looked at), shared containers still shared and cycles still cycles;
// anything else stays itself. `fast`: the copy is JSON-shaped (no shared
// container, no other object), so a fast route may try it. Whatever route
// follows reads the copy, never the value again. null when the value is too
// deep (COPY_DEPTH) or too big to copy this way: the tape reads the value
// itself and reports the bound it passes. `log`: what `toMarshal` already read,
// taken in the same order instead of reading the value again.
const COPY_DEPTH = 2000;  // deeper values go to the tape (no JS stack overflow inside a getter)

function snapshotOf(value, log = []) {
  const copies = new Map();
  // json: still JSON text for `JSON.stringify` (MicroPython), checked while copying: what
  // the engine's JSON would spell differently from the tape is not, so no second walk is needed.
  let fast = true, json = JSON_TAPES, count = 0, level = 0, at = 0;
  const replayed = () => at < log.length;  // what `toMarshal` read first is taken from its log
  const leaf = (x) => {  // x is not a container: does it keep the copy JSON-exact?
    switch (typeof x) {
      case "boolean": return;
      case "string": if (x.length > 1024) json = false; return;  // json.loads is slow on long strings: refs
      case "number":
        if (Number.isSafeInteger(x) ? Object.is(x, -0) : !JSON_FLOATS || x !== x || x === Infinity || x === -Infinity || (Number.isInteger(x) && Math.abs(x) < 1e21)) json = false;
        return;
      case "object": return;  // null (a container is copied instead)
      default: json = false;  // undefined (in an Object), BigInt, function, symbol
    }
  };
  const copy = (v) => {
    if (typeof v !== "object" || v === null) { if (json) leaf(v); return v; }
    const known = copies.get(v);
    if (known !== undefined) { fast = false; return known; }
    if (++level > COPY_DEPTH) throw NOT_FAST;
    try { return copyContainer(v); } finally { level--; }
  };
  const copyContainer = (v) => {
    if (Array.isArray(v)) {
      const len = replayed() ? log[at++] : v.length;
      if (len > MAX_ITEMS || (count += len + 1) > MAX_TOTAL) throw NOT_FAST;
      const out = [];
      copies.set(v, out);
      for (let k = 0; k < len; k++) {
        let x;
        try { x = replayed() ? log[at++] : v[k]; } catch (e) { x = new Thrown(e); }
        if (THROWN.has(x)) { out.push(x); fast = false; continue; }
        out.push(x === undefined ? x : copy(x));  // undefined in an Array: JSON null, as the tape gives
      }
      return out;
    }
    // (a plain prototype is never a Map's, Set's or ArrayBuffer's: only a view needs asking)
    if (!isPlain(v) || ArrayBuffer.isView(v)) {
      fast = false;
      return v;
    }
    const keys = replayed() ? log[at++] : Object.keys(v);
    if (keys.length > MAX_ITEMS || (count += keys.length + 1) > MAX_TOTAL) throw NOT_FAST;
    const out = {};
    copies.set(v, out);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      let x;
      try { x = replayed() ? log[at++] : v[key]; } catch (e) { x = new Thrown(e); }
      if (THROWN.has(x)) fast = false;
      x = copy(x);
      if (key.length > 1024) json = false;
      if (key === "__proto__") defineOwn(out, key, x);
      else out[key] = x;
    }
    return out;
  };
  try {
    const copied = copy(value);
    return { copy: copied, fast, json: fast && json };
  } catch (e) {
    return null;  // too deep or too big for the copy, a trap that threw: the tape reports
  }
}

// Pyodide: marshal bytes written while reading the value once (`log` keeps what was read).
function marshalOf(value, log) {
  try {
    return toMarshal(value, log);
  } catch (e) {
    return NOT_PY;  // NOT_FAST: a number or string this route cannot carry exactly
  }
}

// MicroPython: the engine's JSON.stringify of the copy (plain data: no getter, no
// `toJSON` of the value is reached), when `snapshotOf` found it JSON-exact.
function jsonOf(snap) {
  if (!snap.json) return NOT_PY;
  return snap.copy === undefined ? "null" : JSON.stringify(snap.copy);
}

// `to_py(value)` with default keywords: `[2, fast data, again]` (marshal bytes,
// JSON text, or the UTF-8 length of JSON text waiting for `takeText`; `again()` is
// the tape's answer if the interpreter cannot read those), or the tape's answer,
// of the one read of the value.
export function toPyFast(value) {
  value = unbox(value);
  if (!isContainer(value)) return toPy(value, -1);  // a primitive, a typed array, a Map...: only the tape
  const log = [];
  if (!JSON_TAPES) {  // Pyodide: marshal bytes in one read; the copy only where the tape is needed
    const data = marshalOf(value, log);
    if (data !== NOT_PY) return [2, data, () => tapeOf(snapshotOf(value, log), value)];
  }
  const snap = snapshotOf(value, log);
  if (snap === null) return toPy(value, -1);
  const data = jsonOf(snap);
  if (data === NOT_PY) return tapeOf(snap, value);
  const again = () => tapeOf(snap, value);
  if (data.length >= HEAP_TEXT && utf8Out !== null && heap() !== null) {
    pendingText = utf8Out.encode(data);  // (JSON.stringify escapes lone surrogates: well-formed)
    return [2, pendingText.length, again];
  }
  return [2, data, again];
}

// An Array or a plain Object (what the fast routes may carry); false for anything
// else, and for a hostile object whose traps throw when asked.
function isContainer(v) {
  try {
    return Array.isArray(v) || (typeof v === "object" && v !== null && !ArrayBuffer.isView(v) && isPlain(v));
  } catch (e) {
    return false;
  }
}

function tapeOf(snap, value) {
  return snap === null ? toPy(value, -1) : toPy(snap.copy, -1);
}

// MicroPython, long JSON text: `toPyFast` answers its UTF-8 length instead, and
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

