"""One Python <-> JavaScript FFI that behaves the same on Pyodide and MicroPython.

```python
from pyscript_ffi import js, to_js, create_proxy, is_none

js.console.log(to_js({"a": [1, None, 2**60]}))  # {a: [1, null, 1152921504606846976n]}
```

The contract is docs/contract.md; the README shows it in brief. This module only re-exports:
one module per concern (`_to_js`, `_to_py`, `_proxies`, `_calls`,
`_worker_utils`), each with its JS beside it (`*.mjs`); the interpreter backend
(`_backend_base.Backend`) is chosen once, at import (`_backend`).
"""

from ._backend import backend
from ._calls import await_js, call, call_method, new
from ._errors import ConversionError, JsException
from ._jsproxy import JsProxy, js
from ._proxies import create_once_callable, create_proxy, live_proxies
from ._to_js import to_js
from ._to_py import to_py
from ._undefined import undefined
from ._worker_utils import assign, direct, gather, query

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
