"""The public names, JsProxy, create_proxy and assign: the rest of the foundation API.
Each body runs inside every interpreter (`is_none` is rows of the case table)."""

import pytest

from pyscript_ffi_host import contract
from pytest_run_inside import run_inside


@pytest.mark.contract("api.names")
@pytest.mark.parametrize("names", [contract.public_names()], ids=["docs-contract-md"])
@run_inside
def test_public_names_are_exactly_the_documented_ones(names):
    import pyscript_ffi

    assert sorted(pyscript_ffi.__all__) == sorted(names)


@pytest.mark.contract("js.portable")
@run_inside
def test_js_objects_are_js_proxies():
    from pyscript_ffi import JsProxy, js

    assert isinstance(js.Object.new(), JsProxy)


@pytest.mark.contract("proxy.create")
@run_inside
def test_create_proxy_gives_a_js_function_calling_python():
    from probes import jsf, typeof_

    from pyscript_ffi import create_proxy

    f = create_proxy(lambda a, b: a * b)
    assert typeof_(f) == "function"
    assert jsf("f", "return f(6, 7)")(f) == 42


@pytest.mark.contract("proxy.result")
@run_inside
def test_create_proxy_result_is_converted_like_to_js():
    from probes import jsf

    from pyscript_ffi import create_proxy

    f = create_proxy(lambda: [{"n": None}, {"big": 2**40}])
    assert jsf("f", "return __show(f())")(f) == '[{"n":null},{"big":1099511627776}]'


@pytest.mark.contract("proxy.same-function")
@run_inside
def test_create_proxy_twice_gives_the_same_js_function():
    from probes import same

    from pyscript_ffi import create_proxy

    def handler(e):
        pass

    assert same(create_proxy(handler), create_proxy(handler)) is True


@pytest.mark.contract("proxy.errors")
@run_inside
def test_python_exception_reaches_js_as_error():
    from probes import jsf

    from pyscript_ffi import create_proxy

    def bad():
        raise ValueError("nope")

    read = jsf(
        "f", 'try { f(); return "no error" } catch (e) { return [e instanceof Error, e.message].join("|") }'
    )
    assert read(create_proxy(bad)) == "true|ValueError: nope"


@pytest.mark.contract("assign.merge")
@run_inside
def test_assign_merges_sources_in_order_and_returns_target():
    from probes import show

    from pyscript_ffi import assign, js

    target = js.Object.new()
    out = assign(target, {"a": 1}, {"b": 1}, {"b": 2})
    assert out == target
    assert show(target) == '{"a":1,"b":2}'


@pytest.mark.contract("assign.proto")
@run_inside
def test_assign_proto_key_never_changes_prototype():
    from probes import is_plain, show

    from pyscript_ffi import assign, js

    target = assign(js.Object.new(), {"__proto__": {"polluted": True}})
    assert is_plain(target) is True
    assert show(target) == '{"__proto__":{"polluted":true}}'


@pytest.mark.contract("proxy.once")
@run_inside
def test_once_callable_throws_on_second_call_and_is_released():
    from probes import jsf

    from pyscript_ffi import create_once_callable, live_proxies

    before = live_proxies()
    f = create_once_callable(lambda x: x + 1)
    twice = jsf(
        "f",
        'const a = f(1); try { f(2); return [a, "no error"] } catch (e) { return [a, e instanceof Error] }',
    )
    first, second = twice(f)
    assert [first, second, live_proxies() - before] == [2, True, 0]


@pytest.mark.contract("api.undefined")
@run_inside
def test_undefined_is_public_and_falsy():
    import pyscript_ffi
    from pyscript_ffi import undefined

    assert "undefined" in pyscript_ffi.__all__
    assert repr(undefined) == "undefined"
    assert not undefined


@pytest.mark.contract("to_js.undefined")
@run_inside
def test_undefined_crosses_as_a_call_argument():
    from probes import jsf

    from pyscript_ffi import call, call_method, js, new, undefined

    kinds = jsf("a", "b", "return [a === undefined, arguments.length, b === null].join()")
    assert call(kinds, undefined, None) == "true,2,true"
    holder = js.Object.new()
    holder.m = kinds
    assert call_method(holder, "m", undefined, None) == "true,2,true"
    box = jsf("a", "this.seen = a === undefined && arguments.length === 1")
    assert new(box, undefined).seen is True


@pytest.mark.contract("to_js.undefined")
@run_inside
def test_undefined_returned_by_a_callback_is_js_undefined():
    from probes import jsf

    from pyscript_ffi import create_proxy, undefined

    read = jsf("f", "const r = f(); return [r === undefined, __show(f.call(null, 1))].join()")
    assert read(create_proxy(lambda *a: undefined if not a else [undefined, {"k": undefined}])) == (
        'true,[undefined,{"k":undefined}]'
    )


@pytest.mark.contract("to_py.bigint-subclass")
@run_inside
def test_an_int_from_a_bigint_works_as_a_plain_int():
    from probes import jsf

    from pyscript_ffi import call

    n = call(jsf("return 5n"))
    assert type(n) is not int
    assert [n + 1, 1 + n, n * 2, 2 * n, 7 - n, 10 // n, 1 << n, 6 & n, n**2, 2**n] == [
        6,
        6,
        10,
        10,
        2,
        2,
        32,
        4,
        25,
        32,
    ]
    assert n == 5 and 5 == n and n != 4 and 4 != n
    assert {5: "five"}[n] == "five" and {n: "five"}[5] == "five"
    assert n > 4 and n < 6 and n >= 5 and n <= 5  # (MicroPython: `4 < n` raises TypeError)
    assert type(n + 1) is int


@pytest.mark.contract("proxy.capture-this")
@run_inside
def test_capture_this_passes_js_this_first():
    from probes import jsf

    from pyscript_ffi import create_proxy

    def describe(this, x):
        return [this.name, x * 2]

    f = create_proxy(describe, capture_this=True)
    read = jsf("f", "const o = {name: 'box', m: f}; return __show([o.m(21), f.call({name: 'other'}, 1)])")
    assert read(f) == '[["box",42],["other",2]]'


@pytest.mark.contract("proxy.capture-this")
@run_inside
def test_capture_this_is_none_for_a_plain_call_and_a_function_of_its_own():
    from probes import jsf, same

    from pyscript_ffi import create_proxy

    def this_is(this):
        return this is None

    f = create_proxy(this_is, capture_this=True)
    assert jsf("f", "return f()")(f) is True
    assert same(f, create_proxy(this_is, capture_this=True)) is True
    assert same(f, create_proxy(this_is)) is False
