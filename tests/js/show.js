// Test-only observer: a canonical text for a JS value, so tests compare exact
// JavaScript observations (types, prototypes, -0, BigInt, key order) as strings.
globalThis.__show = function show(v, seen = new Set()) {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  switch (typeof v) {
    case "number": return Object.is(v, -0) ? "-0" : String(v);
    case "bigint": return String(v) + "n";
    case "string": return JSON.stringify(v);
    case "boolean": return String(v);
    case "function": return "function";
    case "symbol": return "symbol";
  }
  if (seen.has(v)) return "<cycle>";
  seen.add(v);
  const inner = (x) => show(x, seen);
  let out;
  if (Array.isArray(v)) out = "[" + v.map(inner).join(",") + "]";
  else if (v instanceof Set) out = "Set{" + [...v].map(inner).join(",") + "}";
  else if (v instanceof Map) out = "Map{" + [...v].map(([k, x]) => inner(k) + "=>" + inner(x)).join(",") + "}";
  else if (v instanceof Uint8Array) out = "Uint8Array[" + Array.from(v).join(",") + "]";
  else {
    const proto = Object.getPrototypeOf(v);
    const body = "{" + Object.keys(v).map((k) => JSON.stringify(k) + ":" + inner(v[k])).join(",") + "}";
    if (proto === Object.prototype) out = body;
    else if (proto === null) out = "null-proto" + body;
    else out = "<" + ((proto.constructor && proto.constructor.name) || "object") + ">";
  }
  seen.delete(v);
  return out;
};
