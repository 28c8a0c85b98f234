"""What the page's one line costs at page start, measured in headless Chromium.

A page whose first line of Python marks the page (the main thread notes
`performance.now()`, milliseconds since navigation, at that moment) is loaded
stock and with the line (`pyscript_ffi.js`), for Pyodide and MicroPython, main
thread and worker. Both pages use a config that names the
interpreter only: stock is what a PyScript user has without this package; the
line's time includes fetching and installing the package and putting PyScript's
stdlib on it. Loads alternate between the two pages; the median of each is
printed with the difference.

    python -m pyscript_ffi_host.startup [--loads 7] [--contexts py,mpy,py-worker,mpy-worker]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from pytest_run_inside.chrome import chrome_driver
from pytest_run_inside.server import serve

from . import site

#: The first line of Python marks the page's body; the main thread notes when (a worker's
#: clock starts at the worker, so the time is read on the main thread for every context).
PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/node_modules/@pyscript/core/dist/core.js"></script>
{line}
<script type="{type}" config="/dist/{type}-interpreter.json"{worker}>
import js as _js; _js.document.body.dataset.first = "yes"
</script>
</head><body><script>
new MutationObserver((_, o) => {{ o.disconnect(); document.body.dataset.at = String(performance.now()); }})
  .observe(document.body, {{attributes: true, attributeFilter: ["data-first"]}});
</script></body></html>
"""
LINE = '<script type="module" src="/dist/pyscript_ffi.js"></script>'
CONTEXTS = ("py", "mpy", "py-worker", "mpy-worker")


def _first_line_ms(driver: Any, url: str, timeout: float = 120) -> float:
    driver.get(url)
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        found = driver.execute_script("return document.body && document.body.dataset.at")
        if found:
            return float(found)
        time.sleep(0.05)
    raise TimeoutError(url)


def measure(loads: int, contexts: list[str]) -> dict[str, dict[str, Any]]:
    """`{context: {"stock": [ms...], "line": [ms...]}}`: navigation to the first line of Python."""
    site.prepare()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for context in contexts:
            kind, _, worker = context.partition("-")
            for mode in ("stock", "line"):
                page = PAGE.format(
                    line=LINE if mode == "line" else "", type=kind, worker=" worker" if worker else ""
                )
                (root / f"{context}-{mode}.html").write_text(page)
        with serve(root, mounts=site.mounts()) as (_, base):
            driver = chrome_driver(("--window-size=800,600",))
            try:
                for context in contexts:
                    times: dict[str, list[float]] = {"stock": [], "line": []}
                    for mode in ("stock", "line"):  # warm the caches once each
                        _first_line_ms(driver, f"{base}/{context}-{mode}.html")
                    for _ in range(loads):
                        for mode in ("stock", "line"):
                            times[mode].append(_first_line_ms(driver, f"{base}/{context}-{mode}.html"))
                    results[context] = {
                        **times,
                        "median_stock": statistics.median(times["stock"]),
                        "median_line": statistics.median(times["line"]),
                    }
                    r = results[context]
                    print(
                        f"{context:<11} stock {r['median_stock']:7.0f} ms   line {r['median_line']:7.0f} ms"
                        f"   +{r['median_line'] - r['median_stock']:.0f} ms  ({loads} loads each)",
                        flush=True,
                    )
            finally:
                driver.quit()
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pyscript_ffi_host.startup")
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--contexts", default=",".join(CONTEXTS))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    results = measure(args.loads, args.contexts.split(","))
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
