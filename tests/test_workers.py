"""query, gather, direct, assign on the main thread: reflected-ffi's semantics.

The same four in real PyScript workers (Chromium) are checked by
`tests/test_site.py` (the worker task board and the live check page).
"""

import pytest

from pytest_run_inside import run_inside


@pytest.mark.contract("workers.query")
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("a.b[0].c", 7),
        ("a.b[0]['c']", 7),
        ('a["b"][1]', 8),
        ("a.b.1", 8),
        ("s.length", 2),
    ],
)
@run_inside
def test_query_walks_dots_and_brackets(path, expected):
    from probes import tree

    from pyscript_ffi import query

    assert query(tree(), path) == expected


@pytest.mark.contract("workers.query", "workers.gather")
@run_inside
def test_query_and_gather_read_a_js_function_read_as_an_attribute():
    from pyscript_ffi import gather, js, query

    # MicroPython >= 1.26 hands `js.JSON.parse` to Python as a bound_method
    assert query(js.JSON.parse, "length") == 2
    assert list(gather(js.Math.max, "length", "call.length")) == [2, 1]


@pytest.mark.contract("workers.missing")
@pytest.mark.parametrize("path", ["a.missing.deeper", "n.anything", "a.b[5].c", "nope"])
@run_inside
def test_query_missing_step_gives_undefined_not_an_error(path):
    from probes import tree

    from pyscript_ffi import is_none, query

    assert is_none(query(tree(), path)) is True


@pytest.mark.contract("workers.query")
@run_inside
def test_query_splits_bracket_keys_on_dots_like_reflected_ffi():
    from probes import tree

    from pyscript_ffi import is_none, query

    # reflected-ffi turns ['x.y'] into .x.y: the key "x.y" is not reachable by path.
    assert is_none(query(tree(), "['x.y']")) is True


@pytest.mark.contract("workers.query")
@run_inside
def test_query_gives_js_objects_as_themselves():
    from probes import same, tree

    from pyscript_ffi import query

    t = tree()
    assert same(query(t, "a.b"), t.a.b) is True


@pytest.mark.contract("workers.gather")
@run_inside
def test_gather_unpacks_several_paths_in_order():
    from probes import tree

    from pyscript_ffi import gather, is_none

    c, eight, s, missing = gather(tree(), "a.b[0].c", "a.b[1]", "s", "zz")
    assert [c, eight, s, is_none(missing)] == [7, 8, "hi", True]


@pytest.mark.contract("workers.gather")
@run_inside
def test_gather_with_no_paths_is_an_empty_tuple():
    from probes import tree

    from pyscript_ffi import gather

    assert gather(tree()) == ()


@pytest.mark.contract("workers.gather")
@run_inside
def test_gather_from_the_js_global_scope():
    from pyscript_ffi import gather, is_none, js

    is_array, n, nothing = gather(js, "Array.isArray", "Array.isArray.length", "no.such")
    assert [is_array(js.Array.new()), n, is_none(nothing)] == [True, 1, True]


@pytest.mark.contract("workers.missing")
@run_inside
def test_query_getter_that_throws_raises_js_exception_and_interpreter_keeps_working():
    from probes import jsf

    from pyscript_ffi import JsException, query

    bad = jsf('return { get boom() { throw new RangeError("no") } }')()
    try:
        query(bad, "boom")
        raise AssertionError("no error")
    except JsException as e:
        assert [e.name, e.message, query(bad, "missing") is None] == ["RangeError", "no", True]


@pytest.mark.contract("workers.direct")
@run_inside
def test_direct_is_identity_on_the_main_thread():
    from probes import same

    from pyscript_ffi import direct, js

    o = js.Object.new()
    assert same(direct(o), o) is True
    assert direct(5) == 5


@pytest.mark.contract("assign.merge")
@run_inside
def test_assign_merges_python_and_js_sources_and_returns_target():
    from probes import same, show

    from pyscript_ffi import assign, js

    target = js.JSON.parse('{"keep": 0}')
    out = assign(target, {"a": [1, None]}, js.JSON.parse('{"b": 2}'), {"b": 3})
    assert same(out, target) is True
    assert show(target) == '{"keep":0,"a":[1,null],"b":3}'


@pytest.mark.contract("assign.proto")
@run_inside
def test_assign_nested_proto_key_is_an_own_property():
    from probes import jsf

    from pyscript_ffi import assign, js

    target = assign(js.Object.new(), {"inner": {"__proto__": {"x": 1}}})
    check = jsf(
        "t",
        "return Object.getPrototypeOf(t.inner) === Object.prototype"
        ' && Object.keys(t.inner).join() === "__proto__" && ({}).x === undefined',
    )
    assert check(target) is True


@pytest.mark.contract("assign.errors")
@run_inside
def test_assign_to_a_frozen_object_raises_js_exception():
    from pyscript_ffi import JsException, assign, js, query

    frozen = js.Object.freeze(js.Object.new())
    try:
        assign(frozen, {"a": 1})
        raise AssertionError("no error")
    except JsException as e:
        assert [e.name, query(js, "Math.PI") > 3] == ["TypeError", True]


@pytest.mark.contract("assign.errors")
@run_inside
def test_assign_bad_key_raises_conversion_error_and_target_untouched():
    from probes import show

    from pyscript_ffi import ConversionError, assign, js

    target = js.Object.new()
    try:
        assign(target, {"ok": 1}, {(1, 2): 3})
        raise AssertionError("no error")
    except ConversionError as e:
        assert [e.path, show(target)] == ["$[1]", "{}"]


@pytest.mark.contract("proxy.destroy")
@run_inside
def test_a_handler_can_destroy_its_own_proxy_while_running():
    # The task board's delete handler does this: the call still returns its value.
    from probes import jsf

    from pyscript_ffi import create_proxy, live_proxies

    before = live_proxies()

    def once_only():
        me.destroy()
        return "done"

    me = create_proxy(once_only)
    call = jsf(
        "f", 'const r = f(); try { f(); return [r, "no error"] } catch (e) { return [r, e instanceof Error] }'
    )
    first, second = call(me)
    assert [first, second, live_proxies() - before] == ["done", True, 0]
