"""Running a case inside an interpreter and judging its answer.

```python
from pyscript_ffi_host.cases import CASES, OURS, judge, program

case = CASES[0]
answer = interp.run(program(case, OURS[interp.name]))
assert judge(case, answer) is None
```

`program` joins an implementation's prelude (the names `js`, `to_js`, `to_py`, `is_none`,
`JsProxy`), the helpers of `common.py` and the case's code inside `try/except`; the program
leaves `["ok", observation]` or `["error", type, path, message]` in `result`, which `judge`
compares with what the case expects. `show.js` (`SHOW_JS`) defines the JS side of the
observations and runs once per interpreter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Case

__all__ = ["SHOW_JS", "OURS", "COMMON", "program", "judge"]

_HERE = Path(__file__).parent
#: JS defining `__show(v)` / `__showSorted(v)` (canonical text of a JS value); run once per interpreter.
SHOW_JS = (_HERE / "show.js").read_text()

#: The names a case uses, bound to pyscript_ffi (per interpreter name).
OURS = {
    name: "from pyscript_ffi import js, to_js, to_py, is_none, JsProxy\n"
    for name in ("pyodide", "micropython")
}

_MARKER = "# -- sent into the interpreters from here --\n"
#: The helpers every case program has (`common.py` below its marker line).
COMMON = "\n" + (_HERE / "common.py").read_text().split(_MARKER, 1)[1]

_TRY = """
try:
{body}
except Exception as e:
    result = ["error", type(e).__name__, getattr(e, "path", None), str(e)[:300]]
"""


def _indent(code: str) -> str:
    return "".join("    " + line + "\n" for line in code.strip("\n").split("\n") if line.strip())


def _call(func: str, arg: str, kwargs: dict[str, str]) -> str:
    keywords = "".join(f", {k}={v}" for k, v in kwargs.items())
    return f"{func}({arg}{keywords})"


def program(case: Case, prelude: str) -> str:
    """The Python source that runs `case` inside an interpreter with `prelude`'s
    names; it leaves `["ok", observation]` or `["error", type, path, message]`
    in `result`."""
    if case.kind == "to_js":
        convert = "v = " + _call("to_js", case.source, case.kwargs)
        observe = case.observe or "show(v)"
    elif case.kind == "to_py":
        convert = "v = " + _call("to_py", f"jsf({'return (' + case.source + ')'!r})()", case.kwargs)
        observe = case.observe or "pyshow(v)"
    elif case.kind == "js":
        convert = "v = " + case.source
        observe = case.observe or "pyshow(v)"
    elif case.kind == "is_none":
        convert = f"v = is_none({case.source})"
        observe = case.observe or "v"
    else:
        raise ValueError(f"unknown case kind {case.kind!r}")
    body = case.setup + "\n" + convert + "\n" + case.after + "\nresult = ['ok', " + observe + "]\n"
    return prelude + COMMON + _TRY.format(body=_indent(body))


def judge(case: Case, answer: Any) -> str | None:
    """None when `answer` (the `result` of `program(case, ...)`) is what the
    case expects, else a one-line description of the difference."""
    if case.error is None:
        if answer == ["ok", case.expect]:
            return None
        return f"expected {case.expect!r}, got {_brief(answer)}"
    want = case.error
    if (
        isinstance(answer, list)
        and len(answer) == 4
        and answer[0] == "error"
        and answer[1] == want.type
        and answer[2] == want.path
        and want.contains in answer[3]
    ):
        return None
    return f"expected {want.type} at {want.path} containing {want.contains!r}, got {_brief(answer)}"


def _brief(answer: Any) -> str:
    text = repr(answer)
    return text if len(text) < 200 else text[:200] + "..."
