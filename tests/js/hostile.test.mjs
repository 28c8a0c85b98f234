// Hostile values and exact carriers in the JS helpers (pyscript_ffi/_box.mjs,
// _jsproxy.mjs, _to_js.mjs), without an interpreter.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { out, text, unbox } from "../../pyscript_ffi/_box.mjs";
import { hasIn, lenOf, truthOf } from "../../pyscript_ffi/_jsproxy.mjs";
import { ARR, INT, OBJ, REF, STR, configure } from "../../pyscript_ffi/_tape.mjs";
import { toJsValue } from "../../pyscript_ffi/_to_js.mjs";

afterEach(() => configure(false, true));

// A Proxy whose every trap throws an Error named after the trap, and the traps it was asked.
function named() {
  const asked = [];
  const handler = {};
  for (const trap of ["get", "set", "has", "deleteProperty", "getPrototypeOf", "ownKeys", "getOwnPropertyDescriptor"]) {
    handler[trap] = () => { asked.push(trap); throw new Error(trap); };
  }
  return [new Proxy({}, handler), asked];
}

test("toJsValue: a built container crosses as it is, a foreign object itself once handOut lets it", () => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  const built = toJsValue([ARR, 1, INT, 1], [], false);
  assert.deepEqual(built, [0, [1]]);
  const o = {};
  assert.deepEqual(toJsValue([REF, 0], [o], false), [0, o]);  // the interpreter's own handle of it
  const refused = toJsValue([REF, 0], [r.proxy], false);  // MicroPython's conversion would probe it
  assert.equal(refused[0], 1);
  assert.match(refused[3], /revoked/);
  assert.deepEqual(toJsValue([ARR, 1, REF, 0], [r.proxy], false)[0], 0);  // inside a built Array: never probed
  assert.deepEqual(toJsValue([OBJ, 1, STR, "k", INT, 2], [], false), [0, { k: 2 }]);
});

test("toJsValue: a BigInt as its carrier; depth 0 keeps even a plain object in a Box", () => {
  assert.deepEqual(toJsValue([10, "5"], [], false), [0, "b5"]);
  const o = {};
  const [, kept] = toJsValue([REF, 0], [o], true);
  assert.equal(unbox(kept), o);
  assert.notEqual(kept, o);
});

test("text: a lone surrogate crosses MicroPython as JSON text, any other string as it is", () => {
  assert.equal(text("\ud800x"), "s\ud800x");  // Pyodide
  configure(true, true);
  assert.equal(text("\ud800x"), 'j"\\ud800x"');
  assert.equal(JSON.parse(text("a\udfff").slice(1)), "a\udfff");
  assert.equal(text("\ud83d\ude00\ufeff\0"), "s\ud83d\ude00\ufeff\0");
  assert.equal(out("\udc00"), 'j"\\udc00"');
});

test("in: a Proxy's has trap is the first trap that reports", () => {
  const [p, asked] = named();
  assert.equal(hasIn(p, "x"), 'e["Error","has"]');
  assert.deepEqual(asked.filter((t) => t !== "getPrototypeOf"), ["has"]);
});

test("len reads length, bool asks no trap that can fail it", () => {
  const [p] = named();
  assert.equal(lenOf(p), 'e["Error","get"]');
  assert.equal(truthOf(p), true);
  assert.equal(truthOf(new Map()), false);
  assert.equal(lenOf(new Set([1, 2])), 2);
});
