"""Build the MicroPython variant: the package as ONE `pyscript_ffi.mpy`.

PyScript's `files` takes one entry per file, and bare MicroPython imports a
single `pyscript_ffi.mpy` written to its filesystem, so the package ships as one
file. Inside it each module of `pyscript_ffi/` (the Pyodide backend left out)
is compiled on its own by `mpy-cross -s pyscript_ffi/<module>.py`: a traceback
names the source module and its line, as from the wheel. The compiled modules
are embedded in `mpy_loader.py`, which `import pyscript_ffi` runs: it mounts them
as a read-only in-memory filesystem and becomes the package (see its docstring).
Modules that only assign constants (the generated `_jshelpers`, `_tags`) are
embedded as their values instead (no code, so no traceback to keep; loaded once).

    python -m pyscript_ffi_host.mpy_bundle [--out wheels/pyscript_ffi.mpy]

The build fails with `BundleError` (saying which module) when a module does not
compile for MicroPython, imports a module that is not shipped to MicroPython
outside `_backend` (the chooser), or the modules import each other in a cycle.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pyscript_ffi"
LOADER = Path(__file__).resolve().parent / "mpy_loader.py"
EXCLUDED = {"_pyodide"}  # backends that never run on MicroPython
CHOOSER = "_backend"  # the one module that may name an excluded backend
_PLACEHOLDER = "_MPY = {}"
_CONSTANTS_PLACEHOLDER = "_CONSTANTS = {}"


class BundleError(Exception):
    """The package cannot be shipped as one .mpy (the message says why and where)."""


def _modules() -> dict[str, ast.Module]:
    trees = {}
    for path in sorted(PACKAGE.glob("*.py")):
        name = path.stem
        if name not in EXCLUDED:
            trees[name] = ast.parse(path.read_text(), str(path))
    return trees


def _relative_imports(tree: ast.Module) -> list[ast.ImportFrom]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1]


def _targets(tree: ast.Module) -> list[tuple[ast.ImportFrom, str]]:
    """Each relative import with the module it names: `from .x import a` names `x`,
    `from . import x` names `x` itself."""
    found = []
    for node in _relative_imports(tree):
        names = [node.module] if node.module else [alias.name for alias in node.names]
        found.extend((node, name) for name in names)
    return found


def check(trees: dict[str, ast.Module]) -> list[str]:
    """The rules; the modules in dependency order (`__init__` last)."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise BundleError("import cycle through pyscript_ffi/" + name + ".py")
        visiting.add(name)
        for node, target in _targets(trees[name]):
            if target in EXCLUDED:
                if name != CHOOSER:
                    raise BundleError(
                        f"pyscript_ffi/{name}.py:{node.lineno}: imports {target}, which MicroPython never "
                        f"gets; only {CHOOSER}.py picks a backend"
                    )
                continue
            if target not in trees:
                raise BundleError(f"pyscript_ffi/{name}.py:{node.lineno}: no module pyscript_ffi/{target}.py")
            visit(target)
        visiting.discard(name)
        order.append(name)

    for name in sorted(trees):
        visit(name)
    return order


def _compile(source: Path, name: str, out: Path) -> bytes:
    """`source` compiled by mpy-cross, tracebacks naming `name`."""
    done = subprocess.run(
        [sys.executable, "-m", "mpy_cross", "-o", str(out), "-s", name, str(source)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise BundleError(f"mpy-cross cannot compile {name}: {done.stderr.strip() or done.stdout.strip()}")
    return out.read_bytes()


def constants(tree: ast.Module) -> dict[str, object] | None:
    """`{name: value}` of a module that only assigns constants (after its
    docstring), such as the generated `_jshelpers` and `_tags`; else None."""
    values: dict[str, object] = {}
    for i, node in enumerate(tree.body):
        if i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if not (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ):
            return None
        if not isinstance(node.value, ast.Constant):
            return None
        values[node.targets[0].id] = node.value.value
    return values


def loader_source(compiled: dict[str, bytes], constant_modules: dict[str, dict[str, object]]) -> str:
    """`mpy_loader.py` with the compiled modules in `_MPY` and the constant-only
    ones in `_CONSTANTS` (one line each: the loader's line numbers stay)."""
    lines = LOADER.read_text().split("\n")
    filled = {
        _PLACEHOLDER: repr({f"/pyscript_ffi/{name}.mpy": data for name, data in compiled.items()}),
        _CONSTANTS_PLACEHOLDER: repr({f"pyscript_ffi.{name}": v for name, v in constant_modules.items()}),
    }
    for placeholder, value in filled.items():
        at = [i for i, line in enumerate(lines) if line.startswith(placeholder)]
        if len(at) != 1:
            raise BundleError(f"mpy_loader.py needs exactly one line starting with {placeholder!r}")
        lines[at[0]] = placeholder[: -len("{}")] + value
    return "\n".join(lines)


def build(out: Path) -> Path:
    """Write `out` (the one .mpy); the compiled modules and the loader's source go to build/mpy/."""
    work = ROOT / "build" / "mpy"
    work.mkdir(parents=True, exist_ok=True)
    for old in work.glob("*.mpy"):
        old.unlink()
    trees = _modules()
    compiled: dict[str, bytes] = {}
    constant_modules: dict[str, dict[str, object]] = {}
    for name in check(trees):
        values = constants(trees[name])
        if values is not None:
            constant_modules[name] = values
        else:
            compiled[name] = _compile(PACKAGE / f"{name}.py", f"pyscript_ffi/{name}.py", work / f"{name}.mpy")
    source = work / "pyscript_ffi.py"
    source.write_text(loader_source(compiled, constant_modules))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_compile(source, "pyscript_ffi_host/mpy_loader.py", work / "pyscript_ffi.mpy"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "wheels" / "pyscript_ffi.mpy")
    print(build(parser.parse_args().out))


if __name__ == "__main__":
    main()
