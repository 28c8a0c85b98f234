"""Embed the package's JavaScript: `pyscript_ffi/*.mjs` -> the generated modules.

The JS helpers are ES modules beside the Python modules that use them (linted by
eslint, unit-tested by `node --test tests/js/`). Each interpreter gets them as
ONE function body, made once per interpreter on first use (`_bridge.helpers`):
the shared layer and the concerns, the conversion types (`_type_<name>.mjs`),
and that interpreter's own JS only (`_pyodide.mjs` or `_micropython.mjs`,
beside its backend), so MicroPython's `.mpy` carries no Pyodide JS and the
wheel's Pyodide body no MicroPython JS. The build writes:

- `pyscript_ffi/_pyodide_js.py`, `pyscript_ffi/_micropython_js.py`: `SOURCE`,
  that interpreter's modules joined in import order with their `import` lines
  removed, `export` dropped and comment-only lines and indentation stripped,
  after `"use strict";` (its first statement: the whole body is strict code),
  ending in `return {every exported function}`. Build outputs, git-ignored
  (like the wheel and the `.mpy`): every build writes them first.
- `pyscript_ffi/_types.py`: `MODULES`, the conversion types' Python modules
  (`__init__` imports them; each registers itself, see `_hooks.py`). Git-ignored.
- `pyscript_ffi/_tags.py`: the tape tags for Python, from `_tape.mjs`, and
  `pyscript_ffi/_protocol.py`: the answer protocol, from `_protocol.mjs` (their
  one place for both languages). Checked in (they are read as documentation),
  and `.ci/run` fails when they are stale, before anything rewrites them.

All are headed "do not modify"; `tests/test_js.py` checks they match the sources.

    python -m pyscript_ffi_host.jsbuild          # write the generated modules
    python -m pyscript_ffi_host.jsbuild --check  # exit 1 if a checked-in one is stale

Rules the build enforces (it fails with `JsBuildError` saying which file and line):
imports only as `import { a, b } from "./_x.mjs";`, exports only as
`export function|const|let`, no top-level name declared in two modules of one
body (they share one scope once joined), no import cycle, no import of a
backend's JS outside it, no template literals; a conversion type is a pair
`_type_<name>.py` + `_type_<name>.mjs` registering the tag `"<name>"` on both
sides (`add_type("<name>"`, `addType("<name>"`).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pyscript_ffi"
#: interpreter -> its backend's module (`_backend.py` picks the Python one; its JS is `<module>.mjs`).
BACKENDS = {"pyodide": "_pyodide", "micropython": "_micropython"}
#: JS modules of constants -> the Python module the build writes from them (checked in).
CONSTANTS = {"_tape": "_tags", "_protocol": "_protocol"}
TAPE = "_tape"
TYPE_PREFIX = "_type_"  # a conversion type: `_type_<name>.py` + `_type_<name>.mjs`
TYPES_PY = "_types"

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./(\w+)\.mjs";[ \t]*\n', re.M)
_ANY_IMPORT = re.compile(r"^import\b", re.M)
_EXPORT = re.compile(r"^export (?=(?:async )?function\b|const\b|let\b)", re.M)
_ANY_EXPORT = re.compile(r"^export\b", re.M)
_TOP_NAME = re.compile(r"^(?:export )?(?:(?:async )?function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)", re.M)
_EXPORTED_FUNCTION = re.compile(r"^export (?:async )?function\*?\s+([A-Za-z_$][\w$]*)", re.M)
_CONSTANT = re.compile(r'^export const ([A-Z][A-Z0-9_]*) = (\d+|"[^"\\]*");[ \t]*(?://[ \t]*(.*))?$', re.M)


class JsBuildError(Exception):
    """The JS sources break a rule of the build (see the module docstring)."""


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _sources() -> dict[str, str]:
    return {p.stem: p.read_text() for p in sorted(PACKAGE.glob("*.mjs"))}


def body_modules(backend: str, sources: dict[str, str]) -> dict[str, str]:
    """The JS modules of `backend`'s helper body: all but the other backends' own."""
    others = {module for name, module in BACKENDS.items() if name != backend}
    return {name: text for name, text in sources.items() if name not in others}


def types() -> list[str]:
    """The names of the conversion types (`_type_<name>.py` + `_type_<name>.mjs`), sorted."""
    mjs = {p.stem[len(TYPE_PREFIX) :] for p in PACKAGE.glob(TYPE_PREFIX + "*.mjs")}
    py = {p.stem[len(TYPE_PREFIX) :] for p in PACKAGE.glob(TYPE_PREFIX + "*.py")}
    for name in sorted(mjs ^ py):
        have, lacks = (".mjs", ".py") if name in mjs else (".py", ".mjs")
        stem = f"pyscript_ffi/{TYPE_PREFIX}{name}"
        raise JsBuildError(f"{stem}{have} has no {stem}{lacks}")
    for name in sorted(mjs):
        for suffix, call in ((".mjs", "addType"), (".py", "add_type")):
            text = (PACKAGE / f"{TYPE_PREFIX}{name}{suffix}").read_text()
            if not re.search(call + r'\(\s*"' + re.escape(name) + '"', text):
                raise JsBuildError(
                    f'pyscript_ffi/{TYPE_PREFIX}{name}{suffix}: registers no {call}("{name}", ...): '
                    "a type's tag is its name"
                )
    return sorted(mjs)


def _imports(name: str, text: str) -> list[str]:
    found = [m.group(2) for m in _IMPORT.finditer(text)]
    stripped = _IMPORT.sub("", text)
    bad = _ANY_IMPORT.search(stripped)
    if bad:
        raise JsBuildError(
            f"pyscript_ffi/{name}.mjs:{_line(stripped, bad.start())}: only `import {{ ... }} from "
            '"./_x.mjs";` can be joined into one function body'
        )
    return found


def _order(sources: dict[str, str], backend: str = "") -> list[str]:
    """Modules so that each comes after the modules it imports."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name not in sources:
            if name in BACKENDS.values():
                raise JsBuildError(
                    f"import of pyscript_ffi/{name}.mjs, a backend's own JS, which {backend}'s body has not: "
                    "the shared layer reaches a backend through _hooks.mjs"
                )
            raise JsBuildError(f"import of pyscript_ffi/{name}.mjs, which does not exist")
        if name in visiting:
            raise JsBuildError(f"import cycle through pyscript_ffi/{name}.mjs")
        visiting.add(name)
        for dep in _imports(name, sources[name]):
            visit(dep)
        visiting.discard(name)
        order.append(name)

    for name in sources:
        visit(name)
    return order


def _body(name: str, text: str) -> str:
    text = _IMPORT.sub("", text)
    if '"use strict"' in text or "'use strict'" in text:
        raise JsBuildError(
            f'pyscript_ffi/{name}.mjs: no "use strict" needed (modules are strict; the build adds it)'
        )
    text = _EXPORT.sub("", text)
    bad = _ANY_EXPORT.search(text)
    if bad:
        raise JsBuildError(
            f"pyscript_ffi/{name}.mjs:{_line(text, bad.start())}: "
            "only `export function|const|let` can be joined"
        )
    return _compact(name, text)


def _compact(name: str, text: str) -> str:
    """`text` without comment-only lines, blank lines and indentation: a third
    smaller, so the interpreters load it faster. (Safe since no string spans
    lines: template literals are refused.)"""
    kept = []
    for number, line in enumerate(text.split("\n"), 1):
        code = line.strip()
        if not code or code.startswith("//"):
            continue
        if "`" in code.split("//")[0]:
            raise JsBuildError(
                f"pyscript_ffi/{name}.mjs:{number}: no template literals (the build strips indentation)"
            )
        kept.append(code)
    return "\n".join(kept)


def helper_source(backend: str = "pyodide") -> str:
    """The helper factory's body for `backend`: strict code returning the helper object."""
    sources = body_modules(backend, _sources())
    order = _order(sources, backend)
    owner: dict[str, str] = {}
    clashes = []
    exported: list[str] = []
    for name in order:
        for match in _TOP_NAME.finditer(sources[name]):
            declared = match.group(1)
            if declared in owner:
                clashes.append(f"{declared} (pyscript_ffi/{owner[declared]}.mjs, pyscript_ffi/{name}.mjs)")
            owner[declared] = name
        exported += _EXPORTED_FUNCTION.findall(sources[name])
    if clashes:
        raise JsBuildError(
            "top-level names declared in two modules (one scope once joined): " + ", ".join(clashes)
        )
    parts = ['"use strict";']
    parts += [f"// ---- pyscript_ffi/{name}.mjs ----\n{_body(name, sources[name])}" for name in order]
    parts.append("return {\n  " + ",\n  ".join(sorted(exported)) + ",\n};")
    return "\n\n".join(parts) + "\n"


def constants(module: str) -> list[tuple[str, int | str, str]]:
    """`(name, value, comment)` of every `export const NAME = 1;` (or `= "s";`) line of `module`.mjs."""
    found: list[tuple[str, int | str, str]] = []
    for m in _CONSTANT.finditer(_sources()[module]):
        raw = m.group(2)
        found.append((m.group(1), raw[1:-1] if raw.startswith('"') else int(raw), m.group(3) or ""))
    return found


def tags() -> list[tuple[str, int | str, str]]:
    """`(name, number, comment)` of every tape tag in `_tape.mjs`."""
    return constants(TAPE)


def _header(sources: str) -> str:
    return f"# generated from {sources} by pyscript_ffi_host/jsbuild.py: do not modify\n"


def render_helpers_py(backend: str) -> str:
    source = helper_source(backend)
    if '"""' in source or source.endswith("\\"):
        raise JsBuildError('the JS sources cannot contain """ (they are embedded in a raw Python string)')
    return (
        _header("pyscript_ffi/*.mjs")
        + f'"""The JavaScript half of the package on {backend}: the helper factory\'s body\n'
        + "(`_bridge.helpers`).\n\n"
        + "Every helper answers `[OK, value...]` or an error record and never throws (`_protocol.mjs`).\n"
        + 'The sources are `pyscript_ffi/*.mjs` but the other backends\' own."""\n\n'
        + 'SOURCE = r"""'
        + source
        + '"""\n'
    )


def render_constants_py(module: str) -> str:
    """The Python module of `module`.mjs's constants (`_tape` -> `_tags`, `_protocol` -> `_protocol`)."""
    title = {
        "_tape": 'Tags of the flat "tape" that carries a value across the JS boundary (see `_tape.mjs`).',
        "_protocol": "The answer protocol between the JS helpers and Python (see `_protocol.mjs`).",
    }[module]
    lines = [_header(f"pyscript_ffi/{module}.mjs"), f'"""{title}"""', ""]
    for name, value, comment in constants(module):
        lines.append(f"{name} = {value!r}".replace("'", '"') + (f"  # {comment}" if comment else ""))
    return "\n".join(lines) + "\n"


def render_types_py() -> str:
    modules = ", ".join(f'"{TYPE_PREFIX}{name}"' for name in types())
    return (
        _header(f"pyscript_ffi/{TYPE_PREFIX}*.py")
        + "\n"
        + '"""The conversion types\' modules (`__init__` imports each; each registers itself with\n'
        + '`_hooks`)."""\n\n'
        + f"MODULES = ({modules}{',' if types() else ''})\n"
    )


def checked_in() -> dict[Path, str]:
    """The generated modules kept in git, and the text each must hold."""
    return {PACKAGE / f"{py}.py": render_constants_py(mjs) for mjs, py in CONSTANTS.items()}


def generated() -> dict[Path, str]:
    """Every generated module and the text it must hold (build outputs included)."""
    out = checked_in()
    for backend, module in BACKENDS.items():
        out[PACKAGE / f"{module}_js.py"] = render_helpers_py(backend)
    out[PACKAGE / f"{TYPES_PY}.py"] = render_types_py()
    return out


def _stale(path: Path, text: str) -> bool:
    return not path.exists() or path.read_text() != text


def write() -> list[Path]:
    """Rewrite the generated modules that differ from their sources; the ones rewritten."""
    changed = []
    for path, text in generated().items():
        if _stale(path, text):
            path.write_text(text)
            changed.append(path)
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a checked-in generated module is stale"
    )
    args = parser.parse_args()
    if args.check:
        every = generated()  # the build's rules hold (JsBuildError otherwise); the outputs are not written
        stale = [str(p.relative_to(ROOT)) for p in checked_in() if _stale(p, every[p])]
        if stale:
            sys.exit("stale (run python -m pyscript_ffi_host.jsbuild): " + ", ".join(stale))
        return
    for path in write():
        print("wrote", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
