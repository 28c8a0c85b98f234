// JS functions that call Python callables (pyscript_ffi/_proxies.py).

import { handOut, out, pyFunctions, refOf, weakHolders } from "./_box.mjs";
import { unwire } from "./_bridge.mjs";
import {
  MESSAGE, NAME, OK, PATH, PROMISE, RAISED_MESSAGE, RAISED_TYPE, THROWN_VALUE,
} from "./_protocol.mjs";
import { wellFormed } from "./_strings.mjs";
import { JSON_TAPES } from "./_tape.mjs";
import { toJs } from "./_to_js.mjs";
import { toPy } from "./_to_py.mjs";

// ---- proxies of Python callables -------------------------------------------
// ONE pair of Python functions serves every proxy (so no interpreter-level
// proxy is made or freed per callable):
//   dispatch(token, ...plainArgs) runs the callable `token` with arguments every
//     interpreter converts exactly (see `plainArgs`); dispatchBoxed(token,
//     ...boxedArgs) with JS objects among them, each in a Box; dispatchTape(token,
//     argsTape, argsRefs) with arguments that cross as a tape. Both reply with a
//     number, boolean or None (-> null) as it is, A_STR "s" + a string, or (see
//     `unwire`, _bridge.mjs) [OK, resultTape], [FAILED, pythonTypeName, message]
//     (it raised) or [PROMISE, promiseId] (it gave an awaitable: resolvePromise
//     settles it later);
//   dispatchTape(-1, tokensJson) tells Python these proxies are gone. Releases are
//     batched (`flushReleased`, also before Python counts proxies), so
//     destroying a proxy costs no call into Python.
let dispatch = null;
let dispatchTape = null;
let dispatchBoxed = null;
let live = 0;
let released = [];

function releaseLater(token) {
  released.push(token);
  if (released.length >= 256) flushReleased();
}

export function flushReleased() {
  if (released.length > 0) {
    const tokens = released;
    released = [];
    dispatchTape(-1, JSON.stringify(tokens), null);
  }
  return 0;
}

export function setDispatch(d, dt, db) { dispatch = d; dispatchTape = dt; dispatchBoxed = db; return [OK, null]; }

export function pythonError(type, message) {
  const err = new Error(type + ": " + message);
  err.name = "PythonError";
  err.type = type;  // as both raw interpreter FFIs spell it
  err.pythonType = type;
  return err;
}

// The JS Error of an error record: the thrown Error itself, or a new one.
export function recordError(r) {
  const thrown = r[THROWN_VALUE];
  return thrown instanceof Error ? thrown : new Error(r[NAME] + ": " + r[MESSAGE] + (r[PATH] === null ? "" : " at " + r[PATH]));
}

// Arguments every interpreter converts exactly by itself: booleans, strings
// without NUL (on MicroPython: without a lone surrogate, see `text` in _box.mjs),
// int32 numbers (not -0) and non-integral numbers.
function plainArg(a) {
  const t = typeof a;
  if (t === "boolean" || (t === "string" && a.indexOf("\0") < 0 && (!JSON_TAPES || wellFormed(a)))) return true;
  return t === "number" && (a === (a | 0) ? !Object.is(a, -0) : !Number.isInteger(a));
}

export function plainArgs(args) {
  for (const a of args) if (!plainArg(a)) return false;
  return true;
}

// The arguments as `dispatchBoxed` takes them: each JS object or function in a
// Box (as `toPy(args, 1)` refers to it: `refOf`), null and undefined as `out`
// gives them, the rest plain; null when one needs the tape (a proxy of a Python
// object, a BigInt, a string that does not cross as it is, -0, ...) or there are
// more than BOXED_MAX (spread twice in Python: MicroPython's pystack is small).
const BOXED_MAX = 16;

export function boxedArgs(args) {
  if (args.length > BOXED_MAX) return null;
  const boxed = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i], t = typeof a;
    if (a === null || a === undefined) boxed[i] = out(a);
    else if (t === "object" || t === "function") {
      const r = refOf(a);
      if (r === a) return null;
      boxed[i] = r;
    } else if (plainArg(a)) boxed[i] = a;
    else return null;
  }
  return boxed;
}

const aliveTokens = new Set();

// `withThis` (create_proxy(f, capture_this=True)): JS `this` goes first.
export function makeProxy(token, once, withThis) {
  let alive = true;
  live++;
  aliveTokens.add(token);
  const end = () => { alive = false; live--; aliveTokens.delete(token); pyFunctions.delete(fn); };
  const fn = function (...args) {
    if (!alive) throw new Error("pyscript_ffi: this proxy has been destroyed");
    if (withThis === true) args.unshift(this);
    let reply;
    if (once) end();
    try {
      let boxed;
      if (plainArgs(args)) reply = dispatch(token, ...args);
      else if ((boxed = boxedArgs(args)) !== null) reply = dispatchBoxed(token, ...boxed);
      else {
        const encoded = toPy(args, 1);
        if (encoded[0] !== OK) throw recordError(encoded);
        reply = dispatchTape(token, encoded[1], encoded[2].length ? encoded[2] : null);
      }
    } finally {
      if (once) releaseLater(token);
    }
    const kind = typeof reply;
    if (kind === "number" || kind === "boolean") return reply;
    if (reply === undefined || reply === null) return null;
    if (reply.charCodeAt(0) === 115) return reply.slice(1);  // "s" + a str result
    const [answer, refs] = unwire(reply);
    if (answer[0] === PROMISE) return promiseFor(answer[1]);
    if (answer[0] !== OK) throw pythonError(answer[RAISED_TYPE], answer[RAISED_MESSAGE]);  // FAILED
    const built = toJs(answer[1], refs);
    if (built[0] !== OK) throw recordError(built);
    return built[1];
  };
  fn.destroy = () => { if (alive) { end(); releaseLater(token); } };
  pyFunctions.set(fn, token);
  return fn;
}

// A callable WRITTEN to JS (a JsProxy call argument or assignment) gets a weak
// proxy: Python holds only its holder (the function never crosses into
// Python), `toJs` puts `get()` in its place: the live function (the same one
// each time), or a new one for the same token once JS has collected it. When
// JS collects it, `collected` queues its token on the batched release path.
const collected = new FinalizationRegistry(([holder, ref, token]) => {
  if (holder.ref !== ref) return;  // a newer function stands for the token
  holder.ref = null;
  if (aliveTokens.delete(token)) { live--; releaseLater(token); }
});

export function writtenProxy(token) {
  const holder = { ref: null, token, get: () => {
    let fn = holder.ref === null ? undefined : holder.ref.deref();
    if (fn !== undefined) return fn;
    if (holder.ref !== null) {  // collected, not yet finalized
      if (aliveTokens.delete(token)) live--;
    } else {  // finalized: un-report it (Python still holds this holder)
      const i = released.indexOf(token);
      if (i >= 0) released.splice(i, 1);
    }
    fn = makeProxy(token, false, false);
    holder.ref = new WeakRef(fn);
    collected.register(fn, [holder, holder.ref, token], fn);
    return fn;
  } };
  weakHolders.add(holder);
  return holder;
}

// `create_proxy` of a callable whose written proxy `holder` is alive: that
// function, strong from now on (Python holds it); else null.
export function strengthenProxy(holder) {
  const fn = holder.ref === null ? undefined : holder.ref.deref();
  if (fn === undefined || !aliveTokens.has(holder.token)) return null;
  collected.unregister(fn);
  holder.ref = null;
  handOut(fn);  // (ours: never refused) JS may have handed it to Python raw before
  return fn;
}

// 1 while the proxy `token` is alive (neither destroyed nor collected), else 0.
export function isAlive(token) { return aliveTokens.has(token) ? 1 : 0; }

// `create_proxy` of a callable whose proxy `token` was made before: 0 while
// that proxy is alive (Python hands out the same function), else a new proxy
// for the same token, whose report as destroyed is taken back (Python has not
// seen it: `token` is still in its table). One call instead of flushReleased +
// makeProxy.
export function remakeProxy(token, withThis) {
  if (aliveTokens.has(token)) return 0;
  const i = released.lastIndexOf(token);
  if (i >= 0) released.splice(i, 1);
  return makeProxy(token, false, withThis);
}

export function liveProxies() { return live; }


// ---- Python async iterators as JS async iterables ------------------------------
// `step` (a proxy of an async Python function) settles with [done, value];
// the proxy is destroyed when the iteration ends (done, `return()`, an error).
export function asyncIterable(step) {
  let over = false;
  const end = () => { if (!over) { over = true; step.destroy(); } };
  const it = {
    next() {
      if (over) return Promise.resolve({ done: true, value: undefined });
      return step().then(
        (r) => { if (r[0]) end(); return { done: r[0], value: r[0] ? undefined : r[1] }; },
        (e) => { end(); throw e; },
      );
    },
    return(value) { end(); return Promise.resolve({ done: true, value }); },
    [Symbol.asyncIterator]() { return it; },
  };
  return it;
}

// ---- promises of Python awaitables -------------------------------------------
const pending = new Map(); // promise id -> [resolve, reject] or, settled early, [outcome]

function promiseFor(id) {
  const early = pending.get(id);
  return new Promise((resolve, reject) => {
    if (early === undefined) { pending.set(id, [resolve, reject]); return; }
    pending.delete(id);
    (early[0] ? reject : resolve)(early[1]);
  });
}

function settle(id, failed, value) {
  const waiting = pending.get(id);
  if (waiting === undefined) pending.set(id, [failed, value]);
  else { pending.delete(id); waiting[failed ? 1 : 0](value); }
}

export function resolvePromise(id, reply) {
  const [answer, refs] = unwire(reply);
  const built = toJs(answer[1], refs);
  if (built[0] !== OK) settle(id, true, recordError(built));
  else settle(id, false, built[1]);
  return [OK, null];
}

export function rejectPromise(id, type, message) {
  settle(id, true, pythonError(type, message));
  return [OK, null];
}

export function pendingPromises() { return pending.size; }
