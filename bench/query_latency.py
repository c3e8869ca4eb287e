"""Latency of every named query and the main endpoints, as `python -m bench` reports it.

The same queries three ways on one store: sequentially on the engine, on the engine from
`clients` threads at once, and over HTTP from as many clients against a `policykg serve`
process (with its start-up and peak RSS); the HTTP target compares the last two, which
see the same interleaved requests (bench/README.md). The same-province run keeps a
query's answer fixed across N and 4N so its growth is the graph's. Apart from the
orchestration in bench/__main__.py; the client threads themselves are bench/http_clients.py.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.http_clients import hammer, percentiles, run_concurrently, wait_for_health
from bench.processes import child_pids, free_port, peak_rss_mb, policykg_command, policykg_env

# Endpoints a researcher's page or notebook calls, beside the named queries.
ENDPOINTS = [
    "/health",
    "/stats",
    "/topics/udi/provinces",
    "/matrix",
    "/provinces",
    "/search?q=UDI",
    "/documents",
]


def engine_latency(data_dir: Path, repeats: int) -> dict[str, dict[str, Any]]:
    """Every named query with its example parameters, sequentially, on the engine itself."""
    from policykg.graph.queries import enum_values, registry
    from policykg.graph.stores.falkordb import FalkorDBStore

    store = FalkorDBStore(data_dir)
    store.open()
    out: dict[str, dict[str, Any]] = {}
    try:
        for name, query in registry().items():
            params = query.bind(query.example, enum_values)
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                store.read(query.cypher, params)
                times.append((time.perf_counter() - start) * 1000)
            rows = store.read(query.cypher, params).rows
            out[name] = {**percentiles(times), "rows": len(rows), "answer_bytes": _bytes(rows),
                         "params": query.example}  # fmt: skip
    finally:
        store.close()
    return out


def _bytes(rows: list[Any]) -> int:
    """The size of an answer as JSON: what a query must build, whatever its plan."""
    return len(json.dumps(rows, ensure_ascii=False, default=str).encode("utf-8"))


def same_province_latency(data_dir: Path, province: str, repeats: int) -> dict[str, Any]:
    """The named queries that take a province, run for the province of the corpus's first
    document. Up to 4N = 155 documents it holds that one document at N and at 4N, so these
    answers are the same at both sizes and any growth is the graph's size at work; the
    examples' province (浙江省) has no document at small N and several at 4N. Past 4N = 139
    the province holds more documents at 4N than at N (bench/corpus.py places documents
    round the provinces): read the ratio beside `answer_4n_over_n`, the answer's growth."""
    from policykg.graph.queries import enum_values, registry
    from policykg.graph.stores.falkordb import FalkorDBStore

    store = FalkorDBStore(data_dir)
    store.open()
    out: dict[str, Any] = {}
    try:
        for name, query in registry().items():
            if not any(p.name == "province" for p in query.params):
                continue
            params = query.bind({**query.example, "province": province}, enum_values)
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                rows = store.read(query.cypher, params).rows
                times.append((time.perf_counter() - start) * 1000)
            out[name] = {**percentiles(times), "rows": len(rows), "answer_bytes": _bytes(rows),
                         "province": province}  # fmt: skip
    finally:
        store.close()
    return out


def engine_concurrent(data_dir: Path, *, clients: int, per_path: int) -> dict[str, Any]:
    """Every named query on the engine from `clients` threads at once (one store, the
    connection pool the server uses), in the same interleaved order as the HTTP run: the
    engine's own latency under the load the HTTP figures are taken under."""
    from policykg.graph.queries import enum_values, registry
    from policykg.graph.stores.falkordb import FalkorDBStore

    bound = {name: q.bind(q.example, enum_values) for name, q in registry().items()}
    cypher = {name: q.cypher for name, q in registry().items()}
    store = FalkorDBStore(data_dir)
    store.open()

    def call(name: str) -> tuple[bool, str]:
        store.read(cypher[name], bound[name])
        return True, ""

    try:
        measured = run_concurrently(list(bound), call, clients=clients, per_item=per_path)
    finally:
        store.close()
    return {name: m.summary() for name, m in measured.items()}


def http_latency(
    data_dir: Path, queries: dict[str, dict[str, Any]], *, clients: int, per_path: int
) -> dict[str, Any]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*policykg_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=policykg_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        start_s = wait_for_health(base)
        paths = {
            name: f"/queries/{name}{_query_string(q['params'])}" for name, q in queries.items()
        }
        paths.update({e: e for e in ENDPOINTS})
        rss_before = peak_rss_mb(server.pid)
        # Named queries alone first (the mix the engine run under the same concurrency
        # had), then the endpoints, so the ratio compares like with like.
        named = [p for n, p in paths.items() if n in queries]
        measured = hammer(base, named, clients=clients, per_path=per_path)
        measured |= hammer(base, ENDPOINTS, clients=clients, per_path=per_path)
        db_rss = [peak_rss_mb(c) for c in child_pids(server.pid)]
        return {
            "serve_to_first_health_s": round(start_s, 3),
            "server_peak_rss_mb": {"before_load": rss_before, "after": peak_rss_mb(server.pid)},
            "database_peak_rss_mb": max((r for r in db_rss if r), default=None),
            "paths": {name: measured[path].summary() for name, path in paths.items()},
        }
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def _query_string(params: dict[str, Any]) -> str:
    """The API's form of a named query's parameters: lists comma-separated."""
    flat = {k: ",".join(map(str, v)) if isinstance(v, list) else v for k, v in params.items()}
    return f"?{urlencode(flat)}" if flat else ""
