"""The chart of a run (a PNG, `nox -s bench`): per operation, pyscript_ffi's and PyScript's time
relative to the raw FFI, and for the binary operations pyscript_ffi's time relative to a JS memcpy.
Needs matplotlib (the `bench` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .report import NAMES, by_interpreter, column, machine_line, median, ops_of, ratio, relative
from .snippets import LABELS

__all__ = ["chart"]


def chart(report: dict[str, Any], path: Path, stamp: str | None = None) -> None:
    """A PNG: one row of panels per interpreter, one panel per version and runtime;
    per operation, pyscript_ffi's and PyScript's time relative to the raw FFI, and for
    the binary operations pyscript_ffi's time relative to a JS memcpy. `stamp` goes into
    the PNG's text chunk "Source" (which results it was drawn from: `publish.stamp`)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = by_interpreter(report)
    cols = max(len(keys) for keys in groups.values())
    shown = {
        name: [
            op
            for op in ops_of(report, keys)
            if any(
                median(report["results"][key].get(op, {}), "raw")
                or median(report["results"][key].get(op, {}), "memcpy")
                for key in keys
            )
        ]
        for name, keys in groups.items()
    }
    heights = [max(2.5, 0.3 * len(ops) + 1.2) for ops in shown.values()]
    fig, axes = plt.subplots(
        len(groups),
        cols,
        figsize=(max(9.0, 4.4 * cols), sum(heights) + 0.8),
        sharey="row",
        squeeze=False,
        gridspec_kw={"height_ratios": heights},
    )
    bars = (
        (-0.27, "#2a7ab9", LABELS["ours"] + " / raw FFI", lambda row: ratio(row, "raw")),
        (0.0, "#e38d2c", LABELS["pyscript"] + " / raw FFI", lambda row: relative(row, "pyscript")),
        (0.27, "#3a9a4a", LABELS["ours"] + " / JS u8.slice()", lambda row: ratio(row, "memcpy")),
    )
    for line, (name, keys) in zip(axes, groups.items(), strict=True):
        ops = shown[name]
        ys = range(len(ops))
        for ax, key in zip(line, keys, strict=False):
            for offset, color, label, measure in bars:
                values = [measure(report["results"][key].get(op, {})) for op in ops]
                ax.barh(
                    [y + offset for y in ys],
                    [v if v is not None else 0 for v in values],
                    height=0.27,
                    color=color,
                    label=label,
                )
            ax.axvline(1.0, color="black", linewidth=1, label="the reference (raw FFI, memcpy) = 1")
            ax.set_xscale("log")
            ax.set_yticks(list(ys), ops)
            ax.set_title(f"{NAMES[name]} {column(report, key)}")
            ax.set_xlabel("time / reference time (log; < 1 is faster)")
            ax.grid(axis="x", which="major", color="#dddddd")
            ax.set_axisbelow(True)
        for ax in line[len(keys) :]:
            ax.set_visible(False)
        line[0].invert_yaxis()  # once per row: the y axis is shared
    handles, labels = axes[0][0].get_legend_handles_labels()
    top = 1 - 0.9 / (sum(heights) + 0.8)  # room for the title and the legend, in figure fractions
    fig.legend(handles, labels, loc="upper center", ncol=4, bbox_to_anchor=(0.5, top + 0.45 * (1 - top)))
    fig.suptitle(f"pyscript_ffi vs raw FFI vs PyScript ffi.py ({report['date']}, {machine_line(report)})")
    fig.tight_layout(rect=(0, 0, 1, top))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=90, metadata={"Source": stamp} if stamp else None)
    plt.close(fig)
