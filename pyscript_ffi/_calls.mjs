// Guarded calls into arbitrary JS (pyscript_ffi/_calls.py): a throw or a
// rejection comes back as an error record, never as a JS exception.

import { thisOf, unbox } from "./_box.mjs";
import { unwire } from "./_bridge.mjs";
import { jsError } from "./_errors.mjs";
import { OK } from "./_protocol.mjs";
import { toJs } from "./_to_js.mjs";
import { toPy } from "./_to_py.mjs";

// ---- guarded calls: a JS throw comes back as an error record --------------
// A result crosses as a depth-0 tape: primitives exact, objects as refs.
export function callFn(fn, self, wired) {
  const [sent, refs] = unwire(wired);
  const built = toJs(sent[1], refs);
  if (built[0] !== OK) return built;
  let v;
  try { v = Reflect.apply(unbox(fn), self === null || self === undefined ? thisOf(fn) : unbox(self), built[1]); } catch (e) { return jsError(e, null); }
  return toPy(v, 0);
}

export function callMethod(obj, name, wired) {
  const [sent, refs] = unwire(wired);
  const built = toJs(sent[1], refs);
  if (built[0] !== OK) return built;
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
  if (built[0] !== OK) return built;
  let v;
  try { v = Reflect.construct(unbox(cls), built[1]); } catch (e) { return jsError(e, null); }
  return toPy(v, 0);
}

export function settledError(e) { return jsError(e, null); }

// A promise that never rejects: it resolves to [OK, tape, refs] or an error record.
export function settled(value) {
  try {
    return Promise.resolve(unbox(value)).then((v) => toPy(v, 0), (e) => jsError(e, null));
  } catch (e) { return Promise.resolve(jsError(e, null)); }
}
