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
//   (an iterator is done). A JS function the package made for a Python callable
//   (`makeProxy`) reads back as that callable: "y" + its token.
// `unbox(x)` is what Python handed back: a Box's value, or x itself (an
// interpreter's raw proxy crosses as its JS object).

import { JSON_TAPES } from "./_tape.mjs";

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

// The live JS functions made for Python callables (`makeProxy`) -> their tokens:
// `out` hands Python the callable itself ("y" + token), as the interpreters do
// with a proxy of a Python object.
export const pyFunctions = new WeakMap();

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

// A proxy of a Python object, as a helper returns it to Python: Pyodide destroys a
// PyProxy that a JS call returns (once it has the object), so it gets a copy and the
// one JS holds stays alive (a Python object stored in JS reads back every time).
function returned(v) {
  if (!pyodideProxies) return v;
  try { return v.copy(); } catch (_) { return new Box(v); }  // destroyed already: a JsProxy of it
}

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
    case "object": if (v === null) return none(); return isPyProxy(v) ? returned(v) : new Box(v);
    case "function": {
      const token = pyFunctions.get(v);
      if (token !== undefined) return "y" + token;
      return isPyProxy(v) ? returned(v) : new Box(v);  // Pyodide's PyProxies are functions
    }
    default: return new Box(v);
  }
}

// A JS object or function as it goes into a tape's refs: a proxy of a Python
// object as itself (Pyodide's are functions), anything else in a Box.
export function boxed(v) {
  return isPyProxy(v) ? v : new Box(v);
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
