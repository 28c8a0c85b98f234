"""pyscript_ffi behaviours written as `@run_inside` tests: each body runs inside
every selected interpreter, with its arguments passed in as JSON."""

import pytest

from pytest_run_inside import run_inside


@run_inside
def test_round_trip_keeps_nested_values():
    from pyscript_ffi import to_js, to_py

    value = {"list": [1, 2.5, "three", None, True], "nested": {"big": 2**40}}
    assert to_py(to_js(value)) == value


@pytest.mark.parametrize("n", [2**31, -(2**31) - 1, 2**53 - 1])
@run_inside
def test_int_beyond_32_bits_reaches_js_exactly(n):
    from pyscript_ffi import js, to_js

    assert js.__show(to_js([n])) == "[" + str(n) + "]"


@pytest.mark.parametrize(
    "text, shown", [("a\x00b", '["a\\u0000b"]'), ("caf\u00e9", '["caf\u00e9"]'), ("", '[""]')]
)
@run_inside
def test_string_in_a_list_reaches_js_whole(text, shown):
    from pyscript_ffi import js, to_js

    assert js.__show(to_js([text])) == shown


@run_inside
def test_conversion_error_names_the_path_and_the_interpreter_keeps_working():
    from pyscript_ffi import ConversionError, to_js

    try:
        to_js({"a": [0, {(1, 2): 3}]})
        raise AssertionError("no ConversionError")
    except ConversionError as e:
        assert e.path == "$.a[1]"
    assert to_js([1]).length == 1


@run_inside
def test_create_proxy_gives_the_same_js_function_for_the_same_callable():
    from pyscript_ffi import create_proxy, js

    def handler():
        return 7

    same = js.Function.new("a", "b", "return a === b")
    assert same(create_proxy(handler), create_proxy(handler)) is True


@run_inside
async def test_awaiting_a_js_promise_gives_its_value():
    from pyscript_ffi import js, to_py

    value = await js.Promise.resolve(js.JSON.parse('{"x": [1, 2]}'))
    assert to_py(value) == {"x": [1, 2]}


@run_inside("micropython")
def test_micropython_js_null_is_none():
    from pyscript_ffi import is_none, js

    assert is_none(js.JSON.parse("null"))


# Isolation is plugin logic, the same for every interpreter: checked where starting one is cheapest.
@pytest.mark.isolated
@pytest.mark.parametrize("run", [1, 2])
@run_inside("micropython", runtimes=["node"])
def test_isolated_test_gets_a_fresh_interpreter_for_each_parameter_set(run):
    import sys

    assert "pyscript_ffi" not in sys.modules
    import pyscript_ffi  # noqa: F401 - leaves it imported for later tests


@run_inside("micropython", runtimes=["node"])
def test_the_shared_interpreter_outlives_an_isolated_test():
    import sys

    assert "pyscript_ffi" in sys.modules
