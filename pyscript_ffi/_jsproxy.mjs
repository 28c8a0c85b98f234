// The operations of a JsProxy (pyscript_ffi/_jsproxy.py). Each takes what
// Python holds (a Box or a raw interpreter proxy's JS object, see `unbox`),
// does ONE thing inside try/catch and answers as `out` (./_box.mjs) does:
// never a throw, never a raw JS object.

import { fail, out, outFrom, thisOf, unbox } from "./_box.mjs";
import { unwire } from "./_proxies.mjs";
import { toJs } from "./_to_js.mjs";

// ---- values written to JS --------------------------------------------------
// Python passes values that cross exactly as they are (None may arrive as
// undefined: it means null); the others crossed first as a tape (`prepare`) and
// the operation then gets the marker `PENDING` as its only value.
const PENDING = {};
let written = [];

export function pendingMarker() { return PENDING; }

export function prepareValues(wired) {
  try {
    const [sent, refs] = unwire(wired);
    const built = toJs(sent[1], refs);
    if (built[0] !== 0) {
      if (built[1] === "conversion") return "c" + JSON.stringify([built[3], built[4]]);
      return fail(built[6]);
    }
    written = built[1];
    return 0;
  } catch (e) { return fail(e); }
}

function wrote(a) { return a === undefined ? null : unbox(a); }

function values(args) {
  if (args.length === 1 && args[0] === PENDING) { const p = written; written = []; return p; }
  const vs = new Array(args.length);
  for (let i = 0; i < args.length; i++) vs[i] = wrote(args[i]);
  return vs;
}

// ---- shapes -------------------------------------------------------------------
function isObject(o) { return (typeof o === "object" && o !== null) || typeof o === "function"; }

function isArrayLike(o) {
  if (Array.isArray(o) || (ArrayBuffer.isView(o) && !(o instanceof DataView))) return true;
  return typeof o === "object" && o !== null && !(o instanceof Map) && !(o instanceof Set) && typeof o.length === "number";
}

// ---- operations ---------------------------------------------------------------
// `p.key`: a dunder name (`__x__`, Python's own protocols ask for them) is missing
// unless the object has it (PyScript's terminal hands over `__py_terminal__` so).
export function getProp(b, key) {
  try {
    const o = unbox(b);
    if (key.length > 1 && key.charCodeAt(0) === 95 && key.charCodeAt(1) === 95 && key.endsWith("__")) {
      if (!(isObject(o) && key in o)) return "m";
    }
    const v = o[key];
    if (v === undefined && !(isObject(o) && key in o)) return "m";
    return outFrom(v, o);
  } catch (e) { return fail(e); }
}

// `p[key]`; `withThis`: the key is a Python str (a function read so is called with `this` = `p`).
export function getItem(b, withThis, ...args) {
  try {
    const o = unbox(b), k = values(args)[0];
    let v;
    if (o instanceof Map) {
      if (!o.has(k)) return "m";
      v = o.get(k);
    } else if (typeof k === "number" && Number.isInteger(k) && isArrayLike(o)) {
      const n = o.length, i = k < 0 ? k + n : k;
      if (!(i >= 0 && i < n)) return "m";
      v = o[i];
    } else {
      v = o[k];
      if (v === undefined && !(isObject(o) && k in o)) return "m";
    }
    return withThis ? outFrom(v, o) : out(v);
  } catch (e) { return fail(e); }
}

export function setProp(b, key, ...args) {
  try { unbox(b)[key] = values(args)[0]; return null; } catch (e) { return fail(e); }
}

export function setItem(b, ...args) {
  try {
    const o = unbox(b), [k, v] = values(args);
    if (o instanceof Map) { o.set(k, v); return null; }
    if (typeof k === "number" && Number.isInteger(k) && k < 0 && isArrayLike(o)) {
      const i = k + o.length;
      if (i < 0) return "m";
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
    if (!(isObject(o) && key in o)) return "m";
    delete o[key];
    return null;
  } catch (e) { return fail(e); }
}

export function delItem(b, ...args) {
  try {
    const o = unbox(b), k = values(args)[0];
    if (o instanceof Map || o instanceof Set) return o.delete(k) ? null : "m";
    if (typeof k === "number" && Number.isInteger(k) && isArrayLike(o)) {
      const n = o.length, i = k < 0 ? k + n : k;
      if (i < 0 || i >= n) return "m";
      if (Array.isArray(o)) o.splice(i, 1); else delete o[i];
      return null;
    }
    if (!(isObject(o) && k in o)) return "m";
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
    const o = unbox(b);
    if (o instanceof Map || o instanceof Set) return o.size;
    if (isArrayLike(o)) return out(o.length);
    return "tobject of JS type " + (typeof o === "function" ? "function" : Object.prototype.toString.call(o)) + " has no len()";
  } catch (e) { return fail(e); }
}

export function truthOf(b) {
  try {
    const o = unbox(b);
    if (o instanceof Map || o instanceof Set) return o.size !== 0;
    if (Array.isArray(o) || (ArrayBuffer.isView(o) && !(o instanceof DataView))) return o.length !== 0;
    return true;
  } catch (e) { return fail(e); }
}

export function hasIn(b, ...args) {
  try {
    const o = unbox(b), x = values(args)[0];
    if (o instanceof Map || o instanceof Set) return o.has(x);
    if (isArrayLike(o)) return Array.prototype.includes.call(o, x);
    if (!isObject(o)) return "tin needs an object, not a " + typeof o;
    return x in o;
  } catch (e) { return fail(e); }
}

export function typeOf(b) { return "s" + typeof unbox(b); }

export function instanceOf(b, cls) {
  try { return unbox(b) instanceof unbox(cls); } catch (e) { return fail(e); }
}

export function iterOf(b) {
  try {
    const o = unbox(b);
    if (o instanceof Map) return out(o.keys());
    const f = isObject(o) ? o[Symbol.iterator] : undefined;
    if (typeof f !== "function") return isObject(o) && typeof o.then === "function" ? "p" : "tJS object is not iterable";
    return out(Reflect.apply(f, o, []));
  } catch (e) { return fail(e); }
}

export function nextOf(b) {
  try {
    const r = unbox(b).next();
    return r.done ? "d" : out(r.value);
  } catch (e) { return fail(e); }
}

export function aiterOf(b) {
  try {
    const o = unbox(b);
    const f = isObject(o) ? o[Symbol.asyncIterator] : undefined;
    if (typeof f !== "function") return "tJS object is not async iterable";
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
    try { return r.v.done ? "d" : out(r.v.value); } catch (e) { return fail(e); }
  });
}

export function awaitOf(b) { return settleOut(() => unbox(b)); }

export function reprOf(b) {
  const o = unbox(b);
  try { return "s" + String(o); } catch (_) {
    try { return "s[object " + (typeof o) + "]"; } catch (_e) { return "s[object]"; }
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

// The JS value itself, for `JsProxy.unwrap` (the interpreter converts it its own way).
export function unboxed(b) { return unbox(b); }

