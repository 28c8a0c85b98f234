// The JS half of the hook registry (pyscript_ffi/_hooks.py is the Python half):
// how the shared layer reaches what it cannot import. Two kinds of entries:
//
// - `backendJs`: the interpreter's own JS. The build joins ONE backend's JS
//   into each helper body (_pyodide.mjs into Pyodide's, _micropython.mjs into
//   MicroPython's), which fills this object once, at its end (`useBackend`):
//     readFast(value, log): to_py's fast data written while reading `value`
//       once, each read pushed on `log` (Pyodide: marshal bytes), or NOT_FAST;
//     copyFast(copy): the fast data of a JSON-exact copy of the value
//       (MicroPython: JSON text, or its UTF-8 length waiting for `takeText`),
//       or NOT_FAST.
// - conversion types (`addType`): a type's JS file (_type_<name>.mjs) tells
//   how `toJs` builds the value its Python module wrote on the tape after the
//   type's tag (its name, a string: no number to allot, see docs/architecture.md).

import { NOT_FAST } from "./_shapes.mjs";

function declines() { return NOT_FAST; }

export const backendJs = { readFast: declines, copyFast: declines };

export function useBackend(hooks) {
  backendJs.readFast = hooks.readFast;
  backendJs.copyFast = hooks.copyFast;
  return 0;
}

const builders = new Map();

// `build(tape, i)` reads the type's items from `tape` at `i` (just after its
// tag) and answers `[value, next i]`; it may throw (a conversion error, at
// the value's path).
export function addType(tag, build) {
  if (typeof tag !== "string" || builders.has(tag)) throw new Error("conversion type tag " + tag + " taken");
  builders.set(tag, build);
  return 0;
}

// The builder of a type's tag, or undefined (not a type's tag).
export function typeBuilder(tag) {
  return typeof tag === "string" ? builders.get(tag) : undefined;
}
