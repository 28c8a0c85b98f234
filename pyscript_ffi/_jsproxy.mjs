// The operations of a JsProxy (pyscript_ffi/_jsproxy.py). Each takes what
// Python holds (a Box or a raw interpreter proxy's JS object, see `unbox`),
// does ONE thing inside try/catch and answers as `out` (./_box.mjs) does:
// never a throw, never a raw JS object.

import { fail, handOut, out, outFrom, readOf, text, thisOf, unbox } from "./_box.mjs";
import { PENDING, takeWritten } from "./_bridge.mjs";
import { A_CHUNK, A_DONE, A_MISSING, A_STR, A_THENABLE, A_TYPEERROR } from "./_protocol.mjs";
import { wellFormed } from "./_strings.mjs";
import { JSON_FLOATS } from "./_tape.mjs";

// ---- values written to JS --------------------------------------------------
// Python passes values that cross exactly as they are (None may arrive as
// undefined: it means null); the others crossed first as a tape
// (`prepareValues` in _to_js.mjs) and the operation then gets the marker
// PENDING (_bridge.mjs) as its only value.
function wrote(a) { return a === undefined ? null : unbox(a); }

function values(args) {
  if (args.length === 1 && args[0] === PENDING) return takeWritten();
  const vs = new Array(args.length);
  for (let i = 0; i < args.length; i++) vs[i] = wrote(args[i]);
  return vs;
}

// ---- shapes -------------------------------------------------------------------
// A shape test touches only what the operation's own JS meaning touches: it
// never reports an error of its own (`instanceof` asks a Proxy's getPrototypeOf
// trap: one that throws is no Map or Set), and `in` asks `"length" in o` (the
// has trap, as `x in o` itself) before it reads `length`.
const IS_MAP = 1, IS_SET = 2;

function isObject(o) { return (typeof o === "object" && o !== null) || typeof o === "function"; }

function isList(o) { return Array.isArray(o) || (ArrayBuffer.isView(o) && !(o instanceof DataView)); }

// IS_MAP, IS_SET or 0 (an Array or a typed array is neither: no prototype asked).
function kindOf(o) {
  try { return isList(o) ? 0 : o instanceof Map ? IS_MAP : o instanceof Set ? IS_SET : 0; } catch (_) { return 0; }
}

// An Array, a typed array, or an object (not a Map or Set: `kind` 0) with a numeric `length`.
function isArrayLike(o, kind) {
  return isList(o) || (kind === 0 && typeof o === "object" && o !== null && typeof o.length === "number");
}

// ---- operations ---------------------------------------------------------------
// `p.key`: a dunder name (`__x__`, Python's own protocols ask for them) is missing
// unless the object has it (PyScript's terminal hands over `__py_terminal__` so).
export function getProp(b, key) {
  try {
    const o = unbox(b);
    if (key.length > 1 && key.charCodeAt(0) === 95 && key.charCodeAt(1) === 95 && key.endsWith("__")) {
      if (!(isObject(o) && key in o)) return A_MISSING;
    }
    const v = o[key];
    if (v === undefined && !(isObject(o) && key in o)) return A_MISSING;
    return readOf(b, key, v, o);
  } catch (e) { return fail(e); }
}

// `p.key` answered as a new Box whatever the last read gave (and remembered so):
// for a JsProxy whose handle another JsProxy made the last read through.
export function getPropAgain(b, key) {
  try {
    const o = unbox(b), v = o[key];
    if (v === undefined && !(isObject(o) && key in o)) return A_MISSING;
    return readOf(b, key, v, o, true);
  } catch (e) { return fail(e); }
}

// `p[key]`; `withThis`: the key is a Python str (a function read so is called with `this` = `p`).
export function getItem(b, withThis, ...args) {
  try {
    const o = unbox(b), k = values(args)[0], kind = kindOf(o);
    let v;
    if (kind === IS_MAP) {
      if (!o.has(k)) return A_MISSING;
      v = o.get(k);
    } else if (typeof k === "number" && Number.isInteger(k) && isArrayLike(o, kind)) {
      const n = o.length, i = k < 0 ? k + n : k;
      if (!(i >= 0 && i < n)) return A_MISSING;
      v = o[i];
    } else {
      v = o[k];
      if (v === undefined && !(isObject(o) && k in o)) return A_MISSING;
    }
    return withThis ? outFrom(v, o) : out(v);
  } catch (e) { return fail(e); }
}

export function setProp(b, key, ...args) {
  try { unbox(b)[key] = values(args)[0]; return null; } catch (e) { return fail(e); }
}

export function setItem(b, ...args) {
  try {
    const o = unbox(b), [k, v] = values(args), kind = kindOf(o);
    if (kind === IS_MAP) { o.set(k, v); return null; }
    if (typeof k === "number" && Number.isInteger(k) && k < 0 && isArrayLike(o, kind)) {
      const i = k + o.length;
      if (i < 0) return A_MISSING;
      o[i] = v;
      return null;
    }
    o[k] = v;
    return null;
  } catch (e) { return fail(e); }
}

export function delProp(b, key) {
  try {
    const o = unbox(b);
    if (!(isObject(o) && key in o)) return A_MISSING;
    delete o[key];
    return null;
  } catch (e) { return fail(e); }
}

export function delItem(b, ...args) {
  try {
    const o = unbox(b), k = values(args)[0], kind = kindOf(o);
    if (kind !== 0) return o.delete(k) ? null : A_MISSING;
    if (typeof k === "number" && Number.isInteger(k) && isArrayLike(o, kind)) {
      const n = o.length, i = k < 0 ? k + n : k;
      if (i < 0 || i >= n) return A_MISSING;
      if (Array.isArray(o)) o.splice(i, 1); else delete o[i];
      return null;
    }
    if (!(isObject(o) && k in o)) return A_MISSING;
    delete o[k];
    return null;
  } catch (e) { return fail(e); }
}

// `p(...)`: `this` is what the handle carries (`thisOf`).
export function callWith(fb, ...args) {
  try { return out(Reflect.apply(unbox(fb), thisOf(fb), values(args))); } catch (e) { return fail(e); }
}

export function newWith(fb, ...args) {
  try { return out(Reflect.construct(unbox(fb), values(args))); } catch (e) { return fail(e); }
}

export function lenOf(b) {
  try {
    const o = unbox(b), kind = kindOf(o);
    if (kind !== 0) return o.size;
    if (isArrayLike(o, kind)) return out(o.length);
    return A_TYPEERROR + "object of JS type " + (typeof o === "function" ? "function" : Object.prototype.toString.call(o)) + " has no len()";
  } catch (e) { return fail(e); }
}

export function truthOf(b) {
  try {
    const o = unbox(b);
    if (isList(o)) return o.length !== 0;
    const kind = kindOf(o);
    return kind === 0 || o.size !== 0;
  } catch (e) { return fail(e); }
}

export function hasIn(b, ...args) {
  try {
    const o = unbox(b), x = values(args)[0], kind = kindOf(o);
    if (kind !== 0) return o.has(x);
    if (isList(o) || (typeof o === "object" && o !== null && "length" in o && typeof o.length === "number")) {
      return Array.prototype.includes.call(o, x);
    }
    if (!isObject(o)) return A_TYPEERROR + "in needs an object, not a " + typeof o;
    return x in o;
  } catch (e) { return fail(e); }
}

export function typeOf(b) { return A_STR + typeof unbox(b); }

export function instanceOf(b, cls) {
  try { return unbox(b) instanceof unbox(cls); } catch (e) { return fail(e); }
}

// ---- iteration ---------------------------------------------------------------
// An object iterated with Array's own iterator (an Array, and what the DOM gives:
// NodeList, DOMTokenList, HTMLCollection...) is read ahead in chunks (SPEC:
// iteration may fetch ahead): a run of values that JSON carries exactly answers
// as ONE A_CHUNK text, the first chunk small, the next ones larger. The reads are
// those of Array's iterator (`length` as ToLength, then each index), some made
// earlier; a value JSON does not carry, or a read that throws, ends a chunk (the
// throw then comes at its own place). Any other iterator steps one value per call.
const arrayValues = Array.prototype[Symbol.iterator];
const chunked = new WeakMap();  // the iterator handed to Python -> its state
const FIRST_CHUNK = 16, MAX_CHUNK = 4096;

export function iterOf(b) {
  try {
    const o = unbox(b);
    if (kindOf(o) === IS_MAP) return out(o.keys());
    const f = isObject(o) ? o[Symbol.iterator] : undefined;
    if (typeof f !== "function") return isObject(o) && typeof o.then === "function" ? A_THENABLE : A_TYPEERROR + "JS object is not iterable";
    if (f === arrayValues) {
      const it = {};
      chunked.set(it, { a: o, i: 0, n: FIRST_CHUNK, ahead: false, next: undefined, done: false });
      return out(it);
    }
    return out(Reflect.apply(f, o, []));
  } catch (e) { return fail(e); }
}

// Carried exactly by JSON and json.loads, as `out` would answer it.
function jsonExact(v) {
  switch (typeof v) {
    case "boolean": case "undefined": return true;
    case "number":
      if (Number.isSafeInteger(v)) return !Object.is(v, -0);
      return JSON_FLOATS && Number.isFinite(v) && !Number.isInteger(v);
    case "string": return wellFormed(v);
    case "object": return v === null;
    default: return false;
  }
}

function lengthOf(a) {
  const n = +a.length;
  return n > 0 ? Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER) : 0;
}

function nextChunk(c) {
  if (c.done) return A_DONE;
  const a = c.a;
  let v;
  if (c.ahead) { v = c.next; c.ahead = false; c.next = undefined; }
  else {
    if (c.i >= lengthOf(a)) { c.done = true; return A_DONE; }
    v = a[c.i];
  }
  c.i++;
  if (!jsonExact(v)) return out(v);
  const run = [v];
  try {
    const end = Math.min(lengthOf(a), c.i - 1 + c.n);
    while (c.i < end) {
      const w = a[c.i];
      if (!jsonExact(w)) { c.ahead = true; c.next = w; break; }
      run.push(w);
      c.i++;
    }
  } catch (_) { /* read again at its own place, and thrown there */ }
  c.n = Math.min(c.n * 4, MAX_CHUNK);
  return run.length === 1 ? out(v) : A_CHUNK + JSON.stringify(run);
}

export function nextOf(b) {
  try {
    const it = unbox(b), c = chunked.get(it);
    if (c !== undefined) return nextChunk(c);
    const r = it.next();
    return r.done ? A_DONE : out(r.value);
  } catch (e) { return fail(e); }
}

export function aiterOf(b) {
  try {
    const o = unbox(b);
    const f = isObject(o) ? o[Symbol.asyncIterator] : undefined;
    if (typeof f !== "function") return A_TYPEERROR + "JS object is not async iterable";
    return out(Reflect.apply(f, o, []));
  } catch (e) { return fail(e); }
}

// A promise that never rejects, of what `out` gives for the settled value.
function settleOut(thunk) {
  try {
    return Promise.resolve(thunk()).then(out, fail);
  } catch (e) { return Promise.resolve(fail(e)); }
}

export function anextOf(b) {
  return settleOut(() => unbox(b).next()).then((r) => {
    if (typeof r === "string" || r === null || typeof r !== "object") return r;
    try { return r.v.done ? A_DONE : out(r.v.value); } catch (e) { return fail(e); }
  });
}

export function awaitOf(b) { return settleOut(() => unbox(b)); }

export function reprOf(b) {
  const o = unbox(b);
  try { return text(String(o)); } catch (_) {
    try { return A_STR + "[object " + (typeof o) + "]"; } catch (_e) { return A_STR + "[object]"; }
  }
}

const ids = new WeakMap();
const symbolIds = new Map();
let nextId = 1;

export function idOf(b) {
  const o = unbox(b);
  const table = typeof o === "symbol" ? symbolIds : ids;
  let id = table.get(o);
  if (id === undefined) { id = nextId++; table.set(o, id); }
  return id;
}

// A handle as `out` gives one (Python learns the type its interpreter gives handles).
export function boxSample() { return out({}); }

// The JS value itself, for `JsProxy.unwrap` (the interpreter converts it its own
// way), or a failure where it cannot be handed out (`handOut`).
export function unboxed(b) {
  const v = unbox(b), refused = handOut(v);
  return refused === null ? v : fail(refused);
}

