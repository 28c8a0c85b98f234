"""A threaded static file server on 127.0.0.1 for tests, benchmarks and the demo site.

It sends the cross-origin isolation headers (COOP/COEP) that PyScript workers
need, the MIME types WebAssembly runtimes need, and never caches.  Extra
directories can be mounted under URL prefixes, e.g. ``/node_modules``.

    with serve(Path("site"), mounts={"/node_modules": Path("node_modules")}) as (server, url):
        ...

CLI: ``python -m pytest_run_inside.server ROOT --port 8000 [--mount /prefix=DIR ...]``
"""

from __future__ import annotations

import argparse
import functools
import mimetypes
import posixpath
import threading
import urllib.parse
from collections.abc import Mapping
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"

#: MIME types that must be exact (browsers refuse modules / streaming wasm otherwise).
MIME_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".mpy": "application/octet-stream",
    ".py": "text/x-python",
    ".toml": "text/plain",
    ".html": "text/html",
    ".css": "text/css",
    ".svg": "image/svg+xml",
}

#: Headers sent with every response.
HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}


_EXTENSIONS = {**mimetypes.types_map, **MIME_TYPES}


class _Handler(SimpleHTTPRequestHandler):
    """Static files from `directory` plus `mounts` (URL prefix -> directory)."""

    protocol_version = "HTTP/1.1"  # keep-alive: pages fetch many modules

    def __init__(self, *args: Any, mounts: Mapping[str, Path], quiet: bool, **kwargs: Any):
        self.mounts = mounts
        self.quiet = quiet
        self.extensions_map = _EXTENSIONS
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        url_path = posixpath.normpath(urllib.parse.unquote(urllib.parse.urlsplit(path).path))
        for prefix, directory in self.mounts.items():
            if url_path == prefix or url_path.startswith(prefix + "/"):
                rest = url_path[len(prefix) :].lstrip("/")
                return str(directory.joinpath(*[p for p in rest.split("/") if p not in ("", "..")]))
        return super().translate_path(path)

    def end_headers(self) -> None:
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if not self.quiet:
            super().log_message(format, *args)


class StaticServer(ThreadingHTTPServer):
    """The running server; `base_url` has no trailing slash."""

    daemon_threads = True

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"


def make_server(
    root: Path, port: int = 0, mounts: Mapping[str, Path] | None = None, quiet: bool = True
) -> StaticServer:
    """A (not yet serving) server for `root` on 127.0.0.1:`port` (0 = ephemeral)."""
    clean = {"/" + k.strip("/"): Path(v).resolve() for k, v in (mounts or {}).items()}
    handler = functools.partial(_Handler, directory=str(Path(root).resolve()), mounts=clean, quiet=quiet)
    return StaticServer((HOST, port), handler)


class _Served(tuple[StaticServer, str]):
    """`(server, base_url)`, also usable as a context manager that stops the server."""

    def __enter__(self) -> tuple[StaticServer, str]:
        return self[0], self[1]

    def __exit__(self, *exc: object) -> None:
        stop(self[0])


def stop(server: StaticServer) -> None:
    """Stop a server started by `serve`."""
    server.shutdown()
    server.server_close()


def serve(root: Path, port: int = 0, mounts: Mapping[str, Path] | None = None, quiet: bool = True) -> _Served:
    """Serve `root` in a background thread; returns `(server, base_url)`.

    Use as ``with serve(root) as (server, url): ...`` or call `stop(server)`.
    """
    server = make_server(root, port, mounts, quiet)
    threading.Thread(target=server.serve_forever, name="static-server", daemon=True).start()
    return _Served((server, server.base_url))


def _parse_mount(text: str) -> tuple[str, Path]:
    prefix, sep, directory = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError("--mount wants /prefix=DIR")
    return prefix, Path(directory)


def main(argv: list[str] | None = None) -> None:
    """CLI entry point: serve ROOT in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m pytest_run_inside.server")
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--mount", type=_parse_mount, action="append", default=[])
    args = parser.parse_args(argv)
    server = make_server(args.root, args.port, dict(args.mount), quiet=False)
    print(f"Serving {args.root.resolve()} at {server.base_url}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
