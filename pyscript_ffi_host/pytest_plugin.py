"""pytest plugin: run tests inside Pyodide and MicroPython, on Node and in Chromium.

Loaded by the `pytest11` entry point of the `pyscript-ffi-host` distribution
(`host/pyproject.toml`), or with ``-p pyscript_ffi_host.pytest_plugin``.

```python
from pyscript_ffi_host.pytest_plugin import run_inside

@run_inside                          # the body runs inside each interpreter
def test_greet():
    from greet import greet          # a user module, copied in with --interp-files
    assert greet("py") == "Hello, py!"

def test_from_the_host(interp):      # or drive the interpreter from the host
    assert interp.run("result = 6 * 7") == 42
```

Every test that takes `interp` (or is made by `run_inside`) runs once per
interpreter x version x runtime selected by the options below:

```bash
pytest                                   # pyodide and micropython, newest versions, node and chrome
pytest --interpreters micropython --runtimes node
pytest --pyodide-versions 0.27.7 --micropython-versions all
pytest --interp-files src/mypkg          # copy a package into every interpreter
```

Versions are the installed npm packages (`interpreters.installed_versions`); the
default is the newest of each.  Ids: the newest version gives `<interpreter>-<runtime>`
(`pyodide-node`), older ones `<interpreter>-<version>-<runtime>` (`micropython-1.24.1-chrome`).

Markers: `interpreters(*names)` and `runtimes(*names)` narrow a test's matrix;
`isolated` gives a test its own fresh interpreter instead of the one its module shares.

Fixtures: `interp` (module-scoped: one instance per module and spec) and
`interp_setup`, the `InterpSetup` every new interpreter gets; override it in a
`conftest.py` to install more (wheels, MicroPython files, JS to run first).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from . import artifacts, user_files
from .inside_tests import run_inside
from .interp import Interp
from .interpreters import INTERPRETERS, RUNTIMES, Spec, installed_versions

__all__ = ["InterpSetup", "run_inside", "start"]


@dataclass(frozen=True)
class InterpSetup:
    """What every interpreter the plugin starts gets, in this order.

    - `wheels`: micropip-installed on Pyodide (pure-Python wheels).
    - `micropython_files`: absolute FS path -> contents, written before MicroPython
      starts (e.g. ``{"/mypkg.mpy": Path("build/mypkg.mpy")}``); their folders go on sys.path.
    - `files`: relative path -> bytes, written under `user_files.ROOT` in both
      interpreters (first on sys.path); `--interp-files` fills it.
    - `js`: bodies of async JS functions run in the interpreter's realm.
    """

    wheels: Sequence[Path] = ()
    micropython_files: Mapping[str, bytes | str | Path] = field(default_factory=dict)
    files: Mapping[str, bytes] = field(default_factory=dict)
    js: Sequence[str] = ()

    def replace(self, **changes: object) -> InterpSetup:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def start(spec: Spec, setup: InterpSetup) -> Interp:
    """A running interpreter for `spec` with `setup` applied."""
    instance = artifacts.launch(
        spec.name, spec.runtime, spec.version, wheels=setup.wheels, micropython_files=setup.micropython_files
    )
    try:
        if setup.files:
            user_files.install(instance, setup.files)
        for body in setup.js:
            instance.run_js(body)
    except BaseException:
        instance.close()
        raise
    return instance


# -- options --------------------------------------------------------------------
def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("pyscript-ffi", "run tests inside Pyodide and MicroPython")
    group.addoption(
        "--interpreters", default=",".join(INTERPRETERS), help="comma-separated: pyodide,micropython"
    )
    group.addoption("--runtimes", default=",".join(RUNTIMES), help="comma-separated: node,chrome")
    for name in INTERPRETERS:
        group.addoption(
            f"--{name}-versions",
            default=None,
            help=f"comma-separated {name} versions installed from npm, or 'all' (default: the newest)",
        )
    group.addoption(
        "--interp-files",
        action="append",
        default=[],
        metavar="PATH",
        help="a file or folder (comma-separated or repeated) copied into every interpreter's "
        f"filesystem under {user_files.ROOT}, which is first on sys.path (adds to the ini key interp_files)",
    )
    parser.addini(
        "interp_files",
        type="paths",
        default=[],
        help="files or folders copied into every interpreter (relative to the ini file)",
    )


def pytest_configure(config: pytest.Config) -> None:
    for line in (
        "interpreters(*names): run only on these interpreters (pyodide, micropython)",
        "runtimes(*names): run only on these runtimes (node, chrome)",
        "isolated: give this test a fresh interpreter of its own",
    ):
        config.addinivalue_line("markers", line)


def _selected(config: pytest.Config, option: str, allowed: Sequence[str], default: str) -> list[str]:
    value = config.getoption(option) or default
    names = [n.strip() for n in value.split(",") if n.strip()]
    if names == ["all"]:
        return list(allowed)
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise pytest.UsageError(f"--{option.replace('_', '-')}: unknown {unknown}; choose from {allowed}")
    return names


_VERSIONS = pytest.StashKey[dict[str, tuple[str, ...]]]()


def _versions(config: pytest.Config) -> dict[str, tuple[str, ...]]:
    """`installed_versions()`, read once per run."""
    if _VERSIONS not in config.stash:
        config.stash[_VERSIONS] = installed_versions()
    return config.stash[_VERSIONS]


def _specs(config: pytest.Config) -> list[Spec]:
    versions = _versions(config)
    specs = []
    for name in _selected(config, "interpreters", INTERPRETERS, ""):
        if not versions[name]:
            raise pytest.UsageError(f"no {name} installed in node_modules (npm install it)")
        for version in _selected(config, f"{name}_versions", versions[name], versions[name][0]):
            specs += [Spec(name, runtime, version) for runtime in _selected(config, "runtimes", RUNTIMES, "")]
    return specs


def _marked(metafunc: pytest.Metafunc, marker: str) -> tuple[str, ...] | None:
    mark = metafunc.definition.get_closest_marker(marker)
    return None if mark is None else tuple(mark.args)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "interp" not in metafunc.fixturenames:
        return
    newest = {name: versions[0] for name, versions in _versions(metafunc.config).items() if versions}
    specs = _specs(metafunc.config)
    for marker, index in (("interpreters", 0), ("runtimes", 1)):
        names = _marked(metafunc, marker)
        if names is not None:
            specs = [s for s in specs if s[index] in names]
    ids = [spec.id(newest[spec.name]) for spec in specs]
    if metafunc.definition.get_closest_marker("isolated") is not None:
        specs = [spec._replace(fresh=metafunc.definition.nodeid) for spec in specs]
    metafunc.parametrize("interp", specs, ids=ids, indirect=True, scope="module")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each parameter set of an `isolated` test gets its own fresh interpreter; a test
    whose markers leave no selected interpreter x runtime (e.g. `runtimes("chrome")`
    in a Node-only run) is deselected, not skipped."""
    keep, drop = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is None or "interp" not in callspec.params:
            keep.append(item)
            continue
        spec = callspec.params["interp"]
        if not isinstance(spec, Spec):  # pytest's NOTSET for an empty parameter set
            drop.append(item)
            continue
        if spec.fresh:
            callspec.params["interp"] = spec._replace(fresh=item.nodeid)
        keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


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
    return InterpSetup(files=user_files.collect(paths))


class _Shared:
    """The one interpreter a module's tests share (a new spec closes the old one)."""

    def __init__(self) -> None:
        self.spec: Spec | None = None
        self.instance: Interp | None = None

    def get(self, spec: Spec, setup: InterpSetup) -> Interp:
        if self.spec != spec or self.instance is None:
            self.close()
            self.instance, self.spec = start(spec, setup), spec
        return self.instance

    def close(self) -> None:
        instance, self.instance, self.spec = self.instance, None, None
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
def interp(
    request: pytest.FixtureRequest, _interp_shared: _Shared, interp_setup: InterpSetup
) -> Iterator[Interp]:
    """The interpreter of the test's parameter: the module's shared instance, or
    a fresh one closed after the test for an `isolated` test."""
    spec: Spec = request.param
    if not spec.fresh:
        yield _interp_shared.get(spec, interp_setup)
        return
    instance = start(spec, interp_setup)
    try:
        yield instance
    finally:
        instance.close()
