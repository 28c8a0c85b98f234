"""The task board from PyScript's FFI guide, in the guide's own idioms.

`from pyscript import document`, `from pyscript.ffi import create_proxy`: the
code a PyScript user writes. The page's one line (`pyscript_ffi.js`) runs it on
pyscript_ffi, so the same file behaves the same on `<script type="py">`
(Pyodide) and `<script type="mpy">` (MicroPython): `document` and every element
are pyscript_ffi `JsProxy` objects, and every handler is a `create_proxy`
function, destroyed with its task.
"""

import sys

import js
from pyscript import document
from pyscript.ffi import assign, create_proxy, gather, is_none, live_proxies

INTERPRETER = sys.implementation.name  # "cpython" (Pyodide) or "micropython"
REALM = js.self.constructor.name  # "Window": this code runs on the main thread

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
    # Create element.
    task_div = document.createElement("div")
    task_div.className = "task"
    task_div.id = "task-" + str(next_id[0])
    task_div.setAttribute("data-realm", REALM)
    task_div.setAttribute("data-interpreter", INTERPRETER)
    label = document.createElement("span")
    label.textContent = text

    # Create button with event handler.
    delete_btn = document.createElement("button")
    assign(delete_btn, {"className": "delete", "type": "button", "textContent": "Delete"})

    def delete_handler(event):
        delete_btn.removeEventListener("click", handler)
        handler.destroy()  # the proxy goes with its task: no leak
        task_div.remove()
        refresh()

    handler = create_proxy(delete_handler)
    delete_btn.addEventListener("click", handler)

    # Assemble the DOM.
    task_div.appendChild(label)
    task_div.appendChild(delete_btn)
    tasks.appendChild(task_div)
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
