"""The package's import graph, read from its sources: `pyscript_ffi/*.py` and `*.mjs`.

A concern is a `.py`/`.mjs` pair (`_to_js.py` + `_to_js.mjs` is one node, and a
generated module is the node of the JS file it is made from: `_tags.py` is
`_tape`'s); an edge is a relative import in either file, wherever it stands (a
lazy import inside a function counts like any other). The package's rule: no
cycle, so every concern sits on a layer above the concerns it imports.
`tests/test_layers.py` checks it; `mpy_bundle` reads Python imports the same way.

    python -m pyscript_ffi_host.layers   # the concerns, layer by layer
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from . import jsbuild

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pyscript_ffi"

__all__ = ["python_imports", "js_imports", "graph", "cycle", "layers"]


def python_imports(tree: ast.Module) -> list[tuple[str, int]]:
    """`(module, line)` of every relative import in `tree` (`from ._x import y`,
    `from . import _x`), at any depth."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.append((node.module, node.lineno))
            else:
                found += [(alias.name, node.lineno) for alias in node.names]
    return found


def js_imports(name: str, text: str) -> list[str]:
    """The modules `name`.mjs imports (the build's own reading, `jsbuild`)."""
    return jsbuild._imports(name, text)


def _concern(module: str) -> str:
    generated_from = {py: mjs for mjs, py in jsbuild.CONSTANTS.items()}
    return generated_from.get(module, module)


def graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Concern -> the concerns it imports (itself left out)."""
    edges: dict[str, set[str]] = {}
    for path in sorted(package.glob("*.py")):
        node = _concern(path.stem)
        targets = edges.setdefault(node, set())
        for module, _ in python_imports(ast.parse(path.read_text(), str(path))):
            targets.add(_concern(module))
    for path in sorted(package.glob("*.mjs")):
        node = _concern(path.stem)
        targets = edges.setdefault(node, set())
        for module in js_imports(path.stem, path.read_text()):
            targets.add(_concern(module))
    for node, targets in edges.items():
        targets.discard(node)
    return edges


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle of `edges` as `[a, b, ..., a]`, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def layers(edges: dict[str, set[str]]) -> list[list[str]]:
    """The concerns by layer: each imports only from layers before its own (no cycle assumed)."""
    level: dict[str, int] = {}

    def depth(node: str) -> int:
        if node not in level:
            level[node] = 1 + max((depth(t) for t in edges.get(node, ())), default=-1)
        return level[node]

    for node in edges:
        depth(node)
    out: list[list[str]] = [[] for _ in range(max(level.values(), default=-1) + 1)]
    for node in sorted(level):
        out[level[node]].append(node)
    return out


def main() -> int:
    edges = graph()
    found = cycle(edges)
    if found:
        print("import cycle: " + " -> ".join(found), file=sys.stderr)
        return 1
    for number, names in enumerate(layers(edges)):
        print(f"{number}: {' '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
