"""pytest plugin: run tests inside Pyodide and MicroPython, on Node, in Chromium,
in a Chromium Web Worker and in real PyScript pages and workers.

Loaded by the `pytest11` entry point of the `pytest-run-inside` distribution, or
with ``-p pytest_run_inside.plugin``.

```python
from pytest_run_inside import run_inside

@run_inside                          # the body runs inside each interpreter
def test_greet():
    from greet import greet          # a user module, copied in with --interp-files
    assert greet("py") == "Hello, py!"

def test_from_the_host(interp):      # or drive the interpreter from the host
    assert interp.run("result = 6 * 7") == 42
```

Every test that takes `interp` (or is made by `run_inside`, or sits in a module
run inside, or takes pytest-pyodide's `selenium`) runs once per interpreter x
version x runtime selected by the options below:

```bash
pytest                                   # pyodide and micropython, default versions, node and chrome
pytest --interpreters micropython --runtimes node,chrome-worker
pytest --runtimes pyscript,pyscript-worker   # inside real PyScript pages (py / mpy scripts)
pytest --pyodide-versions supported --micropython-versions 1.24.1,pre
pytest --interp-files src/mypkg          # copy a package into every interpreter
```

Versions come from the project's `node_modules/` when it has them, else npm
installs them into the per-user cache (`npm.Store`).  The default version is
the newest one in `node_modules`, else the support table's (`catalog.SUPPORTED`).
Ids: the default version gives `<interpreter>-<runtime>` (`pyodide-node`), others
`<interpreter>-<version>-<runtime>` (`micropython-1.24.1-chrome`).

Markers: `interpreters(*names)` and `runtimes(*names)` narrow a test's matrix;
`isolated` (or `fresh_page`) gives a test its own fresh interpreter (page) instead
of the one its module shares; `pyscript_page(body=, head=, config=, script=)` gives
the PyScript runtimes their page; as `pytestmark`, `run_inside(...)` runs a
module's plain tests inside (`inside_modules`; also the ini key `run_inside_paths`).

Fixtures: `interp` (the module's shared instance, reset before each test),
`interp_setup` (the `InterpSetup` every new interpreter gets; override it in a
`conftest.py` to install more: wheels, MicroPython files, JS to run first),
`pyscript_page` (the `Page`), and pytest-pyodide's `selenium` /
`selenium_standalone` (`pytest_pyodide_compat`).  Under pytest-xdist each worker
starts its own interpreters; `--dist loadscope` keeps a module's tests (and so
its shared interpreters) on one worker.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from . import pytest_pyodide_compat, tools, user_files
from .cache import CACHE_ENV
from .catalog import (
    BROWSER_RUNTIMES,
    DEFAULT_RUNTIMES,
    INTERPRETERS,
    PYSCRIPT,
    PYSCRIPT_RUNTIMES,
    RUNTIMES,
    SUPPORTED,
    Spec,
)
from .inside_modules import InsideModule, is_inside_module, run_inside_test
from .inside_tests import run_inside
from .interp import Interp
from .launcher import InterpSetup, start
from .npm import NpmError, Store
from .pyscript_page import Page

__all__ = ["InterpSetup", "Page", "run_inside", "start"]


# -- options --------------------------------------------------------------------
_VERSIONS_HELP = (
    "comma-separated {name} npm versions; 'supported' (the support table: {table}), 'latest' "
    "(newest stable on npm), 'pre' (newest pre-release on npm) or 'all' (every version in "
    "node_modules); default: the newest in node_modules, else {default}. Versions not in "
    "node_modules are npm-installed into the cache"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("run-inside", "run tests inside Pyodide and MicroPython (pytest-run-inside)")
    group.addoption(
        "--interpreters", default=",".join(INTERPRETERS), help="comma-separated: pyodide,micropython (or all)"
    )
    group.addoption(
        "--runtimes",
        default=",".join(DEFAULT_RUNTIMES),
        help=f"comma-separated: {','.join(RUNTIMES)} (or all); default {','.join(DEFAULT_RUNTIMES)}",
    )
    for name in INTERPRETERS:
        table = ", ".join(SUPPORTED[name])
        group.addoption(
            f"--{name}-versions",
            default=None,
            help=_VERSIONS_HELP.format(name=name, table=table, default=SUPPORTED[name][0]),
        )
    group.addoption(
        "--pyscript-version",
        default=None,
        help="the @pyscript/core npm version of the pyscript runtimes; default: the one in node_modules, "
        f"else {SUPPORTED[PYSCRIPT][0]}",
    )
    group.addoption(
        "--interp-files",
        action="append",
        default=[],
        metavar="PATH",
        help="a file or folder (comma-separated or repeated) copied into every interpreter's "
        f"filesystem under {user_files.ROOT}, which is first on sys.path (adds to the ini key interp_files)",
    )
    group.addoption(
        "--run-inside-cache",
        default=None,
        metavar="DIR",
        help=f"where npm-installed interpreters and Pyodide dist dirs are kept (default: ${CACHE_ENV}, "
        "else the platform cache dir, e.g. ~/.cache/pytest-run-inside)",
    )
    group.addoption(
        "--run-inside-paths",
        action="append",
        default=[],
        metavar="PATH",
        help="test modules, folders or globs (comma-separated or repeated) whose plain tests run inside "
        "each interpreter (adds to the ini key run_inside_paths)",
    )
    group.addoption(
        "--pytest-pyodide-interpreters",
        default=None,
        help="the interpreters pytest-pyodide tests (the selenium fixture, @run_in_pyodide) run on: "
        "pyodide (the default, or the ini key pytest_pyodide_interpreters), or pyodide,micropython",
    )
    group.addoption("--chrome-binary", default=None, metavar="PATH", help="Chromium/Chrome (default: PATH)")
    group.addoption("--chromedriver", default=None, metavar="PATH", help="chromedriver (default: PATH)")
    parser.addini(
        "interp_files",
        type="paths",
        default=[],
        help="files or folders copied into every interpreter (relative to the ini file)",
    )
    parser.addini(
        "pytest_pyodide_interpreters",
        default="pyodide",
        help="the interpreters pytest-pyodide tests run on (comma-separated; default pyodide)",
    )
    parser.addini(
        "run_inside_paths",
        type="paths",
        default=[],
        help="test modules, folders or globs whose plain tests run inside each interpreter "
        "(relative to the ini file)",
    )


def pytest_configure(config: pytest.Config) -> None:
    for line in (
        "interpreters(*names): run only on these interpreters (pyodide, micropython)",
        f"runtimes(*names): run only on these runtimes ({', '.join(RUNTIMES)})",
        "isolated: give this test a fresh interpreter of its own (in a pyscript runtime: a fresh page)",
        "fresh_page: the same as isolated",
        "run_inside(*interpreters, runtimes=None): as pytestmark, run the module's plain tests inside "
        "(narrowed like @run_inside)",
        "pyscript_page(body=, head=, config=, script=): the PyScript page of the pyscript runtimes "
        "(see the pyscript_page fixture)",
    ):
        config.addinivalue_line("markers", line)
    # Environment variables, so xdist workers, pytest-pyodide and subprocesses agree.
    for option, variable in (("chrome_binary", "CHROME_BIN"), ("chromedriver", "SE_CHROMEDRIVER")):
        if config.getoption(option):
            os.environ[variable] = str(Path(config.getoption(option)).resolve())
    os.environ.setdefault("SE_AVOID_STATS", "true")
    cache = config.getoption("run_inside_cache")
    config.stash[_STORE] = Store(config.rootpath / "node_modules", Path(cache).resolve() if cache else None)
    # pytest-pyodide files: our `selenium` fixtures win over pytest-pyodide's (registered after it).
    pytest_pyodide_compat.install()
    if not config.pluginmanager.has_plugin(_COMPAT):
        config.pluginmanager.register(pytest_pyodide_compat, _COMPAT)


def pytest_sessionstart(session: pytest.Session) -> None:
    # Before test modules are imported: pytest-pyodide's decorators ask it whether pytest and tblib exist.
    fake = pytest_pyodide_compat.fake_dist_dir(session.config.stash[_STORE].cache / "pytest-pyodide-lock")
    pytest.pyodide_dist_dir = fake  # type: ignore[attr-defined]


def _names(config: pytest.Config, option: str, allowed: Sequence[str]) -> list[str]:
    names = [n.strip() for n in config.getoption(option).split(",") if n.strip()]
    if names == ["all"]:
        return list(allowed)
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise pytest.UsageError(f"--{option}: unknown {unknown}; choose from {list(allowed)}")
    return names


_STORE = pytest.StashKey[Store]()
_COMPAT = "pytest_run_inside.pytest_pyodide_compat"
#: The fixture the matrix parametrizes (module-scoped: pytest groups a module's tests by spec).
_SPEC = "_interp_spec"
_MATRIX = pytest.StashKey[tuple[list[Spec], dict[str, str]]]()
_PROBLEM = pytest.StashKey[str]()


def _versions(store: Store, name: str, value: str | None) -> tuple[list[str], str]:
    """The versions `value` (an option) names, and the default version."""
    local = store.local_versions()[name]
    default = store.default_version(name)
    if not value:
        return [default], default
    chosen: list[str] = []
    for token in (t.strip() for t in value.split(",") if t.strip()):
        if token == "all":
            if not local:
                raise pytest.UsageError(
                    f"--{name}-versions all: no {name} in {store.node_modules}; name the versions instead"
                )
            chosen += local
        elif token == "supported":
            chosen += SUPPORTED[name]
        elif token == "latest":
            chosen.append(store.newest(name))
        elif token == "pre":
            chosen.append(store.newest(name, prerelease=True))
        else:
            chosen.append(token)
    return list(dict.fromkeys(chosen)), default


def _unknown(store: Store, name: str, versions: Sequence[str]) -> list[str]:
    """The versions of `versions` that npm does not have (asked only for versions
    that are neither installed nor in the support table)."""
    asked = [v for v in versions if not store.is_local(name, v) and v not in SUPPORTED[name]]
    return [v for v in asked if v not in store.npm_versions(name)] if asked else []


def _matrix(config: pytest.Config) -> tuple[list[Spec], dict[str, str]]:
    """Every selected Spec and each interpreter's default version, worked out
    once per run; the tools the selection needs are checked here, all at once."""
    if _MATRIX in config.stash:
        return config.stash[_MATRIX]
    store = config.stash[_STORE]
    runtimes = _names(config, "runtimes", RUNTIMES)
    specs, defaults = [], {}
    try:
        for name in _names(config, "interpreters", INTERPRETERS):
            versions, defaults[name] = _versions(store, name, config.getoption(f"{name}_versions"))
            unknown = _unknown(store, name, versions)
            if unknown:
                raise pytest.UsageError(f"--{name}-versions: npm has no {name} {', '.join(unknown)}")
            specs += [Spec(name, runtime, version) for version in versions for runtime in runtimes]
        packages = [(spec.name, spec.version) for spec in specs]
        if any(r in PYSCRIPT_RUNTIMES for r in runtimes):
            pyscript = _pyscript_version(config)
            if _unknown(store, PYSCRIPT, [pyscript]):
                raise pytest.UsageError(f"--pyscript-version: npm has no @pyscript/core {pyscript}")
            packages.append((PYSCRIPT, pyscript))
        needed = ["node"] if "node" in runtimes else []
        if any(r in BROWSER_RUNTIMES for r in runtimes):
            needed += ["chromium", "chromedriver"]
        if not all(store.is_local(name, version) for name, version in packages):
            needed += ["node", "npm"]
        tools.require(needed)
    except (tools.MissingTool, NpmError) as exc:
        raise pytest.UsageError(str(exc)) from None
    config.stash[_MATRIX] = specs, defaults
    return specs, defaults


def _pyscript_version(config: pytest.Config) -> str:
    return str(config.getoption("pyscript_version") or config.stash[_STORE].default_version(PYSCRIPT))


def _wanted(item: pytest.Item, spec: Spec) -> bool:
    """False when the item's `interpreters`/`runtimes` markers leave `spec` out, or
    `spec`'s interpreter is not one pytest-pyodide tests run on (for such a test)."""
    names = getattr(item, "fixturenames", ())
    if any(name in names for name in pytest_pyodide_compat.SELENIUM_FIXTURES):
        if spec.name not in _pytest_pyodide_interpreters(item.config):
            return False
    for marker, value in (("interpreters", spec.name), ("runtimes", spec.runtime)):
        mark = item.get_closest_marker(marker)
        if mark is not None and value not in mark.args:
            return False
    return True


def _isolated(node: pytest.Item | pytest.Function | Any, fixturenames: Sequence[str]) -> bool:
    marked = any(node.get_closest_marker(name) is not None for name in ("isolated", "fresh_page"))
    return marked or "selenium_standalone" in fixturenames


def _pytest_pyodide_interpreters(config: pytest.Config) -> list[str]:
    value = config.getoption("pytest_pyodide_interpreters") or config.getini("pytest_pyodide_interpreters")
    names = [n.strip() for n in str(value).split(",") if n.strip()]
    unknown = [n for n in names if n not in INTERPRETERS]
    if unknown:
        raise pytest.UsageError(
            f"--pytest-pyodide-interpreters: unknown {unknown}; choose from {INTERPRETERS}"
        )
    return names


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test taking `interp` gets the whole matrix, in the same order (so
    pytest groups each spec's tests, whatever their markers, and a module's
    shared interpreter starts once); the markers' leftovers are dropped below."""
    if "interp" not in metafunc.fixturenames:
        return
    try:
        specs, defaults = _matrix(metafunc.config)
    except pytest.UsageError as exc:  # reported once, after collection (see below)
        metafunc.config.stash[_PROBLEM] = str(exc)
        specs, defaults = [], {}
    ids = [spec.id(defaults[spec.name]) for spec in specs]
    if _isolated(metafunc.definition, metafunc.fixturenames):
        specs = [spec._replace(fresh=metafunc.definition.nodeid) for spec in specs]
    metafunc.parametrize(_SPEC, specs, ids=ids, indirect=True, scope="module")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each parameter set of an `isolated` test gets its own fresh interpreter.
    Items whose `interpreters`/`runtimes` markers leave their spec out are
    dropped; a test left with none (e.g. `runtimes("chrome")` in a Node-only
    run) is reported deselected, not skipped.  A missing tool or an unknown
    version stops the run here with one message (pytest's usage error)."""
    if _PROBLEM in config.stash:
        raise pytest.UsageError(config.stash[_PROBLEM])
    keep, dropped = [], []
    kept_functions = set()
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is None or _SPEC not in callspec.params:
            keep.append(item)
            continue
        spec = callspec.params[_SPEC]
        function = (item.nodeid.split("[", 1)[0], item.parent.nodeid if item.parent else "")
        if not isinstance(spec, Spec) or not _wanted(item, spec):  # NOTSET: an empty matrix
            dropped.append((function, item))
            continue
        if spec.fresh:
            callspec.params[_SPEC] = spec._replace(fresh=item.nodeid)
        kept_functions.add(function)
        keep.append(item)
    if dropped:
        deselected = [item for function, item in dropped if function not in kept_functions]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
        items[:] = keep


# -- modules run inside --------------------------------------------------------
def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    if module_path.name != "__init__.py" and is_inside_module(parent.config, module_path):
        return InsideModule.from_parent(parent, path=module_path)
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    return True if run_inside_test(pyfuncitem) else None


# -- fixtures -------------------------------------------------------------------
@pytest.fixture(scope="session")
def interp_setup(pytestconfig: pytest.Config) -> InterpSetup:
    """`--interp-files` and the ini key `interp_files`; override to add more:

    ```python
    @pytest.fixture(scope="session")
    def interp_setup(interp_setup):
        return interp_setup.replace(wheels=[Path("dist/mypkg-1.0-py3-none-any.whl")])
    ```
    """
    paths = [Path(p) for p in pytestconfig.getini("interp_files")]
    for value in pytestconfig.getoption("interp_files"):
        paths += [Path(p.strip()) for p in value.split(",") if p.strip()]
    return InterpSetup(
        files=user_files.collect(paths), pyodide_packages=pytest_pyodide_compat.requested_packages()
    )


def _rooted(config: pytest.Config, value: object) -> object:
    """A str or Path naming a file: a Path, relative to pytest's rootdir."""
    return config.rootpath / value if isinstance(value, str | Path) else value


@pytest.fixture
def pyscript_page(request: pytest.FixtureRequest) -> Page:
    """The PyScript page of the `pyscript` and `pyscript-worker` runtimes: the
    closest `pyscript_page(...)` marker's keywords (`body` HTML or an HTML file,
    `head`, `config` a dict or a .json/.toml file, `script` the app's Python
    file; file names relative to the rootdir), served from the rootdir.  Override
    it for more:

    ```python
    @pytest.fixture
    def pyscript_page(pyscript_page):
        return pyscript_page.replace(body=Path("app/body.html"), script=Path("app/main.py"))
    ```
    """
    config = request.config
    options = dict(marker.kwargs) if (marker := request.node.get_closest_marker("pyscript_page")) else {}
    for key in ("config", "script"):
        if key in options:
            options[key] = _rooted(config, options[key])
    if isinstance(options.get("body"), Path):
        options["body"] = _rooted(config, options["body"])
    options.setdefault("root", config.rootpath)
    options.setdefault("pyscript_version", _pyscript_version(config))
    return Page(**options)


class _Shared:
    """The one interpreter a module's tests share (another spec or page closes the old one)."""

    def __init__(self) -> None:
        self.key: tuple[Spec, Page | None] | None = None
        self.instance: Interp | None = None

    def get(self, spec: Spec, setup: InterpSetup, store: Store, page: Page | None) -> Interp:
        if self.key != (spec, page) or self.instance is None:
            self.close()
            self.instance, self.key = start(spec, setup, store, page), (spec, page)
        return self.instance

    def close(self) -> None:
        instance, self.instance, self.key = self.instance, None, None
        if instance is not None:
            instance.close()


@pytest.fixture(scope="module")
def _interp_shared() -> Iterator[_Shared]:
    shared = _Shared()
    try:
        yield shared
    finally:
        shared.close()


@pytest.fixture(scope="module")
def _interp_spec(request: pytest.FixtureRequest) -> Spec:
    """The test's `Spec` (parametrized by `pytest_generate_tests`)."""
    spec: Spec = request.param
    return spec


@pytest.fixture
def interp(
    request: pytest.FixtureRequest,
    _interp_spec: Spec,
    _interp_shared: _Shared,
    interp_setup: InterpSetup,
    pyscript_page: Page,
) -> Iterator[Interp]:
    """The interpreter of the test's spec: the module's shared instance (a
    PyScript page reset for the test), or a fresh one closed after the test for
    an `isolated` test."""
    spec = _interp_spec
    store = request.config.stash[_STORE]
    page = pyscript_page if spec.runtime in PYSCRIPT_RUNTIMES else None
    if not spec.fresh:
        instance = _interp_shared.get(spec, interp_setup, store, page)
        instance.reset()
        yield instance
        return
    instance = start(spec, interp_setup, store, page)
    try:
        instance.reset()
        yield instance
    finally:
        instance.close()
