"""What a fresh machine lacks and the project installs itself: the npm
packages (interpreters, PyScript) and Debian's Chromium + chromedriver."""

from __future__ import annotations

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
    stamp = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime:
        return
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)


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
