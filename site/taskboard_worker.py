"""The task board, run in a PyScript worker: the DOM lives on the main thread.

In the guide's idioms again (`from pyscript import document`,
`from pyscript.ffi import create_proxy`), on pyscript_ffi through the page's one
line. `document` is the main thread's, seen from the worker, and each property
read is a round trip, so the page is read with `gather`/`query` (several values
in one round trip) and written with `assign` (several properties in one). The
same file runs in a Pyodide worker and in a MicroPython worker.
"""

import sys

import js
from pyscript import document
from pyscript.ffi import assign, create_proxy, gather, live_proxies, query

INTERPRETER = sys.implementation.name
REALM = js.self.constructor.name  # "DedicatedWorkerGlobalScope": this code runs in a worker

text_input, tasks, count, proxies, status, add_button = (
    document.getElementById(i)
    for i in ("task-input", "tasks", "task-count", "live-proxies", "status", "add-task")
)
next_id = [0]


def refresh():
    (n,) = gather(tasks, "children.length")
    assign(count, {"textContent": str(n)})
    assign(proxies, {"textContent": str(live_proxies())})


def add_task(event=None):
    (value,) = gather(text_input, "value")
    text = value.strip()
    if not text:
        return
    next_id[0] += 1
    task_div = document.createElement("div")
    assign(task_div, {"className": "task", "id": "task-" + str(next_id[0])})
    task_div.setAttribute("data-realm", REALM)
    task_div.setAttribute("data-interpreter", INTERPRETER)
    label = document.createElement("span")
    assign(label, {"textContent": text})
    delete_btn = document.createElement("button")
    assign(delete_btn, {"className": "delete", "type": "button", "textContent": "Delete"})

    def delete_handler(event):
        delete_btn.removeEventListener("click", handler)
        handler.destroy()
        task_div.remove()
        refresh()

    handler = create_proxy(delete_handler)
    delete_btn.addEventListener("click", handler)
    task_div.append(label, delete_btn)
    tasks.appendChild(task_div)
    assign(text_input, {"value": ""})
    refresh()


def on_key(event):
    if query(event, "key") == "Enter":
        add_task()


add_button.addEventListener("click", create_proxy(add_task))
text_input.addEventListener("keydown", create_proxy(on_key))
assign(status, {"textContent": "ready (" + INTERPRETER + ", worker)"})
refresh()
