"""What users load, built from the source tree: the wheel and the `.mpy`,
and interpreters started with them installed (for tests, demo and bench)."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pytest_run_inside import Interp, Store
from pytest_run_inside import launch as _launch

from . import bytecode, jsbuild, mpy_bundle, system

FileContents = bytes | str | Path

ROOT = Path(__file__).resolve().parent.parent
WHEELS = ROOT / "wheels"
NODE_MODULES = ROOT / "node_modules"
BUILD = ROOT / "build"
#: PyScript's own FFI module, compared side by side (compat, bench): read at run time
#: from the installed `@pyscript/core`, never copied into this repository.
PYSCRIPT_FFI_PY = NODE_MODULES / "@pyscript" / "core" / "src" / "stdlib" / "pyscript" / "ffi.py"


@dataclass(frozen=True)
class Artifacts:
    wheel: Path  # pyscript_ffi-<version>-py3-none-any.whl (micropip, PyScript `packages`)
    mpy: Path  # pyscript_ffi.mpy (PyScript `files`, bare MicroPython)


def _newest_source() -> float:
    sources = [*(ROOT / "pyscript_ffi").iterdir(), mpy_bundle.LOADER, Path(bytecode.__file__)]
    installed = NODE_MODULES / ".package-lock.json"  # the Pyodide versions the wheel has bytecode for
    return max(p.stat().st_mtime for p in [*sources, *([installed] if installed.exists() else [])])


def _fresh(path: Path | None) -> bool:
    return path is not None and path.exists() and path.stat().st_mtime >= _newest_source()


def _existing_wheel() -> Path | None:
    found = sorted(WHEELS.glob("pyscript_ffi-*-py3-none-any.whl"))
    return found[-1] if found else None


#: Modules the wheel (Pyodide's) leaves out: MicroPython's backend and its JS body, as the
#: `.mpy` leaves out Pyodide's (`mpy_bundle.EXCLUDED`).
WHEEL_EXCLUDED = ("_micropython", "_micropython_js")


def build_wheel() -> Path:
    """`python -m build --wheel` into wheels/ (old wheels removed first), the generated
    modules written first (`jsbuild`), MicroPython's own modules left out and the
    bytecode of every Pyodide version of the matrix added (`bytecode.add_to_wheel`)."""
    jsbuild.write()
    for old in WHEELS.glob("pyscript_ffi-*.whl"):
        old.unlink()
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", *_isolation(), "--outdir", str(WHEELS), str(ROOT)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
    wheel = _existing_wheel()
    assert wheel is not None, "python -m build wrote no wheel"
    system.ensure_node_modules()  # the Pyodide versions that compile the bytecode
    bytecode.add_to_wheel(wheel, NODE_MODULES, leave_out=WHEEL_EXCLUDED)
    return wheel


def _isolation() -> list[str]:
    """`--no-isolation` when this Python has the build backend (the nox sessions do: no build
    venv made and filled for every build), else nothing (build makes one)."""
    try:
        major = int(importlib.metadata.version("setuptools").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return []
    return ["--no-isolation"] if major >= 77 else []  # the build-system requirement of both


#: The page's one line (`<script type="module" src=".../pyscript_ffi.js">`): PyScript on
#: pyscript_ffi. Shipped beside what it installs: `pyscript_ffi.mpy` and, for Pyodide,
#: `pyscript_ffi.pyodide` (`file_bundle`).
PAGE_LINE = ROOT / "pyscript_ffi" / "pyscript_ffi.js"


def file_bundle(wheel: Path, out: Path) -> Path:
    """The wheel's files, uncompressed, for the line to write into site-packages without
    Python (Pyodide's `unpackArchive` imports zipfile: hundreds of ms at page start).
    Layout: a little-endian uint32 `n`, `n` bytes of JSON `[[path, size], ...]`, then
    each file's bytes in that order."""
    with zipfile.ZipFile(wheel) as archive:
        files = [(info.filename, archive.read(info)) for info in archive.infolist() if not info.is_dir()]
    header = json.dumps([[name, len(data)] for name, data in files], separators=(",", ":")).encode()
    out.write_bytes(struct.pack("<I", len(header)) + header + b"".join(data for _, data in files))
    return out


def page_line(built: Artifacts | None = None) -> Path:
    """`wheels/pyscript_ffi.js`, the page's one line (`PAGE_LINE`), and the
    `wheels/pyscript_ffi.pyodide` bundle of `built`'s wheel that it loads."""
    built = built or ensure()
    out = WHEELS / PAGE_LINE.name
    if not out.exists() or out.read_bytes() != PAGE_LINE.read_bytes():
        shutil.copy2(PAGE_LINE, out)
    bundle = WHEELS / "pyscript_ffi.pyodide"
    if not bundle.exists() or bundle.stat().st_mtime < built.wheel.stat().st_mtime:
        file_bundle(built.wheel, bundle)
    return out


def build_all() -> Artifacts:
    return Artifacts(wheel=build_wheel(), mpy=mpy_bundle.build(WHEELS / "pyscript_ffi.mpy"))


def ensure() -> Artifacts:
    """The artifacts, rebuilt only when the package source is newer."""
    wheel = _existing_wheel()
    mpy = WHEELS / "pyscript_ffi.mpy"
    if os.environ.get("PYSCRIPT_FFI_REBUILD") or not (_fresh(wheel) and _fresh(mpy)):
        return build_all()
    assert wheel is not None
    return Artifacts(wheel=wheel, mpy=mpy)


def start(name: str, runtime: str, version: str, built: Artifacts) -> Interp:
    """An interpreter with pyscript_ffi installed the way users install it."""
    return launch(
        name, runtime, version, wheels=[built.wheel], micropython_files={"/pyscript_ffi.mpy": built.mpy}
    )


def set_timeout(interp: Interp, seconds: float, grace: float | None = None) -> None:
    """How long one call may take before `interp` answers "Timeout" (MicroPython: the runtime is
    killed and `run` raises at once; Pyodide: an await that never ends answers then, a runtime
    stuck in synchronous code is given up `grace` seconds later, by default the plugin's 30)."""
    if interp.name == "pyodide":
        interp.set_timeout(seconds)  # type: ignore[attr-defined]
        if grace is not None:
            interp.runner.set_script_timeout(seconds + grace)  # type: ignore[attr-defined]
    else:
        interp.timeout = seconds  # type: ignore[attr-defined]


def launch(
    name: str,
    runtime: str,
    version: str,
    *,
    wheels: Sequence[Path] = (),
    micropython_files: Mapping[str, FileContents] | None = None,
) -> Interp:
    """Start interpreter `name` `version` under `runtime` (pytest_run_inside.launch)
    from this checkout's node_modules (other versions: npm-installed into the plugin's cache)."""
    return _launch(
        name, runtime, version, wheels=wheels, micropython_files=micropython_files, store=Store(NODE_MODULES)
    )
