// The JS half of the bridge (pyscript_ffi/_bridge.py): how a Python reply
// crosses into JS, and the values written to JS that wait for the operation
// using them.
//
// A Python reply (`wire` in _bridge.py) crosses as JSON text `[kind, ...]`;
// the JS objects it refers to were handed over just before by `stash` /
// `stashEach` (and `stashMore`, for many). No Python list crosses: MicroPython
// keeps each one until a JS GC; nor a JsProxy return value: MicroPython >= 1.27
// may free one returned from a top-level call before JS reads it.
let stashed = null;

export function stash(refs) { stashed = refs; return 0; }
export function stashEach(...refs) { stashed = refs; return 0; }
// More refs for the same reply, appended: MicroPython hands many in chunks (one
// call with thousands of arguments exhausts its pystack).
export function stashMore(...refs) { for (const r of refs) stashed.push(r); return 0; }

// `[the reply, the refs stashed for it]`.
export function unwire(reply) {
  const refs = stashed === null ? [] : stashed;
  stashed = null;
  return [JSON.parse(reply), refs];
}

// Values written to JS through a JsProxy: those that cross exactly go as they
// are; the others crossed first as one tape (`prepareValues` in _to_js.mjs),
// and the operation then gets the marker PENDING as its only value.
export const PENDING = {};
let written = [];

export function pendingMarker() { return PENDING; }

export function putWritten(values) { written = values; }

export function takeWritten() { const w = written; written = []; return w; }
