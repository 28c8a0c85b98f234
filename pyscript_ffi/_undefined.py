"""`undefined`: the package's sentinel for JS `undefined`.

Python has one "nothing", `None`, which the package sends as `null` inside
containers (JSON's spelling). Where JS must see `undefined` itself, write
`undefined`:

```python
from pyscript_ffi import to_js, undefined

to_js({"a": undefined, "b": None})  # {a: undefined, b: null}
call(js.f, undefined)               # f(undefined)
```

It is falsy, `is_none(undefined)` is True, and `to_py` of JS `undefined`
stays `None` (as `null` does). The same object on every interpreter.
"""


class UndefinedType:
    """The type of `undefined` (one instance)."""

    __slots__ = ()

    def __repr__(self):
        return "undefined"

    def __bool__(self):
        return False


undefined = UndefinedType()
