"""PyScript's stdlib on pyscript_ffi, timed: `site/pyscript_workload.html` (1,000
elements created, found and updated through `pyscript.web`, 1,000 `@when`
handlers fired, 1,000 `display` calls) loaded in headless Chromium on Pyodide and
MicroPython, stock and with the page's one line, the two modes taking turns.

Each load gives its page start (navigation to the first line of user Python) and
the time of each step; a load whose checks differ from the stock load's is an error."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pytest_run_inside.chrome import Browser
from pytest_run_inside.server import stop

from .. import site
from .report import summary

__all__ = ["INTERPRETERS", "MODES", "STEPS", "run"]

#: interpreter -> the page's query for it
INTERPRETERS = {"pyodide": "", "micropython": "mpy"}
#: mode -> what it adds to the query
MODES = {"stock": "", "line": "line"}
STEPS = ("start", "create", "find", "update", "handlers", "display", "total")
#: A Pyodide page starts in 3-15 s; the workload itself takes seconds.
LOAD_TIMEOUT = 240

_WAIT = """
const done = arguments[arguments.length - 1];
const poll = () => {
  const text = document.getElementById("results").textContent;
  if (text) done(text); else setTimeout(poll, 20);
};
poll();
"""


def _load(browser: Browser, url: str) -> dict[str, Any]:
    browser.open(url)
    result = json.loads(browser.execute(_WAIT, (), LOAD_TIMEOUT))
    return {"start": result["start"], **result["steps"], "checks": result["checks"]}


#: What the report says about the workload: the page and what it runs on.
ABOUT = (
    "`site/pyscript_workload.html` in headless Chromium, main thread, the demo site's PyScript,"
    f" Pyodide {site.PYODIDE_VERSION} and MicroPython {site.MICROPYTHON_VERSION}"
)


def _query(interpreter: str, mode: str) -> str:
    parts = [p for p in (INTERPRETERS[interpreter], MODES[mode]) if p]
    return "?" + "&".join(parts) if parts else ""


def run(
    reps: int, log: Callable[[str], None] = print, interpreters: tuple[str, ...] = tuple(INTERPRETERS)
) -> dict[str, Any]:
    """`reps` loads per interpreter and mode (after one load of each not counted: the
    browser's caches warm): `{interpreter: {mode: {step: summary}, "ratio": {step:
    line / stock}, "start added": ms}}` (summary: median, min, max, samples in ms)."""
    server, url = site.serve_site()
    browser = Browser(extra_args=())
    results: dict[str, Any] = {}
    try:
        for interpreter in interpreters:
            samples: dict[str, dict[str, list[float]]] = {mode: {s: [] for s in STEPS} for mode in MODES}
            checks: dict[str, Any] = {}
            for mode in MODES:  # the warm-up
                _load(browser, f"{url}/pyscript_workload.html{_query(interpreter, mode)}")
            for _ in range(reps):
                for mode in MODES:
                    got = _load(browser, f"{url}/pyscript_workload.html{_query(interpreter, mode)}")
                    seen = got.pop("checks")
                    expected = checks.setdefault("stock", seen) if mode == "stock" else checks.get("stock")
                    if seen != expected:
                        why = f"{interpreter} {mode}: the workload saw {seen}, stock saw {expected}"
                        raise AssertionError(why)
                    for step in STEPS:
                        samples[mode][step].append(float(got[step]))
                    times = ", ".join(f"{s} {got[s]:.0f} ms" for s in STEPS)
                    log(f"  pyscript workload {interpreter} {mode}: {times}")
            result: dict[str, Any] = {
                mode: {s: summary(v) for s, v in by_step.items()} for mode, by_step in samples.items()
            }
            result["ratio"] = {
                s: result["line"][s]["median"] / result["stock"][s]["median"]
                for s in STEPS
                if s != "start" and result["stock"][s]["median"] > 0
            }
            result["start added"] = result["line"]["start"]["median"] - result["stock"]["start"]["median"]
            results[interpreter] = result
    finally:
        browser.close()
        stop(server)
    return results
