"""The two exceptions of the package: `ConversionError` and `JsException`."""

from ._backend import backend


class ConversionError(TypeError):
    """A value could not be converted; `path` says where it sits (`$.a[3]`).

    ```python
    try:
        to_js({(1, 2): "tuple key"})
    except ConversionError as e:
        print(e.path)  # "$"
    ```
    """

    def __init__(self, message, path="$"):
        super().__init__(message + " at " + path)
        self.path = path
        self.reason = message


class JsException(backend.JsExceptionBase):
    """A JavaScript error thrown during an operation of this package.

    `name` and `message` are the JS error's; `error` is the thrown JS value
    itself (a `JsProxy`, or a primitive if something other than an object was
    thrown). `path` is set when the error happened while converting a value.

    On MicroPython it is a subclass of `jsffi.JsException`, so code that
    catches the interpreter's own class catches it too; Pyodide's
    `pyodide.ffi.JsException` takes no subclasses (catch ours, or both), but
    there `isinstance(e, pyodide.ffi.JsException)` holds and the class
    compares equal to Pyodide's (`backend.exception_class`).
    """

    def __init__(self, name, message, error=None, path=None):
        text = name + ": " + message
        if path is not None:
            text += " at " + path
        super().__init__(text)
        self.name = name
        self.message = message
        self.error = error
        self.path = path


JsException = backend.exception_class(JsException)

_IDENT_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$"
_IDENT_REST = _IDENT_START + "0123456789"


def format_path(parts):
    """`["a", 3, "b c"]` -> `$.a[3]["b c"]`: ints are indices, strs names.

    The JS helpers spell paths the same way (`pathOf` in `_errors.mjs`).
    """
    out = "$"
    for part in parts:
        if type(part) is int:
            out += "[" + str(part) + "]"
        elif part and part[0] in _IDENT_START and all(c in _IDENT_REST for c in part):
            out += "." + part
        else:
            out += '["' + part.replace("\\", "\\\\").replace('"', '\\"') + '"]'
    return out
