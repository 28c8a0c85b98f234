"""Bytecode in the wheel: Pyodide imports `pyscript_ffi` without compiling it.

Pyodide runs with `sys.dont_write_bytecode`, so every session compiled each module of
the package again on `import pyscript_ffi` (about 16 ms of the 20 ms on Node, Pyodide
314). The build starts each Pyodide version of the matrix under Node, compiles the
wheel's modules there with `py_compile` (unchecked-hash pycs: used without reading
the source's mtime, which an unpacked wheel does not keep) and adds them to the wheel as
`pyscript_ffi/__pycache__/<module>.cpython-3XY.pyc`, so each Pyodide loads the
bytecode made by its own CPython (`cache_tag`). Versions with one tag must make the
same bytes. Results are cached per user (`~/.cache/pyscript-ffi/bytecode/`, under
`$XDG_CACHE_HOME` when set) by source hash and version, so a fresh clone of the same sources
compiles nothing.
`tests/test_bytecode.py` checks the pycs against the sources and that each Pyodide
loads them without compiling.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

from pytest_run_inside import Store, user_files
from pytest_run_inside import launch as _launch

PACKAGE = "pyscript_ffi"
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pyscript-ffi" / "bytecode"
_ROOT = "/pyscript_ffi_bytecode"

#: Run inside Pyodide: compile every module written under _ROOT; `[cache_tag, {name: base64 pyc}]`.
_COMPILE = r"""
import base64, os, py_compile, sys
folder = %(folder)r
pycs = {}
for name in sorted(os.listdir(folder)):
    if name.endswith(".py"):
        cfile = py_compile.compile(
            folder + "/" + name, cfile=folder + "/" + name + "c", dfile=%(package)r + "/" + name,
            doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        with open(cfile, "rb") as f:
            pycs[name] = base64.b64encode(f.read()).decode()
result = [sys.implementation.cache_tag, pycs]
"""


def pyodide_versions(node_modules: Path) -> tuple[str, ...]:
    """Every Pyodide version of the matrix (installed in node_modules), newest first."""
    return Store(node_modules).local_versions()["pyodide"]


def _compile_in(version: str, sources: dict[str, bytes], node_modules: Path) -> tuple[str, dict[str, bytes]]:
    key = hashlib.sha256(json.dumps({n: hashlib.sha256(s).hexdigest() for n, s in sources.items()}).encode())
    cached = CACHE / f"{version}-{key.hexdigest()[:20]}.json"
    if cached.is_file():
        tag, pycs = json.loads(cached.read_text())
    else:
        interp = _launch("pyodide", "node", version, store=Store(node_modules))
        try:
            files = {f"{PACKAGE}/{name}": data for name, data in sources.items()}
            user_files.install(interp, files, root=_ROOT)
            tag, pycs = interp.run(_COMPILE % {"folder": f"{_ROOT}/{PACKAGE}", "package": PACKAGE})
        finally:
            interp.close()
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")  # another build may write it too
        partial.write_text(json.dumps([tag, pycs]))
        os.replace(partial, cached)
    return tag, {name: base64.b64decode(data) for name, data in pycs.items()}


def _record_line(name: str, data: bytes) -> list[str]:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return [name, f"sha256={digest}", str(len(data))]


def add_to_wheel(
    wheel: Path, node_modules: Path, versions: Sequence[str] | None = None, leave_out: Sequence[str] = ()
) -> dict[str, str]:
    """Add the bytecode of every Pyodide version to `wheel` (rewritten in place, RECORD
    updated), the package's modules named in `leave_out` taken out first; `{version: cache_tag}`."""
    dropped = {f"{PACKAGE}/{name}.py" for name in leave_out}
    with zipfile.ZipFile(wheel) as z:
        entries = [(info, z.read(info)) for info in z.infolist() if info.filename not in dropped]
    sources = {
        info.filename.split("/", 1)[1]: data
        for info, data in entries
        if info.filename.count("/") == 1
        and info.filename.startswith(PACKAGE + "/")
        and info.filename.endswith(".py")
    }
    pycs: dict[str, bytes] = {}
    tags: dict[str, str] = {}
    for version in versions if versions is not None else pyodide_versions(node_modules):
        tag, compiled = _compile_in(version, sources, node_modules)
        tags[version] = tag
        for name, data in compiled.items():
            path = f"{PACKAGE}/__pycache__/{name[:-3]}.{tag}.pyc"
            if pycs.setdefault(path, data) != data:
                raise RuntimeError(f"{path}: Pyodide versions with tag {tag} compile {name} differently")
    record = next(info for info, _ in entries if info.filename.endswith(".dist-info/RECORD"))
    kept = [(info, data) for info, data in entries if info is not record]
    rows = csv.reader(io.StringIO(dict(entries)[record].decode()))
    lines = [row for row in rows if row and row[0] not in dropped]
    lines += [_record_line(path, data) for path, data in sorted(pycs.items())]
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(
        [row for row in lines if row[0] != record.filename] + [[record.filename, "", ""]]
    )
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in kept:
            z.writestr(info, data)
        for path, data in sorted(pycs.items()):
            z.writestr(zipfile.ZipInfo(path, date_time=kept[0][0].date_time), data, zipfile.ZIP_DEFLATED)
        z.writestr(record, text.getvalue().encode())
    return tags
