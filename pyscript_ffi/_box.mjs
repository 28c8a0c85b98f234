// How a JS value read by the package reaches Python (pyscript_ffi/_jsproxy.py):
// `out(v)` is ONE value that every interpreter's own conversion takes without
// probing anything a JS value could trap or throw in:
//   null/undefined -> the value the interpreter reads as None (MicroPython: null,
//   Pyodide: undefined, as Pyodide >= 0.28 reads null as `jsnull`); booleans; int32 numbers (not -0) and non-integral
//   numbers, NaN and the infinities as they are; every other number, BigInts and
//   strings as text carriers (A_INT "i" + decimal integer, A_BIGFLOAT "F" +
//   decimal integer of an integral double beyond 2**53 - 1, A_NEGZERO "z" for
//   -0, A_BIGINT "b" + decimal BigInt, A_STR "s" + the string; on MicroPython a
//   string holding a lone surrogate as A_JSON_STR "j" + its JSON text, which the
//   port's own conversion would alter); any other value (objects, functions,
//   symbols, revoked or trapping Proxies) in a `Box`, an ordinary object the
//   interpreter may probe safely. Failures and the other answers are text too
//   (every letter is in _protocol.mjs): A_FAILED "e" + JSON [name, message] (the
//   thrown value waits in `lastThrown`), A_MISSING "m", A_TYPEERROR "t" + message, A_DONE "d"... A JS function the package made for a
//   Python callable (`makeProxy`) reads back as that callable: A_CALLABLE "y" + its token.
// `unbox(x)` is what Python handed back: a Box's value, or x itself (an
// interpreter's raw proxy crosses as its JS object).

import { A_BIGFLOAT, A_BIGINT, A_CALLABLE, A_FAILED, A_INT, A_JSON_STR, A_NAN, A_NEGZERO, A_STR } from "./_protocol.mjs";
import { wellFormed } from "./_strings.mjs";
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
  // `r`: the reads of this handle's properties that answered a Box (see `readOf`)
  constructor(v) { this.v = v; this.t = undefined; this.r = undefined; }
}

let globalHandle = null;
let globalReads = null;  // `readOf`'s Map for `js`, the global handle

// `p.key`'s answer for the value `v` read from `o`, the object of handle `b`
// (`o = unbox(b)`: a handle other than `js`'s is a Box exactly when `o !== b`,
// asked so without touching a raw proxy's traps again):
// an object or function that the last read of `key` through `b` answered as a
// Box answers NaN ("the same again", a number every interpreter converts
// cheaply; a NaN read is A_NAN), and Python gives the JsProxy it made for that
// Box again (no new handle, no new proxy in the interpreter). Each handle
// remembers the Box its last read of a key answered (only a Box; any other
// answer forgets the key), as its one JsProxy does (`_js_reads` in
// _jsproxy.py). `fresh`: a new Box even for the same object.
export function readOf(b, key, v, o, fresh = false) {
  if (v !== v) return A_NAN;
  let reads = null;
  if (b === globalHandle) reads = globalReads ??= new Map();
  else if (o !== b) reads = b.r ??= new Map();
  if (reads === null) return outFrom(v, o);
  if ((typeof v === "object" && v !== null) || typeof v === "function") {
    const last = reads.get(key);
    if (!fresh && last !== undefined && last.v === v) return NaN;
    const r = outFrom(v, o);
    if (r instanceof Box) reads.set(key, r); else reads.delete(key);
    return r;
  }
  if (reads.size !== 0) reads.delete(key);
  return out(v);
}

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

// The carrier of a string: MicroPython's port encodes a lone surrogate together
// with the code unit after it (1.24, 1.25: Emscripten's older stringToUTF8) and
// counts it as 4 bytes where it writes 3 (every version: lengthBytesUTF8), so
// there such a string crosses as JSON text (`\ud800`), which json.loads reads exactly.
export function text(s) { return JSON_TAPES && !wellFormed(s) ? A_JSON_STR + JSON.stringify(s) : A_STR + s; }

// A proxy of a Python object, as a helper returns it to Python: Pyodide destroys a
// PyProxy that a JS call returns (once it has the object), so it gets a copy and the
// one JS holds stays alive (a Python object stored in JS reads back every time).
function returned(v) {
  if (!pyodideProxies) return v;
  try { return v.copy(); } catch (_) { return new Box(v); }  // destroyed already: a JsProxy of it
}

export function out(v) {
  switch (typeof v) {
    case "string": return text(v);
    case "number":
      if ((v | 0) === v) return Object.is(v, -0) ? A_NEGZERO : v;
      if (!Number.isInteger(v)) return v;
      return (Number.isSafeInteger(v) ? A_INT : A_BIGFLOAT) + BigInt(v).toString();
    case "boolean": return v;
    case "undefined": return none();
    case "bigint": return A_BIGINT + v.toString();
    case "object": if (v === null) return none(); return isPyProxy(v) ? returned(v) : new Box(v);
    case "function": {
      const token = pyFunctions.get(v);
      if (token !== undefined) return A_CALLABLE + token;
      return isPyProxy(v) ? returned(v) : new Box(v);  // Pyodide's PyProxies are functions
    }
    default: return new Box(v);
  }
}

// `v` in a Box whatever it is (a proxy of a Python object included): `to_js(x, depth=0)`.
export function boxed(v) { return new Box(v); }

// A JS object or function as it goes into a tape's refs: a proxy of a Python
// object as itself (Pyodide's are functions), anything else in a Box.
export function refOf(v) {
  return isPyProxy(v) ? v : new Box(v);
}

export function fail(e) {
  thrown = e;
  return A_FAILED + JSON.stringify(describe(e));
}

// The value thrown by the last failure, as `out` gives it (JsException.error).
export function lastThrown() {
  const e = thrown;
  thrown = null;
  return out(e);
}
