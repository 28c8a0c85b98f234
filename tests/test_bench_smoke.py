"""The benchmark keeps working: a tiny run on Node of both interpreters, newest and
oldest versions (the full run is `nox -s bench`). Timings are never asserted, only
that every operation was timed for the implementations that offer it, and that the
README section and the results page have what they show."""

from pyscript_ffi_host import bench


def test_tiny_bench_times_every_operation_on_the_newest_and_oldest_versions(tmp_path):
    report = bench.main(["--tiny", "--runtimes", "node", "--out", str(tmp_path), "--no-chart"])
    assert (
        list(report["results"])
        == list(report["configs"])
        == [
            "pyodide 314.0.7 node",
            "pyodide 0.27.7 node",
            "micropython 1.27.0 node",
            "micropython 1.24.1 node",
        ]
    )
    for config, rows in report["results"].items():
        pyscript_imports = config not in report["notes"]
        for op in bench.operations(bench.Sizes.tiny()):
            assert rows[op.key]["ours"]["median"] >= 0
            buffers = (*bench.BINARY, *bench.SMALL_BINARY)
            buffers_without_raw = op.snippet in buffers and config.startswith("micropython")
            assert (rows[op.key]["raw"] is None) == (op.snippet == "import" or buffers_without_raw)
            assert (rows[op.key]["memcpy"] is None) == (op.snippet not in bench.BINARY)
            if not pyscript_imports:
                assert rows[op.key]["pyscript"] is None
        assert (rows["import (first)"]["pyscript"] is not None) == pyscript_imports
    assert (tmp_path / "results.json").exists()
    assert report["sizes"]["wheel"] > 0 and report["sizes"]["mpy"] > 0


def test_the_readme_section_says_where_when_and_under_which_load_it_was_measured(tmp_path):
    report = bench.main(
        ["--tiny", "--interpreters", "micropython", "--runtimes", "node", "--only", "to_js,bytes_to_py"]
        + ["--out", str(tmp_path), "--no-chart"]
    )
    section = (tmp_path / "results.md").read_text()
    load = report["load"]
    assert section.startswith(f"Measured {report['date']} on {report['machine']['cpu']} (")
    for text in [
        f"{report['machine']['cores']} cores",
        "/".join(f"{v:.1f}" for v in load["start"]) + " at the start",
        "/".join(f"{v:.1f}" for v in load["end"]) + " at the end",
        "node v",
        "MicroPython 1.27.0, 1.24.1",
        "| operation | 1.27.0 node | 1.24.1 node |",
    ]:
        assert text in section
    row = report["results"]["micropython 1.24.1 node"]["to_js 10"]
    ours, raw = row["ours"], row["raw"]
    assert f"{bench.fmt(ours['median'])} ms ({bench.fmt(ours['min'])}-{bench.fmt(ours['max'])})" in section
    assert f"raw {ours['median'] / raw['median']:.2f}x" in section
    memcpy = report["results"]["micropython 1.27.0 node"]["bytes_to_py 8192 B"]["memcpy"]
    assert f"memcpy {bench.fmt(memcpy['median'])} ms: " in section


def test_versions_are_picked_by_name_or_number():
    assert bench.pick_versions("pyodide", "newest,oldest") == ["314.0.7", "0.27.7"]
    assert bench.pick_versions("micropython", "oldest,1.25.0,0.27.7") == ["1.25.0", "1.24.1"]
    assert bench.pick_versions("micropython", "all") == list(bench.VERSIONS["micropython"])


def test_the_pyscript_workload_runs_stock_and_with_the_line_and_the_report_shows_both(tmp_path):
    report = bench.main(
        ["--tiny", "--interpreters", "micropython", "--runtimes", "chrome", "--only", "pyscript_workload"]
        + ["--out", str(tmp_path), "--no-chart"]
    )
    workload = report["pyscript workload"]
    result = workload["results"]["micropython"]
    assert workload["reps"] == 1
    for mode in ("stock", "line"):
        assert set(result[mode]) == set(bench.pyscript_workload.STEPS)
        assert all(cell["median"] > 0 and len(cell["samples"]) == 1 for cell in result[mode].values())
    total = result["line"]["total"]["median"] / result["stock"]["total"]["median"]
    assert result["ratio"]["total"] == total
    assert result["start added"] == result["line"]["start"]["median"] - result["stock"]["start"]["median"]
    section = (tmp_path / "results.md").read_text()
    assert "### PyScript's stdlib on pyscript_ffi" in section
    assert "| step | MicroPython stock | MicroPython with the line |" in section
    assert f"; {total:.2f}x |" in section
    targets = bench.targets(report)
    assert "PyScript's stdlib (`pyscript.web`, `@when`, `display`): with the line / stock" in targets
    assert "page start (navigation to the first line of Python): added by the line" in targets
