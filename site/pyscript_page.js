// pyscript.html's tags, chosen by the query: `?mpy` MicroPython (else Pyodide),
// `&worker` the cases run in a worker, `&line` the page has the one line
// (pyscript_ffi.js) and configs that do not list the package (`data-helper="none"`:
// no named helper worker); `&ws=URL` is the
// WebSocket echo server the cases talk to. Written while the page is parsed, so
// PyScript's core.js (a module, run after parsing) finds them.
"use strict";
(() => {
  const here = document.currentScript;
  const query = new URLSearchParams(location.search);
  const type = query.has("mpy") ? "mpy" : "py";
  const line = query.has("line");
  const worker = query.has("worker");
  // `data-config="interpreter"`: a config naming only the interpreter, stock or with the line
  const config = (kind) => "./dist/" + (here.dataset.config === "interpreter" ? kind + "-interpreter"
    : "pyscript-" + kind + (line ? "-line" : "")) + ".json";
  const tags = [];
  if (line) tags.push('<script type="module" src="./dist/pyscript_ffi.js"></script>');
  tags.push('<script type="' + type + '" src="' + here.dataset.src + '" config="' + config(type) + '"' +
    (worker ? " worker" : "") + "></script>");
  // the named worker the main-thread cases call (MicroPython: quick to start)
  if (!worker && here.dataset.helper !== "none") tags.push('<script type="mpy" worker name="helper" src="./pyscript_worker.py" config="' + config("mpy") + '"></script>');
  document.write(tags.join("\n"));
  if (worker) {
    // what the worker's `pyscript.sync` reaches on this thread
    const program = document.querySelector("script[worker]");
    const wire = setInterval(() => {
      if (!program.xworker) return;
      clearInterval(wire);
      Object.assign(program.xworker.sync, {
        main_double: (x) => x * 2,
        main_join: (items) => Array.from(items).join("+"),
      });
      document.body.dataset.syncReady = "yes";
    }, 5);
  }
  addEventListener("DOMContentLoaded", () => {
    const name = type === "mpy" ? "MicroPython" : "Pyodide";
    for (const el of document.querySelectorAll("[data-interpreter]")) el.textContent = name;
    for (const el of document.querySelectorAll("[data-where]")) el.textContent = worker ? "in a worker" : "main thread";
    for (const el of document.querySelectorAll("[data-mode]")) el.textContent = line ? "with the line" : "stock";
    document.title = document.title.replace("Python", name).replace("main thread", worker ? "worker" : "main thread");
  });
})();
