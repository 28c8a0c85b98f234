"""The hook registry: how a lower layer calls up, in ONE place.

The concerns import each other in one direction only (`tests/test_layers.py`
checks the graph, `.py` and `.mjs` counted together; `python -m
pyscript_ffi_host.layers` prints it), lowest first:

    leaves: _undefined _bigint _binary _tape/_tags _protocol _shapes _strings, _box _hooks, _errors
    the interpreter: _backend_base, _pyodide | _micropython (each .py with its .mjs), _backend
    the bridge: _bridge (.py and .mjs), then _jsproxy
    the concerns: _to_js, _to_py, then _proxies, _calls, _worker_utils
    the API: __init__, which also imports the conversion types (_type_<name>: they import _hooks only)

Four calls go the other way, each at run time only, through this module, whose
slots `__init__` fills once (`install`), after importing every concern:

- `read(answer)`: `_jsproxy.read`, the Python value of a helper's answer;
  `_bridge.raise_record` reads an error record's thrown value with it.
- `encode(value, opts)`, `written_options()`: `_to_js`'s walk and its options
  for values written to JS; `_jsproxy` sends call arguments and assignments
  with them.
- `proxy_for(obj)`, `make_proxy(func, once, key)`, `written_proxy_for(obj)`:
  `_proxies`' JS functions of Python objects; `_to_js` puts them in place of
  what it does not convert.
- `callable_of(token)`: `_proxies`' Python callable behind one of its live JS
  functions; `_jsproxy.read` gives it when such a function is read back.

And the conversion types: a type's module (`_type_<name>.py`, imported by
`__init__` from the build's list `_types.MODULES`) calls `add_type` once; its JS
file (`_type_<name>.mjs`) calls `addType` in `_hooks.mjs`, the JS half of this
registry (which also holds the interpreter's own JS, `backendJs`).

```python
from pyscript_ffi import _hooks

_hooks.add_type("point", "geometry", "Point", lambda p: [p.x, p.y])
```
"""

import sys

read = None
encode = None
written_options = None
proxy_for = None
make_proxy = None
written_proxy_for = None
callable_of = None


def install(read_answer, encode_value, written, proxy, make, written_proxy, callable_for):
    """Fill the slots (called once, by `__init__`)."""
    global read, encode, written_options, proxy_for, make_proxy, written_proxy_for, callable_of
    read = read_answer
    encode = encode_value
    written_options = written
    proxy_for = proxy
    make_proxy = make
    written_proxy_for = written_proxy
    callable_of = callable_for


#: The conversion types: [tag, module name, class name, to_tape] each (see `add_type`).
TYPES = []
_writers = {}  # a class met before -> its type's entry of TYPES, or None (no type's class)


def add_type(tag, module, name, to_tape):
    """Register a conversion type: `to_js` writes each instance of the class
    `module.name` (and of its subclasses) as the items `[tag] + to_tape(value)`
    on the tape, which the JS builder registered under `tag` (`addType` in
    `_hooks.mjs`) turns into the JS value. The class is looked up in
    `sys.modules` when an object no other rule converts is met, so registering
    imports nothing (and where the interpreter has no `module`, nothing ever is
    such an instance). `to_tape` answers a list of str/int/float/bool/None and
    may raise (a `ConversionError` at the value's path)."""
    TYPES.append([tag, module, name, to_tape])
    _writers.clear()


def type_of(value, t):
    """The entry of TYPES `[tag, module, name, to_tape]` whose class `value`
    (of class `t`) is an instance of, or None."""
    if not TYPES:
        return None
    try:
        return _writers[t]
    except KeyError:
        pass
    found = None
    for entry in TYPES:
        cls = getattr(sys.modules.get(entry[1]), entry[2], None)
        if isinstance(cls, type) and isinstance(value, cls):
            found = entry
            break
    if found is not None or _imported_all():
        _writers[t] = found  # a miss is kept only once every type's module is imported
    return found


def _imported_all():
    for entry in TYPES:
        if entry[1] not in sys.modules:
            return False
    return True
