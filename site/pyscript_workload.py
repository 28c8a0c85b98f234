"""What PyScript apps do through `pyscript.web`, `@when` and `display`, timed
(pyscript_workload.html runs this file; `nox -s bench` loads it stock and with
the line and compares). The same file runs on Pyodide and MicroPython.

Each step is timed with `performance.now()`; `start` is the time from the
navigation to this file's first line. The results go to `#results` as JSON:
`{"start": ms, "steps": {name: ms}, "checks": {name: value}}`.
"""

from pyscript import window

START = window.performance.now()  # the first line of user Python: page start

import json  # noqa: E402 - after the first line on purpose

from pyscript import display, web, when  # noqa: E402

N = 1000
now = window.performance.now
steps = {}
checks = {}


def timed(name, step):
    t0 = now()
    checks[name] = step()
    steps[name] = now() - t0


root = web.div(id="workload-root")
web.page.body.append(root)


def create():
    for i in range(N):
        root.append(
            web.div(
                "row " + str(i),
                classes=["row", "r" + str(i % 10)],
                style={"color": "red"},
                id="row-" + str(i),
            )
        )
    return len(root.children)


def find():
    rows = web.page.find(".row")
    picked = [web.page["row-" + str(i)] for i in range(0, N, 10)]
    return [len(rows), len(picked), picked[-1].id]


def update():
    for el in web.page.find(".row"):
        el.textContent = el.textContent + "!"
        el.classes.add("done")
        el.style["background-color"] = "blue"
    return [len(web.page.find(".done")), web.page["row-7"].textContent]


clicks = []


def handlers():
    for el in web.page.find(".row"):

        @when("click", el)
        def on_click(event):
            clicks.append(event.target.id)

    for el in web.page.find(".row"):
        el.click()
    return [len(clicks), clicks[3]]


out = web.div(id="workload-out")
web.page.body.append(out)


def show():
    for i in range(N):
        display(i, target="workload-out")
    return [len(out.children), out.children[-1].textContent]


for name, step in (
    ("create", create),
    ("find", find),
    ("update", update),
    ("handlers", handlers),
    ("display", show),
):
    timed(name, step)

steps["total"] = sum(steps.values())
window.document.getElementById("results").textContent = json.dumps(
    {"start": START, "steps": steps, "checks": checks}
)
