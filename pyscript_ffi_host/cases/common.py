"""Helpers every case program has inside the interpreter: `show`, `show_sorted` (the canonical
text of a JS value, from `show.js`), `jsf` (a JS function from source) and `pyshow` (a canonical
text of a Python value, type included).

Never imported on the host: `runner.py` sends the text below the marker line into the
interpreter after an implementation's prelude, which binds `js` and `JsProxy` (pyscript_ffi's, a
raw FFI's or PyScript's). It runs on MicroPython too (its subset: no `typecode` on `array`).
"""

# For linters only (not sent): the prelude binds these names.
from pyscript_ffi import JsProxy, js

# -- sent into the interpreters from here --
show = js.__show
show_sorted = js.__showSorted


def jsf(*args):
    return js.Function.new(*args)


def pyshow(v):
    t = type(v)
    if v is None or t is bool or t is int:
        return repr(v)
    if isinstance(v, int):  # the BigInt subclass
        return repr(int(v))
    if t is float:
        if v != v:
            return "nan"
        if v == float("inf") or v == float("-inf"):
            return repr(v)
        if v == int(v):
            text = str(int(v)) + ".0"
            return "-" + text if v == 0 and str(v)[0] == "-" else text
        return repr(v)
    if t is str:
        out = '"'
        for c in v:
            o = ord(c)
            out += c if 32 <= o < 127 and c not in '"\\' else "\\u{" + hex(o)[2:] + "}"
        return out + '"'
    if t is bytes:
        return "b[" + ",".join([str(b) for b in v]) + "]"
    if t is list:
        return "[" + ",".join([pyshow(x) for x in v]) + "]"
    if t is tuple:
        return "(" + ",".join([pyshow(x) for x in v]) + ")"
    if t is set:
        return "set{" + ",".join(sorted([pyshow(x) for x in v])) + "}"
    if t is dict:
        return "{" + ",".join(sorted([pyshow(k) + ":" + pyshow(x) for k, x in v.items()])) + "}"
    if t.__name__ == "array":  # MicroPython's array has no `typecode`: its repr shows it
        return "array(" + repr(v[0:0])[7:8] + ")[" + ",".join([pyshow(x) for x in v]) + "]"
    if isinstance(v, JsProxy):
        return "JsProxy"
    return "<" + t.__name__ + ">"
