"""Bad input gets a ConversionError with the path of the value, never a crash,
and the interpreter keeps working afterwards (the paths and messages of every
kind of bad key and cycle are rows of the case table)."""

import pytest

from pytest_run_inside import run_inside


@pytest.mark.contract("errors.conversion", "to_js.key-other")
@run_inside
def test_tuple_dict_key_raises_conversion_error_with_path():
    from pyscript_ffi import ConversionError, to_js

    try:
        to_js({"a": [0, 1, 2, {(1, 2): 3}]})
        raise AssertionError("no error")
    except ConversionError as e:
        assert isinstance(e, TypeError)
        assert e.path == "$.a[3]"
        assert "(1, 2)" in str(e)
        assert "tuple" in str(e)


@pytest.mark.contract("errors.conversion")
@run_inside
def test_interpreter_keeps_working_after_conversion_error():
    from pyscript_ffi import ConversionError, js, to_js

    cycle = []
    cycle.append(cycle)
    try:
        to_js(cycle)
    except ConversionError:
        pass
    assert js.JSON.stringify(to_js({"ok": [1, 2]})) == '{"ok":[1,2]}'


@pytest.mark.contract("errors.js-exception", "to_js.dict-converter")
@run_inside
def test_js_error_in_converter_raises_js_exception():
    from probes import jsf

    from pyscript_ffi import JsException, to_js

    boom = jsf("pairs", "throw new RangeError('no pairs today')")
    try:
        to_js({"a": {"b": 1}}, dict_converter=boom)
        raise AssertionError("no error")
    except JsException as e:
        assert [e.name, e.message, e.path] == ["RangeError", "no pairs today", "$.a"]
