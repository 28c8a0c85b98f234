// Shared structure, exact strings, engine truth and bounds in the tape and the
// fast routes (pyscript_ffi/_to_js.mjs, _to_py.mjs, _pyodide.mjs, _micropython.mjs),
// without an interpreter.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { useBackend } from "../../pyscript_ffi/_hooks.mjs";
import { MICROPYTHON_JS } from "../../pyscript_ffi/_micropython.mjs";
import { FAST, FAILED, OK } from "../../pyscript_ffi/_protocol.mjs";
import { PYODIDE_JS, fromMarshal } from "../../pyscript_ffi/_pyodide.mjs";
import { MAX_ITEMS } from "../../pyscript_ffi/_shapes.mjs";
import { fromWtf8 } from "../../pyscript_ffi/_strings.mjs";
import { AGAIN, ARR, INT, OBJ, STR, configure } from "../../pyscript_ffi/_tape.mjs";
import { toJs } from "../../pyscript_ffi/_to_js.mjs";
import { toPy, toPyFast } from "../../pyscript_ffi/_to_py.mjs";

afterEach(() => { configure(false, true); useBackend(PYODIDE_JS); });

test("toJs: AGAIN n is the n-th container itself, not a copy", () => {
  const tape = [ARR, 2, ARR, 1, INT, 1, AGAIN, 1];
  const [ok, v] = toJs(tape, []);
  assert.equal(ok, 0);
  assert.deepEqual(v, [[1], [1]]);
  assert.equal(v[0], v[1]);
});

test("toPy: a container reached twice is written once, then AGAIN", () => {
  const shared = { k: 1 };
  const [ok, tape] = toPy([shared, shared], -1);
  assert.equal(ok, 0);
  assert.deepEqual(tape, [ARR, 2, OBJ, 1, STR, "k", INT, 1, AGAIN, 1]);
});

test("toPy of a 40-level DAG is linear: one entry per distinct container", () => {
  let x = [1];
  for (let i = 0; i < 40; i++) x = [x, x];
  const [ok, tape] = toPy(x, -1);
  assert.equal(ok, 0);
  assert.ok(tape.length < 500);
});

test("fromMarshal keeps a leading U+FEFF and shares a flagged container", () => {
  // marshal.dumps(["\ufeffab", None], 4)
  assert.deepEqual(fromMarshal(new Uint8Array([91, 2, 0, 0, 0, 245, 5, 0, 0, 0, 239, 187, 191, 97, 98, 78])), ["\ufeffab", null]);
  // l = []; marshal.dumps([l, l], 4)
  const v = fromMarshal(new Uint8Array([219, 2, 0, 0, 0, 219, 0, 0, 0, 0, 114, 1, 0, 0, 0]));
  assert.deepEqual(v, [[], []]);
  assert.equal(v[0], v[1]);
  // c = []; c.append(c); marshal.dumps(c, 4): the tape reports the cycle
  assert.equal(fromMarshal(new Uint8Array([219, 1, 0, 0, 0, 114, 0, 0, 0, 0])), undefined);
});

test("fromWtf8 keeps U+FEFF, noncharacters, astral characters and lone surrogates", () => {
  const s = "\ufeffa\uffff\ufdd0\u{1F600}";
  assert.equal(fromWtf8(new TextEncoder().encode(s)), s);
  assert.equal(fromWtf8(new Uint8Array([0xed, 0xa0, 0x80, 0x7a])), "\ud800z");
});

test("sizes come from the engine: a lying size or shadowed entries change nothing", () => {
  const m = new Map([[1, "a"]]);
  Object.defineProperty(m, "size", { value: 5 });
  m.forEach = () => {};
  m.entries = () => [][Symbol.iterator]();
  const [ok, tape] = toPy(m, -1);
  assert.equal(ok, 0);
  assert.deepEqual(tape, [OBJ, 1, INT, 1, STR, "a"]);
});

test("a getter is read once, whatever route the value takes", () => {
  let reads = 0;
  const o = { get x() { reads++; return new Map(); } };
  const answer = toPyFast([o]);
  assert.equal(answer[0], OK);  // the tape: a Map is not JSON-shaped
  assert.equal(reads, 1);
  reads = 0;
  const p = { get x() { reads++; return 1; } };
  assert.equal(toPyFast(p)[0], FAST);
  assert.equal(reads, 1);
});

test("a getter read before the marshal route declines is not read again by the tape", () => {
  let reads = 0;
  const o = { get x() { reads++; return [1, 2]; }, big: 2n ** 70n };  // BigInt: the tape
  const answer = toPyFast([o, { get y() { reads++; throw new Error("no"); } }]);
  assert.equal(answer[0], FAILED);  // the throwing getter, reported by the tape
  assert.equal(answer[4], "$[1].y");
  assert.equal(reads, 2);
  reads = 0;
  assert.equal(toPyFast([o])[0], OK);
  assert.equal(reads, 1);
});

test("toJSON is never consulted by the JSON route", () => {
  configure(true, true);
  useBackend(MICROPYTHON_JS);
  const o = { a: 1 };
  Object.defineProperty(o, "toJSON", { value: () => "lie", enumerable: false });
  assert.deepEqual(toPyFast(o).slice(0, 2), [FAST, '{"a":1}']);
});

test("bounds: an Array longer than the limit is a ConversionError naming it", () => {
  const answer = toPy([new Array(2 ** 32 - 1)], -1);
  assert.equal(answer[1], "conversion");
  assert.equal(answer[4], "$[0]");
  assert.match(answer[3], new RegExp("limit of " + MAX_ITEMS));
  assert.equal(toPyFast(new Array(2 ** 32 - 1))[1], "conversion");
});
