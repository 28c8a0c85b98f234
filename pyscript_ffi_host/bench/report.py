"""The report of a run: the terminal table, the README's performance section (`markdown`),
with the targets met or not, and the helpers that read a run's results."""

from __future__ import annotations

import statistics
from typing import Any

from .snippets import BINARY, IMPLS

__all__ = [
    "NAMES",
    "summary",
    "TARGETS",
    "median",
    "ratio",
    "relative",
    "fmt",
    "ratio_line",
    "by_interpreter",
    "ops_of",
    "column",
    "loads",
    "machine_line",
    "table",
    "markdown",
    "targets",
    "WORKLOAD_TARGETS",
    "STEP_NAMES",
    "workload_markdown",
]

NAMES = {"pyodide": "Pyodide", "micropython": "MicroPython"}


def summary(samples: list[float]) -> dict[str, Any]:
    """A cell of the results: the median, min and max of `samples` (ms), and the samples."""
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "samples": samples,
    }


def median(row: dict[str, Any], impl: str) -> float | None:
    cell = row.get(impl)
    return None if cell is None else float(cell["median"])


def ratio(row: dict[str, Any], other: str) -> float | None:
    ours, theirs = median(row, "ours"), median(row, other)
    if ours is None or theirs is None or theirs <= 0:
        return None
    return ours / theirs


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def ratio_line(row: dict[str, Any]) -> str:
    return " ".join(f"{impl}={fmt(median(row, impl))}ms" for impl in IMPLS) + (
        f"  ours/raw={fmt(ratio(row, 'raw'), 'x')}"
    )


def by_interpreter(report: dict[str, Any]) -> dict[str, list[str]]:
    """Interpreter -> its configurations (result keys), in run order."""
    groups: dict[str, list[str]] = {}
    for key, config in report["configs"].items():
        groups.setdefault(config["interpreter"], []).append(key)
    return groups


def ops_of(report: dict[str, Any], keys: list[str]) -> list[str]:
    """The operations timed in any of these configurations, in table order."""
    ops: list[str] = []
    for key in keys:
        ops += [op for op in report["results"][key] if op not in ops]
    return ops


def column(report: dict[str, Any], key: str) -> str:
    config = report["configs"][key]
    return f"{config['version']} {config['runtime']}"


def relative(row: dict[str, Any], impl: str) -> float | None:
    mine, raw = median(row, impl), median(row, "raw")
    return None if mine is None or not raw else mine / raw


def machine_line(report: dict[str, Any]) -> str:
    machine = report["machine"]
    return f"{machine['cpu']}, {machine['cores']} cores, load {loads(report['load']['start'])}"


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
            spread = "" if ours is None else f" ({fmt(ours['min'])}-{fmt(ours['max'])})"
            lines.append(
                f"{op:<26} {fmt(median(row, 'ours')) + spread:>18} {fmt(median(row, 'raw')):>9}"
                f" {fmt(median(row, 'pyscript')):>12} {fmt(ratio(row, 'raw'), 'x'):>9}"
                f" {fmt(ratio(row, 'pyscript'), 'x'):>14} {fmt(median(row, 'memcpy')):>10}"
                f" {fmt(ratio(row, 'memcpy'), 'x'):>12}"
            )
    for name, keys in by_interpreter(report).items():
        columns = [column(report, key) for key in keys]
        lines += ["", f"{NAMES[name]}: ours/raw (m: ours/memcpy; ms: no reference)"]
        lines.append(f"{'operation':<26}" + "".join(f" {c:>16}" for c in columns))
        for op in ops_of(report, keys):
            cells = []
            for key in keys:
                row = report["results"][key].get(op, {})
                raw, memcpy = ratio(row, "raw"), ratio(row, "memcpy")
                if raw is not None:
                    cells.append(fmt(raw, "x"))
                elif memcpy is not None:
                    cells.append("m " + fmt(memcpy, "x"))
                else:  # no reference (import): the time itself
                    cells.append(fmt(median(row, "ours")) + " ms")
            lines.append(f"{op:<26}" + "".join(f" {c:>16}" for c in cells))
    workload = (report.get("pyscript workload") or {}).get("results", {})
    for name, result in workload.items():
        lines += ["", f"PyScript workload, {NAMES[name]} (ms, median): stock / with the line / ratio"]
        for step in STEP_NAMES:
            added = f"{result['start added']:+.0f} ms"
            versus = added if step == "start" else fmt(result["ratio"][step], "x")
            stock, line = fmt(result["stock"][step]["median"]), fmt(result["line"][step]["median"])
            lines.append(f"{step:<26} {stock:>10} {line:>10} {versus:>10}")
    sizes = report["sizes"]
    lines += ["", "artifact sizes (bytes): " + ", ".join(f"{k} {v}" for k, v in sizes.items())]
    return "\n".join(lines)


def _spread(cell: dict[str, Any]) -> str:
    text = fmt(cell["median"]) + " ms"
    if len(cell["samples"]) > 1:
        text += f" ({fmt(cell['min'])}-{fmt(cell['max'])})"
    return text


def _cell(row: dict[str, Any]) -> str:
    """pyscript_ffi's median (spread), then its ratio to each reference."""
    ours = row.get("ours")
    if ours is None:
        return "n/a"
    parts = [_spread(ours)]
    for impl, name in (("raw", "raw"), ("pyscript", "PyScript")):
        if ratio(row, impl) is not None:
            parts.append(f"{name} {fmt(ratio(row, impl), 'x')}")
    if ratio(row, "memcpy") is not None:
        parts.append(f"memcpy {fmt(median(row, 'memcpy'))} ms: {fmt(ratio(row, 'memcpy'), 'x')}")
    return "; ".join(parts)


def loads(values: list[float] | None) -> str:
    return "n/a" if not values else "/".join(f"{v:.1f}" for v in values)


def _measured(report: dict[str, Any]) -> str:
    """The paragraph above the tables: when, where, what, how to read a cell."""
    machine, params = report["machine"], report["parameters"]
    runtimes = ", ".join(f"{name} {version}" for name, version in report["runtime versions"].items())
    versions = "; ".join(
        NAMES[name] + " " + ", ".join(dict.fromkeys(report["configs"][key]["version"] for key in keys))
        for name, keys in by_interpreter(report).items()
    )
    sizes = report["sizes"]
    return (
        f"Measured {report['date']} on {machine['cpu']} ({machine['cores']} cores, {machine['system']}),"
        f" load average (1/5/15 min) {loads(report['load']['start'])} at the start and"
        f" {loads(report['load']['end'])} at the end; {runtimes}; {versions}."
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
    for name, keys in by_interpreter(report).items():
        lines += ["", f"### {NAMES[name]}", ""]
        lines.append("| operation | " + " | ".join(column(report, key) for key in keys) + " |")
        lines.append("|---|" + "---|" * len(keys))
        for op in ops_of(report, keys):
            cells = [_cell(report["results"][key].get(op, {})) for key in keys]
            lines.append(f"| {op} | " + " | ".join(cells) + " |")
    lines += workload_markdown(report)
    notes = [note for key in report["configs"] for note in report["notes"].get(key, [])]
    if notes:
        lines += [""] + [f"Not timed: {note}." for note in notes]
    return "\n".join(lines)


#: What the project aims at (issues 11, 13, 15 and 24; the JsProxy costs are SPEC's): a name,
#: the snippets measured, the bound on Pyodide and on MicroPython (None: no target there) and
#: what it bounds: pyscript_ffi's time over the raw FFI's ("raw"), over a JS `u8.slice()`
#: ("memcpy"), or in ms ("ms"). Where a snippet is timed at several sizes, the largest counts.
#: The PyScript workload's bounds are `WORKLOAD_TARGETS`.
TARGETS: tuple[tuple[str, tuple[str, ...], float | None, float | None, str], ...] = (
    ("`to_js` of JSON-shaped records", ("to_js",), 0.15, 0.6, "raw"),
    ("`to_py` of JSON-shaped records", ("to_py",), 0.45, 0.9, "raw"),
    ("small `to_js` (a 4-key dict)", ("to_js_small",), 1.5, 1.5, "raw"),
    ("JS -> Python calls", ("js_calls_py",), 1.5, 1.5, "raw"),
    ("`create_proxy` + `destroy`", ("proxy_create_destroy",), None, 3.0, "raw"),
    ("import", ("import",), 10.0, 3.0, "ms"),
    ("attribute read through `JsProxy`", ("attr_read",), 3.0, 4.0, "raw"),
    ("method call through `JsProxy`", ("method_call",), 3.0, 5.0, "raw"),
    ("item get and set, iteration through `JsProxy`", ("item_get", "item_set", "iterate"), 3.0, 3.0, "raw"),
    ("the DOM loop through `JsProxy`", ("dom_loop",), 2.0, 4.0, "raw"),
    (
        "64-byte buffers, bytes to Python (MicroPython: no raw route)",
        ("small_bytes_to_py",),
        3.0,
        None,
        "raw",
    ),  # noqa: E501
    ("64-byte buffers, bytes to JS (MicroPython: no raw route)", ("small_bytes_to_js",), 2.0, None, "raw"),
    ("8 MB bytes and typed arrays, each way", BINARY, 3.0, 10.0, "memcpy"),
)
#: The PyScript workload (`pyscript_workload`): its whole time with the line over stock, and
#: the page start the line adds, in ms; bounds on Pyodide and on MicroPython.
WORKLOAD_TARGETS = (
    ("PyScript's stdlib (`pyscript.web`, `@when`, `display`): with the line / stock", "total", 1.5, 1.5, "x"),
    ("page start (navigation to the first line of Python): added by the line", "start", 100.0, 30.0, " ms"),
)
#: The workload's steps as the report names them.
STEP_NAMES = {
    "start": "page start (navigation to the first line of Python)",
    "create": "create 1,000 elements (classes, style, text, id)",
    "find": "find them by selector",
    "update": "update each (text, class, style)",
    "handlers": "attach and fire 1,000 `@when` handlers",
    "display": "`display` 1,000 values",
    "total": "the whole workload (start not included)",
}


def _verdict(measured: bool, missed: list[str], bounded: list[str]) -> str:
    """A target row's last cell: `missed` are the interpreters over their bound, of the
    `bounded` ones (those the target names)."""
    if not measured:
        return "not measured"
    if not missed:
        return "met"
    return "not met" if len(missed) == len(bounded) else "not met on " + ", ".join(missed)


def workload_markdown(report: dict[str, Any]) -> list[str]:
    """The README's table of the PyScript workload (none if the run made none)."""
    workload = report.get("pyscript workload")
    if not workload:
        return []
    results = workload["results"]
    names = list(results)
    lines = [
        "",
        "### PyScript's stdlib on pyscript_ffi",
        "",
        f"{workload['about']}: {workload['reps']} loads of each mode taking turns (after one load of"
        " each not counted), stock and with the page's one line (`pyscript_ffi.js`). Cells: median ms"
        " (min-max); then with the line over stock (page start: the ms the line adds).",
        "",
        "| step | " + " | ".join(f"{NAMES[n]} stock | {NAMES[n]} with the line" for n in names) + " |",
        "|---|" + "---|---|" * len(names),
    ]
    for step, label in STEP_NAMES.items():
        cells = []
        for name in names:
            stock, line = results[name]["stock"][step], results[name]["line"][step]
            if step == "start":
                versus = f"{results[name]['start added']:+.0f} ms"
            else:
                versus = fmt(results[name]["ratio"].get(step), "x")
            cells += [_spread(stock), f"{_spread(line)}; {versus}"]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def _workload_targets(report: dict[str, Any], names: list[str]) -> list[str]:
    results = (report.get("pyscript workload") or {}).get("results", {})
    lines = []
    for what, step, *bounds, unit in WORKLOAD_TARGETS:
        bound_of = dict(zip(("pyodide", "micropython"), bounds, strict=True))
        cells, missed = [], []
        for name in names:
            if name not in results:
                cells.append("n/a")
                continue
            value = results[name]["start added"] if step == "start" else results[name]["ratio"][step]
            cells.append((f"{value:+.0f}" if step == "start" else f"{value:.2f}") + unit)
            if value > bound_of[name]:
                missed.append(NAMES[name])
        limits = " / ".join(f"<= {bound_of[n]:g}{unit}" for n in names)
        verdict = _verdict(any(n in results for n in names), missed, names)
        lines.append(f"| {what} | {limits} | " + " | ".join(cells) + f" | {verdict} |")
    return lines


def _snippet_ops(report: dict[str, Any], key: str, snippet: str) -> list[str]:
    """The operations of `snippet` timed in configuration `key`: the largest size only."""
    found = [op for op in report["results"][key] if op == snippet or op.startswith(snippet + " ")]
    if snippet == "import":
        return [op for op in found if op == "import"]
    sized = [(int(op.split(" ")[1]), op) for op in found if op.split(" ")[1].isdigit()]
    return [max(sized)[1]] if len(sized) > 1 else found


def _figure(report: dict[str, Any], key: str, op: str, against: str) -> float | None:
    row = report["results"][key].get(op, {})
    return median(row, "ours") if against == "ms" else ratio(row, against)


def targets(report: dict[str, Any]) -> str:
    """The targets table of the README: per target, the range of what the newest version of
    each interpreter gave over the run's runtimes, and whether the bound is met."""
    newest = {}
    for name, keys in by_interpreter(report).items():
        version = report["configs"][keys[0]]["version"]
        newest[name] = [key for key in keys if report["configs"][key]["version"] == version]
    names = list(newest)
    head = " | ".join(f"{NAMES[n]} {report['configs'][newest[n][0]]['version']}" for n in names)
    lines = [
        f"| operation | bound ({' / '.join(NAMES[n] for n in names)}) | {head} | |",
        "|---|---|" + "---|" * len(names) + "---|",
    ]
    for what, snippets, *bounds, against in TARGETS:
        bound_of = dict(zip(("pyodide", "micropython"), bounds, strict=True))
        unit = " ms" if against == "ms" else ("x u8.slice()" if against == "memcpy" else "x")
        cells, missed, measured = [], [], False
        for name in names:
            values = [
                v
                for key in newest[name]
                for snippet in snippets
                for op in _snippet_ops(report, key, snippet)
                if (v := _figure(report, key, op, against)) is not None
            ]
            bound = bound_of.get(name)
            if not values:
                cells.append("n/a")
                continue
            low, high = min(values), max(values)
            text = fmt(low, "x")[:-1] if against != "ms" else fmt(low)
            if high != low:
                text += "-" + (fmt(high, "x")[:-1] if against != "ms" else fmt(high))
            cells.append(text + unit)
            if bound is not None:
                measured = True
                if high > bound:
                    missed.append(NAMES[name])
        limits = " / ".join("-" if bound_of.get(n) is None else f"<= {bound_of[n]:g}{unit}" for n in names)
        verdict = _verdict(measured, missed, [n for n in names if bound_of.get(n) is not None])
        lines.append(f"| {what} | {limits} | " + " | ".join(cells) + f" | {verdict} |")
    lines += _workload_targets(report, names)
    return "\n".join(lines)
