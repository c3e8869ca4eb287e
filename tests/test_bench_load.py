"""The load test (bench/load.py) runs end to end for a few seconds: zero errors on every
endpoint (no timing is asserted: bench/README.md records the 60 s figures)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_load_runs_with_zero_errors(tmp_path: Path):
    out = tmp_path / "load.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench.load", "--clients", "8", "--seconds", "4", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["overall"]["errors"] == 0, result["endpoints"]
    assert done.returncode == 0, done.stderr[-2000:]
    assert {"health", "topic_provinces", "matrix", "search", "named_query", "cypher"} == set(
        result["endpoints"]
    )
    for label, figures in result["endpoints"].items():
        assert figures["requests"] > 0 and figures["errors"] == 0, (label, figures)
    after = result["memory"]["after"]
    assert after["server"]["rss_mb"] and after["database"]["rss_mb"], result["memory"]
