"""Calls across the JS boundary, the same on every interpreter (docs/contract.md
"Proxies" and "Guarded calls"): JS functions of Python callables (lifetimes,
identity, calling convention, errors, events, leaks), guarded calls into
arbitrary JS (`call`, `call_method`, `new`, `await_js`: a JS throw or rejection
is a catchable `JsException`, never an escaped JS error) and async both ways.

Each body runs inside the interpreter; only the leak loops are driven from the
host, by JS, as events drive a page. One module, so that each interpreter starts
once for all of them."""

import pytest

from pytest_run_inside import run_inside

IMPORTS = "from pyscript_ffi import js, create_proxy, create_once_callable, live_proxies\n"
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


# ---- lifetimes -------------------------------------------------------------------
@pytest.mark.contract("proxy.destroy")
@run_inside
def test_call_after_destroy_throws_a_catchable_js_error():
    from probes import probe

    from pyscript_ffi import create_proxy

    f = create_proxy(lambda: 1)
    f.destroy()
    assert probe(f) == "true|Error|pyscript_ffi: this proxy has been destroyed"


@pytest.mark.contract("proxy.destroy")
@run_inside
def test_destroy_twice_is_harmless():
    from pyscript_ffi import create_proxy, live_proxies

    before = live_proxies()
    f = create_proxy(lambda: 1)
    f.destroy()
    f.destroy()
    assert live_proxies() - before == 0


@pytest.mark.contract("proxy.destroy")
@run_inside
def test_interpreter_keeps_working_after_calls_to_destroyed_proxies():
    from probes import probe

    from pyscript_ffi import create_proxy

    f = create_proxy(lambda: 1)
    f.destroy()
    for _ in range(200):
        probe(f)
    assert probe(create_proxy(lambda: 2)) == "ok 2"


@pytest.mark.contract("proxy.destroy")
@run_inside
def test_create_proxy_after_destroy_gives_a_new_working_function():
    from probes import probe, same

    from pyscript_ffi import create_proxy

    def handler():
        return "again"

    old = create_proxy(handler)
    old.destroy()
    new = create_proxy(handler)
    assert same(old, new) is False
    assert probe(new) == 'ok "again"'


@pytest.mark.contract("proxy.destroy")
@run_inside
def test_create_proxy_again_after_other_proxies_were_destroyed_counts_and_calls_right():
    from probes import probe

    from pyscript_ffi import create_proxy, live_proxies

    start = live_proxies()
    handlers = [lambda i=i: i for i in range(300)]  # more than one batch of destroy reports
    olds = [create_proxy(h) for h in handlers]
    for f in olds:
        f.destroy()
    news = [create_proxy(h) for h in handlers[:5]]  # their reports are pending
    assert live_proxies() - start == 5
    assert [probe(f) for f in news] == ["ok 0", "ok 1", "ok 2", "ok 3", "ok 4"]
    assert probe(olds[0]) == "true|Error|pyscript_ffi: this proxy has been destroyed"
    for f in news:
        f.destroy()
    assert live_proxies() == start


# ---- identity --------------------------------------------------------------------
@pytest.mark.contract("proxy.same-function")
@run_inside
def test_same_bound_method_gives_the_same_js_function():
    from probes import same

    from pyscript_ffi import create_proxy

    class Counter:
        def tick(self):
            pass

    c = Counter()
    assert same(create_proxy(c.tick), create_proxy(c.tick)) is True


@pytest.mark.contract("proxy.same-function")
@run_inside
def test_different_callables_give_different_js_functions():
    from probes import same

    from pyscript_ffi import create_proxy

    assert same(create_proxy(lambda: 1), create_proxy(lambda: 1)) is False


@pytest.mark.contract("proxy.once")
@run_inside
def test_each_once_callable_is_a_new_js_function():
    from probes import same

    from pyscript_ffi import create_once_callable

    def f():
        pass

    assert same(create_once_callable(f), create_once_callable(f)) is False


@pytest.mark.contract("proxy.once")
@run_inside
def test_once_callable_is_released_when_it_raises():
    from probes import probe

    from pyscript_ffi import create_once_callable, live_proxies

    def bad():
        raise ValueError("v")

    before = live_proxies()
    f = create_once_callable(bad)
    assert probe(f) == "true|PythonError|ValueError: v"
    assert probe(f) == "true|Error|pyscript_ffi: this proxy has been destroyed"
    assert live_proxies() - before == 0


# ---- the calling convention --------------------------------------------------------
@pytest.mark.contract("proxy.result")
@run_inside
def test_return_value_is_converted_like_to_js():
    from probes import jsf, probe

    from pyscript_ffi import create_proxy

    f = create_proxy(lambda: {"d": {"n": None}, "big": 2**64, "safe": 2**53 - 1, "t": (1, "x")})
    shown = probe(f)
    assert jsf("f", "return Object.getPrototypeOf(f().d) === Object.prototype")(f) is True
    for part in ['"d":{"n":null}', '"big":18446744073709551616n', '"safe":9007199254740991', '"t":[1,"x"]']:
        assert part in shown


@pytest.mark.contract("proxy.result")
@run_inside
def test_none_return_value_is_null():
    from probes import jsf

    from pyscript_ffi import create_proxy

    f = create_proxy(lambda: None)
    assert jsf("f", "return f() === null")(f) is True


@pytest.mark.contract("proxy.result")
@run_inside
def test_primitive_return_values_arrive_exactly():
    from probes import probe

    from pyscript_ffi import create_proxy

    values = ["", "s", "[0]", "a\x00b", "\u00e9\U0001f600", -(2**31), 2**31 - 1, 2**31, -(2**53 - 1),
              0.5, -0.0, float("nan"), float("inf"), True, False, None]  # fmt: skip
    assert [probe(create_proxy(lambda v=v: v)) for v in values] == [
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


@pytest.mark.contract("proxy.arguments")
@run_inside
def test_js_arguments_arrive_as_python_primitives_or_proxies():
    from probes import jsf, recorder, show

    from pyscript_ffi import create_proxy

    record, seen = recorder()
    jsf("f", 'f(2 ** 40, -0.5, 12345678901234567890n, "a\\0b", true, null, undefined, [1, 2], {k: 1})')(
        create_proxy(record)
    )
    assert [repr(v) for v in seen[:7]] + [show(v) for v in seen[7:]] == [
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


@pytest.mark.contract("proxy.arguments")
@run_inside
def test_plain_js_arguments_arrive_exactly():
    from probes import jsf, recorder

    from pyscript_ffi import create_proxy

    record, seen = recorder()
    jsf("f", "f(-7, 2147483647, 0.5, String.fromCodePoint(233, 128512), false, NaN)")(create_proxy(record))
    assert [repr(v) for v in seen if type(v) is not str] == ["-7", "2147483647", "0.5", "False", "nan"]
    assert seen[3] == "\u00e9\U0001f600"


@pytest.mark.contract("proxy.arguments")
@run_inside
def test_missing_argument_is_a_python_type_error_in_js():
    from probes import probe

    from pyscript_ffi import create_proxy, js

    assert probe(create_proxy(lambda a, b: a), js.JSON.parse("[1]")).startswith(
        "true|PythonError|TypeError: "
    )


@pytest.mark.contract("proxy.errors")
@run_inside
def test_python_exception_message_names_type_and_message():
    from probes import jsf

    from pyscript_ffi import create_proxy

    class Oops(Exception):
        pass

    def bad():
        raise Oops("it broke")

    read = jsf("f", "try { f() } catch (e) { return [e.name, e.pythonType, e.message] }")
    assert list(read(create_proxy(bad))) == ["PythonError", "Oops", "Oops: it broke"]


@pytest.mark.contract("proxy.leaks")
@run_inside
def test_live_proxies_counts_proxies_until_destroyed():
    from pyscript_ffi import create_proxy, live_proxies

    start = live_proxies()
    fs = [create_proxy(lambda i=i: i) for i in range(5)]
    made = live_proxies() - start
    for f in fs:
        f.destroy()
    assert [made, live_proxies() - start] == [5, 0]


# ---- events ------------------------------------------------------------------
@pytest.mark.contract("proxy.events")
@run_inside
def test_event_listener_removed_with_a_second_create_proxy_call():
    from probes import fire

    from pyscript_ffi import create_proxy, js

    count = [0]

    def on_event(event):
        count[0] += 1

    target = js.EventTarget.new()
    target.addEventListener("ping", create_proxy(on_event))
    fire(target)
    fire(target)
    target.removeEventListener("ping", create_proxy(on_event))
    fire(target)
    create_proxy(on_event).destroy()
    assert count[0] == 2


@pytest.mark.contract("proxy.events")
@run_inside
def test_event_listener_added_and_removed_through_call_method():
    from probes import fire

    from pyscript_ffi import call_method, create_proxy, js

    count = [0]

    def on_event(event):
        count[0] += 1

    target = js.EventTarget.new()
    handler = create_proxy(on_event)
    call_method(target, "addEventListener", "ping", handler)
    fire(target)
    call_method(target, "removeEventListener", "ping", create_proxy(on_event))
    fire(target)
    fire(target)
    handler.destroy()
    assert count[0] == 1


@pytest.mark.contract("proxy.events")
@pytest.mark.runtimes("chrome")
@run_inside
def test_button_click_handler_added_and_removed():
    from pyscript_ffi import create_proxy, js

    button = js.document.createElement("button")
    js.document.body.appendChild(button)
    kinds = []

    def on_click(event):
        kinds.append(event.type)

    button.addEventListener("click", create_proxy(on_click))
    button.click()
    button.click()
    button.removeEventListener("click", create_proxy(on_click))
    button.click()
    create_proxy(on_click).destroy()
    button.remove()
    assert kinds == ["click", "click"]


# ---- leaks ---------------------------------------------------------------------
# JS drives each loop, calling into Python as events do. (MicroPython's webassembly
# port collects garbage only when a call from JS returns, so a single Python call
# running all 100,000 cycles would grow its heap by their garbage, not by a leak.)
WARM_UP, CYCLES = 2000, 100000  # steps of `leak_free_cycles`: unmeasured, then measured


def leak_free_cycles(interp, setup, step):
    """Run `setup` (Python storing what `step` needs on `globalThis`), then the JS
    statement `step` 2,000 times to warm up and 100,000 times measured; assert that
    `live_proxies()` ends where it started (after `setup`'s proxies are destroyed) and
    that the wasm memory grew by at most WASM_GROWTH_BOUND over the measured cycles.
    Returns the JS variable `out` the steps leave."""
    start = interp.run(IMPORTS + "result = live_proxies()")
    interp.run(IMPORTS + setup)
    body = (
        "const bytes = () => { " + WASM_BYTES + " };\n"
        "let out = 0;\n"
        f"for (let i = 0; i < {WARM_UP}; i++) " + step + ";\n"
        "const before = bytes();\n"
        f"for (let i = 0; i < {CYCLES}; i++) " + step + ";\n"
        "return [out, bytes() - before];"
    )
    out, growth = interp.run_js(body)
    # `__step` reads back as the Python callable it was made for; its create_proxy is that function
    end = interp.run(IMPORTS + "create_proxy(js.globalThis.__step).destroy()\nresult = live_proxies()")
    assert end - start == 0
    assert growth <= WASM_GROWTH_BOUND
    return out


@pytest.mark.contract("proxy.leaks")
def test_100k_create_destroy_cycles_leave_count_and_memory_where_they_started(interp):
    setup = (
        "def cycle():\n    create_proxy(lambda: None).destroy()\njs.globalThis.__step = create_proxy(cycle)"
    )
    leak_free_cycles(interp, setup, "__step()")


@pytest.mark.contract("proxy.leaks")
def test_100k_once_callable_calls_leave_count_and_memory_where_they_started(interp):
    setup = "js.globalThis.__step = create_proxy(lambda: create_once_callable(abs))"
    assert leak_free_cycles(interp, setup, "out += __step()(-1)") == WARM_UP + CYCLES


@pytest.mark.contract("proxy.leaks")
def test_100k_js_calls_of_one_proxy_leave_count_and_memory_where_they_started(interp):
    setup = "js.globalThis.__step = create_proxy(lambda x: x + 1)"
    assert leak_free_cycles(interp, setup, "out = __step(out)") == WARM_UP + CYCLES


# ---- guarded calls into JS ------------------------------------------------------
@pytest.mark.contract("call.throws")
@run_inside
def test_call_turns_a_js_throw_into_js_exception():
    from probes import jsf

    from pyscript_ffi import JsException, call

    try:
        call(jsf("m", "throw new RangeError(m)"), "too far")
        raise AssertionError("no error")
    except JsException as e:
        assert [e.name, e.message] == ["RangeError", "too far"]


@pytest.mark.contract("call.throws", "call.call")
@run_inside
def test_call_of_a_function_read_as_attribute_is_guarded():
    from pyscript_ffi import JsException, call, js

    try:
        call(js.JSON.parse, "{bad")
        raise AssertionError("no error")
    except JsException as e:
        assert e.name == "SyntaxError"
        assert e.message


@pytest.mark.contract("to_js.dict-converter")
@run_inside
def test_to_js_dict_converter_read_as_attribute_is_guarded():
    from probes import show

    from pyscript_ffi import JsException, js, to_js

    try:
        to_js({"a": 1}, dict_converter=js.JSON.parse)
        raise AssertionError("no error")
    except JsException as e:
        assert e.name == "SyntaxError"
    assert show(to_js({"a": 1}, dict_converter=js.Object.fromEntries)) == '{"a":1}'


@pytest.mark.contract("call.throws")
@run_inside
def test_call_of_a_non_function_raises_js_exception():
    from pyscript_ffi import JsException, call, js

    try:
        call(js.Object.new(), 1)
        raise AssertionError("no error")
    except JsException as e:
        assert e.name == "TypeError"


@pytest.mark.contract("call.throws")
@run_inside
def test_a_thrown_non_error_value_is_named_by_its_type():
    from probes import jsf

    from pyscript_ffi import JsException, call

    try:
        call(jsf("throw 42"))
        raise AssertionError("no error")
    except JsException as e:
        assert [e.name, e.message] == ["number", "42"]


@pytest.mark.contract("call.throws")
@run_inside
def test_js_exception_carries_the_thrown_js_error():
    from probes import jsf, same

    from pyscript_ffi import JsException, call

    err = jsf('return new TypeError("mine")')()
    try:
        call(jsf("e", "throw e"), err)
        raise AssertionError("no error")
    except JsException as e:
        assert same(e.error, err) is True


@pytest.mark.contract("call.keeps-working")
@run_inside
def test_interpreter_keeps_working_after_many_js_exceptions():
    from pyscript_ffi import JsException, call, js

    caught = 0
    for _ in range(300):
        try:
            call(js.JSON.parse, "{bad")
        except JsException:
            caught += 1

    def nested():
        raise ValueError("still fine")

    message = "no error"
    try:
        nested()
    except ValueError as e:
        message = str(e)
    assert [caught, message] == [300, "still fine"]


@pytest.mark.contract("call.call")
@run_inside
def test_call_converts_arguments_like_to_js():
    from probes import jsf

    from pyscript_ffi import call

    show = jsf("...a", "return __show(a)")
    assert (
        call(show, {"a": None}, 2**40, 2**70, (1, 2), {3}, b"\x00")
        == '[{"a":null},1099511627776,1180591620717411303424n,[1,2],Set{3},Uint8Array[0]]'
    )


@pytest.mark.contract("call.results")
@run_inside
def test_call_returns_primitives_exact_and_objects_as_proxies():
    from probes import jsf, show

    from pyscript_ffi import JsProxy, call

    sources = ["2 ** 40", "2n ** 70n", '"a\\0b"', "null", "undefined", "true", "-0.5"]
    values = [call(jsf("return " + src)) for src in sources]
    obj = call(jsf("return {k: [1]}"))
    assert [repr(v) for v in values] + [isinstance(obj, JsProxy), show(obj)] == [
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


@pytest.mark.contract("call.call")
@run_inside
def test_call_method_calls_with_the_object_as_this():
    from probes import jsf

    from pyscript_ffi import call_method

    obj = jsf("return {n: 41, inc(by) { return this.n + by }}")()
    assert call_method(obj, "inc", 1) == 42


@pytest.mark.contract("call.throws")
@run_inside
def test_call_method_of_a_missing_method_raises_js_exception():
    from pyscript_ffi import JsException, call_method, js

    try:
        call_method(js.Object.new(), "nothing")
        raise AssertionError("no error")
    except JsException as e:
        assert [e.name, e.message] == ["TypeError", '"nothing" is not a function but undefined']


@pytest.mark.contract("call.call")
@run_inside
def test_new_constructs_with_converted_arguments():
    from probes import show

    from pyscript_ffi import js, new

    m = new(js.Map, [[1, "one"], [2**60, "big"]])
    assert show(m) == 'Map{1=>"one",1152921504606846976n=>"big"}'


@pytest.mark.contract("call.throws")
@run_inside
def test_new_turns_a_throwing_constructor_into_js_exception():
    from pyscript_ffi import JsException, js, new

    try:
        new(js.URL, "not a url")
        raise AssertionError("no error")
    except JsException as e:
        assert e.name == "TypeError"


# ---- async -------------------------------------------------------------------
@pytest.mark.contract("proxy.async")
@run_inside
async def test_coroutine_function_proxy_gives_js_a_real_promise():
    from probes import jsf

    from pyscript_ffi import create_proxy

    async def later():
        return 1

    check = jsf("f", "const p = f(); return p instanceof Promise && p.constructor === Promise")
    assert check(create_proxy(later)) is True


@pytest.mark.contract("proxy.async")
@run_inside
async def test_promise_resolves_to_the_converted_return_value():
    import asyncio

    from probes import jsf

    from pyscript_ffi import create_proxy

    async def later(x):
        await asyncio.sleep(0.01)
        return {"x": x, "n": None, "big": 2**60}

    shown = await jsf("f", "return f(2 ** 40).then((v) => __show(v))")(create_proxy(later))
    for part in ['"x":1099511627776', '"n":null', '"big":1152921504606846976n']:
        assert part in shown


@pytest.mark.contract("proxy.async")
@run_inside
async def test_promise_rejects_with_an_error_naming_the_python_exception():
    import asyncio

    from probes import jsf

    from pyscript_ffi import create_proxy

    async def fails():
        await asyncio.sleep(0)
        raise ValueError("async nope")

    read = jsf(
        "f", 'return f().then(() => "resolved", (e) => [e instanceof Error, e.name, e.message].join("|"))'
    )
    assert await read(create_proxy(fails)) == "true|PythonError|ValueError: async nope"


@pytest.mark.contract("call.await")
@run_inside
async def test_python_awaits_a_js_promise():
    from probes import jsf

    later = jsf('return new Promise((r) => setTimeout(() => r("done"), 10))')
    assert await later() == "done"


@pytest.mark.contract("call.await")
@run_inside
async def test_await_js_gives_the_resolved_value_exactly():
    from probes import jsf

    from pyscript_ffi import await_js

    assert repr(await await_js(jsf("return Promise.resolve(2 ** 40)")())) == "1099511627776"


@pytest.mark.contract("call.await")
@run_inside
async def test_await_js_raises_js_exception_on_rejection():
    from probes import jsf

    from pyscript_ffi import JsException, await_js

    late = jsf('return new Promise((_, no) => setTimeout(() => no(new TypeError("late")), 10))')
    try:
        await await_js(late())
        raise AssertionError("no error")
    except JsException as e:
        assert [e.name, e.message] == ["TypeError", "late"]


@pytest.mark.contract("call.await")
@run_inside
async def test_await_js_of_a_promise_from_call():
    from probes import jsf, show

    from pyscript_ffi import await_js, call

    p = call(jsf("x", "return Promise.resolve({v: x})"), 7)
    assert show(await await_js(p)) == '{"v":7}'


@pytest.mark.contract("call.await")
@run_inside
async def test_await_js_inside_a_proxied_coroutine():
    from probes import jsf

    from pyscript_ffi import JsException, await_js, create_proxy

    async def handler():
        try:
            await await_js(jsf('return Promise.reject(new Error("inner"))')())
        except JsException as e:
            return "caught " + e.message

    assert await jsf("f", "return f()")(create_proxy(handler)) == "caught inner"


@pytest.mark.contract("proxy.async-iterable")
@run_inside
async def test_an_async_iterator_is_a_js_async_iterable():
    import asyncio

    from probes import jsf

    from pyscript_ffi import live_proxies, to_js

    class Countdown:  # an async iterator class: on MicroPython, which has no async generators, too
        def __init__(self, n):
            self.n = n

        def __aiter__(self):
            return self

        async def __anext__(self):
            await asyncio.sleep(0)
            if self.n == 0:
                raise StopAsyncIteration
            self.n -= 1
            return {"left": self.n}

    before = live_proxies()
    collect = jsf(
        "it",
        "return (async () => { const out = []; for await (const v of it) out.push(v.left);"
        " return out.join() })()",
    )
    assert await collect(to_js(Countdown(3))) == "2,1,0"
    assert live_proxies() == before


@pytest.mark.contract("proxy.async-iterable")
@run_inside
async def test_a_callback_returning_an_async_iterator_gives_js_an_async_iterable():
    import asyncio

    from probes import jsf

    from pyscript_ffi import create_proxy

    class Ticks:
        def __init__(self):
            self.i = 0

        def __aiter__(self):
            return self

        async def __anext__(self):
            await asyncio.sleep(0)
            self.i += 1
            if self.i > 2:
                raise ValueError("tick failed")
            return self.i

    read = jsf(
        "f",
        "return (async () => { const seen = []; try { for await (const v of f()) seen.push(v) }"
        " catch (e) { seen.push(e.message) } return seen.join('|') })()",
    )
    assert await read(create_proxy(Ticks)) == "1|2|ValueError: tick failed"


@pytest.mark.contract("proxy.async-iterable")
@run_inside
async def test_an_async_generator_is_a_js_async_iterable_where_the_language_has_them():
    from probes import jsf

    from pyscript_ffi import to_js

    async def numbers():
        for i in range(3):
            yield i * 10

    gen = numbers()
    if not hasattr(gen, "__anext__"):  # MicroPython: `async def` with `yield` is a plain generator
        assert type(gen).__name__ == "generator"
        return
    collect = jsf(
        "it",
        "return (async () => { const out = []; for await (const v of it) out.push(v); return out.join() })()",
    )
    assert await collect(to_js({"gen": gen}).gen) == "0,10,20"
