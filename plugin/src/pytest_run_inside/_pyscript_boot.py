# Runs INSIDE a PyScript page, as the page's own script (runtimes "pyscript" and
# "pyscript-worker"): the harness module answers the host through
# js/pyscript_door.mjs.  Keep it to what Pyodide and MicroPython share.
import pytest_run_inside_harness as _harness
from pyscript import RUNNING_IN_WORKER

#: The harness functions that are coroutines.
_ASYNC = ("run_async", "run_js")


async def call(func, payload):
    answer = getattr(_harness, func)(payload)
    if func in _ASYNC:
        answer = await answer
    return answer


if RUNNING_IN_WORKER:
    __export__ = ["call"]
else:
    import js
    from pyscript.ffi import create_proxy

    js.window.pytestRunInside.register(create_proxy(call))
