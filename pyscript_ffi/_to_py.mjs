// JS -> Python (pyscript_ffi/_to_py.py): `toPy` flattens a JS value into a tape;
// `toPyFast` reads the value once, then takes the interpreter's fast route for
// JSON-shaped data (`backendJs`: marshal bytes from _pyodide.mjs, JSON text
// from _micropython.mjs) or the tape.

import { codeOf } from "./_binary.mjs";
import { refOf, unbox } from "./_box.mjs";
import { conversionError, jsError } from "./_errors.mjs";
import { backendJs } from "./_hooks.mjs";
import { A_BYTES, FAST, OK } from "./_protocol.mjs";
import { MAX_DEPTH, MAX_ITEMS, MAX_TOTAL, NOT_FAST, THROWN, defineOwn, isPlain, thrownBy } from "./_shapes.mjs";
import { spell, toBase64, wellFormed } from "./_strings.mjs";
import {
  AGAIN, ARR, BIG, BYTES, FALSE, FLOAT, INF, INT, JSON_FLOATS, JSON_TAPES, NAN, NEGZERO, NINF, NULL, OBJ, OTHER, REF,
  SET, STR, TRUE, TYPED,
} from "./_tape.mjs";

// ---- JS -> Python: flatten a value into a tape ------------------------------
const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);  // a double as its two 32-bit words

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
  // JSON tapes: long strings go by reference (MicroPython's json.loads slows down badly on them),
  // but one holding a lone surrogate stays in the JSON text (see `text` in _box.mjs)
  const putStr = (s) => { if (JSON_TAPES && s.length > 1024 && wellFormed(s)) { put(REF); put(refs.length); refs.push(s); } else { put(STR); put(s); } };
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
      else if (t !== "object") { put(OTHER); put(refs.length); refs.push(refOf(v)); }
      else if (asKey) { put(REF); put(refs.length); refs.push(refOf(v)); }
      else if (THROWN.has(v)) return jsError(v.e, stack.map((f) => f.part));
      else if (depth >= 0 && stack.length >= depth) { put(REF); put(refs.length); refs.push(refOf(v)); }
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
        else { put(OTHER); put(refs.length); refs.push(refOf(v)); tag = -1; }
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
      if (!next) return [OK, JSON_TAPES ? JSON.stringify(tape) : tape, refs];
    }
  } catch (e) {
    return jsError(e, stack.map((f) => f.part));
  }
}

// ---- one read of the value ------------------------------------------------------
// `{copy, fast}`: the value with every Array and plain Object copied once
// (each property and element read exactly once, getters included; `toJSON`
// never looked at), shared containers still shared and cycles still cycles;
// anything else stays itself. `fast`: the copy is JSON-shaped (no shared
// container, no other object), so a fast route may try it. Whatever route
// follows reads the copy, never the value again. null when the value is too
// deep (COPY_DEPTH) or too big to copy this way: the tape reads the value
// itself and reports the bound it passes. `log`: what `readFast` already read,
// taken in the same order instead of reading the value again.
const COPY_DEPTH = 2000;  // deeper values go to the tape (no JS stack overflow inside a getter)

function snapshotOf(value, log = []) {
  const copies = new Map();
  // json: still JSON text for `JSON.stringify` (MicroPython), checked while copying: what
  // the engine's JSON would spell differently from the tape is not, so no second walk is needed.
  let fast = true, json = JSON_TAPES, count = 0, level = 0, at = 0;
  const replayed = () => at < log.length;  // what `readFast` read first is taken from its log
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
        try { x = replayed() ? log[at++] : v[k]; } catch (e) { x = thrownBy(e); }
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
      try { x = replayed() ? log[at++] : v[key]; } catch (e) { x = thrownBy(e); }
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

// `to_py(value)` with default keywords: `[FAST, data, again]` (the backend's
// fast data: marshal bytes, JSON text, or the UTF-8 length of JSON text waiting
// for `takeText`; `again()` is the tape's answer if the interpreter cannot read
// those), or the tape's answer, of the one read of the value.
// A byte buffer (Uint8Array, Uint8ClampedArray, DataView) of at most SMALL_BYTES
// crosses as base64 text in the one answer (A_BYTES), no tape, no ref.
const SMALL_BYTES = 1024;

function smallBytes(value) {
  try {
    if (!ArrayBuffer.isView(value) || codeOf(value) !== null) return null;
    const bytes = toBytes(value);
    return bytes.length <= SMALL_BYTES ? A_BYTES + toBase64(bytes) : null;
  } catch (_) { return null; }  // (the tape says what went wrong)
}

export function toPyFast(value) {
  value = unbox(value);
  const small = smallBytes(value);
  if (small !== null) return small;
  if (!isContainer(value)) return toPy(value, -1);  // a primitive, a typed array, a Map...: only the tape
  const log = [];
  const early = backendJs.readFast(value, log);  // Pyodide: marshal bytes in one read; the copy only where the tape is needed
  if (early !== NOT_FAST) return [FAST, early, () => tapeOf(snapshotOf(value, log), value)];
  const snap = snapshotOf(value, log);
  if (snap === null) return toPy(value, -1);
  const data = snap.json ? backendJs.copyFast(snap.copy) : NOT_FAST;  // MicroPython: JSON text of the copy
  if (data === NOT_FAST) return tapeOf(snap, value);
  return [FAST, data, () => tapeOf(snap, value)];
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
