"""Running the benchmark: the operations and their sizes, every configuration (interpreter x
version x runtime) started with the artifacts, each operation timed for every implementation
taking turns within each repetition."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pytest_run_inside import Interp, InterpError, user_files

from .. import artifacts
from . import machine, pyscript_workload
from .report import ratio_line, summary
from .snippets import (
    BINARY,
    IMPLS,
    IMPORT_SNIPPET,
    IMPORTS,
    JS_SETUP,
    LABELS,
    MEMCPY_SNIPPET,
    PRELUDE,
    SMALL_BINARY,
    SNIPPETS,
)

__all__ = ["VERSIONS", "DEFAULT_VERSIONS", "Sizes", "Op", "operations", "pick_versions", "bench_one", "run"]

PYSCRIPT_FFI_PY = artifacts.PYSCRIPT_FFI_PY
#: Every interpreter version the project runs on (npm, see package.json), newest first.
VERSIONS = {
    "pyodide": ("314.0.7", "0.29.5", "0.28.3", "0.27.7"),
    "micropython": ("1.27.0", "1.26.0", "1.25.0", "1.24.1"),
}
#: `--versions` by default: the newest and the oldest of each interpreter.
DEFAULT_VERSIONS = "newest,oldest"


@dataclass(frozen=True)
class Sizes:
    """How much each operation does: JSON-shaped records converted, calls, proxies (and
    objects, 64-byte buffers), repetitions, the size of the big buffers."""

    records: tuple[int, ...] = (1_000, 20_000)
    calls: int = 20_000
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
        results[op.key] = {impl: summary(s) if s else None for impl, s in samples.items()}
        log(f"  {label} {op.key}: " + ratio_line(results[op.key]))
    results["import (first)"] = {
        impl: summary([float(cold[impl])]) if impl in cold else None for impl in ("ours", "raw", "pyscript")
    }
    return results


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
    workload_reps: int = 0,
) -> dict[str, Any]:
    """Run every configuration (interpreter x runtime x version; every operation,
    or those named in `only`); the report as a JSON-ready dict, its `results` and
    `configs` keyed `"<interpreter> <version> <runtime>"`. With `workload_reps` and
    Chromium among the runtimes, also PyScript's stdlib stock and on pyscript_ffi
    (`pyscript_workload`), as `"pyscript workload"`."""
    built = artifacts.ensure()
    where = machine.describe(runtimes)
    report: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": where["machine"],
        "load": {"start": machine.load(), "end": None},
        "runtime versions": where["runtime versions"],
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
    if workload_reps and "chrome" in runtimes:
        log("PyScript's stdlib, stock and with the line (Chromium)")
        report["pyscript workload"] = {
            "about": pyscript_workload.ABOUT,
            "reps": workload_reps,
            "results": pyscript_workload.run(workload_reps, log, tuple(interpreters)),
        }
    report["load"]["end"] = machine.load()
    return report
