"""The MicroPython artifact: one `pyscript_ffi.mpy` (one PyScript `files` entry)
holding each module compiled on its own, so tracebacks name the source module
and line on every interpreter; and the rules its build enforces."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pyscript_ffi_host import jsbuild, mpy_bundle

ROOT = Path(__file__).resolve().parent.parent

TRACEBACK = """
import sys
from pyscript_ffi import create_proxy, to_js

def traceback_of(fail):
    try:
        fail()
    except Exception as e:
        if sys.implementation.name == "micropython":
            import io
            out = io.StringIO()
            sys.print_exception(e, out)
            return out.getvalue()
        import traceback
        return "".join(traceback.format_exception(e))
    return "no error"

def bad_converter(value, convert, cache):
    return 1 // 0

result = [
    traceback_of(lambda: create_proxy(42)),
    traceback_of(lambda: to_js(object(), default_converter=bad_converter)),
]
"""


def line_of(module: str, text: str) -> int:
    """The one line of `pyscript_ffi/<module>` containing `text`."""
    lines = (ROOT / "pyscript_ffi" / module).read_text().splitlines()
    found = [number for number, line in enumerate(lines, 1) if text in line]
    assert len(found) == 1, (module, text, found)
    return found[0]


def frame(module: str, text: str, function: str) -> str:
    return f'pyscript_ffi/{module}", line {line_of(module, text)}, in {function}'


def test_tracebacks_name_the_source_module_and_line(interp):
    not_callable, failed_converter = interp.run(TRACEBACK)
    assert frame("_proxies.py", 'raise TypeError("create_proxy needs a callable', "_make") in not_callable
    make_line = "token, fn = _make(func, False, key, capture_this)"
    assert frame("_proxies.py", make_line, "create_proxy") in not_callable
    wrapped = 'raise ConversionError(type(exc).__name__ + ": " + str(exc), _encode_path(stack))'
    assert frame("_to_js.py", wrapped, "encode") in failed_converter
    assert frame("_to_js.py", "value = convert_value(obj, opts)", "to_js") in failed_converter


def test_the_mpy_holds_every_module_but_the_pyodide_backend():
    trees = mpy_bundle._modules()
    constant_modules = {name: mpy_bundle.constants(tree) for name, tree in trees.items()}
    source = mpy_bundle.loader_source(
        {name: b"" for name in mpy_bundle.check(trees) if constant_modules[name] is None},
        {name: values for name, values in constant_modules.items() if values is not None},
    )
    tree = ast.parse(source)
    assigned = {ast.unparse(n.targets[0]): n.value for n in tree.body if isinstance(n, ast.Assign)}
    compiled = {Path(k).stem for k in ast.literal_eval(assigned["_MPY"])}
    as_values = {k.split(".")[1] for k in ast.literal_eval(assigned["_CONSTANTS"])}
    generated = {p.stem for p in jsbuild.generated()}
    assert as_values == generated - mpy_bundle.EXCLUDED  # generated data: no code, no traceback to keep
    package = {p.stem for p in (ROOT / "pyscript_ffi").glob("*.py")}
    assert compiled | as_values == package - {"_pyodide", "_pyodide_js"} and not compiled & as_values
    assert source.count("\n") == mpy_bundle.LOADER.read_text().count("\n")  # the loader's own lines unchanged


@pytest.mark.parametrize(
    ("modules", "message"),
    [
        ({"_a": "from ._pyodide import x\n", "_pyodide": ""}, "_a.py:1: imports _pyodide"),
        ({"_a": "from ._b import x\n", "_b": "from ._a import y\n"}, "import cycle"),
        ({"_a": "from ._missing import x\n"}, "_a.py:1: no module pyscript_ffi/_missing.py"),
    ],
    ids=["pyodide-backend-outside-the-chooser", "cycle", "missing-module"],
)
def test_build_refuses_what_micropython_cannot_load(modules: dict[str, str], message: str) -> None:
    trees = {name: ast.parse(text) for name, text in modules.items() if name not in mpy_bundle.EXCLUDED}
    with pytest.raises(mpy_bundle.BundleError) as caught:
        mpy_bundle.check(trees)
    assert message in str(caught.value)
