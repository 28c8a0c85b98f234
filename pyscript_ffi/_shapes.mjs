// What the conversions ask of a JS value, on both interpreters: a plain
// Object, an own property defined, a throwing getter kept for later, the
// "not for me" of a fast route, and the documented bounds of one read.

export const hasOwn = Object.prototype.hasOwnProperty;

// A plain Object: its prototype is Object.prototype or null, or another realm's
// Object.prototype (a main-thread object seen from a PyScript worker is a
// reflected-ffi proxy, whose prototype is the main thread's): a prototype with none
// of its own, whose `constructor` is a function named "Object" with it as `prototype`.
export function isPlain(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || isObjectPrototype(proto);
}

function isObjectPrototype(proto) {
  if (Object.getPrototypeOf(proto) !== null) return false;
  const c = Reflect.get(proto, "constructor");
  return typeof c === "function" && c.name === "Object" && Reflect.get(c, "prototype") === proto;
}

// `target[key] = value` as an own data property: a "__proto__" key never
// changes the prototype.
export function defineOwn(target, key, value) {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

// Thrown by a fast route that cannot carry a value exactly ("not for me"):
// its caller takes the tape, which also reports every error.
export const NOT_FAST = {};

// A throwing getter met while reading a value, kept in place for the tape to
// report at its path. Marked in a WeakSet, not asked with `instanceof`: a
// revoked or trapping Proxy throws at `instanceof`.
export const THROWN = new WeakSet();
class Thrown { constructor(e) { this.e = e; THROWN.add(this); } }  // not plain: a copy keeps it as it is

export function thrownBy(e) { return new Thrown(e); }

// The documented bounds of one `to_py` (docs/contract.md, `to_py.bounds`): a
// value beyond them is a ConversionError naming its path and the limit,
// before memory runs out. The fast routes decline there and the tape reports.
export const MAX_ITEMS = 10000000;  // elements (or entries) in one container
export const MAX_TOTAL = 20000000;  // values in the whole conversion
export const MAX_DEPTH = 100000;  // containers inside containers
