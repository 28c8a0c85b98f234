"""The task board from PyScript's FFI guide, written against pyscript_ffi.

One file, run unchanged by `<script type="py">` (Pyodide) and
`<script type="mpy">` (MicroPython): the DOM is driven directly through the FFI
and every handler is a `create_proxy` function, destroyed with its task.
"""

import sys

from pyscript_ffi import assign, create_proxy, gather, is_none, js, live_proxies

INTERPRETER = sys.implementation.name  # "cpython" (Pyodide) or "micropython"
REALM = js.self.constructor.name  # "Window": this code runs on the main thread

document = js.document
text_input = document.getElementById("task-input")
tasks = document.getElementById("tasks")
count, proxies, status = (document.getElementById(i) for i in ("task-count", "live-proxies", "status"))
next_id = [0]


def refresh():
    """Show how many tasks and live proxies there are."""
    (n,) = gather(tasks, "children.length")
    assign(count, {"textContent": str(n)})
    assign(proxies, {"textContent": str(live_proxies())})


def add_task(event=None):
    text = text_input.value.strip()
    if not text:
        return
    next_id[0] += 1
    task = document.createElement("div")
    assign(task, {"className": "task", "id": "task-" + str(next_id[0])})
    task.setAttribute("data-realm", REALM)
    task.setAttribute("data-interpreter", INTERPRETER)
    label = document.createElement("span")
    label.textContent = text
    delete_btn = document.createElement("button")
    assign(delete_btn, {"className": "delete", "type": "button", "textContent": "Delete"})

    def delete_task(event):
        delete_btn.removeEventListener("click", handler)
        handler.destroy()  # the proxy goes with its task: no leak
        task.remove()
        refresh()

    handler = create_proxy(delete_task)
    delete_btn.addEventListener("click", handler)
    task.appendChild(label)
    task.appendChild(delete_btn)
    tasks.appendChild(task)
    text_input.value = ""
    text_input.focus()
    refresh()


def on_key(event):
    if event.key == "Enter":
        add_task()


document.getElementById("add-task").addEventListener("click", create_proxy(add_task))
text_input.addEventListener("keydown", create_proxy(on_key))
if is_none(document.getElementById("no-such-element")):
    status.textContent = "ready (" + INTERPRETER + ", main thread)"
refresh()
