"""The conformance case table: docs/contract.md written as data.

Each `Case` (`model.py`) is one observation proving a row of the contract (`spec` is the row's
id, e.g. "to_js.dict"; `python -m pyscript_ffi_host.contract` lists the cases in each row): a
Python input (source text), the keywords, and the exact JavaScript observation it must give (the
`__show` text of `show.js`), or the error type, path and a message substring.
`tests/test_conformance.py` runs every case on every interpreter; `compat.py` (`nox -s compat`)
runs the same table against the raw interpreter FFIs and PyScript's `pyscript/ffi.py`.

| module | holds |
|---|---|
| `to_js.py`, `to_py.py`, `is_none.py`, `jsproxy.py` | the cases of one section of docs/contract.md each |
| `snippets.py` | setups and observations several tables share (tests/test_hostile.py's too) |
| `model.py` | the case format: `Case`, `Err` |
| `runner.py` | `program` (a case as Python source for an interpreter), `judge`, `OURS` |
| `common.py`, `show.js` | what runs inside: the helpers every case program has, the JS `__show` |

```python
from pyscript_ffi_host.cases import CASES, OURS, judge, program

case = CASES[0]
answer = interp.run(program(case, OURS[interp.name]))
assert judge(case, answer) is None
```

A new case goes into its section's `CASES`; a new section's table is one module here, added to
`CASES` below.
"""

from . import is_none, jsproxy, mixing, to_js, to_py
from .model import Case, Err
from .runner import COMMON, OURS, SHOW_JS, judge, program
from .snippets import DAG_DEPTH_JS, DEPTH_OF, IS_PLAIN, KEYS_DEPTH_OF, PY_DEPTH, THING

__all__ = [
    "SHOW_JS",
    "Err",
    "Case",
    "CASES",
    "OURS",
    "COMMON",
    "program",
    "judge",
    "by_id",
    # shared with tests/test_hostile.py's table
    "DAG_DEPTH_JS",
    "DEPTH_OF",
    "IS_PLAIN",
    "KEYS_DEPTH_OF",
    "PY_DEPTH",
    "THING",
]

#: Every case, section by section in the contract's order.
CASES: list[Case] = [*to_js.CASES, *to_py.CASES, *is_none.CASES, *jsproxy.CASES, *mixing.CASES]


def by_id(case_id: str) -> Case:
    """The case named `case_id`."""
    for case in CASES:
        if case.id == case_id:
            return case
    raise KeyError(case_id)
