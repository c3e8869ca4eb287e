"""The scratch Neo4j of a `python -m bench` run (`--neo4j auto|off|require`).

Which server the Neo4j loaders use (BENCH_NEO4J_URI's, else tools/neo4j-test-server
started for the run), or why none (`{"skipped": why}`), the version the run's environment
records, and the three loaders of bench/loaders.py on it. Apart because it is the one part
of the run that may be missing or fail without failing the run (`auto`), and the only one
that starts a server of its own.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.loaders import compare_loaders, neo4j_stores
from tools.neo4j_server import Neo4jUnavailable, Server, from_env, start_server, stop_server

# Untimed turns before Neo4j's timed ones (bench/loaders.py WARM_UP_DOCS): on this machine
# at N = 20 the writer's turn took 22 s on a cold JVM, 5 s after one turn, 2.2–2.9 s after six.
NEO4J_WARM_UP = 6


@contextmanager
def neo4j_server(mode: str, work: Path) -> Iterator[Server | str]:
    """`--neo4j`: BENCH_NEO4J_URI's server (its one database is cleared: a scratch server),
    else tools/neo4j-test-server started in the work folder for this run and stopped after
    it; when neither can be had, why not (a failure with `require`)."""
    if mode == "off":
        yield "--neo4j off"
        return
    external = from_env(os.environ, "BENCH_NEO4J_")
    data = work / "neo4j"
    try:
        server = external or start_server(data)
    except Neo4jUnavailable as e:
        yield _unavailable(mode, f"{e} (BENCH_NEO4J_URI is not set either)")
        return
    try:
        yield server if _reachable(server) else _unavailable(mode, f"{server.uri} unreachable")
    finally:
        if external is None:
            stop_server(data)


def _reachable(server: Server) -> bool:
    from policykg.graph.stores.neo4j import Neo4jStore

    from policykg.errors import PolicyKGError

    store = Neo4jStore(server.uri, server.user, server.password, server.database)
    try:
        store.open()
    except PolicyKGError as e:
        print(f"Neo4j: {e}", flush=True)
        return False
    store.close()
    return True


def _unavailable(mode: str, reason: str) -> str:
    if mode == "require":
        raise SystemExit(f"python -m bench: --neo4j require, but {reason}")
    print(f"Neo4j loaders skipped: {reason}", flush=True)
    return reason


def neo4j_loaders(
    n: int, records: list[Any], args: argparse.Namespace, neo4j: Server | str
) -> dict[str, Any]:
    """`runs.nN.loaders_neo4j`: the three loaders on Neo4j, or {"skipped": why}."""
    if isinstance(neo4j, str):
        return {"skipped": neo4j}
    fresh = neo4j_stores(neo4j.uri, neo4j.user, neo4j.password, neo4j.database)
    try:
        loaders = compare_loaders(
            records,
            fresh,
            naive_rows=args.naive_rows,
            repeats=args.loader_repeats,
            warm_up=NEO4J_WARM_UP,
        )
    except Exception as e:  # `auto` never fails the run because of Neo4j; `require` does
        if args.neo4j == "require":
            raise
        print(f"[{n}] Neo4j loaders failed: {e!r}", flush=True)
        return {"skipped": f"the loaders failed on Neo4j: {e.__class__.__name__}: {e}"}
    print(f"[{n}] Neo4j loaders (rows/s): {json.dumps(loaders['rows_per_s'])}", flush=True)
    return loaders


def neo4j_environment(neo4j: Server | str) -> dict[str, Any]:
    """Which Neo4j the loaders ran on (its URI and version), or why none."""
    if isinstance(neo4j, str):
        return {"skipped": neo4j}
    from policykg.graph.stores.neo4j import Neo4jStore

    with Neo4jStore(neo4j.uri, neo4j.user, neo4j.password, neo4j.database) as store:
        rows = store.read("CALL dbms.components() YIELD name, versions, edition "
                          "RETURN name, versions[0], edition").rows  # fmt: skip
    return {"uri": neo4j.uri, "version": " ".join(map(str, rows[0])) if rows else None}
