"""JS functions that call Python callables: `create_proxy`,
`create_once_callable`, and the count of those still alive.

Every proxy is a small JS closure (`makeProxy` in `_proxies.mjs`) holding a
token; ONE pair of Python functions, `_dispatch` (plain arguments) and
`_dispatch_tape`, registered once per interpreter, runs the callable a token
stands for. So creating and destroying a proxy
makes and frees no interpreter-level proxy at all (MicroPython would free
those only when the JS garbage collector gets round to it).
"""

import json

from ._backend import backend
from ._bridge import helpers, wire
from ._jsproxy import JsProxy, box_type
from ._protocol import FAILED, OK, PROMISE
from ._tags import REF
from ._to_js import _put_primitive, default_options, encode
from ._to_py import from_tape

_alive = {}  # token -> (callable, identity key or None): what JS keeps alive
_by_key = {}  # identity key -> (token, JS function) or, weak, (token, its holder, True)
_next_token = [0]
_ASCII_STR_RESULTS = backend.ASCII_STR_RESULTS
_AWAIT_ITERATES = backend.AWAIT_ITERATES  # `await x` is `yield from x` (MicroPython)
_str_altered = backend.str_altered
_dispatch_ready = []  # [helper `_dispatch` registered with, makeProxy, remakeProxy, isAlive, writtenProxy]
_box_type = [None]  # the type of a handle (`box_type`), known once the dispatchers are


def _key(func):
    try:
        hash(func)
        return func
    except TypeError:
        return id(func)


def proxy_for(obj):
    """What `to_js` puts in place of a Python object it does not convert: a JS
    function for a callable (as `create_proxy`); a JS async iterable for an
    async iterator (an async generator: `for await` works in JS); any other
    object goes as it is and `refs_array` makes it the interpreter's PyProxy."""
    if callable(obj):
        return create_proxy(obj)
    if hasattr(obj, "__anext__"):
        return _async_iterable(obj)
    return obj


def written_proxy_for(obj):
    """`proxy_for` for values written to JS through a JsProxy (call arguments,
    assignments): a callable becomes the JS function `create_proxy` gives while
    one is alive, else a weak one that JS's garbage collector releases once JS
    has dropped it (`writtenProxy` in `_proxies.mjs`: Python holds a holder, not
    the function), so passing a fresh lambda in a loop leaks nothing."""
    if not callable(obj):
        return proxy_for(obj)
    key = _key(obj)
    entry = _by_key.get(key)
    if entry is not None:
        if len(entry) == 3:  # weak: its holder
            return entry[1]
        _make_proxy()
        if _dispatch_ready[3](entry[0]):  # strong and alive
            return entry[1]
    _make_proxy()
    token = _next_token[0]
    _next_token[0] = token + 1
    _alive[token] = (obj, key)
    holder = _dispatch_ready[4](token)
    _by_key[key] = (token, holder, True)
    return holder


def _async_iterable(iterator):
    """A JS async iterable whose `next()` awaits `iterator.__anext__()` as an
    asyncio task (`asyncIterable` in `_proxies.mjs`). MicroPython has no async
    generators (`async def` with `yield` makes a plain generator there): on it,
    objects with `__anext__` (async iterator classes) are what qualifies."""

    async def step():
        try:
            value = await iterator.__anext__()
        except StopAsyncIteration:
            return [True, None]
        return [False, value]

    return helpers().asyncIterable(_make(step, False, None)[1])


def _release(tokens):
    """Forget the proxies of `tokens` (JS has destroyed or collected them)."""
    for token in tokens:
        entry = _alive.pop(token, None)
        if entry is not None and entry[1] is not None:
            known = _by_key.get(entry[1])
            if known is not None and known[0] == token:
                del _by_key[entry[1]]


def _dispatch(token, *args):
    """Called by JS only (see `makeProxy`), with plain arguments; never raises.
    One Python frame for the common results (those `_reply` lets cross as they
    are); every other result, and a destroyed token, go through `_run`'s path."""
    entry = None
    try:
        entry = _alive[token]
        result = entry[0](*args)
    except BaseException as exc:  # noqa: BLE001 - it goes to JS as an Error
        return _run(token, ()) if entry is None else _failure(exc)  # None: destroyed
    t = type(result)  # the common results as in `_reply`, inline
    if t is int:
        if -1073741824 <= result <= 1073741823:  # MicroPython's small ints: quick to compare
            return result
    elif t is str:
        if result.isascii() if _ASCII_STR_RESULTS else "\0" not in result and not _str_altered(result):
            return "s" + result
    elif t is float or t is bool or result is None:
        return result
    return _reply(result, t)


def _dispatch_boxed(token, *args):
    """`_dispatch` for arguments among which JS objects came, each in a Box
    (`boxedArgs` in `_proxies.mjs`): each becomes a JsProxy, as the tape would
    make it."""
    box = _box_type[0]
    return _dispatch(token, *[JsProxy(a) if type(a) is box else a for a in args])


def _run(token, args):
    """Run the callable `token` stands for with the tuple/list `args` (spread
    once: MicroPython's pystack holds 1,000 arguments only once); never raises."""
    try:
        entry = _alive.get(token)
        if entry is None:
            raise RuntimeError("pyscript_ffi: this proxy has been destroyed")
        result = entry[0](*args)
    except BaseException as exc:  # noqa: BLE001 - it goes to JS as an Error
        return _failure(exc)
    return _reply(result, type(result))


def _reply(result, t):
    """What JS gets for `result` (of type `t`); never raises. A str crosses as
    `"s" + result` (ASCII on Pyodide, whose lone surrogates would not survive;
    NUL-free on MicroPython), an int32/float/bool/None as itself; anything else
    as `wire` text, which always starts with `[`."""
    try:
        if t is str:
            if result.isascii() if _ASCII_STR_RESULTS else "\0" not in result and not _str_altered(result):
                return "s" + result
        elif t is int:
            if -2147483648 <= result <= 2147483647:
                return result
        elif t is float or t is bool or result is None:
            return result
        tape = []
        if _put_primitive(tape, result, t, backend.NUL_SAFE):
            return wire([OK, tape], None)  # the other primitives, without a walk
        if t is JsProxy:
            return wire([OK, [REF, 0]], [result._js_handle])
        if isinstance(result, backend.JsProxy):
            return wire([OK, [REF, 0]], [result])
        if backend.is_awaitable(result):
            return wire([PROMISE, _run_for_promise(result)], None)
        tape, refs = encode(result, default_options())
        return wire([OK, tape], refs)
    except BaseException as exc:  # noqa: BLE001 - it goes to JS as an Error
        return _failure(exc)


def _dispatch_tape(token, args_tape, args_refs):
    """`_dispatch` for arguments that crossed as a tape; with token -1, the
    JSON list of tokens JS has released. Never raises."""
    if token < 0:
        _release(json.loads(args_tape))
        return None
    if token not in _alive:
        return _run(token, ())  # the "destroyed" error
    try:
        args = from_tape(args_tape, args_refs)
    except BaseException as exc:  # noqa: BLE001 - it goes to JS as an Error
        return _failure(exc)
    return _run(token, args)


def _describe(exc):
    """`[type name, message]` of an exception, even one whose `str()` raises."""
    name = type(exc).__name__
    try:
        message = str(exc)
    except BaseException as inner:  # noqa: BLE001 - the type still reaches JS
        message = "<str() raised " + type(inner).__name__ + ">"
    if type(message) is not str:
        message = "<str() gave no str>"
    return [name, message]


def _failure(exc):
    return wire([FAILED] + _describe(exc), None)  # [FAILED, type, message]


_tasks = {}  # promise id -> the asyncio task settling that JS Promise
_next_promise = [0]


def _run_for_promise(awaitable):
    """Run `awaitable` as an asyncio task that settles the JS Promise `makeProxy`
    returns for this call; the Promise's id."""
    import asyncio

    pid = _next_promise[0]
    _next_promise[0] = pid + 1
    _tasks[pid] = asyncio.get_event_loop().create_task(_settle_when_done(pid, awaitable))
    return pid


def _as_coroutine(gen):
    """`yield from gen` for MicroPython's asyncio, where a generator returned by a
    callback is driven as a coroutine (micropython#8614: `async def` makes the
    same generator type). A coroutine in a task yields only None there (every
    await it makes reschedules the task); a value yielded is a `TypeError`, so
    the Promise rejects instead of waiting forever for a task nothing resumes."""
    value = None
    error = None
    while True:
        try:
            got = gen.send(value) if error is None else gen.throw(error)
        except StopIteration as stop:
            return stop.value
        if got is not None:
            gen.close()
            raise TypeError(
                "a generator returned to JavaScript is driven as a coroutine on MicroPython"
                " (which cannot tell them apart), and this one yielded a value: return a list"
                " or an iterator object instead"
            )
        value = error = None
        try:
            value = yield
        except BaseException as exc:  # noqa: BLE001 - thrown in by asyncio (cancellation): into gen
            error = exc


async def _settle_when_done(pid, awaitable):
    try:
        if _AWAIT_ITERATES and hasattr(awaitable, "send"):
            awaitable = _as_coroutine(awaitable)
        result = await awaitable
        tape, refs = encode(result, default_options())
        helpers().resolvePromise(pid, wire([OK, tape], refs))
    except BaseException as exc:  # noqa: BLE001 - it goes to JS as a rejection
        # SystemExit, KeyboardInterrupt, GeneratorExit too: re-raised in the task,
        # the event loop would throw them into JS as an uncaught error
        name, message = _describe(exc)
        helpers().rejectPromise(pid, name, message)
    finally:
        _tasks.pop(pid, None)


def _make_proxy():
    """The helper `makeProxy`, read once (each attribute read is a call into JS)."""
    h = helpers()
    if not _dispatch_ready or _dispatch_ready[0] is not h:
        _box_type[0] = box_type()
        h.setDispatch(
            backend.raw_proxy(_dispatch),
            backend.raw_proxy(_dispatch_tape),
            backend.raw_proxy(_dispatch_boxed),
        )
        _dispatch_ready[:] = [h, h.makeProxy, h.remakeProxy, h.isAlive, h.writtenProxy]
    return _dispatch_ready[1]


def _make(func, once, key, capture_this=False):
    # a JsProxy is callable() on MicroPython whatever it stands for: JS says
    if not callable(func) or (
        isinstance(func, (JsProxy, backend.JsProxy)) and JsProxy.wrap(func).typeof != "function"
    ):
        raise TypeError("create_proxy needs a callable, not " + type(func).__name__)
    make_proxy = _make_proxy()
    token = _next_token[0]
    _next_token[0] = token + 1
    _alive[token] = (func, key)
    return token, make_proxy(token, once, capture_this)


def create_proxy(func, *, capture_this=False):
    """A JS function that calls `func`, alive until its `.destroy()`.

    The same live callable always gives the same JS function, so
    `removeEventListener` finds the listener that `addEventListener` added:

    ```python
    handler = create_proxy(on_click)
    button.addEventListener("click", handler)
    button.removeEventListener("click", create_proxy(on_click))  # same function
    handler.destroy()
    ```

    Calling convention, the same on every interpreter:

    - positional arguments only; each JS argument arrives converted one level
      deep, as `to_py(arg, depth=0)` would: numbers, strings, booleans and
      BigInts as Python values (exact, no 32-bit wrap), `null`/`undefined` as
      `None`, every object (Arrays, plain Objects, events, functions) as a
      `JsProxy`. JS `this` is not passed, unless `capture_this=True`: then it
      comes first (`None` when JS calls the function plainly, as Pyodide's
      `create_proxy(f, capture_this=True)`); a missing argument is a `TypeError`.
    - the return value is converted as by `to_js` (dict -> plain Object,
      `None` -> `null`, big ints exact).
    - a Python exception reaches JS as an `Error` named `"PythonError"` whose
      message is `"ValueError: the message"` (`.pythonType` holds the type).
    - a coroutine function (`async def`) gives JS a real `Promise` of the
      converted return value, rejected with such an `Error` if it raises.
    - after `.destroy()` a call throws a JS `Error`; `.destroy()` twice is fine.
    """
    key = ("capture_this", func) if capture_this else func  # another JS function with `this`
    try:
        entry = _by_key.get(key)
    except TypeError:  # unhashable: by its id (a hashable one raises again)
        key = ("capture_this", _key(func)) if capture_this else _key(func)
        entry = _by_key.get(key)
    if entry is not None and len(entry) == 3:  # a written callable's weak proxy: strong now
        fn = helpers().strengthenProxy(entry[1])
        if fn is not None:
            _by_key[key] = (entry[0], fn)
            return fn
        _release((entry[0],))  # collected; JS's later report of it finds nothing
        entry = None
    if entry is None:
        token, fn = _make(func, False, key, capture_this)
    else:  # one call into JS: 0 if that function is still alive, else a new one
        # for the same token (destroyed, so JS has taken back its report)
        token = entry[0]
        fn = _dispatch_ready[2](token, capture_this)
        if type(fn) is int:
            return entry[1]
        _alive[token] = (func, key)
    _by_key[key] = (token, fn)
    return fn


def create_once_callable(func):
    """A JS function that calls `func` once, then is destroyed: a second call
    throws a JS `Error`. Same calling convention as `create_proxy`; each call
    of `create_once_callable` makes a new JS function.

    ```python
    js.setTimeout(create_once_callable(lambda: print("later")), 100)
    ```
    """
    return _make(func, True, None)[1]


def live_proxies():
    """How many JS functions made by this package are alive: created by
    `create_proxy`/`create_once_callable` (or by `to_js` for a callable) and
    neither destroyed nor, for once-callables, called yet, plus those of
    callables written through a JsProxy that JS's garbage collector has not
    released yet. For leak checks:

    ```python
    before = live_proxies()
    handler = create_proxy(on_click)
    handler.destroy()
    assert live_proxies() == before
    ```
    """
    _flush()
    return len(_alive)


def _flush():
    """Let JS report the proxies destroyed since the last time."""
    if _dispatch_ready:
        _dispatch_ready[0].flushReleased()


def callable_of(token):
    """The Python callable behind the live JS function of `token`: reading that
    function back through a JsProxy gives this (A_CALLABLE, see `out` in
    `_box.mjs`; `_hooks.callable_of`)."""
    return _alive[token][0]
