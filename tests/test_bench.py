"""The scale benchmark runs end to end at a tiny size (no timing is asserted: bench/ measures)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.neo4j_server import Datasets

ROOT = Path(__file__).resolve().parent.parent


def test_bench_runs_and_reports_every_figure(tmp_path: Path):
    out = tmp_path / "bench.json"
    subprocess.run(
        [sys.executable, "-m", "bench", "--docs", "2", "--per-path", "2", "--repeats", "2",
         "--naive-rows", "40", "--clients", "2", "--neo4j", "off", "--out", str(out)],
        cwd=ROOT, check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))
    assert list(result["runs"]) == ["n2", "n8"]
    small, big = result["runs"]["n2"], result["runs"]["n8"]
    assert small["documents"] == 2 and big["documents"] == 8
    assert big["ingest"]["outcome"]["added"] == 8  # the ingest really loaded the corpus
    for run in (small, big):
        assert run["ingest_vs_jieba"] > 0 and run["loaders"]["rows"] > 0
        # each kind's peak is sampled (None when none was seen): the kinds are always there
        assert set(run["ingest"]["peak_rss_mb_by_process"]) == {"ingest", "workers", "database"}
        assert set(run["loaders"]["rows_per_s"]) == {"writer", "naive", "bulk"}
        assert run["loaders_neo4j"] == {"skipped": "--neo4j off"}
        for name, q in run["queries"].items():
            assert q["http"]["errors"] == 0, (name, q["http"])
            assert q["http_p99_over_engine_p99"] is not None, name
            assert q["engine_8_clients"]["errors"] == 0, (name, q["engine_8_clients"])
            assert q["http_p99_over_engine_8_clients_p99"] is not None, name
        assert all(e["errors"] == 0 for e in run["endpoints"].values())
    growth = result["growth"]
    assert growth["ingest_time_4n_over_n"] > 0 and growth["query_p50_4n_over_n"]
    assert set(growth["ingest_peak_rss_4n_over_n_by_process"]) == {"ingest", "workers", "database"}
    assert set(result["targets"]) == {
        "ingest_vs_jieba", "writer_vs_naive", "writer_vs_bulk", "max_http_p99_over_engine_8_clients_p99",
        "ingest_time_4n_over_n", "max_query_p50_4n_over_n", "ingest_peak_rss_4n_over_n",
        "extract_cold_start_over_imports",
    }  # fmt: skip
    assert result["cold_start"]["spacy_jieba_import_s"] > 0


def test_bench_can_measure_the_loaders_alone(tmp_path: Path):
    out = tmp_path / "loaders.json"
    subprocess.run(
        [sys.executable, "-m", "bench", "--docs", "2", "--no-growth", "--only", "loaders",
         "--naive-rows", "40", "--neo4j", "off", "--out", str(out)],
        cwd=ROOT, check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))
    loaders = result["runs"]["n2"]["loaders"]
    assert loaders["rows"] > 0 and set(loaders["rows_per_s"]) == {"writer", "naive", "bulk"}
    assert set(result["targets"]) == {"writer_vs_naive", "writer_vs_bulk"}
    assert "ingest" not in result["runs"]["n2"]  # nothing else was run
    assert len(result["environment"]["load_avg_start"]) == 3


@pytest.mark.neo4j
def test_bench_measures_the_loaders_on_neo4j(neo4j_datasets: Datasets, tmp_path: Path):
    """The session's Neo4j (BENCH_NEO4J_URI), emptied before each loader's turn."""
    neo4j_datasets.store("scratch:bench", None).activate()  # the bench clears the database
    server = neo4j_datasets.server
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env |= {f"BENCH_{k}": v for k, v in server.env().items()}
    out = tmp_path / "loaders.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--docs", "2", "--no-growth", "--only", "loaders",
         "--naive-rows", "40", "--loader-repeats", "1", "--neo4j", "require", "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    run = result["runs"]["n2"]
    falkordb, neo4j = run["loaders"], run["loaders_neo4j"]
    assert set(neo4j) == set(falkordb) and neo4j["rows"] == falkordb["rows"] > 0
    assert set(neo4j["rows_per_s"]) == {"writer", "naive", "bulk"}
    assert all(rate > 0 for rate in neo4j["rows_per_s"].values())
    assert neo4j["warm_up_turns"] > 0 == falkordb["warm_up_turns"] and neo4j["naive_rows"] == 40
    assert set(result["targets"]) == {
        "writer_vs_naive", "writer_vs_bulk", "writer_vs_naive_neo4j", "writer_vs_bulk_neo4j"
    }  # fmt: skip
    assert result["environment"]["neo4j"]["uri"] == server.uri
