# Runs INSIDE Pyodide and MicroPython as the module `pytest`, for test modules
# run inside (and helpers they import) where the interpreter has no pytest: the
# names such a module uses at import time and in its test bodies.  Collection,
# parametrization, fixtures and reporting stay on the host, in the real pytest.
# It sits last on sys.path, so a real pytest (Pyodide's, when loaded) wins.
# Keep it to the subset of Python both interpreters share.
import re

__all__ = [
    "ExceptionInfo",
    "Failed",
    "Skipped",
    "XFailed",
    "approx",
    "fail",
    "fixture",
    "importorskip",
    "mark",
    "param",
    "raises",
    "skip",
    "xfail",
]


class Skipped(Exception):
    """`pytest.skip(reason)`: the host reports the test skipped."""


class XFailed(Exception):
    """`pytest.xfail(reason)`."""


class Failed(AssertionError):
    """`pytest.fail(reason)`."""


def skip(reason=""):
    raise Skipped(reason)


def xfail(reason=""):
    raise XFailed(reason)


def fail(reason=""):
    raise Failed(reason)


def importorskip(modname, minversion=None, reason=None):
    """The module `modname`, or skip the test when it cannot be imported."""
    try:
        module = __import__(modname)
    except ImportError:
        skip(reason or "could not import " + repr(modname))
    for part in modname.split(".")[1:]:
        module = getattr(module, part)
    return module


class ExceptionInfo:
    """What `raises` caught: `type`, `value`, `match(pattern)`."""

    def __init__(self):
        self.type = None
        self.value = None

    def match(self, pattern):
        if not re.search(pattern, str(self.value)):
            raise AssertionError(
                "Regex pattern " + repr(pattern) + " does not match " + repr(str(self.value))
            )
        return True


class _Raises:
    def __init__(self, expected, match):
        self.expected = expected if isinstance(expected, tuple) else (expected,)
        self.pattern = match
        self.info = ExceptionInfo()

    def __enter__(self):
        return self.info

    def __exit__(self, kind, value, traceback):
        if kind is None:
            names = " or ".join(e.__name__ for e in self.expected)
            raise Failed("DID NOT RAISE " + names)
        if not any(issubclass(kind, e) for e in self.expected):
            return False
        self.info.type, self.info.value = kind, value
        if self.pattern is not None:
            self.info.match(self.pattern)
        return True


def raises(expected, *args, match=None, **kwargs):
    """`with raises(ValueError, match="bad"):` or `raises(ValueError, func, *args)`."""
    context = _Raises(expected, match)
    if not args:
        return context
    with context:
        args[0](*args[1:], **kwargs)
    return context.info


class _Approx:
    def __init__(self, expected, rel, abs):
        self.expected, self.rel, self.abs = expected, rel, abs

    def _close(self, actual, expected):
        if isinstance(expected, (list, tuple)):
            if len(actual) != len(expected):
                return False
            return all(self._close(actual[i], e) for i, e in enumerate(expected))
        if isinstance(expected, dict):
            same_keys = set(actual.keys()) == set(expected.keys())
            return same_keys and all(self._close(actual[k], expected[k]) for k in expected)
        rel = 1e-6 if self.rel is None else self.rel
        tolerance = max(rel * abs(expected), 1e-12 if self.abs is None else self.abs)
        return actual == expected or abs(actual - expected) <= tolerance

    def __eq__(self, actual):
        try:
            return self._close(actual, self.expected)
        except (TypeError, AttributeError):
            return False

    def __ne__(self, actual):
        return not self == actual

    def __repr__(self):
        return "approx(" + repr(self.expected) + ")"


def approx(expected, rel=None, abs=None):
    return _Approx(expected, rel, abs)


class _MarkDecorator:
    """`pytest.mark.<name>(...)`: marks are the host's business; here they leave functions as they are."""

    def __init__(self, name, args=(), kwargs=None):
        self.name, self.args, self.kwargs = name, args, kwargs or {}

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and callable(args[0]):
            return args[0]
        return _MarkDecorator(self.name, args, kwargs)


class _Marks:
    def __getattr__(self, name):
        return _MarkDecorator(name)


mark = _Marks()


def param(*values, **kwargs):
    return values


def fixture(*args, **kwargs):
    """Fixtures run on the host; here the decorator leaves the function as it is."""
    if len(args) == 1 and not kwargs and callable(args[0]):
        return args[0]
    return lambda func: func
