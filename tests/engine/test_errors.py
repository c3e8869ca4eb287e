"""Typed store errors (issue 9.5): the same event gives the same error type whichever
store runs, mapped from the drivers' typed exceptions; the API alone picks the status."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from policykg.api.app import status_of
from policykg.graph.store import Statement
from policykg.graph.stores.embedded_server import EngineLimits
from policykg.graph.stores.falkordb import SOCKET_MARGIN_S, FalkorDBStore
from policykg.graph.stores.neo4j import Neo4jStore

from policykg.errors import (
    InputError,
    NotFoundError,
    PolicyKGError,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
    StoreUnavailable,
    WriteRefused,
)
from tests.engine.procs import free_port

SLOW = "UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*)"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[FalkorDBStore]:
    limits = EngineLimits(timeout_default_ms=500, timeout_max_ms=5000,
                          query_mem_bytes=32 << 20, resultset_size=10_000)  # fmt: skip
    s = FalkorDBStore(tmp_path / "db", limits=limits)
    s.open()
    yield s
    s.close()


def test_falkordb_engine_errors_are_typed(store: FalkorDBStore) -> None:
    with pytest.raises(QueryTimeout, match="500 ms"):
        store.read(SLOW)
    with pytest.raises(QueryTimeout):  # a longer timeout asked for is cut to the limit
        store.read(SLOW, timeout_ms=60_000)
    with pytest.raises(WriteRefused):
        store.read("CREATE (:Intruder) RETURN 1")
    with pytest.raises(QuerySyntaxError):
        store.read("RETURN (1")
    with pytest.raises(QuerySyntaxError):
        store.read("RETURN $missing AS x")
    with pytest.raises(QueryTooLarge):
        store.read("RETURN size(range(1, 20000000)) AS n")
    assert store.read("RETURN 1 AS one").rows == [[1]]  # the store still answers


def test_a_server_that_does_not_answer_is_a_timeout_sent_once(store: FalkorDBStore) -> None:
    """redis-py's TimeoutError (typed) → QueryTimeout; the read is not sent again."""
    assert store.server is not None
    pid = store.server.server_pid
    calls = _ro_calls(store)
    os.kill(pid, signal.SIGSTOP)  # the engine stops answering at all
    started = time.monotonic()
    try:
        with pytest.raises(QueryTimeout, match="not sent again"):
            store.read("RETURN 1")
        waited = time.monotonic() - started
    finally:
        os.kill(pid, signal.SIGCONT)
    # one attempt: the socket timeout (0.5 s engine limit + 2 s) once, not once per retry
    assert waited < 2 * (0.5 + SOCKET_MARGIN_S), waited
    time.sleep(1.0)  # the resumed server runs whatever reached it
    assert _ro_calls(store) <= calls + 1


def _ro_calls(store: FalkorDBStore) -> int:
    stats = store._db.connection.info("commandstats")
    return int(stats.get("cmdstat_graph.RO_QUERY", {}).get("calls", 0))


def test_a_dead_server_is_store_unavailable(store: FalkorDBStore) -> None:
    assert store.server is not None
    os.kill(store.server.server_pid, signal.SIGKILL)
    with pytest.raises(StoreUnavailable):
        store.read("RETURN 1")
    with pytest.raises(StoreUnavailable):
        store.write([Statement("CREATE (:X)")])


def test_unreachable_stores_are_store_unavailable(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(StoreUnavailable):
        FalkorDBStore(url=f"redis://127.0.0.1:{port}").open()
    with pytest.raises(StoreUnavailable, match="cannot reach Neo4j"):
        Neo4jStore(f"bolt://127.0.0.1:{port}", connection_timeout=2).open()


def test_the_api_alone_chooses_status_codes() -> None:
    assert not any(hasattr(kind, "status_code") for kind in (PolicyKGError, StoreError))
    expected = {NotFoundError: 404, QueryRefused: 403, WriteRefused: 403, QueryTimeout: 504,
                QueryTooLarge: 422, StoreUnavailable: 503, StoreError: 503, InputError: 400,
                QuerySyntaxError: 400}  # fmt: skip
    assert {kind: status_of(kind("x")) for kind in expected} == expected
