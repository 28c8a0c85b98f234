"""to_js: Python values become the same JavaScript values on every interpreter."""

import pytest

SHOW = "from pyscript_ffi import js, to_js\nshow = js.__show\n"
# Compared in JS: a raw JsProxy `==` is identity on MicroPython <= 1.25.
IS_PLAIN = "is_plain = js.Function.new('o', 'return Object.getPrototypeOf(o) === Object.prototype')\n"


def shown(interp, expr):
    """What `to_js(<expr>)` looks like in JS (see pyscript_ffi_host/js/show.js)."""
    return interp.run(SHOW + f"result = show(to_js({expr}))")


def test_dict_becomes_plain_object(interp):
    assert shown(interp, '{"a": 1, "b": "x"}') == '{"a":1,"b":"x"}'


def test_list_becomes_array(interp):
    assert shown(interp, "[1, 'two', 3.5]") == '[1,"two",3.5]'


def test_tuple_becomes_array(interp):
    assert shown(interp, "(1, (2, 3))") == "[1,[2,3]]"


def test_none_in_container_becomes_null(interp):
    assert shown(interp, '{"a": None, "b": [None]}') == '{"a":null,"b":[null]}'


def test_small_int_keys_are_kept(interp):
    assert (
        shown(interp, "{0: 'a', 1: 'b', 2: 'c', 3: 'd', 4: 'e'}")
        == '{"0":"a","1":"b","2":"c","3":"d","4":"e"}'
    )


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2**31", "2147483648"),
        ("-2**31 - 1", "-2147483649"),
        ("2**40", "1099511627776"),
        ("2**53 - 1", "9007199254740991"),
        ("-(2**53 - 1)", "-9007199254740991"),
    ],
)
def test_int_beyond_32_bits_is_exact_number(interp, value, expected):
    assert shown(interp, f"[{value}]") == f"[{expected}]"


@pytest.mark.parametrize("value", ["2**53", "2**70", "-(2**64)"])
def test_int_beyond_safe_range_becomes_bigint(interp, value):
    assert shown(interp, f"[{value}]") == f"[{eval(value)}n]"


def test_string_keeps_nul_characters(interp):
    assert shown(interp, r'["a\x00b\x00"]') == r'["a\u0000b\u0000"]'


def test_string_keeps_astral_characters(interp):
    assert interp.run(SHOW + "result = to_js(['\\U0001F600'])[0] == '\\U0001F600'") is True


def test_result_has_object_prototype(interp):
    code = SHOW + IS_PLAIN + "o = to_js({'a': 1})\nresult = is_plain(o)"
    assert interp.run(code) is True


def test_proto_key_becomes_own_property(interp):
    code = SHOW + IS_PLAIN + ("o = to_js({'__proto__': {'polluted': 1}})\nresult = [is_plain(o), show(o)]")
    assert interp.run(code) == [True, '{"__proto__":{"polluted":1}}']


def test_top_level_int_beyond_32_bits_crosses_exactly(interp):
    code = SHOW + "result = js.String(to_js(2**40))"
    assert interp.run(code) == "1099511627776"


def test_unconvertible_object_becomes_a_proxy_that_returns_it(interp):
    code = SHOW + (
        "class Thing:\n    pass\n"
        "thing = Thing()\n"
        "arr = to_js([thing])\n"
        "result = [js.Function.new('a', 'return typeof a[0]')(arr), arr[0] is thing]"
    )
    assert interp.run(code) == ["object", True]


def test_depth_leaves_deeper_containers_unconverted(interp):
    code = SHOW + (
        "inner = [2]\n"
        "arr = to_js([1, inner], depth=1)\n"
        "result = [js.Array.isArray(arr), js.Array.isArray(arr[1]), arr[1] is inner]"
    )
    assert interp.run(code) == [True, False, True]
