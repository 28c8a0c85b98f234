# Runs INSIDE Pyodide and MicroPython: the test harness's half of the bridge.
# Keep it to the subset of Python both interpreters share (no typing, no f-string
# nesting tricks, no traceback module on MicroPython).

# asyncio imported now, outside any coroutine: on MicroPython 1.26 its first import
# from inside a coroutine that awaits a JS promise breaks that coroutine's resolution
# ("proxy_convert_mp_to_js_obj_jsside(...) is not a function" escaping to JS).
import asyncio  # noqa: F401
import json
import sys


def _describe(exc):
    try:
        import traceback

        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    except ImportError:  # MicroPython
        import io

        buf = io.StringIO()
        sys.print_exception(exc, buf)
        text = buf.getvalue()
    return json.dumps({"ok": False, "type": type(exc).__name__, "message": str(exc), "traceback": text})


def _answer(ns):
    return json.dumps({"ok": True, "result": ns.get("result")})


def run(src):
    """Execute `src` in a fresh namespace; JSON answer with its `result`."""
    ns = {"__name__": "__test__"}
    try:
        exec(compile(src, "<test>", "exec"), ns)
        return _answer(ns)
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the host
        return _describe(exc)


async def run_async(src):
    """Like `run`, but `src` is the body of an async function (may `await`)."""
    # `global result` because MicroPython's locals() inside a function is globals().
    lines = ["async def __test_main__():", "    global result"]
    for line in src.split("\n"):
        lines.append("    " + line)
    ns = {"__name__": "__test__"}
    try:
        exec(compile("\n".join(lines), "<test>", "exec"), ns)
        await ns["__test_main__"]()
        return _answer(ns)
    except BaseException as exc:  # noqa: BLE001
        return _describe(exc)


async def run_js(body):
    """Run `body` as the body of an async JS function in this interpreter's realm;
    JSON answer with its (JSON) value.  (The pyscript runtimes' `Interp.run_js`.)"""
    try:
        import js

        run = js.Function.new(
            "body",
            "return (async () => {}).constructor(body)()"
            ".then((v) => JSON.stringify({ ok: true, result: v === undefined ? null : v }))",
        )
        return str(await run(body))
    except BaseException as exc:  # noqa: BLE001
        return _describe(exc)


#: The namespace the page's app script last ran in (`run_app`).
app = {}


def run_app(src):
    """Run the page's app script `src` (`"<filename>\n<source>"`) in a fresh
    namespace named `__main__`, as PyScript runs a page's script."""
    global app
    filename, _, source = src.partition("\n")
    app = {"__name__": "__main__"}
    try:
        exec(compile(source, filename, "exec"), app)
        return _answer({})
    except BaseException as exc:  # noqa: BLE001
        return _describe(exc)
