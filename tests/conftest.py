"""Project specifics on top of the plugin (pytest-run-inside, `plugin/`, installed as a wheel):
every interpreter gets pyscript_ffi as users install it (the wheel on Pyodide,
the `.mpy` on MicroPython) and `globalThis.__show` from `pyscript_ffi_host/cases/show.js`; the `contract`
marker names the rows of docs/contract.md a test proves.

The options (`--interpreters`, `--runtimes`, `--pyodide-versions`,
`--micropython-versions`, `--interp-files`), the `interp` fixture, its ids
(`pyodide-node`, `micropython-1.24.1-chrome`) and the markers come from the plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pyscript_ffi_host import artifacts
from pyscript_ffi_host.cases import SHOW_JS

if TYPE_CHECKING:
    from pytest_run_inside import InterpSetup

pytest_plugins = ("pytester",)  # pytest-run-inside comes through its pytest11 entry point


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "contract(*rows): the rows of docs/contract.md this test proves (pyscript_ffi_host/contract.py)",
    )


#: Test modules that mostly wait on processes of their own (a fresh clone's nox sessions): run
#: first, so that under `-n 2 --dist loadscope` one worker waits on them while the other works.
FIRST = ("test_fresh_clone.py",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.name not in FIRST)  # stable: the rest keep their order


@pytest.fixture(scope="session")
def built() -> artifacts.Artifacts:
    """The wheel and the .mpy, built once per session if missing or stale."""
    return artifacts.ensure()


@pytest.fixture(scope="session")
def interp_setup(interp_setup: InterpSetup, built: artifacts.Artifacts) -> InterpSetup:
    return interp_setup.replace(
        wheels=[*interp_setup.wheels, built.wheel],
        micropython_files={**interp_setup.micropython_files, "/pyscript_ffi.mpy": built.mpy},
        js=[*interp_setup.js, SHOW_JS],
    )
