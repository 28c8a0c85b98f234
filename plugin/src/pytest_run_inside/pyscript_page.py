"""PyScript pages: the "pyscript" and "pyscript-worker" runtimes.

The test body runs inside a real PyScript page in headless Chromium: PyScript's
own `core.js` (npm `@pyscript/core`, from the project's `node_modules/` or the
plugin's cache), the interpreter from its npm package (Pyodide's offline dist
dir), everything served offline from 127.0.0.1 with COOP/COEP.  The page's one
PyScript script (`<script type="py">` for Pyodide, `"mpy"` for MicroPython,
with the `worker` attribute under "pyscript-worker") is the plugin's
`_pyscript_boot.py`, so `from pyscript import document, window, web, display,
when, fetch, storage` works in a test as in an app.

`Page` says what the page holds: its `<body>`, extra `<head>` HTML (scripts,
styles, the line that puts PyScript on another FFI), the PyScript config
(`files`, `packages` with local wheels, `js_modules`, ...) and the app's own
script, run as the page's `__main__` code once the page is up.

```python
page = Page(body='<button id="go">Go</button><p id="out"></p>',
            config={"files": {"./src/app_helpers.py": "./app_helpers.py"}},
            script=Path("src/main.py"))
interp = start_pyscript("micropython", "1.27.0", False, page, core=..., interpreter=...)
interp.reset()            # before each test: the <body> as given, the app script run
interp.run("from pyscript import document\\nresult = document.title")
```

URLs: the page is `/__run_inside__.html` and its config `/__run_inside__.json`,
and `/` is `Page.root` (pytest's rootdir), so a relative URL in the config
(`./src/app.py`, `./dist/mylib-1.0-py3-none-any.whl`) names a file of the project.
"""

from __future__ import annotations

import dataclasses
import html
import json
import shutil
import sys
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalog import FileContents, read_contents
from .chrome import Browser
from .interp import INSIDE_MODULE, ChannelBroken, Interp, InterpError
from .server import StaticServer, serve, stop

__all__ = ["Page", "PyScriptInterp", "page_config", "page_html", "start_pyscript"]

HERE = Path(__file__).resolve().parent
PAGE_URL = "/__run_inside__.html"
CONFIG_URL = "/__run_inside__.json"
#: URL prefixes of what the plugin serves besides the project (`Page.root`).
PREFIX = "/__run_inside__"
#: Seconds the page may take to start its interpreter (Pyodide: 5-20 s on a busy machine).
START_TIMEOUT = 240.0
DEFAULT_TIMEOUT = 120.0
#: PyScript's script type for each interpreter.
SCRIPT_TYPES = {"pyodide": "py", "micropython": "mpy"}

_CALL = "window.pytestRunInside.call(arguments[0], arguments[1]).then(arguments[arguments.length - 1]);"
_STARTED = "window.pytestRunInside.started(arguments[0]).then(arguments[arguments.length - 1]);"
_RESET = "window.pytestRunInside.reset(); arguments[arguments.length - 1](null);"


@dataclass(frozen=True)
class Page:
    """What a PyScript page holds besides the plugin's own script.

    - `body`: the HTML of `<body>` (a str, or a Path to an HTML file: its `<body>`
      content if it has one, else all of it).
    - `head`: extra HTML at the end of `<head>`, before PyScript's `core.js` runs.
    - `config`: the PyScript config (a dict, or a Path to a `.json`/`.toml` file):
      `files`, `packages` (local wheels by URL), `js_modules`, ...; relative URLs
      name files under `root`.  The plugin adds its own entries (`interpreter`, its
      harness file, the setup's wheels and MicroPython files).
    - `script`: the app's Python file, run as the page's `__main__` code once the
      page is up and again after each DOM reset.
    - `root`: the folder served at `/` (default: pytest's rootdir).
    - `pyscript_version`: the `@pyscript/core` version ("" = the run's default).
    """

    body: str | Path = ""
    head: str = ""
    config: Mapping[str, Any] | Path = field(default_factory=dict)
    script: Path | None = None
    root: Path | None = None
    pyscript_version: str = ""

    def replace(self, **changes: Any) -> Page:
        return dataclasses.replace(self, **changes)

    def body_html(self) -> str:
        if not isinstance(self.body, Path):
            return self.body
        text = self.body.read_text()
        lower = text.lower()
        start, end = lower.find("<body"), lower.rfind("</body>")
        if start < 0 or end < 0:
            return text
        return text[lower.index(">", start) + 1 : end]

    def config_dict(self) -> dict[str, Any]:
        if not isinstance(self.config, Path):
            return json.loads(json.dumps(dict(self.config)))  # a deep copy, JSON-shaped
        text = self.config.read_text()
        return tomllib.loads(text) if self.config.suffix == ".toml" else dict(json.loads(text))


def page_html(page: Page, script_type: str, worker: bool) -> str:
    """The page: the door, PyScript's CSS, `page.head`, core.js, the plugin's script, `page.body`."""
    boot = f"{PREFIX}/plugin/_pyscript_boot.py"
    attrs = f'type="{script_type}" data-run-inside config="{CONFIG_URL}" src="{boot}"'
    if worker:
        attrs += ' worker name="pytest-run-inside"'
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<link rel="icon" href="data:,">',
            f"<title>pytest-run-inside: {html.escape(script_type)}{' worker' if worker else ''}</title>",
            f'<script type="module" src="{PREFIX}/plugin/js/pyscript_door.mjs"></script>',
            f'<link rel="stylesheet" href="{PREFIX}/core/dist/core.css">',
            page.head,
            f'<script type="module" src="{PREFIX}/core/dist/core.js"></script>',
            f"<script {attrs}></script>",
            "</head>",
            "<body>",
            page.body_html(),
            "</body>",
            "</html>",
        ]
    )


def page_config(
    page: Page,
    base_url: str,
    entry: str,
    packages: Sequence[str] = (),
    files: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """`page.config` with the plugin's entries, as absolute URLs of the server at
    `base_url` (a PyScript worker resolves `packages` against its blob: URL): the
    `interpreter` (its module `entry`), the harness module and `files` (plugin
    URL path -> FS path) in `files`, `packages` (URL paths) appended."""
    config = page.config_dict()
    config["interpreter"] = f"{base_url}{PREFIX}/interpreter/{entry}"
    harness = {f"{base_url}{PREFIX}/plugin/_inside.py": f"./{INSIDE_MODULE}.py"}
    ours = {base_url + url: path for url, path in (files or {}).items()}
    config["files"] = {**dict(config.get("files") or {}), **harness, **ours}
    if packages:
        config["packages"] = [*(config.get("packages") or []), *(base_url + url for url in packages)]
    return config


@dataclass(eq=False)
class PyScriptInterp(Interp):
    """A PyScript page in headless Chromium; see the module doc."""

    browser: Browser = field(repr=False)
    server: StaticServer = field(repr=False)
    url: str
    page: Page
    workdir: Path = field(repr=False)
    timeout: float = DEFAULT_TIMEOUT
    #: True once a test ran here (the next one gets a DOM reset).
    used: bool = False

    def _execute(self, script: str, args: Sequence[Any], timeout: float) -> Any:
        try:
            return self.browser.execute(script, args, timeout)
        except ChannelBroken as exc:
            raise InterpError(self.id, exc.kind, str(exc), "") from None
        finally:
            self._echo()

    def _echo(self) -> None:
        """What the page printed (the console), to the host's stdout: pytest shows it with a failure."""
        for entry in self.browser.log():
            print(f"[{self.id}] {entry.get('message', '')}", file=sys.stdout)

    def _call_inside(self, func: str, payload: str) -> str:
        return str(self._execute(_CALL, [func, payload], self.timeout))

    def run_js(self, body: str) -> Any:
        return self._unpack(self._call_inside("run_js", body))

    def wait_started(self, timeout: float = START_TIMEOUT) -> None:
        """Wait for the page's script to answer; InterpError with what PyScript
        reported (its error boxes, uncaught errors) if it does not."""
        answer = self._execute(_STARTED, [timeout * 1000], timeout + 10)
        if answer is not True:
            message = answer or f"the PyScript page did not start within {timeout:.0f} s"
            raise InterpError(self.id, "PyScriptError", "the page's script did not start", str(message))

    def run_app(self) -> None:
        """Run the page's app script (`Page.script`) in a fresh `__main__` namespace."""
        if self.page.script is not None:
            script = self.page.script.resolve()
            self._unpack(self._call_inside("run_app", f"{script}\n{script.read_text()}"))

    def reset(self) -> None:
        """Before each test: the DOM reset (`<body>` as the page gave it; not needed
        before the first test), then the app script, in a fresh namespace."""
        if self.used:
            self._execute(_RESET, [], self.timeout)
        self.used = True
        self.run_app()

    def close(self) -> None:
        try:
            self.browser.close()
        finally:
            stop(self.server)
            shutil.rmtree(self.workdir, ignore_errors=True)


def start_pyscript(
    name: str,
    version: str,
    worker: bool,
    page: Page,
    *,
    core: Path,
    interpreter: Path,
    wheels: Sequence[Path] = (),
    micropython_files: Mapping[str, FileContents] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> PyScriptInterp:
    """Open a PyScript page running interpreter `name` (`version`) on the main
    thread or, with `worker`, in a PyScript worker.  `core` is the `@pyscript/core`
    package folder; `interpreter` Pyodide's offline dist dir or MicroPython's npm
    package folder.  `wheels` go to the config's `packages` on Pyodide;
    `micropython_files` (absolute FS path -> contents) to its `files` on MicroPython."""
    if name not in SCRIPT_TYPES:
        raise ValueError(f"unknown interpreter {name!r}; expected one of {tuple(SCRIPT_TYPES)}")
    workdir = Path(tempfile.mkdtemp(prefix="pytest-run-inside-page-"))
    try:
        served = workdir / "files"
        served.mkdir()
        mounts = {
            PAGE_URL: workdir / "page.html",
            CONFIG_URL: workdir / "config.json",
            f"{PREFIX}/files": served,
            f"{PREFIX}/plugin": HERE,
            f"{PREFIX}/core": core,
            f"{PREFIX}/interpreter": interpreter,
        }
        server, base_url = serve(page.root or Path.cwd(), mounts=mounts)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    try:
        packages, files = [], {}
        if name == "pyodide":
            entry = "pyodide.mjs"
            for wheel in wheels:
                shutil.copy2(wheel, served / wheel.name)
                packages.append(f"{PREFIX}/files/{wheel.name}")
        else:
            entry = json.loads((interpreter / "package.json").read_text()).get("main", "micropython.mjs")
            for i, (path, contents) in enumerate((micropython_files or {}).items()):
                local = served / f"{i}-{path.rsplit('/', 1)[-1]}"
                local.write_bytes(read_contents(contents))
                files[f"{PREFIX}/files/{local.name}"] = path
        config = page_config(page, base_url, entry, packages, files)
        (workdir / "page.html").write_text(page_html(page, SCRIPT_TYPES[name], worker))
        (workdir / "config.json").write_text(json.dumps(config, indent=1))
    except BaseException:
        stop(server)
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    runtime = "pyscript-worker" if worker else "pyscript"
    interp = PyScriptInterp(
        name, runtime, version, Browser(), server, base_url + PAGE_URL, page, workdir, timeout
    )  # fmt: skip
    try:
        interp.browser.open(interp.url)
        interp.wait_started()
        dirs = sorted({path.rsplit("/", 1)[0] or "/" for path in (micropython_files or {})})
        if dirs:
            interp.run(f"import sys\nfor d in {dirs!r}:\n    d in sys.path or sys.path.append(d)")
    except BaseException:
        interp.close()
        raise
    return interp
