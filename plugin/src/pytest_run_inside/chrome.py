"""Headless Chromium through selenium and a local chromedriver (no downloads).

`chrome_driver()` is shared by every browser harness: it never lets selenium
manager fetch a driver, and it collects the browser console (`browser_log`).
`Browser` is one page driven by a host: it runs async scripts with a deadline
and kills a browser stuck in synchronous JS (MicroPython's pages, PyScript pages).
The browser and the driver are found by `tools` (PATH, `CHROME_BIN`,
`SE_CHROMEDRIVER`; the plugin's `--chrome-binary` / `--chromedriver` set those).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from . import tools
from .interp import ChannelBroken

#: Flags for a quiet, offline, CI-friendly headless browser.
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def chrome_options(extra_args: Iterable[str] = (), network_log: bool = False) -> Options:
    """Options with `CHROME_FLAGS` + `extra_args` and console logging enabled;
    `network_log` also records DevTools events (read with `requested_urls`)."""
    options = Options()
    options.binary_location = tools.require(["chromium"])["chromium"]
    for arg in (*CHROME_FLAGS, *extra_args):
        options.add_argument(arg)
    prefs = {"browser": "ALL", "performance": "ALL"} if network_log else {"browser": "ALL"}
    options.set_capability("goog:loggingPrefs", prefs)
    return options


def chrome_driver(extra_args: Iterable[str] = (), network_log: bool = False) -> webdriver.Chrome:
    """A new headless Chromium driven by the local chromedriver; `quit()` it."""
    found = tools.require(["chromium", "chromedriver"])
    os.environ["SE_CHROMEDRIVER"] = found["chromedriver"]  # selenium manager must not download
    service = Service(executable_path=found["chromedriver"])
    return webdriver.Chrome(options=chrome_options(extra_args, network_log), service=service)


def browser_log(driver: webdriver.Chrome) -> list[dict[str, Any]]:
    """Console entries since the last call (`level`, `message`, `timestamp`)."""
    entries: list[dict[str, Any]] = driver.get_log("browser")  # type: ignore[no-untyped-call]
    return entries


def requested_urls(driver: webdriver.Chrome) -> list[str]:
    """URLs the browser requested since the last call (DevTools `Network`
    events; the driver needs `network_log=True`)."""
    urls = []
    entries: list[dict[str, Any]] = driver.get_log("performance")  # type: ignore[no-untyped-call]
    for entry in entries:
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _descendants(pid: int) -> list[int]:
    """Process ids below `pid` (Linux /proc), parents before children."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        kids = children.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def kill_driver(driver: webdriver.Chrome) -> None:
    """Kill chromedriver and its browser hard (for a page stuck in a script)."""
    process = driver.service.process
    if process is None or process.poll() is not None:
        return
    for pid in _descendants(process.pid):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    process.kill()
    process.wait(10)


#: Extra time chromedriver gets to report a script timeout before the browser is killed.
WATCHDOG_GRACE = 5.0


class Browser:
    """One headless Chromium showing one page at a time, driven by the host.

    `execute(script, args, timeout)` runs an async script (its last argument is
    the callback) and answers its value; a page busy in synchronous code never
    lets chromedriver time out, so a watchdog kills the browser then, and
    `ChannelBroken` says "Timeout" or "RuntimeDied".  `open(url)` starts a new
    browser first when the old one was killed."""

    def __init__(self, extra_args: Iterable[str] = ("--js-flags=--expose-gc",)) -> None:
        self.extra_args = tuple(extra_args)
        self.driver: Any = None
        self._script_timeout: float | None = None

    def open(self, url: str) -> None:
        if self.driver is None:
            self.driver = chrome_driver(self.extra_args)
            self._script_timeout = None
        self.driver.get(url)

    def execute(self, script: str, args: Iterable[Any], timeout: float) -> Any:
        if self.driver is None:
            raise ChannelBroken("RuntimeDied", "the browser was killed; start again")
        if self._script_timeout != timeout:
            self.driver.set_script_timeout(timeout)
            self._script_timeout = timeout
        fired = threading.Event()

        def bark() -> None:
            fired.set()
            self.kill()

        watchdog = threading.Timer(timeout + WATCHDOG_GRACE, bark)
        watchdog.start()
        try:
            return self.driver.execute_async_script(script, *args)
        except Exception as exc:  # noqa: BLE001 - selenium, urllib3 or socket errors
            self.kill()
            if fired.is_set() or isinstance(exc, TimeoutException):
                raise ChannelBroken("Timeout", f"no answer within {timeout} s; browser killed") from None
            raise ChannelBroken("RuntimeDied", f"browser failed: {exc}") from None
        finally:
            watchdog.cancel()

    def log(self) -> list[dict[str, Any]]:
        """Console entries since the last call ([] once the browser is gone)."""
        if self.driver is None:
            return []
        with contextlib.suppress(Exception):
            return browser_log(self.driver)
        return []

    def kill(self) -> None:
        if self.driver is not None:
            kill_driver(self.driver)
            self.driver = None

    def close(self) -> None:
        if self.driver is not None:
            try:
                self.driver.quit()
            finally:
                self.driver = None
