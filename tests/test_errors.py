"""Bad input gets a ConversionError with the path of the value, never a crash,
and the interpreter keeps working afterwards."""

IMPORTS = "from pyscript_ffi import js, to_js, ConversionError, JsException\n"


def conversion_error(interp, setup, expr):
    code = (
        IMPORTS
        + setup
        + f"""
try:
    to_js({expr})
    result = "no error"
except ConversionError as e:
    result = [type(e).__name__, isinstance(e, TypeError), e.path, str(e)]
"""
    )
    return interp.run(code)


def test_tuple_dict_key_raises_conversion_error_with_path(interp):
    name, is_type_error, path, text = conversion_error(interp, "", '{"a": [0, 1, 2, {(1, 2): 3}]}')
    assert (name, is_type_error, path) == ("ConversionError", True, "$.a[3]")
    assert "(1, 2)" in text and "tuple" in text


def test_self_containing_list_raises_circular_reference(interp):
    name, _, path, text = conversion_error(interp, "l = [1]\nl.append(l)\n", '{"x": l}')
    assert (name, path) == ("ConversionError", "$.x[1]")
    assert "circular reference" in text


def test_colliding_keys_raise_conversion_error(interp):
    name, _, path, text = conversion_error(interp, "", '{"k": {1: "int", "1": "str"}}')
    assert (name, path) == ("ConversionError", "$.k")
    assert '"1"' in text


def test_interpreter_keeps_working_after_conversion_error(interp):
    conversion_error(interp, "l = []\nl.append(l)\n", "l")
    assert interp.run(IMPORTS + "result = js.JSON.stringify(to_js({'ok': [1, 2]}))") == '{"ok":[1,2]}'


def test_js_error_in_converter_raises_js_exception(interp):
    code = (
        IMPORTS
        + """
boom = js.Function.new("pairs", "throw new RangeError('no pairs today')")
try:
    to_js({"a": {"b": 1}}, dict_converter=boom)
    result = "no error"
except JsException as e:
    result = [e.name, e.message, e.path]
"""
    )
    assert interp.run(code) == ["RangeError", "no pairs today", "$.a"]
