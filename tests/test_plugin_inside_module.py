"""A whole module run inside, on every interpreter version: plain and async tests,
a class, module-level helpers and imports, parametrize by value, and the small
`pytest` the interpreters get (raises, skip, approx, mark, param)."""

import asyncio

import js  # only inside: on the host a stand-in
import pytest

pytestmark = pytest.mark.run_inside(runtimes=["node"])

LIMIT = 3


def helper(n):
    return n * LIMIT


def test_module_helpers_and_globals_are_there():
    assert helper(2) == 6


@pytest.mark.parametrize("value, twice", [(b"\x01", b"\x01\x01"), ((1,), (1, 1)), ("ab", "abab")])
def test_parameters_arrive_by_value(value, twice):
    assert value * 2 == twice and type(value) is type(twice)


async def test_async_tests_are_awaited():
    await asyncio.sleep(0)
    assert helper(1) == 3


def test_raises_catches_and_matches():
    with pytest.raises(ZeroDivisionError, match="divi"):
        helper(1) / 0
    with pytest.raises((KeyError, IndexError)) as info:
        [][1]
    assert info.type is IndexError


def test_raises_fails_when_nothing_is_raised():
    try:
        with pytest.raises(ValueError):
            pass
    except AssertionError as e:
        assert "DID NOT RAISE ValueError" in str(e)
    else:
        raise AssertionError("no failure")


def test_approx():
    assert 0.1 + 0.2 == pytest.approx(0.3)
    assert [0.1 + 0.2, 1.0] == pytest.approx([0.3, 1.0])
    assert 0.31 != pytest.approx(0.3)


@pytest.mark.filterwarnings("ignore")
def test_marks_leave_functions_as_they_are_inside():
    assert pytest.param(1, 2) == (1, 2)


def test_the_module_imports_ran_inside():
    assert js.Math.max(6, 7) == 7


class TestInAClass:
    def test_a_method(self):
        assert helper(3) == 9


def test_skip_raises_the_skip_outcome():
    # (the host turns it into a skip: tests/test_plugin.py's example project shows one)
    try:
        pytest.skip("not here")
    except BaseException as e:  # noqa: BLE001 - pytest's Skipped is a BaseException
        assert type(e).__name__ == "Skipped" and str(e) == "not here"
    else:
        raise AssertionError("pytest.skip did not raise")
