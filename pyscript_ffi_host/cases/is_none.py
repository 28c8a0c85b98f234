"""Cases of the contract's section "`is_none`" (rows `is_none.*`): a Python expression -> the
boolean `is_none` gives (or another observation)."""

from .model import Case
from .snippets import USE_UNDEFINED

__all__ = ["CASES"]


def _none(cid: str, source: str, expect: bool) -> Case:
    return Case(cid, "is_none.nullish" if expect else "is_none.other", "is_none", source, expect)


CASES: list[Case] = [
    # is_none
    _none("none-python", "None", True),
    _none("none-js-null", "js.JSON.parse('null')", True),
    _none("none-js-undefined", "jsf('return undefined')()", True),
    _none("none-js-undefined-global", "js.undefined", True),
    _none("none-null-in-array", "jsf('return [null]')()[0]", True),
    Case("none-undefined-sentinel", "is_none.undefined", "is_none", "undefined", True, setup=USE_UNDEFINED),
    Case(
        "none-undefined-falsy",
        "is_none.undefined",
        "is_none",
        "undefined",
        False,
        setup=USE_UNDEFINED,
        observe="bool(undefined)",
    ),
    _none("none-zero", "0", False),
    _none("none-js-zero", "js.JSON.parse('0')", False),
    _none("none-empty-str", "''", False),
    _none("none-false", "False", False),
    _none("none-empty-list", "[]", False),
    _none("none-empty-dict", "{}", False),
    _none("none-js-object", "js.Object.new()", False),
    _none("none-js-nan", "js.NaN", False),
]
