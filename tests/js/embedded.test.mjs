// The helper objects as the interpreters make them: each interpreter's body (the
// modules joined by pyscript_ffi_host/jsbuild.py into pyscript_ffi/_<backend>_js.py)
// run by `new Function`. The bodies come from the build itself, so this runs on a
// fresh checkout too.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";

const ROOT = new URL("../../", import.meta.url);
const body = (backend) => execFileSync(
  "python3", ["-c", "import sys; from pyscript_ffi_host import jsbuild; sys.stdout.write(jsbuild.helper_source(sys.argv[1]))", backend],
  { cwd: ROOT, encoding: "utf8" },
);
const SOURCES = { pyodide: body("pyodide"), micropython: body("micropython") };
// What Python calls on every interpreter, and what only one backend's Python calls.
const SHARED = ["toJs", "toPy", "toPyFast", "makeProxy", "callFn", "gather", "assign", "configure", "unwire", "stashEach"];
const OWN = { pyodide: ["fromMarshal"], micropython: ["fromObjects", "learnObjects", "learnQstrs", "takeText", "findHeap", "fromHeap", "toHeap", "boundParts"] };

for (const [backend, source] of Object.entries(SOURCES)) {
  test(backend + ': the body starts with "use strict": every helper is strict code', () => {
    assert.ok(source.startsWith('"use strict";'));
    const helpers = new Function(source)();
    for (const [name, fn] of Object.entries(helpers)) {
      assert.throws(() => fn.caller, TypeError, name + " is sloppy-mode code");
    }
  });

  test(backend + ": the helper object holds what Python calls, and no other backend's JS", () => {
    const helpers = new Function(source)();
    for (const name of [...SHARED, ...OWN[backend]]) assert.equal(typeof helpers[name], "function", name);
    for (const [other, names] of Object.entries(OWN)) {
      if (other !== backend) for (const name of names) assert.equal(helpers[name], undefined, name);
    }
  });
}

test("each factory call has its own state, and configure sets the flavour", () => {
  const helpers = new Function(SOURCES.micropython)();
  helpers.configure(true, true);
  assert.equal(typeof helpers.toPy([1], -1)[1], "string");  // JSON tapes
  assert.deepEqual(helpers.toPyFast([1, "a"]).slice(0, 2), [2, '[1,"a"]']);  // MicroPython's route: JSON text
  const fresh = new Function(SOURCES.micropython)();
  assert.ok(Array.isArray(fresh.toPy([1], -1)[1]));
  const pyodide = new Function(SOURCES.pyodide)();
  assert.ok(pyodide.toPyFast([1, "a"])[1] instanceof Uint8Array);  // Pyodide's route: marshal bytes
});
