"""`nox -s compat`: the conformance table (`cases/`) over every interpreter
version, for three implementations side by side, as a terminal table and as
`site/compat.html`.

    python -m pyscript_ffi_host.compat [--runtime node] [--out site/compat.html]
        [--pyodide-versions all|314.0.7,...] [--micropython-versions all|1.27.0,...]
        [--prereleases newest|none|pyodide@315.0.0-alpha.2,micropython@1.29.0-6,...]
        [--case-timeout 5] [--ours-timeout 60] [--jobs 2]

The page is written at the start and rewritten as cases finish (every few seconds): while the
run goes on it says how far it is, shows every finished cell and reloads itself; the demo
(`nox -s demo`) runs this in the background while it serves the site.

Canaries: the newest pre-releases on npm (`PRERELEASES`, installed on demand
into pytest-run-inside's cache) get extra columns marked "(pre-release)"; their
failures are reported like any other, and never change the exit status.

Implementations (columns per interpreter):

- **raw**: the interpreter's own FFI: `pyodide.ffi.to_js` / `JsProxy.to_py`
  on Pyodide, `jsffi.to_js` on MicroPython (which has no `to_py`).
- **pyscript**: PyScript's `pyscript/ffi.py`, read at run time from the
  installed `@pyscript/core` and written into the interpreter's filesystem
  (never copied into this repository). It has no `to_py`.
- **pyscript_ffi**: this package.

A case an implementation has no function for is "n/a", not a failure. A case
of the raw FFI or PyScript's module runs in its own call, bounded by
`--case-timeout`; pyscript_ffi's run `BATCH` to a call, bounded by `--ours-timeout`
(its work is bounded by the contract), and a batch that breaks runs again case by
case. A JS error that escapes `try/except` (MicroPython), a crash of the runtime
(Pyodide 0.28/0.29's raw `to_py` of a 40-level DAG: "null function or function
signature mismatch") or a hang (the raw MicroPython `to_js` of a 40-level DAG) is
that case's failure, the interpreter is restarted and the run goes on.
Interpreter versions run `--jobs` at a time.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pytest_run_inside import Interp, InterpError, user_files

from . import artifacts
from .cases import CASES, OURS, SHOW_JS, Case, judge, program

__all__ = [
    "IMPLEMENTATIONS",
    "Cell",
    "Bounds",
    "Progress",
    "installed_versions",
    "run_interpreter",
    "terminal_table",
    "html_page",
    "starting_page",
    "write_page",
    "is_complete",
    "main",
]

#: The newest pre-releases on npm (`npm view <package> versions`), run as canary columns.
PRERELEASES = {"pyodide": ("315.0.0-alpha.2",), "micropython": ("1.29.0-6", "1.28.0-6")}
PRERELEASE_MARK = " (pre-release)"
#: Seconds a case of the raw FFI or PyScript's ffi.py may take before it counts as a hang
#: (its interpreter is then restarted); pyscript_ffi's cases get OURS_TIMEOUT (see `Bounds`).
CASE_TIMEOUT = 5.0
OURS_TIMEOUT = 60.0
#: pyscript_ffi's cases run this many per call into the interpreter.
BATCH = 25
#: Interpreter versions run at a time (each in its own runtime process).
JOBS = 2
#: Seconds between two rewrites of the page while the run goes on.
PAGE_EVERY = 3.0

#: Where PyScript's module is written inside the interpreter, and its module name there.
PYSCRIPT_DIR = "/compat_pyscript"
PYSCRIPT_MODULE = "pyscript_upstream_ffi"

_JSPROXY = "try:\n    from pyodide.ffi import JsProxy\nexcept ImportError:\n    from jsffi import JsProxy\n"

#: name -> (title, prelude per interpreter (None: no such implementation), functions it has)
IMPLEMENTATIONS: dict[str, tuple[str, dict[str, str], set[str]]] = {
    "raw": (
        "raw interpreter FFI",
        {
            "pyodide": "import js\nfrom pyodide.ffi import to_js, JsProxy\n"
            "def to_py(v, **kw):\n    return v.to_py(**kw) if isinstance(v, JsProxy) else v\n",
            "micropython": "import js\nfrom jsffi import to_js, JsProxy\n",
        },
        {"to_js", "to_py:pyodide", "js"},
    ),
    "pyscript": (
        "PyScript pyscript/ffi.py",
        {name: f"import js\n{_JSPROXY}from {PYSCRIPT_MODULE} import to_js, is_none\n" for name in OURS},
        {"to_js", "is_none", "js"},
    ),
    "pyscript_ffi": ("pyscript_ffi", OURS, {"to_js", "to_py", "is_none", "js"}),
}


@dataclass(frozen=True)
class Cell:
    """One case on one interpreter for one implementation: "pass", "fail" or "n/a"."""

    status: str
    detail: str = ""


def installed_versions() -> dict[str, list[str]]:
    """Interpreter versions pinned in package.json, newest first."""
    deps = json.loads((artifacts.ROOT / "package.json").read_text())["dependencies"]
    found: dict[str, list[str]] = {"pyodide": [], "micropython": []}
    for alias, spec in deps.items():
        version = spec.rsplit("@", 1)[-1]
        if alias == "pyodide" or spec.startswith("npm:pyodide@"):
            found["pyodide"].append(version)
        elif "micropython-webassembly" in alias + spec:
            found["micropython"].append(version)
    for versions in found.values():
        versions.sort(key=lambda v: tuple(int(p) for p in v.split(".")), reverse=True)
    return found


def _applies(case: Case, impl: str, interp_name: str) -> bool:
    has = IMPLEMENTATIONS[impl][2]
    return case.kind in has or f"{case.kind}:{interp_name}" in has


#: Runs the case programs of `_SOURCES` one after the other, each in a fresh namespace as
#: `Interp.run` does; `result` is their results (a program that raised: `_BROKE` and its error).
_BATCH = """
_out = []
for _src in _SOURCES:
    _ns = {"__name__": "__test__"}
    try:
        exec(compile(_src, "<case>", "exec"), _ns)
        _out.append(_ns.get("result"))
    except BaseException as _e:
        _out.append([%(broke)r, type(_e).__name__, str(_e)[:200]])
result = _out
"""
_BROKE = "batch: the program raised"


class _Session:
    """One interpreter version, restarted whenever a case breaks out of it (a JS error
    escaping `try/except`, a crash of the runtime, no answer within the case's bound)."""

    def __init__(
        self, name: str, runtime: str, version: str, built: artifacts.Artifacts, pyscript_src: bytes
    ):
        self.name, self.runtime, self.version, self.built = name, runtime, version, built
        self.pyscript_src = pyscript_src
        self.bound = 0.0
        self.interp: Interp = self._start()

    def _start(self) -> Interp:
        interp = artifacts.start(self.name, self.runtime, self.version, self.built)
        try:
            self._prepare(interp)
        except BaseException:
            interp.close()
            raise
        return interp

    def _prepare(self, interp: Interp) -> None:
        interp.run_js(SHOW_JS)
        user_files.install(interp, {PYSCRIPT_MODULE + ".py": self.pyscript_src}, root=PYSCRIPT_DIR)
        self.bound = 0.0

    def restart(self) -> None:
        """A fresh interpreter: after a case broke out, the old one may be corrupted
        without showing it (MicroPython after an escaped error, Pyodide after a wasm trap).
        MicroPython's harness restarts in place (same package and files); Pyodide starts anew."""
        again = getattr(self.interp, "restart", None)
        if again is not None:
            try:
                again()
                self._prepare(self.interp)
                return
            except Exception:  # noqa: BLE001 - then a new one from scratch
                pass
        self.close()
        self.interp = self._start()

    def run(self, code: str, bound: float) -> object:
        """`interp.run(code)`, answering "Timeout" after `bound` seconds."""
        if bound != self.bound:
            artifacts.set_timeout(self.interp, bound, grace=5)
            self.bound = bound
        return self.interp.run(code)

    def run_case(self, code: str, bound: float) -> tuple[object, str | None]:
        """(the answer, None), or (None, what went wrong) after which the interpreter
        was restarted for the next case."""
        try:
            return self.run(code, bound), None
        except InterpError as exc:  # escaped try/except, a timeout, or the runtime died
            first = (exc.message.splitlines() or [""])[0][:120]
            if exc.type_name == "Timeout":
                detail = f"hang: no answer within {bound:g} s ({first})"
            else:
                detail = f"escaped: {exc.type_name}: {first}"
        except Exception as exc:  # noqa: BLE001 - the runtime's own harness broke (a crashed Pyodide)
            detail = f"crashed the runtime: {type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:120]}"
        self.restart()
        return None, detail

    def close(self) -> None:
        try:
            self.interp.close()
        except Exception:  # noqa: BLE001 - a runtime that died may not close cleanly
            pass


@dataclass(frozen=True)
class Bounds:
    """Seconds a case may take: `case` for the raw FFI and PyScript's ffi.py (whose hangs
    never end), `ours` for pyscript_ffi (whose work the contract bounds: only a loaded
    machine makes it slow); `batch` cases of pyscript_ffi go in one call."""

    case: float = CASE_TIMEOUT
    ours: float = OURS_TIMEOUT
    batch: int = BATCH


def run_interpreter(
    session: _Session,
    impls: list[str],
    done: Callable[[tuple[str, str], Cell], None] | None = None,
    bounds: Bounds = Bounds(),  # noqa: B008 - frozen
    cases: list[Case] = CASES,
) -> dict[tuple[str, str], Cell]:
    """(case id, implementation) -> Cell for each of `cases` on this interpreter; `done` is
    told each cell as soon as it is known. pyscript_ffi's cases run `bounds.batch` per call
    (a batch that breaks runs again case by case), the others' one per call."""
    cells: dict[tuple[str, str], Cell] = {}
    label = f"{session.name} {session.version}"

    def put(case: Case, impl: str, cell: Cell) -> None:
        cells[case.id, impl] = cell
        if done is not None:
            done((case.id, impl), cell)

    def fail_all(impl: str, cases: list[Case], detail: str) -> None:
        for case in cases:
            applies = _applies(case, impl, session.name)
            put(case, impl, Cell("fail", detail) if applies else Cell("n/a", ""))

    def single(case: Case, impl: str, prelude: str, bound: float) -> None:
        answer, broke = session.run_case(program(case, prelude), bound)
        if broke is not None:
            print(f"  {label} {impl} {case.id}: {broke}", file=sys.stderr, flush=True)
            put(case, impl, Cell("fail", broke))
        else:
            problem = judge(case, answer)
            put(case, impl, Cell("pass", "") if problem is None else Cell("fail", problem))

    def batch(cases: list[Case], impl: str, prelude: str, bound: float) -> None:
        sources = [program(case, prelude) for case in cases]
        answers, broke = session.run_case("_SOURCES = " + repr(sources) + _BATCH % {"broke": _BROKE}, bound)
        for n, case in enumerate(cases):
            answer = None if broke is not None else answers[n]  # type: ignore[index]
            if broke is not None or (isinstance(answer, list) and answer[:1] == [_BROKE]):
                single(case, impl, prelude, bound)  # the exact answer (or breakage) of that case alone
            else:
                problem = judge(case, answer)
                put(case, impl, Cell("pass", "") if problem is None else Cell("fail", problem))

    for number, impl in enumerate(impls):
        prelude = IMPLEMENTATIONS[impl][1][session.name]
        bound = bounds.ours if impl == "pyscript_ffi" else bounds.case
        size = bounds.batch if impl == "pyscript_ffi" else 1
        try:
            session.run(prelude + "result = 1", bound)
        except InterpError as exc:  # e.g. PyScript's ffi.py needs `jsnull`, which Pyodide 0.27 lacks
            detail = f"import failed: {exc.type_name}: {exc.message.splitlines()[0][:120]}"
            print(f"  {label} {impl}: {detail}", file=sys.stderr, flush=True)
            fail_all(impl, cases, detail)
            continue
        todo = []
        for case in cases:
            if _applies(case, impl, session.name):
                todo.append(case)
            else:
                put(case, impl, Cell("n/a", "this implementation has no " + case.kind))
        for start in range(0, len(todo), size):
            chunk = todo[start : start + size]
            try:
                if size == 1:
                    single(chunk[0], impl, prelude, bound)
                else:
                    batch(chunk, impl, prelude, bound)
            except Exception as exc:  # noqa: BLE001 - the interpreter did not come back: the rest fail
                detail = f"the interpreter did not restart: {type(exc).__name__}: {str(exc)[:120]}"
                print(f"  {label} {impl}: {detail}", file=sys.stderr, flush=True)
                fail_all(impl, [c for c in todo[start:] if (c.id, impl) not in cells], detail)
                for later in impls[number + 1 :]:
                    fail_all(later, cases, detail)
                return cells
    return cells


_MARK = {"pass": "✓", "fail": "✗", "n/a": "–", "pending": "…"}
_PENDING = Cell("pending", "not run yet")


def terminal_table(
    columns: list[str], impls: list[str], results: dict[str, dict[tuple[str, str], Cell]]
) -> str:
    """Case x interpreter; each cell one mark per implementation, in `impls` order."""
    width = max(len(c.id) for c in CASES)
    head = " " * width + " " + " ".join(f"{col:>{max(len(col), len(impls))}}" for col in columns)
    lines = [head]
    for case in CASES:
        marks = []
        for col in columns:
            text = "".join(_MARK[results[col][case.id, impl].status] for impl in impls)
            marks.append(f"{text:>{max(len(col), len(impls))}}")
        lines.append(f"{case.id:<{width}} " + " ".join(marks))
    lines.append("")
    lines.append("passed (" + " / ".join(impls) + "):")
    for col in columns:
        counts = []
        for impl in impls:
            cells = [results[col][c.id, impl] for c in CASES]
            applicable = [c for c in cells if c.status != "n/a"]
            counts.append(f"{sum(c.status == 'pass' for c in applicable)}/{len(applicable)}")
        lines.append(
            f"  {col:<28} " + "  ".join(f"{impl} {n}" for impl, n in zip(impls, counts, strict=True))
        )
    lines.append("legend: ✓ pass, ✗ fail, – n/a (the implementation has no such function)")
    return "\n".join(lines)


_CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: center; }
td.case { text-align: left; font-family: ui-monospace, monospace; white-space: nowrap; }
td.spec { text-align: left; color: #555; white-space: nowrap; }
td.pass { background: #d9f2d9; } td.fail { background: #f7d0d0; } td.na { color: #999; }
td.pending { color: #999; background: #f4f4f4; }
#progress { padding: 0.5rem 0.8rem; background: #fff6d5; border: 1px solid #e8d48b; }
thead th { position: sticky; top: 0; background: #f4f4f4; }
code { background: #f4f4f4; padding: 0 3px; }
"""


@dataclass(frozen=True)
class Progress:
    """How far a run is: cells known and cells in all, per column, since `started` (epoch s)."""

    started: float
    known: dict[str, int]
    total: dict[str, int]
    done: bool

    def line(self) -> str:
        finished = sum(self.known[c] == self.total[c] for c in self.total)
        cells = sum(self.known.values())
        total = sum(self.total.values())
        elapsed = time.time() - self.started
        since = time.strftime("%H:%M UTC", time.gmtime(self.started))
        if not self.total:
            return f"Starting ({since}): the build if stale, then the interpreters. This page reloads itself."
        if self.done:
            return f"{finished} of {len(self.total)} interpreter columns, {total} cells, in {elapsed:.0f} s."
        running = [
            f"{c} {self.known[c]}/{self.total[c]}" for c in self.total if 0 < self.known[c] < self.total[c]
        ]
        return (
            f"Running since {since} ({elapsed:.0f} s): {finished} of {len(self.total)} interpreter columns"
            f" done, {cells} of {total} cells"
            + (f"; now {', '.join(running)}" if running else "")
            + ". This page reloads itself until the report is complete."
        )


def html_page(
    columns: list[str],
    impls: list[str],
    results: dict[str, dict[tuple[str, str], Cell]],
    progress: Progress | None = None,
) -> str:
    """A self-contained static page with the same table (details on hover) and a legend;
    with an unfinished `progress`, cells not known yet show as "…" and the page reloads."""
    esc = html.escape
    done = progress is None or progress.done
    short = {"raw": "raw", "pyscript": "PyScript", "pyscript_ffi": "ours"}
    top = "".join(f'<th colspan="{len(impls)}">{esc(col)}</th>' for col in columns)
    sub = "".join(f"<th>{short[i]}</th>" for i in impls) * len(columns)
    rows = []
    for case in CASES:
        cells = []
        for col in columns:
            for impl in impls:
                cell = results.get(col, {}).get((case.id, impl), _PENDING)
                cls = "na" if cell.status == "n/a" else cell.status
                cells.append(f'<td class="{cls}" title="{esc(cell.detail)}">{_MARK[cell.status]}</td>')
        rows.append(
            f'<tr><td class="case" title="{esc(case.source)}">{esc(case.id)}</td>'
            f'<td class="spec">{esc(case.spec)}</td>{"".join(cells)}</tr>'
        )
    totals = []
    for col in columns:
        for impl in impls:
            known = [results.get(col, {}).get((c.id, impl), _PENDING) for c in CASES]
            applicable = [c for c in known if c.status not in ("n/a", "pending")]
            totals.append(f"<td>{sum(c.status == 'pass' for c in applicable)}/{len(applicable)}</td>")
    legend = (
        "<p><b>Columns</b> per interpreter: <b>raw</b> = the interpreter's own FFI "
        "(<code>pyodide.ffi.to_js</code> and <code>JsProxy.to_py</code>; "
        "MicroPython's <code>jsffi.to_js</code>, which has no <code>to_py</code>); "
        "<b>PyScript</b> = <code>pyscript/ffi.py</code> from "
        "<code>@pyscript/core</code> 0.7.31, loaded unmodified (it has no <code>to_py</code>); "
        "<b>ours</b> = <code>pyscript_ffi</code>.</p>"
        "<p><b>Cells</b>: ✓ the exact JS observation (or error type and path) the case expects; "
        "✗ anything else, including a JS error escaping <code>try/except</code>, a crash of the "
        "runtime or a hang (no answer within the case's time; the interpreter is then restarted; "
        "hover for details); "
        "– n/a: the implementation has no such function (raw and PyScript have no <code>is_none</code>/"
        "<code>to_py</code> where marked), never counted as a failure; … not run yet. "
        "Each case proves one row of docs/contract.md; hover a case name for its Python input "
        "(or JS input for <code>to_py</code> cases).</p>"
    )
    state = "done" if done else "running"
    refresh = "" if done else '<meta http-equiv="refresh" content="5">'
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    status = (
        f'<p id="progress" data-state="{state}">{esc(progress.line())}</p>\n' if progress is not None else ""
    )
    return (
        f"<!doctype html>\n<html lang=en><head><meta charset=utf-8>{refresh}"
        f'<meta name="compat-state" content="{state}">'
        "<title>pyscript_ffi compatibility</title>"
        f"<style>{_CSS}</style></head><body>\n"
        "<h1>Same program, same JavaScript value?</h1>\n"
        f"<p>{len(CASES)} conformance cases on {len(columns)} interpreters, "
        f"{'generated' if done else 'being generated'} {when} by <code>nox -s compat</code>.</p>\n"
        f"{status}{legend}\n<table><thead><tr><th rowspan=2>case</th><th rowspan=2>contract row</th>"
        f"{top}</tr>"
        f"<tr>{sub}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody>"
        f'<tfoot><tr><td class="case">passed</td><td></td>{"".join(totals)}</tr></tfoot>'
        "</table>\n</body></html>\n"
    )


def starting_page() -> str:
    """The page while a run starts: no interpreter has answered yet."""
    return html_page([], list(IMPLEMENTATIONS), {}, Progress(time.time(), {}, {}, done=False))


def write_page(path: Path, text: str) -> None:
    """Replace `path` by `text` at once (a reader never sees half a page). A lone
    surrogate (a case's value or error text can hold one) is written as `\\udXXX`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(text.encode("utf-8", "backslashreplace"))
    os.replace(tmp, path)


def is_complete(path: Path) -> bool:
    """True when `path` is a compat page of a run that finished."""
    try:
        head = path.read_text()[:600]
    except OSError:
        return False
    return '<meta name="compat-state" content="done">' in head


def _pick(option: str, available: list[str]) -> list[str]:
    if option == "all":
        return available
    chosen = [v.strip() for v in option.split(",") if v.strip()]
    unknown = set(chosen) - set(available)
    if unknown:
        raise SystemExit(f"unknown versions {sorted(unknown)}; installed: {available}")
    return chosen


def _prereleases(option: str) -> list[tuple[str, str]]:
    """(interpreter, version) canaries: `PRERELEASES` for "newest", none for "none",
    else each `name@version` of the comma-separated `option`."""
    if option == "none":
        return []
    if option == "newest":
        return [(name, version) for name, versions in PRERELEASES.items() for version in versions]
    pairs = [token.strip().partition("@") for token in option.split(",") if token.strip()]
    if any(name not in PRERELEASES or not version for name, _, version in pairs):
        raise SystemExit(f"--prereleases wants name@version (name: {', '.join(PRERELEASES)}), got {option!r}")
    return [(name, version) for name, _, version in pairs]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Conformance table: raw FFI vs PyScript vs pyscript_ffi")
    parser.add_argument("--runtime", default="node", choices=["node", "chrome"])
    parser.add_argument("--pyodide-versions", default="all")
    parser.add_argument("--micropython-versions", default="all")
    parser.add_argument(
        "--prereleases", default="newest", help="canaries: 'newest' (PRERELEASES), 'none' or name@version,..."
    )
    parser.add_argument(
        "--case-timeout", type=float, default=CASE_TIMEOUT, help="seconds a raw/PyScript case may take"
    )
    parser.add_argument(
        "--ours-timeout", type=float, default=OURS_TIMEOUT, help="seconds a pyscript_ffi case may take"
    )
    parser.add_argument("--jobs", type=int, default=JOBS, help="interpreter versions run at a time")
    parser.add_argument("--out", type=Path, default=artifacts.ROOT / "site" / "compat.html")
    args = parser.parse_args(argv)
    pyscript_src = artifacts.PYSCRIPT_FFI_PY.read_bytes()  # at run time, from the installed @pyscript/core
    installed = installed_versions()
    impls = list(IMPLEMENTATIONS)
    runs = [
        (name, version, "")
        for name, option in (("pyodide", args.pyodide_versions), ("micropython", args.micropython_versions))
        for version in _pick(option, installed[name])
    ]
    runs += [(name, version, PRERELEASE_MARK) for name, version in _prereleases(args.prereleases)]
    columns = [f"{name} {version}{mark}" for name, version, mark in runs]
    results: dict[str, dict[tuple[str, str], Cell]] = {column: {} for column in columns}
    total = {column: len(CASES) * len(impls) for column in columns}
    started, lock, last_page = time.time(), threading.Lock(), [0.0]
    bounds = Bounds(args.case_timeout, args.ours_timeout)

    def page(done: bool = False) -> None:
        known = {column: len(results[column]) for column in columns}
        write_page(args.out, html_page(columns, impls, results, Progress(started, known, total, done)))

    def recorder(column: str) -> Callable[[tuple[str, str], Cell], None]:
        def done(key: tuple[str, str], cell: Cell) -> None:
            with lock:
                results[column][key] = cell
                if time.monotonic() - last_page[0] >= PAGE_EVERY:
                    last_page[0] = time.monotonic()
                    page()

        return done

    def run_column(run: tuple[str, str, str]) -> None:
        name, version, mark = run
        column = f"{name} {version}{mark}"
        began = time.monotonic()
        try:
            session = _Session(name, args.runtime, version, built, pyscript_src)
        except Exception as exc:  # noqa: BLE001 - a canary that does not even start is a column of failures
            detail = f"did not start: {type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:160]}"
            print(f"  {column}: {detail}", file=sys.stderr, flush=True)
            with lock:
                results[column] = {(case.id, impl): Cell("fail", detail) for case in CASES for impl in impls}
        else:
            try:
                run_interpreter(session, impls, recorder(column), bounds)
            finally:
                session.close()
        print(f"{column}: {time.monotonic() - began:.0f} s", flush=True)

    page()  # at once: the report is there (saying how far it is) from the start
    built = artifacts.ensure()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(run_column, runs))
    print(terminal_table(columns, impls, results))
    page(done=True)
    print(f"wrote {args.out} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
