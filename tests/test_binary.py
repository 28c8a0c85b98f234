"""Binary data: the route bytes and typed arrays take (the conversions themselves
are rows of the case table and tests/test_properties.py's typed-array property)."""

import pytest

from pytest_run_inside import run_inside


@pytest.mark.contract("to_js.binary-route")
@run_inside
def test_buffers_cross_through_the_interpreters_memory_never_text():
    from array import array

    from probes import jsf
    from routes import internals

    import pyscript_ffi

    backend = pyscript_ffi.backend
    helpers = internals()[0].helpers
    if backend.NAME == "micropython":  # JS found the heap: no base64 anywhere
        assert backend._heap_route(helpers) is True
    u8 = backend.buffer_to_js(array("h", [1, -1]), "h", helpers)
    assert jsf("u", "return u instanceof Uint8Array && u.join()")(u8) == "1,0,255,255"
    back = backend.buffer_from_js(u8, 4, "h", helpers)
    assert list(back) == [1, -1]


@pytest.mark.contract("to_js.binary-route")
@run_inside
def test_a_megabyte_crosses_both_ways_exactly():
    from array import array

    from probes import jsf

    from pyscript_ffi import to_js, to_py

    data = bytes(range(256)) * 4096
    u8 = to_js(data)
    assert jsf("u", "let s = 0; for (let i = 0; i < u.length; i++) s = (s * 31 + u[i]) | 0; return s")(
        u8
    ) == (
        jsf("n", "let s = 0; for (let i = 0; i < n; i++) s = (s * 31 + (i & 255)) | 0; return s")(len(data))
    )
    assert to_py(u8) == data
    floats = array("d", [i / 7 for i in range(1000)])
    back = to_py(to_js(floats))
    assert repr(back[0:0]) == "array('d')"  # MicroPython's array has no `typecode` nor `==`
    assert bytes(back) == bytes(floats)


@pytest.mark.contract("to_js.binary-route")
@run_inside
def test_bytes_and_arrays_from_js_behave_as_any_bytes_and_array():
    import gc
    from array import array

    from probes import jsf

    from pyscript_ffi import to_py

    made = jsf("n", "return Uint8Array.from({length: n}, (_, i) => (i * 7) & 255)")
    data = to_py(made(1000))
    same = bytes((i * 7) & 255 for i in range(1000))
    assert type(data) is bytes and len(data) == 1000 and data == same and data[1:3] == b"\x07\x0e"
    assert hash(data) == hash(same) and {same: 1}[data] == 1 and data + b"!" == same + b"!"
    gc.collect()
    assert data == same and list(data) == list(same) and data.find(b"\x07\x0e") == 1
    floats = to_py(jsf("", "return Float64Array.from([1.5, -2, 1e300])")())
    assert type(floats) is array and list(floats) == [1.5, -2.0, 1e300]
    floats.append(4.0)  # an ordinary array: it grows
    gc.collect()
    assert list(floats) == [1.5, -2.0, 1e300, 4.0]
    assert to_py(made(0)) == b"" and repr(to_py(jsf("", "return new Int16Array(0)")())) == "array('h')"


@pytest.mark.contract("to_js.binary-route")
@run_inside
def test_byte_buffers_of_every_size_and_view_come_back_exactly():
    from probes import jsf

    from pyscript_ffi import to_js, to_py

    made = jsf("n", "return Uint8Array.from({length: n}, (_, i) => (i * 31 + 7) & 255)")
    for n in (0, 1, 63, 64, 1023, 1024, 1025, 5000):  # small buffers come as one text answer
        expected = bytes((i * 31 + 7) & 255 for i in range(n))
        assert to_py(made(n)) == expected
        assert to_py(to_js(expected)) == expected and to_py(to_js(bytearray(expected))) == expected
    view = jsf("return new DataView(Uint8Array.from([9, 8, 7, 6, 5]).buffer, 1, 3)")()
    sub = jsf("return Uint8Array.from([9, 8, 7, 6, 5]).subarray(2)")()
    clamped = jsf("return Uint8ClampedArray.from([300, -1, 5])")()
    assert [to_py(view), to_py(sub), to_py(clamped)] == [b"\x08\x07\x06", b"\x07\x06\x05", b"\xff\x00\x05"]
    assert to_py(jsf("return new ArrayBuffer(3)")()) == b"\x00\x00\x00"
