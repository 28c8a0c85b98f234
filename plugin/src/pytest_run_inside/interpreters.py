"""Which interpreters, runtimes and versions a run can use, and how one starts.

Versions are npm versions (semver): ``314.0.7``, ``0.27.7``, pre-releases such
as ``315.0.0-alpha.2`` or ``1.29.0-6``.  Where each comes from is `npm.Store`'s
business (the project's own `node_modules/`, else the per-user cache).

>>> Spec("micropython", "chrome", "1.24.1").id(default="1.27.0")
'micropython-1.24.1-chrome'
>>> sorted(["1.29.0-6", "1.27.0", "1.28.0-preview-230", "1.28.0"], key=version_key)
['1.27.0', '1.28.0-preview-230', '1.28.0', '1.29.0-6']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .interp import Interp
    from .npm import Store

__all__ = [
    "DEFAULT_RUNTIMES",
    "INTERPRETERS",
    "NPM_PACKAGES",
    "RUNTIMES",
    "Spec",
    "is_prerelease",
    "launch",
    "version_key",
]

INTERPRETERS = ("pyodide", "micropython")
#: "chrome-worker" runs the interpreter in a (module) Web Worker of a Chromium page.
RUNTIMES = ("node", "chrome", "chrome-worker")
DEFAULT_RUNTIMES = ("node", "chrome")
#: The npm package each interpreter comes from.
NPM_PACKAGES = {"pyodide": "pyodide", "micropython": "@micropython/micropython-webassembly-pyscript"}

FileContents = bytes | str | Path

_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")


def version_key(version: str) -> tuple[object, ...]:
    """A sort key in npm (semver) order: a pre-release sorts before its release,
    its dot-separated parts numerically where numeric, numbers before words."""
    match = _SEMVER.match(version)
    if match is None:
        return ((-1, -1, -1), 0, ())
    release = tuple(int(part) for part in match.group(1, 2, 3))
    pre = match.group(4)
    if pre is None:
        return (release, 1, ())
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return (release, 0, parts)


def is_prerelease(version: str) -> bool:
    """True for ``315.0.0-alpha.2`` or ``1.29.0-6``, False for ``314.0.7``."""
    match = _SEMVER.match(version)
    return match is None or match.group(4) is not None


class Spec(NamedTuple):
    """One interpreter to start: `name` in `INTERPRETERS`, `runtime` in
    `RUNTIMES`, `version` its npm version.  `fresh` is empty for the instance a
    test module shares, else the id of the one test that gets its own instance."""

    name: str
    runtime: str
    version: str
    fresh: str = ""

    def id(self, default: str) -> str:
        """`pyodide-node` for the `default` version, `pyodide-0.27.7-node` for others."""
        if self.version == default:
            return f"{self.name}-{self.runtime}"
        return f"{self.name}-{self.version}-{self.runtime}"


def launch(
    name: str,
    runtime: str,
    version: str,
    *,
    wheels: Sequence[Path] = (),
    micropython_files: Mapping[str, FileContents] | None = None,
    store: Store | None = None,
) -> Interp:
    """Start interpreter `name` `version` under `runtime`: Pyodide from its
    offline dist dir with `wheels` micropip-installed, MicroPython with
    `micropython_files` (absolute FS path -> contents) written before start.
    `store` says where the npm packages are (default: ./node_modules, else the cache)."""
    from .npm import Store

    store = store or Store()
    if name == "pyodide":
        from .pyodide import start_pyodide

        return start_pyodide(runtime, version, store.pyodide_dist(version), list(wheels))
    if name == "micropython":
        from .micropython import start_micropython

        return start_micropython(
            runtime, version, micropython_files, package=store.package_dir(name, version)
        )
    raise ValueError(f"unknown interpreter {name!r}; expected one of {INTERPRETERS}")
