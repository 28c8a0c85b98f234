"""Whole test modules inside: plain `def test_...` / `async def test_...`
functions run inside each interpreter without a decorator.

A module runs inside when it says so with a module-level marker, or when the
ini key `run_inside_paths` (or `--run-inside-paths`) names it, its folder or a
glob matching it:

```python
# tests/inside/test_greet.py
import pytest
from greet import greet        # a module of --interp-files: imported inside

pytestmark = pytest.mark.run_inside          # or run_inside("micropython", runtimes=["node"])

def shout(text):               # module-level helpers run inside too
    return text.upper()

@pytest.mark.parametrize("name", ["py", "mpy"])
def test_greets(name):
    assert shout(greet(name)) == "HELLO, " + name.upper() + "!"
```

pytest collects the module on the host as usual (ids, `-k`, `parametrize`,
markers, reporting are pytest's own): the host imports it with stand-ins for
the modules it lacks (`js`, `pyscript`, the project's own modules that live only
inside), so its decorators and parameters are evaluated.  Each test then runs
inside: the module's source (asserts explained) is run once per interpreter,
with a small `pytest` (`raises`, `skip`, `fail`, `approx`, `mark`, `param`,
`importorskip`) where the interpreter has no pytest, and the test function is
called with its arguments by value (parameters and fixture values: None, bool,
int, float, str, bytes, tuples, lists, sets, dicts).
"""

from __future__ import annotations

import ast
import contextlib
import fnmatch
import importlib.abc
import importlib.machinery
import inspect
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .inside_tests import module_program, run_program

__all__ = ["InsideModule", "is_inside_module", "run_inside_test", "stand_ins"]

#: The module-level marker that runs a module's plain tests inside.
MARKER = "run_inside"


class _StandIn(types.ModuleType):
    """A module (or a value read from one) the host does not have: any attribute,
    call, item or operation gives another stand-in; used as a decorator, it
    leaves the function as it is."""

    def __getattr__(self, name: str) -> _StandIn:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _StandIn(f"{self.__name__}.{name}")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and not kwargs and (inspect.isfunction(args[0]) or inspect.isclass(args[0])):
            return args[0]
        return _StandIn(f"{self.__name__}()")

    def __getitem__(self, key: Any) -> _StandIn:
        return _StandIn(f"{self.__name__}[]")

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __bool__(self) -> bool:
        return False


class _StandInFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Last on sys.meta_path while an inside module is imported on the host."""

    def __init__(self) -> None:
        self.made: list[str] = []

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec:
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        self.made.append(spec.name)
        module = _StandIn(spec.name)
        module.__path__ = []  # type: ignore[attr-defined]
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        pass


@contextlib.contextmanager
def stand_ins() -> Iterator[None]:
    """Modules the host lacks import as stand-ins meanwhile (and are forgotten after)."""
    finder = _StandInFinder()
    sys.meta_path.append(finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        for name in finder.made:
            sys.modules.pop(name, None)


def _marks_run_inside(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr == MARKER for n in ast.walk(node))


def declares_run_inside(path: Path) -> bool:
    """True when the module's source sets `pytestmark` to (a list holding) `pytest.mark.run_inside`."""
    try:
        tree = ast.parse(path.read_bytes(), str(path))
    except (OSError, SyntaxError, ValueError):
        return False
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in targets) and _marks_run_inside(node):
            return True
    return False


def is_inside_module(config: pytest.Config, path: Path) -> bool:
    """The ini key `run_inside_paths` / `--run-inside-paths` names `path`, one of
    its folders or a glob matching it; or the module declares the marker."""
    patterns = [str(p) for p in config.getini("run_inside_paths")]
    for value in config.getoption("run_inside_paths"):
        patterns += [str(config.invocation_params.dir / p.strip()) for p in value.split(",") if p.strip()]
    text = str(path)
    for pattern in patterns:
        if fnmatch.fnmatch(text, pattern) or Path(pattern) in path.parents or text == pattern:
            return True
    return declares_run_inside(path)


class InsideModule(pytest.Module):
    """A test module whose plain tests run inside (see the module doc)."""

    def _getobj(self) -> Any:
        with stand_ins():
            return super()._getobj()

    def collect(self) -> Any:
        self.obj  # noqa: B018 - imports the module: its pytestmark becomes the node's markers
        self.add_marker(pytest.mark.usefixtures("interp"))
        mark = next((m for m in self.iter_markers(MARKER)), None)
        if mark is not None and mark.args:
            self.add_marker(pytest.mark.interpreters(*mark.args))
        if mark is not None and mark.kwargs.get("runtimes"):
            self.add_marker(pytest.mark.runtimes(*mark.kwargs["runtimes"]))
        return super().collect()


def run_inside_test(item: pytest.Function) -> bool:
    """Run a plain test of an inside module in its interpreter (True), or leave
    the item to pytest (False: not in an inside module, or a `@run_inside` test)."""
    module = item.getparent(pytest.Module)
    if not isinstance(module, InsideModule) or getattr(item.obj, "__run_inside__", False):
        return False
    __tracebackhide__ = True
    function = getattr(item.obj, "__func__", item.obj)
    names = [name for name in inspect.signature(function).parameters if name != "self"]
    kwargs = {name: item.funcargs[name] for name in names}
    qualname = function.__qualname__
    is_async = inspect.iscoroutinefunction(function)
    run_program(item.funcargs["interp"], module_program(module.path, qualname, kwargs, is_async), is_async)
    return True
