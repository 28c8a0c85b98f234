"""Where a run is made: the CPU, the load, the runtimes' versions."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from pathlib import Path
from typing import Any

__all__ = ["cpu_model", "load", "runtime_version", "describe"]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load() -> list[float] | None:
    return [round(v, 2) for v in os.getloadavg()] if hasattr(os, "getloadavg") else None


def runtime_version(runtime: str) -> str:
    """`node --version` / the browser's `--version`, as the runtime reports it."""
    names = {"node": ("node",), "chrome": ("chromium", "chromium-browser", "google-chrome", "chrome")}
    for name in names.get(runtime, (runtime,)):
        exe = shutil.which(name)
        if exe is None:
            continue
        try:
            out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        return out.strip() or "unknown"
    return "unknown"


def describe(runtimes: list[str]) -> dict[str, Any]:
    """The report's `machine` and `runtime versions` entries for a run on `runtimes`."""
    return {
        "machine": {
            "cpu": cpu_model(),
            "cores": os.cpu_count(),
            "system": f"{platform.system()} {platform.machine()}",
        },
        "runtime versions": {runtime: runtime_version(runtime) for runtime in runtimes},
    }
