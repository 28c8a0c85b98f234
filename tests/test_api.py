"""The public names, JsProxy, create_proxy and assign: the rest of the foundation API.
Each body runs inside every interpreter (`is_none` is rows of the case table)."""

import pytest

from pyscript_ffi_host import contract
from pyscript_ffi_host.pytest_plugin import run_inside


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
