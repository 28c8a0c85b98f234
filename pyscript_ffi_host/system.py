"""What a fresh machine lacks and the project installs itself: the npm
packages (interpreters, PyScript) and Debian's Chromium + chromedriver."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROME_PACKAGES = ("chromium", "chromium-driver")


class MissingSystemPackage(SystemExit):
    """Raised (as a clean exit with a message) when we cannot install it ourselves."""


def ensure_node_modules() -> None:
    """`npm ci` when node_modules is missing or older than package-lock.json."""
    if shutil.which("npm") is None:
        raise MissingSystemPackage(
            "npm not found: install Node.js >= 20 (Debian: apt-get install nodejs npm)"
        )
    if node_modules_match_lock():
        return
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)


def node_modules_match_lock() -> bool:
    """True when node_modules holds exactly the packages package-lock.json pins.

    Compared by content (npm's own record, node_modules/.package-lock.json),
    not by mtime: a fresh git checkout is newer than an installed tree, and
    `npm ci` on a shared (symlinked) node_modules would wipe it for everyone."""
    installed = ROOT / "node_modules" / ".package-lock.json"
    if not installed.is_file():
        return False
    wanted = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    have = json.loads(installed.read_text())["packages"]

    def pin(entry: dict[str, str]) -> tuple[str | None, str | None]:
        return entry.get("version"), entry.get("resolved")

    return all(name in have and pin(have[name]) == pin(entry) for name, entry in wanted.items() if name)


def chromium_present() -> bool:
    return bool(shutil.which("chromium") and shutil.which("chromedriver"))


def ensure_chromium() -> None:
    """Debian's chromium + chromium-driver: installed with apt when root, else a clear message."""
    if chromium_present():
        return
    if os.geteuid() != 0:
        raise MissingSystemPackage(
            "Chromium and chromedriver are needed for the browser tests and demo. Install them with:\n"
            "    sudo apt-get install chromium chromium-driver"
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-q", *CHROME_PACKAGES], check=True, env=env)
    if not chromium_present():
        raise MissingSystemPackage(
            "apt-get installed chromium but chromium/chromedriver are still not on PATH"
        )
