"""The per-user cache and the file lock that serialises writes into it.

The cache is ``$PYTEST_RUN_INSIDE_CACHE`` when set, else the platform's cache
dir: ``$XDG_CACHE_HOME/pytest-run-inside`` (default ``~/.cache/...``) on Linux,
``~/Library/Caches/pytest-run-inside`` on macOS, ``%LOCALAPPDATA%\\pytest-run-inside``
on Windows.  Deleting it is always safe.  `npm.Store` keeps npm packages there,
`pyodide_dist` the offline Pyodide dist dirs.

>>> with locked(default_cache_dir() / "npm" / ".lock"):
...     ...                      # no other process installs into the cache meanwhile
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["CACHE_ENV", "default_cache_dir", "locked"]

CACHE_ENV = "PYTEST_RUN_INSIDE_CACHE"


def default_cache_dir() -> Path:
    """`$PYTEST_RUN_INSIDE_CACHE`, else the platform's per-user cache dir."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "pytest-run-inside"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "pytest-run-inside" / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pytest-run-inside"


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `path` (made if missing) across processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
