"""Side-by-side benchmark: pyscript_ffi, the raw interpreter FFI and PyScript's `ffi.py`.

    python -m pyscript_ffi_host.bench                  # full run, both runtimes
    python -m pyscript_ffi_host.bench --tiny --runtimes node --no-chart   # what CI runs
    python -m pyscript_ffi_host.bench --publish        # also the README's section (nox -s bench)
    python -m pyscript_ffi_host.bench --check          # no run: is the README section the results'?

Every operation runs inside the interpreter (by default the newest and the oldest
versions: Pyodide 314.0.7 and 0.27.7, MicroPython 1.27.0 and 1.24.1; `--versions`
picks others; under Node and headless Chromium) and is timed there: `time.perf_counter`
on Pyodide, JS `performance.now` on MicroPython (its `time.ticks_us` ticks in
whole milliseconds under Node) and for the calls made from JS. The three
implementations take turns within each repetition, so load from other
processes hits them alike. PyScript's `pyscript/ffi.py` is read
at run time from the installed `@pyscript/core` and written into the
interpreter's filesystem as the module `pyscript.ffi`.

Results: a table of medians and ratios on stdout, `site/bench/results.json` (keyed
by interpreter, version and runtime), `results.md` (the README's performance section:
machine, date, load, medians with spread, ratios) and `results.png` (the chart);
`site/bench.html` shows the last run. With Chromium among the runtimes the run also loads
`site/pyscript_workload.html` (PyScript's `pyscript.web`, `@when` and `display`, 1,000 of
each) on both interpreters, stock and with the page's one line, and reports each step and the
page start (`--workload-reps N`, default 5; 0: not run). With `--publish` the run also becomes the
committed one: `docs/bench-results.json`, the README's section and `docs/bench.png`
(`publish.py`, checked by tests/test_docs.py).

| module | holds |
|---|---|
| `snippets.py`, `setup.js` | what is timed: the Python run inside per operation and implementation, its JS |
| `runner.py` | sizes, operations, versions; running every configuration |
| `pyscript_workload.py` | PyScript's stdlib in a page (`site/pyscript_workload.html`), stock and the line |
| `machine.py` | where a run is made: CPU, load, runtimes |
| `report.py` | the terminal table, the README section, the targets |
| `chart.py` | the PNG |
| `publish.py` | the committed run: results file, README section, chart, and their check |
| `cli.py` | `main`, the command line |
"""

from . import pyscript_workload
from .chart import chart
from .cli import OUT, main
from .report import fmt, markdown, table, targets
from .runner import DEFAULT_VERSIONS, VERSIONS, Op, Sizes, bench_one, operations, pick_versions, run
from .snippets import BINARY, IMPLS, LABELS, SMALL_BINARY

__all__ = [
    "OUT",
    "VERSIONS",
    "DEFAULT_VERSIONS",
    "IMPLS",
    "LABELS",
    "BINARY",
    "SMALL_BINARY",
    "Op",
    "Sizes",
    "operations",
    "pick_versions",
    "bench_one",
    "run",
    "table",
    "markdown",
    "targets",
    "fmt",
    "chart",
    "main",
    "pyscript_workload",
]
