"""Side-by-side benchmark: pyscript_ffi, the raw interpreter FFI and PyScript's `ffi.py`.

    python -m pyscript_ffi_host.bench                  # full run, both runtimes
    python -m pyscript_ffi_host.bench --tiny --runtimes node --no-chart   # what CI runs

Every operation runs inside the interpreter (Pyodide 314.0.7 and MicroPython
1.27.0, under Node and headless Chromium) and is timed there: `time.perf_counter`
on Pyodide, JS `performance.now` on MicroPython (its `time.ticks_us` ticks in
whole milliseconds under Node) and for the calls made from JS. The three
implementations take turns within each repetition, so load from other
processes hits them alike. PyScript's `pyscript/ffi.py` is read
at run time from the installed `@pyscript/core` and written into the
interpreter's filesystem as the module `pyscript.ffi`.

Results: a table of medians and ratios on stdout, `site/bench/results.json`,
`results.md` (the README table) and `results.png`.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pytest_run_inside import Interp, user_files

from . import artifacts

__all__ = ["Op", "Sizes", "operations", "bench_one", "run", "table", "markdown", "chart", "main"]

PYSCRIPT_FFI_PY = artifacts.PYSCRIPT_FFI_PY
OUT = artifacts.ROOT / "site" / "bench"
VERSIONS = {"pyodide": "314.0.7", "micropython": "1.27.0"}
IMPLS = ("ours", "raw", "pyscript", "memcpy")
LABELS = {"ours": "pyscript_ffi", "raw": "raw FFI", "pyscript": "PyScript ffi.py", "memcpy": "JS u8.slice()"}
#: The binary operations: each also times the reference, a JS memcpy of the same bytes (`u8.slice()`).
BINARY = ("bytes_to_js", "bytes_to_py", "typed_to_js", "typed_to_py")

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
globalThis.__benchObj = { a: 1, m(x) { return x; } };
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
        Op(f"method_call {sizes.calls}", "method_call", sizes.calls),
        Op(f"dom_loop {sizes.proxies}", "dom_loop", sizes.proxies),
        Op(f"proxy_create_destroy {sizes.proxies}", "proxy_create_destroy", sizes.proxies),
        Op(f"is_none {sizes.calls}", "is_none", sizes.calls),
        Op("import", "import", 1),
    ]
    mb = f"{sizes.bytes / 2**20:g} MB" if sizes.bytes >= 2**20 else f"{sizes.bytes} B"
    ops += [Op(f"{name} {mb}", name, sizes.bytes) for name in BINARY]
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


def bench_one(
    interp: Interp, sizes: Sizes, log: Callable[[str], None], only: set[str] | None = None
) -> dict[str, Any]:
    """Time every operation for every implementation in one started interpreter."""
    interp.run_js(JS_SETUP)
    _install_pyscript_ffi(interp)
    cold = {impl: interp.run(IMPORT_SNIPPET % {"module": m}) for impl, m in IMPORTS.items()}
    results: dict[str, Any] = {}
    for op in operations(sizes):
        if only is not None and op.snippet not in only:
            continue
        samples: dict[str, list[float]] = {impl: [] for impl in IMPLS}
        offered = {impl: _code(op, impl) for impl in IMPLS}
        for _ in range(sizes.reps):
            for impl, code in offered.items():
                if code is None:
                    continue
                ms = interp.run(code)
                if ms is not None:
                    samples[impl].append(float(ms))
        results[op.key] = {impl: _summary(s) if s else None for impl, s in samples.items()}
        log(f"  {interp.id} {op.key}: " + _ratio_line(results[op.key]))
    results["import (first)"] = {
        "ours": _summary([float(cold["ours"])]),
        "raw": None,
        "pyscript": _summary([float(cold["pyscript"])]),
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


def table(report: dict[str, Any]) -> str:
    """The terminal table: medians in ms (spread min-max for ours) and the ratios."""
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
    sizes = report["sizes"]
    lines += ["", "artifact sizes (bytes): " + ", ".join(f"{k} {v}" for k, v in sizes.items())]
    return "\n".join(lines)


def markdown(report: dict[str, Any]) -> str:
    """The README table: per operation, pyscript_ffi's median and its ratio to the
    raw FFI and to PyScript's ffi.py, one column group per interpreter and runtime."""
    configs = list(report["results"])
    head = "| operation | " + " | ".join(configs) + " |"
    lines = [head, "|---|" + "---|" * len(configs)]
    ops = list(report["results"][configs[0]])
    for op in ops:
        cells = []
        for config in configs:
            row = report["results"][config].get(op, {})
            cell = _fmt(_median(row, "ours")) + " ms"
            ratios = [
                name + " " + _fmt(_ratio(row, impl), "x")
                for impl, name in (("raw", "raw"), ("pyscript", "PyScript"), ("memcpy", "JS memcpy"))
                if _ratio(row, impl) is not None
            ]
            cells.append(cell + (" (" + ", ".join(ratios) + ")" if ratios else ""))
        lines.append(f"| {op} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def chart(report: dict[str, Any], path: Path) -> None:
    """A PNG: per interpreter and runtime, each operation's time relative to the raw FFI
    (and, for the binary operations, pyscript_ffi's time relative to a JS memcpy)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    configs = list(report["results"])
    size = (max(9.0, 4.2 * len(configs)), 6.0)
    fig, axes = plt.subplots(1, len(configs), figsize=size, sharey=True, squeeze=False)
    for ax, config in zip(axes[0], configs, strict=True):
        rows = {
            op: row
            for op, row in report["results"][config].items()
            if _median(row, "raw") or _median(row, "memcpy")
        }
        ops = list(rows)
        ys = range(len(ops))
        bars = (
            (-0.27, "#2a7ab9", LABELS["ours"] + " / raw FFI", lambda row: _ratio(row, "raw")),
            (0.0, "#e38d2c", LABELS["pyscript"] + " / raw FFI", lambda row: _rel(row, "pyscript")),
            (0.27, "#3a9a4a", LABELS["ours"] + " / JS u8.slice()", lambda row: _ratio(row, "memcpy")),
        )
        for offset, color, label, ratio in bars:
            values = [ratio(rows[op]) for op in ops]
            ax.barh(
                [y + offset for y in ys],
                [v if v is not None else 0 for v in values],
                height=0.27,
                color=color,
                label=label,
            )
        ax.axvline(1.0, color="black", linewidth=1)
        ax.set_xscale("log")
        ax.set_yticks(list(ys), ops)
        ax.set_title(config)
        ax.set_xlabel("time / reference time (log; < 1 is faster)")
    axes[0][0].invert_yaxis()  # once: the y axis is shared
    axes[0][0].legend(loc="lower right")
    fig.suptitle(f"pyscript_ffi vs raw FFI vs PyScript ffi.py ({report['date']}, {report['machine']})")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=90)
    plt.close(fig)


def _rel(row: dict[str, Any], impl: str) -> float | None:
    mine, raw = _median(row, impl), _median(row, "raw")
    return None if mine is None or not raw else mine / raw


def _machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{platform.machine()} {os.cpu_count()} CPUs, load {load:.1f} at start"


def run(
    sizes: Sizes,
    interpreters: list[str],
    runtimes: list[str],
    log: Callable[[str], None] = print,
    only: set[str] | None = None,
) -> dict[str, Any]:
    """Run every configuration (every operation, or those named in `only`);
    the report as a JSON-ready dict."""
    built = artifacts.ensure()
    report: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": _machine(),
        "sizes": {
            "wheel": built.wheel.stat().st_size,
            "mpy": built.mpy.stat().st_size,
            "pyscript ffi.py (source)": PYSCRIPT_FFI_PY.stat().st_size,
        },
        "parameters": {"records": list(sizes.records), "calls": sizes.calls, "proxies": sizes.proxies},
        "reps": sizes.reps,
        "results": {},
    }
    for name in interpreters:
        for runtime in runtimes:
            interp = artifacts.start(name, runtime, VERSIONS[name], built)
            try:
                if name == "pyodide":
                    interp.set_timeout(300)  # type: ignore[attr-defined]
                else:
                    interp.timeout = 300  # type: ignore[attr-defined]
                key = f"{name} {VERSIONS[name]} {runtime}"
                report["results"][key] = bench_one(interp, sizes, log, only)
            finally:
                interp.close()
    report["load after"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
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
    parser.add_argument("--out", type=Path, default=OUT, help="directory for results.json / results.png")
    parser.add_argument("--only", help="comma-separated operation names (e.g. to_js,is_none)")
    parser.add_argument("--no-chart", action="store_true", help="skip the PNG (no matplotlib needed)")
    args = parser.parse_args(argv)
    sizes = Sizes.tiny() if args.tiny else Sizes()
    sizes = Sizes(
        records=tuple(int(n) for n in args.records.split(",")) if args.records else sizes.records,
        calls=args.calls or sizes.calls,
        proxies=args.proxies or sizes.proxies,
        reps=args.reps or sizes.reps,
        bytes=args.bytes or sizes.bytes,
    )
    only = set(args.only.split(",")) if args.only else None
    report = run(sizes, args.interpreters.split(","), args.runtimes.split(","), only=only)
    print(table(report))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(report, indent=1))
    (args.out / "results.md").write_text(markdown(report) + "\n")
    print(f"\nwrote {args.out / 'results.json'} and results.md")
    if not args.no_chart:
        chart(report, args.out / "results.png")
        print(f"wrote {args.out / 'results.png'}")
    return report


if __name__ == "__main__":
    main()
