"""The scale benchmark: costs at N and 4N documents, as ratios measured in one run.

    python -m bench --docs 250 --out bench/results_250.json
    python -m bench --docs 5 --no-growth --per-path 5 --out /tmp/tiny.json   # a smoke run

For each size (N, then 4N unless --no-growth), on a deterministic corpus recombined from
the bundled documents (bench/corpus.py) and fresh embedded FalkorDB stores in a temporary
folder (nothing touches POLICYKG_DATA_DIR):

- extraction throughput (MB/s of source text, no database) and, on the same texts in the
  same run, one plain `jieba.lcut` pass (the practical floor); `ingest_vs_jieba` is the
  time of a whole `policykg ingest` (extract + load) over the jieba time;
- ingest as a user runs it (`policykg ingest FOLDER` in its own process): seconds and peak
  RSS of that process and its children (the largest of them: the extraction workers or the
  embedded database server), and each kind's own peak (`peak_rss_mb_by_process`);
- graph load rows/s of the project's writer, a naive one-statement-per-row loader and the
  engine's bulk path (one UNWIND … CREATE per label and type into an empty graph) on the
  same rows: `writer_vs_naive`, `writer_vs_bulk`; the same on a real Neo4j when one can be
  had (`--neo4j`: BENCH_NEO4J_URI, else tools/neo4j-test-server started for the run);
- every named query (its header's example parameters) and the main endpoints: p50/p95/p99
  directly on the engine (sequential) and over HTTP from 8 concurrent clients against a
  `policykg serve` process; `http_p99_over_engine_p99` per query; the server's peak RSS;
- cold starts: `policykg extract` on one small file against importing spaCy + jieba (and
  loading jieba's dictionary), and `policykg serve` to its first /health.

`targets` compares each figure with the team's target (bench/README.md). Nothing here is
a test: the test suite runs a tiny size only to keep this script working.

Each part is measured in its own module; this one parses the arguments, runs the parts at
each size and writes the JSON: bench/extraction_speed.py (extraction and the jieba floor),
bench/processes.py (`policykg` in its own process: ingest time and RSS, cold starts),
bench/loaders.py (the three loaders), bench/neo4j_scratch.py (the run's Neo4j and its
loaders), bench/query_latency.py (named queries and endpoints, engine and HTTP),
bench/figures.py (growth, figures, targets).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import generate, province_of
from bench.extraction_speed import extraction, jieba_floor
from bench.figures import against_targets, loader_figures, ratio, summarise
from bench.loaders import compare_loaders, falkordb_stores
from bench.neo4j_scratch import neo4j_environment, neo4j_loaders, neo4j_server
from bench.processes import (
    cold_starts,
    last_json,
    policykg_command,
    policykg_env,
    timed_run_by_process,
)
from bench.query_latency import (
    ENDPOINTS,
    engine_concurrent,
    engine_latency,
    http_latency,
    same_province_latency,
)
from tools.neo4j_server import Server

ROOT = Path(__file__).resolve().parents[1]


def measure(n: int, work: Path, args: argparse.Namespace, neo4j: Server | str) -> dict[str, Any]:
    corpus = work / f"corpus_{n}"
    paths = generate(n, corpus)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 2**20
    print(f"[{n}] corpus: {len(paths)} documents, {mb:.2f} MB", flush=True)

    jieba_s = jieba_floor(texts)
    extract_s, records = extraction(paths)
    print(f"[{n}] extract {extract_s:.1f} s ({mb / extract_s:.3f} MB/s); jieba {jieba_s:.2f} s")

    db = work / f"db_{n}"
    ingest_s, ingest_rss, out, rss_by_process = timed_run_by_process(
        [*policykg_command(), "ingest", str(corpus), "--json"], policykg_env(db)
    )
    print(f"[{n}] policykg ingest {ingest_s:.1f} s, peak RSS {ingest_rss} MB "
          f"({json.dumps(rss_by_process)})", flush=True)  # fmt: skip

    loaders = compare_loaders(
        records,
        falkordb_stores(work / f"loaders_{n}"),
        naive_rows=args.naive_rows,
        repeats=args.loader_repeats,
    )
    print(f"[{n}] loaders (rows/s): {json.dumps(loaders['rows_per_s'])}", flush=True)
    loaders_neo4j = neo4j_loaders(n, records, args, neo4j)

    engine = engine_latency(db, args.repeats)
    loaded = engine_concurrent(db, clients=args.clients, per_path=args.per_path)
    anchored = same_province_latency(db, province_of(paths[0]), args.repeats)
    http = http_latency(db, engine, clients=args.clients, per_path=args.per_path)
    queries = {}
    for name, e in engine.items():
        h = http["paths"][name]
        queries[name] = {
            "rows": e["rows"],
            "answer_bytes": e["answer_bytes"],
            "engine": {k: e[k] for k in ("p50_ms", "p95_ms", "p99_ms")},
            "engine_8_clients": loaded[name],
            "http": h,
            "http_p99_over_engine_p99": ratio(h["p99_ms"], e["p99_ms"]),
            "http_p99_over_engine_8_clients_p99": ratio(h["p99_ms"], loaded[name]["p99_ms"]),
        }
    return {
        "documents": len(paths),
        "mb": round(mb, 3),
        "extract": {"seconds": round(extract_s, 3), "mb_per_s": round(mb / extract_s, 4)},
        "jieba": {"seconds": round(jieba_s, 3), "mb_per_s": round(mb / jieba_s, 4)},
        "ingest": {
            "seconds": round(ingest_s, 3),
            "mb_per_s": round(mb / ingest_s, 4),
            "peak_rss_mb": ingest_rss,
            "peak_rss_mb_by_process": rss_by_process,
            "outcome": last_json(out),
        },
        "ingest_vs_jieba": round(ingest_s / jieba_s, 2),
        "extract_vs_jieba": round(extract_s / jieba_s, 2),
        "loaders": loaders,
        "loaders_neo4j": loaders_neo4j,
        "queries": queries,
        "same_province_queries": anchored,
        "endpoints": {e: http["paths"][e] for e in ENDPOINTS},
        "server": {k: v for k, v in http.items() if k != "paths"},
    }


def measure_loaders(
    n: int, work: Path, args: argparse.Namespace, neo4j: Server | str
) -> dict[str, Any]:
    """`--only loaders`: the corpus, its extraction (the records to load) and the three
    loaders, nothing else — the figures of `runs.nN.loaders` in a few minutes."""
    corpus = work / f"corpus_{n}"
    paths = generate(n, corpus)
    mb = sum(p.stat().st_size for p in paths) / 2**20
    _, records = extraction(paths)
    loaders = compare_loaders(
        records,
        falkordb_stores(work / f"loaders_{n}"),
        naive_rows=args.naive_rows,
        repeats=args.loader_repeats,
    )
    print(f"[{n}] loaders (rows/s): {json.dumps(loaders['rows_per_s'])}", flush=True)
    return {"documents": len(paths), "mb": round(mb, 3), "loaders": loaders,
            "loaders_neo4j": neo4j_loaders(n, records, args, neo4j)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, required=True, help="N: documents of the first size")
    parser.add_argument("--out", type=Path, required=True, help="where to write the JSON")
    parser.add_argument("--no-growth", action="store_true", help="skip the 4N size")
    parser.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients")
    parser.add_argument("--per-path", type=int, default=40, help="HTTP requests per path")
    parser.add_argument("--repeats", type=int, default=40, help="engine runs per named query")
    parser.add_argument("--naive-rows", type=int, default=1500, help="rows the naive loader writes")
    parser.add_argument(
        "--loader-repeats",
        type=int,
        default=3,
        help="turns of the three loaders; each keeps its fastest (a shared machine's load)",
    )
    parser.add_argument(
        "--only",
        choices=["loaders"],
        help="measure one part only (loaders: extraction and the three graph loaders)",
    )
    parser.add_argument(
        "--neo4j",
        choices=["auto", "off", "require"],
        default="auto",
        help="the loaders on a real Neo4j too (BENCH_NEO4J_URI, else tools/neo4j-test-server): "
        "auto: when one can be had, else skipped; require: fail without one",
    )
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")

    work = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    sizes = [args.docs] if args.no_growth else [args.docs, 4 * args.docs]
    started = time.perf_counter()
    result: dict[str, Any] = {
        "environment": _environment(),
        "parameters": vars(args) | {"out": str(args.out), "sizes": sizes},
    }
    with neo4j_server(args.neo4j, work) as neo4j:
        result["environment"]["neo4j"] = neo4j_environment(neo4j)
        if args.only == "loaders":
            runs = {f"n{n}": measure_loaders(n, work, args, neo4j) for n in sizes}
            result |= {
                "runs": runs,
                "targets": against_targets(loader_figures(runs[f"n{sizes[0]}"])),
            }
        else:
            runs = {f"n{n}": measure(n, work, args, neo4j) for n in sizes}
            small = min(generate(1, work / "cold_corpus"), key=lambda p: p.stat().st_size)
            cold = cold_starts(small, work)
            result |= {"runs": runs, "cold_start": cold, **summarise(runs, cold)}
    result["wall_s"] = round(time.perf_counter() - started, 1)
    result["environment"]["load_avg_end"] = _load_avg()  # the machine may be shared
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, t in result["targets"].items():
        print(
            f"  {name:<34} {t['value']!s:>8}  target {t['target']:<7} {'met' if t['met'] else 'NOT met'}"
        )
    print(f"wrote {args.out} in {result['wall_s']} s (work folder {work})")
    return 0


def _environment() -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "commit": commit,
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "load_avg_start": _load_avg(),
    }


def _load_avg() -> list[float] | None:
    """1, 5 and 15 minute load averages (Unix): timings on a busy machine are inflated."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
