"""JS functions that call Python callables: `create_proxy`,
`create_once_callable`, and the count of those still alive."""

from ._backend import backend
from ._bridge import from_tape, helpers
from ._to_js import Options, encode

_alive = {}  # token -> the callable kept alive for JS
_by_key = {}  # callable (or id) -> (token, JS function): one JS function per live callable
_next_token = [0]


def _key(func):
    try:
        hash(func)
        return func
    except TypeError:
        return id(func)


def proxy_for(obj):
    """What `to_js` puts in place of a Python object it does not convert: a JS
    function for a callable (as `create_proxy`); any other object goes as it
    is and `refs_array` makes it the interpreter's PyProxy."""
    if callable(obj):
        return create_proxy(obj)
    return obj


def default_options():
    """`to_js` with every keyword at its default."""
    return Options(-1, True, None, None, backend, proxy_for)


def _trampoline(func, token, key):
    to_array = backend.to_array

    def run(args_tape=None, args_refs=None, reply=None):
        # The answer goes back through `reply`, not as the return value: a
        # JsProxy returned to JS can be finalised by MicroPython (in PyScript
        # pages) before JS reads it, and the call then returns undefined.
        if args_tape is None:
            _alive.pop(token, None)
            entry = _by_key.get(key)
            if entry is not None and entry[0] == token:
                del _by_key[key]
            return None
        try:
            result = func(*from_tape(args_tape, args_refs))
            tape, refs = encode(result, default_options())
            reply(0, to_array(tape), backend.refs_array(refs))
        except BaseException as exc:  # noqa: BLE001 - it goes to JS as an Error
            reply(1, type(exc).__name__, str(exc))
        return None

    return run


def _make(func, once, key):
    if not callable(func):
        raise TypeError("create_proxy needs a callable, not " + type(func).__name__)
    token = _next_token[0]
    _next_token[0] = token + 1
    _alive[token] = func
    return token, helpers().makeProxy(backend.raw_proxy(_trampoline(func, token, key)), once)


def create_proxy(func):
    """A JS function that calls `func`, alive until its `.destroy()`.

    The same live callable always gives the same JS function, so
    `removeEventListener` finds the listener that `addEventListener` added:

    ```python
    handler = create_proxy(on_click)
    button.addEventListener("click", handler)
    button.removeEventListener("click", create_proxy(on_click))  # same function
    handler.destroy()
    ```
    """
    key = _key(func)
    entry = _by_key.get(key)
    if entry is not None:
        return entry[1]
    token, fn = _make(func, False, key)
    _by_key[key] = (token, fn)
    return fn


def create_once_callable(func):
    """A JS function that calls `func` once, then is destroyed: a second call
    throws a JS `Error`."""
    return _make(func, True, None)[1]


def live_proxies():
    """How many JS functions made by this package are alive (for leak checks).

    Counted on the JS side, so a proxy destroyed by its own running call (a
    handler removing itself) is no longer counted, though the interpreter lets
    go of the callable only when that call has returned."""
    return helpers().liveProxies()
