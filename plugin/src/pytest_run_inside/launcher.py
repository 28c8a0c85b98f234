"""The launcher: the one place that turns a `Spec` into a running interpreter.

It asks `npm.Store` for the packages (and `pyodide_dist` for Pyodide's offline
dist dir), and hands each interpreter module exactly what it needs as
arguments: `pyodide.start_pyodide` a dist dir, `micropython.start_micropython`
a package folder, `pyscript_page.start_pyscript` PyScript's package and the
interpreter's files.  The interpreter modules know nothing of the store.

```python
from pytest_run_inside import InterpSetup, Spec, launch, start

interp = launch("micropython", "node", "1.27.0")          # a bare interpreter
interp = start(Spec("pyodide", "pyscript", "314.0.7"),   # or with a setup applied
               InterpSetup(files={"greet.py": b"def greet(): ..."}))
```
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import user_files
from .catalog import INTERPRETERS, PYSCRIPT, PYSCRIPT_RUNTIMES, FileContents, Spec
from .interp import Interp
from .micropython import start_micropython
from .npm import Store
from .pyodide import start_pyodide
from .pyodide_dist import offline_dist
from .pyscript_page import Page, start_pyscript

__all__ = ["InterpSetup", "launch", "start"]

#: The `pytest` of interpreters that have none (`_pytest_inside.py`), last on sys.path.
PYTEST_SHIM = (Path(__file__).resolve().parent / "_pytest_inside.py").read_bytes()
SHIM_ROOT = "/home/pytest-run-inside"


@dataclass(frozen=True)
class InterpSetup:
    """What every interpreter the plugin starts gets, in this order.

    - `wheels`: micropip-installed on Pyodide (pure-Python wheels; in a PyScript
      page they go to the config's `packages`).
    - `micropython_files`: absolute FS path -> contents, written before MicroPython
      starts (e.g. ``{"/mypkg.mpy": Path("build/mypkg.mpy")}``); their folders go on sys.path.
    - `files`: relative path -> bytes, written under `user_files.ROOT` in both
      interpreters (first on sys.path); `--interp-files` fills it.
    - `js`: bodies of async JS functions run in the interpreter's realm.
    - `pyodide_packages`: names from Pyodide's lock added to the offline dist
      (pure-Python ones, fetched from PyPI), e.g. for ``run_in_pyodide(packages=[...])``.
    """

    wheels: Sequence[Path] = ()
    micropython_files: Mapping[str, FileContents] = field(default_factory=dict)
    files: Mapping[str, bytes] = field(default_factory=dict)
    js: Sequence[str] = ()
    pyodide_packages: Sequence[str] = ()

    def replace(self, **changes: object) -> InterpSetup:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def launch(
    name: str,
    runtime: str,
    version: str,
    *,
    wheels: Sequence[Path] = (),
    micropython_files: Mapping[str, FileContents] | None = None,
    store: Store | None = None,
    page: Page | None = None,
    pyodide_packages: Sequence[str] = (),
) -> Interp:
    """Start interpreter `name` `version` under `runtime`: Pyodide from its
    offline dist dir with `wheels` micropip-installed, MicroPython with
    `micropython_files` (absolute FS path -> contents) written before start;
    under "pyscript"/"pyscript-worker" a PyScript page made from `page`.
    `store` says where the npm packages are (default: ./node_modules, else the cache)."""
    if name not in INTERPRETERS:
        raise ValueError(f"unknown interpreter {name!r}; expected one of {INTERPRETERS}")
    store = store or Store()
    if name == "pyodide":
        package = offline_dist(store, version, pyodide_packages)
    else:
        package = store.package_dir(name, version)
    if runtime in PYSCRIPT_RUNTIMES:
        page = page or Page()
        core = store.package_dir(PYSCRIPT, page.pyscript_version or store.default_version(PYSCRIPT))
        return start_pyscript(
            name, version, runtime == "pyscript-worker", page, core=core, interpreter=package,
            wheels=list(wheels), micropython_files=micropython_files or {},
        )  # fmt: skip
    if name == "pyodide":
        return start_pyodide(runtime, version, package, list(wheels))
    return start_micropython(runtime, version, package, micropython_files)


def start(spec: Spec, setup: InterpSetup, store: Store | None = None, page: Page | None = None) -> Interp:
    """A running interpreter for `spec` with `setup` applied (packages from `store`;
    `page` is the PyScript page of the pyscript runtimes)."""
    instance = launch(
        spec.name, spec.runtime, spec.version, wheels=setup.wheels,
        micropython_files=setup.micropython_files, store=store, page=page,
        pyodide_packages=setup.pyodide_packages,
    )  # fmt: skip
    try:
        user_files.install(instance, {"pytest.py": PYTEST_SHIM}, root=SHIM_ROOT, first=False)
        if setup.files:
            user_files.install(instance, setup.files)
        for body in setup.js:
            instance.run_js(body)
    except BaseException:
        instance.close()
        raise
    return instance
