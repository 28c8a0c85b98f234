"""The package's JavaScript as code: its unit tests, the embedded copy, the build's rules.

The helpers are ES modules (`pyscript_ffi/*.mjs`); `node --test tests/js/` tests
their logic without an interpreter, and the build (`pyscript_ffi_host/jsbuild.py`)
joins them into one body per interpreter (`pyscript_ffi/_pyodide_js.py`,
`_micropython_js.py`) and writes the tape tags and the answer protocol for Python
(`_tags.py`, `_protocol.py`).
"""

from __future__ import annotations

import runpy
import shutil
import subprocess
from pathlib import Path

import pytest

from pyscript_ffi_host import jsbuild

ROOT = Path(__file__).resolve().parent.parent


def test_js_unit_tests_pass_under_node_test() -> None:
    node = shutil.which("node")
    assert node is not None, "node is needed (the interpreters run on it too)"
    done = subprocess.run(
        [node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout and "# pass 0" not in done.stdout


@pytest.mark.parametrize("path", sorted(jsbuild.generated()), ids=lambda p: p.name)
def test_embedded_js_matches_the_sources(path: Path) -> None:
    expected = jsbuild.generated()[path]
    assert path.read_text() == expected, f"{path.name} is stale: run python -m pyscript_ffi_host.jsbuild"


@pytest.mark.parametrize(("mjs", "py"), sorted(jsbuild.CONSTANTS.items()))
def test_constants_have_one_source_for_both_languages(mjs: str, py: str) -> None:
    python = runpy.run_path(str(ROOT / "pyscript_ffi" / (py + ".py")))  # the package imports only inside
    constants = jsbuild.constants(mjs)
    js_lines = (ROOT / "pyscript_ffi" / (mjs + ".mjs")).read_text().count("\nexport const ")
    assert len(constants) == js_lines  # every constant of the JS file made it to Python
    assert [(name, python[name]) for name, _, _ in constants] == [(n, v) for n, v, _ in constants]


def test_tape_tags_are_distinct() -> None:
    numbers = [v for _, v, _ in jsbuild.tags()]
    assert len(set(numbers)) == len(numbers) and all(type(v) is int for v in numbers)


@pytest.mark.parametrize("backend", sorted(jsbuild.BACKENDS))
def test_embedded_body_is_strict_from_its_first_statement(backend: str) -> None:
    assert jsbuild.helper_source(backend).startswith('"use strict";\n')


@pytest.mark.parametrize("backend", sorted(jsbuild.BACKENDS))
def test_each_body_holds_its_own_backend_js_only(backend: str) -> None:
    source = jsbuild.helper_source(backend)
    for name, module in jsbuild.BACKENDS.items():
        assert (f"// ---- pyscript_ffi/{module}.mjs ----" in source) == (name == backend)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"_a": "export function f() {}\n", "_b": "export function f() {}\n"},
            "f (pyscript_ffi/_a.mjs, pyscript_ffi/_b.mjs)",
        ),
        ({"_a": 'import x from "./_b.mjs";\n', "_b": ""}, "_a.mjs:1: only `import {"),
        ({"_a": 'import { g } from "./_b.mjs";\n', "_b": 'import { f } from "./_a.mjs";\n'}, "import cycle"),
        ({"_a": "export default 1;\n"}, "_a.mjs:1: only `export function|const|let`"),
        ({"_a": '"use strict";\n'}, 'no "use strict" needed'),
        ({"_a": "const a = 1;\nconst t = `x${a}`;\n"}, "_a.mjs:2: no template literals"),
    ],
    ids=["name-in-two-modules", "default-import", "cycle", "default-export", "own-use-strict", "template"],
)
def test_build_refuses_what_cannot_be_joined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        (tmp_path / (name + ".mjs")).write_text(text)
    monkeypatch.setattr(jsbuild, "PACKAGE", tmp_path)
    with pytest.raises(jsbuild.JsBuildError) as caught:
        jsbuild.helper_source()
    assert message in str(caught.value)


def test_ci_checks_the_checked_in_generated_modules_before_anything_rewrites_them() -> None:
    lines = (ROOT / ".ci" / "run").read_text().splitlines()
    check = lines.index("python3 -m pyscript_ffi_host.jsbuild --check")
    assert check < next(i for i, line in enumerate(lines) if "bin/nox" in line)
    assert set(jsbuild.checked_in()) < set(jsbuild.generated())  # the others are build outputs, git-ignored
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    for path in set(jsbuild.generated()) - set(jsbuild.checked_in()):
        assert str(path.relative_to(ROOT)) in ignored
