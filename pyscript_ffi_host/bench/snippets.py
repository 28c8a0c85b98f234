"""What is timed: the Python snippets run inside the interpreter for each operation and
implementation, and the JS they use (`setup.js`)."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "IMPLS",
    "LABELS",
    "BINARY",
    "SMALL_BINARY",
    "PRELUDE",
    "SNIPPETS",
    "IMPORT_SNIPPET",
    "IMPORTS",
    "JS_SETUP",
    "MEMCPY_SNIPPET",
]

IMPLS = ("ours", "raw", "pyscript", "memcpy")
LABELS = {"ours": "pyscript_ffi", "raw": "raw FFI", "pyscript": "PyScript ffi.py", "memcpy": "JS u8.slice()"}
#: The binary operations: each also times the reference, a JS memcpy of the same bytes (`u8.slice()`).
BINARY = ("bytes_to_js", "bytes_to_py", "typed_to_js", "typed_to_py")
#: Many small buffers (64 bytes) each way: the fixed cost of one binary conversion.
SMALL_BINARY = ("small_bytes_to_js", "small_bytes_to_py")

#: Runs first in every timed snippet: a clock, test data, and the names of one implementation.
PRELUDE = r"""
import gc, sys, time, js
MP = sys.implementation.name == "micropython"
if MP:  # time.ticks_us() ticks in whole ms under Node: JS performance.now() instead
    clock = js.performance.now
    def since(t0):
        return js.performance.now() - t0
else:
    clock = time.perf_counter
    def since(t0):
        return (time.perf_counter() - t0) * 1000

def records(n):
    return [
        {"id": i, "name": "item " + str(i), "price": i * 0.5 + 0.25, "active": i %% 3 == 0,
         "tags": ["a", "b"], "parent": None}
        for i in range(n)
    ]

IMPL = %(impl)r
to_py = None
destroys = True
if IMPL == "ours":
    import pyscript_ffi as F
    to_js, to_py, create_proxy, is_none = F.to_js, F.to_py, F.create_proxy, F.is_none
    js = F.js  # the portable surface: every JS object is a pyscript_ffi.JsProxy
elif IMPL == "pyscript":
    from pyscript import ffi as F
    to_js, create_proxy, is_none = F.to_js, F.create_proxy, F.is_none
    destroys = not MP
elif MP:
    import json, jsffi
    to_js, create_proxy = jsffi.to_js, jsffi.create_proxy
    destroys = False
    def to_py(x):  # MicroPython has no to_py: the JSON route
        return json.loads(js.JSON.stringify(x))
    _U = type(js.undefined)
    def is_none(v):
        return v is None or type(v) is _U
else:
    from pyodide.ffi import to_js, create_proxy
    try:
        from pyodide.ffi import jsnull
    except ImportError:
        jsnull = None
    def to_py(x):
        return x.to_py()
    def is_none(v):
        return v is None or v is jsnull
gc.collect()
"""

#: Per operation: the timed code; it leaves milliseconds in `result` (None: not offered).
SNIPPETS = {
    "to_js": """
data = records(%(n)d)
gc.collect()
t0 = clock()
out = to_js(data)
result = since(t0)
""",
    "to_js_small": """
small = {"id": 1, "name": "a", "ok": True, "tags": ["x"]}
t0 = clock()
for i in range(%(n)d):
    to_js(small)
result = since(t0)
""",
    "to_py": """
if to_py is None:
    result = None
else:
    data = js.__benchRecords(%(n)d)
    gc.collect()
    t0 = clock()
    out = to_py(data)
    result = since(t0)
""",
    "js_calls_py": """
def echo(x):
    return x
proxy = create_proxy(echo)
result = js.__benchCallLoop(proxy, %(n)d)
if destroys:
    proxy.destroy()
""",
    "py_calls_js": """
f = js.__benchIdentity
t0 = clock()
for i in range(%(n)d):
    f(i)
result = since(t0)
""",
    "attr_read": """
o = js.__benchObj
t0 = clock()
for i in range(%(n)d):
    o.a
result = since(t0)
""",
    "method_call": """
o = js.__benchObj
t0 = clock()
for i in range(%(n)d):
    o.m(i)
result = since(t0)
""",
    "attr_write": """
o = js.__benchObj
t0 = clock()
for i in range(%(n)d):
    o.b = i
result = since(t0)
""",
    "item_get": """
a = js.__benchArray
t0 = clock()
for i in range(%(n)d):
    a[1]
result = since(t0)
""",
    "item_set": """
a = js.__benchArray
t0 = clock()
for i in range(%(n)d):
    a[1] = i
result = since(t0)
""",
    "iterate": """
a = js.__benchRange(%(n)d)
t0 = clock()
for x in a:
    pass
result = since(t0)
""",
    "new_object": """
C = js.__benchClass
t0 = clock()
for i in range(%(n)d):
    C.new(i)
result = since(t0)
""",
    "dom_loop": """
doc = js.__benchDoc
root = doc.createElement("ul")
t0 = clock()
for i in range(%(n)d):
    el = doc.createElement("li")
    el.className = "item"
    el.textContent = "row"
    el.style.color = "red"
    root.append(el)
result = since(t0)
""",
    "proxy_create_destroy": """
def handler(x):
    return x
t0 = clock()
for i in range(%(n)d):
    p = create_proxy(handler)
    if destroys:
        p.destroy()
result = since(t0)
""",
    # binary data, %(n)d bytes; the raw MicroPython FFI has no conversion for buffers (None)
    "bytes_to_js": """
if IMPL != "ours" and MP:
    result = None
else:
    data = bytes(range(256)) * (%(n)d // 256)
    gc.collect()
    t0 = clock()
    out = to_js(data)
    result = since(t0)
""",
    "bytes_to_py": """
if IMPL == "pyscript" or (IMPL == "raw" and MP):
    result = None
else:
    data = js.__benchBytes(%(n)d)
    gc.collect()
    t0 = clock()
    out = to_py(data) if IMPL == "ours" else data.to_bytes()
    result = since(t0)
""",
    "typed_to_js": """
if IMPL != "ours" and MP:
    result = None
else:
    from array import array
    data = array("f", bytes(range(256)) * (%(n)d // 256))
    gc.collect()
    t0 = clock()
    out = to_js(data)
    result = since(t0)
""",
    "typed_to_py": """
if IMPL == "pyscript" or (IMPL == "raw" and MP):
    result = None
else:
    data = js.Float32Array.new(js.__benchBytes(%(n)d).buffer)
    gc.collect()
    t0 = clock()
    out = to_py(data) if IMPL == "ours" else data.to_py()
    result = since(t0)
""",
    "small_bytes_to_js": """
if IMPL != "ours" and MP:
    result = None
else:
    data = bytes(range(64))
    t0 = clock()
    for i in range(%(n)d):
        to_js(data)
    result = since(t0)
""",
    "small_bytes_to_py": """
if IMPL == "pyscript" or (IMPL == "raw" and MP):
    result = None
else:
    data = js.__benchBytes(64)
    convert = to_py if IMPL == "ours" else (lambda x: x.to_bytes())
    t0 = clock()
    for i in range(%(n)d):
        convert(data)
    result = since(t0)
""",
    "is_none": """
values = [None, js.JSON.parse("null"), 0, "", js.Object.new()] * (%(n)d // 5)
t0 = clock()
for v in values:
    is_none(v)
result = since(t0)
""",
}

#: `import pyscript_ffi` (ours) or `import pyscript.ffi` (PyScript), modules dropped first.
IMPORT_SNIPPET = r"""
import gc, sys, time
MP = sys.implementation.name == "micropython"
name = %(module)r
for m in list(sys.modules):
    if m == name or m.startswith(name + ".") or m == name.split(".")[0]:
        del sys.modules[m]
gc.collect()
if MP:
    import js
    t0 = js.performance.now()
    __import__(name)
    result = js.performance.now() - t0
else:
    t0 = time.perf_counter()
    __import__(name)
    result = (time.perf_counter() - t0) * 1000
"""

#: JS helpers the snippets use (the body of a function run once per interpreter).
JS_SETUP = (Path(__file__).parent / "setup.js").read_text() + "return true;\n"

#: The reference for the binary operations, timed in JS.
MEMCPY_SNIPPET = """
import js
result = js.__benchMemcpy(%(n)d)
"""

#: Which implementations offer an operation (raw FFIs have no import to time).
IMPORTS = {"ours": "pyscript_ffi", "pyscript": "pyscript.ffi"}
