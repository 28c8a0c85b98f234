"""The example site (`site/`): prepared, then served on 127.0.0.1 with COOP/COEP.

`prepare()` builds the wheel and the `.mpy` (when stale), takes the offline
Pyodide dist (npm `pyodide` + micropip, which PyScript's `packages` needs; the
one the tests and the compatibility report use, prepared once in the plugin's
per-user cache) and writes `build/site/`: both artifacts and the two PyScript configs. `serve_site()`
serves `site/` at `/` with these mounts, so nothing comes from a CDN:

| URL prefix       | directory                                  |
|------------------|--------------------------------------------|
| `/node_modules/` | `node_modules/` (`@pyscript/core`, MicroPython) |
| `/pyodide/`      | `~/.cache/pytest-run-inside/pyodide/pyodide-<newest>/` |
| `/dist/`         | `build/site/` (wheel, `.mpy`, `py.json`, `mpy.json`, `site.json`) |

`main()` serves at once and, unless the compatibility report (`site/compat.html`) is complete
and newer than the artifacts, makes it in the background (`python -m pyscript_ffi_host.compat`,
its output in `build/compat.log`): the page is there from the start, says how far the run is,
shows the cells done and reloads itself until it is complete. Stopping the server stops it.

    python -m pyscript_ffi_host.site [--port 8000] [--no-compat]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from pytest_run_inside import Store
from pytest_run_inside.micropython import MICROPYTHON_PACKAGE, micropython_module
from pytest_run_inside.npm import find_package
from pytest_run_inside.pyodide_dist import offline_dist
from pytest_run_inside.server import StaticServer, make_server, serve

from . import artifacts, compat

__all__ = [
    "SITE",
    "DIST",
    "BENCH",
    "COMPAT",
    "PAGES",
    "prepare",
    "mounts",
    "serve_site",
    "compat_needed",
    "start_compat",
    "stop_compat",
    "main",
]

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
DIST = ROOT / "build" / "site"
PYODIDE_VERSION = "314.0.7"
MICROPYTHON_VERSION = "1.27.0"

#: Every page of the site, with what a visitor finds there.
PAGES = {
    "index.html": "the API guide and links",
    "taskboard.html": "task board, Pyodide, main thread (`?mpy`: MicroPython)",
    "worker.html": "task board driven from a Pyodide worker (`?mpy`: MicroPython)",
    "canvas.html": "canvas pixels from Python through ImageData, Pyodide (`?mpy`: MicroPython)",
    "check.html": "the package's own checks, live, on both interpreters, main thread and worker",
    "bench.html": "the last `nox -s bench` run: chart and table (made by `bash bin/nox -s bench`)",
    "pyscript.html": "PyScript's API case by case, stock (`?line`: with the one line; `?mpy`, `&worker`)",
    "pyscript_workload.html": "PyScript's stdlib timed (what `nox -s bench` loads; `?line`, `?mpy`)",
}
#: Where `nox -s bench` writes its results (`pyscript_ffi_host.bench.OUT`); bench.html reads them.
BENCH = SITE / "bench"
#: The compatibility report (`nox -s compat`, or the demo in the background) and the log of its run.
COMPAT = SITE / "compat.html"
COMPAT_LOG = ROOT / "build" / "compat.log"


def _config(interpreter: str, artifact: dict[str, object]) -> dict[str, object]:
    # Paths are relative to the config file, /dist/<name>.json.
    return {"interpreter": interpreter, **artifact}


def prepare() -> Path:
    """Build what the site loads into `build/site/`; returns that directory."""
    built = artifacts.ensure()
    pyodide_dir = _pyodide_dist()
    mpy_package = find_package(artifacts.NODE_MODULES, MICROPYTHON_PACKAGE, MICROPYTHON_VERSION)
    if mpy_package is None:
        raise FileNotFoundError(f"no {MICROPYTHON_PACKAGE}@{MICROPYTHON_VERSION} in {artifacts.NODE_MODULES}")
    mpy_module = micropython_module(mpy_package).relative_to(artifacts.NODE_MODULES)
    DIST.mkdir(parents=True, exist_ok=True)  # files are replaced in place: a running demo keeps serving
    BENCH.mkdir(exist_ok=True)  # bench.html reads its listing: a run made while the demo serves shows up
    for old in DIST.glob("*.whl"):
        if old.name != built.wheel.name:
            old.unlink()
    wheel = Path(shutil.copy2(built.wheel, DIST / built.wheel.name))
    shutil.copy2(built.mpy, DIST / "pyscript_ffi.mpy")
    line = artifacts.page_line(built)  # PyScript on pyscript_ffi: the line and what it installs
    for path in (line, line.with_name("pyscript_ffi.pyodide")):
        shutil.copy2(path, DIST / path.name)
    configs = {
        "py.json": _config("../pyodide/pyodide.mjs", {"packages": ["./" + wheel.name]}),
        "mpy.json": _config(
            "../node_modules/" + mpy_module.as_posix(),
            {"files": {"./pyscript_ffi.mpy": "./pyscript_ffi.mpy"}},
        ),
    }
    # pyscript.html (PyScript's API case by case): stock configs list the package, the
    # line's do not (the line installs it); both name the page's local JS module.
    module = {"../pyscript_module.mjs": "pyscript_module"}
    modules = {"js_modules": {where: module for where in ("main", "worker")}}
    for name in ("py", "mpy"):
        line = {"interpreter": configs[name + ".json"]["interpreter"], **modules}
        configs[f"pyscript-{name}.json"] = {**configs[name + ".json"], **modules}
        configs[f"pyscript-{name}-line.json"] = line
        configs[f"{name}-interpreter.json"] = {"interpreter": line["interpreter"]}  # for the line, or stock
    for name, config in configs.items():
        (DIST / name).write_text(json.dumps(config, indent=1) + "\n")
    site_info = {
        "compat": COMPAT.is_file(),
        "pyodide": pyodide_dir.name,
        "micropython": f"{MICROPYTHON_PACKAGE}@{MICROPYTHON_VERSION}",
        "wheel": wheel.name,
    }
    (DIST / "site.json").write_text(json.dumps(site_info, indent=1) + "\n")
    return DIST


def _pyodide_dist() -> Path:
    """The offline Pyodide dist of the newest version (prepared once per user)."""
    return offline_dist(Store(artifacts.NODE_MODULES), PYODIDE_VERSION)


def mounts() -> dict[str, Path]:
    """URL prefix -> directory for everything the pages load besides `site/`."""
    return {
        "/node_modules": artifacts.NODE_MODULES,
        "/pyodide": _pyodide_dist(),
        "/dist": DIST,
    }


def serve_site(port: int = 0) -> tuple[StaticServer, str]:
    """`prepare()`, then serve in a background thread on 127.0.0.1:`port`
    (0: a free port); stop it with `server.stop`.

    ```python
    server, url = serve_site()   # url == "http://127.0.0.1:<port>"
    ```
    """
    prepare()
    server, url = serve(SITE, port=port, mounts=mounts())
    return server, url


def compat_needed(built: artifacts.Artifacts) -> bool:
    """True unless `site/compat.html` is a finished report newer than the artifacts it tested."""
    if not compat.is_complete(COMPAT):
        return True
    return COMPAT.stat().st_mtime < max(built.wheel.stat().st_mtime, built.mpy.stat().st_mtime)


def _background() -> None:
    """In the report's process, before it runs: a lower priority than the pages being served,
    and (Linux) SIGTERM when the server's process dies, however it dies."""
    os.nice(5)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: stop_compat is the only stop
        pass


_PR_SET_PDEATHSIG = 1


def start_compat() -> subprocess.Popen[bytes]:
    """Make the compatibility report in the background (its own process group, so that
    `stop_compat` stops the runtimes it starts too); the page exists before this returns."""
    compat.write_page(COMPAT, compat.starting_page())
    COMPAT_LOG.parent.mkdir(parents=True, exist_ok=True)
    with COMPAT_LOG.open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "pyscript_ffi_host.compat", "--out", str(COMPAT)],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_background,
        )


def stop_compat(process: subprocess.Popen[bytes]) -> None:
    """Stop a background report and the runtimes it started (its process group)."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _interrupt(signum: int, frame: object) -> None:
    """The first Ctrl-C or SIGTERM stops the server; the ones after it (nox answers Ctrl-C
    with a second SIGINT, then SIGTERM) may not cut the stopping short."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    """Prepare and serve the site in the foreground until Ctrl-C, making the compatibility
    report in the background when it is missing, unfinished or older than the artifacts."""
    parser = argparse.ArgumentParser(prog="python -m pyscript_ffi_host.site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-compat", action="store_true", help="never make compat.html")
    args = parser.parse_args(argv)
    report = None
    if not args.no_compat and compat_needed(artifacts.ensure()):
        report = start_compat()  # first: the site's index then links the report
    try:
        prepare()
        server: StaticServer = make_server(SITE, args.port, mounts(), quiet=True)
    except BaseException:
        if report is not None:
            stop_compat(report)
        raise
    print(f"\npyscript-ffi example site at {server.base_url}/  (Ctrl-C stops it)\n", flush=True)
    for page, what in PAGES.items():
        print(f"  {server.base_url}/{page:<22} {what}", flush=True)
    if report is not None:
        what = "the compatibility report, being made now (all eight versions, a few minutes; log: "
        print(f"  {server.base_url}/{'compat.html':<22} {what}{COMPAT_LOG.relative_to(ROOT)})", flush=True)
    elif COMPAT.is_file():
        report_text = "the compatibility report: raw FFI, PyScript's ffi.py, pyscript_ffi"
        print(f"  {server.base_url}/{'compat.html':<22} {report_text}", flush=True)
    else:
        print("  (compat.html is made by `bash bin/nox -s compat`; until then index links check.html)")
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as Ctrl-C does
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped", flush=True)
    finally:
        if report is not None:
            stop_compat(report)
        server.server_close()


if __name__ == "__main__":
    main()
