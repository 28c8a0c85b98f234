"""A newcomer's first commands, on a fresh clone of this checkout's HEAD (commit first: the
clone has what git has): `bash bin/nox -s build` builds both artifacts, and `bash bin/nox -s
demo` serves the site within minutes, a task board works in Chromium, and the compatibility
report is there from the start, saying how far its background run is. Nothing is shared with
this checkout but the per-user caches (pip's, npm's, the plugin's), as on a newcomer's
machine after a first try.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pytest_run_inside.chrome import browser_log, chrome_driver

ROOT = Path(__file__).resolve().parent.parent
#: A fresh clone serves within 3 minutes on a quiet machine; CI shares its 2 cores with a test run.
SERVE_WITHIN = 600
BUILD_WITHIN = 900


def _clean_env() -> dict[str, str]:
    """The environment of a new shell: no venv of this checkout, no pytest or nox variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NOX", "VIRTUAL_ENV"))}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(str(ROOT)))
    env.pop("PYTHONPATH", None)
    return env


def _processes_in(directory: Path) -> list[int]:
    """Pids of the processes whose command line names `directory` (ours, left running)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if str(directory) in cmdline:
                found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("fresh") / "pyscript-ffi"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(where)], check=True)
    return where


@pytest.fixture(scope="module")
def built(clone: Path) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    done = subprocess.run(
        ["bash", "bin/nox", "-s", "build"],
        cwd=clone,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=BUILD_WITHIN,
    )
    print(f"nox -s build on a fresh clone: {time.monotonic() - started:.0f} s")
    return done


def test_build_on_a_fresh_clone_makes_the_wheel_and_the_mpy(
    clone: Path, built: subprocess.CompletedProcess[str]
) -> None:
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheels = sorted(p.name for p in (clone / "wheels").iterdir() if p.suffix in (".whl", ".mpy"))
    assert wheels == ["pyscript_ffi-0.1.0-py3-none-any.whl", "pyscript_ffi.mpy"]


@pytest.fixture(scope="module")
def demo(clone: Path, built: subprocess.CompletedProcess[str]) -> Iterator[tuple[str, float, Path]]:
    """`bash bin/nox -s demo` running in the clone: (its URL, seconds until it served, its log)."""
    if built.returncode != 0:
        pytest.fail("nox -s build failed on the fresh clone")
    log = clone / "demo.log"
    started = time.monotonic()
    with log.open("w") as out:
        process = subprocess.Popen(
            ["bash", "bin/nox", "-s", "demo", "--", "--port", "0"],
            cwd=clone,
            env=_clean_env(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = None
        while url is None:
            match = re.search(r"example site at (http://127\.0\.0\.1:\d+)/", log.read_text())
            if match:
                url = match[1]
            elif process.poll() is not None:
                pytest.fail("nox -s demo stopped:\n" + log.read_text()[-3000:])
            elif time.monotonic() - started > SERVE_WITHIN:
                pytest.fail(f"nox -s demo did not serve within {SERVE_WITHIN} s:\n" + log.read_text()[-3000:])
            else:
                time.sleep(1)
        yield url, time.monotonic() - started, log
    finally:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C: the server stops its background report
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)
        left = _processes_in(clone)
        for pid in left:  # the test's own processes: never leave them running
            os.kill(pid, signal.SIGKILL)
        assert left == [], "processes of the demo left running after Ctrl-C"


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.status, answer.read().decode()


def test_demo_on_a_fresh_clone_serves_and_its_report_says_how_far_it_is(
    demo: tuple[str, float, Path],
) -> None:
    url, seconds, _ = demo
    print(f"nox -s demo on a fresh clone (after build): served after {seconds:.0f} s")
    status, index = _get(url + "/index.html")
    assert status == 200 and "<h1>pyscript-ffi</h1>" in index
    status, report = _get(url + "/compat.html")
    assert status == 200
    assert '<meta name="compat-state" content="running">' in report
    assert re.search(r'<p id="progress" data-state="running">(Starting|Running since)', report)
    _, site = _get(url + "/dist/site.json")
    assert '"compat": true' in site  # the index links the report from the start


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    driver = chrome_driver(("--window-size=900,700",))
    try:
        yield driver
    finally:
        driver.quit()


def test_demo_on_a_fresh_clone_has_a_working_task_board(demo: tuple[str, float, Path], browser: Any) -> None:
    url, _, _ = demo
    browser.get(url + "/taskboard.html")
    wait = WebDriverWait(browser, 300, poll_frequency=0.2)
    wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("ready"))
    browser.find_element(By.ID, "task-input").send_keys("Try the demo")
    browser.find_element(By.ID, "add-task").click()
    wait.until(lambda d: d.find_element(By.ID, "task-count").text == "1")
    texts = browser.execute_script(
        "return [...document.querySelectorAll('#tasks .task span')].map(s => s.textContent)"
    )
    assert texts == ["Try the demo"]
    assert [e["message"] for e in browser_log(browser) if e["level"] == "SEVERE"] == []
