"""The benchmark keeps working: a tiny run on Node of both interpreters (the full
run is `nox -s bench`). Timings are never asserted, only that every operation
was timed for the implementations that offer it."""

from pyscript_ffi_host import bench


def test_tiny_bench_times_every_operation(tmp_path):
    report = bench.main(["--tiny", "--runtimes", "node", "--out", str(tmp_path), "--no-chart"])
    assert sorted(report["results"]) == ["micropython 1.27.0 node", "pyodide 314.0.7 node"]
    for config, rows in report["results"].items():
        for op in bench.operations(bench.Sizes.tiny()):
            assert rows[op.key]["ours"]["median"] >= 0
            buffers_without_raw = op.snippet in bench.BINARY and config.startswith("micropython")
            assert (rows[op.key]["raw"] is None) == (op.snippet == "import" or buffers_without_raw)
            assert (rows[op.key]["memcpy"] is None) == (op.snippet not in bench.BINARY)
    assert (tmp_path / "results.json").exists()
    assert report["sizes"]["wheel"] > 0 and report["sizes"]["mpy"] > 0
