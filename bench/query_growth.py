"""Query growth on one pair of stores: `python -m bench.query_growth --docs 40 --work DIR`.

Builds (once: kept in `--work` and reused) two embedded stores of N and 4N generated
documents, then runs every named query with its example parameters on both, the queries
interleaved and each repeated, and reports per query the p50 at N and 4N, their ratio,
and beside it the growth of the answer itself (rows and the size of the answer as JSON):
a query whose answer is 4× larger cannot be 2× slower however it finds it, while a
query with the same answer at both sizes that grows is scanning. `--queries DIR` reads
another folder of query files (e.g. an older version checked out with `git worktree`)
on the same stores, to compare before and after. Where the folder holds FalkorDB's own
version of a query (`falkordb/NAME.cypher`, graph/queries.py) that one runs, as the server
would run it. A query that caps its rows' growing
lists (`max_items`, graph/queries.py) runs twice: whole (`name`) and capped
(`name@max_items=K`, K from `--max-items`, default 20), so the growth of the answer is
told apart from the growth of the query's own work. Nothing asserts a time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.corpus import generate, province_of
from bench.processes import policykg_command, policykg_env


def build(n: int, work: Path) -> tuple[Path, str]:
    """The store of n generated documents (made once) and its first document's province."""
    corpus = work / f"corpus_{n}"
    db = work / f"db_{n}"
    paths = generate(n, corpus)  # deterministic: the same files again
    if not db.exists():
        subprocess.run(
            [*policykg_command(), "ingest", str(corpus), "--json"],
            env=policykg_env(db),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return db, province_of(paths[0])


def _cases(
    folder: str | None, province: str, max_items: int = 20
) -> dict[str, tuple[str, dict[str, Any]]]:
    from policykg.graph.queries import CAP_PARAM, engine_variants, enum_values, registry

    out = {}
    # the engine's own version of a query where the folder has one (queries/falkordb/), as
    # the server runs it; a folder without one runs the portable query
    own = engine_variants("falkordb", folder)
    for name, query in {**registry(folder), **own}.items():
        variants = {name: dict(query.example)}
        if any(p.name == "province" for p in query.params):
            variants[name + "@same_province"] = {**query.example, "province": province}
        for case, given in variants.items():
            out[case] = (query.cypher, query.bind(given, enum_values))
            if query.capped:
                capped = query.bind({**given, CAP_PARAM: max_items}, enum_values)
                out[f"{case}@{CAP_PARAM}={max_items}"] = (query.cypher, capped)
    return out


def _indexes_built(store: Any, seconds: float = 300) -> None:
    """Wait until FalkorDB has filled its indexes: it does so in the background after the
    server starts, and a query run meanwhile may not use an index that is still being
    built, which is not what is to be measured."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rows = store.read("CALL db.indexes() YIELD status RETURN status").rows
        if all(status == "OPERATIONAL" for (status,) in rows):
            return
        time.sleep(0.5)


def measure(
    stores: dict[int, tuple[Path, str]],
    folder: str | None,
    repeats: int,
    only: set[str],
    max_items: int = 20,
) -> dict[str, Any]:
    from policykg.graph import summaries
    from policykg.graph.stores.falkordb import FalkorDBStore

    # the same province at both sizes: the first document's of the smaller corpus
    province = stores[min(stores)][1]
    cases = {k: v for k, v in _cases(folder, province, max_items).items() if not only or k in only}
    opened = {}
    for n, (db, _) in stores.items():
        opened[n] = FalkorDBStore(db)
        opened[n].open()
        opened[n].ensure_schema()  # a kept store made before an index was added
        # a kept store written by older summary rules: as load_reference_data would
        if summaries.stored_version(opened[n]) != summaries.SUMMARY_VERSION:
            summaries.rebuild(opened[n])
        _indexes_built(opened[n])
    times: dict[tuple[str, int], list[float]] = {}
    size: dict[tuple[str, int], tuple[int, int]] = {}
    try:
        for n, store in opened.items():
            for name, (cypher, params) in cases.items():
                rows = store.read(cypher, params).rows
                size[name, n] = (len(rows), len(json.dumps(rows, ensure_ascii=False, default=str)))
        for _ in range(repeats):
            for name, (cypher, params) in cases.items():
                for n, store in opened.items():
                    start = time.perf_counter()
                    store.read(cypher, params)
                    times.setdefault((name, n), []).append((time.perf_counter() - start) * 1000)
    finally:
        for store in opened.values():
            store.close()
    small, large = sorted(stores)
    out = {}
    for name in cases:
        p = {n: statistics.median(times[name, n]) for n in (small, large)}
        out[name] = {
            "p50_ms": [round(p[small], 2), round(p[large], 2)],
            "p50_4n_over_n": round(p[large] / p[small], 2) if p[small] else None,
            "rows": [size[name, small][0], size[name, large][0]],
            "answer_bytes_4n_over_n": round(size[name, large][1] / max(size[name, small][1], 1), 2),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=40, help="N (the other store holds 4N)")
    ap.add_argument("--work", type=Path, required=True, help="where the stores are kept")
    ap.add_argument("--queries", default=None, help="folder of query files (default: ours)")
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--only", nargs="*", default=[], help="query names (name@same_province)")
    ap.add_argument(
        "--max-items", type=int, default=20, help="the cap of the capped runs (max_items)"
    )
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.max_items < 0:
        ap.error("--max-items must be 0 or more")
    args.work.mkdir(parents=True, exist_ok=True)
    stores = {n: build(n, args.work) for n in (args.docs, 4 * args.docs)}
    result = measure(stores, args.queries, args.repeats, set(args.only), args.max_items)
    width = max(len(k) for k in result)
    print(f"{'query':{width}}  p50 N → 4N (ms)      4N/N  rows N → 4N  answer 4N/N")
    for name, r in sorted(result.items(), key=lambda kv: -(kv[1]["p50_4n_over_n"] or 0)):
        a, b = r["p50_ms"]
        print(
            f"{name:{width}}  {a:7.2f} → {b:7.2f}  {r['p50_4n_over_n']:6.2f}  "
            f"{r['rows'][0]:5} → {r['rows'][1]:5}  {r['answer_bytes_4n_over_n']:6.2f}"
        )
    if args.out:
        args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
