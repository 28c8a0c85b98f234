"""The compatibility report (`nox -s compat`, made by the demo in the background) records what
breaks out of an interpreter as that case's result and goes on: a JS error escaping
`try/except`, a crash of the runtime, a case that never answers. Its page says how far a run
is and shows what is done. Real interpreters on Node (`pyscript_ffi_host.compat`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from pyscript_ffi_host import artifacts, compat
from pyscript_ffi_host.cases import Case, by_id

#: Short bounds: a hang costs this much, and the table's own cases answer in milliseconds.
QUICK = compat.Bounds(case=3.0, ours=60.0, batch=4)


def _session(name: str, version: str) -> compat._Session:
    return compat._Session(name, "node", version, artifacts.ensure(), artifacts.PYSCRIPT_FFI_PY.read_bytes())


@pytest.fixture(scope="module")
def micropython() -> Iterator[compat._Session]:
    session = _session("micropython", compat.installed_versions()["micropython"][0])
    try:
        yield session
    finally:
        session.close()


def _run(session: compat._Session, impl: str, cases: list[Case]) -> list[compat.Cell]:
    told: list[tuple[str, str]] = []
    cells = compat.run_interpreter(session, [impl], lambda key, cell: told.append(key), QUICK, cases)
    assert told == [(case.id, impl) for case in cases]  # each cell is told once, in order
    return [cells[case.id, impl] for case in cases]


def test_a_raw_hang_is_that_cases_failure_and_the_next_case_runs(micropython: compat._Session) -> None:
    # MicroPython's raw to_js of a 40-level DAG of shared lists walks 2**40 paths: it never answers.
    hang, after = _run(micropython, "raw", [by_id("shared-dag-40-lists"), by_id("dict-one-key")])
    assert (hang.status, hang.detail.split(" (")[0]) == ("fail", "hang: no answer within 3 s")
    assert after == compat.Cell("pass", "")


def test_an_escaped_js_error_is_that_cases_failure_and_the_next_case_runs(
    micropython: compat._Session,
) -> None:
    escaped, after = _run(micropython, "raw", [by_id("key-tuple"), by_id("list")])
    assert escaped.status == "fail" and escaped.detail.startswith("escaped: EscapedJsError: ")
    assert after == compat.Cell("pass", "")


def test_a_batch_that_breaks_is_run_again_case_by_case(micropython: compat._Session) -> None:
    # pyscript_ffi's cases go QUICK.batch per call; a program that raises past its own
    # try/except (SystemExit) breaks the batch, and only that case fails.
    cases = [by_id("dict-one-key"), Case("exits", "to_js.dict", "to_js", "1", setup="raise SystemExit(3)")]
    cases += [by_id("list"), by_id("set-one"), by_id("bytes")]
    cells = _run(micropython, "pyscript_ffi", cases)
    assert [c.status for c in cells] == ["pass", "fail", "pass", "pass", "pass"]
    assert cells[1].detail.startswith("escaped: SystemExit")


def test_a_crashed_pyodide_is_restarted_and_the_next_case_runs() -> None:
    # Pyodide 0.29's raw to_py of a 40-level DAG of shared Arrays traps in wasm ("null function
    # or function signature mismatch") and leaves a runtime that breaks on the next call.
    session = _session("pyodide", "0.29.5")
    try:
        crash, after = _run(session, "raw", [by_id("py-shared-dag-40-arrays"), by_id("list")])
    finally:
        session.close()
    assert crash.status == "fail"
    assert "null function or function signature mismatch" in crash.detail
    assert after == compat.Cell("pass", "")  # in a fresh runtime: the broken one fails it


def test_the_page_says_how_far_the_run_is_and_shows_what_is_done(tmp_path) -> None:
    columns, impls = ["pyodide 314.0.7", "micropython 1.27.0"], list(compat.IMPLEMENTATIONS)
    results: dict[str, dict[tuple[str, str], compat.Cell]] = {columns[0]: {}, columns[1]: {}}
    results[columns[0]][by_id("dict-one-key").id, "raw"] = compat.Cell("pass", "")
    results[columns[0]][by_id("key-tuple").id, "raw"] = compat.Cell("fail", "escaped: boom")
    total = {column: len(compat.CASES) * len(impls) for column in columns}
    running = compat.Progress(0.0, {columns[0]: 2, columns[1]: 0}, total, done=False)
    page = tmp_path / "compat.html"
    compat.write_page(page, compat.html_page(columns, impls, results, running))
    text = page.read_text()
    assert not compat.is_complete(page)
    assert '<meta http-equiv="refresh"' in text
    progress = re.search(r'<p id="progress" data-state="running">([^<]*)</p>', text)
    assert progress is not None
    assert f"0 of 2 interpreter columns done, 2 of {sum(total.values())} cells" in progress[1]
    assert text.count('<td class="pass"') == 1 and text.count('<td class="fail"') == 1
    assert text.count('<td class="pending"') == sum(total.values()) - 2

    done = compat.Progress(0.0, total, total, done=True)
    compat.write_page(page, compat.html_page(columns, impls, results, done))
    assert compat.is_complete(page)
    assert "refresh" not in page.read_text()
    compat.write_page(page, compat.starting_page())
    assert not compat.is_complete(page)


def test_a_cell_that_holds_a_lone_surrogate_is_written_escaped(tmp_path) -> None:
    columns, impls = ["micropython 1.27.0"], list(compat.IMPLEMENTATIONS)
    results = {columns[0]: {(by_id("dict-one-key").id, "raw"): compat.Cell("fail", "got 'a\ud800b'")}}
    total = {columns[0]: len(compat.CASES) * len(impls)}
    page = tmp_path / "compat.html"
    compat.write_page(
        page, compat.html_page(columns, impls, results, compat.Progress(0.0, total, total, done=True))
    )
    assert "a\\ud800b" in page.read_text() and compat.is_complete(page)
