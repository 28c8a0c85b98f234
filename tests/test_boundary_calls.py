"""Calls across the JS boundary, the same on every interpreter (SPEC "Proxies"
and "Errors"): JS functions of Python callables (lifetimes, identity, calling
convention, errors, events, leaks), guarded calls into arbitrary JS (`call`,
`call_method`, `new`, `await_js`: a JS throw or rejection is a catchable
`JsException`, never an escaped JS error) and async both ways.

One module, so that each interpreter starts once for all of them."""

import pytest

IMPORTS = "from pyscript_ffi import js, create_proxy, create_once_callable, live_proxies\n"
CALLS = "from pyscript_ffi import js, call, call_method, new, await_js, create_proxy, JsException, JsProxy\n"

# `probe(f)`: JS calls `f` and reports what happened as text, never throwing.
PROBE = (
    "probe = js.Function.new('f', 'args', "
    '\'try { return "ok " + __show(f(...(args || []))) } '
    'catch (e) { return [e instanceof Error, e.name, e.message].join("|") }\')\n'
)
#: JS: the interpreter's wasm memory size in bytes (Pyodide's HEAP8, MicroPython's memory
#: caught by the harness bridge, see `micropython_bridge.mjs`).
WASM_BYTES = (
    "return globalThis.pyodide ? pyodide._module.HEAP8.length "
    ": pyscriptFfiBridge.wasmMemory.buffer.byteLength;"
)
#: Measured growth of the wasm memory over each leak test's 100,000 cycles (after 2,000
#: warm-up cycles) on every interpreter in the matrix: 0 bytes (see README "Leaks").
#: The bound leaves room for one allocator growth step, far below a real leak
#: (~100 bytes a cycle would already be 10 MB).
WASM_GROWTH_BOUND = 4 << 20


def test_call_after_destroy_throws_a_catchable_js_error(interp):
    code = IMPORTS + PROBE + "f = create_proxy(lambda: 1)\nf.destroy()\nresult = probe(f, None)"
    assert interp.run(code) == "true|Error|pyscript_ffi: this proxy has been destroyed"


def test_destroy_twice_is_harmless(interp):
    code = IMPORTS + (
        "before = live_proxies()\n"
        "f = create_proxy(lambda: 1)\n"
        "f.destroy()\nf.destroy()\n"
        "result = live_proxies() - before"
    )
    assert interp.run(code) == 0


def test_interpreter_keeps_working_after_calls_to_destroyed_proxies(interp):
    code = (
        IMPORTS
        + PROBE
        + (
            "f = create_proxy(lambda: 1)\n"
            "f.destroy()\n"
            "for i in range(200):\n    probe(f, None)\n"
            "result = probe(create_proxy(lambda: 2), None)"
        )
    )
    assert interp.run(code) == "ok 2"


def test_create_proxy_after_destroy_gives_a_new_working_function(interp):
    code = (
        IMPORTS
        + PROBE
        + (
            "def handler():\n    return 'again'\n"
            "old = create_proxy(handler)\n"
            "old.destroy()\n"
            "new = create_proxy(handler)\n"
            "same = js.Function.new('a', 'b', 'return a === b')\n"
            "result = [same(old, new), probe(new, None)]"
        )
    )
    assert interp.run(code) == [False, 'ok "again"']


def test_same_bound_method_gives_the_same_js_function(interp):
    code = IMPORTS + (
        "class Counter:\n    def tick(self):\n        pass\n"
        "c = Counter()\n"
        "same = js.Function.new('a', 'b', 'return a === b')\n"
        "result = same(create_proxy(c.tick), create_proxy(c.tick))"
    )
    assert interp.run(code) is True


def test_different_callables_give_different_js_functions(interp):
    code = IMPORTS + (
        "same = js.Function.new('a', 'b', 'return a === b')\n"
        "result = same(create_proxy(lambda: 1), create_proxy(lambda: 1))"
    )
    assert interp.run(code) is False


def test_each_once_callable_is_a_new_js_function(interp):
    code = IMPORTS + (
        "def f():\n    pass\n"
        "same = js.Function.new('a', 'b', 'return a === b')\n"
        "result = same(create_once_callable(f), create_once_callable(f))"
    )
    assert interp.run(code) is False


def test_once_callable_is_released_when_it_raises(interp):
    code = (
        IMPORTS
        + PROBE
        + (
            "def bad():\n    raise ValueError('v')\n"
            "before = live_proxies()\n"
            "f = create_once_callable(bad)\n"
            "first = probe(f, None)\n"
            "result = [first, probe(f, None), live_proxies() - before]"
        )
    )
    assert interp.run(code) == [
        "true|PythonError|ValueError: v",
        "true|Error|pyscript_ffi: this proxy has been destroyed",
        0,
    ]


def test_return_value_is_converted_like_to_js(interp):
    code = (
        IMPORTS
        + PROBE
        + (
            "f = create_proxy(lambda: {'d': {'n': None}, 'big': 2**64, 'safe': 2**53 - 1, 't': (1, 'x')})\n"
            "plain = js.Function.new('f', 'return Object.getPrototypeOf(f().d) === Object.prototype')\n"
            "result = [probe(f, None), plain(f)]"
        )
    )
    shown, plain = interp.run(code)
    assert plain is True
    for part in ['"d":{"n":null}', '"big":18446744073709551616n', '"safe":9007199254740991', '"t":[1,"x"]']:
        assert part in shown


def test_none_return_value_is_null(interp):
    code = IMPORTS + "f = create_proxy(lambda: None)\nresult = js.Function.new('f', 'return f() === null')(f)"
    assert interp.run(code) is True


def test_primitive_return_values_arrive_exactly(interp):
    values = (
        "['', 's', '[0]', 'a\\x00b', '\\u00e9\\U0001f600', -2**31, 2**31 - 1, 2**31, -(2**53 - 1), "
        "0.5, -0.0, float('nan'), float('inf'), True, False, None]"
    )
    code = (
        IMPORTS
        + PROBE
        + ("values = " + values + "\nresult = [probe(create_proxy(lambda v=v: v), None) for v in values]")
    )
    assert interp.run(code) == [
        'ok ""',
        'ok "s"',
        'ok "[0]"',
        'ok "a\\u0000b"',
        'ok "\u00e9\U0001f600"',
        "ok -2147483648",
        "ok 2147483647",
        "ok 2147483648",
        "ok -9007199254740991",
        "ok 0.5",
        "ok -0",
        "ok NaN",
        "ok Infinity",
        "ok true",
        "ok false",
        "ok null",
    ]


def test_js_arguments_arrive_as_python_primitives_or_proxies(interp):
    code = IMPORTS + (
        "seen = []\n"
        "def record(*args):\n    seen.extend(args)\n"
        "js.Function.new('f', 'f(2 ** 40, -0.5, 12345678901234567890n, \"a\\\\0b\", true, null, undefined, "
        "[1, 2], {k: 1})')(create_proxy(record))\n"
        "result = [repr(v) for v in seen[:7]] + [js.__show(v) for v in seen[7:]]"
    )
    assert interp.run(code) == [
        "1099511627776",
        "-0.5",
        "12345678901234567890",
        "'a\\x00b'",
        "True",
        "None",
        "None",
        "[1,2]",
        '{"k":1}',
    ]


def test_plain_js_arguments_arrive_exactly(interp):
    code = IMPORTS + (
        "seen = []\n"
        "def record(*args):\n    seen.extend(args)\n"
        "js.Function.new('f', 'f(-7, 2147483647, 0.5, String.fromCodePoint(233, 128512), false, NaN)')"
        "(create_proxy(record))\n"
        "result = [repr(v) for v in seen if type(v) is not str] + [seen[3] == '\\u00e9\\U0001f600']"
    )
    assert interp.run(code) == ["-7", "2147483647", "0.5", "False", "nan", True]


def test_missing_argument_is_a_python_type_error_in_js(interp):
    code = IMPORTS + PROBE + "result = probe(create_proxy(lambda a, b: a), js.JSON.parse('[1]'))"
    assert interp.run(code).startswith("true|PythonError|TypeError: ")


def test_python_exception_message_names_type_and_message(interp):
    code = IMPORTS + (
        "class Oops(Exception):\n    pass\n"
        "def bad():\n    raise Oops('it broke')\n"
        "read = js.Function.new('f', 'try { f() } catch (e) { return [e.name, e.pythonType, e.message] }')\n"
        "result = list(read(create_proxy(bad)))"
    )
    assert interp.run(code) == ["PythonError", "Oops", "Oops: it broke"]


def test_live_proxies_counts_proxies_until_destroyed(interp):
    code = IMPORTS + (
        "start = live_proxies()\n"
        "fs = [create_proxy(lambda: i) for i in range(5)]\n"
        "made = live_proxies() - start\n"
        "for f in fs:\n    f.destroy()\n"
        "result = [made, live_proxies() - start]"
    )
    assert interp.run(code) == [5, 0]


# ---- events ------------------------------------------------------------------
EVENTS = IMPORTS + (
    "from pyscript_ffi import call_method\ncount = [0]\ndef on_event(event):\n    count[0] += 1\n"
)


def test_event_listener_removed_with_a_second_create_proxy_call(interp):
    code = EVENTS + (
        "target = js.EventTarget.new()\n"
        "fire = js.Function.new('t', 't.dispatchEvent(new Event(\"ping\"))')\n"
        "target.addEventListener('ping', create_proxy(on_event))\n"
        "fire(target)\nfire(target)\n"
        "target.removeEventListener('ping', create_proxy(on_event))\n"
        "fire(target)\n"
        "create_proxy(on_event).destroy()\n"
        "result = count[0]"
    )
    assert interp.run(code) == 2


def test_event_listener_added_and_removed_through_call_method(interp):
    code = EVENTS + (
        "target = js.EventTarget.new()\n"
        "fire = js.Function.new('t', 't.dispatchEvent(new Event(\"ping\"))')\n"
        "handler = create_proxy(on_event)\n"
        "call_method(target, 'addEventListener', 'ping', handler)\n"
        "fire(target)\n"
        "call_method(target, 'removeEventListener', 'ping', create_proxy(on_event))\n"
        "fire(target)\nfire(target)\n"
        "handler.destroy()\n"
        "result = count[0]"
    )
    assert interp.run(code) == 1


@pytest.mark.runtimes("chrome")
def test_button_click_handler_added_and_removed(interp):
    code = EVENTS + (
        "button = js.document.createElement('button')\n"
        "js.document.body.appendChild(button)\n"
        "kinds = []\n"
        "def on_click(event):\n    kinds.append(event.type)\n"
        "button.addEventListener('click', create_proxy(on_click))\n"
        "button.click()\nbutton.click()\n"
        "button.removeEventListener('click', create_proxy(on_click))\n"
        "button.click()\n"
        "create_proxy(on_click).destroy()\n"
        "button.remove()\n"
        "result = kinds"
    )
    assert interp.run(code) == ["click", "click"]


# ---- leaks ---------------------------------------------------------------------
# JS drives each loop, calling into Python as events do. (MicroPython's webassembly
# port collects garbage only when a call from JS returns, so a single Python call
# running all 100,000 cycles would grow its heap by their garbage, not by a leak.)
def _cycles(interp, setup, step):
    """Run `setup` (Python storing what `step` needs on `globalThis`), then the JS
    statement `step` 2,000 times to warm up and 100,000 times measured; the change
    of `live_proxies()` across it all (after `setup`'s proxies are destroyed) and the
    wasm memory growth over the measured cycles."""
    start = interp.run(IMPORTS + "result = live_proxies()")
    interp.run(IMPORTS + setup)
    body = (
        "const bytes = () => { " + WASM_BYTES + " };\n"
        "let out = 0;\n"
        "for (let i = 0; i < 2000; i++) " + step + ";\n"
        "const before = bytes();\n"
        "for (let i = 0; i < 100000; i++) " + step + ";\n"
        "return [out, bytes() - before];"
    )
    out, growth = interp.run_js(body)
    end = interp.run(IMPORTS + "js.globalThis.__step.destroy()\nresult = live_proxies()")
    return out, end - start, growth


def test_100k_create_destroy_cycles_leave_count_and_memory_where_they_started(interp):
    setup = (
        "def cycle():\n    create_proxy(lambda: None).destroy()\njs.globalThis.__step = create_proxy(cycle)"
    )
    _, count, growth = _cycles(interp, setup, "__step()")
    assert count == 0
    assert growth <= WASM_GROWTH_BOUND


def test_100k_once_callable_calls_leave_count_and_memory_where_they_started(interp):
    setup = "js.globalThis.__step = create_proxy(lambda: create_once_callable(abs))"
    out, count, growth = _cycles(interp, setup, "out += __step()(-1)")
    assert out == 102000
    assert count == 0
    assert growth <= WASM_GROWTH_BOUND


def test_100k_js_calls_of_one_proxy_leave_count_and_memory_where_they_started(interp):
    setup = "js.globalThis.__step = create_proxy(lambda x: x + 1)"
    out, count, growth = _cycles(interp, setup, "out = __step(out)")
    assert out == 102000
    assert count == 0
    assert growth <= WASM_GROWTH_BOUND


# ---- guarded calls into JS ------------------------------------------------------
def js_exception(interp, statement):
    code = (
        CALLS
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


def test_to_js_dict_converter_read_as_attribute_is_guarded(interp):
    code = CALLS + (
        "from pyscript_ffi import to_js\n"
        "try:\n    to_js({'a': 1}, dict_converter=js.JSON.parse)\n    result = 'no error'\n"
        "except JsException as e:\n    result = e.name\n"
        "result = [result, js.__show(to_js({'a': 1}, dict_converter=js.Object.fromEntries))]"
    )
    assert interp.run(code) == ["SyntaxError", '{"a":1}']


def test_call_of_a_non_function_raises_js_exception(interp):
    name, _ = js_exception(interp, "call(js.Object.new(), 1)")
    assert name == "TypeError"


def test_a_thrown_non_error_value_is_named_by_its_type(interp):
    assert js_exception(interp, "call(js.Function.new('throw 42'))") == ["number", "42"]


def test_js_exception_carries_the_thrown_js_error(interp):
    code = CALLS + (
        "err = js.Function.new('return new TypeError(\"mine\")')()\n"
        "try:\n    call(js.Function.new('e', 'throw e'), err)\n"
        "except JsException as e:\n"
        "    result = js.Function.new('a', 'b', 'return a === b')(e.error, err)"
    )
    assert interp.run(code) is True


def test_interpreter_keeps_working_after_many_js_exceptions(interp):
    code = CALLS + (
        "caught = 0\n"
        "for i in range(300):\n"
        "    try:\n        call(js.JSON.parse, '{bad')\n"
        "    except JsException:\n        caught += 1\n"
        "def nested():\n    raise ValueError('still fine')\n"
        "try:\n    nested()\nexcept ValueError as e:\n    result = [caught, str(e)]"
    )
    assert interp.run(code) == [300, "still fine"]


def test_call_converts_arguments_like_to_js(interp):
    code = CALLS + (
        "show = js.Function.new('...a', 'return __show(a)')\n"
        "result = call(show, {'a': None}, 2**40, 2**70, (1, 2), {3}, b'\\x00')"
    )
    assert interp.run(code) == '[{"a":null},1099511627776,1180591620717411303424n,[1,2],Set{3},Uint8Array[0]]'


def test_call_returns_primitives_exact_and_objects_as_proxies(interp):
    code = CALLS + (
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
    code = CALLS + (
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
    code = CALLS + "m = new(js.Map, [[1, 'one'], [2**60, 'big']])\nresult = js.__show(m)"
    assert interp.run(code) == 'Map{1=>"one",1152921504606846976n=>"big"}'


def test_new_turns_a_throwing_constructor_into_js_exception(interp):
    assert js_exception(interp, "new(js.URL, 'not a url')")[0] == "TypeError"


# ---- async -------------------------------------------------------------------
def test_coroutine_function_proxy_gives_js_a_real_promise(interp):
    code = CALLS + (
        "async def later():\n    return 1\n"
        "check = js.Function.new('f', 'const p = f(); "
        "return p instanceof Promise && p.constructor === Promise')\n"
        "result = check(create_proxy(later))"
    )
    assert interp.run_async(code) is True


def test_promise_resolves_to_the_converted_return_value(interp):
    code = CALLS + (
        "import asyncio\n"
        "async def later(x):\n    await asyncio.sleep(0.01)\n    return {'x': x, 'n': None, 'big': 2**60}\n"
        "show = js.Function.new('f', 'return f(2 ** 40).then((v) => __show(v))')\n"
        "result = await show(create_proxy(later))"
    )
    shown = interp.run_async(code)
    for part in ['"x":1099511627776', '"n":null', '"big":1152921504606846976n']:
        assert part in shown


def test_promise_rejects_with_an_error_naming_the_python_exception(interp):
    code = CALLS + (
        "import asyncio\n"
        "async def fails():\n    await asyncio.sleep(0)\n    raise ValueError('async nope')\n"
        "read = js.Function.new('f', 'return f().then(() => \"resolved\", "
        '(e) => [e instanceof Error, e.name, e.message].join("|"))\')\n'
        "result = await read(create_proxy(fails))"
    )
    assert interp.run_async(code) == "true|PythonError|ValueError: async nope"


def test_python_awaits_a_js_promise(interp):
    code = CALLS + (
        "later = js.Function.new('return new Promise((r) => setTimeout(() => r(\"done\"), 10))')\n"
        "result = await later()"
    )
    assert interp.run_async(code) == "done"


def test_await_js_gives_the_resolved_value_exactly(interp):
    code = CALLS + "result = repr(await await_js(js.Function.new('return Promise.resolve(2 ** 40)')()))"
    assert interp.run_async(code) == "1099511627776"


def test_await_js_raises_js_exception_on_rejection(interp):
    code = CALLS + (
        "late = js.Function.new('return new Promise((_, no) => "
        'setTimeout(() => no(new TypeError("late")), 10))\')\n'
        "try:\n    await await_js(late())\n    result = 'no error'\n"
        "except JsException as e:\n    result = [e.name, e.message]"
    )
    assert interp.run_async(code) == ["TypeError", "late"]


def test_await_js_of_a_promise_from_call(interp):
    code = CALLS + (
        "p = call(js.Function.new('x', 'return Promise.resolve({v: x})'), 7)\n"
        "result = js.__show(await await_js(p))"
    )
    assert interp.run_async(code) == '{"v":7}'


def test_await_js_inside_a_proxied_coroutine(interp):
    code = CALLS + (
        "async def handler():\n"
        "    try:\n        await await_js(js.Function.new('return Promise.reject(new Error(\"inner\"))')())\n"
        "    except JsException as e:\n        return 'caught ' + e.message\n"
        "run = js.Function.new('f', 'return f()')\n"
        "result = await run(create_proxy(handler))"
    )
    assert interp.run_async(code) == "caught inner"
