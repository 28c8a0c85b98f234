"""is_none, create_proxy, assign, JsProxy: the rest of the foundation API."""

import pytest

IMPORTS = "from pyscript_ffi import *\nfrom pyscript_ffi import js\n"
# Compared in JS: a raw JsProxy `==` is identity on MicroPython <= 1.25.
IS_PLAIN = "is_plain = js.Function.new('o', 'return Object.getPrototypeOf(o) === Object.prototype')\n"


def test_public_names_are_exactly_the_documented_ones(interp):
    code = IMPORTS + "import pyscript_ffi\nresult = sorted(pyscript_ffi.__all__)"
    assert interp.run(code) == sorted(
        [
            "js",
            "to_js",
            "to_py",
            "create_proxy",
            "create_once_callable",
            "is_none",
            "assign",
            "direct",
            "gather",
            "query",
            "JsProxy",
            "JsException",
            "ConversionError",
            "live_proxies",
            "call",
            "call_method",
            "new",
            "await_js",
        ]
    )


@pytest.mark.parametrize("expr", ["None", "js.JSON.parse('null')", "js.Function.new('return undefined')()"])
def test_is_none_is_true_for_none_null_and_undefined(interp, expr):
    assert interp.run(IMPORTS + f"result = is_none({expr})") is True


@pytest.mark.parametrize("expr", ["0", "''", "False", "[]", "{}", "js.Object.new()", "js.JSON.parse('0')"])
def test_is_none_is_false_for_falsy_values(interp, expr):
    assert interp.run(IMPORTS + f"result = is_none({expr})") is False


def test_js_objects_are_js_proxies(interp):
    assert interp.run(IMPORTS + "result = isinstance(js.Object.new(), JsProxy)") is True


def test_create_proxy_gives_a_js_function_calling_python(interp):
    code = IMPORTS + (
        "f = create_proxy(lambda a, b: a * b)\n"
        "result = [js.Function.new('f', 'return typeof f')(f), js.Function.new('f', 'return f(6, 7)')(f)]"
    )
    assert interp.run(code) == ["function", 42]


def test_create_proxy_result_is_converted_like_to_js(interp):
    code = IMPORTS + (
        "f = create_proxy(lambda: [{'n': None}, {'big': 2**40}])\n"
        "call = js.Function.new('f', 'return __show(f())')\n"
        "result = call(f)"
    )
    assert interp.run(code) == '[{"n":null},{"big":1099511627776}]'


def test_create_proxy_twice_gives_the_same_js_function(interp):
    code = IMPORTS + (
        "def handler(e):\n    pass\n"
        "same = js.Function.new('a', 'b', 'return a === b')\n"
        "result = same(create_proxy(handler), create_proxy(handler))"
    )
    assert interp.run(code) is True


def test_python_exception_reaches_js_as_error(interp):
    code = IMPORTS + (
        "def bad():\n    raise ValueError('nope')\n"
        "probe = js.Function.new('f', 'try { f(); return \"no error\" } "
        'catch (e) { return [e instanceof Error, e.message].join("|") }\')\n'
        "result = probe(create_proxy(bad))"
    )
    assert interp.run(code) == "true|ValueError: nope"


def test_assign_merges_sources_in_order_and_returns_target(interp):
    code = IMPORTS + (
        "target = js.Object.new()\n"
        "out = assign(target, {'a': 1}, {'b': 1}, {'b': 2})\n"
        "result = [out == target, js.__show(target)]"
    )
    assert interp.run(code) == [True, '{"a":1,"b":2}']


def test_assign_proto_key_never_changes_prototype(interp):
    code = (
        IMPORTS
        + IS_PLAIN
        + (
            "target = assign(js.Object.new(), {'__proto__': {'polluted': True}})\n"
            "result = [is_plain(target), js.__show(target)]"
        )
    )
    assert interp.run(code) == [True, '{"__proto__":{"polluted":true}}']


def test_once_callable_throws_on_second_call_and_is_released(interp):
    code = IMPORTS + (
        "before = live_proxies()\n"
        "f = create_once_callable(lambda x: x + 1)\n"
        "twice = js.Function.new('f', 'const a = f(1); try { f(2); return [a, \"no error\"] } "
        "catch (e) { return [a, e instanceof Error] }')\n"
        "first, second = twice(f)\n"
        "result = [first, second, live_proxies() - before]"
    )
    assert interp.run(code) == [2, True, 0]
