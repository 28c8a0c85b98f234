"""The task board, run in a PyScript worker: the DOM lives on the main thread.

Every main-thread object is a reflected proxy, and each property read is a
round trip, so the page is read with `gather`/`query` (several values in one
round trip) and written with `assign` (several properties in one). The same
file runs in a Pyodide worker and in a MicroPython worker.
"""

import sys

from pyscript import window as main_window  # the main thread's globalThis, seen from the worker

from pyscript_ffi import JsProxy, assign, create_proxy, gather, js, live_proxies, query

INTERPRETER = sys.implementation.name
REALM = js.self.constructor.name  # "DedicatedWorkerGlobalScope": this code runs in a worker

window = JsProxy.wrap(main_window)  # used like any other JsProxy (the portable surface)
document = window.document
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
    task = document.createElement("div")
    assign(task, {"className": "task", "id": "task-" + str(next_id[0])})
    task.setAttribute("data-realm", REALM)
    task.setAttribute("data-interpreter", INTERPRETER)
    label = document.createElement("span")
    assign(label, {"textContent": text})
    delete_btn = document.createElement("button")
    assign(delete_btn, {"className": "delete", "type": "button", "textContent": "Delete"})

    def delete_task(event):
        delete_btn.removeEventListener("click", handler)
        handler.destroy()
        task.remove()
        refresh()

    handler = create_proxy(delete_task)
    delete_btn.addEventListener("click", handler)
    task.append(label, delete_btn)
    tasks.appendChild(task)
    assign(text_input, {"value": ""})
    refresh()


def on_key(event):
    if query(event, "key") == "Enter":
        add_task()


add_button.addEventListener("click", create_proxy(add_task))
text_input.addEventListener("keydown", create_proxy(on_key))
assign(status, {"textContent": "ready (" + INTERPRETER + ", worker)"})
refresh()
