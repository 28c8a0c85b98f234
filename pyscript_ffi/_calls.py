"""Guarded calls into arbitrary JavaScript: `call`, `call_method`, `new` and
`await_js`. A JS throw (or rejection) comes back as `JsException`, never as
a raw JS error; on MicroPython a raw one escapes `try/except` and corrupts
the interpreter.

Arguments are converted exactly as `to_js` converts them (one tape for all
of them); a JS function read as an attribute is the function itself
(`backend.js_function`: MicroPython >= 1.26 makes it a `bound_method`). A
result comes back as a Python value when it is a primitive (number ->
int/float exact, string, boolean, BigInt -> int, `null`/`undefined` ->
`None`) and as a `JsProxy` otherwise.
"""

from ._backend import backend
from ._bridge import helpers, raise_record, wire
from ._jsproxy import JsProxy, function_of
from ._protocol import OK
from ._to_js import default_options, encode
from ._to_py import from_answer


def _arguments(args):
    tape, refs = encode(list(args), default_options())
    return wire([OK, tape], refs)


def call(fn, *args):
    """`fn(*args)` in JS, guarded. Which `this` the function sees is up to the
    interpreter's proxy of `fn` (`undefined` on Pyodide, the object it was read
    from on MicroPython): use `call_method` for methods.

    ```python
    try:
        value = call(js.JSON.parse, "{bad json")
    except JsException as e:
        print(e.name, e.message)  # SyntaxError ...
    ```

    A Python callable among `args` becomes `create_proxy(callable)`, as in
    `to_js`: destroy it when JS no longer needs it.
    """
    fn, owner = function_of(fn)
    return from_answer(helpers().callFn(fn, owner, _arguments(args)))


def call_method(obj, name, *args):
    """`obj[name](*args)` in JS (with `this` = `obj`), guarded.

    ```python
    handler = create_proxy(on_click)
    call_method(button, "addEventListener", "click", handler)
    ```
    """
    obj = function_of(obj)[0]
    return from_answer(helpers().callMethod(obj, name, _arguments(args)))


def new(cls, *args):
    """`new cls(*args)` in JS, guarded.

    ```python
    url = new(js.URL, "https://example.org/a?b=1")
    new(js.URL, "not a url")  # raises JsException (TypeError: Invalid URL)
    ```
    """
    cls = function_of(cls)[0]
    return from_answer(helpers().construct(cls, _arguments(args)))


async def await_js(promise):
    """Await a JS Promise (or any JS value) so that a rejection raises
    `JsException` on every interpreter; the value comes back like `call`'s.
    A Python awaitable is awaited as it is.

    ```python
    response = await await_js(call(js.fetch, "/data.json"))
    ```
    """
    if type(promise) is JsProxy or isinstance(promise, backend.JsProxy):
        return from_answer(await helpers().settled(function_of(promise)[0]))
    # Pyodide hands a JS Promise to Python as a Future; MicroPython never does.
    try:
        value = await promise
    except Exception as exc:
        error = getattr(exc, "js_error", None)  # pyodide.ffi.JsException: the JS value thrown
        if error is None:
            raise
        raise_record(helpers().settledError(error))
    return from_answer(helpers().toPy(value, 0))
