"""`BigInt`: the `int` a JS BigInt becomes, so that it becomes a BigInt again.

```python
v = to_py(js.JSON.parse("[1]"))            # [1]: a number stays a plain int
n = call(js.BigInt, 5)                     # 5, an int (type BigInt)
to_js([n, n + 1])                          # [5n, 6]: arithmetic gives plain ints
```

Equal to, hashed like and usable as the plain int. MicroPython's `int`
subclasses need the reflected operators spelled out (`1 + n` fails there
otherwise); what it cannot do at all is compare a plain int on the LEFT
with a subclass (`0 < n`, `max(n, 3)` raise `TypeError`): write `n > 0`, or
`int(n)`.
"""


class BigInt(int):
    """An `int` that `to_py` made from a JS BigInt; `to_js` makes it a BigInt."""

    def __eq__(self, other):
        return int(self) == other

    def __ne__(self, other):
        return int(self) != other

    def __hash__(self):
        return hash(int(self))

    def __radd__(self, other):
        return other + int(self)

    def __rsub__(self, other):
        return other - int(self)

    def __rmul__(self, other):
        return other * int(self)

    def __rfloordiv__(self, other):
        return other // int(self)

    def __rtruediv__(self, other):
        return other / int(self)

    def __rmod__(self, other):
        return other % int(self)

    def __rpow__(self, other):
        return other ** int(self)

    def __rand__(self, other):
        return other & int(self)

    def __ror__(self, other):
        return other | int(self)

    def __rxor__(self, other):
        return other ^ int(self)

    def __rlshift__(self, other):
        return other << int(self)

    def __rrshift__(self, other):
        return other >> int(self)
