// Error records: how every helper reports a failure instead of throwing.
// A helper answers `[0, value...]` or `[1, kind, name, message, path, error]`
// (kind "conversion" or "js"); pyscript_ffi/_bridge.py raises what a record
// stands for. Paths are spelled as `format_path` in _errors.py spells them.

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

export function jsError(e, parts) {
  const [name, message] = describe(e);
  return [1, "js", name, message, parts === null ? null : pathOf(parts), e];
}

export function conversionError(message, parts) {
  return [1, "conversion", "ConversionError", message, pathOf(parts), null];
}
