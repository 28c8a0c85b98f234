"""One Python <-> JavaScript FFI that behaves the same on Pyodide and MicroPython.

```python
from pyscript_ffi import js, to_js, create_proxy, is_none

js.console.log(to_js({"a": [1, None, 2**60]}))  # {a: [1, null, 1152921504606846976n]}
```

The contract is docs/contract.md; the README shows it in brief. This module
re-exports, and wires the package once: one module per concern (`_to_js`,
`_to_py`, `_proxies`, `_calls`, `_worker_utils`, `_jsproxy`), each with its JS
beside it (`*.mjs`); the interpreter backend (`_backend_base.Backend`) is chosen
once, at import (`_backend`); the hook registry (`_hooks`) is filled here, and
the conversion types (`_type_<name>.py`, listed by the build in `_types`) are
imported here. docs/architecture.md has the map.
"""

from . import _hooks
from ._backend import backend
from ._calls import await_js, call, call_method, new
from ._errors import ConversionError, JsException
from ._jsproxy import JsProxy, js, read
from ._proxies import (
    _make,
    callable_of,
    create_once_callable,
    create_proxy,
    live_proxies,
    proxy_for,
    written_proxy_for,
)
from ._to_js import encode, to_js, written_options
from ._to_py import to_py
from ._types import MODULES as _TYPE_MODULES
from ._undefined import undefined
from ._worker_utils import assign, direct, gather, query

# The calls that go up a layer, at run time (see `_hooks`), then the conversion types.
_hooks.install(read, encode, written_options, proxy_for, _make, written_proxy_for, callable_of)
for _name in _TYPE_MODULES:
    __import__("pyscript_ffi." + _name)

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
    "undefined",
]

#: `is_none(value)`: True for Python `None`, `undefined`, JS `null` and JS `undefined`, on
#: every interpreter. The backend's own method, so a call costs what a raw
#: `value is None or ...` check costs.
is_none = backend.is_none

del read, encode, written_options, proxy_for, _make, written_proxy_for, callable_of, _TYPE_MODULES
