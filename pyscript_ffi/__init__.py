"""One Python <-> JavaScript FFI that behaves the same on Pyodide and MicroPython.

```python
from pyscript_ffi import js, to_js, create_proxy, is_none

js.console.log(to_js({"a": [1, None, 2**60]}))  # {a: [1, null, 1152921504606846976n]}
```

The contract is docs/contract.md; the README shows it in brief. The interpreter backend is
chosen once, at import (`_backend`).
"""

from ._backend import backend
from ._bridge import helpers, to_python
from ._calls import _js_function, await_js, call, call_method, new
from ._errors import ConversionError, JsException
from ._proxies import _make, create_once_callable, create_proxy, live_proxies, proxy_for
from ._to_js import Options, convert_value
from ._workers import assign, direct, gather, query

__version__ = "0.1.0"

__all__ = [
    "js",
    "to_js",
    "to_py",
    "create_proxy",
    "create_once_callable",
    "is_none",
    "assign",
    "direct",
    "gather",
    "query",
    "JsProxy",
    "JsException",
    "ConversionError",
    "live_proxies",
    "call",
    "call_method",
    "new",
    "await_js",
]

js = backend.js
JsProxy = backend.JsProxy


def to_js(obj, *, depth=-1, create_pyproxies=True, dict_converter=None, default_converter=None):
    """Convert a Python value to JavaScript, the same way on every interpreter.

    dict -> plain Object (keys in JSON spelling), list/tuple/range -> Array,
    set -> Set, bytes -> Uint8Array, None -> null, big ints -> BigInt, other
    objects -> proxies (or `ConversionError` with `create_pyproxies=False`).

    ```python
    to_js({1: None, "a": (1, 2)})        # {"1": null, a: [1, 2]}
    to_js({"a": 1}, dict_converter=js.Map.new)
    ```
    """
    if depth < 0 and dict_converter is None and default_converter is None:
        t = type(obj)
        if t is dict or t is list or t is tuple:  # JSON-shaped data: the backend's fast route
            fast = backend.fast_to_js(obj, helpers)
            if fast is not None:
                return fast
    temporary = None
    if dict_converter is not None:
        dict_converter = _js_function(dict_converter)[0]  # MicroPython >= 1.26: `obj.method`
    if dict_converter is not None and not isinstance(dict_converter, JsProxy):
        temporary = dict_converter = _make(dict_converter, False, None)[1]
    try:
        opts = Options(depth, create_pyproxies, dict_converter, default_converter, backend, proxy_for)
        return convert_value(obj, opts)
    finally:
        if temporary is not None:
            temporary.destroy()


def to_py(value, *, depth=-1):
    """Convert a JavaScript value to Python: Object/Map -> dict, Array -> list,
    Set -> set, typed arrays -> bytes, null/undefined -> None, numbers -> int
    when integral and safe (else float), BigInt -> int. Other objects (DOM
    nodes, functions, class instances) stay `JsProxy`.

    ```python
    to_py(js.JSON.parse('{"a": [1, 2.5, null]}'))  # {'a': [1, 2.5, None]}
    ```
    """
    return to_python(value, depth)


#: `is_none(value)`: True for Python `None`, JS `null` and JS `undefined`, on
#: every interpreter. The backend's own method, so a call costs what a raw
#: `value is None or ...` check costs.
is_none = backend.is_none
