// The helper object as the interpreters make it: pyscript_ffi/_jshelpers.py's SOURCE
// (the modules joined by pyscript_ffi_host/jsbuild.py) run by `new Function`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const python = readFileSync(new URL("../../pyscript_ffi/_jshelpers.py", import.meta.url), "utf8");
const SOURCE = python.slice(python.indexOf('SOURCE = r"""') + 13, python.lastIndexOf('"""'));

test('the embedded body starts with "use strict": every helper is strict code', () => {
  assert.ok(SOURCE.startsWith('"use strict";'));
  const helpers = new Function(SOURCE)();
  for (const [name, fn] of Object.entries(helpers)) {
    assert.throws(() => fn.caller, TypeError, name + " is sloppy-mode code");
  }
});

test("the helper object holds what Python calls, and configure sets the flavour", () => {
  const helpers = new Function(SOURCE)();
  for (const name of ["toJs", "toPy", "toPyFast", "fromMarshal", "makeProxy", "callFn", "gather", "assign", "configure"]) {
    assert.equal(typeof helpers[name], "function", name);
  }
  helpers.configure(true, true);
  assert.equal(typeof helpers.toPy([1], -1)[1], "string");  // JSON tapes
  const fresh = new Function(SOURCE)();
  assert.ok(Array.isArray(fresh.toPy([1], -1)[1]));  // each factory call has its own state
});
