"""pytest-run-inside: run pytest tests inside Pyodide and MicroPython, on Node,
in headless Chromium, in a Chromium Web Worker and in real PyScript pages and workers.

```python
from pytest_run_inside import run_inside

@run_inside
def test_greet():                 # this body runs inside each interpreter
    from greet import greet
    assert greet("py") == "Hello, py!"
```

The pytest plugin itself is `pytest_run_inside.plugin` (a `pytest11` entry point).
"""

from .catalog import Spec
from .inside_tests import run_inside
from .interp import Interp, InterpError
from .launcher import InterpSetup, launch, start
from .npm import Store
from .pyscript_page import Page

__all__ = ["Interp", "InterpError", "InterpSetup", "Page", "Spec", "Store", "launch", "run_inside", "start"]
__version__ = "0.1.0"
