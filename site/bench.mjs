// bench.html: shows the last `nox -s bench` run (site/bench/results.md, results.png).
// The files of the last run, from the server's listing of bench/ (the demo serves site/ and
// makes that directory); asking for a file that is not there would log a 404.
const status = document.getElementById("bench-status");
const answer = await fetch("./bench/", { cache: "no-store" });
const listing = answer.ok ? new DOMParser().parseFromString(await answer.text(), "text/html") : null;
const files = new Set(listing ? [...listing.querySelectorAll("a")].map((a) => a.getAttribute("href")) : []);

// Text with `code` spans, as DOM nodes (never parsed as HTML).
function inline(parent, text) {
  text.split("`").forEach((part, i) => {
    if (i % 2) {
      const code = document.createElement("code");
      code.textContent = part;
      parent.append(code);
    } else {
      parent.append(part);
    }
  });
}

// results.md as written by pyscript_ffi_host.bench.markdown: paragraphs, ### headings, tables.
function render(markdown, into) {
  let table = null;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("|")) {
      const cells = line.trim().slice(1, -1).split("|").map((c) => c.trim());
      if (cells.every((c) => /^-+$/.test(c))) continue;
      const row = document.createElement("tr");
      cells.forEach((text, i) => {
        const cell = document.createElement(!table || i === 0 ? "th" : "td");
        if (table && i === 0) cell.scope = "row";
        inline(cell, text);
        row.append(cell);
      });
      if (!table) {
        const scroll = document.createElement("div");
        scroll.className = "scroll";
        table = document.createElement("table");
        table.createTHead().append(row);
        table.createTBody();
        scroll.append(table);
        into.append(scroll);
      } else {
        table.tBodies[0].append(row);
      }
      continue;
    }
    table = null;
    if (!line.trim()) continue;
    const block = document.createElement(line.startsWith("### ") ? "h3" : "p");
    inline(block, line.replace(/^### /, ""));
    into.append(block);
  }
}

if (!files.has("results.md")) {
  status.textContent = "";
  inline(status, "No benchmark run yet. `bash bin/nox -s bench` times everything (newest and oldest "
    + "interpreter versions, Node and Chromium); `bash bin/nox -s bench -- --tiny --runtimes node` is a "
    + "quick one. Reload this page when it has finished.");
} else {
  const markdown = await (await fetch("./bench/results.md", { cache: "no-store" })).text();
  render(markdown, document.getElementById("bench-results"));
  status.textContent = "";
  inline(status, "The last run: `site/bench/results.md` (ready to paste into the README) and ");
  const raw = document.createElement("a");
  raw.href = "./bench/results.json";
  raw.textContent = "results.json";
  status.append(raw, " (every sample).");
  const chart = document.getElementById("bench-chart");
  if (files.has("results.png")) {
    const img = document.createElement("img");
    img.id = "bench-png";
    img.alt = "time relative to the raw FFI, per operation, interpreter version and runtime";
    img.src = "./bench/results.png?" + Date.now();
    chart.append(img);
  } else {
    const note = document.createElement("p");
    note.id = "bench-no-chart";
    note.className = "meta";
    inline(note, "No chart in this run (it was made with `--no-chart`).");
    chart.append(note);
  }
}
document.body.dataset.bench = files.has("results.md") ? "shown" : "none";
