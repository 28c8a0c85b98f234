"""Callbacks that never lose an error's type and never end the JS process, calls
with very many arguments, `create_proxy` of something not callable, and paths
that must be strings. Each body runs inside every interpreter."""

import pytest

from pytest_run_inside import run_inside

BASE_EXCEPTIONS = ["SystemExit", "KeyboardInterrupt", "GeneratorExit"]


@pytest.mark.contract("proxy.error-type")
@run_inside
def test_python_error_in_js_carries_its_type():
    from probes import jsf

    from pyscript_ffi import create_proxy

    def fails():
        raise KeyError("k")

    read = jsf("f", 'try { f() } catch (e) { return [e.name, e.type, e.pythonType].join("|") }')
    assert read(create_proxy(fails)) == "PythonError|KeyError|KeyError"


@pytest.mark.contract("proxy.error-type")
@run_inside
def test_exception_whose_str_raises_still_arrives_with_its_type():
    from probes import jsf

    from pyscript_ffi import create_proxy

    class Unprintable(Exception):
        def __str__(self):
            raise ValueError("no str")

    def fails():
        raise Unprintable()

    read = jsf("f", 'try { f() } catch (e) { return [e instanceof Error, e.name, e.type].join("|") }')
    assert read(create_proxy(fails)) == "true|PythonError|Unprintable"


@pytest.mark.contract("proxy.error-type")
@run_inside
async def test_async_exception_whose_str_raises_rejects_with_its_type():
    from probes import jsf

    from pyscript_ffi import create_proxy

    class Unprintable(Exception):
        def __str__(self):
            raise ValueError("no str")

    async def fails():
        raise Unprintable()

    read = jsf("f", 'return f().then(() => "resolved", (e) => [e.name, e.type].join("|"))')
    assert await read(create_proxy(fails)) == "PythonError|Unprintable"


@pytest.mark.contract("proxy.base-exception")
@pytest.mark.parametrize("name", BASE_EXCEPTIONS)
@run_inside
def test_base_exception_in_a_callback_is_a_js_throw(name):
    import builtins

    from probes import jsf

    from pyscript_ffi import create_proxy

    def fails():
        raise getattr(builtins, name)()

    read = jsf(
        "f", 'try { f(); return "returned" } catch (e) { return [e instanceof Error, e.type].join("|") }'
    )
    assert read(create_proxy(fails)) == "true|" + name
    assert jsf("f", "return f(2)")(create_proxy(lambda x: x * 21)) == 42  # the interpreter keeps working


@pytest.mark.contract("proxy.base-exception")
@pytest.mark.parametrize("name", BASE_EXCEPTIONS)
@run_inside
async def test_base_exception_in_an_async_callback_rejects_its_promise(name):
    import asyncio
    import builtins

    from probes import jsf

    from pyscript_ffi import create_proxy

    async def fails():
        await asyncio.sleep(0)
        raise getattr(builtins, name)()

    read = jsf("f", 'return f().then(() => "resolved", (e) => [e instanceof Error, e.type].join("|"))')
    assert await read(create_proxy(fails)) == "true|" + name
    await asyncio.sleep(0.05)  # an uncaught error would end the JS process before the next test

    async def works():
        return 7

    assert await jsf("f", "return f()")(create_proxy(works)) == 7


@pytest.mark.contract("proxy.many-arguments")
@run_inside
def test_a_thousand_object_arguments_arrive():
    from probes import jsf

    from pyscript_ffi import JsProxy, create_proxy

    def count(*args):
        return [len(args), all(isinstance(a, JsProxy) for a in args)]

    call = jsf("f", "const a = []; for (let i = 0; i < 1000; i++) a.push({i}); return __show(f(...a))")
    assert call(create_proxy(count)) == "[1000,true]"


@pytest.mark.contract("proxy.many-arguments")
@run_inside
def test_a_thousand_number_arguments_arrive():
    from probes import jsf

    from pyscript_ffi import create_proxy

    call = jsf("f", "const a = []; for (let i = 0; i < 1000; i++) a.push(i * 2 ** 33); return f(...a)")
    assert call(create_proxy(lambda *args: sum(args) == 999 * 1000 // 2 * 2**33)) is True


@pytest.mark.contract("proxy.not-callable")
@pytest.mark.parametrize("make", ["js.Object.new()", "js.JSON.parse('[1]')", "1", "'text'", "[print]"])
@run_inside
def test_create_proxy_of_something_not_callable_is_a_type_error(make):
    from pyscript_ffi import create_once_callable, create_proxy, js

    value = eval(make, {"js": js})
    for make_proxy in (create_proxy, create_once_callable):
        try:
            make_proxy(value)
        except TypeError:
            pass
        else:
            raise AssertionError(make_proxy.__name__ + " accepted " + make)


@pytest.mark.contract("proxy.not-callable")
@run_inside
def test_create_proxy_of_a_js_function_is_accepted():
    from probes import jsf

    from pyscript_ffi import create_proxy

    assert jsf("f", "return typeof f")(create_proxy(jsf("return 1"))) == "function"


@pytest.mark.contract("workers.path-type")
@pytest.mark.parametrize("path", ["None", "1", "b'a'", "['a']", "1.5"])
@run_inside
def test_query_and_gather_refuse_a_path_that_is_not_a_str(path):
    from probes import tree

    from pyscript_ffi import gather, query

    bad = eval(path)
    for read in (lambda: query(tree(), bad), lambda: gather(tree(), "s", bad)):
        try:
            read()
        except TypeError:
            pass
        else:
            raise AssertionError("accepted " + path)
    assert query(tree(), "a.b[0].c") == 7  # the interpreter keeps working


@pytest.mark.contract("workers.path-type")
@run_inside
def test_a_str_subclass_is_a_path():
    from probes import tree

    from pyscript_ffi import query

    class Path(str):
        pass

    assert query(tree(), Path("a.b[1]")) == 8
