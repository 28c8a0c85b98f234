"""`js` and `JsProxy`: the everyday surface, the same on every interpreter.
Each body runs inside every interpreter; values read from JS are rows of the
case table (`pyscript_ffi_host/cases/jsproxy.py`, kind "js")."""

import pytest

from pytest_run_inside import run_inside


@pytest.mark.contract("js.portable")
@run_inside
def test_js_is_the_global_scope_and_what_it_gives_is_our_js_proxy():
    from probes import same

    from pyscript_ffi import JsProxy, call, js, to_py

    assert isinstance(js, JsProxy)
    assert js.globalThis == js
    assert same(js, js.globalThis) is True
    arr = js.JSON.parse("[{}]")
    assert type(arr) is JsProxy  # read from js, a call result
    assert type(arr[0]) is JsProxy  # an item
    assert type(call(js.Array.of, js.Object.new())) is JsProxy  # the guarded calls
    assert type(to_py(arr, depth=0)) is JsProxy  # to_py leftovers
    assert type(to_py(arr, depth=1)[0]) is JsProxy


@pytest.mark.contract("js.portable")
@run_inside
def test_callback_arguments_and_js_exception_error_are_our_js_proxy():
    from probes import jsf

    from pyscript_ffi import JsException, JsProxy, create_proxy, js

    seen = []
    jsf("f", "f({a: 1}, [2], () => 3)")(create_proxy(lambda *a: seen.extend(a)))
    assert [type(a) for a in seen] == [JsProxy, JsProxy, JsProxy]
    assert seen[0].a == 1 and seen[2]() == 3
    try:
        js.JSON.parse("{bad")
    except JsException as e:
        assert type(e.error) is JsProxy
        assert e.error.name == "SyntaxError"


@pytest.mark.contract("js.raw-accepted")
@run_inside
def test_raw_interpreter_proxies_are_accepted_and_convert_both_ways():
    import js as raw_js
    from probes import same

    from pyscript_ffi import JsProxy, call, js, query, to_py

    raw = raw_js.JSON.parse('{"a": [1, 2]}')
    assert to_py(raw) == {"a": [1, 2]}
    ours = JsProxy.wrap(raw)
    assert type(ours) is JsProxy and ours.a[1] == 2
    assert JsProxy.wrap(ours) is ours
    assert JsProxy.wrap(raw_js) == js  # the `js` module itself (a module on MicroPython)
    back = JsProxy.unwrap(ours)
    assert not isinstance(back, JsProxy)
    assert same(back, ours) is True
    assert call(js.Object.keys, raw)[0] == "a"
    assert query(raw, "a[0]") == 1
    assert js.Object.keys(raw)[0] == "a"  # a raw proxy passed to ours is the object itself


@pytest.mark.contract("js.values-written")
@run_inside
def test_values_written_convert_like_to_js():
    from probes import jsf

    from pyscript_ffi import js, to_js

    show = jsf("v", "return __show(v)")
    assert show({"k": [1, None, 2**60]}) == '{"k":[1,null,1152921504606846976n]}'
    assert show(None) == "null"
    assert show("a\0b") == '"a\\u0000b"'
    assert show(2**40) == "1099511627776"
    box = js.Object.new()
    box.v = {"x": (1, 2)}
    box["w"] = "a\0b"
    assert show(box) == '{"v":{"x":[1,2]},"w":"a\\u0000b"}'
    f = jsf("a", "b", "return __show([a, b])")
    assert f(1, x=2) == '[1,{"x":2}]'
    assert show(js.Object.new()) == "{}"  # a JsProxy passes as the object itself
    assert js.Array.isArray([1]) is True and js.Array.isArray((1, 2)) is True
    inner = [2]
    outer = to_js([1, inner], depth=1)
    assert js.Array.isArray(outer[1]) is True  # read back: the list itself, written again: an Array


@pytest.mark.contract("js.values-written")
@run_inside
def test_a_python_callable_passed_to_js_stays_callable():
    from probes import jsf

    keep = jsf("f", "globalThis.__kept = f; return typeof f")
    assert keep(lambda x: x * 2) == "function"
    assert jsf("return globalThis.__kept(21)")() == 42
    f = lambda: 1  # noqa: E731
    assert jsf("a", "b", "return a === b")(f, f) is True  # the same function each time


@pytest.mark.contract("jsproxy.attributes")
@run_inside
def test_attributes_get_set_delete_and_missing_is_attribute_error():
    from pyscript_ffi import js

    o = js.JSON.parse('{"a": 1, "n": null}')
    assert o.a == 1 and o["a"] == 1 and o.n is None
    o.b = 2
    o["c"] = 3
    assert js.JSON.stringify(o) == '{"a":1,"n":null,"b":2,"c":3}'
    del o.b
    del o["c"]
    assert js.Object.keys(o).join() == "a,n"
    try:
        _ = o.missing
        raise AssertionError("no error")
    except AttributeError:
        pass
    try:
        o["missing"]
        raise AssertionError("no error")
    except KeyError:
        pass


@pytest.mark.contract("jsproxy.attributes")
@run_inside
def test_reading_the_same_object_again_gives_the_same_js_proxy_and_a_changed_one_a_new_one():
    from pyscript_ffi import js

    o = js.JSON.parse('{"x": {"n": 1}, "k": 5}')
    first = o.x
    assert o.x is first and js.JSON is js.JSON
    o.x = js.JSON.parse('{"n": 2}')
    second = o.x
    assert second is not first and second != first and second.n == 2
    o.x = first
    assert o.x == first and o.x.n == 1
    o.x = 3
    assert o.x == 3
    o.x = first
    assert o.x == first
    o.f = js.Function.new("return this.k")
    assert [o.f(), o.f()] == [5, 5]  # a remembered method keeps its `this`
    other = js.JSON.parse('{"k": 7}')
    other.f = o.f
    assert other.f() == 7


@pytest.mark.contract("jsproxy.attributes")
@run_inside
def test_a_getter_runs_at_every_read_and_a_new_object_each_time_is_a_new_js_proxy():
    from pyscript_ffi import JsProxy, js

    o = js.Function.new(
        "let n = 0; return { get fresh() { n += 1; return {n}; }, get same() { n += 1; return this; } }"
    )()
    assert [o.fresh.n, o.fresh.n] == [1, 2]
    assert o.same is o.same and o.same.fresh.n == 6
    raw = JsProxy.unwrap(js)
    again = JsProxy.wrap(raw)
    assert again.JSON.stringify([1]) == "[1]" and again.JSON == js.JSON


@pytest.mark.contract("jsproxy.attributes")
@run_inside
def test_items_of_arrays_and_maps():
    from pyscript_ffi import js

    a = js.JSON.parse("[10, 20, 30]")
    assert (a[0], a[-1]) == (10, 30)
    a[-1] = 33
    assert a[2] == 33
    try:
        a[3]
        raise AssertionError("no error")
    except IndexError:
        pass
    m = js.Map.new()
    m["k"] = [1]
    assert m["k"][0] == 1 and m.get("k")[0] == 1
    try:
        m["nope"]
        raise AssertionError("no error")
    except KeyError:
        pass
    del m["k"]
    assert m.size == 0


@pytest.mark.contract("jsproxy.calls")
@run_inside
def test_calls_keep_this_and_keywords_become_a_trailing_object():
    from probes import jsf

    from pyscript_ffi import js

    o = jsf("return {n: 5, m(k) { return this.n + (k ? k.add : 0) }}")()
    assert o.m() == 5
    m = o.m
    assert m() == 5
    assert o["m"]() == 5
    assert o.m(add=2) == 7
    assert js.Math.max(1, 7, 3) == 7
    url = js.URL.new("https://example.org/a?b=1")
    assert url.searchParams.get("b") == "1"
    assert js.Array.new(3).length == 3


@pytest.mark.contract("jsproxy.len-bool")
@run_inside
def test_len_and_bool():
    from pyscript_ffi import js

    assert len(js.JSON.parse("[1, 2, 3]")) == 3
    assert len(js.Uint8Array.new(4)) == 4
    assert len(js.Map.new([[1, 2]])) == 1 and len(js.Set.new([1, 2])) == 2
    assert not js.Array.new() and not js.Map.new() and not js.Set.new() and not js.Uint8Array.new(0)
    assert js.Object.new() and js.JSON.parse("[0]")
    try:
        len(js.Object.new())
        raise AssertionError("no error")
    except TypeError:
        pass


@pytest.mark.contract("jsproxy.in-iter")
@run_inside
def test_in_and_iteration():
    from pyscript_ffi import js

    o = js.JSON.parse('{"a": 1}')
    assert "a" in o and "b" not in o
    assert 2 in js.JSON.parse("[1, 2]") and 3 not in js.JSON.parse("[1, 2]")
    assert "k" in js.Map.new([["k", 1]]) and 1 in js.Set.new([1])
    assert list(js.JSON.parse("[1, 2]")) == [1, 2]
    assert list(js.Map.new([["k", 1], ["j", 2]])) == ["k", "j"]
    assert list(js.Set.new(["x"])) == ["x"]
    try:
        iter(o)
        raise AssertionError("no error")
    except TypeError:
        pass


@pytest.mark.contract("jsproxy.in-iter")
@run_inside
def test_iterating_an_array_read_ahead_gives_each_value_as_reading_it_alone_would():
    import math

    from probes import jsf

    from pyscript_ffi import js

    values = jsf(
        "return [1, -2147483649, 2 ** 53 - 1, 2 ** 53 + 2, 0.1, -0, NaN, Infinity, 'a\\0b', '\\ufeffbom',"
        " 'x'.repeat(40), '\\ud800lone', null, undefined, true, {k: 1}, [2], 10n, 7, 'end']"
    )()
    alone = [values[i] for i in range(len(values))]
    seen = list(values)
    assert len(seen) == len(alone) == 20
    for i in range(20):  # (MicroPython's zip has no strict=)
        a, b = seen[i], alone[i]
        assert type(a) is type(b)
        if type(a) is float and math.isnan(a):
            assert math.isnan(b)
        elif type(a).__name__ == "JsProxy":
            assert a == b
        else:
            assert a == b and str(a) == str(b)
    assert str(seen[5]) == "-0.0" and type(seen[3]) is float and seen[17] == 10
    long = js.Array.new()
    for i in range(5000):
        long.push(i * 0.5 if i % 7 else "s" + str(i))
    assert list(long) == [i * 0.5 if i % 7 else "s" + str(i) for i in range(5000)]


@pytest.mark.contract("jsproxy.in-iter")
@run_inside
def test_an_array_read_ahead_still_throws_at_the_item_that_throws_and_ends_at_its_length():
    from probes import jsf

    from pyscript_ffi import JsException

    a = jsf(
        "const a = [0, 1, 2, 3]; Object.defineProperty(a, 2, {get() { throw new RangeError('two') }});"
        " return a"
    )()
    seen = []
    try:
        for x in a:
            seen.append(x)
        raise AssertionError("no error")
    except JsException as e:
        assert e.name == "RangeError" and seen == [0, 1]
    like = jsf(
        "return {length: 3, 0: 'a', 1: 'b', 2: 'c', 3: 'not read', [Symbol.iterator]: Array.prototype.values}"
    )()
    assert list(like) == ["a", "b", "c"]
    assert list(jsf("return {length: undefined, 0: 'x', [Symbol.iterator]: Array.prototype.values}")()) == []
    grows = jsf("const a = [1, 2]; return a")()
    it = iter(grows)
    assert next(it) == 1
    grows.push(3)  # read ahead: the run already read stays (SPEC: iteration may fetch ahead)
    rest = list(it)
    assert rest in ([2], [2, 3])


@pytest.mark.contract("jsproxy.in-iter")
@run_inside
async def test_await_and_async_for():
    from probes import jsf

    from pyscript_ffi import JsException, js

    assert await js.Promise.resolve(2**40) == 2**40
    try:
        await js.Promise.reject(js.Error.new("no"))
        raise AssertionError("no error")
    except JsException as e:
        assert e.message == "no"
    gen = jsf("return (async function* () { yield 1; yield {a: 2} })()")()
    seen = []
    async for x in gen:
        seen.append(x)
    assert seen[0] == 1 and seen[1].a == 2


@pytest.mark.contract("jsproxy.identity")
@run_inside
def test_identity_hash_repr_isinstance_typeof_instanceof():
    from pyscript_ffi import JsProxy, js

    o = js.JSON.parse('{"a": {}}')
    assert o.a == o.a and o.a != o and hash(o.a) == hash(o.a)
    assert len({o.a: 1, o["a"]: 2}) == 1
    assert repr(o) == "<JsProxy [object Object]>"
    revoked = js.Proxy.revocable(js.Object.new(), js.Object.new())
    revoked.revoke()
    assert repr(revoked.proxy).startswith("<JsProxy")
    assert isinstance(o, JsProxy)
    assert (o.typeof, js.Math.max.typeof) == ("object", "function")
    assert o.instanceof(js.Object) and not o.instanceof(js.Array)


@pytest.mark.contract("jsproxy.safety")
@run_inside
def test_every_js_throw_is_js_exception_and_the_interpreter_keeps_working():
    from probes import jsf

    from pyscript_ffi import JsException, js

    hostile = jsf(
        "const r = Proxy.revocable({}, {}); r.revoke();"
        "const trap = new Proxy({}, {get() { throw new Error('get') }, has() { throw new Error('has') },"
        " getPrototypeOf() { throw new Error('proto') }, set() { throw new Error('set') }});"
        "return {revoked: r.proxy, trap, get bad() { throw new RangeError('getter') }}"
    )()
    attempts = [
        lambda: hostile.bad,
        lambda: hostile.revoked.x,
        lambda: hostile.trap.x,
        lambda: "x" in hostile.trap,
        lambda: len(hostile.revoked),
        lambda: hostile.revoked(),
        lambda: setattr(hostile.trap, "x", 1),
        lambda: js.JSON.parse("{bad"),
    ]
    names = []
    for attempt in attempts:
        try:
            attempt()
            names.append("no error")
        except JsException as e:
            names.append(e.name)
    assert names == [
        "RangeError",
        "TypeError",
        "Error",
        "Error",
        "TypeError",
        "TypeError",
        "Error",
        "SyntaxError",
    ]
    assert type(hostile.revoked).__name__ == "JsProxy"
    assert js.Math.max(1, 2) == 2


@pytest.mark.contract("errors.any-thrown-value")
@run_inside
def test_whatever_js_throws_is_js_exception():
    from probes import jsf

    from pyscript_ffi import JsException

    thrower = jsf("v", "throw v")
    r = jsf("const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy")()
    seen = []
    for value in [None, 42, "text", jsf("return Symbol('s')")(), r, jsf("return new TypeError('t')")()]:
        try:
            thrower(value)
        except JsException as e:
            seen.append((e.name, type(e.message).__name__))
    assert [s[0] for s in seen] == ["object", "number", "string", "symbol", "Error", "TypeError"]


@pytest.mark.contract("js.callable-lifetime")
@run_inside
async def test_fresh_lambdas_passed_to_js_are_released_once_js_drops_them():
    from probes import collect_garbage, jsf, live_proxies_after_gc

    from pyscript_ffi import js, live_proxies

    drop = jsf("f", "return typeof f")
    await collect_garbage()
    before = live_proxies()
    box = js.Object.new()
    for i in range(1000):
        assert drop(lambda i=i: i) == "function"  # a call argument
        assert drop(f=lambda i=i: i) == "object"  # a keyword argument
        box.f = lambda i=i: i  # an assignment
        box["g"] = [lambda i=i: i]  # an item assignment, inside a container
    box.f = box["g"] = None  # JS drops the last ones too
    assert await live_proxies_after_gc(before) == before


@pytest.mark.contract("js.callable-lifetime")
@run_inside
async def test_a_lambda_js_keeps_survives_garbage_collection_until_js_drops_it():
    from probes import collect_garbage, jsf, live_proxies_after_gc

    from pyscript_ffi import js, live_proxies

    await collect_garbage()
    before = live_proxies()
    fired = []
    js.setTimeout(lambda: fired.append(1), 30)  # no borrowed proxy destroyed after the call
    jsf("f", "globalThis.__keep = f")(lambda x: x + 1)
    await collect_garbage()
    assert jsf("return globalThis.__keep(41)")() == 42
    for _ in range(100):  # the timer fires ~30 ms later, past a few collections
        if fired:
            break
        await collect_garbage()
    assert fired == [1]
    jsf("delete globalThis.__keep")()
    assert await live_proxies_after_gc(before) == before


@pytest.mark.contract("js.callable-lifetime")
@run_inside
async def test_a_callable_create_proxy_keeps_is_passed_as_that_function_and_survives_garbage_collection():
    from probes import collect_garbage, jsf, same

    from pyscript_ffi import create_proxy, live_proxies

    await collect_garbage()
    before = live_proxies()
    f = lambda: 7  # noqa: E731
    proxy = create_proxy(f)
    assert same(proxy, f) is True  # passing `f` passes the create_proxy function
    await collect_garbage()
    assert live_proxies() == before + 1
    assert same(create_proxy(f), f) is True
    assert jsf("g", "return g()")(f) == 7
    proxy.destroy()
    assert live_proxies() == before


@pytest.mark.contract("js.callable-lifetime")
@run_inside
async def test_create_proxy_of_a_callable_js_holds_gives_that_function_and_keeps_it():
    from probes import collect_garbage, jsf, same

    from pyscript_ffi import create_proxy, live_proxies

    await collect_garbage()
    before = live_proxies()
    f = lambda: 7  # noqa: E731
    jsf("f", "globalThis.__held = f")(f)
    proxy = create_proxy(f)
    assert jsf("p", "return p === globalThis.__held")(proxy) is True
    jsf("delete globalThis.__held")()
    await collect_garbage()
    assert live_proxies() == before + 1  # create_proxy keeps it now
    assert same(proxy, f) is True
    proxy.destroy()
    assert live_proxies() == before
