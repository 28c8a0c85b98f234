"""`python -m pyscript_ffi_host.bench`: run the benchmark, write its files, print its table."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .. import artifacts
from . import publish
from .chart import chart
from .report import markdown, table
from .runner import DEFAULT_VERSIONS, VERSIONS, Sizes, pick_versions, run

__all__ = ["OUT", "main"]

OUT = artifacts.ROOT / "site" / "bench"  # served by the demo: site/bench.html shows the last run


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(
        prog="python -m pyscript_ffi_host.bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--tiny", action="store_true", help="tiny sizes, 2 repetitions (CI)")
    parser.add_argument("--reps", type=int, help="repetitions per operation (default 5)")
    parser.add_argument("--records", help="comma-separated record counts (default 1000,20000)")
    parser.add_argument("--calls", type=int, help="calls for the per-call operations (default 20000)")
    parser.add_argument("--proxies", type=int, help="create_proxy + destroy cycles (default 10000)")
    parser.add_argument("--bytes", type=int, help="size of the binary operations' buffers (default 8 MB)")
    parser.add_argument("--interpreters", default="pyodide,micropython")
    parser.add_argument("--runtimes", default="node,chrome")
    parser.add_argument(
        "--versions",
        default=DEFAULT_VERSIONS,
        help="comma-separated: newest, oldest, all or version numbers (default newest,oldest)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="directory for results.json / .md / .png")
    parser.add_argument(
        "--only", help="comma-separated operation names (e.g. to_js,is_none; pyscript_workload: that only)"
    )
    parser.add_argument(
        "--workload-reps",
        type=int,
        help="page loads per interpreter and mode of the PyScript workload (default 5, --tiny 1; 0: none)",
    )
    parser.add_argument("--no-chart", action="store_true", help="skip the PNG (no matplotlib needed)")
    parser.add_argument(
        "--publish",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="also write docs/bench-results.json, the README's section and docs/bench.png (nox -s bench)",
    )
    parser.add_argument(
        "--redraw",
        action="store_true",
        help="no run: the README section and docs/bench.png from the results file",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="no run: exit 1 if the README section or the chart is not the results'",
    )
    args = parser.parse_args(argv)
    if args.redraw:
        publish.redraw()
        print(f"wrote the README's performance section and {publish.CHART} from {publish.RESULTS}")
    if args.redraw or args.check:
        found = publish.problems()
        if found:
            raise SystemExit("\n".join(found))
        return json.loads(publish.RESULTS.read_text())
    interpreters = args.interpreters.split(",")
    try:
        for name in interpreters:
            if name not in VERSIONS:
                raise ValueError(f"unknown interpreter {name!r}: " + ", ".join(VERSIONS))
            pick_versions(name, args.versions)
    except ValueError as e:
        parser.error(str(e))
    sizes = Sizes.tiny() if args.tiny else Sizes()
    sizes = Sizes(
        records=tuple(int(n) for n in args.records.split(",")) if args.records else sizes.records,
        calls=args.calls or sizes.calls,
        proxies=args.proxies or sizes.proxies,
        reps=args.reps or sizes.reps,
        bytes=args.bytes or sizes.bytes,
    )
    only = set(args.only.split(",")) if args.only else None
    workload = args.workload_reps if args.workload_reps is not None else (1 if args.tiny else 5)
    if only is not None and "pyscript_workload" not in only:
        workload = 0
    runtimes = args.runtimes.split(",")
    report = run(sizes, interpreters, runtimes, only=only, versions=args.versions, workload_reps=workload)
    print(table(report))
    if args.publish:
        publish.publish(report, chart=not args.no_chart)
        print(f"wrote {publish.RESULTS}, the README's performance section and {publish.CHART}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(report, indent=1))
    (args.out / "results.md").write_text(markdown(report) + "\n")
    print(f"\nwrote {args.out / 'results.json'} and results.md")
    chart_path = args.out / "results.png"
    if not args.no_chart:
        chart(report, chart_path)
        print(f"wrote {chart_path}")
    elif chart_path.exists():
        chart_path.unlink()  # an older run's chart: the results page shows only this run's
    return report


if __name__ == "__main__":
    main()
