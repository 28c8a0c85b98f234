"""The demo's smoke run: one program, on Pyodide and MicroPython, raw FFI
beside pyscript_ffi, printed as a table.

    python -m pyscript_ffi_host.smoke [--runtime node|chrome]
"""

from __future__ import annotations

import argparse

from . import artifacts

PROGRAM = r"""
import sys
from pyscript_ffi import js, to_js, is_none, ConversionError
show = js.__show
try:
    from pyodide.ffi import to_js as raw_to_js
except ImportError:
    from jsffi import to_js as raw_to_js

def raw(value):
    try:
        return show(raw_to_js(value))
    except BaseException as e:
        return "error: " + type(e).__name__

def ours(value):
    try:
        return show(to_js(value))
    except ConversionError as e:
        return "ConversionError " + e.path

loop = [1]
loop.append(loop)
CASES = [
    ("{0: 'a', 4: 'b'}", {0: "a", 4: "b"}),
    ("[2**40]", [2**40]),
    ("[None]", [None]),
    ("['a\\x00b']", ["a\x00b"]),
    ("{(1, 2): 3}", {(1, 2): 3}),
    ("{1, 2}", {1, 2}),
]
result = [[label, raw(value), ours(value)] for label, value in CASES]
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runtime", default="node", choices=["node", "chrome"])
    runtime = parser.parse_args().runtime
    from pathlib import Path

    show_js = (Path(artifacts.ROOT) / "tests" / "js" / "show.js").read_text()
    built = artifacts.ensure()
    for name, version in (("pyodide", "314.0.7"), ("micropython", "1.27.0")):
        interp = artifacts.start(name, runtime, version, built)
        try:
            interp.run_js(show_js)
            rows = interp.run(PROGRAM)
        finally:
            interp.close()
        print(f"\n{name} {version} on {runtime}")
        print(f"  {'python value':<16} {'raw interpreter FFI':<34} pyscript_ffi")
        for label, raw, ours in rows:
            print(f"  {label:<16} {raw:<34} {ours}")


if __name__ == "__main__":
    main()
