# Runs INSIDE Pyodide and MicroPython: the test harness's half of the bridge.
# Keep it to the subset of Python both interpreters share (no typing, no f-string
# nesting tricks, no traceback module on MicroPython).

# asyncio imported now, outside any coroutine: on MicroPython 1.26 its first import
# from inside a coroutine that awaits a JS promise breaks that coroutine's resolution
# ("proxy_convert_mp_to_js_obj_jsside(...) is not a function" escaping to JS).
import asyncio  # noqa: F401
import binascii
import json
import sys

# -- values by value: what arguments and results of a test body can be ---------
# A value is a JSON scalar (str, bool, None, an int within 2**53, a finite float
# other than -0.0) or a list [tag, payload]: "l" list, "t" tuple, "s" set,
# "f" frozenset, "d" dict (payload: [[key, value], ...]), "b" bytes, "B"
# bytearray (payload: base64), "i" int (payload: its digits), "F" float
# (payload: "nan", "inf", "-inf", "-0.0").  The host and every interpreter use
# this one implementation (the plugin imports it from this file).
_SAFE = 2**53
_SEQUENCES = ((list, "l"), (tuple, "t"), (set, "s"), (frozenset, "f"))
_BUILD = {"l": list, "t": tuple, "s": set, "f": frozenset, "b": bytes, "B": bytearray}


def encode_value(value, path="$"):
    """`value` as a JSON-shaped tree (TypeError naming where a value cannot go).
    Subclasses travel as their base type (a namedtuple as a tuple)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value) if -_SAFE < value < _SAFE else ["i", str(int(value))]
    if isinstance(value, float):
        text = repr(float(value))
        return ["F", text] if text in ("nan", "inf", "-inf", "-0.0") else float(value)
    if isinstance(value, dict):
        pairs = []
        for key, item in value.items():
            where = path + "[" + repr(key) + "]"
            pairs.append([encode_value(key, path + ".<key>"), encode_value(item, where)])
        return ["d", pairs]
    if isinstance(value, (bytes, bytearray)):
        tag = "B" if isinstance(value, bytearray) else "b"
        return [tag, binascii.b2a_base64(value).decode().strip()]
    for kind, tag in _SEQUENCES:
        if isinstance(value, kind):
            items = [encode_value(item, path + "[" + str(i) + "]") for i, item in enumerate(value)]
            return [tag, items]
    raise TypeError(
        "a value of type " + type(value).__name__ + " cannot go by value (at " + path + "): only None, bool, "
        "int, float, str, bytes, bytearray and lists, tuples, sets, frozensets and dicts of these"
    )


def decode_value(tree):
    """The value `encode_value` made `tree` from."""
    if not isinstance(tree, list):
        return tree
    tag, payload = tree
    if tag == "i":
        return int(payload)
    if tag == "F":
        return float(payload)
    if tag == "d":
        return {decode_value(key): decode_value(item) for key, item in payload}
    if tag in ("b", "B"):
        return _BUILD[tag](binascii.a2b_base64(payload.encode()))
    return _BUILD[tag]([decode_value(item) for item in payload])


def dumps(value):
    """`value` by value, as JSON text (non-ASCII characters as they are: MicroPython's
    json reads a surrogate-pair escape as two broken characters)."""
    tree = encode_value(value)
    try:
        return json.dumps(tree, ensure_ascii=False)
    except TypeError:  # MicroPython: no ensure_ascii (it never escapes non-ASCII)
        return json.dumps(tree)


def loads(text):
    """The value `dumps` gave `text` for."""
    return decode_value(json.loads(text))


# -- answers --------------------------------------------------------------------
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


#: Test modules run inside: filename -> (source, namespace), run once per source.
_modules = {}


def module(filename, source):
    """The namespace of the test module `filename` run inside, `source` run in
    it once (again when the source changes)."""
    known = _modules.get(filename)
    if known is None or known[0] != source:
        name = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        ns = {"__name__": name, "__file__": filename}
        exec(compile(source, filename, "exec"), ns)
        known = _modules[filename] = (source, ns)
    return known[1]
