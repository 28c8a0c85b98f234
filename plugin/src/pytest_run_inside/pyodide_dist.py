"""Offline Pyodide dist dirs for the test harness.

`prepare_package` copies an npm `pyodide` package into `out_root/pyodide-<version>/`,
adds the pure-Python wheels that pytest-pyodide needs inside Pyodide (pytest's
dependency closure, tblib, micropip) downloaded from PyPI with pip, and rewrites
`pyodide-lock.json` to list exactly those wheels (file name, sha256, version),
so `loadPackage` never reaches for a CDN.  Chromium checks the sha256s; Node
does not.

    python -m pytest_run_inside.pyodide_dist 314.0.7 0.27.7 [--node-modules DIR] [--out-root DIR]

The launcher makes them in the per-user cache from `npm.Store`'s package
folder (`prepare_package`); `prepare` takes the package from a `node_modules` folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from packaging.utils import canonicalize_name, parse_wheel_filename

from .cache import default_cache_dir, locked
from .npm import Store, find_package

#: Lock entries loaded inside Pyodide by pytest-pyodide and by the harness.
WANTED = ("pytest", "tblib", "micropip")

#: Bump to invalidate every prepared dist dir.
LAYOUT = 1

STAMP = ".prepared.json"
LOCK = "pyodide-lock.json"


# -- npm package ----------------------------------------------------------------
def npm_package_dir(node_modules: Path, version: str) -> Path:
    """The installed npm `pyodide` package of `version` (`pyodide` or an alias
    such as `pyodide-0.27.7`)."""
    found = find_package(node_modules, "pyodide", version)
    if found is None:
        raise FileNotFoundError(
            f"no npm package pyodide@{version} in {node_modules}; "
            f'add "pyodide-{version}": "npm:pyodide@{version}" to package.json'
        )
    return found


# -- lock file ------------------------------------------------------------------
def lock_closure(packages: dict[str, Any], roots: Iterable[str]) -> list[str]:
    """Lock entry names needed to load `roots`, dependencies included."""
    seen: list[str] = []
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.append(name)
            todo.extend(packages[name]["depends"])
    return sorted(seen)


def python_version(lock: dict[str, Any]) -> str:
    """'3.14' for a lock whose `info.python` is '3.14.2'."""
    return ".".join(lock["info"]["python"].split(".")[:2])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rewrite_lock(lock: dict[str, Any], wheels: dict[str, Path]) -> dict[str, Any]:
    """`lock` listing only the entries in `wheels`, pointing at those files."""
    packages = {}
    for name, entry in lock["packages"].items():
        wheel = wheels.get(name)
        if wheel is None:
            continue
        packages[name] = entry | {
            "file_name": wheel.name,
            "sha256": sha256(wheel),
            "version": str(parse_wheel_filename(wheel.name)[1]),
        }
    return lock | {"packages": packages}


# -- wheels ---------------------------------------------------------------------
def _is_pure(wheel: Path) -> bool:
    return all(t.platform == "any" and t.abi == "none" for t in parse_wheel_filename(wheel.name)[3])


def cached_wheel(cache: Path, name: str, version: str | None) -> Path | None:
    """A pure wheel of `name` (at `version` when given) already in `cache`."""
    found = {}
    for wheel in cache.glob("*.whl"):
        wname, wversion, _, _ = parse_wheel_filename(wheel.name)
        if wname == canonicalize_name(name) and version in (None, str(wversion)) and _is_pure(wheel):
            found[wversion] = wheel
    return found[max(found)] if found else None


def _pip(*args: str) -> str:
    """Run pip quietly; its error output ('' on success)."""
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args]
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return "" if done.returncode == 0 else done.stderr or f"{cmd} failed"


def fetch_wheel(cache: Path, name: str, version: str, python: str) -> Path:
    """A pure wheel of `name`, preferably at the lock's `version`: from `cache`,
    else `pip download` (binary only), else `pip wheel` (sdist-only packages)."""
    cache.mkdir(parents=True, exist_ok=True)
    download = ("download", "--no-deps", "--only-binary=:all:", "--platform=any",
                f"--python-version={python}", "-d", str(cache))  # fmt: skip
    build = ("wheel", "--no-deps", "-w", str(cache))
    if wheel := cached_wheel(cache, name, version):
        return wheel
    errors = []
    for want, spec in ((version, f"{name}=={version}"), (None, name)):
        for pip_args in (download, build):
            error = _pip(*pip_args, spec)
            if not error and (wheel := cached_wheel(cache, name, want)):
                return wheel
            errors.append(error)
    raise RuntimeError(
        f"no pure-Python wheel for {name} (Python {python}) on PyPI: compiled Pyodide packages are not "
        "available offline (they live on Pyodide's CDN, which the plugin never uses):\n" + "\n".join(errors)
    )


# -- dist dir -------------------------------------------------------------------
def _stamp(version: str, src: Path, wanted: Sequence[str]) -> str:
    return json.dumps({"version": version, "layout": LAYOUT, "wanted": list(wanted),
                       "lock_sha256": sha256(src / LOCK)})  # fmt: skip


def _build(src: Path, dest: Path, cache: Path, wanted: Sequence[str]) -> None:
    """Fill `dest` (new) from the npm package `src` plus wheels from `cache`."""
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("*.map", "*.d.ts", "*.html"))
    lock = json.loads((src / LOCK).read_text())
    unknown = [name for name in wanted if name not in lock["packages"]]
    if unknown:
        raise RuntimeError(f"Pyodide {lock['info'].get('version', '')} has no package {', '.join(unknown)}")
    python = python_version(lock)
    wheels = {}
    for name in lock_closure(lock["packages"], wanted):
        wheel = fetch_wheel(cache, name, lock["packages"][name]["version"], python)
        wheels[name] = Path(shutil.copy2(wheel, dest / wheel.name))
    (dest / LOCK).write_text(json.dumps(rewrite_lock(lock, wheels), indent=1))


def prepare(version: str, node_modules: Path, out_root: Path) -> Path:
    """Make (or reuse) `out_root/pyodide-<version>/` from `node_modules`' pyodide `version`."""
    return prepare_package(npm_package_dir(node_modules, version), version, out_root)


def prepare_package(src: Path, version: str, out_root: Path, packages: Iterable[str] = ()) -> Path:
    """Make (or reuse) the offline dist dir `out_root/pyodide-<version>/` from the
    npm package folder `src` (serialised across processes by a file lock).  Extra
    `packages` (names in Pyodide's lock, pure-Python, fetched from PyPI) make a
    dist dir of their own, `pyodide-<version>+<hash>`."""
    extra = sorted(set(packages) - set(WANTED))
    wanted = [*WANTED, *extra]
    out_root = out_root.resolve()
    suffix = "+" + hashlib.sha256(" ".join(extra).encode()).hexdigest()[:10] if extra else ""
    out = out_root / f"pyodide-{version}{suffix}"
    stamp = _stamp(version, src, wanted)
    if (out / STAMP).is_file() and (out / STAMP).read_text() == stamp:
        return out
    with locked(out_root / ".lock"):
        if (out / STAMP).is_file() and (out / STAMP).read_text() == stamp:
            return out
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out_root))
        try:
            _build(src, tmp / "dist", out_root / "wheel-cache", wanted)
            (tmp / "dist" / STAMP).write_text(stamp)
            shutil.rmtree(out, ignore_errors=True)
            (tmp / "dist").rename(out)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return out


def offline_dist(store: Store, version: str, packages: Iterable[str] = ()) -> Path:
    """The offline dist dir of Pyodide `version` from `store`'s npm package (made once,
    kept in `store`'s cache; extra `packages` as in `prepare_package`)."""
    return prepare_package(store.package_dir("pyodide", version), version, store.cache / "pyodide", packages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("versions", nargs="+", metavar="VERSION")
    parser.add_argument("--node-modules", type=Path, default=Path("node_modules"))
    parser.add_argument("--out-root", type=Path, default=default_cache_dir() / "pyodide")
    args = parser.parse_args(argv)
    for version in args.versions:
        print(prepare(version, args.node_modules, args.out_root))


if __name__ == "__main__":
    main()
