"""query, gather, direct, assign on the main thread: reflected-ffi's semantics.

The same four in real PyScript workers (Chromium) are checked by
`tests/test_site.py` (the worker task board and the live check page).
"""

import pytest

IMPORTS = "from pyscript_ffi import *\nfrom pyscript_ffi import js\n"
# One JS object with nested arrays/objects, made in JS (not converted from Python).
TREE = 'tree = js.JSON.parse(\'{"a": {"b": [{"c": 7}, 8]}, "x.y": 1, "n": null, "s": "hi"}\')\n'
SAME = "same = js.Function.new('a', 'b', 'return a === b')\n"


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
def test_query_walks_dots_and_brackets(interp, path, expected):
    assert interp.run(IMPORTS + TREE + f"result = query(tree, {path!r})") == expected


def test_query_and_gather_read_a_js_function_read_as_an_attribute(interp):
    # MicroPython >= 1.26 hands `js.JSON.parse` to Python as a bound_method
    code = IMPORTS + "result = [query(js.JSON.parse, 'length'), gather(js.Math.max, 'length', 'call.length')]"
    assert interp.run(code) == [2, [2, 1]]


@pytest.mark.parametrize("path", ["a.missing.deeper", "n.anything", "a.b[5].c", "nope"])
def test_query_missing_step_gives_undefined_not_an_error(interp, path):
    assert interp.run(IMPORTS + TREE + f"result = is_none(query(tree, {path!r}))") is True


def test_query_splits_bracket_keys_on_dots_like_reflected_ffi(interp):
    # reflected-ffi turns ['x.y'] into .x.y: the key "x.y" is not reachable by path.
    assert interp.run(IMPORTS + TREE + "result = is_none(query(tree, \"['x.y']\"))") is True


def test_query_gives_js_objects_as_themselves(interp):
    code = IMPORTS + TREE + SAME + "result = same(query(tree, 'a.b'), tree.a.b)"
    assert interp.run(code) is True


def test_gather_unpacks_several_paths_in_order(interp):
    code = IMPORTS + TREE + "c, eight, s, missing = gather(tree, 'a.b[0].c', 'a.b[1]', 's', 'zz')\n"
    code += "result = [c, eight, s, is_none(missing)]"
    assert interp.run(code) == [7, 8, "hi", True]


def test_gather_with_no_paths_is_an_empty_tuple(interp):
    assert interp.run(IMPORTS + TREE + "result = gather(tree) == ()") is True


def test_gather_from_the_js_global_scope(interp):
    code = IMPORTS + "is_array, n, nothing = gather(js, 'Array.isArray', 'Array.isArray.length', 'no.such')\n"
    code += "result = [is_array(js.Array.new()), n, is_none(nothing)]"
    assert interp.run(code) == [True, 1, True]


def test_query_getter_that_throws_raises_js_exception_and_interpreter_keeps_working(interp):
    code = IMPORTS + (
        "bad = js.Function.new('return { get boom() { throw new RangeError(\"no\") } }')()\n"
        "try:\n    query(bad, 'boom')\n    result = 'no error'\n"
        "except JsException as e:\n    result = [e.name, e.message, query(bad, 'missing') is None]"
    )
    assert interp.run(code) == ["RangeError", "no", True]


def test_direct_is_identity_on_the_main_thread(interp):
    code = IMPORTS + SAME + "o = js.Object.new()\nresult = [same(direct(o), o), direct(5)]"
    assert interp.run(code) == [True, 5]


def test_assign_merges_python_and_js_sources_and_returns_target(interp):
    code = (
        IMPORTS
        + SAME
        + (
            "target = js.JSON.parse('{\"keep\": 0}')\n"
            "out = assign(target, {'a': [1, None]}, js.JSON.parse('{\"b\": 2}'), {'b': 3})\n"
            "result = [same(out, target), js.__show(target)]"
        )
    )
    assert interp.run(code) == [True, '{"keep":0,"a":[1,null],"b":3}']


def test_assign_nested_proto_key_is_an_own_property(interp):
    code = IMPORTS + (
        "target = assign(js.Object.new(), {'inner': {'__proto__': {'x': 1}}})\n"
        "check = js.Function.new('t', 'return Object.getPrototypeOf(t.inner) === Object.prototype "
        '&& Object.keys(t.inner).join() === "__proto__" && ({}).x === undefined\')\n'
        "result = check(target)"
    )
    assert interp.run(code) is True


def test_assign_to_a_frozen_object_raises_js_exception(interp):
    code = IMPORTS + (
        "frozen = js.Object.freeze(js.Object.new())\n"
        "try:\n    assign(frozen, {'a': 1})\n    result = 'no error'\n"
        "except JsException as e:\n    result = [e.name, query(js, 'Math.PI') > 3]"
    )
    assert interp.run(code) == ["TypeError", True]


def test_assign_bad_key_raises_conversion_error_and_target_untouched(interp):
    code = IMPORTS + (
        "target = js.Object.new()\n"
        "try:\n    assign(target, {'ok': 1}, {(1, 2): 3})\n    result = 'no error'\n"
        "except ConversionError as e:\n    result = [e.path, js.__show(target)]"
    )
    assert interp.run(code) == ["$[1]", "{}"]


def test_a_handler_can_destroy_its_own_proxy_while_running(interp):
    # The task board's delete handler does this: the call still returns its value.
    code = IMPORTS + (
        "before = live_proxies()\n"
        "def once_only():\n    me.destroy()\n    return 'done'\n"
        "me = create_proxy(once_only)\n"
        "call = js.Function.new('f', 'const r = f(); try { f(); return [r, \"no error\"] } "
        "catch (e) { return [r, e instanceof Error] }')\n"
        "first, second = call(me)\n"
        "result = [first, second, live_proxies() - before]"
    )
    assert interp.run(code) == ["done", True, 0]
