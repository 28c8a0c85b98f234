"""`assign`, `query`, `gather` and `direct`: reflected-ffi's utilities, with
the same results on the main thread and in a PyScript worker.

On the main thread (and in bare interpreters) each is one call into the JS
helpers. In a PyScript worker, where main-thread objects are reflected-ffi
proxies, they go through polyscript's own `ffi` (one round trip each). The
worker is detected at first use, not at import.
"""

from ._backend import backend
from ._bridge import checked, helpers
from ._jsproxy import JsProxy, function_of
from ._to_js import default_options, encode
from ._to_py import from_answer

_context = []  # [None] off a worker; [(ffi, is_remote)] in a PyScript worker


def _worker_ffi():
    """polyscript's worker `ffi` and `xworker.isWindowProxy`, or None."""
    try:
        import polyscript
    except ImportError:
        return None
    ffi = getattr(polyscript, "ffi", None)
    xworker = getattr(polyscript, "xworker", None)
    if ffi is None or xworker is None or backend.is_none(ffi) or backend.is_none(xworker):
        return None
    return (ffi, xworker.isWindowProxy)


def in_worker():
    """The worker context `(ffi, is_remote)` when running in a PyScript worker, else None."""
    if not _context:
        _context.append(_worker_ffi())
    return _context[0]


def _target(target):
    """The JS object for `target`: the `js` module stands for `globalThis`
    (MicroPython would hand JS a proxy of the module object itself), and a JS
    function read as an attribute is the function itself (MicroPython >= 1.26
    makes it a `bound_method`)."""
    if target is backend.js:
        return backend.js.globalThis
    return function_of(target)[0]


def assign(target, *sources):
    """Merge `sources` (dicts or JS objects) into the JS object `target`, in
    order, in one call (one round trip in a worker), and return `target`.
    A `"__proto__"` key becomes an own property; no prototype ever changes.

    ```python
    options = assign(js.Object.new(), {"width": 800}, {"height": 600})
    ```
    """
    tape, refs = encode(list(sources), default_options())
    tape, refs = backend.to_array(tape), backend.refs_array(refs)
    worker = in_worker()
    if worker is None:
        checked(helpers().assign(_target(target), tape, refs))
    else:
        checked(helpers().remoteAssign(worker[0], worker[1], _target(target), tape, refs))
    return target


def gather(target, *paths):
    """The values at several `paths` of `target` (each as `query`), in one
    round trip, as a tuple to unpack.

    ```python
    title, width = gather(js.document, "title", "body.clientWidth")
    ```
    """
    plain = []
    for path in paths:
        if not isinstance(path, str):
            raise TypeError("a path is a str, not " + type(path).__name__)
        plain.append(path if type(path) is str else path[:])  # a str subclass as a plain str
    paths = backend.to_array(plain)
    worker = in_worker()
    if worker is None:
        answer = helpers().gather(_target(target), paths)
    else:
        answer = helpers().remoteGather(worker[0], worker[1], _target(target), paths)
    return tuple(from_answer(answer))


def query(target, path):
    """The value at `path` of `target`, reflected-ffi's way: `"a.b[0]['c']"`
    reads `a`, `b`, `0`, `c` in turn; a missing step gives `undefined` (so
    `is_none` is true), never an error. A path that is not a `str` is a `TypeError`.

    ```python
    body = query(js, "document.body")
    ```
    """
    return gather(target, path)[0]


def direct(obj):
    """Mark the JS object `obj` to travel by value (not as a reference) when a
    worker passes it to the main thread; returns `obj`. On the main thread
    there is nothing to mark.

    ```python
    options = direct(to_js({"once": True}))
    ```
    """
    worker = in_worker()
    if worker is not None and (type(obj) is JsProxy or isinstance(obj, backend.JsProxy)):
        checked(helpers().remoteDirect(worker[0], function_of(obj)[0]))
    return obj
