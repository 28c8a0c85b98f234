"""Embed the package's JavaScript: `pyscript_ffi/*.mjs` -> two generated modules.

The JS helpers are ES modules beside the Python modules that use them (linted by
eslint, unit-tested by `node --test tests/js/`). The interpreter gets them as ONE
function body, made once per interpreter on first use (`_bridge.helpers`):

- `pyscript_ffi/_jshelpers.py`: `SOURCE`, the modules joined in import order with
  their `import` lines removed, `export` dropped and comment-only lines and
  indentation stripped, after `"use strict";` (its first statement: the whole
  body is strict code), ending in `return {every exported function}`;
- `pyscript_ffi/_tags.py`: the tape tags for Python, from `_tape.mjs` (their one
  place for both languages).

Both are checked in (the wheel and the .mpy need nothing else) and headed "do not
modify"; `tests/test_js.py` checks they match the sources, and
`artifacts.build_all` rewrites them before building.

    python -m pyscript_ffi_host.jsbuild          # rewrite the generated modules
    python -m pyscript_ffi_host.jsbuild --check  # exit 1 if they are stale

Rules the build enforces (it fails with `JsBuildError` saying which file and line):
imports only as `import { a, b } from "./_x.mjs";`, exports only as
`export function|const|let`, no top-level name declared in two modules (they share
one scope once joined), no import cycle, no template literals.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pyscript_ffi"
HELPERS_PY = PACKAGE / "_jshelpers.py"
TAGS_PY = PACKAGE / "_tags.py"
TAPE = "_tape"

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./(\w+)\.mjs";[ \t]*\n', re.M)
_ANY_IMPORT = re.compile(r"^import\b", re.M)
_EXPORT = re.compile(r"^export (?=(?:async )?function\b|const\b|let\b)", re.M)
_ANY_EXPORT = re.compile(r"^export\b", re.M)
_TOP_NAME = re.compile(r"^(?:export )?(?:(?:async )?function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)", re.M)
_EXPORTED_FUNCTION = re.compile(r"^export (?:async )?function\*?\s+([A-Za-z_$][\w$]*)", re.M)
_TAG = re.compile(r"^export const ([A-Z][A-Z0-9_]*) = (\d+);[ \t]*(?://[ \t]*(.*))?$", re.M)


class JsBuildError(Exception):
    """The JS sources break a rule of the build (see the module docstring)."""


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _sources() -> dict[str, str]:
    return {p.stem: p.read_text() for p in sorted(PACKAGE.glob("*.mjs"))}


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


def _order(sources: dict[str, str]) -> list[str]:
    """Modules so that each comes after the modules it imports."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name not in sources:
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


def helper_source() -> str:
    """The helper factory's body: strict code returning the helper object."""
    sources = _sources()
    order = _order(sources)
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


def tags() -> list[tuple[str, int, str]]:
    """`(name, number, comment)` of every tape tag in `_tape.mjs`."""
    return [(m.group(1), int(m.group(2)), m.group(3) or "") for m in _TAG.finditer(_sources()[TAPE])]


def _header(sources: str) -> str:
    return f"# generated from {sources} by pyscript_ffi_host/jsbuild.py: do not modify\n"


def render_helpers_py() -> str:
    source = helper_source()
    if '"""' in source or source.endswith("\\"):
        raise JsBuildError('the JS sources cannot contain """ (they are embedded in a raw Python string)')
    return (
        _header("pyscript_ffi/*.mjs")
        + '"""The JavaScript half of the package: the helper factory\'s body (see `_bridge.helpers`).\n\n'
        + "Every helper answers `[0, value...]` or an error record and never throws (`_errors.mjs`).\n"
        + 'The sources are `pyscript_ffi/*.mjs`."""\n\n'
        + 'SOURCE = r"""'
        + source
        + '"""\n'
    )


def render_tags_py() -> str:
    lines = [
        _header(f"pyscript_ffi/{TAPE}.mjs"),
        '"""Tags of the flat "tape" that carries a value across the JS boundary (see `_tape.mjs`)."""',
        "",
    ]
    for name, number, comment in tags():
        lines.append(f"{name} = {number}" + (f"  # {comment}" if comment else ""))
    return "\n".join(lines) + "\n"


def generated() -> dict[Path, str]:
    """Each generated module and the text it must hold."""
    return {HELPERS_PY: render_helpers_py(), TAGS_PY: render_tags_py()}


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
    parser.add_argument("--check", action="store_true", help="exit 1 if a generated module is stale")
    args = parser.parse_args()
    if args.check:
        stale = [str(p.relative_to(ROOT)) for p, text in generated().items() if _stale(p, text)]
        if stale:
            sys.exit("stale (run python -m pyscript_ffi_host.jsbuild): " + ", ".join(stale))
        return
    for path in write():
        print("wrote", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
