"""The plugin's by-value crossing, on every interpreter version: what a test's
arguments and a body's return value may be (beyond JSON), exact both ways, and a
clear error for what cannot cross.  The codec is the same Python on every
runtime, so Node is enough."""

import math

import pytest

from pytest_run_inside import run_inside

VALUES = [
    None, True, 0, -1, 2**53, -(2**70), 1.5, -0.0, math.inf, -math.inf, "", "a\x00\U0001f600",
    b"", b"\x00\xff", bytearray(b"ab"), [], (), (1,), [1, (2, [3])], {1, 2}, frozenset({"x"}),
    {}, {"k": b"v"}, {(1, "t"): {2: None}, 3.5: [b"\x01"]}, [{"nested": ({b"b"}, (frozenset(),))}],
]  # fmt: skip

pytestmark = pytest.mark.runtimes("node")


@run_inside
def echo(value):
    return value


@run_inside
def type_names(value):
    def walk(v):
        if isinstance(v, (list, tuple)):
            return [type(v).__name__, [walk(x) for x in v]]
        if isinstance(v, dict):
            return ["dict", [[walk(k), walk(x)] for k, x in v.items()]]
        if isinstance(v, (set, frozenset)):
            return [type(v).__name__, sorted(walk(x) for x in v)]
        return type(v).__name__

    return walk(value)


def _names(value):
    if isinstance(value, list | tuple):
        return [type(value).__name__, [_names(x) for x in value]]
    if isinstance(value, dict):
        return ["dict", [[_names(k), _names(x)] for k, x in value.items()]]
    if isinstance(value, set | frozenset):
        return [type(value).__name__, sorted(_names(x) for x in value)]
    return type(value).__name__


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_value_crosses_both_ways_exactly(interp, value):
    back = echo(interp, value)
    assert back == value and type(back) is type(value)
    assert repr(back) == repr(value)  # -0.0 stays -0.0


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_inside_the_value_has_the_same_types(interp, value):
    assert type_names(interp, value) == _names(value)


def test_nan_crosses(interp):
    assert math.isnan(echo(interp, math.nan))


def test_an_argument_that_cannot_cross_is_a_clear_error(interp):
    with pytest.raises(TypeError, match=r"type object cannot go by value \(at \$\['value'\]\[1\]\)"):
        echo(interp, [1, object()])


@run_inside
def returns_a_js_object():
    import js

    return js.Object.new()


def test_a_result_that_cannot_cross_is_a_clear_failure(interp):
    with pytest.raises(pytest.fail.Exception, match="cannot go by value .at <the returned value>"):
        returns_a_js_object(interp)
