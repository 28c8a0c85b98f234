// Guarded calls, proxies and paths (pyscript_ffi/_calls.mjs, _proxies.mjs, _worker_utils.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";

import { callFn, callMethod, construct, settled } from "../../pyscript_ffi/_calls.mjs";
import { liveProxies, makeProxy, setDispatch, strengthenProxy, writtenProxy } from "../../pyscript_ffi/_proxies.mjs";
import { ARR, INT, OBJ, STR } from "../../pyscript_ffi/_tape.mjs";
import { assign, gather, walk } from "../../pyscript_ffi/_worker_utils.mjs";

const wired = (...ints) => JSON.stringify([0, [ARR, ints.length, ...ints.flatMap((n) => [INT, n])]]);

test("callFn: a result crosses as a depth-0 tape", () => {
  assert.deepEqual(callFn((a, b) => a + b, null, wired(2, 3)), [0, [INT, 5], []]);
});

test("guarded calls never throw, whatever the callee throws", () => {
  for (const thrown of [new SyntaxError("bad"), "a string", 7, null, undefined]) {
    const r = callFn(() => { throw thrown; }, null, wired());
    assert.equal(r[0], 1);
    assert.equal(r[1], "js");
    assert.equal(r[6], thrown);
  }
  assert.deepEqual(callMethod({}, "missing", wired()).slice(0, 4), [1, "js", "TypeError", '"missing" is not a function but undefined']);
  assert.equal(construct(() => 0, wired())[2], "TypeError");  // an arrow function is no constructor
});

test("settled: a rejection resolves to an error record", async () => {
  const r = await settled(Promise.reject(new RangeError("late")));
  assert.deepEqual(r.slice(0, 4), [1, "js", "RangeError", "late"]);
  assert.deepEqual(await settled(Promise.resolve("ok")), [0, [STR, "ok"], []]);
});

test("a proxy calls the dispatcher with its token; destroyed, it throws a JS Error", () => {
  const calls = [];
  setDispatch((token, ...args) => { calls.push([token, ...args]); return "s" + args.join(","); }, () => null);
  const before = liveProxies();
  const fn = makeProxy(41, false);
  assert.equal(fn("a", 1), "a,1");
  assert.deepEqual(calls, [[41, "a", 1]]);
  assert.equal(liveProxies(), before + 1);
  fn.destroy();
  fn.destroy();  // twice is fine
  assert.equal(liveProxies(), before);
  assert.throws(() => fn(), { name: "Error", message: "pyscript_ffi: this proxy has been destroyed" });
});

test("a written callable's holder gives the same function each time; create_proxy makes it strong", () => {
  setDispatch(() => 7, () => null);
  const before = liveProxies();
  const holder = writtenProxy(50);
  assert.equal(liveProxies(), before);  // made when first written
  const fn = holder.get();
  assert.equal(holder.get(), fn);
  assert.equal(fn(), 7);
  assert.equal(liveProxies(), before + 1);
  assert.equal(strengthenProxy(holder), fn);
  fn.destroy();
  assert.equal(liveProxies(), before);
});

test("a Python exception reply reaches JS as a PythonError", () => {
  setDispatch(() => JSON.stringify([1, "ValueError", "nope"]), () => null);
  assert.throws(() => makeProxy(1, true)(), { name: "PythonError", message: "ValueError: nope", pythonType: "ValueError" });
});

test("query paths follow reflected-ffi: brackets become dot steps, a missing step is undefined", () => {
  const root = { a: { b: [{ c: 1 }] }, "x.y": 2 };
  assert.equal(walk(root, "a.b[0]['c']"), 1);
  assert.equal(walk(root, 'a["b"][0].c'), 1);
  assert.equal(walk(root, "a.nothing.deeper"), undefined);
  assert.equal(walk(root, "['x.y']"), undefined);  // split on the dot like any other step
  assert.equal(gather(root, ["a.b[0].c"])[0], 0);
});

test("assign: '__proto__' becomes an own property; a read-only target is an error record", () => {
  const target = {};
  const tape = [ARR, 1, OBJ, 2, STR, "__proto__", INT, 1, STR, "k", INT, 2];
  assert.deepEqual(assign(target, tape, []), [0, null]);
  assert.equal(Object.getPrototypeOf(target), Object.prototype);
  assert.deepEqual(Object.keys(target), ["__proto__", "k"]);
  const frozen = Object.freeze({ k: 0 });
  const r = assign(frozen, tape, []);
  assert.deepEqual(r.slice(0, 3), [1, "js", "TypeError"]);  // strict mode: the failed set throws
});
