// Error records and paths (pyscript_ffi/_errors.mjs): never a throw, whatever was thrown.
import assert from "node:assert/strict";
import { test } from "node:test";

import { describe, unbox } from "../../pyscript_ffi/_box.mjs";
import { conversionError, jsError, pathOf } from "../../pyscript_ffi/_errors.mjs";

test("pathOf spells paths as format_path does: names, indices, quoted keys", () => {
  assert.equal(pathOf([]), "$");
  assert.equal(pathOf(["a", 3, "b c", "_x$1"]), '$.a[3]["b c"]._x$1');
  assert.equal(pathOf(["1a", 'q"\\']), '$["1a"]["q\\"\\\\"]');
});

test("describe: an Error gives its name and message", () => {
  assert.deepEqual(describe(new TypeError("bad")), ["TypeError", "bad"]);
});

test("describe: primitives thrown give their type and text", () => {
  assert.deepEqual(describe("text"), ["string", "text"]);
  assert.deepEqual(describe(42), ["number", "42"]);
  assert.deepEqual(describe(null), ["object", "null"]);
  assert.deepEqual(describe(undefined), ["undefined", "undefined"]);
  assert.deepEqual(describe(Symbol("s")), ["symbol", "Symbol(s)"]);
});

test("describe: an object without name uses its constructor; hostile getters never throw", () => {
  class Oops {}
  assert.deepEqual(describe(new Oops()), ["Oops", ""]);
  assert.deepEqual(describe(Object.create(null)), ["Error", ""]);
  const hostile = {
    get name() { throw new Error("no name"); },
    get message() { throw new Error("no message"); },
  };
  assert.deepEqual(describe(hostile), ["Error", ""]);
  const unprintable = { [Symbol.toPrimitive]() { throw new Error("no text"); } };
  assert.deepEqual(describe(Object.assign(unprintable, { name: "N", message: "m" })), ["N", "m"]);
});

test("jsError and conversionError are records, the thrown value kept", () => {
  const e = new RangeError("r");
  const r = jsError(e, ["a", 0]);
  assert.deepEqual(r.slice(0, 5), [1, "js", "RangeError", "r", "$.a[0]"]);
  assert.equal(unbox(r[5]), e);  // boxed for Python
  assert.equal(r[6], e);
  assert.deepEqual(jsError("x", null), [1, "js", "string", "x", null, "sx", "x"]);
  assert.deepEqual(conversionError("circular reference", [1]), [1, "conversion", "ConversionError", "circular reference", "$[1]", null, null]);
});
