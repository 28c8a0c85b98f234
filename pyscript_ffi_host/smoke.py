"""The demo's smoke run: one program, on Pyodide and MicroPython, raw FFI
beside pyscript_ffi, printed as a table.

    python -m pyscript_ffi_host.smoke [--runtime node|chrome]
"""

from __future__ import annotations

import argparse

from . import artifacts
from .interp import Interp, InterpError

SETUP = r"""
from pyscript_ffi import js, to_js, ConversionError
try:
    from pyodide.ffi import to_js as raw_to_js
except ImportError:
    from jsffi import to_js as raw_to_js
"""

# (label, Python expression); each runs in its own call, since on MicroPython
# the raw FFI's JS errors escape try/except and abort the whole run.
CASES = [
    ("{0: 'a', 4: 'b'}", "{0: 'a', 4: 'b'}"),
    ("[2**40]", "[2**40]"),
    ("[None]", "[None]"),
    ("['a\\x00b']", "['a\\x00b']"),
    ("{(1, 2): 3}", "{(1, 2): 3}"),
    ("{1, 2}", "{1, 2}"),
    ("a list in itself", "(lambda l: (l.append(l), l)[1])([1])"),
]

RAW = SETUP + "result = js.__show(raw_to_js({expr}))"
OURS = (
    SETUP
    + """
try:
    result = js.__show(to_js({expr}))
except ConversionError as e:
    result = "ConversionError: " + e.reason + " at " + e.path
"""
)


def _observe(interp: Interp, code: str) -> str:
    try:
        return str(interp.run(code))
    except InterpError as e:
        return f"{e.type_name}: {e.message.splitlines()[0][:40]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runtime", default="node", choices=["node", "chrome"])
    runtime = parser.parse_args().runtime
    from .cases import SHOW_JS as show_js

    built = artifacts.ensure()
    for name, version in (("pyodide", "314.0.7"), ("micropython", "1.27.0")):
        interp = artifacts.start(name, runtime, version, built)
        try:
            interp.run_js(show_js)
            rows = [
                (label, _observe(interp, RAW.format(expr=expr)), _observe(interp, OURS.format(expr=expr)))
                for label, expr in CASES
            ]
        finally:
            interp.close()
        print(f"\n{name} {version} on {runtime}")
        print(f"  {'python value':<18} {'raw interpreter FFI':<50} pyscript_ffi")
        for label, raw, ours in rows:
            print(f"  {label:<18} {raw:<50} {ours}")


if __name__ == "__main__":
    main()
