"""Chooses the interpreter backend once, at import (micropip `_compat` style).

`backend` is a `Backend` (every member documented in `_backend_base`): the only
place that asks which interpreter this is.
"""

import sys

if sys.implementation.name == "micropython":
    from ._micropython import MicroPythonBackend as _Chosen
else:
    from ._pyodide import PyodideBackend as _Chosen

backend = _Chosen()
