"""Reproducible benchmark: ingest throughput, load time, named-query latency, peak memory.

    python -m bench.run                 # N=5 documents, and a 10x corpus
    python -m bench.run --n 10 --scale 5 --repeats 50 --out bench/results.json

Everything runs on a fresh embedded FalkorDB in a temporary folder, on a synthetic
corpus from bench/corpus.py (deterministic). Printed and written to bench/results.json:

- extraction alone (no database) and first ingest of the 1x corpus: docs/s, chars/s;
- re-ingest of the unchanged corpus (every document a no-op) and its ratio to the first;
- the 10x corpus ingested into another fresh store, and its time ratio to the 1x corpus
  (≈ scale when ingest is linear);
- load time of the whole graph into networkx (graph.export.to_networkx), 1x and 10x;
- latency of every named query with its example parameters (p50/p95 over --repeats runs);
- peak memory: Python allocations while extracting the largest document (tracemalloc),
  the process's peak RSS, and the FalkorDB server's peak RSS.

Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from policykg.graph.export import to_networkx
from policykg.graph.queries import enum_values, registry
from policykg.graph.stores.falkordb import FalkorDBStore
from policykg.ingest.pipeline import extract_file

from bench.corpus import generate
from policykg.errors import PolicyKGError
from policykg.ingestion import graph_stats, ingest_paths

ROOT = Path(__file__).resolve().parents[1]


def _timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def _rate(count: float, seconds: float) -> float:
    return round(count / seconds, 2) if seconds else float("inf")


def _server_peak_rss_mb(store: FalkorDBStore) -> float | None:
    """Peak RSS of the embedded redis-server (Linux /proc), if it can be found."""
    try:
        pid = store._db.connection.info("server")["process_id"]
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except Exception:  # another platform or an external server: just not reported
        return None
    return None


def query_latency(store: FalkorDBStore, repeats: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, query in registry().items():
        try:
            params = query.bind(query.example, enum_values)
        except PolicyKGError as e:
            out[name] = {"skipped": str(e)}
            continue
        times, rows = [], 0
        try:
            for _ in range(repeats):
                result, seconds = _timed(store.read, query.cypher, params)
                times.append(seconds * 1000)
                rows = len(result.rows)
        except PolicyKGError as e:
            out[name] = {"error": str(e)}
            continue
        cuts = (
            statistics.quantiles(times, n=20, method="inclusive") if len(times) > 1 else times * 19
        )
        out[name] = {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(cuts[18], 2),
                     "rows": rows, "params": params}  # fmt: skip
    return out


def ingest_run(
    folder: Path, corpus: Path, docs: int, chars: int, *, reingest: bool = True
) -> dict[str, Any]:
    store = FalkorDBStore(folder, graph="bench")
    _, open_s = _timed(store.open)
    try:
        summary, first_s = _timed(ingest_paths, store, [corpus])
        run = {
            "store": store,
            "open_s": round(open_s, 3),
            "ingest": {"seconds": round(first_s, 3), "docs_per_s": _rate(docs, first_s),
                       "chars_per_s": _rate(chars, first_s), "outcome": summary.as_dict()},
        }  # fmt: skip
        if reingest:
            again, second_s = _timed(ingest_paths, store, [corpus])
            run["reingest_unchanged"] = {"seconds": round(second_s, 3), "outcome": again.as_dict()}
        graph, load_s = _timed(to_networkx, store)
        run["load_networkx"] = {"seconds": round(load_s, 3), "nodes": graph.number_of_nodes(),
                                "edges": graph.number_of_edges()}  # fmt: skip
        run["stats"] = graph_stats(store)
        return run
    except BaseException:
        store.close()
        raise


def main() -> None:
    parser = argparse.ArgumentParser(description="policykg benchmark")
    parser.add_argument("--n", type=int, default=5, help="documents in the 1x corpus")
    parser.add_argument("--scale", type=int, default=10, help="size of the large corpus, in x")
    parser.add_argument("--repeats", type=int, default=20, help="runs per named query")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    small = generate(args.n, work / "corpus_1x")
    large = generate(args.n * args.scale, work / "corpus_large")
    chars_small = sum(len(p.read_text(encoding="utf-8")) for p in small)
    chars_large = sum(len(p.read_text(encoding="utf-8")) for p in large)
    print(f"corpus: {len(small)} docs / {chars_small:,} chars; {args.scale}x: "
          f"{len(large)} docs / {chars_large:,} chars  (in {work})")  # fmt: skip

    # One-off costs first (NLP model load, vocabulary caches), so the rates below are steady.
    _, warmup_s = _timed(extract_file, small[0])
    print(f"warm-up (first extraction, model load): {warmup_s:.2f} s")
    # Extraction alone, then its memory on the largest document.
    _, extract_s = _timed(lambda: [extract_file(p) for p in small])
    biggest = max(small, key=lambda p: p.stat().st_size)
    tracemalloc.start()
    extract_file(biggest)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"extract 1x: {extract_s:.2f} s ({_rate(len(small), extract_s)} docs/s, "
          f"{_rate(chars_small, extract_s):,} chars/s)")  # fmt: skip

    one = ingest_run(work / "db_1x", work / "corpus_1x", len(small), chars_small)
    try:
        latency_1x = query_latency(one["store"], args.repeats)
        server_1x = _server_peak_rss_mb(one["store"])
    finally:
        one.pop("store").close()
    _report("1x", one)

    big = ingest_run(
        work / "db_large", work / "corpus_large", len(large), chars_large, reingest=False
    )
    try:
        latency_large = query_latency(big["store"], args.repeats)
        server_large = _server_peak_rss_mb(big["store"])
    finally:
        big.pop("store").close()
    _report(f"{args.scale}x", big)

    ratios = {
        "reingest_unchanged_vs_first_ingest": round(
            one["reingest_unchanged"]["seconds"] / one["ingest"]["seconds"], 4
        ),
        f"ingest_time_{args.scale}x_vs_1x": round(
            big["ingest"]["seconds"] / one["ingest"]["seconds"], 2
        ),
        f"chars_{args.scale}x_vs_1x": round(chars_large / chars_small, 2),
        f"ingest_chars_per_s_{args.scale}x_vs_1x": round(
            big["ingest"]["chars_per_s"] / one["ingest"]["chars_per_s"], 3
        ),
        f"load_time_{args.scale}x_vs_1x": round(
            big["load_networkx"]["seconds"] / max(one["load_networkx"]["seconds"], 1e-9), 2
        ),
        "extraction_share_of_first_ingest": round(extract_s / one["ingest"]["seconds"], 3),
    }
    results = {
        "environment": _environment(),
        "parameters": {"n": args.n, "scale": args.scale, "repeats": args.repeats},
        "corpus": {
            "1x": {"docs": len(small), "chars": chars_small},
            f"{args.scale}x": {"docs": len(large), "chars": chars_large},
        },  # fmt: skip
        "warmup_s": round(warmup_s, 3),
        "extract_1x": {
            "seconds": round(extract_s, 3),
            "docs_per_s": _rate(len(small), extract_s),
            "chars_per_s": _rate(chars_small, extract_s),
        },  # fmt: skip
        "runs": {"1x": one, f"{args.scale}x": big},
        "query_latency": {"1x": latency_1x, f"{args.scale}x": latency_large},
        "memory": {
            "extract_largest_doc_traced_peak_mb": round(traced_peak / 2**20, 1),
            "largest_doc_chars": len(biggest.read_text(encoding="utf-8")),
            "python_peak_rss_mb": round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
            ),
            "falkordb_server_peak_rss_mb": {"1x": server_1x, f"{args.scale}x": server_large},
        },
        "ratios": ratios,
    }
    print("\nnamed queries (p50 / p95 ms, 1x → large):")
    for name, r in latency_1x.items():
        r2 = latency_large.get(name, {})
        if "p50_ms" in r and "p50_ms" in r2:
            print(f"  {name:<28}{r['p50_ms']:>8.2f} /{r['p95_ms']:>8.2f}   →"
                  f"{r2['p50_ms']:>8.2f} /{r2['p95_ms']:>8.2f}   ({r2['rows']} rows)")  # fmt: skip
        else:
            print(f"  {name:<28}{r.get('skipped') or r.get('error')}")
    print("\nmemory:", json.dumps(results["memory"]))
    print("ratios:", json.dumps(ratios, indent=1))
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")


def _report(name: str, run: dict[str, Any]) -> None:
    i, lo = run["ingest"], run["load_networkx"]
    r = run.get("reingest_unchanged")
    print(f"{name}: open {run['open_s']:.2f} s | ingest {i['seconds']:.2f} s ({i['docs_per_s']} docs/s, "
          f"{i['chars_per_s']:,} chars/s) {i['outcome']}"
          + (f" | re-ingest unchanged {r['seconds']:.2f} s" if r else "")
          + f" | to_networkx {lo['seconds']:.3f} s ({lo['nodes']} nodes, {lo['edges']} edges)")  # fmt: skip


def _environment() -> dict[str, Any]:
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {"python": sys.version.split()[0], "platform": platform.platform(),
            "cpus": os.cpu_count(), "commit": commit,
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z")}  # fmt: skip


if __name__ == "__main__":
    main()
