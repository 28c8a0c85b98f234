"""The conformance table (pyscript_ffi_host/cases/), run unchanged on every
interpreter: each case proves one row of docs/contract.md with its exact observation."""

import pytest

from pyscript_ffi_host.cases import CASES, OURS, judge, program
from pytest_run_inside import run_inside


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(interp, case):
    problem = judge(case, interp.run(program(case, OURS[interp.name])))
    assert problem is None, problem


@pytest.mark.contract("to_js.depth")
@pytest.mark.interpreters("pyodide")
@run_inside
def test_depth_converts_as_many_levels_as_pyodides_own_to_js():
    import js as raw_js
    from pyodide.ffi import to_js as pyodide_to_js

    from pyscript_ffi import js, to_js

    class Thing:
        pass

    shared = [1]
    values = [
        [1, [2, [3, [4, [5]]]]],
        {"a": {"b": {"c": {"d": 1}}}, "e": [1, {"f": [2]}]},
        [{1, 2}, (1, (2, (3,)))],  # (a frozenset stays a proxy in Pyodide's own to_js: ours makes a Set)
        [b"a", [bytearray(b"b"), [memoryview(b"c")]]],
        [shared, [shared, [shared]]],
        [Thing(), [Thing()]],
        [2**60, "s", True, 1.5, [-(2**70)]],  # (None: null here, undefined there, a known difference)
        (),
        {},
        b"top",
        {1, 2},
        "text",
        42,
    ]
    from_entries = raw_js.Object.fromEntries  # (Pyodide < 0.28 makes a dict a Map)
    # each result as JS gets it through its own FFI (Pyodide's: at depth 0 the Python object,
    # which the raw FFI hands to JS as a PyProxy)
    for value in values:
        for depth in range(7):
            theirs = raw_js.__show(pyodide_to_js(value, depth=depth, dict_converter=from_entries))
            ours = js.__show(to_js(value, depth=depth))
            assert ours == theirs, (value, depth, ours, theirs)
    # beyond `depth` every object goes to the default_converter
    for value in (Thing(), [Thing(), [Thing(), [Thing()]]], [[1], {"a": [2]}, {3}, b"x", (4,)]):
        for depth in range(5):
            theirs = raw_js.__show(
                pyodide_to_js(
                    value, depth=depth, default_converter=lambda v, c, k: "D", dict_converter=from_entries
                )
            )
            ours = js.__show(to_js(value, depth=depth, default_converter=lambda v, c, k: "D"))
            assert ours == theirs, (value, depth, ours, theirs)
