// PyScript on pyscript_ffi: the ONE line a page adds, after PyScript's own core.js:
//
//   <script type="module" src="./pyscript_ffi.js"></script>
//
// with pyscript_ffi.mpy and pyscript_ffi.pyodide (the wheel's files, uncompressed)
// beside this file (the build puts them together in wheels/). It is a PyScript
// plugin (PyScript's `hooks`): in every PyScript interpreter, `py` and `mpy`, main
// thread and workers, it installs the package
// (no `packages`/`files` entry needed) and, before the first line of Python runs,
// makes PyScript's whole Python API run on it: `pyscript_ffi/_in_pyscript.py` says how.
// The Python code of the page does not change.
//
// The core.js it plugs into is the page's `<script type="module" src=".../core.js">`
// (or the one this tag names in `data-core`): the same module instance, so the
// same hooks.

const URLS = {
  pyodide: new URL("./pyscript_ffi.pyodide", import.meta.url).href,
  mpy: new URL("./pyscript_ffi.mpy", import.meta.url).href,
};

// Python run before PyScript's stdlib is imported (`before`, from a JS hook) and right
// after it (`after`, a code hook): expressions only, so no name is left in the page's
// namespace.
const BEFORE = "__import__('pyscript_ffi._in_pyscript', None, None, ['before']).before()";
const AFTER = "__import__('pyscript_ffi._in_pyscript', None, None, ['after']).after()";

// Put the package into `interpreter`, then run BEFORE. Pyodide: the wheel's files
// written into site-packages (`bytes` is pyscript_ffi.pyodide: a little-endian uint32
// n, n bytes of JSON [[path, size], ...], the files' bytes; no Python runs, where
// Pyodide's unpackArchive would import zipfile); MicroPython: the .mpy in /lib.
// Self-contained: a worker gets it as source (see `workerHook`).
function setUp(interpreter, bytes, before) {
  if (typeof interpreter.unpackArchive === "function") {  // Pyodide
    const dir = interpreter.runPython("__import__('site').getsitepackages()[0]");
    const n = new DataView(bytes).getUint32(0, true);
    let at = 4 + n;
    for (const [path, size] of JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, n)))) {
      const file = dir + "/" + path;
      interpreter.FS.mkdirTree(file.slice(0, file.lastIndexOf("/")));
      interpreter.FS.writeFile(file, new Uint8Array(bytes, at, size));
      at += size;
    }
    interpreter.runPython("__import__('sys').path_importer_cache.pop(" + JSON.stringify(dir) + ", None)");
  } else {  // MicroPython
    try { interpreter.FS.mkdir("/lib"); } catch (_) { /* there already */ }
    interpreter.FS.writeFile("/lib/pyscript_ffi.mpy", new Uint8Array(bytes));
  }
  interpreter.runPython(before);
}

function isPyodide(interpreter) {
  return typeof interpreter.unpackArchive === "function";
}

// ---- main thread: fetch while PyScript starts, set up once per interpreter --------
const fetched = new Map();  // url -> Promise<ArrayBuffer>
const ready = new WeakSet();  // interpreters set up

function bytesOf(url) {
  if (!fetched.has(url)) {
    fetched.set(url, fetch(url).then((r) => {
      if (!r.ok) throw new Error("pyscript_ffi.js: " + url + " answered " + r.status);
      return r.arrayBuffer();
    }));
  }
  return fetched.get(url);
}

async function onReady({ interpreter }) {
  if (ready.has(interpreter)) return;
  const bytes = await bytesOf(isPyodide(interpreter) ? URLS.pyodide : URLS.mpy);
  if (ready.has(interpreter)) return;
  ready.add(interpreter);
  setUp(interpreter, bytes, BEFORE);
}

// ---- workers: hooks travel as source; the files are read with a synchronous XHR ------
// (allowed in workers, and needed: a sync script's `onBeforeRun` is not awaited).
function workerHook() {
  const body = [
    "const urls = " + JSON.stringify(URLS) + ";",
    "const interpreter = wrap.interpreter;",
    "const xhr = new XMLHttpRequest();",
    "xhr.open('GET', typeof interpreter.unpackArchive === 'function' ? urls.pyodide : urls.mpy, false);",
    "xhr.responseType = 'arraybuffer';",
    "xhr.send();",
    "if (xhr.status !== 200) throw new Error('pyscript_ffi.js: ' + xhr.responseURL + ' answered ' + xhr.status);",
    "(" + String(setUp) + ")(interpreter, xhr.response, " + JSON.stringify(BEFORE) + ");",
  ];
  return Function("wrap", "xworker", body.join("\n"));
}

function coreURL() {
  const mine = [...document.querySelectorAll("script[type=module][src]")].find((s) => s.src === import.meta.url);
  if (mine && mine.dataset.core) return new URL(mine.dataset.core, location.href).href;
  const core = [...document.querySelectorAll("script[type=module][src]")].find((s) => /\/core\.js(?:[?#]|$)/.test(s.src));
  if (!core) throw new Error("pyscript_ffi.js: no <script type=\"module\" src=\".../core.js\"> (PyScript) in the page");
  return core.src;
}

const { hooks } = await import(coreURL());
hooks.main.onReady.add(onReady);  // awaited by PyScript before the element's code runs
const inWorker = workerHook();
hooks.worker.onBeforeRun.add(inWorker);
hooks.worker.onBeforeRunAsync.add(inWorker);
for (const where of [hooks.main, hooks.worker]) {
  where.codeBeforeRun.add(AFTER);
  where.codeBeforeRunAsync.add(AFTER);
}
// Fetch now what the page's own tags will need (workers made later fetch their own).
const tags = { pyodide: "script[type=py],py-script,py-config", mpy: "script[type=mpy],mpy-script,mpy-config" };
for (const [kind, selector] of Object.entries(tags)) {
  if (document.querySelector(selector)) bytesOf(URLS[kind]).catch(() => { /* reported by onReady */ });
}
