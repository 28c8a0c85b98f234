"""Property: random JSON-shaped values survive `to_py(to_js(x)) == x` and give
exactly the JavaScript value JSON semantics say, on every interpreter. The values
include strings that start with U+FEFF or hold noncharacters, and shared
sub-containers and DAGs, whose sharing must survive both ways (`same` in
tests/round_trip.py checks identity).

Hypothesis generates the values on the host; each example is a BATCH of values
sent into the interpreter in one `interp.run` (as JSON text, with big ints and
floats in an exact tagged form), checked there by `tests/round_trip.py`, and the JS observations
(`__showSorted`, see pyscript_ffi_host/cases/show.js) compared on the host with
what JSON semantics give. Profiles (env `PYSCRIPT_FFI_PROPERTIES`):
"ci" (default, 12 batches x 25 values = 300 per interpreter) and "thorough"
(`nox -s properties`: 420 batches x 25 values = 10,500 per interpreter).
"""

from __future__ import annotations

import json
import math
import os
import struct
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BATCH = 25  # values per interp.run; bigger batches overrun hypothesis's buffer and generate slowly
settings.register_profile("ci", max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile(
    "thorough", max_examples=420, deadline=None, suppress_health_check=list(HealthCheck)
)
PROFILE = os.environ.get("PYSCRIPT_FFI_PROPERTIES", "ci")

# -- the values ----------------------------------------------------------------
any_text = st.text(
    st.characters(exclude_categories=("Cs",)), max_size=12
)  # any code point but lone surrogates
#: What an internal route might alter: U+FEFF (a byte-order mark to a TextDecoder), noncharacters,
#: NUL, astral characters; long enough to cross every length threshold (MicroPython: 16 UTF-8 bytes).
ALTERABLE = [
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\ufdd0",
    "\ufdef",
    "\U0001fffe",
    "\U0010ffff",
    "\x00",
    "a",
    "\xe9",
]
alterable_text = st.text(st.sampled_from(ALTERABLE), max_size=40)
text = st.one_of(any_text, alterable_text, st.builds("\ufeff".__add__, st.one_of(any_text, alterable_text)))
ints = st.one_of(
    st.integers(-(2**31) - 2, 2**31 + 2),
    st.integers(-(2**53) - 2, 2**53 + 2),
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**31, -(2**31), 2**53 - 1, -(2**53 - 1), 2**53, -(2**53), 2**70, -(2**70)]),
)
floats = st.one_of(st.floats(), st.sampled_from([-0.0, math.nan, math.inf, -math.inf, 5e-324, 2.0**70]))
leaves = st.one_of(st.none(), st.booleans(), ints, floats, text)
values = st.recursive(
    leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(text, inner, max_size=5)),
    max_leaves=12,
)
containers = st.one_of(st.lists(values, max_size=3), st.dictionaries(text, values, max_size=3))


def _dag(levels: int, leaf: Any) -> list[Any]:
    """A list holding the same list twice, `levels` deep."""
    x = [leaf]
    for _ in range(levels):
        x = [x, x]
    return x


#: Top level is a container: a top-level str/number is handed to JS by the interpreter itself.
#: Shared sub-containers and DAGs only at the top, so the JS observation (one text per path) stays small.
documents = st.one_of(
    st.lists(values, max_size=5),
    st.dictionaries(text, values, max_size=5),
    st.builds(lambda x, y: [x, y, {"again": x}], containers, values),  # one object reached twice
    st.builds(_dag, st.integers(1, 8), values),
)


# -- host side: the exact transport and the JS observation JSON semantics give ----
def pack(x: Any, labels: dict[int, int] | None = None) -> Any:
    """A JSON form that MicroPython's `json.loads` reads exactly (see `unpack` in tests/round_trip.py).
    A container reached twice is packed once as `["=", n, packed]`, then referred to as `["@", n]`."""
    if labels is None:
        labels = {}
    if x is None or isinstance(x, bool | str):
        return x
    if isinstance(x, int):
        return x if abs(x) <= 2**53 - 1 else ["i", str(x)]
    if isinstance(x, float):
        return ["f", struct.pack("<d", x).hex()]
    if id(x) in labels:
        return ["@", labels[id(x)]]
    labels[id(x)] = n = len(labels)
    if isinstance(x, list):
        return ["=", n, ["l", *(pack(v, labels) for v in x)]]
    return ["=", n, ["d", *(p for k, v in x.items() for p in (k, pack(v, labels)))]]


def js_number(x: float) -> str:
    """ECMAScript Number::toString for a finite double (Python's repr has the same shortest digits)."""
    if x == 0:
        return "0"
    if x < 0:
        return "-" + js_number(-x)
    mantissa, _, exp = repr(x).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0")
    n = len(whole) + int(exp or 0) - (len(whole + frac) - len((whole + frac).lstrip("0")))
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + digits
    e = n - 1
    sign = "+" if e >= 0 else "-"
    return (digits if k == 1 else digits[0] + "." + digits[1:]) + "e" + sign + str(abs(e))


def _utf16(s: str) -> bytes:
    return s.encode("utf-16-be")


def shown(x: Any) -> str:
    """`__showSorted(to_js(x))` as JSON semantics say it must be."""
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x) if abs(x) <= 2**53 - 1 else str(x) + "n"
    if isinstance(x, float):
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return "-0" if x == 0 and math.copysign(1, x) < 0 else js_number(x)
    if isinstance(x, str):
        return json.dumps(x, ensure_ascii=False)
    if isinstance(x, list):
        return "[" + ",".join(map(shown, x)) + "]"
    items = [json.dumps(k, ensure_ascii=False) + ":" + shown(v) for k, v in x.items()]
    return "{" + ",".join(sorted(items, key=_utf16)) + "}"  # JS sorts by UTF-16 code units


def check_batch(interp: Any, batch: list[Any]) -> None:
    payload = json.dumps([pack(x) for x in batch], ensure_ascii=False)
    answers = interp.run(f"from round_trip import check\nresult = check({payload!r})")
    for x, (round_trips, observed) in zip(batch, answers, strict=True):
        assert round_trips, f"to_py(to_js(x)) != x for x = {x!r} (JS: {observed})"
        assert observed == shown(x), f"JS value of to_js({x!r})"


@pytest.mark.contract("to_py.round-trip")
@settings(settings.get_profile(PROFILE))
@given(batch=st.lists(documents, min_size=BATCH, max_size=BATCH))
def test_json_values_round_trip_and_match_json_semantics(interp, batch):
    check_batch(interp, batch)


@pytest.mark.contract("to_py.round-trip")
def test_js_number_spelling_matches_ecmascript():
    """The host's model of JS number text (used above) against known JS outputs."""
    cases = {1.5: "1.5", 100.0: "100", 1e21: "1e+21", 1e20: "100000000000000000000", 1e-7: "1e-7",
             0.000001: "0.000001", 5e-324: "5e-324", 2.0**70: "1.1805916207174113e+21", 123.456: "123.456",
             -2.5: "-2.5", 1.7976931348623157e308: "1.7976931348623157e+308"}  # fmt: skip
    assert {x: js_number(x) for x in cases} == cases


@pytest.mark.contract("api.reference")
@pytest.mark.interpreters("pyodide")
@settings(settings.get_profile(PROFILE))
@given(batch=st.lists(documents, min_size=BATCH, max_size=BATCH))
def test_conversions_agree_with_pyodide_ffi(interp, batch):
    """The differential test: the same values through Pyodide's own `pyodide.ffi`."""
    payload = json.dumps([pack(x) for x in batch], ensure_ascii=False)
    differences = interp.run(f"from round_trip import differential\nresult = differential({payload!r})")
    assert differences == [], differences[:3]


# -- typed arrays -------------------------------------------------------------------
#: typecode -> (bytes per element, the JS typed array, what `to_py` gives back)
TYPED = {
    "b": (1, "Int8Array", "b"),
    "B": (1, "Uint8Array", "bytes"),
    "h": (2, "Int16Array", "h"),
    "H": (2, "Uint16Array", "H"),
    "i": (4, "Int32Array", "i"),
    "l": (4, "Int32Array", "i"),
    "I": (4, "Uint32Array", "I"),
    "L": (4, "Uint32Array", "I"),
    "q": (8, "BigInt64Array", "q"),
    "Q": (8, "BigUint64Array", "Q"),
    "f": (4, "Float32Array", "f"),
    "d": (8, "Float64Array", "d"),
}


@st.composite
def typed_buffers(draw: Any) -> list[str]:
    code = draw(st.sampled_from(sorted(TYPED)))
    size = TYPED[code][0]
    data = draw(st.binary(max_size=48).map(lambda b: b[: len(b) - len(b) % size]))
    if code in "fd":  # NaN payloads need not survive a float: canonical NaNs only
        fmt = "<" + code * (len(data) // size)
        data = struct.pack(fmt, *(math.nan if x != x else x for x in struct.unpack(fmt, data)))
    return [code, data.hex(), draw(st.sampled_from(["top", "list", "view"]))]


@pytest.mark.contract("to_js.typed-arrays", "to_py.typed-arrays")
@settings(settings.get_profile(PROFILE))
@given(batch=st.lists(typed_buffers(), min_size=BATCH, max_size=BATCH))
def test_typed_arrays_round_trip_exactly(interp, batch):
    answers = interp.run(f"from round_trip import check_typed\nresult = check_typed({json.dumps(batch)!r})")
    for (code, hexed, how), answer in zip(batch, answers, strict=True):
        _, js_type, back = TYPED[code]
        assert answer == [js_type + ":" + hexed, back, hexed], (
            f"array({code!r}, bytes.fromhex({hexed!r})) ({how})"
        )
