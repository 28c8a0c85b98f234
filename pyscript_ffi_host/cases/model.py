"""The case format: one observation proving one row of docs/contract.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Err", "Case"]


@dataclass(frozen=True)
class Err:
    """An expected exception: its type name, its `.path`, and a substring of `str(e)`."""

    type: str
    path: str | None
    contains: str = ""


@dataclass(frozen=True)
class Case:
    """One conformance case.

    `spec` is the id of the row of docs/contract.md the case proves.
    `kind` is "to_js" (`source` is a Python expression), "to_py" (`source` is a
    JS expression), "is_none" (`source` is a Python expression) or "js" (`source` is a
    Python expression using `js`, e.g. an attribute read: the value read from JS). `kwargs` maps
    keyword names to Python source. `setup` runs first; `after` runs after the
    conversion, with the result in `v`; `observe` is a Python expression on `v`
    whose JSON value is compared to `expect` (default: `show(v)` for to_js,
    `pyshow(v)` for to_py, `v` for is_none).
    """

    id: str
    spec: str
    kind: str
    source: str
    expect: Any = None
    error: Err | None = None
    kwargs: dict[str, str] = field(default_factory=dict)
    setup: str = ""
    after: str = ""
    observe: str = ""
