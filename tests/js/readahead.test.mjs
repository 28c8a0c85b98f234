// The answers that save work (pyscript_ffi/_box.mjs `readOf`, _jsproxy.mjs iteration,
// _proxies.mjs `boxedArgs`, _to_py.mjs small buffers): each says exactly what the
// plain answer would, or that Python already holds it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { boxed, unbox } from "../../pyscript_ffi/_box.mjs";
import { getProp, getPropAgain, iterOf, nextOf } from "../../pyscript_ffi/_jsproxy.mjs";
import { boxedArgs } from "../../pyscript_ffi/_proxies.mjs";
import { A_BYTES, A_CHUNK, A_DONE, A_NAN } from "../../pyscript_ffi/_protocol.mjs";
import { toPyFast } from "../../pyscript_ffi/_to_py.mjs";

test("getProp: the object the last read of a name gave answers NaN; another object, a new Box", () => {
  const inner = {}, o = { x: inner, n: NaN, k: 1 };
  const h = boxed(o);
  const first = getProp(h, "x");
  assert.equal(unbox(first), inner);
  assert.ok(Number.isNaN(getProp(h, "x")));
  assert.equal(getProp(h, "n"), A_NAN);  // a NaN read is a letter, never the marker
  o.x = {};
  assert.equal(unbox(getProp(h, "x")), o.x);
  o.x = 5;
  assert.equal(getProp(h, "x"), 5);
  o.x = inner;
  assert.equal(unbox(getProp(h, "x")), inner);  // forgotten when a primitive was read: a new Box
  assert.equal(unbox(getPropAgain(h, "x")), inner);  // again: a new Box whatever the last read
  assert.ok(Number.isNaN(getProp(h, "x")));
  assert.equal(getProp(boxed(o), "k"), 1);
});

test("iteration of an Array reads ahead runs JSON carries exactly, and stops at anything else", () => {
  const big = 2 ** 53 + 2, obj = {};
  const values = [1, 2.5, "s", null, true, -0, NaN, big, 10n, "\ud800", obj, 3, 4];
  const it = iterOf(boxed(values));
  const seen = [];
  for (let r = nextOf(it); r !== A_DONE; r = nextOf(it)) seen.push(r);
  assert.equal(seen[0], A_CHUNK + JSON.stringify([1, 2.5, "s", null, true]));
  assert.deepEqual(seen.slice(1, 5), ["z", NaN, "F" + BigInt(big).toString(), "b10"]);
  assert.equal(unbox(seen[6]), obj);
  assert.equal(seen[7], A_CHUNK + "[3,4]");
  assert.equal(nextOf(it), A_DONE);
});

test("a read that throws ends the run and throws at its own place", () => {
  const a = [0, 1, 2];
  Object.defineProperty(a, 1, { get() { throw new RangeError("one"); } });
  const it = iterOf(boxed(a));
  assert.equal(nextOf(it), 0);
  assert.match(nextOf(it), /^e\["RangeError","one"\]/);
});

test("boxedArgs: objects in Boxes, null and undefined as out gives them, the tape for the rest", () => {
  const event = { type: "click" };
  const r = boxedArgs([event, 1, "x"]);
  assert.equal(unbox(r[0]), event);
  assert.deepEqual(r.slice(1), [1, "x"]);
  assert.equal(boxedArgs([1n]), null);
  assert.equal(boxedArgs(new Array(17).fill({})), null);
});

test("toPyFast: a small byte buffer is one base64 answer; a large one, a typed array, the usual route", () => {
  assert.equal(toPyFast(Uint8Array.from([104, 105])), A_BYTES + "aGk=");
  assert.equal(toPyFast(new DataView(Uint8Array.from([1, 104, 105]).buffer, 1)), A_BYTES + "aGk=");
  assert.notEqual(typeof toPyFast(new Uint8Array(2048)), "string");
  assert.notEqual(typeof toPyFast(Float32Array.from([1])), "string");
});
