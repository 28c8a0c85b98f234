"""`assign`, `query`, `gather` and `direct`: reflected-ffi's utilities, on the
main thread and in workers, each one JS call."""

from ._backend import backend
from ._bridge import from_tape, helpers, raise_record
from ._proxies import default_options
from ._to_js import encode


def assign(target, *sources):
    """Merge `sources` (dicts or JS objects) into the JS object `target`, in
    order, and return `target`. A `"__proto__"` key becomes an own property.

    ```python
    options = assign(js.Object.new(), {"width": 800}, {"height": 600})
    ```
    """
    tape, refs = encode(list(sources), default_options())
    answer = helpers().assign(target, backend.to_array(tape), backend.refs_array(refs))
    if answer[0] != 0:
        raise_record(answer)
    return target


def gather(target, *paths):
    """The values at several `paths` of `target`, in one round trip.

    ```python
    title, width = gather(js.document, "title", "body.clientWidth")
    ```
    """
    answer = helpers().gather(target, backend.to_array(list(paths)))
    if answer[0] != 0:
        raise_record(answer)
    return tuple(from_tape(answer[1], answer[2]))


def query(target, path):
    """The value at `path` (`"a.b[0]['c']"`) of `target`; a missing step gives
    `undefined` (so `is_none` is true), never an error."""
    return gather(target, path)[0]


def direct(obj):
    """Mark a JS object to travel by value from a worker; on the main thread
    it is `obj` itself."""
    return obj
