"""npm packages on demand: the project's own `node_modules/`, else the per-user cache.

`Store(node_modules, cache)` answers where the npm package of an interpreter
(or of PyScript, `catalog.NPM_PACKAGES`) at a version is.  A version installed
in `node_modules` (the package itself or an alias such as
``"pyodide-0.27.7": "npm:pyodide@0.27.7"``) is used as it is.  Any other
version is installed once with ``npm install`` into the cache (`cache`),
``<cache>/npm/<package>@<version>/``, and reused by every later run and every
project.  A file lock serialises installs, so pytest-xdist workers and parallel
runs do not race.  (Pyodide's offline dist dir, made from the package, is
`pyodide_dist`'s business.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import tools
from .cache import default_cache_dir, locked
from .catalog import NPM_PACKAGES, SUPPORTED, is_prerelease, version_key

__all__ = ["NpmError", "Store", "find_package", "installed_versions"]

#: How long the list of versions on npm is reused before asking npm again (seconds).
VERSIONS_TTL = 24 * 3600


class NpmError(RuntimeError):
    """npm could not install or list a package (the message has npm's output)."""


def _manifests(node_modules: Path) -> list[Path]:
    return sorted([*node_modules.glob("*/package.json"), *node_modules.glob("@*/*/package.json")])


def find_package(node_modules: Path, package: str, version: str) -> Path | None:
    """The folder in `node_modules` holding npm `package`@`version` (aliases too)."""
    for manifest in _manifests(node_modules):
        try:
            meta = json.loads(manifest.read_text())
        except (OSError, ValueError):
            continue
        if meta.get("name") == package and meta.get("version") == version:
            return manifest.parent
    return None


def installed_versions(node_modules: Path) -> dict[str, tuple[str, ...]]:
    """Each interpreter's versions installed in `node_modules`, newest first."""
    found: dict[str, set[str]] = {name: set() for name in NPM_PACKAGES}
    by_package = {package: name for name, package in NPM_PACKAGES.items()}
    for manifest in _manifests(node_modules):
        try:
            meta = json.loads(manifest.read_text())
        except (OSError, ValueError):
            continue
        name = by_package.get(meta.get("name"))
        if name is not None and isinstance(meta.get("version"), str):
            found[name].add(meta["version"])
    return {name: tuple(sorted(v, key=version_key, reverse=True)) for name, v in found.items()}


def _npm(*args: str, cwd: Path | None = None) -> str:
    npm = tools.require(["npm"])["npm"]
    done = subprocess.run(
        [npm, *args, "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise NpmError(f"npm {' '.join(args)} failed:\n{done.stderr.strip()}")
    return done.stdout


class Store:
    """Where interpreter packages and Pyodide dist dirs come from (see the module doc)."""

    def __init__(self, node_modules: Path | None = None, cache: Path | None = None):
        self.node_modules = (node_modules or Path.cwd() / "node_modules").resolve()
        self.cache = (cache or default_cache_dir()).resolve()

    def __repr__(self) -> str:
        return f"Store(node_modules={str(self.node_modules)!r}, cache={str(self.cache)!r})"

    # -- versions -------------------------------------------------------------
    def local_versions(self) -> dict[str, tuple[str, ...]]:
        """Versions installed in the project's node_modules, newest first."""
        return installed_versions(self.node_modules)

    def default_version(self, name: str) -> str:
        """The newest version in node_modules, else the newest of the support table."""
        local = self.local_versions()[name]
        return local[0] if local else SUPPORTED[name][0]

    def cached_versions(self) -> dict[str, tuple[str, ...]]:
        """Versions already installed in the cache, newest first."""
        found: dict[str, set[str]] = {name: set() for name in NPM_PACKAGES}
        for name, package in NPM_PACKAGES.items():
            for folder in (self.cache / "npm").glob(_slug(package) + "@*"):
                if (folder / ".installed").is_file():
                    found[name].add(folder.name.split("@", 1)[1])
        return {name: tuple(sorted(v, key=version_key, reverse=True)) for name, v in found.items()}

    def npm_versions(self, name: str) -> tuple[str, ...]:
        """Every version npm has of interpreter `name`, oldest first (asked at most
        once a day; the answer is kept in the cache)."""
        record = self.cache / "npm" / f"{_slug(NPM_PACKAGES[name])}.versions.json"
        with locked(self.cache / "npm" / ".lock"):
            if record.is_file() and time.time() - record.stat().st_mtime < VERSIONS_TTL:
                return tuple(json.loads(record.read_text()))
            try:
                versions = json.loads(_npm("view", NPM_PACKAGES[name], "versions", "--json"))
            except (NpmError, ValueError):
                if record.is_file():  # offline: the last answer is better than none
                    return tuple(json.loads(record.read_text()))
                raise
            versions = sorted([versions] if isinstance(versions, str) else versions, key=version_key)
            record.write_text(json.dumps(versions))
            return tuple(versions)

    def newest(self, name: str, prerelease: bool = False) -> str:
        """The newest stable version (or, with `prerelease`, pre-release) npm has."""
        versions = [v for v in self.npm_versions(name) if is_prerelease(v) == prerelease]
        if not versions:
            kind = "pre-release" if prerelease else "stable"
            raise NpmError(f"npm has no {kind} version of {NPM_PACKAGES[name]}")
        return max(versions, key=version_key)

    def is_local(self, name: str, version: str) -> bool:
        """True when `version` needs no npm install (node_modules or the cache has it)."""
        package = NPM_PACKAGES[name]
        return find_package(self.node_modules, package, version) is not None or (
            (self._cache_folder(package, version) / ".installed").is_file()
        )

    # -- packages -------------------------------------------------------------
    def _cache_folder(self, package: str, version: str) -> Path:
        return self.cache / "npm" / f"{_slug(package)}@{version}"

    def package_dir(self, name: str, version: str) -> Path:
        """The npm package folder of `name` (an interpreter, or "pyscript") at `version`: from
        node_modules, else from the cache, installed there with npm if needed."""
        package = NPM_PACKAGES[name]
        found = find_package(self.node_modules, package, version)
        if found is not None:
            return found
        folder = self._cache_folder(package, version)
        installed = folder / "node_modules" / package
        if (folder / ".installed").is_file():
            return installed
        with locked(self.cache / "npm" / ".lock"):
            if not (folder / ".installed").is_file():
                self._install(package, version, folder)
        return installed

    def _install(self, package: str, version: str, folder: Path) -> None:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
        try:
            (tmp / "package.json").write_text('{"private": true}\n')
            print(f"pytest-run-inside: npm install {package}@{version} into {folder}", file=sys.stderr)
            _npm("install", "--no-save", "--no-package-lock", f"{package}@{version}", cwd=tmp)
            if find_package(tmp / "node_modules", package, version) is None:
                raise NpmError(f"npm install {package}@{version} installed no {package} {version}")
            (tmp / ".installed").write_text(version + "\n")
            shutil.rmtree(folder, ignore_errors=True)
            tmp.chmod(0o755)
            tmp.rename(folder)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _slug(package: str) -> str:
    """`@micropython/x` -> `micropython+x`: one folder name per npm package."""
    return package.lstrip("@").replace("/", "+")
