"""`datetime.datetime` -> JS `Date`: a conversion type (see `_hooks.add_type`).

```python
from datetime import datetime, timedelta, timezone
from pyscript_ffi import to_js

to_js(datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc))  # Date 2024-05-01T12:30:00.000Z
to_js({"at": datetime(2024, 5, 1, 12, 30)})               # {at: Date of 12:30, local time}
```

Wherever `to_js` converts (inside containers, a callback's result, a call
argument, a value written through a JsProxy), the same on every interpreter:

- an aware datetime (`utcoffset()` is not None) is the Date of its instant;
- a naive one is a local time, as `datetime.timestamp()` and Pyodide's
  documented recipe (`Date.new(value.timestamp() * 1000)`) read it: JS places
  it in the JS engine's time zone, as `new Date(y, m - 1, d, h, mi, s, ms)`
  does (a local time that a clock change skips or repeats is JS's to resolve);
- the microseconds are cut to the millisecond a Date holds (the millisecond
  the instant falls in, before 1970 too).

Subclasses convert too; a `date` (no time) stays a proxy; a datetime as a dict
key is a `ConversionError`, as any key that is not a str, number, bool or None.
The other way, `to_py` leaves a JS Date a `JsProxy`; `default_converter` makes
it a datetime:

```python
def dates(obj, convert, cache):
    if obj.instanceof(js.Date):
        return datetime.fromtimestamp(obj.getTime() / 1000, timezone.utc)
    return obj

to_py(js_value, default_converter=dates)
```

The class is found in `sys.modules` (nothing is imported for it): every
interpreter of the matrix has `datetime` (MicroPython's is micropython-lib's,
frozen into the port); one without it has no datetime to convert.
"""

from ._hooks import add_type

_EPOCH = 719163  # datetime(1970, 1, 1).toordinal()
_NAIVE = 0  # [_NAIVE, year, month, day, hour, minute, second, millisecond]: a local time
_AWARE = 1  # [_AWARE, milliseconds since 1970-01-01 UTC as decimal text]: an instant


def _to_tape(v):
    """The tape items of the datetime `v` (after the tag), for `build` in `_type_datetime.mjs`.
    Small ints and text only: they cross exactly on every route (a float or a
    large int would be rewritten on some)."""
    ms = v.microsecond // 1000
    offset = v.utcoffset()
    if offset is None:
        return [_NAIVE, v.year, v.month, v.day, v.hour, v.minute, v.second, ms]
    seconds = (v.toordinal() - _EPOCH) * 86400 + v.hour * 3600 + v.minute * 60 + v.second
    micros = seconds * 1000000 + v.microsecond
    micros -= (offset.days * 86400 + offset.seconds) * 1000000 + offset.microseconds
    return [_AWARE, str(micros // 1000)]


add_type("datetime", "datetime", "datetime", _to_tape)
