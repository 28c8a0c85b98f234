"""Which interpreters, runtimes and versions a run can use.

Versions are the ones installed from npm: every `package.json` directly in
`node_modules/` (or in a scope folder, `@x/y/`) whose name is an interpreter's
npm package, aliases included (``"pyodide-0.27.7": "npm:pyodide@0.27.7"``).

>>> installed_versions()["micropython"]
('1.27.0', '1.26.0', '1.25.0', '1.24.1')
>>> Spec("micropython", "chrome", "1.24.1").id(newest="1.27.0")
'micropython-1.24.1-chrome'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from packaging.version import InvalidVersion, Version

__all__ = ["INTERPRETERS", "NPM_PACKAGES", "RUNTIMES", "Spec", "installed_versions"]

INTERPRETERS = ("pyodide", "micropython")
RUNTIMES = ("node", "chrome")
#: The npm package each interpreter comes from.
NPM_PACKAGES = {"pyodide": "pyodide", "micropython": "@micropython/micropython-webassembly-pyscript"}
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"


class Spec(NamedTuple):
    """One interpreter to start: `name` in `INTERPRETERS`, `runtime` in
    `RUNTIMES`, `version` its npm version.  `fresh` is empty for the instance a
    test module shares, else the id of the one test that gets its own instance."""

    name: str
    runtime: str
    version: str
    fresh: str = ""

    def id(self, newest: str) -> str:
        """`pyodide-node` for the `newest` version, `pyodide-0.27.7-node` for older ones."""
        if self.version == newest:
            return f"{self.name}-{self.runtime}"
        return f"{self.name}-{self.version}-{self.runtime}"


def _version_key(version: str) -> Version:
    try:
        return Version(version)
    except InvalidVersion:
        return Version("0")


def installed_versions(node_modules: Path = NODE_MODULES) -> dict[str, tuple[str, ...]]:
    """The installed versions of each interpreter, newest first (empty if none)."""
    found: dict[str, set[str]] = {name: set() for name in INTERPRETERS}
    by_package = {package: name for name, package in NPM_PACKAGES.items()}
    for manifest in [*node_modules.glob("*/package.json"), *node_modules.glob("@*/*/package.json")]:
        try:
            meta = json.loads(manifest.read_text())
        except (OSError, ValueError):
            continue
        name = by_package.get(meta.get("name"))
        if name is not None and isinstance(meta.get("version"), str):
            found[name].add(meta["version"])
    return {name: tuple(sorted(versions, key=_version_key, reverse=True)) for name, versions in found.items()}
