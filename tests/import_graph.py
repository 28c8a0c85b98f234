"""Import graphs read from source, for the no-cycle tests (host side only).

`python_imports(package_dir, package)` maps each module of a package to the
modules of the same package it imports, wherever the import statement is (module
level, inside a function, under `if TYPE_CHECKING:`); `function_imports` lists
the imports of the package's own modules made inside a function (a layer standing
in for a missing one); `js_imports(folder)` does the same for ES modules
(`import ... from "./x.mjs"`); `cycles(graph)` lists every strongly connected
group of more than one module, and every module importing itself.

>>> graph = python_imports(Path("plugin/src/pytest_run_inside"), "pytest_run_inside")
>>> cycles(graph)
[]
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

__all__ = ["cycles", "function_imports", "js_imports", "python_imports"]

_JS_IMPORT = re.compile(
    r"""(?:^|[;\s])(?:import|export)\s[^"';]*?from\s*["'](\.[^"']+)["']"""  # import x from "./y.mjs"
    r"""|import\(\s*["'](\.[^"']+)["']"""  # import("./y.mjs")
)


def _modules(package_dir: Path, package: str) -> dict[str, Path]:
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join((package, *parts))] = path
    return found


def _targets(node: ast.AST, module: str, is_package: bool, known: Mapping[str, Path]) -> Iterator[str]:
    """The package's modules an import statement `node` of `module` names."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in known:
                yield alias.name
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)]
            prefix = ".".join([*base, *([node.module] if node.module else [])])
        else:
            prefix = node.module or ""
        for alias in node.names:
            full = f"{prefix}.{alias.name}"
            if full in known:
                yield full
            elif prefix in known:
                yield prefix


def _walk(package_dir: Path, package: str) -> Iterator[tuple[str, str, bool]]:
    """(module, imported module, inside a function) for every import of the package's own modules."""
    known = _modules(package_dir, package)
    for module, path in known.items():
        tree = ast.parse(path.read_text(), str(path))
        is_package = path.name == "__init__.py"
        in_function: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                in_function |= {id(child) for child in ast.walk(node) if child is not node}
        for node in ast.walk(tree):
            for target in _targets(node, module, is_package, known):
                if target != module or not is_package:
                    yield module, target, id(node) in in_function


def python_imports(package_dir: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports."""
    graph: dict[str, set[str]] = {module: set() for module in _modules(package_dir, package)}
    for module, target, _ in _walk(package_dir, package):
        graph[module].add(target)
    return graph


def function_imports(package_dir: Path, package: str) -> list[tuple[str, str]]:
    """(module, imported module) for each import of the package's own modules inside a function."""
    return sorted({(module, target) for module, target, inside in _walk(package_dir, package) if inside})


def js_imports(folder: Path) -> dict[str, set[str]]:
    """ES module (path relative to `folder`) -> the relative modules it imports."""
    graph: dict[str, set[str]] = {}
    files = sorted([*folder.rglob("*.mjs"), *folder.rglob("*.js"), *folder.rglob("*.html")])
    for path in files:
        name = path.relative_to(folder).as_posix()
        graph[name] = set()
        for match in _JS_IMPORT.finditer(path.read_text()):
            target = (path.parent / (match.group(1) or match.group(2))).resolve()
            if target.is_file():
                graph[name].add(target.relative_to(folder.resolve()).as_posix())
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Every import cycle: the strongly connected groups of more than one node
    (Tarjan), and the nodes that import themselves; each group sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)
