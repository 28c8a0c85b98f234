"""The catalog: which interpreters, runtimes and versions a run can use.

A leaf module: it imports nothing else of the plugin, and every other module
may import it.  Versions are npm versions (semver): ``314.0.7``, ``0.27.7``,
pre-releases such as ``315.0.0-alpha.2`` or ``1.29.0-6``.

>>> Spec("micropython", "chrome", "1.24.1").id(default="1.27.0")
'micropython-1.24.1-chrome'
>>> sorted(["1.29.0-6", "1.27.0", "1.28.0-preview-230", "1.28.0"], key=version_key)
['1.27.0', '1.28.0-preview-230', '1.28.0', '1.29.0-6']
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "BROWSER_RUNTIMES",
    "DEFAULT_RUNTIMES",
    "INTERPRETERS",
    "NPM_PACKAGES",
    "PYSCRIPT",
    "PYSCRIPT_RUNTIMES",
    "RUNTIMES",
    "SUPPORTED",
    "FileContents",
    "Spec",
    "is_prerelease",
    "read_contents",
    "version_key",
]

INTERPRETERS = ("pyodide", "micropython")
#: "chrome-worker": the bare interpreter in a (module) Web Worker of a Chromium page;
#: "pyscript": a real PyScript page (`<script type="py">` / `"mpy"`) in Chromium;
#: "pyscript-worker": the same page's script with the `worker` attribute (a PyScript worker).
RUNTIMES = ("node", "chrome", "chrome-worker", "pyscript", "pyscript-worker")
DEFAULT_RUNTIMES = ("node", "chrome")
#: Runtimes that need Chromium and chromedriver.
BROWSER_RUNTIMES = ("chrome", "chrome-worker", "pyscript", "pyscript-worker")
#: Runtimes that are a PyScript page.
PYSCRIPT_RUNTIMES = ("pyscript", "pyscript-worker")
#: The name PyScript's own version goes by (`--pyscript-version`, `SUPPORTED`, `NPM_PACKAGES`).
PYSCRIPT = "pyscript"

#: The npm package each interpreter (and PyScript) comes from.
NPM_PACKAGES = {
    "pyodide": "pyodide",
    "micropython": "@micropython/micropython-webassembly-pyscript",
    PYSCRIPT: "@pyscript/core",
}

#: The support table: the versions the plugin is tested with, newest first.  The
#: first is the default when the project's `node_modules/` has none (so a run
#: without `node_modules` gets exactly a version of this table).
SUPPORTED = {
    "pyodide": ("314.0.7", "0.29.5", "0.28.3", "0.27.7"),
    "micropython": ("1.27.0", "1.26.0", "1.25.0", "1.24.1"),
    PYSCRIPT: ("0.7.31",),
}

#: What a file written into an interpreter's filesystem may be given as.
FileContents = bytes | str | Path


def read_contents(contents: FileContents) -> bytes:
    """The bytes of `contents`: a Path's file, a str as UTF-8, bytes as they are."""
    if isinstance(contents, Path):
        return contents.read_bytes()
    return contents.encode() if isinstance(contents, str) else contents


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
