"""Every test that takes `interp` runs inside each interpreter x version x runtime.

pytest                                   # pyodide and micropython, newest versions, node and chrome
pytest --interpreters micropython --runtimes node
pytest --pyodide-versions all --micropython-versions 1.27.0,1.24.1

`--pyodide-versions` and `--micropython-versions` take comma-separated versions from
`VERSIONS` (newest first) or `all`; the default is the newest version only (CI time).

Test ids: the newest version keeps the short id `<interpreter>-<runtime>` (e.g. `pyodide-node`);
every older version puts its version in the id, `<interpreter>-<version>-<runtime>` (e.g.
`pyodide-0.27.7-node`, `micropython-1.24.1-chrome`), whatever else is selected.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pyscript_ffi_host import artifacts
from pyscript_ffi_host.cases import SHOW_JS
from pyscript_ffi_host.interp import Interp

INTERPRETERS = ("pyodide", "micropython")
RUNTIMES = ("node", "chrome")
#: Every supported version of each interpreter, newest first (each must be in package.json).
VERSIONS = {
    "pyodide": ("314.0.7", "0.29.5", "0.28.3", "0.27.7"),
    "micropython": ("1.27.0", "1.26.0", "1.25.0", "1.24.1"),
}
#: The newest version of each interpreter: the default selection, and ids without a version.
DEFAULT_VERSIONS = {name: versions[0] for name, versions in VERSIONS.items()}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("pyscript-ffi")
    group.addoption(
        "--interpreters", default=",".join(INTERPRETERS), help="comma-separated: pyodide,micropython"
    )
    group.addoption("--runtimes", default=",".join(RUNTIMES), help="comma-separated: node,chrome")
    for name in INTERPRETERS:
        group.addoption(
            f"--{name}-versions",
            default=DEFAULT_VERSIONS[name],
            help=f"comma-separated {name} versions, or 'all': {','.join(VERSIONS[name])}",
        )


def _selected(config: pytest.Config, option: str, allowed: tuple[str, ...]) -> list[str]:
    names = [n.strip() for n in config.getoption(option).split(",") if n.strip()]
    if names == ["all"]:
        return list(allowed)
    unknown = set(names) - set(allowed)
    if unknown:
        raise pytest.UsageError(
            f"--{option.replace('_', '-')}: unknown {sorted(unknown)}; choose from {allowed}"
        )
    return names


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "interp" not in metafunc.fixturenames:
        return
    config = metafunc.config
    combos = [
        (name, runtime, version)
        for name in _selected(config, "interpreters", INTERPRETERS)
        for version in _selected(config, f"{name}_versions", VERSIONS[name])
        for runtime in _selected(config, "runtimes", RUNTIMES)
    ]
    marker = metafunc.definition.get_closest_marker("interpreters")
    if marker is not None:
        combos = [c for c in combos if c[0] in marker.args]
    metafunc.parametrize("interp", combos, ids=[_id(*c) for c in combos], indirect=True, scope="module")


def _id(name: str, runtime: str, version: str) -> str:
    """`pyodide-node` for the newest version, `pyodide-0.27.7-node` for older ones."""
    if version == DEFAULT_VERSIONS[name]:
        return f"{name}-{runtime}"
    return f"{name}-{version}-{runtime}"


@pytest.fixture(scope="session")
def built() -> artifacts.Artifacts:
    """The wheel and the .mpy, built once per session if missing or stale."""
    return artifacts.ensure()


@pytest.fixture(scope="module")
def interp(request: pytest.FixtureRequest, built: artifacts.Artifacts) -> Iterator[Interp]:
    name, runtime, version = request.param
    instance = artifacts.start(name, runtime, version, built)
    try:
        instance.run_js(SHOW_JS)
        yield instance
    finally:
        instance.close()
