"""Setups and observations (Python source run inside the interpreter) that several case
tables use, tests/test_hostile.py's included. `jsf` is `common.py`'s: a JS function from source."""

__all__ = [
    "IS_PLAIN",
    "DEPTH_OF",
    "KEYS_DEPTH_OF",
    "PY_DEPTH",
    "THING",
    "SAME_01",
    "DAG_40_LISTS",
    "DAG_40_DICTS",
    "DAG_DEPTH_JS",
    "PY_DAG_DEPTH",
    "USE_ARRAY",
    "USE_UNDEFINED",
    "FROM_BIGINT",
]

#: True when `v` is a plain Object (its prototype `Object.prototype`).
IS_PLAIN = "jsf('v', 'return Object.getPrototypeOf(v) === Object.prototype')(v)"
#: How deep the JS Arrays in `v` nest (through element 0).
DEPTH_OF = "jsf('v', 'let n = 0; while (Array.isArray(v)) { n++; v = v[0] } return n')(v)"
#: How deep the JS objects in `v` nest (through key `k`).
KEYS_DEPTH_OF = (
    "jsf('v', 'let n = 0; while (v && typeof v === \"object\" && \"k\" in v) { n++; v = v.k } return n')(v)"
)
#: Python run after a to_py case: `n` is how deep the lists in `v` nest.
PY_DEPTH = "n = 0\nwhile type(v) is list:\n    n += 1\n    v = v[0] if v else None"
#: A class no rule converts: `Thing(n)`, with its `n`.
THING = "class Thing:\n    def __init__(self, n=1):\n        self.n = n\n"
#: True when `v[0]` and `v[1]` are the same JS object.
SAME_01 = "jsf('v', 'return v[0] === v[1]')(v)"
#: Setups: `x`, a list (a dict) holding the same list (dict) twice, 40 levels deep.
DAG_40_LISTS = "x = [1]\nfor _ in range(40):\n    x = [x, x]"
DAG_40_DICTS = "x = {}\nfor _ in range(40):\n    x = {'l': x, 'r': x}"
#: How many levels of a JS DAG made by DAG_40_* hold the same object twice (-1 if one does not).
DAG_DEPTH_JS = (
    "jsf('v', 'let n = 0; for (;;) { let a, b; if (Array.isArray(v) && v.length === 2) [a, b] = v; "
    'else if (v !== null && typeof v === "object" && "l" in v) { a = v.l; b = v.r } else return n; '
    "if (a !== b) return -1; n++; v = a }')(v)"
)
#: Python run after a to_py case of a list DAG: `n` levels, `ok` if each holds one list twice.
PY_DAG_DEPTH = (
    "n = 0\nok = True\nwhile type(v) is list and len(v) == 2:\n    ok = ok and v[0] is v[1]\n"
    "    n += 1\n    v = v[0]"
)
USE_ARRAY = "from array import array"
USE_UNDEFINED = "from pyscript_ffi import undefined"
#: Setup: `n`, an int that to_py made from the JS BigInt 5n (and `call`, `create_proxy`).
FROM_BIGINT = "from pyscript_ffi import call, create_proxy\nn = call(jsf('return 5n'))"
