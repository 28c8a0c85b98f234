"""The package's concerns import in one direction only: no cycle in Python, in JS, or
across a `.py`/`.mjs` pair (a concern is its pair), read from the sources themselves
(`pyscript_ffi_host/layers.py`), not from a list kept by hand."""

from __future__ import annotations

import ast
from pathlib import Path

from pyscript_ffi_host import layers

PACKAGE = Path(__file__).resolve().parent.parent / "pyscript_ffi"


def test_the_package_has_no_import_cycle():
    edges = layers.graph()
    assert "_to_js" in edges and "_tape" in edges["_to_js"]  # both languages are read
    assert layers.cycle(edges) is None, "import cycle: " + " -> ".join(layers.cycle(edges) or [])


def test_a_backend_sits_below_every_concern_and_its_js_too():
    edges = layers.graph()
    below: set[str] = set()
    todo = ["_backend"]
    while todo:
        for target in edges[todo.pop()] - below:
            below.add(target)
            todo.append(target)
    assert {"_pyodide", "_micropython"} <= below  # their .py and .mjs halves
    assert not below & {"_bridge", "_jsproxy", "_to_js", "_to_py", "_proxies", "_calls", "_worker_utils"}


def test_no_relative_import_hides_inside_a_function():
    # A lazy `from ._x import y` inside a function would stand in for a layer: imports run at
    # import time (`_backend` picks its backend in a module-level `if`, which is fine).
    for path in sorted(PACKAGE.glob("*.py")):
        for scope in ast.walk(ast.parse(path.read_text())):
            if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                for node in ast.walk(scope):
                    hidden = isinstance(node, ast.ImportFrom) and node.level == 1
                    assert not hidden, f"{path.name}:{node.lineno}: a relative import inside {scope.name}"


def test_a_cycle_across_a_pair_is_caught(tmp_path: Path):
    # Python: _a imports _b; JS: _b.mjs imports _a.mjs. Neither language alone has a cycle.
    (tmp_path / "_a.py").write_text("from ._b import f\n")
    (tmp_path / "_b.py").write_text("")
    (tmp_path / "_a.mjs").write_text("export function g() { return 1; }\n")
    (tmp_path / "_b.mjs").write_text('import { g } from "./_a.mjs";\nexport function f() { return g(); }\n')
    assert layers.cycle(layers.graph(tmp_path)) in (["_a", "_b", "_a"], ["_b", "_a", "_b"])


def test_a_generated_module_counts_as_the_js_file_it_is_made_from(tmp_path: Path):
    # _tags.py is _tape.mjs's: a module importing _tags and imported by _tape.mjs closes a cycle.
    (tmp_path / "_tags.py").write_text("NULL = 0\n")
    (tmp_path / "_x.py").write_text("from ._tags import NULL\n")
    (tmp_path / "_x.mjs").write_text("export function x() { return 0; }\n")
    (tmp_path / "_tape.mjs").write_text('import { x } from "./_x.mjs";\nexport const NULL = 0;\n')
    assert layers.cycle(layers.graph(tmp_path)) is not None
