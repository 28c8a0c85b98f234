"""`nox -s compat`: the conformance table (`cases/`) over every interpreter
version, for three implementations side by side, as a terminal table and as
`site/compat.html`.

    python -m pyscript_ffi_host.compat [--runtime node] [--out site/compat.html]
        [--pyodide-versions all|314.0.7,...] [--micropython-versions all|1.27.0,...]
        [--prereleases newest|none|pyodide@315.0.0-alpha.2,micropython@1.29.0-6,...]

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

A case an implementation has no function for is "n/a", not a failure. Each
raw case runs in its own call: a JS error that escapes `try/except` (MicroPython)
is a failure, and the interpreter is restarted before the next case.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pytest_run_inside import Interp, InterpError, user_files

from . import artifacts
from .cases import CASES, OURS, SHOW_JS, Case, judge, program

__all__ = [
    "IMPLEMENTATIONS",
    "Cell",
    "installed_versions",
    "run_interpreter",
    "terminal_table",
    "html_page",
    "main",
]

#: The newest pre-releases on npm (`npm view <package> versions`), run as canary columns.
PRERELEASES = {"pyodide": ("315.0.0-alpha.2",), "micropython": ("1.29.0-6", "1.28.0-6")}
PRERELEASE_MARK = " (pre-release)"

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


class _Session:
    """One interpreter version, restarted when a raw FFI error corrupts it."""

    def __init__(
        self, name: str, runtime: str, version: str, built: artifacts.Artifacts, pyscript_src: bytes
    ):
        self.name, self.runtime, self.version, self.built = name, runtime, version, built
        self.pyscript_src = pyscript_src
        self.interp: Interp = self._start()

    def _start(self) -> Interp:
        interp = artifacts.start(self.name, self.runtime, self.version, self.built)
        interp.run_js(SHOW_JS)
        user_files.install(interp, {PYSCRIPT_MODULE + ".py": self.pyscript_src}, root=PYSCRIPT_DIR)
        return interp

    def recover(self) -> None:
        """After an escaped error: MicroPython is always restarted (its state may be
        corrupted without showing it), Pyodide only when it stopped answering."""
        if self.name == "pyodide":
            try:
                self.interp.run("result = 1")
                return
            except InterpError:
                pass
        try:
            self.interp.close()
        finally:
            self.interp = self._start()

    def run(self, code: str) -> object:
        return self.interp.run(code)


def run_interpreter(session: _Session, impls: list[str]) -> dict[tuple[str, str], Cell]:
    """(case id, implementation) -> Cell for every case on this interpreter."""
    cells: dict[tuple[str, str], Cell] = {}
    for impl in impls:
        prelude = IMPLEMENTATIONS[impl][1][session.name]
        try:
            session.run(prelude + "result = 1")
        except InterpError as exc:  # e.g. PyScript's ffi.py needs `jsnull`, which Pyodide 0.27 lacks
            detail = f"import failed: {exc.type_name}: {exc.message.splitlines()[0][:120]}"
            print(f"  {session.name} {session.version} {impl}: {detail}", file=sys.stderr, flush=True)
            for case in CASES:
                applies = _applies(case, impl, session.name)
                cells[case.id, impl] = Cell("fail", detail) if applies else Cell("n/a", "")
            continue
        for case in CASES:
            if not _applies(case, impl, session.name):
                cells[case.id, impl] = Cell("n/a", "this implementation has no " + case.kind)
                continue
            try:
                answer = session.run(program(case, prelude))
            except InterpError as exc:  # escaped try/except, or the runtime died
                detail = f"escaped: {exc.type_name}: {exc.message.splitlines()[0][:120]}"
                print(
                    f"  {session.name} {session.version} {impl} {case.id}: {detail}",
                    file=sys.stderr,
                    flush=True,
                )
                cells[case.id, impl] = Cell("fail", detail)
                session.recover()
                continue
            problem = judge(case, answer)
            cells[case.id, impl] = Cell("pass", "") if problem is None else Cell("fail", problem)
    return cells


_MARK = {"pass": "✓", "fail": "✗", "n/a": "–"}


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
thead th { position: sticky; top: 0; background: #f4f4f4; }
code { background: #f4f4f4; padding: 0 3px; }
"""


def html_page(columns: list[str], impls: list[str], results: dict[str, dict[tuple[str, str], Cell]]) -> str:
    """A self-contained static page with the same table (details on hover) and a legend."""
    esc = html.escape
    short = {"raw": "raw", "pyscript": "PyScript", "pyscript_ffi": "ours"}
    top = "".join(f'<th colspan="{len(impls)}">{esc(col)}</th>' for col in columns)
    sub = "".join(f"<th>{short[i]}</th>" for i in impls) * len(columns)
    rows = []
    for case in CASES:
        cells = []
        for col in columns:
            for impl in impls:
                cell = results[col][case.id, impl]
                cls = "na" if cell.status == "n/a" else cell.status
                cells.append(f'<td class="{cls}" title="{esc(cell.detail)}">{_MARK[cell.status]}</td>')
        rows.append(
            f'<tr><td class="case" title="{esc(case.source)}">{esc(case.id)}</td>'
            f'<td class="spec">{esc(case.spec)}</td>{"".join(cells)}</tr>'
        )
    totals = []
    for col in columns:
        for impl in impls:
            applicable = [results[col][c.id, impl] for c in CASES if results[col][c.id, impl].status != "n/a"]
            totals.append(f"<td>{sum(c.status == 'pass' for c in applicable)}/{len(applicable)}</td>")
    legend = (
        "<p><b>Columns</b> per interpreter: <b>raw</b> = the interpreter's own FFI "
        "(<code>pyodide.ffi.to_js</code> and <code>JsProxy.to_py</code>; "
        "MicroPython's <code>jsffi.to_js</code>, which has no <code>to_py</code>); "
        "<b>PyScript</b> = <code>pyscript/ffi.py</code> from "
        "<code>@pyscript/core</code> 0.7.31, loaded unmodified (it has no <code>to_py</code>); "
        "<b>ours</b> = <code>pyscript_ffi</code>.</p>"
        "<p><b>Cells</b>: ✓ the exact JS observation (or error type and path) the case expects; "
        "✗ anything else, including a JS error escaping <code>try/except</code> (hover for details); "
        "– n/a: the implementation has no such function (raw and PyScript have no <code>is_none</code>/"
        "<code>to_py</code> where marked), never counted as a failure. "
        "Each case proves one row of docs/contract.md; hover a case name for its Python input "
        "(or JS input for <code>to_py</code> cases).</p>"
    )
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        "<title>pyscript_ffi compatibility</title>"
        f"<style>{_CSS}</style></head><body>\n"
        "<h1>Same program, same JavaScript value?</h1>\n"
        f"<p>{len(CASES)} conformance cases on {len(columns)} interpreters, generated "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by <code>nox -s compat</code>.</p>\n"
        f"{legend}\n<table><thead><tr><th rowspan=2>case</th><th rowspan=2>contract row</th>{top}</tr>"
        f"<tr>{sub}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody>"
        f'<tfoot><tr><td class="case">passed</td><td></td>{"".join(totals)}</tr></tfoot>'
        "</table>\n</body></html>\n"
    )


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
    parser.add_argument("--out", type=Path, default=artifacts.ROOT / "site" / "compat.html")
    args = parser.parse_args(argv)
    pyscript_src = artifacts.PYSCRIPT_FFI_PY.read_bytes()  # at run time, from the installed @pyscript/core
    installed = installed_versions()
    built = artifacts.ensure()
    impls = list(IMPLEMENTATIONS)
    results: dict[str, dict[tuple[str, str], Cell]] = {}
    columns = []
    runs = [
        (name, version, "")
        for name, option in (("pyodide", args.pyodide_versions), ("micropython", args.micropython_versions))
        for version in _pick(option, installed[name])
    ]
    runs += [(name, version, PRERELEASE_MARK) for name, version in _prereleases(args.prereleases)]
    for name, version, mark in runs:
        column = f"{name} {version}{mark}"
        started = time.monotonic()
        try:
            session = _Session(name, args.runtime, version, built, pyscript_src)
        except Exception as exc:  # noqa: BLE001 - a canary that does not even start is a column of failures
            detail = f"did not start: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
            print(f"  {column}: {detail}", file=sys.stderr, flush=True)
            results[column] = {(case.id, impl): Cell("fail", detail) for case in CASES for impl in impls}
        else:
            try:
                results[column] = run_interpreter(session, impls)
            finally:
                session.interp.close()
        columns.append(column)
        print(f"{column}: {time.monotonic() - started:.0f} s", flush=True)
    print(terminal_table(columns, impls, results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(html_page(columns, impls, results))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
