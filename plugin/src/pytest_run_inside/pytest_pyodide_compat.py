"""pytest-pyodide test files, unchanged, on this plugin's interpreters.

A file written for pytest-pyodide (``from pytest_pyodide import run_in_pyodide``,
``@run_in_pyodide``, ``@run_in_pyodide(packages=[...])``, the `selenium`
fixture as a test's first argument, ``selenium.run_js(...)``) runs under this
plugin: its `selenium` tests get the plugin's matrix (interpreters x versions x
runtimes, ids such as ``test_x[pyodide-node]``), Pyodide only by default, and
with ``--pytest-pyodide-interpreters pyodide,micropython`` (or the ini key of
the same name) on MicroPython as well, where a body that is not portable fails
with MicroPython's own error.

- On Pyodide (runtimes node, chrome, chrome-worker) `selenium` IS pytest-pyodide's
  runner, started by this plugin from its offline dist dir: `run_in_pyodide`,
  `run_js`, `run`, `run_async`, `load_package`, `logs` work exactly as under
  pytest-pyodide, pickled arguments and results included.  Packages named by
  ``run_in_pyodide(packages=[...])`` are added to the offline dist (pure-Python
  ones from PyPI).
- Elsewhere (MicroPython, and the pyscript runtimes) `selenium` is a
  `SeleniumOnInterp` with the same methods; a `run_in_pyodide` body runs with
  this plugin's harness: arguments and the return value by value (None, bool,
  int, float, str, bytes, tuples, lists, sets, dicts), failures with the
  interpreter's traceback, `packages` ignored (there is no Pyodide package there).

Registered by the plugin in `pytest_configure`, after pytest-pyodide's own
plugin, so these `selenium` fixtures are the ones tests get.
"""

from __future__ import annotations

import ast
import json
import os
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from pytest_pyodide.decorator import initialize_decorator, run_in_pyodide
from pytest_pyodide.runner import JavascriptException

from . import _inside as _harness
from .inside_tests import explain_asserts, run_program
from .interp import INSIDE_MODULE, Interp, InterpError
from .pyodide import PyodideInterp

__all__ = [
    "SELENIUM_FIXTURES",
    "SeleniumOnInterp",
    "fake_dist_dir",
    "install",
    "requested_packages",
    "selenium",
    "selenium_standalone",
]

#: The fixtures that make a test a pytest-pyodide test.
SELENIUM_FIXTURES = ("selenium", "selenium_standalone")
#: Packages every `run_in_pyodide` asked for, at decoration (import) time.
_REQUESTED: set[str] = set()
#: What the offline dist always holds (`pyodide_dist.WANTED`): not worth recording.
_ALWAYS = {"pytest", "tblib", "micropip"}


def requested_packages() -> list[str]:
    return sorted(_REQUESTED - _ALWAYS)


def fake_dist_dir(folder: Path) -> Path:
    """A folder whose `pyodide-lock.json` lists pytest and tblib: pytest-pyodide's
    `run_in_pyodide` asks it at decoration time whether to rewrite asserts and
    send tracebacks with tblib (the plugin's real dist dirs hold both)."""
    lock = json.dumps({"info": {}, "packages": {name: {"name": name} for name in ("pytest", "tblib")}})
    path = folder / "pyodide-lock.json"
    if not path.is_file() or path.read_text() != lock:  # written whole (xdist workers read it meanwhile)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".pyodide-lock.{os.getpid()}.json"
        tmp.write_text(lock)
        os.replace(tmp, path)
    return folder


class SeleniumOnInterp:
    """pytest-pyodide's runner surface over any `Interp` (MicroPython, PyScript pages)."""

    JavascriptException = JavascriptException

    def __init__(self, interp: Interp):
        self.interp = interp
        self.browser = "node" if interp.runtime == "node" else "chrome"
        self.runner = "selenium"

    def run_js(self, code: str, pyodide_checks: bool = True) -> Any:
        """`code` as the body of an async JS function; its JSON value."""
        try:
            return self.interp.run_js(textwrap.dedent(code))
        except InterpError as error:
            raise JavascriptException(f"{error.type_name}: {error.message}", error.traceback) from None

    def _python(self, code: str, is_async: bool) -> Any:
        tree = ast.parse(textwrap.dedent(code))
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = tree.body[-1]
            call = ast.Call(
                ast.Attribute(ast.Name("_h", ast.Load()), "encode_value", ast.Load()), [last.value], []
            )
            tree.body[-1] = ast.Assign([ast.Name("result", ast.Store())], call)
            tree.body.insert(0, ast.Import([ast.alias(INSIDE_MODULE, "_h")]))
        source = ast.unparse(ast.fix_missing_locations(tree))
        try:
            answer = self.interp.run_async(source) if is_async else self.interp.run(source)
        except InterpError as error:
            raise JavascriptException(
                f"PythonError: {error.type_name}: {error.message}", error.traceback
            ) from None
        return _harness.decode_value(answer)

    def run(self, code: str) -> Any:
        """Run Python `code`; the value of its last expression (by value)."""
        return self._python(code, is_async=False)

    def run_async(self, code: str) -> Any:
        """`run`, with top-level `await`."""
        return self._python(code, is_async=True)

    def load_package(self, packages: str | Sequence[str]) -> None:
        """Nothing: Pyodide's packages do not exist here (an import of one fails inside)."""

    @property
    def logs(self) -> str:
        return ""

    def clean_logs(self) -> None:
        pass

    def run_in_pyodide(self, decorator: Any, args: tuple[Any, ...]) -> Any:
        """A `run_in_pyodide` body run with this plugin's harness; its return value."""
        __tracebackhide__ = True
        funcdef = decorator._mod.body[-1]
        lines = Path(decorator._module_filename).read_text().splitlines(keepends=True)
        body = textwrap.dedent("".join(lines[funcdef.lineno - 1 : funcdef.end_lineno]))
        source = explain_asserts("\n" * (funcdef.lineno - 1) + body)
        call = f"ns[{decorator._func_name!r}](None, *_h.loads({_harness.dumps(list(args))!r}))"
        program = "\n".join(
            [
                f"import {INSIDE_MODULE} as _h",
                "ns = {'__name__': '__run_in_pyodide__'}",
                f"exec(compile({source!r}, {decorator._module_filename!r}, 'exec'), ns)",
                f"_returned = await {call}" if decorator._async_func else f"_returned = {call}",
                "result = _h.encode_value(_returned, '<the returned value>')",
            ]
        )
        return run_program(self.interp, program, decorator._async_func)


def install() -> None:
    """Route `run_in_pyodide` through `SeleniumOnInterp` where `selenium` is one,
    and record the packages each decorator asks for (done once, before collection)."""
    if getattr(run_in_pyodide, "_run_inside_installed", False):
        return
    original_run, original_init = run_in_pyodide._run, run_in_pyodide.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        _REQUESTED.update(self._pkgs)

    def _run(self: Any, selenium: Any, args: tuple[Any, ...]) -> Any:
        __tracebackhide__ = True
        if isinstance(selenium, SeleniumOnInterp):
            return selenium.run_in_pyodide(self, args)
        return original_run(self, selenium, args)

    run_in_pyodide.__init__ = __init__  # type: ignore[method-assign]
    run_in_pyodide._run = _run  # type: ignore[method-assign]
    run_in_pyodide._run_inside_installed = True  # type: ignore[attr-defined]


def _selenium_for(interp: Interp) -> Any:
    if isinstance(interp, PyodideInterp):
        if not getattr(interp, "_decorator_ready", False):
            initialize_decorator(interp.runner)
            interp._decorator_ready = True  # type: ignore[attr-defined]
        return interp.runner
    return SeleniumOnInterp(interp)


@pytest.fixture
def selenium(interp: Interp) -> Any:
    """pytest-pyodide's `selenium` on the test's interpreter (see the module doc)."""
    return _selenium_for(interp)


@pytest.fixture
def selenium_standalone(interp: Interp) -> Any:
    """`selenium` on a fresh interpreter of the test's own."""
    return _selenium_for(interp)
