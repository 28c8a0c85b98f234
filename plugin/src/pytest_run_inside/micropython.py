"""MicroPython harness: the npm MicroPython (PyScript variant) under Node or Chromium.

Both runtimes run the same JS (`js/micropython_bridge.mjs`) and exchange the
same messages with the host; only the channel differs:

* "node": a Node subprocess (`js/micropython_node.mjs`), JSON lines on stdin/stdout.
* "chrome": `js/micropython_page.html` in headless Chromium, served from
  127.0.0.1, driven with selenium's `execute_async_script`.
* "chrome-worker": the same page relays each message to a module Web Worker
  (`js/micropython_worker.mjs`) where MicroPython runs.

One MicroPython per process / page (two `loadMicroPython` in a realm clash).
"""

from __future__ import annotations

import base64
import json
import queue
import subprocess
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, Self

from . import tools
from .catalog import NPM_PACKAGES, FileContents, read_contents
from .chrome import Browser
from .interp import INSIDE_MODULE, INSIDE_SOURCE, ChannelBroken, Interp, InterpError
from .server import serve, stop

MICROPYTHON_PACKAGE = NPM_PACKAGES["micropython"]
JS_DIR = Path(__file__).resolve().parent / "js"
DEFAULT_TIMEOUT = 120.0


# -- npm package ----------------------------------------------------------------
def micropython_module(package: Path) -> Path:
    """Path of `micropython.mjs` in the npm package folder `package`."""
    main = json.loads((package / "package.json").read_text()).get("main", "micropython.mjs")
    return package / str(main)


# -- channels: how messages reach the bridge ---------------------------------
class Channel(Protocol):
    def module_url(self, module: Path) -> str: ...
    def request(self, msg: dict[str, Any], timeout: float) -> dict[str, Any]: ...
    def reload(self) -> None: ...
    def close(self) -> None: ...


class NodeChannel:
    """A Node process running `micropython_node.mjs`; its stderr is the host's."""

    def __init__(self, package: Path):
        self.package = package
        self.node = tools.require(["node"])["node"]
        self._spawn()

    def _spawn(self) -> None:
        self.proc = subprocess.Popen(
            [self.node, "--expose-gc", str(JS_DIR / "micropython_node.mjs")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=JS_DIR,
        )
        self.answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True, name="micropython-node").start()

    def _read(self) -> None:
        proc, answers = self.proc, self.answers
        assert proc.stdout is not None
        for line in proc.stdout:
            try:
                answers.put(json.loads(line))
            except ValueError:  # not an answer: should not happen, but never lose it
                sys.stderr.write(line.decode(errors="replace"))
        answers.put(None)

    def module_url(self, module: Path) -> str:
        return module.as_uri()

    def request(self, msg: dict[str, Any], timeout: float) -> dict[str, Any]:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(msg).encode() + b"\n")
            self.proc.stdin.flush()
            answer = self.answers.get(timeout=timeout)
        except queue.Empty:
            self._kill()
            raise ChannelBroken("Timeout", f"no answer within {timeout} s; node killed") from None
        except (BrokenPipeError, OSError):
            answer = None
        if answer is None:
            raise ChannelBroken("RuntimeDied", f"node exited with code {self.proc.wait()}")
        return answer

    def _kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()

    def reload(self) -> None:
        self.close()
        self._spawn()

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.write(b'{"op": "exit"}\n')
                self.proc.stdin.close()
                self.proc.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._kill()


_PAGE_SCRIPT = "window.pyscriptFfiBridge.handle(arguments[0]).then(arguments[arguments.length - 1]);"


class ChromeChannel:
    """`micropython_page.html` in headless Chromium, served from 127.0.0.1 with the
    npm `package` folder under `/micropython/`; `worker=True` runs MicroPython in
    a Web Worker of that page (`?worker`)."""

    def __init__(self, package: Path, worker: bool = False) -> None:
        self.package = package
        self.page = "micropython_page.html" + ("?worker" if worker else "")
        self.server, self.base_url = serve(JS_DIR, mounts={"/micropython": package})
        self.browser = Browser()
        self.reload()

    def module_url(self, module: Path) -> str:
        return "/micropython/" + module.relative_to(self.package).as_posix()

    def reload(self) -> None:
        """A fresh page (a fresh JS realm); a new browser if the old one was killed."""
        self.browser.open(f"{self.base_url}/{self.page}")

    def request(self, msg: dict[str, Any], timeout: float) -> dict[str, Any]:
        answer: dict[str, Any] = self.browser.execute(_PAGE_SCRIPT, [msg], timeout)
        return answer

    def close(self) -> None:
        try:
            self.browser.close()
        finally:
            stop(self.server)


def open_channel(runtime: str, package: Path) -> Channel:
    """A channel for `runtime` ("node", "chrome" or "chrome-worker") loading
    MicroPython from the npm package folder `package`."""
    if runtime == "node":
        return NodeChannel(package)
    if runtime in ("chrome", "chrome-worker"):
        return ChromeChannel(package, worker=runtime == "chrome-worker")
    raise ValueError(f"unknown runtime {runtime!r}; expected 'node', 'chrome' or 'chrome-worker'")


# -- the interpreter -----------------------------------------------------------
def _dirname(path: str) -> str:
    return path.rsplit("/", 1)[0] or "/"


def _start_message(url: str, files: Mapping[str, FileContents], options: Mapping[str, Any]) -> dict[str, Any]:
    """Fields of the bridge's "start" message: `files` plus the harness module at the FS root."""
    all_files = {**files, f"/{INSIDE_MODULE}.py": INSIDE_SOURCE}
    for path in all_files:
        if not path.startswith("/"):
            raise ValueError(f"interpreter FS paths must be absolute, got {path!r}")
    return {
        "module": url,
        "options": dict(options),
        "files": {p: base64.b64encode(read_contents(c)).decode() for p, c in all_files.items()},
        "paths": list(dict.fromkeys(_dirname(p) for p in all_files)),
        "inside": INSIDE_MODULE,
    }


@dataclass
class MicroPythonInterp(Interp):
    """MicroPython in Node or Chromium.  `output` keeps what MicroPython printed
    as (stream, line) pairs; each line is also echoed to the host's sys.stdout /
    sys.stderr (so pytest shows it with a failing test)."""

    channel: Channel
    package: Path = field(default=Path(), repr=False)
    files: Mapping[str, FileContents] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT
    output: list[tuple[str, str]] = field(default_factory=list)
    sys_version: str = ""

    def _request(self, op: str, **fields: Any) -> Any:
        """Send one message to the bridge; its `value`, or raise InterpError."""
        try:
            answer = self.channel.request({"op": op, **fields}, self.timeout)
        except ChannelBroken as exc:
            raise InterpError(self.id, exc.kind, str(exc), "") from None
        self._echo(answer.get("output", []))
        if not answer["ok"]:
            error = answer["error"]
            raise InterpError(self.id, error["type"], error["message"], error["traceback"])
        return answer["value"]

    def _echo(self, lines: list[tuple[str, str]]) -> None:
        for stream, line in lines:
            self.output.append((stream, line))
            print(line, file=sys.stderr if stream == "stderr" else sys.stdout)

    def _start(self) -> None:
        url = self.channel.module_url(micropython_module(self.package))
        self.sys_version = self._request("start", **_start_message(url, self.files, self.options))

    def _call_inside(self, func: str, payload: str) -> str:
        return str(self._request("call", func=func, payload=payload))

    def run_js(self, body: str) -> Any:
        return json.loads(self._request("js", body=body))

    def restart(self) -> Self:
        """Replace the interpreter by a fresh one (same version, files, options)."""
        self.channel.reload()
        self.output.clear()
        self._start()
        return self

    def close(self) -> None:
        self.channel.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_micropython(
    runtime: str,
    version: str,
    package: Path,
    files: Mapping[str, FileContents] | None = None,
    *,
    options: Mapping[str, Any] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> MicroPythonInterp:
    """Start MicroPython `version` under `runtime` ("node", "chrome" or
    "chrome-worker") from its npm `package` folder (`npm.Store.package_dir`).

    `files` maps absolute interpreter-FS paths to contents written before the
    harness module is imported; their directories are put on sys.path.
    `options` go to `loadMicroPython` (e.g. ``{"pystack": 8192, "heapsize": 4 << 20}``).
    A call taking longer than `timeout` seconds raises InterpError (type "Timeout")
    and kills the runtime; `restart()` brings up a fresh one.
    """
    micropython_module(package)  # fail fast, before starting a browser
    interp = MicroPythonInterp(
        "micropython", runtime, version, open_channel(runtime, package), package,
        dict(files or {}), dict(options or {}), timeout,
    )  # fmt: skip
    try:
        interp._start()
    except BaseException:
        interp.close()
        raise
    return interp
