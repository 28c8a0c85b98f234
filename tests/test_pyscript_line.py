"""What the page's one line (`pyscript_ffi.js`) relies on, in bare interpreters,
on every version: what PyScript's stdlib does with JS values (stores Python
objects and bound methods on JS objects and reads them back, forwards
attributes to a JsProxy, reads main-thread objects and `__py_terminal__`), and
`_in_pyscript`'s own steps (`before`, `after`). The pages themselves:
tests/test_pyscript_pages.py."""

import pytest

from pytest_run_inside import run_inside


@pytest.mark.contract("js.read-back")
@run_inside
def test_a_python_object_written_to_js_reads_back_as_itself_every_time():
    from pyscript_ffi import js

    class Response:
        pass

    response = Response()
    promise = js.Object.new()
    promise._response = None
    assert promise._response is None
    promise._response = response
    # read again and again, and by JS too: the JS side keeps it (Pyodide destroys a
    # proxy a call returns, so it gets a copy)
    assert [promise._response is response for _ in range(3)] == [True] * 3
    assert js.Reflect.get(promise, "_response") is response
    holder = js.Array.new()
    holder.push(response)
    assert holder[0] is response and holder[0] is response


@pytest.mark.contract("js.read-back")
@run_inside
def test_a_callable_written_to_js_reads_back_as_that_callable():
    from pyscript_ffi import create_proxy, js

    class Fetch:
        def __init__(self):
            self.n = 0

        def json(self):
            self.n += 1
            return {"n": self.n}

    fetch = Fetch()
    promise = js.Object.new()
    promise.json = fetch.json  # a bound method, as PyScript's fetch() stores its methods
    assert promise.json == fetch.json
    assert promise.json() == {"n": 1}  # called in Python: a dict, not a JS object
    assert js.Reflect.apply(promise.json, None, js.Array.new()).n == 2  # JS calls the same function

    def handler(x):
        return x + 1

    proxy = create_proxy(handler)
    promise.handler = proxy
    assert promise.handler is handler
    proxy.destroy()
    assert promise.handler is not handler  # a destroyed proxy is just a JS function
    assert promise.handler.typeof == "function"


@pytest.mark.contract("proxy.awaitable-type")
@run_inside
def test_an_object_forwarding_attributes_to_a_jsproxy_is_returned_not_awaited():
    from probes import jsf

    from pyscript_ffi import js

    class Forwarding:  # PyScript's fetch response: every unknown attribute is the JsProxy's
        def __init__(self, target):
            self._target = target

        def __getattr__(self, name):
            return getattr(self._target, name)

    wrapped = Forwarding(js.Object.new())
    assert jsf("f", "return f() instanceof Promise")(lambda: wrapped) is False
    assert jsf("f", "return f()")(lambda: wrapped) is wrapped


@pytest.mark.contract("to_py.other-realm")
@run_inside
def test_a_plain_object_of_another_realm_converts_as_a_dict():
    from probes import jsf

    from pyscript_ffi import JsProxy, to_py

    # another realm's Object.prototype (a main-thread object seen from a PyScript worker
    # has the main thread's): no prototype of its own, a constructor named Object
    other = jsf(
        "const proto = Object.create(null);"
        "const Ctor = { Object: function () {} }.Object;"
        "Ctor.prototype = proto; proto.constructor = Ctor;"
        "const o = Object.create(proto); o.a = [1, Object.assign(Object.create(proto), {b: null})];"
        "return o;"
    )()
    assert to_py(other) == {"a": [1, {"b": None}]}
    not_plain = jsf("class Point { constructor() { this.x = 1; } } return new Point();")()
    assert type(to_py(not_plain)) is JsProxy
    lookalike = jsf(
        "const p = Object.create(null); p.constructor = {name: 'Object'}; return Object.create(p)"
    )()
    assert type(to_py(lookalike)) is JsProxy


@pytest.mark.contract("js.dunder")
@run_inside
def test_a_dunder_property_js_has_is_read_and_one_it_lacks_is_missing():
    from pyscript_ffi import js

    js.Reflect.set(js, "__py_terminal__", js.Object.new())
    try:
        assert js.__py_terminal__.typeof == "object"  # PyScript's terminal: `from js import __py_terminal__`
        assert getattr(js.Object.new(), "__missing_dunder__", "absent") == "absent"
    finally:
        js.Reflect.deleteProperty(js, "__py_terminal__")


@pytest.mark.contract("pyscript.portable", "pyscript.raw")
@pytest.mark.isolated
@run_inside
def test_before_puts_this_package_in_place_of_js_and_pyscript_ffi():
    import sys

    import pyscript_ffi
    from pyscript_ffi import _ffi_for_pyscript, _in_pyscript

    _in_pyscript.before()
    _in_pyscript.before()  # once only
    import js

    assert js is pyscript_ffi.js
    assert sys.modules["pyscript.ffi"] is _ffi_for_pyscript
    assert _ffi_for_pyscript.create_proxy is pyscript_ffi.create_proxy
    assert _ffi_for_pyscript.is_none(_ffi_for_pyscript.jsnull)
    names = pyscript_ffi.__all__
    assert [n for n in names if getattr(_ffi_for_pyscript, n) != getattr(pyscript_ffi, n)] == []
    if "pyodide" in sys.modules:  # the interpreter's own packages keep its own js
        import pyodide.code

        assert type(pyodide.code.run_js("({})")) is not pyscript_ffi.JsProxy
    assert __import__("json", None, None, ["dumps"]).dumps([1]) == "[1]"  # imports still work
    assert type(__import__("os.path")).__name__ == "module"


@pytest.mark.contract("pyscript.js-modules")
@pytest.mark.isolated
@run_inside
def test_after_makes_js_modules_a_module_whose_missing_names_are_import_errors():
    import sys

    from pyscript_ffi import JsProxy, _in_pyscript, js

    class Package:  # stands for PyScript's `pyscript` package
        pass

    sys.modules["pyscript"] = Package()
    sys.modules["pyscript.js_modules"] = js.JSON.parse('{"lodash": {"version": "4"}}')  # as PyScript does
    _in_pyscript.before()
    _in_pyscript.after()
    from pyscript.js_modules import lodash

    assert type(lodash) is JsProxy and lodash.version == "4"
    try:
        from pyscript.js_modules import missing  # noqa: F401
    except ImportError:
        pass
    else:
        raise AssertionError("no ImportError")
