"""The published run: `docs/bench-results.json` (the report of one run, committed), and the
README's performance section and `docs/bench.png`, both made from it and checked against it.

    python -m pyscript_ffi_host.bench --redraw   # README section and chart from the results file
    python -m pyscript_ffi_host.bench --check    # exit 1, saying why, when either does not match it

`nox -s bench` writes all three from the run it makes (`--publish`). The README section sits
between the `BEGIN` and `END` markers; the chart carries the results' digest in its PNG text
chunk "Source" (`stamp`), since a PNG drawn again is not the same bytes on another machine.
`tests/test_docs.py` runs `problems()`.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from pathlib import Path
from typing import Any

from .chart import chart as draw
from .report import markdown, targets

__all__ = [
    "RESULTS",
    "CHART",
    "README",
    "BEGIN",
    "END",
    "digest",
    "stamp",
    "section",
    "chart_stamp",
    "publish",
    "problems",
    "redraw",
]

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "docs" / "bench-results.json"
CHART = ROOT / "docs" / "bench.png"
README = ROOT / "README.md"
BEGIN = (
    "<!-- bench: made by `nox -s bench` from docs/bench-results.json"
    " (python -m pyscript_ffi_host.bench --redraw); do not edit by hand -->"
)
END = "<!-- bench: end -->"
_KEY = b"Source"
_REDRAW = "python -m pyscript_ffi_host.bench --redraw"


def digest(report: dict[str, Any]) -> str:
    """The sha256 of the report's canonical JSON (key order and spacing do not count)."""
    text = json.dumps(report, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()


def stamp(report: dict[str, Any]) -> str:
    """What the chart of `report` carries: which results it was drawn from."""
    return f"docs/bench-results.json sha256:{digest(report)}"


def section(report: dict[str, Any]) -> str:
    """The README's generated performance section, markers included."""
    return "\n".join(
        [
            BEGIN,
            markdown(report),
            "",
            "![time relative to the raw FFI (and to a JS memcpy for the binary rows), per operation,"
            " interpreter version and runtime](docs/bench.png)",
            "",
            f"**Against the targets** (newest versions, every runtime of the run of {report['date']};"
            " the oldest versions are in the tables above):",
            "",
            targets(report),
            END,
        ]
    )


def _replace_section(text: str, report: dict[str, Any]) -> str:
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{README.name} has no {BEGIN!r} ... {END!r} section")
    return text[:start] + section(report) + text[end + len(END) :]


def chart_stamp(path: Path) -> str | None:
    """The "Source" text chunk of the PNG at `path` (tEXt, zTXt or iTXt), or None."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    at = 8
    while at + 8 <= len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        at += 12 + length
        key, _, rest = body.partition(b"\0")
        if key != _KEY:
            continue
        if kind == b"tEXt":
            return rest.decode("latin-1")
        if kind == b"zTXt":
            return zlib.decompress(rest[1:]).decode("latin-1")
        if kind == b"iTXt":
            compressed, text = rest[0], rest[2:].split(b"\0", 2)[2]
            return (zlib.decompress(text) if compressed else text).decode()
    return None


def publish(report: dict[str, Any], *, chart: bool = True) -> None:
    """Write `report` as the results file, its README section and (`chart`) its chart."""
    RESULTS.write_text(json.dumps(report, indent=1) + "\n")
    README.write_text(_replace_section(README.read_text(), report))
    if chart:
        draw(report, CHART, stamp(report))


def problems() -> list[str]:
    """Why the README section or the chart does not come from the committed results."""
    try:
        report = json.loads(RESULTS.read_text())
    except (OSError, ValueError) as exc:
        return [f"{RESULTS.name} does not load: {exc}"]
    found = []
    try:
        if _replace_section(README.read_text(), report) != README.read_text():
            found.append(f"the README's bench section is not {RESULTS.name}'s: run {_REDRAW}")
    except ValueError as exc:
        found.append(str(exc))
    drawn = chart_stamp(CHART) if CHART.is_file() else None
    if drawn != stamp(report):
        found.append(
            f"{CHART.name} was not drawn from {RESULTS.name} (its stamp is {drawn!r},"
            f" not {stamp(report)!r}): run {_REDRAW}"
        )
    return found


def redraw() -> None:
    """The README section and the chart again, from the committed results file."""
    publish(json.loads(RESULTS.read_text()))
