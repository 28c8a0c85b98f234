// The tape both ways (pyscript_ffi/_to_js.mjs, _to_py.mjs) and the fast routes
// (_pyodide.mjs, _micropython.mjs), without an interpreter.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  ARR, BIG, BYTES, FALSE, FLOAT, INT, MAP, NEGZERO, NULL, OBJ, OTHER, REF, SET, STR, STRPARTS, TRUE, TYPED, UNDEF, configure,
} from "../../pyscript_ffi/_tape.mjs";
import { unbox } from "../../pyscript_ffi/_box.mjs";
import { useBackend } from "../../pyscript_ffi/_hooks.mjs";
import { MICROPYTHON_JS } from "../../pyscript_ffi/_micropython.mjs";
import { FAST } from "../../pyscript_ffi/_protocol.mjs";
import { PYODIDE_JS, fromMarshal } from "../../pyscript_ffi/_pyodide.mjs";
import { toJs } from "../../pyscript_ffi/_to_js.mjs";
import { toPy, toPyFast } from "../../pyscript_ffi/_to_py.mjs";

// The fast route's data for `v` (`toPyFast` answers [FAST, data, again]), or false where the tape is needed.
const fastPy = (v) => { const answer = toPyFast(v); return answer[0] === FAST ? answer[1] : false; };
// MicroPython's flavour (`configure` as its backend calls it) and its JS (as its helper body has it).
const micropython = (jsonFloats) => { configure(true, jsonFloats); useBackend(MICROPYTHON_JS); };

afterEach(() => { configure(false, true); useBackend(PYODIDE_JS); });  // Pyodide's, the modules' default

test("toJs rebuilds nested containers and every primitive tag", () => {
  const tape = [OBJ, 3, STR, "a", ARR, 4, NULL, UNDEF, TRUE, FALSE, STR, "n", BIG, "9007199254740993",
    STR, "z", STRPARTS, 2, "a", "b"];
  const [ok, v] = toJs(tape, []);
  assert.equal(ok, 0);
  assert.deepEqual(v, { a: [null, undefined, true, false], n: 9007199254740993n, z: "a\0b" });
});

test("toJs: a '__proto__' key becomes an own property, the prototype untouched", () => {
  const [, v] = toJs([OBJ, 1, STR, "__proto__", OBJ, 1, STR, "x", INT, 1], []);
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.ok(Object.hasOwn(v, "__proto__"));
  assert.deepEqual(v.__proto__, { x: 1 });
});

test("toJs: two keys spelled the same are a conversion error with a path", () => {
  const r = toJs([OBJ, 1, STR, "k", OBJ, 2, INT, 1, NULL, STR, "1", NULL], []);
  assert.deepEqual(r, [1, "conversion", "ConversionError", 'two dict keys become the same JS property "1"', "$.k", null, null]);
});

test("toJs: a Map converter that throws is a js error record, not a throw", () => {
  const boom = () => { throw new Error("converter failed"); };
  const r = toJs([MAP, 0, 1, STR, "a", INT, 1], [boom]);
  assert.equal(r[0], 1);
  assert.deepEqual(r.slice(1, 5), ["js", "Error", "converter failed", "$"]);
});

test("toJs: sets, bytes by ref and a corrupt tag", () => {
  const u8 = new Uint8Array([1, 2]);
  assert.deepEqual(toJs([SET, 2, INT, 1, INT, 2], []), [0, new Set([1, 2])]);
  assert.equal(toJs([BYTES, 0], [u8])[1], u8);
  assert.equal(toJs([99], [])[2], "ConversionError");
});

test("toJs: TYPED views the bytes with the typecode's element type", () => {
  const u8 = new Uint8Array(new Int16Array([1, -2]).buffer);
  const v = toJs([ARR, 1, TYPED, "h", 0], [u8])[1][0];
  assert.ok(v instanceof Int16Array);
  assert.deepEqual(Array.from(v), [1, -2]);
  assert.equal(toJs([TYPED, "d", 0], [new Uint8Array(3)])[2], "RangeError");  // not a whole element
});

test("toPy: bytes and typed arrays go by ref, with the byte count and the typecode", () => {
  const f = new Float32Array([0.5]);
  const [, tape, refs] = toPy([new Uint8Array([7]), f, new DataView(new ArrayBuffer(2))], -1);
  assert.deepEqual(tape, [ARR, 3, BYTES, 1, 0, TYPED, "f", 4, 1, BYTES, 2, 2]);
  assert.deepEqual(Array.from(refs[1]), [0, 0, 0, 63]);
});

test("toPy flattens values; objects beyond the depth go by reference", () => {
  const f = () => 0;
  const [ok, tape, refs] = toPy({ a: [1, -0, 2.5, "s", null, 2n ** 70n], f }, -1);
  assert.equal(ok, 0);
  assert.deepEqual(tape, [OBJ, 2, STR, "a", ARR, 6, INT, 1, NEGZERO, FLOAT, 2.5, STR, "s", NULL,
    BIG, "1180591620717411303424", STR, "f", OTHER, 0]);
  assert.deepEqual(refs.map(unbox), [f]);  // boxed for Python (see _box.mjs)
  const [, tape1, refs1] = toPy([[1]], 1);
  assert.deepEqual([tape1, refs1.map(unbox)], [[ARR, 1, REF, 0], [[1]]]);
});

test("toPy with JSON tapes answers JSON text; floats as two 32-bit words", () => {
  micropython(false);
  const [, text] = toPy([0.1], -1);
  assert.deepEqual(JSON.parse(text), [ARR, 1, FLOAT, 2576980378, 1069128089]);
});

test("toPy never throws: cycles and throwing getters become error records", () => {
  const cyclic = { a: [] };
  cyclic.a.push(cyclic);
  assert.deepEqual(toPy(cyclic, -1).slice(0, 5), [1, "conversion", "ConversionError", "circular reference", "$.a[0]"]);
  const hostile = { get x() { throw new TypeError("getter"); } };
  assert.deepEqual(toPy({ h: hostile }, -1).slice(0, 5), [1, "js", "TypeError", "getter", "$.h.x"]);
});

test("toPy's tape rebuilt by toJs gives the value back", () => {
  const value = { list: [1, "two", null, true, { deep: [3.5] }], "odd key": -7 };
  const [, tape, refs] = toPy(value, -1);
  assert.deepEqual(toJs(tape, refs), [0, value]);
});

test("fastPy: false where the tape is needed, JSON text on MicroPython", () => {
  assert.equal(fastPy(new Map()), false);
  micropython(true);
  assert.equal(fastPy({ a: [1, "x", null] }), '{"a":[1,"x",null]}');
  assert.equal(fastPy({ a: undefined }), false);
  micropython(false);
  assert.equal(fastPy([0.5]), false);  // json.loads of MicroPython <= 1.25 is not exact
});

test("fastPy's marshal bytes decode back through fromMarshal", () => {
  const value = { a: [1, 2 ** 40, -3.25, "é", true, null], b: "x".repeat(300) };
  const bytes = fastPy(value);
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual(fromMarshal(bytes), value);
  assert.equal(fromMarshal(new Uint8Array([0x3c])), undefined);  // not for me: the tape decides
});
