"""The plugin's layers, read from its sources: no import cycle (Python, and the
JS of its pages), no import of its own modules inside a function, a leaf catalog
and a leaf cache, and interpreter modules that take what they need as arguments
instead of reaching for the store or the launcher."""

from pathlib import Path

from import_graph import cycles, function_imports, js_imports, python_imports

PACKAGE = Path(__file__).resolve().parent.parent / "plugin" / "src" / "pytest_run_inside"
NAME = "pytest_run_inside"
GRAPH = python_imports(PACKAGE, NAME)
#: The modules that start one kind of runtime, given their packages by the launcher.
INTERPRETER_MODULES = ("pyodide", "micropython", "pyscript_page")
#: What sits above them: where packages come from, and who asks for them.
ABOVE = ("npm", "cache", "pyodide_dist", "launcher", "plugin", "inside_tests", "pytest_pyodide_compat")


def test_the_graph_covers_every_module() -> None:
    assert f"{NAME}.catalog" in GRAPH and f"{NAME}.launcher" in GRAPH
    assert GRAPH[f"{NAME}.launcher"] >= {f"{NAME}.npm", f"{NAME}.pyodide", f"{NAME}.micropython"}


def test_the_plugin_has_no_import_cycle() -> None:
    assert cycles(GRAPH) == []


def test_a_cycle_is_found_when_there_is_one() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}) == [["a", "b", "c"], ["e"]]


def test_no_module_imports_its_layers_inside_a_function() -> None:
    assert function_imports(PACKAGE, NAME) == []


def test_the_catalog_and_the_cache_are_leaves() -> None:
    assert GRAPH[f"{NAME}.catalog"] == set()
    assert GRAPH[f"{NAME}.cache"] == set()


def test_interpreter_modules_take_their_packages_as_arguments() -> None:
    for module in INTERPRETER_MODULES:
        assert not GRAPH[f"{NAME}.{module}"] & {f"{NAME}.{above}" for above in ABOVE}, module


def test_the_pages_js_has_no_import_cycle() -> None:
    graph = js_imports(PACKAGE / "js")
    assert graph["micropython_node.mjs"] == {"micropython_bridge.mjs"}
    assert cycles(graph) == []
