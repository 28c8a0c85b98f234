"""`docs/contract.md` kept true: each row's "proved by" cell, written from the case table and the tests.

The contract is Markdown tables of rows `| \\`row.id\\` | promise | proved by |`. A row is proved by
the cases of `cases.CASES` whose `spec` is its id and by the tests marked
`@pytest.mark.contract("row.id")` in `tests/`; this module writes those names into the last
cell. A row whose last cell says `not yet delivered (issue N)` is a promise the package does not
keep yet: nothing may prove it.

```bash
python -m pyscript_ffi_host.contract           # rewrite the "proved by" cells of docs/contract.md
python -m pyscript_ffi_host.contract --check   # exit 1, listing the problems, when the doc is stale
```

`tests/test_contract.py` runs `problems()` on every test run.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .cases import CASES

__all__ = ["DOC", "TESTS", "Row", "rows", "proofs", "render", "problems", "public_names", "main"]

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "contract.md"
TESTS = ROOT / "tests"
#: Test files whose tests need no contract mark: the plugin's and the tooling's own, the conformance
#: runner (its cases name their rows) and the example site (its worker tests carry marks).
UNMARKED = {
    "test_plugin.py",
    "test_plugin_dogfood.py",
    "test_plugin_inside_module.py",
    "test_plugin_layers.py",
    "test_plugin_pyscript.py",
    "test_plugin_values.py",
    "test_release.py",  # both distributions, ready to publish
    "test_bench_smoke.py",
    "test_compat.py",  # the compatibility report's runner and page
    "test_docs.py",  # the README's generated section, the chart's stamp, .gitignore
    "test_fresh_clone.py",  # a newcomer's build and demo on a fresh clone
    "test_contract.py",
    "test_conformance.py",
    "test_site.py",
    "test_js.py",  # the JS helpers' unit tests, eslint and the embedded text: the build, not the contract
    "test_mpy_bundle.py",  # how the .mpy is put together
    "test_bytecode.py",  # how the wheel's bytecode is put together
    "test_layers.py",  # how the package's modules import each other
}

_ROW = re.compile(r"^\| `(?P<id>[a-z_]+\.[a-z0-9-]+)` \| (?P<promise>.*) \| (?P<proof>[^|]*) \|$")
_PENDING = re.compile(r"^not yet delivered \(issue \d+\)$")


@dataclass(frozen=True)
class Row:
    """One promise of the contract: its id, its text, and whether it is still pending."""

    id: str
    promise: str
    pending: bool
    line: int


def rows(text: str) -> list[Row]:
    """The rows of the contract `text`, in order."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _ROW.match(line)
        if match:
            pending = bool(_PENDING.match(match["proof"].strip()))
            out.append(Row(match["id"], match["promise"], pending, number))
    return out


def _marks(tree: ast.Module) -> dict[str, list[str] | None]:
    """Each module-level test function of `tree` -> the rows its `pytest.mark.contract` names
    (None when it has no such mark)."""
    found: dict[str, list[str] | None] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or not node.name.startswith("test"):
            continue
        found[node.name] = None
        for decorator in node.decorator_list:
            if (
                isinstance(decorator, ast.Call)
                and ast.unparse(decorator.func) == "pytest.mark.contract"
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in decorator.args)
            ):
                found[node.name] = [a.value for a in decorator.args]  # type: ignore[attr-defined]
    return found


def _test_marks(tests: Path) -> dict[str, list[str] | None]:
    """`file::test` -> the rows it proves, for every test function under `tests`."""
    out: dict[str, list[str] | None] = {}
    for path in sorted(tests.glob("test_*.py")):
        for name, marked in _marks(ast.parse(path.read_text(), str(path))).items():
            out[path.name + "::" + name] = marked
    return out


def proofs(tests: Path = TESTS) -> dict[str, list[str]]:
    """Row id -> what proves it: case ids (in table order), then `file::test` names."""
    out: dict[str, list[str]] = {}
    for case in CASES:
        out.setdefault(case.spec, []).append(case.id)
    for test, marked in _test_marks(tests).items():
        for row in marked or ():
            out.setdefault(row, []).append(test)
    return out


def render(text: str, tests: Path = TESTS) -> str:
    """`text` with the "proved by" cell of every delivered row rewritten from `proofs()`."""
    proved = proofs(tests)
    lines = text.split("\n")
    for row in rows(text):
        if not row.pending:
            cell = ", ".join("`" + name + "`" for name in proved.get(row.id, [])) or "nothing"
            lines[row.line - 1] = f"| `{row.id}` | {row.promise} | {cell} |"
    return "\n".join(lines)


def problems(text: str | None = None, tests: Path = TESTS) -> list[str]:
    """Everything that keeps the contract `text` (default: docs/contract.md) from being true."""
    text = DOC.read_text() if text is None else text
    found = []
    known: dict[str, Row] = {}
    for row in rows(text):
        if row.id in known:
            found.append(f"row {row.id} appears twice (lines {known[row.id].line} and {row.line})")
        known[row.id] = row
    for case in CASES:
        if case.spec not in known:
            found.append(f"case {case.id} proves row {case.spec!r}, which the contract does not have")
    for test, marked in _test_marks(tests).items():
        if marked is None and test.split("::")[0] not in UNMARKED:
            found.append(f"{test} has no @pytest.mark.contract naming the row it proves")
        for row_id in marked or ():
            if row_id not in known:
                found.append(f"{test} proves row {row_id!r}, which the contract does not have")
    proved = proofs(tests)
    for row in known.values():
        if row.pending and proved.get(row.id):
            found.append(f"row {row.id} says 'not yet delivered' but {proved[row.id][0]} proves it")
        if not row.pending and not proved.get(row.id):
            found.append(f"row {row.id} is proved by nothing: mark it 'not yet delivered (issue N)'")
    if render(text, tests) != text:
        found.append(f"{DOC.relative_to(ROOT)} is stale: run python -m pyscript_ffi_host.contract")
    return found


def public_names(text: str | None = None) -> list[str]:
    """The names row `api.names` says `__all__` holds."""
    text = DOC.read_text() if text is None else text
    promise = next(row.promise for row in rows(text) if row.id == "api.names")
    return re.findall(r"`(\w+)`", promise.split("is exactly")[1].split("nothing else")[0])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["--check"]):
        print("usage: python -m pyscript_ffi_host.contract [--check]", file=sys.stderr)
        return 2
    text = DOC.read_text()
    if args == []:
        text = render(text)
        DOC.write_text(text)
    found = problems(text)
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
