// Error records: how every helper reports a failure instead of throwing.
// A helper answers `[OK, value...]` or an error record
// `[FAILED, kind, name, message, path, error, thrown]` (`error`: the thrown
// value as `out` gives it, for Python; `thrown`: itself, for JS; the fields are
// named in _protocol.mjs); pyscript_ffi/_bridge.py raises what a record stands
// for. Paths are spelled as `format_path` in _errors.py spells them.

import { describe, out } from "./_box.mjs";
import { FAILED, KIND_CONVERSION, KIND_JS } from "./_protocol.mjs";

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function pathOf(parts) {
  let out = "$";
  for (const p of parts) {
    if (typeof p === "number") out += "[" + p + "]";
    else if (IDENT.test(p)) out += "." + p;
    else out += '["' + p.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"]';
  }
  return out;
}

// The record of the value `e` thrown at `parts` (null: at no path).
export function jsError(e, parts) {
  const [name, message] = describe(e);
  return [FAILED, KIND_JS, name, message, parts === null ? null : pathOf(parts), out(e), e];
}

export function conversionError(message, parts) {
  return [FAILED, KIND_CONVERSION, "ConversionError", message, pathOf(parts), null, null];
}
