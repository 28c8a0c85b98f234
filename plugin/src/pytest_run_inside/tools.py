"""The programs the harness runs but does not install: Node, npm, Chromium, chromedriver.

Each is found on PATH, or named by an environment variable (`CHROME_BIN`,
`SE_CHROMEDRIVER`) or by the plugin's options (`--chrome-binary`,
`--chromedriver`, which set those variables).  `require` reports everything
missing at once, with what to install.

>>> require(["node", "chromium"])          # raises MissingTool listing both if absent
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable

__all__ = ["MissingTool", "chromedriver", "chromium", "find", "require"]

#: Executable names tried on PATH, in order.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

#: What to install for each tool.
HINTS = {
    "node": "Node.js >= 20 (https://nodejs.org; Debian/Ubuntu: apt-get install nodejs npm)",
    "npm": "npm, which comes with Node.js (Debian/Ubuntu: apt-get install npm)",
    "chromium": "Chromium or Chrome (Debian: apt-get install chromium; Ubuntu: the chromium snap or "
    "Google Chrome); or name it with --chrome-binary PATH or CHROME_BIN",
    "chromedriver": "the chromedriver of that browser's version (Debian: apt-get install chromium-driver; "
    "https://googlechromelabs.github.io/chrome-for-testing/); or name it with --chromedriver PATH "
    "or SE_CHROMEDRIVER",
}


class MissingTool(RuntimeError):
    """A program the run needs is not installed (the message says what to install)."""


def _executable(path: str | None) -> str | None:
    if path and os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    return shutil.which(path) if path else None


def chromium() -> str | None:
    """`CHROME_BIN`, else the first of `CHROMIUM_NAMES` on PATH."""
    if os.environ.get("CHROME_BIN"):
        return _executable(os.environ["CHROME_BIN"])
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def chromedriver() -> str | None:
    """`SE_CHROMEDRIVER`, else `chromedriver` on PATH."""
    return _executable(os.environ.get("SE_CHROMEDRIVER") or "chromedriver")


def find(tool: str) -> str | None:
    """The full path of `tool` ("node", "npm", "chromium", "chromedriver"), or None."""
    if tool == "chromium":
        return chromium()
    if tool == "chromedriver":
        return chromedriver()
    return shutil.which(tool)


def require(tools: Iterable[str]) -> dict[str, str]:
    """The path of each of `tools`; MissingTool naming every one that is missing."""
    found = {tool: find(tool) for tool in dict.fromkeys(tools)}
    missing = [tool for tool, path in found.items() if path is None]
    if missing:
        lines = [f"pytest-run-inside needs {', '.join(missing)}, not found. Install:"]
        lines += [f"  - {tool}: {HINTS[tool]}" for tool in missing]
        raise MissingTool("\n".join(lines))
    return {tool: path for tool, path in found.items() if path is not None}
