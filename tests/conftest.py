"""Every test that takes `interp` runs inside each interpreter x runtime.

pytest                                   # pyodide and micropython, node and chrome
pytest --interpreters micropython --runtimes node
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pyscript_ffi_host import artifacts
from pyscript_ffi_host.interp import Interp

SHOW_JS = (Path(__file__).parent / "js" / "show.js").read_text()

INTERPRETERS = ("pyodide", "micropython")
RUNTIMES = ("node", "chrome")
DEFAULT_VERSIONS = {"pyodide": "314.0.7", "micropython": "1.27.0"}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("pyscript-ffi")
    group.addoption(
        "--interpreters", default=",".join(INTERPRETERS), help="comma-separated: pyodide,micropython"
    )
    group.addoption("--runtimes", default=",".join(RUNTIMES), help="comma-separated: node,chrome")


def _selected(config: pytest.Config, option: str, allowed: tuple[str, ...]) -> list[str]:
    names = [n.strip() for n in config.getoption(option).split(",") if n.strip()]
    unknown = set(names) - set(allowed)
    if unknown:
        raise pytest.UsageError(f"--{option}: unknown {sorted(unknown)}; choose from {allowed}")
    return names


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "interp" not in metafunc.fixturenames:
        return
    config = metafunc.config
    combos = [
        (name, runtime, DEFAULT_VERSIONS[name])
        for name in _selected(config, "interpreters", INTERPRETERS)
        for runtime in _selected(config, "runtimes", RUNTIMES)
    ]
    marker = metafunc.definition.get_closest_marker("interpreters")
    if marker is not None:
        combos = [c for c in combos if c[0] in marker.args]
    metafunc.parametrize(
        "interp", combos, ids=[f"{n}-{r}" for n, r, _ in combos], indirect=True, scope="module"
    )


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
