"""Build the MicroPython variant: the package as ONE compiled module.

PyScript's `files` takes one entry per file, and bare MicroPython imports a
single `pyscript_ffi.mpy` written to its filesystem, so the package's modules
are joined into one `pyscript_ffi.py` (dependency order, the Pyodide backend
left out, relative imports removed since every name now shares one namespace)
and compiled with `mpy-cross`.

    python -m pyscript_ffi_host.mpy_bundle [--out wheels/pyscript_ffi.mpy]
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pyscript_ffi"
EXCLUDED = {"_pyodide"}  # backends that never run on MicroPython


class BundleError(Exception):
    """The package cannot be joined into one module (e.g. a name clash)."""


def _modules() -> dict[str, ast.Module]:
    trees = {}
    for path in sorted(PACKAGE.glob("*.py")):
        name = path.stem
        if name not in EXCLUDED:
            trees[name] = ast.parse(path.read_text(), str(path))
    return trees


def _relative_imports(tree: ast.Module) -> list[ast.ImportFrom]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1]


def _order(trees: dict[str, ast.Module]) -> list[str]:
    """Modules in dependency order, `__init__` last."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order or name in EXCLUDED:
            return
        if name in visiting:
            raise BundleError("import cycle through " + name)
        visiting.add(name)
        for node in _relative_imports(trees[name]):
            visit(node.module or "")
        visiting.discard(name)
        order.append(name)

    for name in sorted(trees):
        visit(name)
    return order


def _definitions(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


def _check_clashes(trees: dict[str, ast.Module], order: list[str]) -> None:
    owner: dict[str, str] = {}
    clashes = []
    for name in order:
        for defined in _definitions(trees[name]) - {"__all__", "__version__"}:
            if defined in owner:
                clashes.append(f"{defined} ({owner[defined]}, {name})")
            owner[defined] = name
    if clashes:
        raise BundleError("names defined in two modules: " + ", ".join(sorted(clashes)))


def _strip(name: str, tree: ast.Module) -> str:
    """Module source with relative imports replaced by aliases (or `pass`)."""
    lines = (PACKAGE / f"{name}.py").read_text().splitlines()
    for node in sorted(_relative_imports(tree), key=lambda n: n.lineno, reverse=True):
        indent = " " * node.col_offset
        aliases = [f"{indent}{a.asname} = {a.name}" for a in node.names if a.asname and a.asname != a.name]
        lines[node.lineno - 1 : node.end_lineno] = aliases or [indent + "pass"]
    return "\n".join(lines)


def bundle_source() -> str:
    trees = _modules()
    order = _order(trees)
    _check_clashes(trees, order)
    parts = [f"# pyscript_ffi for MicroPython: modules {', '.join(order)} joined by mpy_bundle.py"]
    parts += [f"# ---- {name}.py ----\n{_strip(name, trees[name])}" for name in order]
    return "\n\n".join(parts) + "\n"


def build(out: Path) -> Path:
    """Write `out` (a .mpy) and, beside it in build/, the joined source."""
    source = ROOT / "build" / "mpy" / "pyscript_ffi.py"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(bundle_source())
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "mpy_cross", "-o", str(out), "-s", "pyscript_ffi.py", str(source)],
        check=True,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "wheels" / "pyscript_ffi.mpy")
    print(build(parser.parse_args().out))


if __name__ == "__main__":
    main()
