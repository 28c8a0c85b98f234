// Test-only observer: a canonical text for a JS value, so tests compare exact
// JavaScript observations (types, prototypes, -0, BigInt, key order) as strings.
// `__showSorted` is the same text with object keys, Set members and Map entries
// sorted: for values built from MicroPython dicts/sets, whose order is not insertion order.
function show(v, seen, sorted) {
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
  const inner = (x) => show(x, seen, sorted);
  const order = (items) => (sorted ? items.sort() : items);
  let out;
  if (Array.isArray(v)) out = "[" + v.map(inner).join(",") + "]";
  else if (v instanceof Set) out = "Set{" + order([...v].map(inner)).join(",") + "}";
  else if (v instanceof Map) out = "Map{" + order([...v].map(([k, x]) => inner(k) + "=>" + inner(x))).join(",") + "}";
  else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    out = Object.getPrototypeOf(v).constructor.name + "[" + Array.from(v, inner).join(",") + "]";
  }
  else {
    const proto = Object.getPrototypeOf(v);
    const body = "{" + order(Object.keys(v).map((k) => JSON.stringify(k) + ":" + inner(v[k]))).join(",") + "}";
    if (proto === Object.prototype) out = body;
    else if (proto === null) out = "null-proto" + body;
    else out = "<" + ((proto.constructor && proto.constructor.name) || "object") + ">";
  }
  seen.delete(v);
  return out;
}
globalThis.__show = (v) => show(v, new Set(), false);
globalThis.__showSorted = (v) => show(v, new Set(), true);
