"""Fast paths: JSON-shaped data takes a quicker route (marshal bytes both ways on
Pyodide; on MicroPython raw `jsffi.to_js` after a type check, and JSON text for
`to_py`), and every value gives exactly what the tape gives.

Each case converts the same value twice, through the public function and through
the tape alone, and compares what JS (or Python) observes, errors included. The
values and the helpers are `tests/routes.py`, copied into every interpreter.
"""

import pytest
from routes import JS_VALUES, PY_VALUES, WIRE_VALUES

from pytest_run_inside import run_inside


@pytest.mark.contract("to_js.routes")
@pytest.mark.parametrize("name", list(PY_VALUES))
@run_inside
def test_to_js_fast_path_matches_tape(name):
    from routes import PY_VALUES, js_outcome, tape_to_js

    from pyscript_ffi import to_js

    make = PY_VALUES[name]
    assert js_outcome(to_js, make) == js_outcome(tape_to_js, make)


@pytest.mark.contract("to_js.routes")
@run_inside
def test_to_js_of_json_shaped_data_takes_the_fast_route():
    from routes import internals

    import pyscript_ffi

    bridge = internals()[0]
    assert pyscript_ffi.backend.fast_to_js([{"a": [1, 2.5, None, "x"]}], bridge.helpers) is not None
    many = [{"id": i, "name": "item " + str(i), "tags": ["a"]} for i in range(2000)]
    assert pyscript_ffi.backend.fast_to_js(many, bridge.helpers) is not None


@pytest.mark.contract("to_js.routes")
@pytest.mark.interpreters("micropython")
@run_inside
def test_to_js_on_micropython_reads_json_shaped_data_in_the_heap():
    from routes import PY_VALUES, internals

    import pyscript_ffi

    backend = pyscript_ffi.backend
    helpers = internals()[0].helpers
    assert backend._objects_route(helpers) is True  # JS reads the objects in the heap
    taken = [name for name, make in PY_VALUES.items() if backend.fast_to_js(make(), helpers) is not None]
    assert "many-records" in taken and "long-interned-strings" in taken and "many-interned-keys" in taken
    assert "floats" in taken and "ints" in taken and "lone-surrogates" in taken and "shared-dict" in taken
    assert "dict-subclass" not in taken and "cycle" not in taken and "clashing-keys" not in taken
    assert "deep-64" in taken and "deep-500" not in taken
    assert "subclasses" not in taken and "bytes" not in taken


@pytest.mark.contract("to_js.routes")
@pytest.mark.parametrize("name", list(PY_VALUES) + list(WIRE_VALUES))
@run_inside
def test_a_proxy_result_matches_the_tape(name):
    # JS -> Python calls pass the common results (int32, str, float, bool, None) as
    # they are (`_dispatch`, `_reply` in _proxies.py), the rest as JSON text (`wire`)
    from routes import PY_VALUES, WIRE_VALUES, proxy_outcome, tape_outcome

    make = WIRE_VALUES.get(name) or PY_VALUES[name]
    assert proxy_outcome(make) == tape_outcome(make)


@pytest.mark.contract("to_js.routes")
@pytest.mark.parametrize("name", list(PY_VALUES) + ["floats-17-digits"])
@run_inside
def test_a_call_argument_matches_the_tape(name):
    # arguments written to JS cross as JSON text (`wire`) unless they are simple;
    # a value the tape refuses is refused (the path then starts at the argument list)
    from routes import PY_VALUES, WIRE_VALUES, js_outcome, tape_outcome

    make = WIRE_VALUES.get(name) or PY_VALUES[name]
    expected, seen = tape_outcome(make), js_outcome(lambda v: v, make)
    if expected.startswith("ConversionError: ") or expected.startswith("JS Error: ConversionError: "):
        assert seen.startswith("ConversionError: ")
    else:
        assert seen == expected


@pytest.mark.contract("to_py.routes")
@pytest.mark.parametrize("name", list(JS_VALUES))
@run_inside
def test_to_py_fast_path_matches_tape(name):
    from routes import JS_VALUES, py_outcome, tape_to_py

    from pyscript_ffi import js, to_py

    def make():
        return js.Function.new("return " + JS_VALUES[name])()

    assert py_outcome(to_py, make) == py_outcome(tape_to_py, make)


@pytest.mark.contract("to_py.routes")
@run_inside
def test_to_py_of_json_shaped_data_takes_the_fast_route():
    from routes import internals

    from pyscript_ffi import js, to_py
    from pyscript_ffi._jsproxy import handle_of
    from pyscript_ffi._protocol import FAST

    bridge = internals()[0]
    assert bridge.helpers().toPyFast(handle_of(js.JSON.parse('{"a": [1, true, null, "x"]}')))[0] == FAST
    big = js.Function.new("return Array.from({length: 5000}, (_, i) => ({id: i, name: 'item ' + i}))")()
    expected = [{"id": i, "name": "item " + str(i)} for i in range(5000)]
    assert to_py(big) == expected  # (on MicroPython, from then on a long text takes the heap)
    answer = bridge.helpers().toPyFast(handle_of(big))
    assert answer[0] == FAST
    if bridge.backend.JSON_TAPES:  # MicroPython: long text waits in JS for `takeText`, as its UTF-8 length
        n = answer[1]
        assert type(n) is int
        assert bridge.backend.from_fast(n, bridge.helpers)[0] == expected


@pytest.mark.contract("to_js.routes")
@run_inside
def test_jsproxy_calls_and_assignments_write_what_the_tape_writes():
    # A JsProxy call or assignment hands a value that crosses exactly to JS as
    # it is (a check in Python); every other value goes through the tape.
    from probes import jsf, show
    from routes import tape_to_js

    from pyscript_ffi import call, js

    values = [0, -1, 2**30 - 1, 2**30, -(2**30), -(2**30) - 1, 2**31 - 1, -(2**31), 2**31, -(2**31) - 1]
    values += [2**53 + 1, 2**70, 1.5, -0.0, 1e300, float("inf"), True, False, None]
    values += ["", "abc", "a\x00b", "\ufeff" + "x" * 20, "\U0001f600", "\ud800" * 9, js.Object.new()]
    listed = jsf("return (...a) => __show(a)")()
    element = jsf("o", "return __show([o.x])")
    o = js.Object.new()
    for v in values:
        expected = show(tape_to_js([v]))
        assert listed(v) == expected == call(listed, v), repr(v)
        o.x = v
        assert element(o) == expected, repr(v)
