# generated from pyscript_ffi/*.mjs by pyscript_ffi_host/jsbuild.py: do not modify
"""The JavaScript half of the package: the helper factory's body (see `_bridge.helpers`).

Every helper answers `[0, value...]` or an error record and never throws (`_errors.mjs`).
The sources are `pyscript_ffi/*.mjs`."""

SOURCE = r""""use strict";

// ---- pyscript_ffi/_binary.mjs ----
const CODES = {
b: Int8Array, B: Uint8Array, h: Int16Array, H: Uint16Array, i: Int32Array, l: Int32Array,
I: Uint32Array, L: Uint32Array, q: BigInt64Array, Q: BigUint64Array, f: Float32Array, d: Float64Array,
};
function retype(code, u8) {
const Ctor = CODES[code];
const size = Ctor.BYTES_PER_ELEMENT;
if (u8.byteLength % size !== 0) throw new RangeError("typecode " + code + ": " + u8.byteLength + " bytes");
const src = u8.byteOffset % size === 0 ? u8 : u8.slice();
return new Ctor(src.buffer, src.byteOffset, src.byteLength / size);
}
function codeOf(v) {
if (v instanceof Int8Array) return "b";
if (v instanceof Int16Array) return "h";
if (v instanceof Uint16Array) return "H";
if (v instanceof Int32Array) return "i";
if (v instanceof Uint32Array) return "I";
if (v instanceof Float32Array) return "f";
if (v instanceof Float64Array) return "d";
if (v instanceof BigInt64Array) return "q";
if (v instanceof BigUint64Array) return "Q";
return null;
}
let probeAt = -1, probeText = "", memory = null;
function valueOf(obj, name) {
const d = Object.getOwnPropertyDescriptor(obj, name);
return d === undefined ? undefined : d.value;
}
function watchDecode(decodeFrom) {
const proto = TextDecoder.prototype, decode = proto.decode;
let seen = null;
proto.decode = function (view) { seen = view; return ""; };
try { decodeFrom(probeAt, probeText.length); } catch (e) { seen = null; } finally { proto.decode = decode; }
return seen !== null && ArrayBuffer.isView(seen) ? seen.buffer : null;
}
function heap() {
if (memory !== null && memory.byteLength !== 0) return memory;  // a grown memory detaches the old buffer
memory = null;
if (probeAt < 0) return null;
const M = globalThis.Module;
if (M === null || typeof M !== "object") return null;
let buffer = null;
const u8 = valueOf(M, "HEAPU8");
if (u8 instanceof Uint8Array) buffer = u8.buffer;
else {
const decodeFrom = valueOf(M, "UTF8ToString");
if (typeof decodeFrom === "function" && typeof TextDecoder === "function") buffer = watchDecode(decodeFrom);
}
if (!(buffer instanceof ArrayBuffer) || probeAt + probeText.length > buffer.byteLength) return null;
const at = new Uint8Array(buffer, probeAt, probeText.length);
for (let j = 0; j < at.length; j++) if (at[j] !== probeText.charCodeAt(j)) return null;
memory = buffer;
return memory;
}
function findHeap(address, text) {
probeAt = address; probeText = text; memory = null;
return heap() === null ? 0 : 1;
}
function fromHeap(address, n) {
if (n === 0) return new Uint8Array(0);
const buffer = heap();
return buffer === null ? null : new Uint8Array(buffer, address, n).slice();
}
function toHeap(address, u8) {
if (u8.byteLength === 0) return 1;
const buffer = heap();
if (buffer === null) return 0;
new Uint8Array(buffer, address, u8.byteLength).set(u8);
return 1;
}
function fromBase64(text) {
const raw = atob(text);
const out = new Uint8Array(raw.length);
for (let j = 0; j < raw.length; j++) out[j] = raw.charCodeAt(j);
return out;
}
function toBase64(u8) {
let raw = "";
for (let j = 0; j < u8.length; j += 8192) raw += String.fromCharCode.apply(null, u8.subarray(j, j + 8192));
return btoa(raw);
}

// ---- pyscript_ffi/_tape.mjs ----
const NULL = 0; // None / null / undefined
const UNDEF = 1; // JS undefined (MicroPython's `js.undefined`)
const FALSE = 2;
const TRUE = 3;
const INT = 4; // next: a safe integer (as int, or as float when beyond 32 bits)
const FLOAT = 5; // next: a finite number (JSON tapes: its two 32-bit words, little-endian)
const NAN = 6;
const INF = 7;
const NINF = 8;
const NEGZERO = 9;
const BIG = 10; // next: decimal string of an integer beyond 2**53 - 1
const STR = 11; // next: the string
const STRPARTS = 12; // next: count n, then n strings to join with NUL
const ARR = 13; // next: count n, then n values
const OBJ = 14; // next: count n, then n (key, value) pairs
const SET = 15; // next: count n, then n values
const MAP = 16; // next: converter ref index, count n, then n (key, value) pairs
const BYTES = 17; // next: ref index of a Uint8Array (to Python: byte count n, then the ref index)
const REF = 18; // next: ref index
const AGAIN = 32; // next: index n: the n-th container of this tape (counted from 0), shared
const STRU8 = 33; // next: base64 of a string's UTF-8 (a lone surrogate: its 3 bytes); JSON tapes
const TYPED = 19; // next: typecode ("h", "f", ...), then as BYTES: the bytes of its elements
const OTHER = 20; // next: ref index of an object no rule converts (a JsProxy, or default_converter's)
let JSON_TAPES = false;
let JSON_FLOATS = true;
function configure(jsonTapes, jsonFloats) {
JSON_TAPES = jsonTapes === true;
JSON_FLOATS = jsonFloats === true;
return 0;
}

// ---- pyscript_ffi/_box.mjs ----
function describe(e) {
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
class Box {
constructor(v) { this.v = v; this.t = undefined; }
}
let globalHandle = null;
function learnGlobal(handle) { globalHandle = handle; return 0; }
const weakHolders = new WeakSet();
const pyFunctions = new WeakMap();
function unbox(x) {
if (x === null || typeof x !== "object") return x;
if (x === globalHandle) return globalThis;  // the handle of `js` (see _bridge.py)
try { return x instanceof Box ? x.v : x; } catch (_) { return x; }  // a hostile raw proxy is itself
}
function outFrom(v, o) {
const r = out(v);
if (r instanceof Box) r.t = o;
return r;
}
function thisOf(x) {
try { return x instanceof Box ? x.t : undefined; } catch (_) { return undefined; }
}
let thrown = null;
let pyodideProxies = false, pyProto = null;
function learnPyProxy(sample) {
try { pyodideProxies = typeof sample.$$flags === "number"; } catch (_) { pyodideProxies = false; }  // MicroPython's throws
pyProto = pyodideProxies ? null : Object.getPrototypeOf(sample);
return 0;
}
function isPyProxy(v) {
try { return pyodideProxies ? typeof v.$$flags === "number" : Object.getPrototypeOf(v) === pyProto; } catch (_) { return false; }
}
function none() { return JSON_TAPES ? null : undefined; }
function returned(v) {
if (!pyodideProxies) return v;
try { return v.copy(); } catch (_) { return new Box(v); }  // destroyed already: a JsProxy of it
}
function out(v) {
switch (typeof v) {
case "string": return "s" + v;
case "number":
if ((v | 0) === v) return Object.is(v, -0) ? "z" : v;
if (!Number.isInteger(v)) return v;
return (Number.isSafeInteger(v) ? "i" : "F") + BigInt(v).toString();
case "boolean": return v;
case "undefined": return none();
case "bigint": return "i" + v.toString();
case "object": if (v === null) return none(); return isPyProxy(v) ? returned(v) : new Box(v);
case "function": {
const token = pyFunctions.get(v);
if (token !== undefined) return "y" + token;
return isPyProxy(v) ? returned(v) : new Box(v);  // Pyodide's PyProxies are functions
}
default: return new Box(v);
}
}
function boxed(v) {
return isPyProxy(v) ? v : new Box(v);
}
function fail(e) {
thrown = e;
return "e" + JSON.stringify(describe(e));
}
function lastThrown() {
const e = thrown;
thrown = null;
return out(e);
}

// ---- pyscript_ffi/_errors.mjs ----
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function pathOf(parts) {
let out = "$";
for (const p of parts) {
if (typeof p === "number") out += "[" + p + "]";
else if (IDENT.test(p)) out += "." + p;
else out += '["' + p.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"]';
}
return out;
}
function jsError(e, parts) {
const [name, message] = describe(e);
return [1, "js", name, message, parts === null ? null : pathOf(parts), out(e), e];
}
function conversionError(message, parts) {
return [1, "conversion", "ConversionError", message, pathOf(parts), null, null];
}

// ---- pyscript_ffi/_to_js.mjs ----
const hasOwn = Object.prototype.hasOwnProperty;
function spell(key) {
return key === null ? "null" : String(key);
}
function framePart(f) {
if (f.tag === OBJ || f.tag === MAP) return f.hasKey ? spell(f.key) : f.k;
return f.k;
}
function partsOf(stack) {
const parts = [];
for (const f of stack) parts.push(framePart(f));
return parts;
}
function finish(f, refs, stack) {
if (f.tag === SET) return [0, new Set(f.c)];
if (f.tag === MAP) {
try { return [0, unbox(refs[f.conv])(f.c)]; }
catch (e) { return jsError(e, partsOf(stack)); }
}
return [0, f.c];
}
function toJs(tape, refs) {
let i = 0;
const stack = [];
const built = [];  // containers in tape order (AGAIN n is built[n]); set when complete
for (;;) {
let v;
const tag = tape[i++];
switch (tag) {
case NULL: v = null; break;
case UNDEF: v = undefined; break;
case FALSE: v = false; break;
case TRUE: v = true; break;
case INT: case FLOAT: v = tape[i++]; break;
case NAN: v = NaN; break;
case INF: v = Infinity; break;
case NINF: v = -Infinity; break;
case NEGZERO: v = -0; break;
case BIG: v = BigInt(tape[i++]); break;
case STR: v = tape[i++]; break;
case STRPARTS: { const n = tape[i++]; v = tape.slice(i, i + n).join("\0"); i += n; break; }
case BYTES: v = refs[tape[i++]]; break;
case REF: case OTHER: v = unbox(refs[tape[i++]]); if (weakHolders.has(v)) v = v.get(); break;
case STRU8: v = fromWtf8(fromBase64(tape[i++])); break;
case AGAIN: v = built[tape[i++]]; break;
case TYPED: {
const code = tape[i++];
try { v = retype(code, refs[tape[i++]]); }
catch (e) { return jsError(e, partsOf(stack)); }
break;
}
case ARR: case SET: case OBJ: case MAP: {
const conv = tag === MAP ? tape[i++] : -1;
const n = tape[i++];
const f = { tag, n, k: 0, c: tag === OBJ ? {} : [], hasKey: false, key: undefined, conv, at: built.length };
built.push(undefined);
if (n > 0) { stack.push(f); continue; }
const r = finish(f, refs, stack);
if (r[0] !== 0) return r;
v = built[f.at] = r[1];
break;
}
default:
return [1, "conversion", "ConversionError", "corrupt tape: tag " + tag + " at " + (i - 1), pathOf(partsOf(stack)), null];
}
for (;;) {
const f = stack[stack.length - 1];
if (f === undefined) return [0, v];
if (f.tag === OBJ) {
if (!f.hasKey) {
const key = spell(v);
if (hasOwn.call(f.c, key)) {
return conversionError("two dict keys become the same JS property " + JSON.stringify(key), partsOf(stack.slice(0, -1)));
}
f.hasKey = true; f.key = key;
break;
}
if (f.key === "__proto__") defineOwn(f.c, f.key, v);
else f.c[f.key] = v;
f.hasKey = false;
} else if (f.tag === MAP) {
if (!f.hasKey) { f.hasKey = true; f.key = v; break; }
f.c.push([f.key, v]);
f.hasKey = false;
} else {
f.c.push(v);
}
if (++f.k < f.n) break;
stack.pop();
const r = finish(f, refs, stack);
if (r[0] !== 0) return r;
v = built[f.at] = r[1];
}
}
}
function fromWtf8(b) {
let s = "";
const units = [];
for (let j = 0; j < b.length;) {
const c = b[j];
let cp;
if (c < 0x80) { cp = c; j += 1; }
else if (c < 0xe0) { cp = ((c & 0x1f) << 6) | (b[j + 1] & 0x3f); j += 2; }
else if (c < 0xf0) { cp = ((c & 0x0f) << 12) | ((b[j + 1] & 0x3f) << 6) | (b[j + 2] & 0x3f); j += 3; }
else { cp = ((c & 0x07) << 18) | ((b[j + 1] & 0x3f) << 12) | ((b[j + 2] & 0x3f) << 6) | (b[j + 3] & 0x3f); j += 4; }
if (cp > 0xffff) { cp -= 0x10000; units.push(0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff)); }
else units.push(cp);
if (units.length >= 4096) { s += String.fromCharCode.apply(null, units); units.length = 0; }
}
return s + String.fromCharCode.apply(null, units);
}
const NOT_FAST = {};
const utf8 = typeof TextDecoder === "function" ? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }) : null;
const fromCharCode = String.fromCharCode;
const SHORT = 64;
const CHARS = [];  // CHARS[n]: a reused Array of n char codes (fromCharCode.apply: no subarray, no concatenation)
for (let n = 0; n <= SHORT; n++) CHARS.push(new Array(n).fill(0));
function shortAscii(u8, at, n) {
const chars = CHARS[n];
for (let j = 0; j < n; j++) {
const c = u8[at + j];
if (c >= 0x80) return null;
chars[j] = c;
}
return fromCharCode.apply(null, chars);
}
function fromMarshal(u8) {
if (utf8 === null) return undefined;
const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
const refs = [];
const open = [];  // open[k]: refs[k] is a flagged container not yet complete (a ref to it is a cycle)
let i = 0;
const int32 = () => { const n = view.getInt32(i, true); i += 4; return n; };
const ascii = (n) => {
const s = n > SHORT ? utf8.decode(u8.subarray(i, i + n)) : shortAscii(u8, i, n);  // ASCII is UTF-8
if (s === null) throw NOT_FAST;  // (marshal writes only ASCII as a/z)
i += n;
return s;
};
const read = () => {
const code = u8[i++];
const flag = code & 0x80;
let v;
switch (code & 0x7f) {
case 0x4e: return null;           // N
case 0x46: return false;          // F
case 0x54: return true;           // T
case 0x69: v = view.getInt32(i, true); i += 4; break;    // i
case 0x67: v = view.getFloat64(i, true); i += 8; break;  // g
case 0x6c: {                      // l: |n| 15-bit digits, sign of n
const n = int32(), m = Math.abs(n);
let big = 0n;
for (let d = m - 1; d >= 0; d--) big = (big << 15n) | BigInt(view.getUint16(i + 2 * d, true));
i += 2 * m;
if (n < 0) big = -big;
v = big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big;
break;
}
case 0x7a: case 0x5a: v = ascii(u8[i++]); break;  // z Z
case 0x61: case 0x41: v = ascii(int32()); break;  // a A
case 0x75: case 0x74: { const n = int32(); v = utf8.decode(u8.subarray(i, i + n)); i += n; break; }  // u t
case 0x72: { const k = view.getInt32(i, true); i += 4; if (open[k] === true) throw NOT_FAST; return refs[k]; }  // r
case 0x29: case 0x28: case 0x5b: {  // ) ( [
const n = (code & 0x7f) === 0x29 ? u8[i++] : int32();
const c = new Array(n);
if (flag) {
const at = refs.length;
refs.push(c); open[at] = true;
for (let k = 0; k < n; k++) c[k] = read();
open[at] = false;
} else for (let k = 0; k < n; k++) c[k] = read();
return c;
}
case 0x7b: {  // {
const c = {};
const at = refs.length;
if (flag) { refs.push(c); open[at] = true; }
let mixed = false;  // a key that is not a str: spellings may collide from then on
while (u8[i] !== 0x30) {  // 0: end of dict
const key = read();
let name;
if (typeof key === "string") {
name = key;
if (mixed && hasOwn.call(c, name)) throw NOT_FAST;
} else {
const t = typeof key;
if (key !== null && t !== "number" && t !== "boolean" && t !== "bigint") throw NOT_FAST;
name = spell(key);
if (hasOwn.call(c, name)) throw NOT_FAST;
mixed = true;
}
const value = read();
if (name === "__proto__") defineOwn(c, name, value);
else c[name] = value;
}
i++;
if (flag) open[at] = false;
return c;
}
default: throw NOT_FAST;  // bytes, sets, complex, code, ...
}
if (flag) refs.push(v);
return v;
};
try {
const v = read();
return i === u8.length ? v : undefined;
} catch (e) {
return undefined;  // NOT_FAST, or a lone surrogate that TextDecoder refuses
}
}
function defineOwn(target, key, value) {
Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
const MAX_LEVELS = 64;
const QSTRS = 64;  // interned strings one call may ask Python about
let objects = null;  // the type pointers and constants, once `learnObjects` checked them
const qstrTexts = new Map();  // an interned string's object word -> its text, for good
let pendingQstrs = [];  // the interned strings the last `fromObjects` asked about
function views() {
const buffer = heap();
return buffer === null ? null : { buffer, u8: new Uint8Array(buffer), u32: new Uint32Array(buffer) };
}
function textAt(u8, at, n) {
if (n <= SHORT) {
const s = shortAscii(u8, at, n);
if (s !== null) return s;
}
const bytes = u8.subarray(at, at + n);
if (utf8 === null) return fromWtf8(bytes);
return bytes.indexOf(0xed) >= 0 ? fromWtf8(bytes) : utf8.decode(bytes);  // ED: maybe a lone surrogate
}
function longAt(buffer, u32, at) {
const neg = (u32[at + 1] & 1) === 1, len = u32[at + 2], dig = new Uint16Array(buffer, u32[at + 3], len);
if (len <= 3 || (len === 4 && dig[3] < 32)) {
let n = 0;
for (let i = len - 1; i >= 0; i--) n = n * 65536 + dig[i];
return neg ? -n : n;
}
let b = 0n;
for (let i = len - 1; i >= 0; i--) b = (b << 16n) | BigInt(dig[i]);
return neg ? -b : b;
}
function learnObjects(spec) {
objects = null;
try {
const [types, consts, probe] = JSON.parse(spec);
const m = views();
if (m === null) return 0;
const { buffer, u8, u32 } = m;
const [dict, list, tuple, str, int, float] = types;
const [d, k, kText, l, items, t, big, neg] = probe;
const word = (x) => x >>> 0;
let filled = 0, found = false;
if (u32[word(d) >>> 2] !== dict || u32[(word(d) >>> 2) + 1] >>> 3 !== 1) return 0;
const alloc = u32[(word(d) >>> 2) + 2], table = u32[(word(d) >>> 2) + 3] >>> 2;
for (let i = 0; i < alloc; i++) {
const key = u32[table + 2 * i];
if (key === 0 || key === 4) continue;
filled++;
found = found || (key === word(k) && u32[table + 2 * i + 1] === word(l));
}
const listAt = word(l) >>> 2, hs = word(items[1]) >>> 2;
const ok =
filled === 1 && found && (k & 7) === 2 && u8[kText] === 107 && consts.every((c) => (c & 3) !== 0) &&
u32[listAt] === list && u32[listAt + 2] === items.length &&
items.every((x, i) => u32[(u32[listAt + 3] >>> 2) + i] === word(x)) &&
(items[0] & 1) === 1 && items[0] >> 1 === 5 &&
u32[hs] === str && textAt(u8, u32[hs + 3], u32[hs + 2]) === "pyscript_ffi heap probe \u00e9" &&
u32[word(items[2]) >>> 2] === float && new Float64Array(buffer, word(items[2]) + 8, 1)[0] === 2.5 &&
u32[word(t) >>> 2] === tuple && u32[(word(t) >>> 2) + 1] === 1 && u32[(word(t) >>> 2) + 2] === 15 &&
u32[word(big) >>> 2] === int && longAt(buffer, u32, word(big) >>> 2) === 2 ** 40 + 5 &&
u32[word(neg) >>> 2] === int && longAt(buffer, u32, word(neg) >>> 2) === -(2 ** 50) &&
word(items[3]) === word(consts[0]) && word(items[4]) === word(consts[1]) && word(items[5]) === word(consts[2]);
if (ok) {
objects = { dict, list, tuple, str, int, float, none: word(consts[0]), yes: word(consts[1]), no: word(consts[2]) };
}
return ok ? 1 : 0;
} catch (e) {
return 0;
}
}
function fromObjects(address, qstrs) {
const m = objects === null ? null : views();
if (m === null) return -1;
try {
const { buffer, u8, u32 } = m;
const { dict, list, tuple, str, int, float, none, yes, no } = objects;
const built = new Map(), active = new Set();
let f64 = null;
pendingQstrs = [];
const fail = {};
const qstr = (v) => {
const text = qstrTexts.get(v);
if (text !== undefined) return text;
if (pendingQstrs.length < QSTRS && pendingQstrs.indexOf(v) < 0) pendingQstrs.push(v);  // more: next time
return "";
};
const read = (v, level) => {
if (v & 1) return (v | 0) >> 1;  // small int
if ((v & 7) === 2) return qstr(v);  // interned str
if (v === none) return null;
if (v === yes) return true;
if (v === no) return false;
if ((v & 3) !== 0) throw fail;
const at = v >>> 2, type = u32[at];
if (type === str) return textAt(u8, u32[at + 3], u32[at + 2]);
if (type === float) { if (f64 === null) f64 = new Float64Array(buffer); return f64[(v + 8) >>> 3]; }
if (type === int) return longAt(buffer, u32, at);
if (type !== dict && type !== list && type !== tuple) throw fail;
const known = built.get(v);
if (known !== undefined) return known;  // reached before: the same object, as the tape's AGAIN
if (level >= MAX_LEVELS || active.has(v)) throw fail;  // too deep, or a cycle: the tape reports
active.add(v);
let c;
if (type === dict) {
c = {};
const alloc = u32[at + 2], table = u32[at + 3] >>> 2;
for (let i = 0; i < alloc; i++) {
const key = u32[table + 2 * i];
if (key === 0 || key === 4) continue;  // an empty or deleted slot
let name;
if ((key & 7) === 2) name = qstr(key);
else if ((key & 3) === 0 && u32[key >>> 2] === str) name = textAt(u8, u32[(key >>> 2) + 3], u32[(key >>> 2) + 2]);
else throw fail;
const x = read(u32[table + 2 * i + 1], level + 1);
if (name === "__proto__") defineOwn(c, name, x);
else c[name] = x;
}
} else {
const n = u32[at + (type === list ? 2 : 1)], items = type === list ? u32[at + 3] >>> 2 : at + 2;
c = [];
for (let i = 0; i < n; i++) c.push(read(u32[items + i], level + 1));
}
active.delete(v);
built.set(v, c);
return c;
};
const value = read(address >>> 0, 0);
if (pendingQstrs.length === 0) return out(value);
const slots = u32[(qstrs >>> 2) + 3] >>> 2;
for (let i = 0; i < pendingQstrs.length; i++) u32[slots + i] = pendingQstrs[i];
return pendingQstrs.length;
} catch (e) {
pendingQstrs = [];
return -1;
}
}
function learnQstrs(places) {
const m = views();
const parts = places.split(",");
let learnt = 0;
try {
for (let i = 0; m !== null && i < pendingQstrs.length && 2 * i + 1 < parts.length; i++) {
qstrTexts.set(pendingQstrs[i], textAt(m.u8, Number(parts[2 * i]), Number(parts[2 * i + 1])));
learnt++;
}
} catch (e) {
learnt = 0;  // (a text that is not UTF-8 here: no route for it)
}
pendingQstrs = [];
return learnt;
}

// ---- pyscript_ffi/_to_py.mjs ----
const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);  // a double as its two 32-bit words
function isPlain(v) {
const proto = Object.getPrototypeOf(v);
return proto === Object.prototype || proto === null || isObjectPrototype(proto);
}
function isObjectPrototype(proto) {
if (Object.getPrototypeOf(proto) !== null) return false;
const c = Reflect.get(proto, "constructor");
return typeof c === "function" && c.name === "Object" && Reflect.get(c, "prototype") === proto;
}
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const TYPED_PROTO = Object.getPrototypeOf(Uint8Array.prototype);  // %TypedArray%.prototype
const typedBuffer = getter(TYPED_PROTO, "buffer"), typedOffset = getter(TYPED_PROTO, "byteOffset"),
typedLength = getter(TYPED_PROTO, "byteLength");
const viewBuffer = getter(DataView.prototype, "buffer"), viewOffset = getter(DataView.prototype, "byteOffset"), viewLength = getter(DataView.prototype, "byteLength");
const mapSize = getter(Map.prototype, "size"), setSize = getter(Set.prototype, "size");
const mapForEach = Map.prototype.forEach, setForEach = Set.prototype.forEach;
const call = Function.prototype.call.bind(Function.prototype.call);  // call(f, self, ...args): f.call unshadowed
const MAX_ITEMS = 10000000;  // elements (or entries) in one container
const MAX_TOTAL = 20000000;  // values in the whole conversion
const MAX_DEPTH = 100000;  // containers inside containers
function toBytes(v) {
if (v instanceof ArrayBuffer) return new Uint8Array(v);
if (v instanceof DataView) return new Uint8Array(call(viewBuffer, v), call(viewOffset, v), call(viewLength, v));
return new Uint8Array(call(typedBuffer, v), call(typedOffset, v), call(typedLength, v));
}
function overLimit(what, n, limit, unit, parts) {
return conversionError(what + " is over the limit of " + limit + " " + unit, parts);
}
function keyPart(k) {
const t = typeof k;
return t === "object" && k !== null || t === "function" || t === "symbol" ? "<" + t + ">" : spell(k);
}
function toPy(value, depth) {
const tape = [], refs = [], stack = [], active = new Set();
const done = new Map();  // container -> its index in tape order: reached again, it is AGAIN index
const put = (x) => { tape.push(x); };
const putStr = (s) => { if (JSON_TAPES && s.length > 1024) { put(REF); put(refs.length); refs.push(s); } else { put(STR); put(s); } };
let v = unbox(value), total = 0;
let asKey = false;  // v is a Map key or a Set value: an object there stays a JsProxy (hashable)
try {
for (;;) {
if (++total > MAX_TOTAL) return overLimit("the value", total, MAX_TOTAL, "values in one conversion", stack.map((f) => f.part));
const t = typeof v;
if (v === null || v === undefined) put(NULL);
else if (t === "boolean") put(v ? TRUE : FALSE);
else if (t === "number") {
if (Number.isSafeInteger(v)) { if (Object.is(v, -0)) put(NEGZERO); else { put(INT); put(v); } }
else if (v !== v) put(NAN);
else if (v === Infinity) put(INF);
else if (v === -Infinity) put(NINF);
else if (JSON_TAPES) { F64[0] = v; put(FLOAT); put(U32[0]); put(U32[1]); }  // exact: older MicroPython parses some floats 1 ulp off
else { put(FLOAT); put(v); }
}
else if (t === "string") putStr(v);
else if (t === "bigint") { put(BIG); put(String(v)); }
else if (t !== "object") { put(OTHER); put(refs.length); refs.push(boxed(v)); }
else if (asKey) { put(REF); put(refs.length); refs.push(boxed(v)); }
else if (THROWN.has(v)) return jsError(v.e, stack.map((f) => f.part));
else if (depth >= 0 && stack.length >= depth) { put(REF); put(refs.length); refs.push(boxed(v)); }
else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
const code = codeOf(v), bytes = toBytes(v);
if (code === null) put(BYTES); else { put(TYPED); put(code); }
put(bytes.length); put(refs.length); refs.push(bytes);
}
else {
let items = null, tag;
if (Array.isArray(v)) { tag = ARR; items = v; }
else if (v instanceof Map) { tag = OBJ; items = v; }
else if (v instanceof Set) { tag = SET; items = v; }
else if (isPlain(v)) { tag = OBJ; items = null; }
else { put(OTHER); put(refs.length); refs.push(boxed(v)); tag = -1; }
if (tag !== -1 && done.has(v)) {
if (active.has(v)) return conversionError("circular reference", stack.map((f) => f.part));
put(AGAIN); put(done.get(v));
} else if (tag !== -1) {
const parts = () => stack.map((f) => f.part);
if (stack.length >= MAX_DEPTH) return overLimit("nesting", stack.length, MAX_DEPTH, "levels", parts());
const map = tag === OBJ && items !== null;
let it, n;
if (tag === ARR) { it = v; n = v.length; }
else if (map) { n = call(mapSize, v); }
else if (tag === SET) { n = call(setSize, v); }
else { it = Object.keys(v); n = it.length; }
if (n > MAX_ITEMS) {
const what = tag === ARR ? "an Array of length " + n : map ? "a Map of " + n + " entries" : tag === SET ? "a Set of " + n + " values" : "an Object of " + n + " keys";
return overLimit(what, n, MAX_ITEMS, "elements in one container", parts());
}
if (map) { it = []; call(mapForEach, v, (x, k) => { it.push(k, x); }); n = it.length >> 1; }
else if (tag === SET) { it = []; call(setForEach, v, (x) => { it.push(x); }); n = it.length; }
done.set(v, done.size);
active.add(v);
put(tag); put(n);
stack.push({ obj: v, tag, map, it, n, k: 0, part: 0, keyDone: false });
}
}
let next = false;
while (stack.length) {
const f = stack[stack.length - 1];
if (f.tag === ARR || f.tag === SET) {
if (f.k < f.n) { f.part = f.k; v = f.it[f.k++]; asKey = f.tag === SET; next = true; break; }
} else if (f.map) {
if (f.keyDone) { f.keyDone = false; v = f.it[2 * f.k - 1]; asKey = false; next = true; break; }
if (f.k < f.n) { v = f.it[2 * f.k]; f.part = keyPart(v); f.keyDone = true; f.k++; asKey = true; next = true; break; }
} else {
if (f.keyDone) {
f.keyDone = false;
try { v = f.obj[f.part]; }
catch (e) { return jsError(e, stack.map((g) => g.part)); }
asKey = false; next = true; break;
}
if (f.k < f.n) { f.part = f.it[f.k++]; putStr(f.part); f.keyDone = true; continue; }
}
stack.pop();
active.delete(f.obj);
}
if (!next) return [0, JSON_TAPES ? JSON.stringify(tape) : tape, refs];
}
} catch (e) {
return jsError(e, stack.map((f) => f.part));
}
}
const NOT_PY = false;
const utf8Out = typeof TextEncoder === "function" ? new TextEncoder() : null;
const wellFormed = typeof "".isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !/[\ud800-\udfff]/.test(s);
const MARSHAL_DEPTH = 1000;  // deeper goes to the tape (marshal.loads stops at 2000 levels)
function toMarshal(value, log = []) {
let buf = new Uint8Array(256), view = new DataView(buf.buffer), n = 0;  // grows by doubling (`room`): a small value costs a small buffer
const active = new Set();
const room = (k) => {
if (n + k <= buf.length) return;
let size = buf.length * 2;
while (size < n + k) size *= 2;
const bigger = new Uint8Array(size);
bigger.set(buf.subarray(0, n));
buf = bigger; view = new DataView(buf.buffer);
};
const str = (s) => {
const len = s.length;
room(5 + 3 * len);
const start = n + (len < 256 ? 2 : 5);
let j = 0;
for (; j < len; j++) { const c = s.charCodeAt(j); if (c >= 0x80) break; buf[start + j] = c; }
if (j === len) {  // z (short ASCII) or a (ASCII)
if (len < 256) { buf[n] = 0x7a; buf[n + 1] = len; } else { buf[n] = 0x61; view.setInt32(n + 1, len, true); }
n = start + len;
return;
}
if (utf8Out === null || !wellFormed(s)) throw NOT_FAST;
const written = utf8Out.encodeInto(s, buf.subarray(n + 5)).written;  // u: UTF-8
buf[n] = 0x75; view.setInt32(n + 1, written, true);
n += 5 + written;
};
const seen = new Map();
const key = (s) => {
const ref = seen.get(s);
if (ref !== undefined) { room(5); buf[n] = 0x72; view.setInt32(n + 1, ref, true); n += 5; return; }
const at = n;
str(s);
if (s.length < 64) { buf[at] |= 0x80; seen.set(s, seen.size); }
};
const long = (big) => {  // l: 15-bit digits, count signed like the value
const neg = big < 0n;
if (neg) big = -big;
const digits = [];
while (big > 0n) { digits.push(Number(big & 0x7fffn)); big >>= 15n; }
room(5 + 2 * digits.length);
buf[n] = 0x6c; view.setInt32(n + 1, neg ? -digits.length : digits.length, true); n += 5;
for (const d of digits) { view.setUint16(n, d, true); n += 2; }
};
let count = 0, level = 0;  // the bounds are the tape's: beyond them, the tape reports
const put = (v) => {
room(9);
if (++count > MAX_TOTAL) throw NOT_FAST;
if (v === null || v === undefined) { buf[n++] = 0x4e; return; }  // N
switch (typeof v) {
case "boolean": buf[n++] = v ? 0x54 : 0x46; return;
case "string": str(v); return;
case "number":
if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
if (v >= -2147483648 && v <= 2147483647) { buf[n] = 0x69; view.setInt32(n + 1, v, true); n += 5; }
else long(BigInt(v));
} else { buf[n] = 0x67; view.setFloat64(n + 1, v, true); n += 9; }  // g: -0, NaN, floats
return;
case "bigint": throw NOT_FAST;  // the tape: Python's `BigInt`, which marshal cannot make
case "object": break;
default: throw NOT_FAST;
}
if (active.has(v)) throw NOT_FAST;  // reached before (shared or a cycle): the tape shares it
if (++level > MARSHAL_DEPTH) throw NOT_FAST;
if (Array.isArray(v)) {
active.add(v);
const len = v.length;
log.push(len);
if (len > MAX_ITEMS || (total += len + 1) > MAX_TOTAL) throw NOT_FAST;
buf[n] = 0x5b; view.setInt32(n + 1, len, true); n += 5;  // [
for (let k = 0; k < len; k++) put(item(v, k));
} else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set || !isPlain(v)) {
throw NOT_FAST;
} else {
active.add(v);
buf[n++] = 0x7b;  // {
const keys = Object.keys(v);
log.push(keys);
if (keys.length > MAX_ITEMS || (total += keys.length + 1) > MAX_TOTAL) throw NOT_FAST;
for (let k = 0; k < keys.length; k++) { const x = item(v, keys[k]); key(keys[k]); put(x); }
room(1);
buf[n++] = 0x30;  // 0: end of dict
}
level--;
};
let total = 0;  // as snapshotOf counts: containers and their items
const item = (v, k) => {  // v[k], read once and logged (a throw is logged as a Thrown, then the tape)
let x;
try { x = v[k]; } catch (e) { log.push(new Thrown(e)); throw NOT_FAST; }
log.push(x);
return x;
};
put(value);
return buf.subarray(0, n);
}
const THROWN = new WeakSet();
class Thrown { constructor(e) { this.e = e; THROWN.add(this); } }  // not plain: the copy keeps it as it is
const COPY_DEPTH = 2000;  // deeper values go to the tape (no JS stack overflow inside a getter)
function snapshotOf(value, log = []) {
const copies = new Map();
let fast = true, json = JSON_TAPES, count = 0, level = 0, at = 0;
const replayed = () => at < log.length;  // what `toMarshal` read first is taken from its log
const leaf = (x) => {  // x is not a container: does it keep the copy JSON-exact?
switch (typeof x) {
case "boolean": return;
case "string": if (x.length > 1024) json = false; return;  // json.loads is slow on long strings: refs
case "number":
if (Number.isSafeInteger(x) ? Object.is(x, -0) : !JSON_FLOATS || x !== x || x === Infinity || x === -Infinity || (Number.isInteger(x) && Math.abs(x) < 1e21)) json = false;
return;
case "object": return;  // null (a container is copied instead)
default: json = false;  // undefined (in an Object), BigInt, function, symbol
}
};
const copy = (v) => {
if (typeof v !== "object" || v === null) { if (json) leaf(v); return v; }
const known = copies.get(v);
if (known !== undefined) { fast = false; return known; }
if (++level > COPY_DEPTH) throw NOT_FAST;
try { return copyContainer(v); } finally { level--; }
};
const copyContainer = (v) => {
if (Array.isArray(v)) {
const len = replayed() ? log[at++] : v.length;
if (len > MAX_ITEMS || (count += len + 1) > MAX_TOTAL) throw NOT_FAST;
const out = [];
copies.set(v, out);
for (let k = 0; k < len; k++) {
let x;
try { x = replayed() ? log[at++] : v[k]; } catch (e) { x = new Thrown(e); }
if (THROWN.has(x)) { out.push(x); fast = false; continue; }
out.push(x === undefined ? x : copy(x));  // undefined in an Array: JSON null, as the tape gives
}
return out;
}
if (!isPlain(v) || ArrayBuffer.isView(v)) {
fast = false;
return v;
}
const keys = replayed() ? log[at++] : Object.keys(v);
if (keys.length > MAX_ITEMS || (count += keys.length + 1) > MAX_TOTAL) throw NOT_FAST;
const out = {};
copies.set(v, out);
for (let k = 0; k < keys.length; k++) {
const key = keys[k];
let x;
try { x = replayed() ? log[at++] : v[key]; } catch (e) { x = new Thrown(e); }
if (THROWN.has(x)) fast = false;
x = copy(x);
if (key.length > 1024) json = false;
if (key === "__proto__") defineOwn(out, key, x);
else out[key] = x;
}
return out;
};
try {
const copied = copy(value);
return { copy: copied, fast, json: fast && json };
} catch (e) {
return null;  // too deep or too big for the copy, a trap that threw: the tape reports
}
}
function marshalOf(value, log) {
try {
return toMarshal(value, log);
} catch (e) {
return NOT_PY;  // NOT_FAST: a number or string this route cannot carry exactly
}
}
function jsonOf(snap) {
if (!snap.json) return NOT_PY;
return snap.copy === undefined ? "null" : JSON.stringify(snap.copy);
}
function toPyFast(value) {
value = unbox(value);
if (!isContainer(value)) return toPy(value, -1);  // a primitive, a typed array, a Map...: only the tape
const log = [];
if (!JSON_TAPES) {  // Pyodide: marshal bytes in one read; the copy only where the tape is needed
const data = marshalOf(value, log);
if (data !== NOT_PY) return [2, data, () => tapeOf(snapshotOf(value, log), value)];
}
const snap = snapshotOf(value, log);
if (snap === null) return toPy(value, -1);
const data = jsonOf(snap);
if (data === NOT_PY) return tapeOf(snap, value);
const again = () => tapeOf(snap, value);
if (data.length >= HEAP_TEXT && utf8Out !== null && heap() !== null) {
pendingText = utf8Out.encode(data);  // (JSON.stringify escapes lone surrogates: well-formed)
return [2, pendingText.length, again];
}
return [2, data, again];
}
function isContainer(v) {
try {
return Array.isArray(v) || (typeof v === "object" && v !== null && !ArrayBuffer.isView(v) && isPlain(v));
} catch (e) {
return false;
}
}
function tapeOf(snap, value) {
return snap === null ? toPy(value, -1) : toPy(snap.copy, -1);
}
const HEAP_TEXT = 65536;
let pendingText = null;
function takeText(address) {
const text = pendingText;
pendingText = null;
return text !== null && toHeap(address, text) === 1 ? 1 : 0;
}

// ---- pyscript_ffi/_proxies.mjs ----
let dispatch = null;
let dispatchTape = null;
let live = 0;
let released = [];
function releaseLater(token) {
released.push(token);
if (released.length >= 256) flushReleased();
}
function flushReleased() {
if (released.length > 0) {
const tokens = released;
released = [];
dispatchTape(-1, JSON.stringify(tokens), null);
}
return 0;
}
function setDispatch(d, dt) { dispatch = d; dispatchTape = dt; return [0, null]; }
function pythonError(type, message) {
const err = new Error(type + ": " + message);
err.name = "PythonError";
err.type = type;  // as both raw interpreter FFIs spell it
err.pythonType = type;
return err;
}
function recordError(r) {
return r[6] instanceof Error ? r[6] : new Error(r[2] + ": " + r[3] + (r[4] === null ? "" : " at " + r[4]));
}
let stashed = null;
function stash(refs) { stashed = refs; return 0; }
function stashEach(...refs) { stashed = refs; return 0; }
function stashMore(...refs) { for (const r of refs) stashed.push(r); return 0; }
function unwire(reply) {
const refs = stashed === null ? [] : stashed;
stashed = null;
return [JSON.parse(reply), refs];
}
function plainArgs(args) {
for (const a of args) {
const t = typeof a;
if (t === "boolean" || (t === "string" && a.indexOf("\0") < 0)) continue;
if (t === "number" && (a === (a | 0) ? !Object.is(a, -0) : !Number.isInteger(a))) continue;
return false;
}
return true;
}
const aliveTokens = new Set();
function makeProxy(token, once, withThis) {
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
if (plainArgs(args)) reply = dispatch(token, ...args);
else {
const encoded = toPy(args, 1);
if (encoded[0] !== 0) throw recordError(encoded);
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
if (answer[0] === 2) return promiseFor(answer[1]);
if (answer[0] !== 0) throw pythonError(answer[1], answer[2]);
const built = toJs(answer[1], refs);
if (built[0] !== 0) throw recordError(built);
return built[1];
};
fn.destroy = () => { if (alive) { end(); releaseLater(token); } };
pyFunctions.set(fn, token);
return fn;
}
const collected = new FinalizationRegistry(([holder, ref, token]) => {
if (holder.ref !== ref) return;  // a newer function stands for the token
holder.ref = null;
if (aliveTokens.delete(token)) { live--; releaseLater(token); }
});
function writtenProxy(token) {
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
function strengthenProxy(holder) {
const fn = holder.ref === null ? undefined : holder.ref.deref();
if (fn === undefined || !aliveTokens.has(holder.token)) return null;
collected.unregister(fn);
holder.ref = null;
return fn;
}
function isAlive(token) { return aliveTokens.has(token) ? 1 : 0; }
function remakeProxy(token, withThis) {
if (aliveTokens.has(token)) return 0;
const i = released.lastIndexOf(token);
if (i >= 0) released.splice(i, 1);
return makeProxy(token, false, withThis);
}
function liveProxies() { return live; }
function asyncIterable(step) {
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
function resolvePromise(id, reply) {
const [answer, refs] = unwire(reply);
const built = toJs(answer[1], refs);
if (built[0] !== 0) settle(id, true, recordError(built));
else settle(id, false, built[1]);
return [0, null];
}
function rejectPromise(id, type, message) {
settle(id, true, pythonError(type, message));
return [0, null];
}
function pendingPromises() { return pending.size; }

// ---- pyscript_ffi/_calls.mjs ----
function callFn(fn, self, wired) {
const [sent, refs] = unwire(wired);
const built = toJs(sent[1], refs);
if (built[0] !== 0) return built;
let v;
try { v = Reflect.apply(unbox(fn), self === null || self === undefined ? thisOf(fn) : unbox(self), built[1]); } catch (e) { return jsError(e, null); }
return toPy(v, 0);
}
function callMethod(obj, name, wired) {
const [sent, refs] = unwire(wired);
const built = toJs(sent[1], refs);
if (built[0] !== 0) return built;
let v;
try {
const fn = unbox(obj)[name];
if (typeof fn !== "function") throw new TypeError(JSON.stringify(String(name)) + " is not a function but " + (fn === null ? "null" : typeof fn));
v = Reflect.apply(fn, unbox(obj), built[1]);
} catch (e) { return jsError(e, null); }
return toPy(v, 0);
}
function construct(cls, wired) {
const [sent, refs] = unwire(wired);
const built = toJs(sent[1], refs);
if (built[0] !== 0) return built;
let v;
try { v = Reflect.construct(unbox(cls), built[1]); } catch (e) { return jsError(e, null); }
return toPy(v, 0);
}
function settledError(e) { return jsError(e, null); }
function boundParts(fnRef, selfRef) {
const table = globalThis.proxy_js_ref;
if (!Array.isArray(table)) return [1, "js", "Error", "no proxy_js_ref table", null, null];
return [0, table[fnRef], selfRef < 0 ? undefined : table[selfRef]];
}
function settled(value) {
try {
return Promise.resolve(unbox(value)).then((v) => toPy(v, 0), (e) => jsError(e, null));
} catch (e) { return Promise.resolve(jsError(e, null)); }
}

// ---- pyscript_ffi/_jsproxy.mjs ----
const PENDING = {};
let written = [];
function pendingMarker() { return PENDING; }
function prepareValues(wired) {
try {
const [sent, refs] = unwire(wired);
const built = toJs(sent[1], refs);
if (built[0] !== 0) {
if (built[1] === "conversion") return "c" + JSON.stringify([built[3], built[4]]);
return fail(built[6]);
}
written = built[1];
return 0;
} catch (e) { return fail(e); }
}
function wrote(a) { return a === undefined ? null : unbox(a); }
function values(args) {
if (args.length === 1 && args[0] === PENDING) { const p = written; written = []; return p; }
const vs = new Array(args.length);
for (let i = 0; i < args.length; i++) vs[i] = wrote(args[i]);
return vs;
}
function isObject(o) { return (typeof o === "object" && o !== null) || typeof o === "function"; }
function isArrayLike(o) {
if (Array.isArray(o) || (ArrayBuffer.isView(o) && !(o instanceof DataView))) return true;
return typeof o === "object" && o !== null && !(o instanceof Map) && !(o instanceof Set) && typeof o.length === "number";
}
function getProp(b, key) {
try {
const o = unbox(b);
if (key.length > 1 && key.charCodeAt(0) === 95 && key.charCodeAt(1) === 95 && key.endsWith("__")) {
if (!(isObject(o) && key in o)) return "m";
}
const v = o[key];
if (v === undefined && !(isObject(o) && key in o)) return "m";
return outFrom(v, o);
} catch (e) { return fail(e); }
}
function getItem(b, withThis, ...args) {
try {
const o = unbox(b), k = values(args)[0];
let v;
if (o instanceof Map) {
if (!o.has(k)) return "m";
v = o.get(k);
} else if (typeof k === "number" && Number.isInteger(k) && isArrayLike(o)) {
const n = o.length, i = k < 0 ? k + n : k;
if (!(i >= 0 && i < n)) return "m";
v = o[i];
} else {
v = o[k];
if (v === undefined && !(isObject(o) && k in o)) return "m";
}
return withThis ? outFrom(v, o) : out(v);
} catch (e) { return fail(e); }
}
function setProp(b, key, ...args) {
try { unbox(b)[key] = values(args)[0]; return null; } catch (e) { return fail(e); }
}
function setItem(b, ...args) {
try {
const o = unbox(b), [k, v] = values(args);
if (o instanceof Map) { o.set(k, v); return null; }
if (typeof k === "number" && Number.isInteger(k) && k < 0 && isArrayLike(o)) {
const i = k + o.length;
if (i < 0) return "m";
o[i] = v;
return null;
}
o[k] = v;
return null;
} catch (e) { return fail(e); }
}
function delProp(b, key) {
try {
const o = unbox(b);
if (!(isObject(o) && key in o)) return "m";
delete o[key];
return null;
} catch (e) { return fail(e); }
}
function delItem(b, ...args) {
try {
const o = unbox(b), k = values(args)[0];
if (o instanceof Map || o instanceof Set) return o.delete(k) ? null : "m";
if (typeof k === "number" && Number.isInteger(k) && isArrayLike(o)) {
const n = o.length, i = k < 0 ? k + n : k;
if (i < 0 || i >= n) return "m";
if (Array.isArray(o)) o.splice(i, 1); else delete o[i];
return null;
}
if (!(isObject(o) && k in o)) return "m";
delete o[k];
return null;
} catch (e) { return fail(e); }
}
function callWith(fb, ...args) {
try { return out(Reflect.apply(unbox(fb), thisOf(fb), values(args))); } catch (e) { return fail(e); }
}
function newWith(fb, ...args) {
try { return out(Reflect.construct(unbox(fb), values(args))); } catch (e) { return fail(e); }
}
function lenOf(b) {
try {
const o = unbox(b);
if (o instanceof Map || o instanceof Set) return o.size;
if (isArrayLike(o)) return out(o.length);
return "tobject of JS type " + (typeof o === "function" ? "function" : Object.prototype.toString.call(o)) + " has no len()";
} catch (e) { return fail(e); }
}
function truthOf(b) {
try {
const o = unbox(b);
if (o instanceof Map || o instanceof Set) return o.size !== 0;
if (Array.isArray(o) || (ArrayBuffer.isView(o) && !(o instanceof DataView))) return o.length !== 0;
return true;
} catch (e) { return fail(e); }
}
function hasIn(b, ...args) {
try {
const o = unbox(b), x = values(args)[0];
if (o instanceof Map || o instanceof Set) return o.has(x);
if (isArrayLike(o)) return Array.prototype.includes.call(o, x);
if (!isObject(o)) return "tin needs an object, not a " + typeof o;
return x in o;
} catch (e) { return fail(e); }
}
function typeOf(b) { return "s" + typeof unbox(b); }
function instanceOf(b, cls) {
try { return unbox(b) instanceof unbox(cls); } catch (e) { return fail(e); }
}
function iterOf(b) {
try {
const o = unbox(b);
if (o instanceof Map) return out(o.keys());
const f = isObject(o) ? o[Symbol.iterator] : undefined;
if (typeof f !== "function") return isObject(o) && typeof o.then === "function" ? "p" : "tJS object is not iterable";
return out(Reflect.apply(f, o, []));
} catch (e) { return fail(e); }
}
function nextOf(b) {
try {
const r = unbox(b).next();
return r.done ? "d" : out(r.value);
} catch (e) { return fail(e); }
}
function aiterOf(b) {
try {
const o = unbox(b);
const f = isObject(o) ? o[Symbol.asyncIterator] : undefined;
if (typeof f !== "function") return "tJS object is not async iterable";
return out(Reflect.apply(f, o, []));
} catch (e) { return fail(e); }
}
function settleOut(thunk) {
try {
return Promise.resolve(thunk()).then(out, fail);
} catch (e) { return Promise.resolve(fail(e)); }
}
function anextOf(b) {
return settleOut(() => unbox(b).next()).then((r) => {
if (typeof r === "string" || r === null || typeof r !== "object") return r;
try { return r.v.done ? "d" : out(r.v.value); } catch (e) { return fail(e); }
});
}
function awaitOf(b) { return settleOut(() => unbox(b)); }
function reprOf(b) {
const o = unbox(b);
try { return "s" + String(o); } catch (_) {
try { return "s[object " + (typeof o) + "]"; } catch (_e) { return "s[object]"; }
}
}
const ids = new WeakMap();
const symbolIds = new Map();
let nextId = 1;
function idOf(b) {
const o = unbox(b);
const table = typeof o === "symbol" ? symbolIds : ids;
let id = table.get(o);
if (id === undefined) { id = nextId++; table.set(o, id); }
return id;
}
function boxSample() { return out({}); }
function unboxed(b) { return unbox(b); }

// ---- pyscript_ffi/_worker_utils.mjs ----
const BRACKET = /\[('|")?(.+?)\1\]/g;
function walk(target, path) {
if (typeof path !== "string") return target === null || target === undefined ? undefined : target[path];
let v = target;
for (const step of path.replace(BRACKET, ".$2").split(".")) {
if (v === null || v === undefined) return undefined;
v = v[step];
}
return v;
}
function gather(target, paths) {
try {
const t = unbox(target);
const values = paths.map((p) => walk(t, p));
return toPy(values, 1);
} catch (e) { return jsError(e, null); }
}
function assign(box, tape, refs) {
const target = unbox(box);
const built = toJs(tape, refs);
if (built[0] !== 0) return built;
try {
for (const source of built[1]) {
if (source === null || source === undefined) continue;
for (const key of Object.keys(source)) {
if (key === "__proto__") defineOwn(target, key, source[key]);
else target[key] = source[key];  // strict mode: a failed set throws, as in Object.assign
}
}
return [0, null];
} catch (e) { return jsError(e, null); }
}
function remoteGather(ffi, isRemote, box, paths) {
const target = unbox(box);
if (!isRemote(target)) return gather(target, paths);
try { return toPy(ffi.gather(target, ...paths), 1); }
catch (e) { return jsError(e, null); }
}
function remoteAssign(ffi, isRemote, box, tape, refs) {
const target = unbox(box);
if (!isRemote(target)) return assign(target, tape, refs);
const built = toJs(tape, refs);
if (built[0] !== 0) return built;
try {
const merged = {};
const protos = [];
for (const source of built[1]) {
if (source === null || source === undefined) continue;
for (const key of Object.keys(source)) {
if (key === "__proto__") protos[0] = [[], source[key]];
else merged[key] = source[key];
}
}
nestedProtos(merged, protos);
ffi.assign(target, merged);
for (const [parts, value] of protos) {
let o = target;
for (const part of parts) o = o[part];
defineOwn(o, "__proto__", value);
}
return [0, null];
} catch (e) { return jsError(e, null); }
}
function nestedProtos(root, found) {
const seen = new Set();
const todo = [[[], root]];
for (const [parts, value] of found) todo.push([parts.concat("__proto__"), value]);
while (todo.length) {
const [parts, v] = todo.shift();
if (v === null || typeof v !== "object" || seen.has(v)) continue;
if (!Array.isArray(v) && !isPlain(v)) continue;
seen.add(v);
for (const key of Object.keys(v)) {
const at = parts.concat(Array.isArray(v) ? Number(key) : key);
if (key === "__proto__" && !Array.isArray(v)) found.push([parts, v[key]]);
todo.push([at, v[key]]);
}
}
}
function remoteDirect(ffi, value) {
try { ffi.direct(unbox(value)); return [0]; }
catch (e) { return jsError(e, null); }
}

return {
  aiterOf,
  anextOf,
  assign,
  asyncIterable,
  awaitOf,
  boundParts,
  boxSample,
  boxed,
  callFn,
  callMethod,
  callWith,
  codeOf,
  configure,
  construct,
  conversionError,
  defineOwn,
  delItem,
  delProp,
  describe,
  fail,
  findHeap,
  flushReleased,
  fromBase64,
  fromHeap,
  fromMarshal,
  fromObjects,
  fromWtf8,
  gather,
  getItem,
  getProp,
  hasIn,
  heap,
  idOf,
  instanceOf,
  isAlive,
  isPlain,
  iterOf,
  jsError,
  lastThrown,
  learnGlobal,
  learnObjects,
  learnPyProxy,
  learnQstrs,
  lenOf,
  liveProxies,
  makeProxy,
  newWith,
  nextOf,
  out,
  outFrom,
  pathOf,
  pendingMarker,
  pendingPromises,
  plainArgs,
  prepareValues,
  pythonError,
  recordError,
  rejectPromise,
  remakeProxy,
  remoteAssign,
  remoteDirect,
  remoteGather,
  reprOf,
  resolvePromise,
  retype,
  setDispatch,
  setItem,
  setProp,
  settled,
  settledError,
  spell,
  stash,
  stashEach,
  stashMore,
  strengthenProxy,
  takeText,
  thisOf,
  toBase64,
  toBytes,
  toHeap,
  toJs,
  toMarshal,
  toPy,
  toPyFast,
  truthOf,
  typeOf,
  unbox,
  unboxed,
  unwire,
  walk,
  writtenProxy,
};
"""
