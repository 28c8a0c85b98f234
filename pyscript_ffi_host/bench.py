"""Side-by-side benchmark: pyscript_ffi, the raw interpreter FFI and PyScript's `ffi.py`.

    python -m pyscript_ffi_host.bench                  # full run, both runtimes
    python -m pyscript_ffi_host.bench --tiny --runtimes node --no-chart   # what CI runs

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
`site/bench.html` shows the last run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pytest_run_inside import Interp, InterpError, user_files

from . import artifacts

__all__ = [
    "Op",
    "Sizes",
    "operations",
    "pick_versions",
    "bench_one",
    "run",
    "table",
    "markdown",
    "chart",
    "main",
]

PYSCRIPT_FFI_PY = artifacts.PYSCRIPT_FFI_PY
OUT = artifacts.ROOT / "site" / "bench"  # served by the demo: site/bench.html shows the last run
#: Every interpreter version the project runs on (npm, see package.json), newest first.
VERSIONS = {
    "pyodide": ("314.0.7", "0.29.5", "0.28.3", "0.27.7"),
    "micropython": ("1.27.0", "1.26.0", "1.25.0", "1.24.1"),
}
NAMES = {"pyodide": "Pyodide", "micropython": "MicroPython"}
#: `--versions` by default: the newest and the oldest of each interpreter.
DEFAULT_VERSIONS = "newest,oldest"
IMPLS = ("ours", "raw", "pyscript", "memcpy")
LABELS = {"ours": "pyscript_ffi", "raw": "raw FFI", "pyscript": "PyScript ffi.py", "memcpy": "JS u8.slice()"}
#: The binary operations: each also times the reference, a JS memcpy of the same bytes (`u8.slice()`).
BINARY = ("bytes_to_js", "bytes_to_py", "typed_to_js", "typed_to_py")
#: Many small buffers (64 bytes) each way: the fixed cost of one binary conversion.
SMALL_BINARY = ("small_bytes_to_js", "small_bytes_to_py")

#: Runs first in every timed snippet: a clock, test data, and the names of one implementation.
PRELUDE = r"""
import gc, sys, time, js
MP = sys.implementation.name == "micropython"
if MP:  # time.ticks_us() ticks in whole ms under Node: JS performance.now() instead
    clock = js.performance.now
    def since(t0):
        return js.performance.now() - t0
else:
    clock = time.perf_counter
    def since(t0):
        return (time.perf_counter() - t0) * 1000

def records(n):
    return [
        {"id": i, "name": "item " + str(i), "price": i * 0.5 + 0.25, "active": i %% 3 == 0,
         "tags": ["a", "b"], "parent": None}
        for i in range(n)
    ]

IMPL = %(impl)r
to_py = None
destroys = True
if IMPL == "ours":
    import pyscript_ffi as F
    to_js, to_py, create_proxy, is_none = F.to_js, F.to_py, F.create_proxy, F.is_none
    js = F.js  # the portable surface: every JS object is a pyscript_ffi.JsProxy
elif IMPL == "pyscript":
    from pyscript import ffi as F
    to_js, create_proxy, is_none = F.to_js, F.create_proxy, F.is_none
    destroys = not MP
elif MP:
    import json, jsffi
    to_js, create_proxy = jsffi.to_js, jsffi.create_proxy
    destroys = False
    def to_py(x):  # MicroPython has no to_py: the JSON route
        return json.loads(js.JSON.stringify(x))
    _U = type(js.undefined)
    def is_none(v):
        return v is None or type(v) is _U
else:
    from pyodide.ffi import to_js, create_proxy
    try:
        from pyodide.ffi import jsnull
    except ImportError:
        jsnull = None
    def to_py(x):
        return x.to_py()
    def is_none(v):
        return v is None or v is jsnull
gc.collect()
"""

#: Per operation: the timed code; it leaves milliseconds in `result` (None: not offered).
SNIPPETS = {
    "to_js": """
data = records(%(n)d)
gc.collect()
t0 = clock()
out = to_js(data)
result = since(t0)
""",
    "to_js_small": """
small = {"id": 1, "name": "a", "ok": True, "tags": ["x"]}
t0 = clock()
for i in range(%(n)d):
    to_js(small)
result = since(t0)
""",
    "to_py": """
if to_py is None:
    result = None
else:
    data = js.__benchRecords(%(n)d)
    gc.collect()
    t0 = clock()
    out = to_py(data)
    result = since(t0)
""",
    "js_calls_py": """
def echo(x):
    return x
proxy = create_proxy(echo)
result = js.__benchCallLoop(proxy, %(n)d)
if destroys:
    proxy.destroy()
""",
    "py_calls_js": """
f = js.__benchIdentity
t0 = clock()
for i in range(%(n)d):
    f(i)
result = since(t0)
""",
    "attr_read": """
o = js.__benchObj
t0 = clock()
for i in range(%(n)d):
    o.a
result = since(t0)
""",
    "method_call": """
o = js.__benchObj
t0 = clock()
for i in range(%(n)d):
    o.m(i)
result = since(t0)
""",
    "attr_write": """
o = js.__benchObj
t0 = clock()
for i in range(%(n)d):
    o.b = i
result = since(t0)
""",
    "item_get": """
a = js.__benchArray
t0 = clock()
for i in range(%(n)d):
    a[1]
result = since(t0)
""",
    "item_set": """
a = js.__benchArray
t0 = clock()
for i in range(%(n)d):
    a[1] = i
result = since(t0)
""",
    "iterate": """
a = js.__benchRange(%(n)d)
t0 = clock()
for x in a:
    pass
result = since(t0)
""",
    "new_object": """
C = js.__benchClass
t0 = clock()
for i in range(%(n)d):
    C.new(i)
result = since(t0)
""",
    "dom_loop": """
doc = js.__benchDoc
root = doc.createElement("ul")
t0 = clock()
for i in range(%(n)d):
    el = doc.createElement("li")
    el.className = "item"
    el.textContent = "row"
    el.style.color = "red"
    root.append(el)
result = since(t0)
""",
    "proxy_create_destroy": """
def handler(x):
    return x
t0 = clock()
for i in range(%(n)d):
    p = create_proxy(handler)
    if destroys:
        p.destroy()
result = since(t0)
""",
    # binary data, %(n)d bytes; the raw MicroPython FFI has no conversion for buffers (None)
    "bytes_to_js": """
if IMPL != "ours" and MP:
    result = None
else:
    data = bytes(range(256)) * (%(n)d // 256)
    gc.collect()
    t0 = clock()
    out = to_js(data)
    result = since(t0)
""",
    "bytes_to_py": """
if IMPL == "pyscript" or (IMPL == "raw" and MP):
    result = None
else:
    data = js.__benchBytes(%(n)d)
    gc.collect()
    t0 = clock()
    out = to_py(data) if IMPL == "ours" else data.to_bytes()
    result = since(t0)
""",
    "typed_to_js": """
if IMPL != "ours" and MP:
    result = None
else:
    from array import array
    data = array("f", bytes(range(256)) * (%(n)d // 256))
    gc.collect()
    t0 = clock()
    out = to_js(data)
    result = since(t0)
""",
    "typed_to_py": """
if IMPL == "pyscript" or (IMPL == "raw" and MP):
    result = None
else:
    data = js.Float32Array.new(js.__benchBytes(%(n)d).buffer)
    gc.collect()
    t0 = clock()
    out = to_py(data) if IMPL == "ours" else data.to_py()
    result = since(t0)
""",
    "small_bytes_to_js": """
if IMPL != "ours" and MP:
    result = None
else:
    data = bytes(range(64))
    t0 = clock()
    for i in range(%(n)d):
        to_js(data)
    result = since(t0)
""",
    "small_bytes_to_py": """
if IMPL == "pyscript" or (IMPL == "raw" and MP):
    result = None
else:
    data = js.__benchBytes(64)
    convert = to_py if IMPL == "ours" else (lambda x: x.to_bytes())
    t0 = clock()
    for i in range(%(n)d):
        convert(data)
    result = since(t0)
""",
    "is_none": """
values = [None, js.JSON.parse("null"), 0, "", js.Object.new()] * (%(n)d // 5)
t0 = clock()
for v in values:
    is_none(v)
result = since(t0)
""",
}

#: `import pyscript_ffi` (ours) or `import pyscript.ffi` (PyScript), modules dropped first.
IMPORT_SNIPPET = r"""
import gc, sys, time
MP = sys.implementation.name == "micropython"
name = %(module)r
for m in list(sys.modules):
    if m == name or m.startswith(name + ".") or m == name.split(".")[0]:
        del sys.modules[m]
gc.collect()
if MP:
    import js
    t0 = js.performance.now()
    __import__(name)
    result = js.performance.now() - t0
else:
    t0 = time.perf_counter()
    __import__(name)
    result = (time.perf_counter() - t0) * 1000
"""

#: JS helpers the snippets use: data built in JS, and a loop calling a function from JS.
JS_SETUP = """
globalThis.__benchRecords = (n) => Array.from({ length: n }, (_, i) => ({
  id: i, name: "item " + i, price: i * 0.5 + 0.25, active: i % 3 === 0, tags: ["a", "b"], parent: null,
}));
globalThis.__benchIdentity = (x) => x;
globalThis.__benchBytes = (n) => Uint8Array.from({ length: n }, (_, i) => i & 255);
globalThis.__benchMemcpy = (n) => {  // the reference: a JS copy of n bytes (u8.slice()), the best of 5
  const u8 = globalThis.__benchBytes(n), times = [];
  u8.slice();
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    u8.slice();
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
};
globalThis.__benchObj = { a: 1, b: 0, m(x) { return x; } };
globalThis.__benchArray = [0, 1, 2, 3];
globalThis.__benchRange = (n) => Array.from({ length: n }, (_, i) => i);
globalThis.__benchClass = class Point { constructor(x) { this.x = x; } };
// A DOM-shaped object (Node has no DOM): createElement, properties, a style object, append.
globalThis.__benchDoc = {
  createElement(tag) {
    const el = { tagName: tag, className: "", textContent: "", style: {}, children: [] };
    el.append = (c) => { el.children.push(c); };
    return el;
  },
};
globalThis.__benchCallLoop = (f, n) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f(i);
  return performance.now() - t0;
};
return true;
"""

#: The reference for the binary operations, timed in JS.
MEMCPY_SNIPPET = """
import js
result = js.__benchMemcpy(%(n)d)
"""

#: Which implementations offer an operation (raw FFIs have no import to time).
IMPORTS = {"ours": "pyscript_ffi", "pyscript": "pyscript.ffi"}


@dataclass(frozen=True)
class Sizes:
    records: tuple[int, ...] = (1_000, 10_000, 100_000)
    calls: int = 100_000
    proxies: int = 10_000
    reps: int = 5
    bytes: int = 8 * 1024 * 1024

    @classmethod
    def tiny(cls) -> Sizes:
        return cls(records=(10, 100), calls=100, proxies=50, reps=2, bytes=8192)


@dataclass(frozen=True)
class Op:
    key: str  # e.g. "to_js 10000"
    snippet: str  # a key of SNIPPETS, or "import"
    n: int


def operations(sizes: Sizes) -> list[Op]:
    """Every timed operation, in the order of the table."""
    ops = [Op(f"to_js {n}", "to_js", n) for n in sizes.records]
    ops.append(Op(f"to_js_small {sizes.proxies}", "to_js_small", sizes.proxies))
    ops += [Op(f"to_py {n}", "to_py", n) for n in sizes.records]
    ops += [
        Op(f"js_calls_py {sizes.calls}", "js_calls_py", sizes.calls),
        Op(f"py_calls_js {sizes.calls}", "py_calls_js", sizes.calls),
        Op(f"attr_read {sizes.calls}", "attr_read", sizes.calls),
        Op(f"attr_write {sizes.calls}", "attr_write", sizes.calls),
        Op(f"method_call {sizes.calls}", "method_call", sizes.calls),
        Op(f"item_get {sizes.calls}", "item_get", sizes.calls),
        Op(f"item_set {sizes.calls}", "item_set", sizes.calls),
        Op(f"iterate {sizes.calls}", "iterate", sizes.calls),
        Op(f"new_object {sizes.proxies}", "new_object", sizes.proxies),
        Op(f"dom_loop {sizes.proxies}", "dom_loop", sizes.proxies),
        Op(f"proxy_create_destroy {sizes.proxies}", "proxy_create_destroy", sizes.proxies),
        Op(f"is_none {sizes.calls}", "is_none", sizes.calls),
        Op("import", "import", 1),
    ]
    mb = f"{sizes.bytes / 2**20:g} MB" if sizes.bytes >= 2**20 else f"{sizes.bytes} B"
    ops += [Op(f"{name} {mb}", name, sizes.bytes) for name in BINARY]
    ops += [Op(f"{name} {sizes.proxies}x64 B", name, sizes.proxies) for name in SMALL_BINARY]
    return ops


def _code(op: Op, impl: str) -> str | None:
    if impl == "memcpy":
        return MEMCPY_SNIPPET % {"n": op.n} if op.snippet in BINARY else None
    if op.snippet == "import":
        module = IMPORTS.get(impl)
        return None if module is None else IMPORT_SNIPPET % {"module": module}
    return PRELUDE % {"impl": impl} + SNIPPETS[op.snippet] % {"n": op.n}


def _install_pyscript_ffi(interp: Interp) -> None:
    """Write PyScript's installed `ffi.py` into the interpreter FS as `pyscript.ffi`."""
    files = {"pyscript/__init__.py": b"", "pyscript/ffi.py": PYSCRIPT_FFI_PY.read_bytes()}
    user_files.install(interp, files, root="/bench_pyscript")


def _summary(samples: list[float]) -> dict[str, Any]:
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "samples": samples,
    }


def _import_failure(error: InterpError) -> str:
    """The exceptions of a failed import, in the order they were raised."""
    raised = re.findall(r"^(\w+(?:Error|Exception): .*)$", error.traceback + "\n" + str(error), re.M)
    raised = [re.sub(r" \(/[^)]*\)$", "", line) for line in raised]  # the file a name was looked for in
    return " then ".join(dict.fromkeys(raised))


def bench_one(
    interp: Interp,
    sizes: Sizes,
    log: Callable[[str], None],
    only: set[str] | None = None,
    notes: list[str] | None = None,
    label: str | None = None,
) -> dict[str, Any]:
    """Time every operation for every implementation in one started interpreter.
    An implementation that does not import here (PyScript's `ffi.py` on Pyodide
    before 0.28) is left out of every row, with a line in `notes`."""
    label = label or interp.id
    interp.run_js(JS_SETUP)
    _install_pyscript_ffi(interp)
    cold: dict[str, Any] = {}
    for impl, module in IMPORTS.items():
        try:
            cold[impl] = interp.run(IMPORT_SNIPPET % {"module": module})
        except InterpError as e:
            if impl == "ours":
                raise
            why = f"{LABELS[impl]} does not import on {label}: {_import_failure(e)}"
            log("  " + why)
            if notes is not None:
                notes.append(why)
    results: dict[str, Any] = {}
    for op in operations(sizes):
        if only is not None and op.snippet not in only:
            continue
        samples: dict[str, list[float]] = {impl: [] for impl in IMPLS}
        offered = {impl: _code(op, impl) for impl in IMPLS if impl not in IMPORTS or impl in cold}
        for _ in range(sizes.reps):
            for impl, code in offered.items():
                if code is None:
                    continue
                ms = interp.run(code)
                if ms is not None:
                    samples[impl].append(float(ms))
        results[op.key] = {impl: _summary(s) if s else None for impl, s in samples.items()}
        log(f"  {label} {op.key}: " + _ratio_line(results[op.key]))
    results["import (first)"] = {
        impl: _summary([float(cold[impl])]) if impl in cold else None for impl in ("ours", "raw", "pyscript")
    }
    return results


def _median(row: dict[str, Any], impl: str) -> float | None:
    cell = row.get(impl)
    return None if cell is None else float(cell["median"])


def _ratio(row: dict[str, Any], other: str) -> float | None:
    ours, theirs = _median(row, "ours"), _median(row, other)
    if ours is None or theirs is None or theirs <= 0:
        return None
    return ours / theirs


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def _ratio_line(row: dict[str, Any]) -> str:
    return " ".join(f"{impl}={_fmt(_median(row, impl))}ms" for impl in IMPLS) + (
        f"  ours/raw={_fmt(_ratio(row, 'raw'), 'x')}"
    )


def _by_interpreter(report: dict[str, Any]) -> dict[str, list[str]]:
    """Interpreter -> its configurations (result keys), in run order."""
    groups: dict[str, list[str]] = {}
    for key, config in report["configs"].items():
        groups.setdefault(config["interpreter"], []).append(key)
    return groups


def _ops(report: dict[str, Any], keys: list[str]) -> list[str]:
    """The operations timed in any of these configurations, in table order."""
    ops: list[str] = []
    for key in keys:
        ops += [op for op in report["results"][key] if op not in ops]
    return ops


def _column(report: dict[str, Any], key: str) -> str:
    config = report["configs"][key]
    return f"{config['version']} {config['runtime']}"


def table(report: dict[str, Any]) -> str:
    """The terminal table: medians in ms (spread min-max for ours) and the ratios,
    per configuration; then ours/raw (ours/memcpy for buffers without a raw route)
    with every version of an interpreter side by side."""
    lines = []
    head = (
        f"{'operation':<26} {'pyscript_ffi ms':>18} {'raw ms':>9} {'PyScript ms':>12}"
        f" {'ours/raw':>9} {'ours/PyScript':>14} {'memcpy ms':>10} {'ours/memcpy':>12}"
    )
    for config, rows in report["results"].items():
        lines += ["", config, head, "-" * len(head)]
        for op, row in rows.items():
            ours = row.get("ours")
            spread = "" if ours is None else f" ({_fmt(ours['min'])}-{_fmt(ours['max'])})"
            lines.append(
                f"{op:<26} {_fmt(_median(row, 'ours')) + spread:>18} {_fmt(_median(row, 'raw')):>9}"
                f" {_fmt(_median(row, 'pyscript')):>12} {_fmt(_ratio(row, 'raw'), 'x'):>9}"
                f" {_fmt(_ratio(row, 'pyscript'), 'x'):>14} {_fmt(_median(row, 'memcpy')):>10}"
                f" {_fmt(_ratio(row, 'memcpy'), 'x'):>12}"
            )
    for name, keys in _by_interpreter(report).items():
        columns = [_column(report, key) for key in keys]
        lines += ["", f"{NAMES[name]}: ours/raw (m: ours/memcpy; ms: no reference)"]
        lines.append(f"{'operation':<26}" + "".join(f" {c:>16}" for c in columns))
        for op in _ops(report, keys):
            cells = []
            for key in keys:
                row = report["results"][key].get(op, {})
                raw, memcpy = _ratio(row, "raw"), _ratio(row, "memcpy")
                if raw is not None:
                    cells.append(_fmt(raw, "x"))
                elif memcpy is not None:
                    cells.append("m " + _fmt(memcpy, "x"))
                else:  # no reference (import): the time itself
                    cells.append(_fmt(_median(row, "ours")) + " ms")
            lines.append(f"{op:<26}" + "".join(f" {c:>16}" for c in cells))
    sizes = report["sizes"]
    lines += ["", "artifact sizes (bytes): " + ", ".join(f"{k} {v}" for k, v in sizes.items())]
    return "\n".join(lines)


def _spread(cell: dict[str, Any]) -> str:
    text = _fmt(cell["median"]) + " ms"
    if len(cell["samples"]) > 1:
        text += f" ({_fmt(cell['min'])}-{_fmt(cell['max'])})"
    return text


def _cell(row: dict[str, Any]) -> str:
    """pyscript_ffi's median (spread), then its ratio to each reference."""
    ours = row.get("ours")
    if ours is None:
        return "n/a"
    parts = [_spread(ours)]
    for impl, name in (("raw", "raw"), ("pyscript", "PyScript")):
        if _ratio(row, impl) is not None:
            parts.append(f"{name} {_fmt(_ratio(row, impl), 'x')}")
    if _ratio(row, "memcpy") is not None:
        parts.append(f"memcpy {_fmt(_median(row, 'memcpy'))} ms: {_fmt(_ratio(row, 'memcpy'), 'x')}")
    return "; ".join(parts)


def _loads(values: list[float] | None) -> str:
    return "n/a" if not values else "/".join(f"{v:.1f}" for v in values)


def _measured(report: dict[str, Any]) -> str:
    """The paragraph above the tables: when, where, what, how to read a cell."""
    machine, params = report["machine"], report["parameters"]
    runtimes = ", ".join(f"{name} {version}" for name, version in report["runtime versions"].items())
    versions = "; ".join(
        NAMES[name] + " " + ", ".join(dict.fromkeys(report["configs"][key]["version"] for key in keys))
        for name, keys in _by_interpreter(report).items()
    )
    sizes = report["sizes"]
    return (
        f"Measured {report['date']} on {machine['cpu']} ({machine['cores']} cores, {machine['system']}),"
        f" load average (1/5/15 min) {_loads(report['load']['start'])} at the start and"
        f" {_loads(report['load']['end'])} at the end; {runtimes}; {versions}."
        f" {report['reps']} repetitions per operation, the implementations taking turns in each;"
        f" sizes: {', '.join(str(n) for n in params['records'])} JSON-shaped records,"
        f" {params['calls']} calls, {params['proxies']} proxies, objects or 64-byte buffers,"
        f" {params['bytes']}-byte buffers."
        " Cells: pyscript_ffi's median time (min-max over the repetitions), then its time relative to"
        " the raw interpreter FFI and to PyScript's `ffi.py` (below 1 is faster; missing: no such"
        " route); the binary rows also give the JS reference, a `u8.slice()` of the same bytes (best"
        " of 5, same interpreter and run), and pyscript_ffi's time relative to it."
        f" Artifacts: wheel {sizes['wheel']} bytes, `.mpy` {sizes['mpy']} bytes"
        f" (PyScript's `ffi.py` source: {sizes['pyscript ffi.py (source)']} bytes)."
    )


def markdown(report: dict[str, Any]) -> str:
    """The README's performance section: how it was measured, then per interpreter a
    table of every operation with each version and runtime side by side."""
    lines = [_measured(report)]
    for name, keys in _by_interpreter(report).items():
        lines += ["", f"### {NAMES[name]}", ""]
        lines.append("| operation | " + " | ".join(_column(report, key) for key in keys) + " |")
        lines.append("|---|" + "---|" * len(keys))
        for op in _ops(report, keys):
            cells = [_cell(report["results"][key].get(op, {})) for key in keys]
            lines.append(f"| {op} | " + " | ".join(cells) + " |")
    notes = [note for key in report["configs"] for note in report["notes"].get(key, [])]
    if notes:
        lines += [""] + [f"Not timed: {note}." for note in notes]
    return "\n".join(lines)


def chart(report: dict[str, Any], path: Path) -> None:
    """A PNG: one row of panels per interpreter, one panel per version and runtime;
    per operation, pyscript_ffi's and PyScript's time relative to the raw FFI, and for
    the binary operations pyscript_ffi's time relative to a JS memcpy."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = _by_interpreter(report)
    cols = max(len(keys) for keys in groups.values())
    shown = {
        name: [
            op
            for op in _ops(report, keys)
            if any(
                _median(report["results"][key].get(op, {}), "raw")
                or _median(report["results"][key].get(op, {}), "memcpy")
                for key in keys
            )
        ]
        for name, keys in groups.items()
    }
    heights = [max(2.5, 0.3 * len(ops) + 1.2) for ops in shown.values()]
    fig, axes = plt.subplots(
        len(groups),
        cols,
        figsize=(max(9.0, 4.4 * cols), sum(heights) + 0.8),
        sharey="row",
        squeeze=False,
        gridspec_kw={"height_ratios": heights},
    )
    bars = (
        (-0.27, "#2a7ab9", LABELS["ours"] + " / raw FFI", lambda row: _ratio(row, "raw")),
        (0.0, "#e38d2c", LABELS["pyscript"] + " / raw FFI", lambda row: _rel(row, "pyscript")),
        (0.27, "#3a9a4a", LABELS["ours"] + " / JS u8.slice()", lambda row: _ratio(row, "memcpy")),
    )
    for line, (name, keys) in zip(axes, groups.items(), strict=True):
        ops = shown[name]
        ys = range(len(ops))
        for ax, key in zip(line, keys, strict=False):
            for offset, color, label, ratio in bars:
                values = [ratio(report["results"][key].get(op, {})) for op in ops]
                ax.barh(
                    [y + offset for y in ys],
                    [v if v is not None else 0 for v in values],
                    height=0.27,
                    color=color,
                    label=label,
                )
            ax.axvline(1.0, color="black", linewidth=1, label="the reference (raw FFI, memcpy) = 1")
            ax.set_xscale("log")
            ax.set_yticks(list(ys), ops)
            ax.set_title(f"{NAMES[name]} {_column(report, key)}")
            ax.set_xlabel("time / reference time (log; < 1 is faster)")
            ax.grid(axis="x", which="major", color="#dddddd")
            ax.set_axisbelow(True)
        for ax in line[len(keys) :]:
            ax.set_visible(False)
        line[0].invert_yaxis()  # once per row: the y axis is shared
    handles, labels = axes[0][0].get_legend_handles_labels()
    top = 1 - 0.9 / (sum(heights) + 0.8)  # room for the title and the legend, in figure fractions
    fig.legend(handles, labels, loc="upper center", ncol=4, bbox_to_anchor=(0.5, top + 0.45 * (1 - top)))
    fig.suptitle(f"pyscript_ffi vs raw FFI vs PyScript ffi.py ({report['date']}, {_machine_line(report)})")
    fig.tight_layout(rect=(0, 0, 1, top))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=90)
    plt.close(fig)


def _rel(row: dict[str, Any], impl: str) -> float | None:
    mine, raw = _median(row, impl), _median(row, "raw")
    return None if mine is None or not raw else mine / raw


def _machine_line(report: dict[str, Any]) -> str:
    machine = report["machine"]
    return f"{machine['cpu']}, {machine['cores']} cores, load {_loads(report['load']['start'])}"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _load() -> list[float] | None:
    return [round(v, 2) for v in os.getloadavg()] if hasattr(os, "getloadavg") else None


def _runtime_version(runtime: str) -> str:
    """`node --version` / the browser's `--version`, as the runtime reports it."""
    names = {"node": ("node",), "chrome": ("chromium", "chromium-browser", "google-chrome", "chrome")}
    for name in names.get(runtime, (runtime,)):
        exe = shutil.which(name)
        if exe is None:
            continue
        try:
            out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        return out.strip() or "unknown"
    return "unknown"


def pick_versions(interpreter: str, spec: str) -> list[str]:
    """The versions of `interpreter` named by `spec`: comma-separated `newest`,
    `oldest`, `all` or version numbers (a number of the other interpreter is skipped).

    ```python
    pick_versions("pyodide", "newest,oldest")   # ["314.0.7", "0.27.7"]
    pick_versions("micropython", "1.25.0,0.27.7")   # ["1.25.0"]
    ```
    """
    known = VERSIONS[interpreter]
    everyone = {v for versions in VERSIONS.values() for v in versions}
    wanted: set[str] = set()
    for word in (w.strip() for w in spec.split(",")):
        if word == "newest":
            wanted.add(known[0])
        elif word == "oldest":
            wanted.add(known[-1])
        elif word == "all":
            wanted.update(known)
        elif word in known:
            wanted.add(word)
        elif word not in everyone:
            choices = ", ".join(v for versions in VERSIONS.values() for v in versions)
            raise ValueError(f"unknown version {word!r}: newest, oldest, all or one of {choices}")
    return [v for v in known if v in wanted]


def run(
    sizes: Sizes,
    interpreters: list[str],
    runtimes: list[str],
    log: Callable[[str], None] = print,
    only: set[str] | None = None,
    versions: str = DEFAULT_VERSIONS,
) -> dict[str, Any]:
    """Run every configuration (interpreter x runtime x version; every operation,
    or those named in `only`); the report as a JSON-ready dict, its `results` and
    `configs` keyed `"<interpreter> <version> <runtime>"`."""
    built = artifacts.ensure()
    report: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {
            "cpu": _cpu_model(),
            "cores": os.cpu_count(),
            "system": f"{platform.system()} {platform.machine()}",
        },
        "load": {"start": _load(), "end": None},
        "runtime versions": {runtime: _runtime_version(runtime) for runtime in runtimes},
        "sizes": {
            "wheel": built.wheel.stat().st_size,
            "mpy": built.mpy.stat().st_size,
            "pyscript ffi.py (source)": PYSCRIPT_FFI_PY.stat().st_size,
        },
        "parameters": {
            "records": list(sizes.records),
            "calls": sizes.calls,
            "proxies": sizes.proxies,
            "bytes": sizes.bytes,
        },
        "reps": sizes.reps,
        "configs": {},
        "results": {},
        "notes": {},
    }
    for name in interpreters:
        for runtime in runtimes:
            for version in pick_versions(name, versions):
                interp = artifacts.start(name, runtime, version, built)
                try:
                    artifacts.set_timeout(interp, 300)
                    key = f"{name} {version} {runtime}"
                    report["configs"][key] = {"interpreter": name, "version": version, "runtime": runtime}
                    notes: list[str] = []
                    report["results"][key] = bench_one(interp, sizes, log, only, notes, key)
                    if notes:
                        report["notes"][key] = notes
                finally:
                    interp.close()
    report["load"]["end"] = _load()
    return report


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="tiny sizes, 2 repetitions (CI)")
    parser.add_argument("--reps", type=int, help="repetitions per operation (default 5)")
    parser.add_argument("--records", help="comma-separated record counts (default 1000,10000,100000)")
    parser.add_argument("--calls", type=int, help="calls for the per-call operations (default 100000)")
    parser.add_argument("--proxies", type=int, help="create_proxy + destroy cycles (default 10000)")
    parser.add_argument("--bytes", type=int, help="size of the binary operations' buffers (default 8 MB)")
    parser.add_argument("--interpreters", default="pyodide,micropython")
    parser.add_argument("--runtimes", default="node,chrome")
    parser.add_argument(
        "--versions",
        default=DEFAULT_VERSIONS,
        help="comma-separated: newest, oldest, all or version numbers (default newest,oldest)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="directory for results.json / .md / .png")
    parser.add_argument("--only", help="comma-separated operation names (e.g. to_js,is_none)")
    parser.add_argument("--no-chart", action="store_true", help="skip the PNG (no matplotlib needed)")
    args = parser.parse_args(argv)
    interpreters = args.interpreters.split(",")
    try:
        for name in interpreters:
            if name not in VERSIONS:
                raise ValueError(f"unknown interpreter {name!r}: " + ", ".join(VERSIONS))
            pick_versions(name, args.versions)
    except ValueError as e:
        parser.error(str(e))
    sizes = Sizes.tiny() if args.tiny else Sizes()
    sizes = Sizes(
        records=tuple(int(n) for n in args.records.split(",")) if args.records else sizes.records,
        calls=args.calls or sizes.calls,
        proxies=args.proxies or sizes.proxies,
        reps=args.reps or sizes.reps,
        bytes=args.bytes or sizes.bytes,
    )
    only = set(args.only.split(",")) if args.only else None
    report = run(sizes, interpreters, args.runtimes.split(","), only=only, versions=args.versions)
    print(table(report))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(report, indent=1))
    (args.out / "results.md").write_text(markdown(report) + "\n")
    print(f"\nwrote {args.out / 'results.json'} and results.md")
    chart_path = args.out / "results.png"
    if not args.no_chart:
        chart(report, chart_path)
        print(f"wrote {chart_path}")
    elif chart_path.exists():
        chart_path.unlink()  # an older run's chart: the results page shows only this run's
    return report


if __name__ == "__main__":
    main()
