"""`pyscript.ffi` in a page with the line (`pyscript_ffi.js`): PyScript's FFI
names, each this package's own.

```python
from pyscript.ffi import create_proxy, to_js, is_none, assign, query, gather
```

Besides PyScript's own (`create_proxy`, `to_js`, `is_none`, `assign`,
`direct`, `gather`, `query`, `js`, `jsnull`), every public name of
`pyscript_ffi` is here too (`to_py`, `JsProxy`, `JsException`, ...).
`gather` and `query` also work on the main thread (PyScript has them in
workers only). `jsnull` is `None`: JS `null` reads as `None` through this
package, and `is_none(jsnull)` is true.
"""

from ._backend import backend
from ._calls import await_js, call, call_method, new  # noqa: F401 - re-exported
from ._errors import ConversionError, JsException  # noqa: F401 - re-exported
from ._jsproxy import JsProxy, js  # noqa: F401 - re-exported
from ._proxies import create_once_callable, create_proxy, live_proxies  # noqa: F401 - re-exported
from ._to_js import to_js  # noqa: F401 - re-exported
from ._to_py import to_py  # noqa: F401 - re-exported
from ._undefined import undefined  # noqa: F401 - re-exported
from ._worker_utils import assign, direct, gather, query  # noqa: F401 - re-exported

is_none = backend.is_none

#: JS `null` as it reads through this package (PyScript: Pyodide's `jsnull`).
jsnull = None
