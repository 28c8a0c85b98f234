"""The wheel's bytecode (`pyscript_ffi_host/bytecode.py`): each Pyodide version imports
`pyscript_ffi` from the pycs its own CPython made at build time, never compiling a module,
and every shipped pyc is the compiled form of the source beside it."""

from __future__ import annotations

import zipfile

import pytest

from pyscript_ffi_host import artifacts, bytecode

#: Every module of the installed package: its pyc (`__cached__` path) is an unchecked-hash
#: pyc of exactly this source (the hash CPython itself computes), of this CPython's magic.
MATCHES_SOURCES = r"""
import importlib.util, os, sys
import pyscript_ffi
folder = os.path.dirname(pyscript_ffi.__file__)
checked = []
for name in sorted(os.listdir(folder)):
    if not name.endswith(".py"):
        continue
    source = folder + "/" + name
    with open(source, "rb") as f:
        data = f.read()
    with open(importlib.util.cache_from_source(source), "rb") as f:
        pyc = f.read()
    assert pyc[:4] == importlib.util.MAGIC_NUMBER, name
    assert int.from_bytes(pyc[4:8], "little") == 0b01, name  # hash-based, source not checked
    assert pyc[8:16] == importlib.util.source_hash(data), name
    checked.append(name)
result = checked
"""

#: A fresh import of the package with compiling forbidden: every module comes from its pyc.
LOADS_WITHOUT_COMPILING = r"""
import sys
from importlib.machinery import SourceFileLoader
compiled = []
original = SourceFileLoader.source_to_code
def source_to_code(self, data, path, *args, **kwargs):
    compiled.append(path)
    return original(self, data, path, *args, **kwargs)
for name in [m for m in sys.modules if m == "pyscript_ffi" or m.startswith("pyscript_ffi.")]:
    del sys.modules[name]
SourceFileLoader.source_to_code = source_to_code
try:
    import pyscript_ffi
    pyscript_ffi.to_js({"a": [1]})  # the first use imports nothing more
finally:
    SourceFileLoader.source_to_code = original
loaded = sorted(m for m in sys.modules if m == "pyscript_ffi" or m.startswith("pyscript_ffi."))
specs = [sys.modules[m].__spec__ for m in loaded]
from_pyc = [s.name for s in specs if s.cached and s.has_location]
result = [compiled, loaded, from_pyc]
"""


@pytest.mark.interpreters("pyodide")
def test_each_shipped_pyc_is_the_compiled_source(interp):
    checked = interp.run(MATCHES_SOURCES)
    assert "_to_js.py" in checked and "__init__.py" in checked


@pytest.mark.interpreters("pyodide")
@pytest.mark.isolated
def test_pyodide_imports_the_package_without_compiling(interp):
    compiled, loaded, from_pyc = interp.run(LOADS_WITHOUT_COMPILING)
    assert compiled == []
    assert "pyscript_ffi._to_js" in loaded and from_pyc == loaded


def test_the_wheel_holds_bytecode_for_every_pyodide_of_the_matrix():
    built = artifacts.ensure()
    with zipfile.ZipFile(built.wheel) as z:
        names = set(z.namelist())
        record = z.read(next(n for n in names if n.endswith(".dist-info/RECORD"))).decode()
    sources = {n.split("/")[1][:-3] for n in names if n.startswith("pyscript_ffi/") and n.endswith(".py")}
    tags = {n.rsplit(".", 2)[1] for n in names if n.startswith("pyscript_ffi/__pycache__/")}
    versions = bytecode.pyodide_versions(artifacts.NODE_MODULES)
    assert len(tags) >= 1 and len(versions) >= len(tags)
    for tag in tags:
        assert {s for s in sources if f"pyscript_ffi/__pycache__/{s}.{tag}.pyc" in names} == sources
    assert all(n in record for n in names)
