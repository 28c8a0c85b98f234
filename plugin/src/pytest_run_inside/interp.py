"""The one interface every interpreter harness implements.

A test talks to an interpreter only through `Interp`: it sends Python source,
the interpreter runs it in a fresh namespace and sends back the JSON value the
code left in the variable `result`.  Failures inside the interpreter come back
as `InterpError` carrying the interpreter's own traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Python source that runs inside every interpreter (Pyodide and MicroPython).
INSIDE_SOURCE = (Path(__file__).parent / "_inside.py").read_text()

#: The module name `_inside.py` is written under in the interpreter's filesystem.
INSIDE_MODULE = "pytest_run_inside_harness"


class ChannelBroken(Exception):
    """The runtime timed out or died; `kind` is "Timeout" or "RuntimeDied"."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


class InterpError(AssertionError):
    """Code run inside an interpreter raised (or a JS error escaped it).

    Subclasses AssertionError so that pytest reports it as a test failure with
    the interpreter's traceback as the message.
    """

    def __init__(self, interp: str, type_name: str, message: str, traceback: str):
        self.interp = interp
        self.type_name = type_name
        self.message = message
        self.traceback = traceback
        super().__init__(f"[{interp}] {type_name}: {message}\n\n{traceback}")


@dataclass
class Interp:
    """An interpreter running in a runtime, ready to run test code.

    `name` is "pyodide" or "micropython", `runtime` "node", "chrome" or "chrome-worker",
    `version` the interpreter's npm package version.
    """

    name: str
    runtime: str
    version: str

    @property
    def id(self) -> str:
        return f"{self.name}-{self.runtime}"

    # -- to implement -----------------------------------------------------
    def _call_inside(self, func: str, payload: str) -> str:
        """Call `pytest_run_inside_harness.<func>(payload)` inside the interpreter.

        `func` is "run" or "run_async"; both take the source as a str and return
        a JSON str.  Implementations await the result when it is a Promise and
        turn a JS error that escapes the call into the same JSON error shape
        (type "EscapedJsError").
        """
        raise NotImplementedError

    def run_js(self, body: str) -> Any:
        """Run `body` as the body of an async JS function in the interpreter's
        realm (globalThis shared with the interpreter); return its JSON value."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        """Make the instance ready for the next test that shares it (the plugin
        calls it before each test): nothing for a bare interpreter; a PyScript
        page gets its `<body>` back and runs its app script again."""

    # -- shared -------------------------------------------------------------
    def run(self, code: str) -> Any:
        """Run `code` in a fresh namespace; return the JSON value of `result`."""
        return self._unpack(self._call_inside("run", code))

    def run_async(self, code: str) -> Any:
        """Like `run`, but `code` may use top-level `await`."""
        return self._unpack(self._call_inside("run_async", code))

    def _unpack(self, answer: str) -> Any:
        data = json.loads(answer)
        if data["ok"]:
            return data["result"]
        raise InterpError(self.id, data["type"], data["message"], data.get("traceback", ""))
