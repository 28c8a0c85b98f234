// How a JS value read by the package reaches Python (pyscript_ffi/_jsproxy.py):
// `out(v)` is ONE value that every interpreter's own conversion takes without
// probing anything a JS value could trap or throw in:
//   null/undefined -> the value the interpreter reads as None (MicroPython: null,
//   Pyodide: undefined, as Pyodide >= 0.28 reads null as `jsnull`); booleans; int32 numbers (not -0) and non-integral
//   numbers, NaN and the infinities as they are; every other number, BigInts and
//   strings as text carriers ("i" + decimal integer, "F" + decimal integer of an
//   integral double beyond 2**53 - 1, "z" for -0, "s" + the string); any other
//   value (objects, functions, symbols, revoked or trapping Proxies) in a `Box`,
//   an ordinary object the interpreter may probe safely. Failures are text too:
//   "e" + JSON [name, message] (the thrown value waits in `lastThrown`), "m"
//   (missing property, key or index), "t" + message (a Python TypeError), "d"
//   (an iterator is done).
// `unbox(x)` is what Python handed back: a Box's value, or x itself (an
// interpreter's raw proxy crosses as its JS object).

import { JSON_TAPES, SHARED_REFS } from "./_tape.mjs";

// `[name, message]` of any thrown value, never throwing itself: an Error's own
// fields, a primitive as `[typeof, String(value)]`, hostile getters ignored.
export function describe(e) {
  if (e !== null && (typeof e === "object" || typeof e === "function")) {
    let name = "Error", message = "";
    try { name = String(e.name === undefined ? (e.constructor && e.constructor.name) || "Error" : e.name); } catch (_) { /* keep "Error" */ }
    try { message = String(e.message === undefined ? "" : e.message); } catch (_) { /* keep "" */ }
    return [name, message];
  }
  let text;
  try { text = String(e); } catch (_) { text = typeof e; }
  return [typeof e, text];
}

// `t`: the object `v` was read from (`this` when `v` is called, see
// `outFrom`); undefined otherwise.
class Box {
  constructor(v) { this.v = v; this.t = undefined; }
}

let globalHandle = null;

export function learnGlobal(handle) { globalHandle = handle; return 0; }

// The holders of written callables' weak JS functions, as Python holds them
// (`writtenProxy` in _proxies.mjs): `toJs` puts `get()`, the live function, in
// a holder's place.
export const weakHolders = new WeakSet();

export function unbox(x) {
  if (x === null || typeof x !== "object") return x;
  if (x === globalHandle) return globalThis;  // the handle of `js` (see _bridge.py)
  try { return x instanceof Box ? x.v : x; } catch (_) { return x; }  // a hostile raw proxy is itself
}

// `out(v)` of a value read from the object `o`: a Box remembers `o` as the
// `this` of a call (`p.method(...)` calls with `this` = `p`).
export function outFrom(v, o) {
  const r = out(v);
  if (r instanceof Box) r.t = o;
  return r;
}

// The `this` a handle carries for a call: the object a Box's value was read from.
export function thisOf(x) {
  try { return x instanceof Box ? x.t : undefined; } catch (_) { return undefined; }
}

// `handOut(v)`: the JS value `v` is about to reach Python as itself, the
// interpreter's own proxy of it (`JsProxy.unwrap`, a `to_js` result): null when
// it may, else the error to raise instead. The interpreter's conversion probes an
// object outside any try (MicroPython: its prototype chain for `instanceof
// PyProxy`, `"_ref" in fn`), so a value whose probe throws or never ends (a
// revoked or trapping Proxy) or that would pass for a Python proxy (a function
// carrying `_ref`) is refused, on every interpreter alike. With SHARED_REFS
// (MicroPython 1.26) the port would give that proxy the ref of any proxy Python
// already holds for `v` and free it when either is collected: the port's map from
// objects to refs forgets `v`, so its proxy gets a ref of its own.
const PROTO_STEPS = 10000;

export function handOut(v) {
  if (v === null || (typeof v !== "object" && typeof v !== "function")) return null;
  try {
    let o = v, n = 0;
    while (o !== null && n++ < PROTO_STEPS) o = Object.getPrototypeOf(o);
    if (o !== null) return new TypeError("a JS object whose prototype chain never ends cannot be handed to Python as itself");
    if (typeof v === "function" && "_ref" in v) return new TypeError("a JS function carrying a _ref property cannot be handed to Python as itself");
  } catch (e) { return e; }
  if (SHARED_REFS) {
    try { globalThis.proxy_js_ref_map.delete(v); } catch (_) { /* no such map: nothing shared */ }
  }
  return null;
}

let thrown = null;

// A proxy of a Python object goes back as itself: the interpreter turns it into
// that object. `learnPyProxy(sample)` is told what one looks like, once.
let pyodideProxies = false, pyProto = null;

export function learnPyProxy(sample) {
  try { pyodideProxies = typeof sample.$$flags === "number"; } catch (_) { pyodideProxies = false; }  // MicroPython's throws
  pyProto = pyodideProxies ? null : Object.getPrototypeOf(sample);
  return 0;
}

function isPyProxy(v) {
  try { return pyodideProxies ? typeof v.$$flags === "number" : Object.getPrototypeOf(v) === pyProto; } catch (_) { return false; }
}

function none() { return JSON_TAPES ? null : undefined; }

export function out(v) {
  switch (typeof v) {
    case "string": return "s" + v;
    case "number":
      if ((v | 0) === v) return Object.is(v, -0) ? "z" : v;
      if (!Number.isInteger(v)) return v;
      return (Number.isSafeInteger(v) ? "i" : "F") + BigInt(v).toString();
    case "boolean": return v;
    case "undefined": return none();
    case "bigint": return "i" + v.toString();
    case "object": if (v === null) return none(); return isPyProxy(v) ? v : new Box(v);
    default: return typeof v === "function" && isPyProxy(v) ? v : new Box(v);  // Pyodide's are functions
  }
}

export function fail(e) {
  thrown = e;
  return "e" + JSON.stringify(describe(e));
}

// The value thrown by the last failure, as `out` gives it (JsException.error).
export function lastThrown() {
  const e = thrown;
  thrown = null;
  return out(e);
}
