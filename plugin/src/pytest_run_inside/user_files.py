"""A user's own modules and packages, copied into a running interpreter.

`collect` reads host files and folders into ``{relative path: bytes}``; a
folder keeps its name (``src/mypkg`` becomes ``mypkg/...``), caches are left
out.  `install` writes them under `ROOT` inside the interpreter, through the
harness (plain `open` in the interpreter, the same on Pyodide and MicroPython),
and puts `ROOT` first on `sys.path`, so ``import mypkg`` works in both.  The
host's `linecache` learns their lines, for tracebacks from inside.

>>> files = collect([Path("src/mypkg"), Path("helpers.py")])
>>> install(interp, files)
>>> interp.run("import mypkg; result = mypkg.__name__")
'mypkg'
"""

from __future__ import annotations

import base64
import json
import linecache
from collections.abc import Iterable, Mapping
from pathlib import Path

from .interp import Interp

__all__ = ["ROOT", "collect", "install"]

#: Where user files go in the interpreter's filesystem (first on `sys.path`).
ROOT = "/home/pytest"
_SKIPPED = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".git"}

# Runs inside both interpreters: MicroPython has no os.makedirs, and no importlib.
_WRITE = """
import binascii, json, os, sys
for rel, data in json.loads(%(files)s).items():
    full = %(root)s + "/" + rel
    path = ""
    for part in full.split("/")[1:-1]:
        path += "/" + part
        try:
            os.mkdir(path)
        except OSError:
            pass
    with open(full, "wb") as f:
        f.write(binascii.a2b_base64(data.encode()))
if %(root)s not in sys.path:
    sys.path.insert(0, %(root)s) if %(first)s else sys.path.append(%(root)s)
try:
    import importlib
    importlib.invalidate_caches()
except (ImportError, AttributeError):
    pass
"""


def collect(paths: Iterable[Path]) -> dict[str, bytes]:
    """Files under each of `paths` (a file or a folder), keyed by the path the
    interpreter gets relative to `ROOT`: the file's or the folder's own name first."""
    files: dict[str, bytes] = {}
    for path in paths:
        if path.is_file():
            files[path.name] = path.read_bytes()
        elif path.is_dir():
            for file in sorted(path.rglob("*")):
                rel = file.relative_to(path.parent)
                if file.is_file() and not _SKIPPED & set(rel.parts) and file.suffix != ".pyc":
                    files[rel.as_posix()] = file.read_bytes()
        else:
            raise FileNotFoundError(f"no file or folder {path} to copy into the interpreter")
    return files


def install(interp: Interp, files: Mapping[str, bytes], root: str = ROOT, first: bool = True) -> None:
    """Write `files` under `root` in `interp`'s filesystem; put `root` on sys.path
    (first, or with `first=False` last)."""
    encoded = {rel: base64.b64encode(data).decode() for rel, data in files.items()}
    interp.run(_WRITE % {"files": repr(json.dumps(encoded)), "root": repr(root), "first": first})
    for rel, data in files.items():
        _remember(f"{root}/{rel}", data)


def _remember(path: str, data: bytes) -> None:
    """Let the host's `linecache` show lines of `path` in the interpreter's tracebacks."""
    try:
        lines = data.decode().splitlines(keepends=True)
    except UnicodeDecodeError:
        return
    linecache.cache[path] = (len(data), None, lines, path)
