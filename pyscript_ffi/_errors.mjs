// Error records: how every helper reports a failure instead of throwing.
// A helper answers `[0, value...]` or `[1, kind, name, message, path, error, thrown]`
// (`error`: the thrown value as `out` gives it, for Python; `thrown`: itself, for JS)
// (kind "conversion" or "js"); pyscript_ffi/_bridge.py raises what a record
// stands for. Paths are spelled as `format_path` in _errors.py spells them.

import { describe, out } from "./_box.mjs";

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

export function jsError(e, parts) {
  const [name, message] = describe(e);
  return [1, "js", name, message, parts === null ? null : pathOf(parts), out(e), e];
}

export function conversionError(message, parts) {
  return [1, "conversion", "ConversionError", message, pathOf(parts), null, null];
}
