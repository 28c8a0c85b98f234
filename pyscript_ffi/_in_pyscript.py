"""PyScript on pyscript_ffi: what the page's one line (`pyscript_ffi.js`) runs.

PyScript's stdlib (`pyscript`, `pyscript.web`, ...) reads JavaScript through
five names: `js`, `pyscript.ffi`, and its two JS modules `polyscript` and
`_pyscript`. `before()` runs before PyScript imports its stdlib (a JS hook
calls it) and puts this package's own in their place in `sys.modules`:

- `js`: `pyscript_ffi.js` (so `import js`, `from pyscript import window` on the
  main thread and everything PyScript reads from it are `JsProxy`);
- `pyscript.ffi`: `pyscript_ffi._ffi_for_pyscript` (this package's functions);
- `polyscript`, `_pyscript`: `JsProxy` views of the same JS objects (so
  `document`/`window` in a worker, `fetch`, `storage`, `workers`, `PyWorker`,
  `js_modules` hand out `JsProxy` too).

PyScript then imports its stdlib unchanged, on top of them. `after()` runs right
after that import (a code hook) and makes `pyscript.js_modules` a module-like
object, so `from pyscript.js_modules import missing` is an `ImportError` on
every interpreter (MicroPython turns a failing `__getattr__` into an
`AttributeError`).

What stays the interpreter's own: `pyodide.ffi` and `jsffi` (the escape
hatch), and the `js` that the interpreter's own packages (`pyodide`,
`_pyodide`, `micropip`) import: `keep_raw_js` answers their `import js` with
the raw module, so `pyodide.http.pyfetch` and micropip keep working.
"""

import sys

from . import _ffi_for_pyscript
from ._backend import backend
from ._jsproxy import JsProxy, js
from ._worker_utils import in_worker

#: The interpreter's own packages: their `import js` gets the raw module.
RAW_JS_PACKAGES = ("pyodide", "_pyodide", "micropip", "pyodide_js")

_state = []  # "before", then "after": each step runs once per interpreter


def before():
    """Put this package's `js`, `pyscript.ffi`, `polyscript` and `_pyscript` in
    `sys.modules` (once; PyScript's stdlib is not imported yet)."""
    if _state:
        return
    _state.append("before")
    in_worker()  # the worker context, read now from the interpreter's own `polyscript`
    for name in ("polyscript", "_pyscript"):
        try:
            raw = __import__(name)
        except ImportError:
            continue  # `_pyscript`: not in a worker running a sync script
        sys.modules[name] = JsProxy.wrap(raw)
    sys.modules["pyscript.ffi"] = _ffi_for_pyscript
    keep_raw_js()
    sys.modules["js"] = js


def after():
    """Right after PyScript imported its stdlib (once): `pyscript.ffi` as an
    attribute of the package, `pyscript.js_modules` a module-like object."""
    if len(_state) != 1:
        return
    _state.append("after")
    pyscript = sys.modules.get("pyscript")
    if pyscript is not None:
        pyscript.ffi = _ffi_for_pyscript
    modules = sys.modules.get("pyscript.js_modules")
    if type(modules) is JsProxy:
        sys.modules["pyscript.js_modules"] = js_modules_module(modules)


def js_modules_module(modules):
    """A module-like object for `sys.modules["pyscript.js_modules"]`: one
    attribute per JS module PyScript loaded (read from `modules` when first
    used), and NO `__getattr__`, so a missing name is an `ImportError` for
    `from ... import` (as with the interpreter's own proxy)."""
    names = js.Reflect.ownKeys(modules)
    attrs = {}
    for name in names:
        if type(name) is str:
            attrs[name] = property(_module_reader(modules, name))
    return type("js_modules", (), attrs)()


def _module_reader(modules, name):
    def read(self):
        return getattr(modules, name)

    return read


def keep_raw_js():
    """Answer `import js` with the interpreter's own module inside the
    interpreter's own packages (`RAW_JS_PACKAGES`), where there are any
    (Pyodide's), by wrapping `builtins.__import__`."""
    import builtins

    original = builtins.__import__
    if getattr(original, "_pyscript_ffi", False) or not any(p in sys.modules for p in RAW_JS_PACKAGES):
        return
    raw = backend.js

    def __import__(name, *args, **kwargs):
        if name == "js" and args and args[0] is not None:
            level = args[3] if len(args) > 3 else kwargs.get("level", 0)
            if level == 0 and (args[0].get("__name__") or "").split(".", 1)[0] in RAW_JS_PACKAGES:
                return raw
        return original(name, *args, **kwargs)  # the same arguments: `fromlist` changes the answer

    __import__._pyscript_ffi = True
    builtins.__import__ = __import__
