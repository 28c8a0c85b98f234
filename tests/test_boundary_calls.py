"""Guarded calls into arbitrary JS (`call`, `call_method`, `new`, `await_js`)
and async both ways: a JS throw or rejection is a catchable `JsException`
on every interpreter, never an escaped JS error."""

IMPORTS = (
    "from pyscript_ffi import js, call, call_method, new, await_js, create_proxy, JsException, JsProxy\n"
)


def js_exception(interp, statement):
    code = (
        IMPORTS
        + "try:\n    "
        + statement
        + "\n    result = 'no error'\nexcept JsException as e:\n    result = [e.name, e.message]"
    )
    return interp.run(code)


def test_call_turns_a_js_throw_into_js_exception(interp):
    thrower = "js.Function.new('m', 'throw new RangeError(m)')"
    assert js_exception(interp, "call(" + thrower + ", 'too far')") == ["RangeError", "too far"]


def test_call_of_a_function_read_as_attribute_is_guarded(interp):
    name, message = js_exception(interp, "call(js.JSON.parse, '{bad')")
    assert name == "SyntaxError" and message


def test_call_of_a_non_function_raises_js_exception(interp):
    name, _ = js_exception(interp, "call(js.Object.new(), 1)")
    assert name == "TypeError"


def test_a_thrown_non_error_value_is_named_by_its_type(interp):
    assert js_exception(interp, "call(js.Function.new('throw 42'))") == ["number", "42"]


def test_js_exception_carries_the_thrown_js_error(interp):
    code = IMPORTS + (
        "err = js.Function.new('return new TypeError(\"mine\")')()\n"
        "try:\n    call(js.Function.new('e', 'throw e'), err)\n"
        "except JsException as e:\n"
        "    result = js.Function.new('a', 'b', 'return a === b')(e.error, err)"
    )
    assert interp.run(code) is True


def test_interpreter_keeps_working_after_many_js_exceptions(interp):
    code = IMPORTS + (
        "caught = 0\n"
        "for i in range(300):\n"
        "    try:\n        call(js.JSON.parse, '{bad')\n"
        "    except JsException:\n        caught += 1\n"
        "def nested():\n    raise ValueError('still fine')\n"
        "try:\n    nested()\nexcept ValueError as e:\n    result = [caught, str(e)]"
    )
    assert interp.run(code) == [300, "still fine"]


def test_call_converts_arguments_like_to_js(interp):
    code = IMPORTS + (
        "show = js.Function.new('...a', 'return __show(a)')\n"
        "result = call(show, {'a': None}, 2**40, 2**70, (1, 2), {3}, b'\\x00')"
    )
    assert interp.run(code) == '[{"a":null},1099511627776,1180591620717411303424n,[1,2],Set{3},Uint8Array[0]]'


def test_call_returns_primitives_exact_and_objects_as_proxies(interp):
    code = IMPORTS + (
        "values = [call(js.Function.new('return ' + src)) for src in "
        "['2 ** 40', '2n ** 70n', '\"a\\\\0b\"', 'null', 'undefined', 'true', '-0.5']]\n"
        "obj = call(js.Function.new('return {k: [1]}'))\n"
        "result = [repr(v) for v in values] + [isinstance(obj, JsProxy), js.__show(obj)]"
    )
    assert interp.run(code) == [
        "1099511627776",
        "1180591620717411303424",
        "'a\\x00b'",
        "None",
        "None",
        "True",
        "-0.5",
        True,
        '{"k":[1]}',
    ]


def test_call_method_calls_with_the_object_as_this(interp):
    code = IMPORTS + (
        "obj = js.Function.new('return {n: 41, inc(by) { return this.n + by }}')()\n"
        "result = call_method(obj, 'inc', 1)"
    )
    assert interp.run(code) == 42


def test_call_method_of_a_missing_method_raises_js_exception(interp):
    assert js_exception(interp, "call_method(js.Object.new(), 'nothing')") == [
        "TypeError",
        '"nothing" is not a function but undefined',
    ]


def test_new_constructs_with_converted_arguments(interp):
    code = IMPORTS + "m = new(js.Map, [[1, 'one'], [2**60, 'big']])\nresult = js.__show(m)"
    assert interp.run(code) == 'Map{1=>"one",1152921504606846976n=>"big"}'


def test_new_turns_a_throwing_constructor_into_js_exception(interp):
    assert js_exception(interp, "new(js.URL, 'not a url')")[0] == "TypeError"


# ---- async -------------------------------------------------------------------
def test_coroutine_function_proxy_gives_js_a_real_promise(interp):
    code = IMPORTS + (
        "async def later():\n    return 1\n"
        "check = js.Function.new('f', 'const p = f(); "
        "return p instanceof Promise && p.constructor === Promise')\n"
        "result = check(create_proxy(later))"
    )
    assert interp.run_async(code) is True


def test_promise_resolves_to_the_converted_return_value(interp):
    code = IMPORTS + (
        "import asyncio\n"
        "async def later(x):\n    await asyncio.sleep(0.01)\n    return {'x': x, 'n': None, 'big': 2**60}\n"
        "show = js.Function.new('f', 'return f(2 ** 40).then((v) => __show(v))')\n"
        "result = await show(create_proxy(later))"
    )
    shown = interp.run_async(code)
    for part in ['"x":1099511627776', '"n":null', '"big":1152921504606846976n']:
        assert part in shown


def test_promise_rejects_with_an_error_naming_the_python_exception(interp):
    code = IMPORTS + (
        "import asyncio\n"
        "async def fails():\n    await asyncio.sleep(0)\n    raise ValueError('async nope')\n"
        "read = js.Function.new('f', 'return f().then(() => \"resolved\", "
        '(e) => [e instanceof Error, e.name, e.message].join("|"))\')\n'
        "result = await read(create_proxy(fails))"
    )
    assert interp.run_async(code) == "true|PythonError|ValueError: async nope"


def test_python_awaits_a_js_promise(interp):
    code = IMPORTS + (
        "later = js.Function.new('return new Promise((r) => setTimeout(() => r(\"done\"), 10))')\n"
        "result = await later()"
    )
    assert interp.run_async(code) == "done"


def test_await_js_gives_the_resolved_value_exactly(interp):
    code = IMPORTS + "result = repr(await await_js(js.Function.new('return Promise.resolve(2 ** 40)')()))"
    assert interp.run_async(code) == "1099511627776"


def test_await_js_raises_js_exception_on_rejection(interp):
    code = IMPORTS + (
        "late = js.Function.new('return new Promise((_, no) => "
        'setTimeout(() => no(new TypeError("late")), 10))\')\n'
        "try:\n    await await_js(late())\n    result = 'no error'\n"
        "except JsException as e:\n    result = [e.name, e.message]"
    )
    assert interp.run_async(code) == ["TypeError", "late"]


def test_await_js_of_a_promise_from_call(interp):
    code = IMPORTS + (
        "p = call(js.Function.new('x', 'return Promise.resolve({v: x})'), 7)\n"
        "result = js.__show(await await_js(p))"
    )
    assert interp.run_async(code) == '{"v":7}'


def test_await_js_inside_a_proxied_coroutine(interp):
    code = IMPORTS + (
        "async def handler():\n"
        "    try:\n        await await_js(js.Function.new('return Promise.reject(new Error(\"inner\"))')())\n"
        "    except JsException as e:\n        return 'caught ' + e.message\n"
        "run = js.Function.new('f', 'return f()')\n"
        "result = await run(create_proxy(handler))"
    )
    assert interp.run_async(code) == "caught inner"
