"""The sessions a user runs.

bash bin/nox -s demo     # set up, build, serve the example site at http://127.0.0.1:8000
bash bin/nox -s tests    # set up, build, run the whole test suite
bash bin/nox -s build    # wheels/pyscript_ffi-*.whl and wheels/pyscript_ffi.mpy
bash bin/nox -s lint     # ruff + mypy on the stubs + eslint on the JS
bash bin/nox -s bench    # pyscript_ffi vs raw FFI vs PyScript's ffi.py -> site/bench/, README, docs/
bash bin/nox -s compat   # case table: raw FFI vs PyScript's ffi.py vs pyscript_ffi -> site/compat.html
bash bin/nox -s properties  # hypothesis with 10,500 values per interpreter (CI runs 300)
bash bin/nox -s dist     # pyscript-ffi and pytest-run-inside: sdist + wheel in dist/, twine-checked
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import nox

ROOT = Path(__file__).parent
EXTRAS = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = True

# Older interpreter versions (installed from npm, see package.json), run on Node after the full run.
OLDER = {
    "pyodide": ("0.29.5", "0.28.3", "0.27.7"),
    "micropython": ("1.26.0", "1.25.0", "1.24.1"),
}

ENV = {"SE_AVOID_STATS": "true"}  # chromium and chromedriver: found on PATH by the plugin
#: pytest-xdist: 2 workers (this project's CI machine has 2 CPUs); a test module's tests and so
#: its shared interpreters stay on one worker.
XDIST = ("-n", "2", "--dist", "loadscope")


def plugin_wheel(session: nox.Session) -> str:
    """Build the pytest-run-inside wheel (plugin/) into build/plugin-dist/; its path."""
    out = ROOT / "build" / "plugin-dist"
    for old in out.glob("pytest_run_inside-*.whl"):
        old.unlink()
    # no isolation: setuptools is in the session (the test extras), no build venv to make each time
    wheel_args = ("--wheel", "--no-isolation", "--outdir", str(out), str(ROOT / "plugin"))
    session.run("python", "-m", "build", *wheel_args, silent=True)
    (wheel,) = out.glob("pytest_run_inside-*.whl")
    return str(wheel)


def _setup(session: nox.Session, *, chromium: bool) -> None:
    """Python deps in the session venv, the plugin as a built wheel (non-editable, as
    users get it), npm packages, and Chromium when asked."""
    session.install(*EXTRAS["test"])
    wheel = plugin_wheel(session)
    session.install(wheel)
    session.install("--force-reinstall", "--no-deps", wheel)  # the wheel just built, same version or not
    session.env["PYTEST_RUN_INSIDE_WHEEL"] = wheel  # tests/test_plugin.py installs it in a fresh venv
    session.run("python", "-c", "from pyscript_ffi_host import system; system.ensure_node_modules()")
    if chromium:
        session.run("python", "-c", "from pyscript_ffi_host import system; system.ensure_chromium()")


def _build(session: nox.Session, *, always: bool = True) -> None:
    # the JS sources (pyscript_ffi/*.mjs) into their generated modules, then wheel + .mpy
    # (`always=False`: only when older than the sources, as the demo does on a second start)
    session.run("python", "-m", "pyscript_ffi_host.jsbuild")
    make = "build_all" if always else "ensure"
    session.run("python", "-c", f"from pyscript_ffi_host import artifacts; print(artifacts.{make}())")


@nox.session
def build(session: nox.Session) -> None:
    """Build the wheel and the MicroPython .mpy into wheels/ (the wheel's bytecode is compiled
    inside each Pyodide of the matrix: the plugin and the npm packages are set up first)."""
    _setup(session, chromium=False)
    _build(session)


@nox.session
def tests(session: nox.Session) -> None:
    """Everything: newest interpreters on Node and Chromium, then the older
    versions on Node, then the boundary tests on the oldest versions in
    Chromium. Pytest args after `--` replace the three runs with one."""
    _setup(session, chromium=True)
    _build(session)
    if session.posargs:
        session.run("pytest", *session.posargs, env=ENV)
        return
    session.run("pytest", *XDIST, env=ENV)
    session.run(
        "pytest",
        *XDIST,
        # The plugin's own tests (CI time): the example project runs the newest versions anyway,
        # and the @run_inside dogfood checks behaviours the other files check on every version.
        "--ignore=tests/test_plugin.py",
        "--ignore=tests/test_plugin_dogfood.py",
        # The host tooling and the newcomer's path (fixed versions, no interp fixture): ran above.
        "--ignore=tests/test_compat.py",
        "--ignore=tests/test_docs.py",
        "--ignore=tests/test_fresh_clone.py",
        "--ignore=tests/test_plugin_pyscript.py",  # starts its own pages, whatever the versions
        "--ignore=tests/test_release.py",  # builds the distributions: nothing version-specific
        "--runtimes=node",
        "--ignore=tests/test_site.py",  # the site's browser tests ran above
        "--ignore=tests/test_pyscript_pages.py",  # PyScript pages in Chromium: ran above
        "--pyodide-versions=" + ",".join(OLDER["pyodide"]),
        "--micropython-versions=" + ",".join(OLDER["micropython"]),
        "--deselect=tests/test_bench_smoke.py",  # newest versions only: ran above
        env=ENV,
    )
    # The JS boundary (proxies, events, leaks, async) also on the oldest versions in Chromium.
    session.run(
        "pytest",
        *XDIST,
        "--runtimes=chrome",
        "--pyodide-versions=" + OLDER["pyodide"][-1],
        "--micropython-versions=" + OLDER["micropython"][-1],
        *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_boundary_*.py")),
        env=ENV,
    )


@nox.session
def demo(session: nox.Session) -> None:
    """Set up, build both artifacts, and serve the example site (task boards on
    Pyodide and MicroPython, main thread and worker, live checks, the
    compatibility report) at http://127.0.0.1:8000 until Ctrl-C.
    `-- --port N` picks another port, `-- --no-compat` never makes the report.
    The site is served at once; the compatibility report (`compat`: all eight
    versions, a few minutes) is made in the background when it is missing or
    older than the artifacts, and site/compat.html says how far it is meanwhile."""
    _setup(session, chromium=False)
    _build(session, always=False)
    session.run("python", "-m", "pyscript_ffi_host.site", *session.posargs, env=ENV)


@nox.session
def bench(session: nox.Session) -> None:
    """Time pyscript_ffi, the raw FFIs and PyScript's ffi.py side by side on the
    newest and oldest Pyodide and MicroPython, Node and Chromium: a table on stdout,
    site/bench/results.json + results.md + results.png (shown by the demo's
    bench.html), and the run published: docs/bench-results.json, the README's
    performance section and docs/bench.png. Options after `--` (e.g. `--tiny`,
    `--reps 3`, `--runtimes node`, `--versions newest`, `--no-publish`) go to
    `python -m pyscript_ffi_host.bench`."""
    _setup(session, chromium=True)
    session.install(*EXTRAS["bench"])
    _build(session)
    session.run("python", "-m", "pyscript_ffi_host.bench", "--publish", *session.posargs, env=ENV)


@nox.session
def compat(session: nox.Session) -> None:
    """The conformance table on all eight interpreter versions (Node) for the raw
    FFI, PyScript's pyscript/ffi.py and pyscript_ffi: terminal table + site/compat.html."""
    _setup(session, chromium=False)
    _build(session)
    session.run("python", "-m", "pyscript_ffi_host.compat", *session.posargs, env=ENV)


@nox.session
def properties(session: nox.Session) -> None:
    """The property tests with the "thorough" profile (10,500 values per
    interpreter), newest versions on Node; pytest args after `--`."""
    _setup(session, chromium=False)
    _build(session)
    args = session.posargs or ["--runtimes=node"]
    session.run(
        "pytest", "tests/test_properties.py", *args, env={**ENV, "PYSCRIPT_FFI_PROPERTIES": "thorough"}
    )


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (check + format), mypy on the shipped stubs, eslint on the JS
    (pyscript_ffi/*.mjs, tests/js/; eslint.config.mjs) and the generated
    modules' freshness (pyscript_ffi_host.jsbuild --check)."""
    session.install(*EXTRAS["lint"])
    session.run("ruff", "check", ".")
    session.run(
        "ruff", "format", "--check", "pyscript_ffi", "pyscript_ffi_host", "plugin", "tests", "noxfile.py"
    )
    session.run("mypy")
    session.run("python", "-c", "from pyscript_ffi_host import system; system.ensure_node_modules()")
    session.run("npx", "--no-install", "eslint", ".", external=True)
    session.run("python", "-m", "pyscript_ffi_host.jsbuild", "--check")


@nox.session
def dist(session: nox.Session) -> None:
    """Both distributions, ready to publish: the sdist and wheel of pyscript-ffi (the
    repository root) and of pytest-run-inside (plugin/) in dist/, each checked with
    `twine check --strict`. Releasing: README.md, "Releasing"."""
    session.install(*EXTRAS["release"])
    out = ROOT / "dist"
    out.mkdir(exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    for project in (ROOT, ROOT / "plugin"):
        session.run("python", "-m", "build", "--outdir", str(out), str(project), silent=True)
    built = sorted(str(path) for path in out.iterdir())
    session.run("twine", "check", "--strict", *built)
    session.log("\n".join(["ready to publish:", *built]))
