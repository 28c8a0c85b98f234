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
arguments by value (None, bool, int, float, str, bytes, bytearray and lists,
tuples, sets, frozensets and dicts of these), compiled there under the test
file's name and line numbers, and called (awaited if it is `async def`).  It
sees only what it imports itself.  Its return value comes back by value too:
called from a host test as `func(interp, *args)`, it returns it.  A failure
becomes an ordinary pytest failure: the interpreter id, the exception, the
interpreter's traceback with the test file's source lines, and for a
single-line `assert a <op> b` both values (`assert 3 == 4`).
"""

from __future__ import annotations

import ast
import functools
import inspect
import linecache
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any, overload

import pytest

from . import _inside as _harness
from .interp import INSIDE_MODULE, Interp, InterpError

__all__ = ["explain_asserts", "function_source", "module_program", "run_inside", "run_program"]

_OPS: dict[type[ast.cmpop], str] = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not",
}  # fmt: skip
#: Frames of the harness (`_inside.py`, the program `_program` builds), left out of reports.
_HARNESS_FILES = {"<test>", f"{INSIDE_MODULE}.py", "pytest.py"}
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


def _call_program(target: str, kwargs: dict[str, Any], is_async: bool) -> list[str]:
    """The lines that call `target` (an expression naming the test function) with
    `kwargs` by value and leave its return value, by value, in `result`."""
    try:
        args = _harness.dumps(kwargs)
    except TypeError as exc:
        raise TypeError(f"the arguments of a test run inside go in by value: {exc}") from None
    call = f"{target}(**_h.loads({args!r}))"
    return [
        f"_returned = await {call}" if is_async else f"_returned = {call}",
        "result = _h.encode_value(_returned, '<the returned value>')",
    ]


def _program(func: Callable[..., Any], kwargs: dict[str, Any]) -> str:
    """Python run by the harness: define the test function, call it with `kwargs`."""
    filename = inspect.getsourcefile(func) or "<run_inside>"
    return "\n".join(
        [
            f"import {INSIDE_MODULE} as _h",
            "ns = {'__name__': '__run_inside__'}",
            f"exec(compile({explain_asserts(function_source(func))!r}, {filename!r}, 'exec'), ns)",
            *_call_program(f"ns[{func.__name__!r}]", kwargs, inspect.iscoroutinefunction(func)),
        ]
    )


def module_program(path: Path, qualname: str, kwargs: dict[str, Any], is_async: bool) -> str:
    """Python run by the harness for a plain test of a module run inside: the
    module (its asserts explained) is run once per interpreter, then `qualname`
    (`test_x`, or `TestClass.test_x` on a fresh instance) is called with `kwargs`."""
    source = explain_asserts(path.read_text())
    owner, _, name = qualname.rpartition(".")
    target = f"ns[{owner!r}]().{name}" if owner else f"ns[{name!r}]"
    return "\n".join(
        [
            f"import {INSIDE_MODULE} as _h",
            f"ns = _h.module({str(path)!r}, {source!r})",
            *_call_program(target, kwargs, is_async),
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


def run_program(interp: Interp, program: str, is_async: bool) -> Any:
    """Run a program made by `_program`/`module_program` in `interp`; the test
    body's return value.  A failure is a pytest failure with the interpreter's
    traceback (the harness's own frames left out, the host's source lines added);
    `pytest.skip` inside skips the test."""
    __tracebackhide__ = True
    try:
        return _harness.decode_value(interp.run_async(program) if is_async else interp.run(program))
    except InterpError as error:
        failure = error
    if failure.type_name == "Skipped":  # reported at the test, not here
        raise pytest.skip.Exception(failure.message, _use_item_location=True)
    header = f"[{failure.interp}] {failure.type_name}: {failure.message}"
    pytest.fail(f"{header}\n\n{_with_source_lines(failure.traceback)}", pytrace=False)


def _wrap(func: Callable[..., Any], marks: list[pytest.MarkDecorator]) -> Callable[..., Any]:
    signature = inspect.signature(func)
    if "interp" in signature.parameters:
        raise TypeError(f"{func.__name__}: a @run_inside test runs inside `interp`; it cannot take it")
    if "." in func.__qualname__:
        raise TypeError(f"{func.__qualname__}: @run_inside takes module-level functions only")

    def test(interp: Interp, *args: Any, **kwargs: Any) -> Any:
        __tracebackhide__ = True
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        program = _program(func, dict(bound.arguments))
        return run_program(interp, program, inspect.iscoroutinefunction(func))

    functools.update_wrapper(test, func)
    test.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[
            inspect.Parameter("interp", inspect.Parameter.POSITIONAL_OR_KEYWORD),
            *signature.parameters.values(),
        ]
    )
    test.__run_inside__ = True  # type: ignore[attr-defined]
    for mark in marks:
        test = mark(test)
    return test


@overload
def run_inside(func: Callable[..., Any], /) -> Callable[..., Any]: ...
@overload
def run_inside(
    *interpreters: str, runtimes: tuple[str, ...] | list[str] | None = None
) -> Callable[[Callable[..., Any]], Callable[..., Any]]: ...
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
