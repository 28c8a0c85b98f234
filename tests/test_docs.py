"""What the docs say is what the code and its runs give: the README's performance section and
`docs/bench.png` come from the committed run (`docs/bench-results.json`, `nox -s bench`), and
`.gitignore` hides no tracked file."""

import subprocess
from pathlib import Path

from pyscript_ffi_host.bench import publish

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_bench_section_and_the_chart_come_from_the_committed_run():
    assert publish.problems() == []


def test_a_changed_result_is_caught(tmp_path, monkeypatch):
    # the check itself: one median changed in the results file, and both the section and the
    # chart's stamp no longer match it
    results = publish.RESULTS.read_text()
    key = '"median": '
    at = results.index(key) + len(key)
    changed = tmp_path / "bench-results.json"
    changed.write_text(results[:at] + "12345.678, " + results[at:].split(",", 1)[1].lstrip())
    monkeypatch.setattr(publish, "RESULTS", changed)
    found = publish.problems()
    assert len(found) == 2
    assert found[0].startswith("the README's bench section is not bench-results.json's")
    assert found[1].startswith("bench.png was not drawn from bench-results.json")


def test_gitignore_lists_no_tracked_file():
    tracked_but_ignored = subprocess.run(
        ["git", "ls-files", "--cached", "--ignored", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert tracked_but_ignored == []
