"""Test functions whose body runs inside each interpreter: `run_inside`.

```python
from pytest_run_inside import run_inside

@pytest.mark.parametrize("n", [1, 2**40])
@run_inside
def test_double(n):          # runs in Pyodide and in MicroPython, not on the host
    from mypkg import double
    assert double(n) == 2 * n
```

The function's source (from `inspect`) is sent to the interpreter with its
arguments as JSON, compiled there under the test file's name and line numbers,
and called (awaited if it is `async def`).  It sees only what it imports
itself.  A failure becomes an ordinary pytest failure: the interpreter id, the
exception, the interpreter's traceback with the test file's source lines, and
for a single-line `assert a <op> b` both values (`assert 3 == 4`).
"""

from __future__ import annotations

import ast
import functools
import inspect
import json
import linecache
import re
import textwrap
from collections.abc import Callable
from typing import Any, overload

import pytest

from .interp import INSIDE_MODULE, Interp, InterpError

__all__ = ["explain_asserts", "function_source", "run_inside"]

_OPS: dict[type[ast.cmpop], str] = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not",
}  # fmt: skip
#: Frames of the harness (`_inside.py`, the program `_program` builds), left out of reports.
_HARNESS_FILES = {"<test>", f"{INSIDE_MODULE}.py"}
#: Names `explain_asserts` binds the two sides of a comparison to.
_L, _R = "_run_inside_left", "_run_inside_right"
#: A traceback entry, CPython's and MicroPython's alike.
_ENTRY = re.compile(r'^(\s*)File "([^"]*)", line (\d+)')


def function_source(func: Callable[..., Any]) -> str:
    """`func`'s definition without decorators, dedented, on the lines it has in its file."""
    lines, first = inspect.getsourcelines(func)
    source = textwrap.dedent("".join(lines))
    node = ast.parse(source).body[0]
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        raise TypeError(f"{func!r} is not a function defined with def")
    skip = node.lineno - 1  # the decorator lines
    return "\n" * (first - 1 + skip) + "".join(source.splitlines(keepends=True)[skip:])


def explain_asserts(source: str) -> str:
    """`source` with each single-line `assert a <op> b` (no message) reporting both
    values when it fails; every line stays where it was."""
    lines = source.split("\n")
    asserts = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Assert)]
    for node in sorted(asserts, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        test = node.test
        if node.msg is not None or node.lineno != node.end_lineno or not isinstance(test, ast.Compare):
            continue
        if len(test.ops) != 1 or type(test.ops[0]) not in _OPS:
            continue
        left = ast.get_source_segment(source, test.left)
        right = ast.get_source_segment(source, test.comparators[0])
        op = _OPS[type(test.ops[0])]
        raw = lines[node.lineno - 1].encode()
        new = f"assert ({_L} := ({left})) {op} ({_R} := ({right})), 'assert %r {op} %r' % ({_L}, {_R})"
        lines[node.lineno - 1] = (
            raw[: node.col_offset].decode() + new + raw[node.end_col_offset or len(raw) :].decode()
        )
    return "\n".join(lines)


def _program(func: Callable[..., Any], kwargs: dict[str, Any]) -> str:
    """Python run by the harness: define the test function, call it with `kwargs`."""
    try:
        args = json.dumps(kwargs)
    except TypeError as exc:
        raise TypeError(
            f"{func.__name__}: arguments of a @run_inside test go to the interpreter as JSON: {exc}"
        ) from None
    filename = inspect.getsourcefile(func) or "<run_inside>"
    call = f"ns[{func.__name__!r}](**json.loads({args!r}))"
    return "\n".join(
        [
            "import json",
            "ns = {'__name__': '__run_inside__'}",
            f"exec(compile({explain_asserts(function_source(func))!r}, {filename!r}, 'exec'), ns)",
            f"result = await {call}" if inspect.iscoroutinefunction(func) else f"result = {call}",
            "result = None",
        ]
    )


def _with_source_lines(traceback: str) -> str:
    """The interpreter's `traceback` without the harness's entries, each entry
    followed by its source line when the host has it (the test file, user files)."""
    out: list[str] = []
    skipping = False
    lines = traceback.splitlines()
    for i, line in enumerate(lines):
        entry = _ENTRY.match(line)
        if entry:
            skipping = entry.group(2).rsplit("/", 1)[-1] in _HARNESS_FILES
        elif skipping and line.startswith("    "):
            continue  # the harness entry's source line and carets
        else:
            skipping = False
        if skipping:
            continue
        out.append(line)
        if entry:
            source = linecache.getline(entry.group(2), int(entry.group(3))).strip()
            following = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if source and following != source:
                out.append(f"{entry.group(1)}  {source}")
    return "\n".join(out)


def _run(func: Callable[..., Any], interp: Interp, kwargs: dict[str, Any]) -> None:
    program = _program(func, kwargs)
    try:
        if inspect.iscoroutinefunction(func):
            interp.run_async(program)
        else:
            interp.run(program)
        return
    except InterpError as error:
        failure = error
    header = f"[{failure.interp}] {failure.type_name}: {failure.message}"
    pytest.fail(f"{header}\n\n{_with_source_lines(failure.traceback)}", pytrace=False)


def _wrap(func: Callable[..., Any], marks: list[pytest.MarkDecorator]) -> Callable[..., None]:
    signature = inspect.signature(func)
    if "interp" in signature.parameters:
        raise TypeError(f"{func.__name__}: a @run_inside test runs inside `interp`; it cannot take it")
    if "." in func.__qualname__:
        raise TypeError(f"{func.__qualname__}: @run_inside takes module-level functions only")

    def test(interp: Interp, **kwargs: Any) -> None:
        _run(func, interp, kwargs)

    functools.update_wrapper(test, func)
    test.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[
            inspect.Parameter("interp", inspect.Parameter.POSITIONAL_OR_KEYWORD),
            *(p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values()),
        ]
    )
    for mark in marks:
        test = mark(test)
    return test


@overload
def run_inside(func: Callable[..., Any], /) -> Callable[..., None]: ...
@overload
def run_inside(
    *interpreters: str, runtimes: tuple[str, ...] | list[str] | None = None
) -> Callable[[Callable[..., Any]], Callable[..., None]]: ...
def run_inside(*args: Any, runtimes: Any = None) -> Any:
    """Make a test whose body runs inside each selected interpreter.

    `@run_inside` runs it on every interpreter and runtime the command line
    selects; `@run_inside("micropython", runtimes=["node"])` narrows that (the
    same as the `interpreters` and `runtimes` markers)."""
    if len(args) == 1 and callable(args[0]):
        return _wrap(args[0], [])
    marks = []
    if args:
        marks.append(pytest.mark.interpreters(*args))
    if runtimes:
        marks.append(pytest.mark.runtimes(*runtimes))
    return lambda func: _wrap(func, marks)
