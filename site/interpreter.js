// One page per example, on either interpreter: `page.html` runs its Python file on
// Pyodide (`py`), `page.html?mpy` on MicroPython (`mpy`). This classic script stands
// where the PyScript tag goes (`data-src`, optional `data-worker`), writes that tag
// for the chosen interpreter (PyScript's core.js, a module, runs after the page is
// parsed and finds it there), names the interpreter in every `[data-interpreter]`
// and in the title, and points `a[data-other-interpreter]` at the other one.
"use strict";
(() => {
  const here = document.currentScript;
  const mpy = new URLSearchParams(location.search).has("mpy");
  const type = mpy ? "mpy" : "py";
  const name = mpy ? "MicroPython" : "Pyodide";
  const program = document.createElement("script");
  program.type = type;
  program.src = here.dataset.src;
  // `data-line`: the page has the one line (pyscript_ffi.js), which installs the
  // package: its config names the interpreter only.
  program.setAttribute("config", `./dist/${type}${here.hasAttribute("data-line") ? "-interpreter" : ""}.json`);
  if (here.hasAttribute("data-worker")) program.setAttribute("worker", "");
  here.after(program);
  for (const el of document.querySelectorAll("[data-interpreter]")) el.textContent = name;
  for (const a of document.querySelectorAll("a[data-other-interpreter]")) a.search = mpy ? "" : "?mpy";
  document.title = document.title.replace("Python", name);
})();
