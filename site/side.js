// side.html (one column of side_by_side.html): runs side_by_side.py on Pyodide
// (`?mpy`: MicroPython), stock or, with `&line`, with the page's one line. The
// configs name the interpreter only: the program uses PyScript's API alone.
"use strict";
(() => {
  const query = new URLSearchParams(location.search);
  const type = query.has("mpy") ? "mpy" : "py";
  const tags = [];
  if (query.has("line")) tags.push('<script type="module" src="./dist/pyscript_ffi.js"></script>');
  tags.push('<script type="' + type + '" src="./side_by_side.py" config="./dist/' + type + '-interpreter.json"></script>');
  document.write(tags.join("\n"));
})();
