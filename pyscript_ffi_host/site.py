"""The example site (`site/`): prepared, then served on 127.0.0.1 with COOP/COEP.

`prepare()` builds the wheel and the `.mpy` (when stale), makes the offline
Pyodide dist (npm `pyodide` + micropip, which PyScript's `packages` needs) and
writes `build/site/`: both artifacts and the two PyScript configs. `serve_site()`
serves `site/` at `/` with these mounts, so nothing comes from a CDN:

| URL prefix       | directory                                  |
|------------------|--------------------------------------------|
| `/node_modules/` | `node_modules/` (`@pyscript/core`, MicroPython) |
| `/pyodide/`      | `build/pyodide/pyodide-<newest>/`          |
| `/dist/`         | `build/site/` (wheel, `.mpy`, `py.json`, `mpy.json`, `site.json`) |

    python -m pyscript_ffi_host.site [--port 8000]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from pytest_run_inside.micropython import MICROPYTHON_PACKAGE, micropython_module
from pytest_run_inside.npm import find_package
from pytest_run_inside.pyodide_dist import prepare as prepare_pyodide
from pytest_run_inside.server import StaticServer, make_server, serve

from . import artifacts

__all__ = ["SITE", "DIST", "BENCH", "PAGES", "prepare", "mounts", "serve_site", "main"]

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
}
#: Where `nox -s bench` writes its results (`pyscript_ffi_host.bench.OUT`); bench.html reads them.
BENCH = SITE / "bench"


def _config(interpreter: str, artifact: dict[str, object]) -> dict[str, object]:
    # Paths are relative to the config file, /dist/<name>.json.
    return {"interpreter": interpreter, **artifact}


def prepare() -> Path:
    """Build what the site loads into `build/site/`; returns that directory."""
    built = artifacts.ensure()
    pyodide_dir = prepare_pyodide(PYODIDE_VERSION, artifacts.NODE_MODULES, artifacts.BUILD / "pyodide")
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
        "compat": (SITE / "compat.html").is_file(),
        "pyodide": pyodide_dir.name,
        "micropython": f"{MICROPYTHON_PACKAGE}@{MICROPYTHON_VERSION}",
        "wheel": wheel.name,
    }
    (DIST / "site.json").write_text(json.dumps(site_info, indent=1) + "\n")
    return DIST


def mounts() -> dict[str, Path]:
    """URL prefix -> directory for everything the pages load besides `site/`."""
    return {
        "/node_modules": artifacts.NODE_MODULES,
        "/pyodide": artifacts.BUILD / "pyodide" / f"pyodide-{PYODIDE_VERSION}",
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


def main(argv: list[str] | None = None) -> None:
    """Prepare and serve the site in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m pyscript_ffi_host.site")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    prepare()
    server: StaticServer = make_server(SITE, args.port, mounts(), quiet=True)
    print(f"\npyscript-ffi example site at {server.base_url}/  (Ctrl-C stops it)\n", flush=True)
    for page, what in PAGES.items():
        print(f"  {server.base_url}/{page:<22} {what}", flush=True)
    if (SITE / "compat.html").is_file():
        report = "the compatibility report: raw FFI, PyScript's ffi.py, pyscript_ffi"
        print(f"  {server.base_url}/{'compat.html':<22} {report}")
    else:
        print("  (compat.html is made by `bash bin/nox -s compat`; until then index links check.html)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped")
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
