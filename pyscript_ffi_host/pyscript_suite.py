"""PyScript's own Python test suite, run in headless Chromium stock and with the
page's one line (`pyscript_ffi.js`), side by side: the same results are the goal.

The suite is not part of this repository: point `--tests` at a checkout's
`core/tests/python` (PyScript 0.7.31, the `@pyscript/core` in node_modules) and
`--upytest` at upytest.py (the runner it loads). It is copied into a temporary
directory and run offline: the interpreters come from node_modules and
build/pyodide, the endpoints it would reach on the internet are served here
(`jsonplaceholder.typicode.com` by `_Handler`, `echo.websocket.org` by
`wsecho`), `packages` (Pillow, not in the offline Pyodide) is dropped, and
`--websocket` also runs the WebSocket tests PyScript keeps skipped, and its named
worker gets the offline Pyodide as its `interpreter`. The "line"
copy of its page adds `<script type="module" src="/line/pyscript_ffi.js">`.

    python -m pyscript_ffi_host.pyscript_suite --tests DIR --upytest FILE [--contexts py,mpy-worker]

Prints, per context, the counts of each mode and every test whose outcome differs;
exits 1 when any does.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from selenium.webdriver.common.by import By

from pytest_run_inside.chrome import browser_log, chrome_driver
from pytest_run_inside.micropython import MICROPYTHON_PACKAGE, micropython_module
from pytest_run_inside.npm import find_package
from pytest_run_inside.server import StaticServer, _Handler

from . import artifacts, site, wsecho

CONTEXTS = ("py", "mpy", "py-worker", "mpy-worker")
MODES = ("stock", "line")
LINE = '<script type="module" src="/line/pyscript_ffi.js"></script>'
TIMEOUT = 300

#: What the suite fetches from jsonplaceholder.typicode.com, answered locally.
TODO = {"userId": 1, "id": 1, "title": "delectus aut autem", "completed": False}


class _MockHandler(_Handler):
    """The static server plus `/mock/...`: jsonplaceholder's todos and posts."""

    def _json(self, status: int, value: Any) -> None:
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> Any:
        n = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(n) or b"{}") if n else {}

    def do_GET(self) -> None:
        if not self.path.startswith("/mock/"):
            return super().do_GET()
        if self.path.split("?")[0] == "/mock/todos/1":
            return self._json(200, TODO)
        return self._json(404, {})

    def do_POST(self) -> None:
        data = self._body()
        return self._json(201, {**data, "id": 101})

    def do_PUT(self) -> None:
        return self._json(200, self._body())

    def do_DELETE(self) -> None:
        return self._json(200, {})


def _config(path: Path, interpreter: str) -> None:
    config = json.loads(path.read_text())
    config["interpreter"] = interpreter
    config.pop("packages", None)
    files = config.get("files", {})
    for url in [u for u in files if u.endswith("/upytest.py")]:
        del files[url]
    files["./upytest.py"] = "./upytest.py"
    path.write_text(json.dumps(config, indent=1))


def prepare(tests: Path, upytest: Path, work: Path, ws_url: str, websocket: bool) -> None:
    """The suite's copy under `work/tests/python`, offline, with `index-line.html`."""
    target = work / "tests" / "python"
    shutil.copytree(tests, target)
    shutil.copy2(upytest, target / "upytest.py")
    mpy = find_package(artifacts.NODE_MODULES, MICROPYTHON_PACKAGE, site.MICROPYTHON_VERSION)
    assert mpy is not None
    _config(target / "settings_py.json", "/pyodide/pyodide.mjs")
    _config(
        target / "settings_mpy.json",
        "/node_modules/" + micropython_module(mpy).relative_to(artifacts.NODE_MODULES).as_posix(),
    )
    for test in (target / "tests").glob("*.py"):
        text = test.read_text()
        text = text.replace("https://jsonplaceholder.typicode.com", "/mock")
        text = text.replace("wss://echo.websocket.org", ws_url)
        if websocket:
            text = re.sub(r"^SKIP_WEBSOCKET_TESTS = True", "SKIP_WEBSOCKET_TESTS = False", text, flags=re.M)
        test.write_text(text)
    index = (target / "index.html").read_text()
    # its named worker loads Pyodide from a CDN: offline, the local one
    index = index.replace(
        '<script type="py" worker name="testworker"',
        '<script type="py" worker name="testworker" config=\'{"interpreter": "/pyodide/pyodide.mjs"}\'',
    )
    (target / "index.html").write_text(index)
    core = re.search(r'<script type="module" src="[^"]*core\.js"></script>', index)
    assert core is not None, "no core.js tag in the suite's index.html"
    (target / "index-line.html").write_text(index.replace(core.group(0), core.group(0) + "\n" + LINE))


@contextmanager
def _serving(work: Path) -> Iterator[str]:
    mounts = {
        "/dist": artifacts.NODE_MODULES / "@pyscript" / "core" / "dist",
        "/line": site.DIST,
        "/node_modules": artifacts.NODE_MODULES,
        "/pyodide": site.mounts()["/pyodide"],
    }
    clean = {k: Path(v).resolve() for k, v in mounts.items()}

    def handler(*args: Any, **kwargs: Any) -> _MockHandler:
        return _MockHandler(*args, directory=str(work), mounts=clean, quiet=True, **kwargs)

    server = StaticServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.base_url
    finally:
        server.shutdown()
        server.server_close()


def run_page(driver: Any, url: str) -> dict[str, Any]:
    """Load `url`, wait for upytest's `#result`, return it (with the console's errors)."""
    start = time.monotonic()
    driver.get(url)
    while time.monotonic() - start < TIMEOUT:
        found = driver.find_elements(By.ID, "result")
        if found and found[0].get_attribute("textContent"):
            result: dict[str, Any] = json.loads(found[0].get_attribute("textContent"))
            result["seconds"] = round(time.monotonic() - start, 1)
            result["console"] = [e["message"] for e in browser_log(driver) if e["level"] == "SEVERE"]
            return result
        time.sleep(0.5)
    errors = [e["message"] for e in browser_log(driver) if e["level"] == "SEVERE"]
    return {"timeout": True, "passes": [], "fails": [], "skipped": [], "console": errors}


def outcomes(result: dict[str, Any]) -> dict[str, str]:
    """`module::test` -> "pass", "fail" or "skip"."""
    found = {}
    for kind, key in (("pass", "passes"), ("fail", "fails"), ("skip", "skipped")):
        for test in result.get(key, []):
            found[test["module_name"] + "::" + test["test_name"]] = kind
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pyscript_ffi_host.pyscript_suite")
    parser.add_argument("--tests", type=Path, required=True, help="PyScript's core/tests/python")
    parser.add_argument("--upytest", type=Path, required=True, help="upytest.py")
    parser.add_argument("--contexts", default=",".join(CONTEXTS))
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--websocket", action="store_true", help="run the WebSocket tests too")
    parser.add_argument("--out", type=Path, help="write every result as JSON here")
    args = parser.parse_args(argv)
    site.prepare()
    report: dict[str, dict[str, Any]] = {}
    differ = False
    with tempfile.TemporaryDirectory() as tmp, wsecho.echo_server() as ws_url:
        work = Path(tmp)
        prepare(args.tests, args.upytest, work, ws_url, args.websocket)
        with _serving(work) as base:
            driver = chrome_driver(("--window-size=1000,800",))
            try:
                for context in args.contexts.split(","):
                    kind, _, worker = context.partition("-")
                    query = "?type=" + kind + ("&worker" if worker else "")
                    for mode in args.modes.split(","):
                        page = "index-line.html" if mode == "line" else "index.html"
                        result = run_page(driver, f"{base}/tests/python/{page}{query}")
                        report.setdefault(context, {})[mode] = result
                        counts = {k: len(result.get(k, [])) for k in ("passes", "fails", "skipped")}
                        print(f"{context:<11} {mode:<6} {counts} in {result.get('seconds')} s", flush=True)
                    modes = report[context]
                    for mode, result in modes.items():
                        if result.get("timeout"):
                            differ = True
                            print(f"  {mode}: no result in {TIMEOUT} s; console: {result['console'][-3:]}")
                    if len(modes) == 2 and not any(r.get("timeout") for r in modes.values()):
                        stock, line = (outcomes(modes[m]) for m in MODES)
                        for name in sorted(set(stock) | set(line)):
                            if stock.get(name) != line.get(name):
                                differ = True
                                print(f"  differs: {name}: stock {stock.get(name)}, line {line.get(name)}")
                                for test in modes["line"].get("fails", []):
                                    if test["module_name"] + "::" + test["test_name"] == name:
                                        print("    " + (test.get("traceback") or "").strip()[-800:])
            finally:
                driver.quit()
    if args.out:
        args.out.write_text(json.dumps(report, indent=1))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
