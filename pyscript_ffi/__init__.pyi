"""Type stubs for pyscript_ffi (the package itself stays typing-free so that it
imports unmodified on MicroPython)."""

from collections.abc import Callable, Iterable
from typing import Any, Protocol

__version__: str
__all__: list[str]

class JsProxy(Protocol):
    """A JavaScript object seen from Python (Pyodide's or MicroPython's class)."""

    def __getattr__(self, name: str) -> Any: ...
    def __call__(self, *args: Any) -> Any: ...

class _JsFunction(JsProxy, Protocol):
    def destroy(self) -> None: ...

js: Any

_ToPyConverter = Callable[[JsProxy, Callable[[Any], Any], Callable[[JsProxy, Any], None]], Any]

class UndefinedType:
    """The type of `undefined`: falsy, crosses into JS as `undefined`."""

    def __bool__(self) -> bool: ...

undefined: UndefinedType

class ConversionError(TypeError):
    path: str
    reason: str
    def __init__(self, message: str, path: str = "$") -> None: ...

class JsException(Exception):
    name: str
    message: str
    error: Any
    path: str | None
    def __init__(self, name: str, message: str, error: Any = None, path: str | None = None) -> None: ...

def to_js(
    obj: Any,
    *,
    depth: int = -1,
    create_pyproxies: bool = True,
    dict_converter: Callable[[Iterable[JsProxy]], Any] | None = None,
    default_converter: Callable[[Any, Callable[[Any], Any], Callable[[Any, Any], None]], Any] | None = None,
) -> Any: ...
def to_py(
    value: Any,
    *,
    depth: int = -1,
    default_converter: _ToPyConverter | None = None,
) -> Any: ...
def create_proxy(func: Callable[..., Any], *, capture_this: bool = False) -> _JsFunction: ...
def create_once_callable(func: Callable[..., Any]) -> _JsFunction: ...
def live_proxies() -> int: ...
def call(fn: Any, *args: Any) -> Any: ...
def call_method(obj: Any, name: str, *args: Any) -> Any: ...
def new(cls: Any, *args: Any) -> Any: ...
async def await_js(promise: Any) -> Any: ...
def is_none(value: object) -> bool: ...
def assign(target: Any, *sources: Any) -> Any: ...
def query(target: Any, path: str) -> Any: ...
def gather(target: Any, *paths: str) -> tuple[Any, ...]: ...
def direct(obj: Any) -> Any: ...
