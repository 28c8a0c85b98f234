// side_by_side.html: collects the rows each column's side.html posts (see
// side_by_side.py) into one table, and highlights the rows where a stock
// column differs from the line's column of the same interpreter. A column that
// stops reporting before its last row (a JS error that escaped Python's
// try/except ended the program) shows so for the rows it did not reach.
"use strict";
(() => {
  const COLUMNS = ["", "?line", "?mpy", "?mpy&line"];
  const STOPPED_AFTER_MS = 8000;  // no message for this long, not done: the program stopped
  const columns = new Map(COLUMNS.map((page) => [page, { rows: [], done: false, last: 0 }]));
  const body = document.querySelector("#side tbody");
  const status = document.getElementById("status");

  function render() {
    const labels = [];
    for (const c of columns.values()) for (const [label] of c.rows) if (!labels.includes(label)) labels.push(label);
    body.replaceChildren();
    const finished = [...columns.values()].every((c) => c.done || c.stopped);
    for (const label of labels) {
      const tr = body.insertRow();
      tr.dataset.label = label;
      const cell = tr.insertCell();
      cell.textContent = label;
      cell.className = "label";
      const texts = COLUMNS.map((page) => {
        const c = columns.get(page), found = c.rows.find(([l]) => l === label);
        return found ? found[1] : (c.stopped ? null : undefined);
      });
      texts.forEach((text, i) => {
        const td = tr.insertCell();
        td.className = i % 2 === 0 ? "stock" : "line";
        if (text === null) { td.textContent = "(the program stopped before this row)"; td.classList.add("stopped"); }
        else td.textContent = text === undefined ? "..." : text;
      });
      if (finished && (texts[0] !== texts[1] || texts[2] !== texts[3])) tr.classList.add("differs");
    }
    if (finished) {
      const differing = body.querySelectorAll("tr.differs").length;
      status.textContent = "done: " + labels.length + " rows, " + differing + " where stock differs from the line";
      document.body.dataset.done = "yes";
    }
  }

  addEventListener("message", (event) => {
    if (event.origin !== location.origin) return;
    let message;
    try { message = JSON.parse(event.data); } catch (_) { return; }
    const c = columns.get(message.page);
    if (!c) return;
    Object.assign(c, { rows: message.rows, done: message.done, last: Date.now() });
    render();
  });
  const timer = setInterval(() => {
    let changed = false;
    for (const c of columns.values()) {
      if (!c.done && !c.stopped && c.last && Date.now() - c.last > STOPPED_AFTER_MS) { c.stopped = true; changed = true; }
    }
    if (changed) render();
    if ([...columns.values()].every((c) => c.done || c.stopped)) clearInterval(timer);
  }, 500);
})();
