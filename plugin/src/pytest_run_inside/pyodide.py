"""Pyodide under Node and headless Chromium, driven through pytest-pyodide.

pytest-pyodide's own runner classes (`NodeRunner`, `SeleniumChromeRunner`) and
web server (`spawn_web_server`) start the runtime and load Pyodide from an
offline dist dir made by `pyodide_dist.prepare`.  Two adjustments, both made
per runner through a private `Config` (the global one is left alone):

* Chromium is the one `chrome.chrome_driver` starts (found on PATH or named by
  `CHROME_BIN` / `SE_CHROMEDRIVER`), with the harness flags (headless, no
  network side channels).  "chrome-worker" is pytest-pyodide's
  `BrowserWorkerChromeRunner`: Pyodide and every `run_js` body live in a
  module Web Worker of the page.
* Node: pytest-pyodide runs its JS in a `vm` context, a second realm.  Pyodide
  is loaded with `jsglobals` set to Node's main `globalThis`, and `run_js`
  bodies are compiled there too, so Python's `js`, Pyodide's conversions and
  the test's JS share one realm (`Object.prototype`, `Array`, `console`, ...)
  as they do in a real Node program and in the browser.

Every answer crosses the runner as a string escaped by `encode` (NodeRunner
replaces the text "undefined" in results with "null").
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import uuid
from collections.abc import Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pexpect
import urllib3.exceptions
from packaging.version import InvalidVersion, Version
from pytest_pyodide import NodeRunner, SeleniumChromeRunner, spawn_web_server
from pytest_pyodide.config import Config
from pytest_pyodide.runner import BrowserWorkerChromeRunner, _BrowserBaseRunner
from selenium.common.exceptions import TimeoutException

from . import tools
from .chrome import _descendants, chrome_driver
from .interp import INSIDE_MODULE, INSIDE_SOURCE, Interp, InterpError

#: Chromium flags on top of `chrome.CHROME_FLAGS` (pytest-pyodide's own).
CHROME_FLAGS = ["--js-flags=--expose-gc"]

#: JS: the realm Pyodide's `js` module is (Node's main realm under NodeRunner).
REALM_JS = 'typeof require === "function" ? require("vm").runInThisContext("globalThis") : globalThis'

NODE_LOAD_JS = f"""
const realm = {REALM_JS};
let pyodide = await loadPyodide({{ fullStdLib: false, jsglobals: realm }});
realm.pyodide = pyodide;
"""

#: JS run once after Pyodide loads: `globalThis.__pyffi`, the harness's calls.
HELPERS_JS = """
const realm = %(realm)s;
const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
pyodide.FS.writeFile(site + "/%(module)s.py", %(source)s);
pyodide.runPython("import importlib; importlib.invalidate_caches()");
const inside = pyodide.pyimport("%(module)s");
const funcs = { run: inside.run, run_async: inside.run_async };
const TIMEOUT = {};
const encode = (s) => s.replaceAll("%%", "%%25").replaceAll("undefined", "%%75ndefined");
const fail = (type, message, stack) =>
  JSON.stringify({ ok: false, type, message: String(message), traceback: String(stack || "") });
async function settle(thunk, ms) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(TIMEOUT), ms); });
  try {
    return await Promise.race([(async () => await thunk())(), late]);
  } catch (e) {
    if (e === TIMEOUT) return fail("Timeout", `no answer within ${ms} ms`, "");
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return fail("EscapedJsError", message, e && e.stack);
  } finally {
    clearTimeout(timer);
  }
}
globalThis.__pyffi = {
  call: async (func, src, ms) => encode(await settle(() => funcs[func](src), ms)),
  runJs: async (body, ms) => encode(await settle(async () => {
    const value = await realm.eval(`(async () => {\\n${body}\\n})`)();
    return JSON.stringify({ ok: true, result: value === undefined ? null : value });
  }, ms)),
};
return pyodide.version;
"""


def _js(value: Any) -> str:
    """`value` as a pure-ASCII JS literal (safe for NodeRunner's tty protocol)."""
    return json.dumps(value).replace("\x7f", "\\u007f")


def _harness_config() -> Config:
    config = Config()
    config.set_load_pyodide_script("node", NODE_LOAD_JS)
    return config


class _HarnessConfig(_BrowserBaseRunner):
    """Use the harness `Config` instead of pytest-pyodide's global one."""

    #: Seconds loading Pyodide may take (pytest-pyodide's 20 s is too short on a busy machine).
    script_timeout = 120

    def get_driver(self, jspi: bool = False) -> Any:
        self._config = _harness_config()  # read first in get_driver, after __init__ set it
        return super().get_driver(jspi)


class _Node(_HarnessConfig, NodeRunner):
    def set_script_timeout(self, timeout: float) -> None:
        super().set_script_timeout(timeout)
        self.p.timeout = timeout  # NodeRunner waits for the answer with this one

    def quit(self) -> None:
        super().quit()
        self.p.close(force=True)

    def kill(self) -> None:
        self.p.terminate(force=True)


class _Chrome(_HarnessConfig, SeleniumChromeRunner):
    def get_driver(self, jspi: bool = False) -> Any:
        self._config = _harness_config()
        return chrome_driver(CHROME_FLAGS)

    def set_script_timeout(self, timeout: float) -> None:
        super().set_script_timeout(timeout)
        # chromedriver cannot time out a renderer stuck in sync JS: its HTTP call must.
        self.driver.command_executor.client_config.timeout = timeout + 5

    def kill(self) -> None:
        """Kill the browser (chromedriver stays, for `quit`): a renderer stuck in a JS loop blocks `quit`."""
        for pid in _descendants(self.driver.service.process.pid):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


class _ChromeWorker(BrowserWorkerChromeRunner, _Chrome):
    """Pyodide in a module Web Worker of a Chromium page."""


RUNNERS: dict[str, type[_Node | _Chrome]] = {"node": _Node, "chrome": _Chrome, "chrome-worker": _ChromeWorker}
#: What the runners raise when the runtime stops answering (a sync endless loop).
_TIMEOUTS = (TimeoutException, pexpect.TIMEOUT, urllib3.exceptions.ReadTimeoutError)


@dataclass(eq=False)
class PyodideInterp(Interp):
    """Pyodide in a pytest-pyodide runner; see `start_pyodide`."""

    runner: _Node | _Chrome = field(repr=False)
    base_url: str
    dist_dir: Path
    timeout: float = 60.0
    cleanup: ExitStack = field(default_factory=ExitStack, repr=False)
    #: False once the runtime stopped answering; every later call fails at once.
    alive: bool = True

    def set_timeout(self, seconds: float) -> None:
        """Answer "Timeout" after `seconds` (an await that never ends); a runtime
        that stops answering (a sync endless loop) is given up 30 s later."""
        self.timeout = seconds
        self.runner.set_script_timeout(seconds + 30)

    def _ask(self, js_call: str) -> str:
        if not self.alive:
            raise InterpError(self.id, "Timeout", "the runtime stopped answering earlier", "")
        try:
            answer = self.runner.run_js(f"return await __pyffi.{js_call};")
        except _TIMEOUTS as exc:
            self.alive = False
            raise InterpError(self.id, "Timeout", "the runtime stopped answering", repr(exc)) from None
        return unquote(answer)

    def _call_inside(self, func: str, payload: str) -> str:
        return self._ask(f"call({_js(func)}, {_js(payload)}, {self.timeout * 1000:.0f})")

    def run_js(self, body: str) -> Any:
        return self._unpack(self._ask(f"runJs({_js(body)}, {self.timeout * 1000:.0f})"))

    def install_wheels(self, wheels: Sequence[Path]) -> None:
        """`micropip.install` each wheel, served by URL from the dist dir."""
        if not wheels:
            return
        folder = self.dist_dir / "_harness" / uuid.uuid4().hex
        folder.mkdir(parents=True)
        self.cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
        urls = [self._serve(wheel, folder) for wheel in wheels]
        self.runner.load_package(["micropip"])
        self.run_async(f"import micropip\nawait micropip.install({urls!r})")

    def _serve(self, wheel: Path, folder: Path) -> str:
        shutil.copy2(wheel, folder / wheel.name)
        return f"{self.base_url}/{(folder / wheel.name).relative_to(self.dist_dir).as_posix()}"

    def close(self) -> None:
        if not self.alive:
            self.runner.kill()
        self.cleanup.close()


def _same_version(pyodide_version: str, npm_version: str) -> bool:
    """Pyodide reports PEP 440 (`315.0.0a2`) what npm calls `315.0.0-alpha.2`."""
    try:
        return Version(pyodide_version) == Version(npm_version)
    except InvalidVersion:
        return pyodide_version == npm_version


def _setup(interp: PyodideInterp) -> None:
    """Install the harness helpers and the harness module; check the version."""
    loaded = interp.runner.run_js(
        HELPERS_JS % {"realm": REALM_JS, "module": INSIDE_MODULE, "source": _js(INSIDE_SOURCE)}
    )
    if not _same_version(loaded, interp.version):
        raise RuntimeError(f"{interp.dist_dir} holds Pyodide {loaded}, not {interp.version}")


def start_pyodide(
    runtime: str, version: str, dist_dir: Path, wheels: Sequence[Path] = (), timeout: float = 60.0
) -> PyodideInterp:
    """Start `runtime` ("node", "chrome" or "chrome-worker"), load Pyodide
    `version` from the prepared `dist_dir`, add the harness module, micropip-install `wheels`."""
    if runtime not in RUNNERS:
        raise ValueError(f"unknown runtime {runtime!r}; expected one of {sorted(RUNNERS)}")
    tools.require(["node"] if runtime == "node" else ["chromium", "chromedriver"])
    dist_dir = dist_dir.resolve()
    cleanup = ExitStack()
    try:
        host, port, log = cleanup.enter_context(spawn_web_server(dist_dir))
        runner = RUNNERS[runtime](server_port=port, server_hostname=host, server_log=log, dist_dir=dist_dir)
        cleanup.callback(runner.quit)
        interp = PyodideInterp(
            "pyodide", runtime, version, runner, runner.base_url, dist_dir, cleanup=cleanup
        )
        interp.set_timeout(timeout)
        _setup(interp)
        interp.install_wheels(wheels)
    except BaseException:
        cleanup.close()
        raise
    return interp
