"""Chooses the interpreter backend once, at import (micropip `_compat` style)."""

import sys

if sys.implementation.name == "micropython":
    from ._micropython import MicroPythonBackend as Backend
else:
    from ._pyodide import PyodideBackend as Backend

backend = Backend()
