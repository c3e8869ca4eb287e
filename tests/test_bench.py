"""The scale benchmark runs end to end at a tiny size (no timing is asserted: bench/ measures)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_runs_and_reports_every_figure(tmp_path: Path):
    out = tmp_path / "bench.json"
    subprocess.run(
        [sys.executable, "-m", "bench", "--docs", "2", "--per-path", "2", "--repeats", "2",
         "--naive-rows", "40", "--clients", "2", "--out", str(out)],
        cwd=ROOT, check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))
    assert list(result["runs"]) == ["n2", "n8"]
    small, big = result["runs"]["n2"], result["runs"]["n8"]
    assert small["documents"] == 2 and big["documents"] == 8
    assert big["ingest"]["outcome"]["added"] == 8  # the ingest really loaded the corpus
    for run in (small, big):
        assert run["ingest_vs_jieba"] > 0 and run["loaders"]["rows"] > 0
        assert set(run["loaders"]["rows_per_s"]) == {"writer", "naive", "bulk"}
        for name, q in run["queries"].items():
            assert q["http"]["errors"] == 0, (name, q["http"])
            assert q["http_p99_over_engine_p99"] is not None, name
        assert all(e["errors"] == 0 for e in run["endpoints"].values())
    growth = result["growth"]
    assert growth["ingest_time_4n_over_n"] > 0 and growth["query_p50_4n_over_n"]
    assert set(result["targets"]) == {
        "ingest_vs_jieba", "writer_vs_naive", "writer_vs_bulk", "max_http_p99_over_engine_p99",
        "ingest_time_4n_over_n", "max_query_p50_4n_over_n", "ingest_peak_rss_4n_over_n",
        "extract_cold_start_over_imports",
    }  # fmt: skip
    assert result["cold_start"]["spacy_jieba_import_s"] > 0


def test_bench_can_measure_the_loaders_alone(tmp_path: Path):
    out = tmp_path / "loaders.json"
    subprocess.run(
        [sys.executable, "-m", "bench", "--docs", "2", "--no-growth", "--only", "loaders",
         "--naive-rows", "40", "--out", str(out)],
        cwd=ROOT, check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))
    loaders = result["runs"]["n2"]["loaders"]
    assert loaders["rows"] > 0 and set(loaders["rows_per_s"]) == {"writer", "naive", "bulk"}
    assert set(result["targets"]) == {"writer_vs_naive", "writer_vs_bulk"}
    assert "ingest" not in result["runs"]["n2"]  # nothing else was run
    assert len(result["environment"]["load_avg_start"]) == 3
