// Guarded calls into arbitrary JS (pyscript_ffi/_calls.py): a throw or a
// rejection comes back as an error record, never as a JS exception.

import { outFrom, thisOf, unbox } from "./_box.mjs";
import { jsError } from "./_errors.mjs";
import { unwire } from "./_proxies.mjs";
import { toJs } from "./_to_js.mjs";
import { toPy } from "./_to_py.mjs";

// ---- guarded calls: a JS throw comes back as an error record --------------
// A result crosses as a depth-0 tape: primitives exact, objects as refs.
export function callFn(fn, self, wired) {
  const [sent, refs] = unwire(wired);
  const built = toJs(sent[1], refs);
  if (built[0] !== 0) return built;
  let v;
  try { v = Reflect.apply(unbox(fn), self === null || self === undefined ? thisOf(fn) : unbox(self), built[1]); } catch (e) { return jsError(e, null); }
  return toPy(v, 0);
}

export function callMethod(obj, name, wired) {
  const [sent, refs] = unwire(wired);
  const built = toJs(sent[1], refs);
  if (built[0] !== 0) return built;
  let v;
  try {
    const fn = unbox(obj)[name];
    if (typeof fn !== "function") throw new TypeError(JSON.stringify(String(name)) + " is not a function but " + (fn === null ? "null" : typeof fn));
    v = Reflect.apply(fn, unbox(obj), built[1]);
  } catch (e) { return jsError(e, null); }
  return toPy(v, 0);
}

export function construct(cls, wired) {
  const [sent, refs] = unwire(wired);
  const built = toJs(sent[1], refs);
  if (built[0] !== 0) return built;
  let v;
  try { v = Reflect.construct(unbox(cls), built[1]); } catch (e) { return jsError(e, null); }
  return toPy(v, 0);
}

export function settledError(e) { return jsError(e, null); }

// MicroPython >= 1.26 hands `obj.method` to Python as a bound_method; this is
// the JS function its repr names, from the port's table of JsProxy refs, as a
// handle (`outFrom`: a Box carrying the object as `this`), or null without that table.
export function boundParts(fnRef, selfRef) {
  const table = globalThis.proxy_js_ref;
  if (!Array.isArray(table)) return null;
  return outFrom(table[fnRef], selfRef < 0 ? undefined : table[selfRef]);
}

// A promise that never rejects: it resolves to [0, tape, refs] or an error record.
export function settled(value) {
  try {
    return Promise.resolve(unbox(value)).then((v) => toPy(v, 0), (e) => jsError(e, null));
  } catch (e) { return Promise.resolve(jsError(e, null)); }
}
