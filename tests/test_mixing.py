"""Beside the interpreters' own FFI: what the package makes FOR JavaScript (`to_js`
results, `create_proxy` functions) is the interpreter's own handle, the JS value itself
to a raw `import js`, to `pyodide.ffi`/`jsffi` and to this package; values read FROM JS
stay our JsProxy; raw values go into this package as they are, and our JsProxy goes into
the raw FFI through `JsProxy.unwrap`. Simple observations are rows of the case table
(`pyscript_ffi_host/cases.py`, the `mix-*` cases)."""

import pytest

from pytest_run_inside import run_inside


@pytest.mark.contract("mixing.made-for-js")
@run_inside
def test_what_the_package_makes_for_js_is_the_interpreters_own_handle():
    import sys
    from array import array

    import js as raw

    from pyscript_ffi import JsProxy, create_once_callable, create_proxy, js, to_js

    if sys.implementation.name == "micropython":
        from jsffi import JsProxy as RawJsProxy
    else:
        from pyodide.ffi import JsProxy as RawJsProxy

    made = [
        to_js({"a": 1}),  # the fast route
        to_js([1, {2}]),  # the tape
        to_js({1, 2}),
        to_js(b"abc"),
        to_js(array("d", [1.5])),
        to_js({"a": 1}, dict_converter=js.Map.new),
        to_js([1], depth=1),
        to_js(lambda: 1),
        create_proxy(lambda: 1),
        create_once_callable(lambda: 1),
    ]
    for v in made:
        assert isinstance(v, RawJsProxy) and type(v) is not JsProxy, v
    r = raw.Object.new()
    assert to_js(r) is r  # the interpreter's own handle stays itself: no second proxy of it
    ours = js.Object.new()
    assert to_js(ours) is JsProxy.unwrap(ours)


@pytest.mark.contract("mixing.made-for-js")
@run_inside
async def test_raw_js_takes_to_js_results_as_the_js_values_and_keeps_them_alive():
    import js as raw
    from probes import collect_garbage

    from pyscript_ffi import to_js

    tag = raw.Function.new("v", "return Object.prototype.toString.call(v)")
    assert raw.Array.isArray(to_js([1, 2]))
    assert raw.JSON.stringify(to_js({"a": [1, None, "x\0y"]})) == '{"a":[1,null,"x\\u0000y"]}'
    target = raw.Object.new()
    raw.Object.assign(target, to_js({"w": 800, "h": 2**40}))
    assert raw.JSON.stringify(target) == '{"w":800,"h":1099511627776}'
    assert [tag(to_js(b"abc")), tag(to_js({1, 2})), tag(to_js(bytearray(2)))] == [
        "[object Uint8Array]",
        "[object Set]",
        "[object Uint8Array]",
    ]
    kept = raw.Array.new()
    for i in range(50):
        kept.push(to_js({"i": i, "l": [i]}))  # dropped by Python at once
    await collect_garbage()
    assert raw.JSON.stringify(kept[49]) == '{"i":49,"l":[49]}'
    assert raw.Function.new("a", "return a.map((o) => o.i).join()")(kept) == ",".join(
        str(i) for i in range(50)
    )


@pytest.mark.contract("mixing.made-for-js")
@run_inside
async def test_raw_js_calls_create_proxy_functions_as_listeners_and_timers():
    import asyncio

    import js as raw

    from pyscript_ffi import JsProxy, create_once_callable, create_proxy

    seen = []

    def on_ping(event):
        seen.append(event)

    target = raw.EventTarget.new()
    target.addEventListener("ping", create_proxy(on_ping))
    target.dispatchEvent(raw.Event.new("ping"))
    assert len(seen) == 1 and type(seen[0]) is JsProxy and seen[0].type == "ping"  # read FROM JS: ours
    target.removeEventListener("ping", create_proxy(on_ping))  # the same JS function
    target.dispatchEvent(raw.Event.new("ping"))
    assert len(seen) == 1
    create_proxy(on_ping).destroy()
    fired = []
    raw.setTimeout(create_once_callable(lambda: fired.append(1)), 1)
    for _ in range(100):
        if fired:
            break
        await asyncio.sleep(0.005)
    assert fired == [1]


@pytest.mark.contract("mixing.made-for-js")
@run_inside
def test_the_interpreters_own_ffi_takes_to_js_results():
    import sys

    from pyscript_ffi import to_js

    v = to_js({"a": [1, 2]})
    if sys.implementation.name == "micropython":
        import jsffi
        from probes import same

        assert same(jsffi.to_js(v), v)  # a JsProxy is already JS: the same JS object
    else:
        import pyodide.ffi

        assert pyodide.ffi.to_js(v) is v
        assert v.to_py() == {"a": [1, 2]}  # Pyodide's own JsProxy methods
        assert v.a.to_py() == [1, 2]


@pytest.mark.contract("js.raw-accepted")
@run_inside
def test_this_package_takes_to_js_results_and_raw_values_as_they_are():
    import js as raw

    from pyscript_ffi import assign, call, create_proxy, js, query, to_js, to_py

    v = to_js({"a": {"b": [1, 2]}})
    assert to_py(v) == {"a": {"b": [1, 2]}}
    assert js.JSON.stringify(v) == '{"a":{"b":[1,2]}}'
    assert query(v, "a.b[1]") == 2
    assert assign(to_js({}), {"x": 1}, v).a.b[0] == 1
    assert call(raw.Math.max, 1, 7) == 7
    assert js.Function.new("f", "return f(3)")(raw.Math.abs) == 3  # a raw function written as itself
    assert js.Function.new("f", "return f(4)")(create_proxy(lambda x: x + 1)) == 5
    raw_o = raw.JSON.parse('{"n": 2}')
    holder = js.Object.new()
    holder.o = raw_o  # assignment
    holder["p"] = [raw_o]  # inside a container
    assert js.Function.new("h", "return h.o === h.p[0] && h.o.n === 2")(holder) is True


@pytest.mark.contract("mixing.portable-view")
@run_inside
def test_wrap_gives_the_portable_view_and_unwrap_one_raw_proxy():
    import js as raw

    from pyscript_ffi import JsProxy, js, to_js

    w = JsProxy.wrap(to_js([1, 2**40, None]))
    assert type(w) is JsProxy and len(w) == 3 and w[-2] == 2**40 and w[2] is None
    assert JsProxy.wrap(w) is w
    r = raw.Object.new()
    assert JsProxy.unwrap(JsProxy.wrap(r)) is r
    p = js.Object.new()
    assert JsProxy.unwrap(p) is JsProxy.unwrap(p)
    assert JsProxy.wrap(JsProxy.unwrap(p)) == p


@pytest.mark.contract("mixing.portable-view")
@run_inside
def test_wrap_and_writes_take_a_js_function_read_as_an_attribute_with_its_this():
    import sys

    import js as raw

    from pyscript_ffi import JsProxy, call, js, to_js

    o = JsProxy.unwrap(js.Function.new("return {n: 5, get() { return this.n }}")())
    m = o.get  # MicroPython >= 1.26: a bound_method; before: bound at once; Pyodide: a JsProxy
    if sys.implementation.name == "micropython":
        assert JsProxy.wrap(m)() == 5  # the function, called with `this` the object it was read from
        assert call(m) == 5
    typeof = js.Function.new("f", "return typeof f")
    assert typeof(m) == "function"  # written as the JS function itself, not a Python proxy
    assert typeof(to_js(m)) == "function"
    assert raw.Function.new("f", "return typeof f")(to_js(m)) == "function"
    bound_at_once = sys.implementation.name == "micropython" and sys.implementation.version < (1, 26)
    assert js.Function.new("f", "return f.call({n: 7})")(m) == (5 if bound_at_once else 7)
    assert JsProxy.wrap(raw.Math.max)(1, 9) == 9  # a JS module's function


@pytest.mark.contract("mixing.ours-into-raw")
@run_inside
def test_our_jsproxy_reaches_the_raw_ffi_through_unwrap_only():
    import sys

    import js as raw

    from pyscript_ffi import JsProxy, js

    is_date = raw.Function.new("v", "return v instanceof Date")
    d = js.Date.new(0)
    assert is_date(JsProxy.unwrap(d)) is True
    assert is_date(d) is False  # a Python object to the raw FFI, on every version
    if sys.implementation.name == "micropython":
        import jsffi

        try:

            class Mine(jsffi.JsProxy):
                pass

        except TypeError as e:
            assert "acceptable base type" in str(e)
        else:
            raise AssertionError("MicroPython took a subclass of jsffi.JsProxy")
    else:
        import pyodide.ffi

        class Mine(pyodide.ffi.JsProxy):  # a subclass of Pyodide's Python stand-in, not its C type
            pass

        try:
            Mine()
        except TypeError as e:
            assert "cannot be instantiated" in str(e)
        else:
            raise AssertionError("Pyodide instantiated a subclass of pyodide.ffi.JsProxy")


@pytest.mark.contract("mixing.isinstance")
@run_inside
def test_isinstance_against_the_interpreters_own_jsproxy():
    import sys

    from pyscript_ffi import JsProxy, js

    p = js.Object.new()
    if sys.implementation.name == "micropython":
        import jsffi

        assert not isinstance(p, jsffi.JsProxy)  # no __instancecheck__, no subclass: not possible
    else:
        import pyodide.ffi

        assert isinstance(p, pyodide.ffi.JsProxy) and issubclass(JsProxy, pyodide.ffi.JsProxy)
        assert not isinstance(js.Array.new(), pyodide.ffi.JsArray)  # its subclasses: no
    assert isinstance(p, JsProxy)


@pytest.mark.contract("mixing.except")
@run_inside
def test_except_of_the_interpreters_own_js_exception():
    import sys

    from pyscript_ffi import JsException, js

    if sys.implementation.name == "micropython":
        import jsffi

        try:
            js.JSON.parse("{bad")
        except jsffi.JsException as e:
            assert type(e) is JsException and e.name == "SyntaxError"
    else:
        import pyodide.ffi

        try:

            class Mine(pyodide.ffi.JsException):
                pass

        except TypeError as e:
            assert "not an acceptable base type" in str(e)
        else:
            raise AssertionError("Pyodide took a subclass of pyodide.ffi.JsException")
        try:
            try:
                js.JSON.parse("{bad")
            except pyodide.ffi.JsException:
                raise AssertionError("caught by Pyodide's own JsException") from None
        except JsException as e:
            assert e.name == "SyntaxError"
            # what code comparing exception types asks (upytest's `raises`: `type(e) in expected`)
            assert type(e) == pyodide.ffi.JsException  # noqa: E721 - the comparison is the point
            assert type(e) in (pyodide.ffi.JsException,)
            assert isinstance(e, pyodide.ffi.JsException) and isinstance(e, JsException)
            assert hash(JsException) == hash(pyodide.ffi.JsException)
        import js as raw

        try:
            raw.JSON.parse("{bad")
        except pyodide.ffi.JsException as e:
            assert not isinstance(e, JsException)  # Pyodide's own stays Pyodide's


@pytest.mark.contract("mixing.lifetimes")
@run_inside
async def test_no_raw_handle_the_package_gives_dangles():
    import js as raw
    from probes import collect_garbage

    from pyscript_ffi import JsProxy, js, to_js

    r = to_js([1, 2])
    kept = js.Array.new()
    kept.push(r)

    def second_proxy():  # a second raw proxy of the same JS object, dropped at once
        return raw.JSON.stringify(JsProxy.unwrap(kept[0])) + raw.JSON.stringify(to_js(kept[0]))

    assert second_proxy() == "[1,2][1,2]"
    await collect_garbage()
    assert raw.JSON.stringify(r) == "[1,2]"  # MicroPython 1.26 would have freed r's ref with the other
    o = JsProxy.unwrap(js.Object.new())
    w = JsProxy.wrap(o)
    del w
    await collect_garbage()
    o.x = 1
    assert raw.JSON.stringify(o) == '{"x":1}'


@pytest.mark.contract("mixing.lifetimes")
@run_inside
async def test_to_js_results_and_unwrapped_proxies_dropped_leave_the_live_js_refs_flat():
    from array import array

    from probes import collect_garbage, live_js_refs, live_js_refs_after_gc

    from pyscript_ffi import JsProxy, js, live_proxies, to_js

    def work(n):
        for i in range(n):
            v = to_js({"a": [i]})
            JsProxy.unwrap(JsProxy.wrap(v))
            to_js({i, -i})
            to_js(b"abc")
            to_js(array("h", [i]))
            JsProxy.unwrap(js.Object.new())
            to_js([i], dict_converter=js.Object.fromEntries)

    work(20)
    await collect_garbage()
    before, proxies = live_js_refs(), live_proxies()
    work(2000)  # 14,000 raw handles made and dropped
    # flat, but for the few a conservative collector (MicroPython's) may still see on its stack
    assert await live_js_refs_after_gc(before + 16) <= before + 16
    assert live_proxies() == proxies


@pytest.mark.contract("mixing.refused")
@run_inside
def test_to_js_and_unwrap_refuse_values_the_interpreter_would_probe_unsafely():
    from probes import jsf

    from pyscript_ffi import JsException, JsProxy, js, to_js

    hostile = [
        jsf("const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy")(),
        jsf("return new Proxy({}, {getPrototypeOf() { throw new Error('trap') }})")(),
        jsf("const p = new Proxy({}, {getPrototypeOf() { return p }}); return p")(),
        jsf("const f = () => 1; f._ref = 1; return f")(),
        jsf("return new Proxy(() => 1, {has() { throw new Error('trap') }})")(),
    ]
    for h in hostile:
        for route in (JsProxy.unwrap, to_js, lambda h: to_js(object(), default_converter=lambda *a: h)):
            try:
                route(h)
            except JsException:
                pass
            else:
                raise AssertionError("handed out raw: " + repr(h))
    assert js.Math.max(1, 2) == 2 and to_js([1]) is not None


@pytest.mark.contract("proxy.generator")
@run_inside
async def test_a_callback_returning_a_generator():
    import sys

    from probes import jsf

    from pyscript_ffi import create_proxy

    def gen():
        yield 1
        yield 2

    def returns_at_once():
        return 3
        yield  # noqa: B901 - a generator all the same

    probe = jsf(
        "f",
        "const r = f(); if (r instanceof Promise)"
        " return r.then((v) => 'resolved ' + v, (e) => 'rejected ' + e.message);"
        " return 'iterable ' + JSON.stringify([...r])",
    )
    if sys.implementation.name == "micropython":  # driven as a coroutine (micropython#8614)
        assert (await probe(create_proxy(returns_at_once))) == "resolved 3"
        answer = await probe(create_proxy(gen))
        assert answer.startswith(
            "rejected TypeError: a generator returned to JavaScript is driven as a coroutine"
        )
    else:  # a proxy of the generator
        assert probe(create_proxy(gen)) == "iterable [1,2]"
        assert probe(create_proxy(returns_at_once)) == "iterable []"
