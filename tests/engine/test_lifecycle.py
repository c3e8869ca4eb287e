"""The embedded engine's lifecycle with real processes (issue 15: items 1, 2, 4, 7, 8).

One embedded server per data directory, whoever starts first; a server left by a dead
process is never re-attached; Ctrl+C / SIGTERM stop it; the engine's own timeout ends a
slow query once, while /health answers; a read-only data directory is one clear line.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.engine.procs import (
    ROOT,
    documents,
    engine_pids,
    run,
    serving,
    start,
    wait_gone,
)

CORPUS = ROOT / "data" / "corpus"
HELDOUT = ROOT / "tests" / "heldout"


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the bundled corpus (copied by the tests that write)."""
    folder = tmp_path_factory.mktemp("corpus") / "data"
    done = run(folder, "ingest", str(CORPUS))
    assert done.returncode == 0, done.stderr
    assert not engine_pids(folder), "ingest left its embedded server running"
    return folder


def copy_store(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("engine.json"))
    return target


def hammer(base: str) -> list[str]:
    """Concurrent requests (10 threads × 5), as a user's browser and scripts make them;
    the failures."""
    paths = ["/health", "/stats", "/documents", "/provinces", "/topics"]
    errors: list[str] = []

    def client(path: str) -> None:
        for _ in range(5):
            resp = httpx.get(f"{base}{path}", timeout=30)
            if resp.status_code != 200:
                errors.append(f"{path}: {resp.status_code}")

    threads = [threading.Thread(target=client, args=(p,)) for p in paths * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_two_ingests_at_once_keep_every_document(corpus_store: Path, tmp_path: Path) -> None:
    """Issue 15.2: two ingests on one data directory never run two servers on one file."""
    first = [str(HELDOUT / "guangdong_opinion.txt"), str(HELDOUT / "jiangsu_plan.txt")]
    second = [str(HELDOUT / "hubei_measures.html"), str(HELDOUT / "sichuan_division.txt")]
    for trial in range(3):
        folder = copy_store(corpus_store, tmp_path / f"trial{trial}")
        procs = [start(folder, "ingest", *first), start(folder, "ingest", *second)]
        outcomes = [(p.wait(180), p.stdout.read(), p.stderr.read()) for p in procs]
        for code, out, err in outcomes:
            assert code == 0, (trial, out, err)
            assert "added 2" in out, (trial, out, err)
        assert not wait_gone(engine_pids(folder), 20), "an embedded server outlived both ingests"
        # the store loads, with the five documents stored before and the four new ones
        assert documents(folder) == 9, trial


def test_ingest_beside_serve_attaches_and_ctrl_c_stops_the_server(
    corpus_store: Path, tmp_path: Path
) -> None:
    """Issue 15.7 and 11.3: `ingest` while `serve` runs on the same data directory works
    (through the running server), and Ctrl+C on serve after concurrent requests stops
    its embedded redis-server."""
    folder = copy_store(corpus_store, tmp_path / "data")
    with serving(folder) as (proc, base):
        servers = engine_pids(folder)
        assert len(servers) == 1, servers
        done = run(folder, "ingest", str(HELDOUT / "jiangsu_plan.txt"))
        assert done.returncode == 0, done.stderr
        assert engine_pids(folder) == servers, "ingest started a second server"
        assert httpx.get(f"{base}/health", timeout=10).json()["documents"] == 6
        assert not hammer(base), "requests failed"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(30) == 0
    assert not wait_gone(servers, 20), "Ctrl+C left the embedded redis-server running"
    assert documents(folder) == 6


def test_sigterm_on_serve_stops_the_server(corpus_store: Path, tmp_path: Path) -> None:
    folder = copy_store(corpus_store, tmp_path / "data")
    with serving(folder) as (proc, base):
        servers = engine_pids(folder)
        assert not hammer(base), "requests failed"
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    assert servers and not wait_gone(servers, 20), "SIGTERM left the embedded server running"


def test_restarted_serve_replaces_a_wedged_server_left_by_a_dead_process(
    corpus_store: Path, tmp_path: Path
) -> None:
    """Issue 15.1: a serve killed with SIGKILL leaves its server; frozen (SIGSTOP), it
    stands for a wedged engine. A new serve must not attach to it: it stops it and
    starts its own on the same files, nothing lost."""
    folder = copy_store(corpus_store, tmp_path / "data")
    orphans: set[int] = set()
    try:
        with serving(folder) as (proc, base):
            before = httpx.get(f"{base}/stats", timeout=10).json()
            orphans = engine_pids(folder)
            proc.kill()
            proc.wait()
        assert len(orphans) == 1 and wait_gone(orphans, 1) == orphans, "it outlives SIGKILL"
        os.kill(next(iter(orphans)), signal.SIGSTOP)
        with serving(folder) as (_, base):
            assert httpx.get(f"{base}/stats", timeout=10).json() == before
            assert not (engine_pids(folder) & orphans), "re-attached to the wedged server"
    finally:
        for pid in orphans | engine_pids(folder):  # whatever is left, let it go
            try:
                os.kill(pid, signal.SIGCONT)
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_slow_query_fails_once_with_the_engine_timeout_and_health_answers(
    corpus_store: Path,
) -> None:
    """Issue 15.4: a query longer than the timeout ends once, as a timeout (504), near
    the timeout (the client neither re-sends it nor gives up at 5 s); /health answers
    meanwhile. 6 s is longer than redis-py's old 5 s socket timeout."""
    slow = "UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS n"
    with serving(corpus_store, POLICYKG_QUERY_TIMEOUT_MS="6000") as (_, base):
        answer: dict[str, object] = {}

        def ask() -> None:
            started = time.monotonic()
            try:  # the client's own deadline: far beyond 6 s, far below 11 re-sends
                resp = httpx.post(f"{base}/cypher", json={"query": slow}, timeout=25)
                answer.update(status=resp.status_code, body=resp.json())
            except httpx.HTTPError as e:
                answer.update(status=None, body=repr(e))
            answer["seconds"] = time.monotonic() - started

        worker = threading.Thread(target=ask)
        worker.start()
        time.sleep(1.0)
        health = httpx.get(f"{base}/health", timeout=5)
        assert health.status_code == 200 and worker.is_alive()
        worker.join(40)
        assert answer["status"] == 504, answer
        assert answer["body"]["error"] == "QueryTimeout", answer  # type: ignore[index]
        assert "6000 ms" in answer["body"]["message"], answer  # type: ignore[index]
        assert answer["seconds"] < 15, answer  # once, not once per re-send
        assert httpx.get(f"{base}/health", timeout=5).status_code == 200


@pytest.fixture
def read_only_dir(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    # root writes through permissions: a read-only bind mount instead
    mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"running as root without mount rights: {mounted.stderr!r}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("sub", ["", "new"])
def test_read_only_data_directory_is_one_clear_line(read_only_dir: Path, sub: str) -> None:
    """Issue 15.8: every command says it in one line: no traceback."""
    folder = read_only_dir / sub if sub else read_only_dir
    commands = [
        ["stats"],
        ["stats", "--fingerprint"],
        ["ingest", str(HELDOUT / "jiangsu_plan.txt")],
        ["serve", "--port", "0"],
    ]
    if sub:
        commands = [["query", "documents"]]
    for command in commands:
        done = run(folder, *command, COLUMNS="60")
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert done.returncode == 1, (command, done.stderr)
        assert len(lines) == 1 and "Traceback" not in done.stderr, (command, done.stderr)
        assert str(read_only_dir) in lines[0] and "POLICYKG_DATA_DIR" in lines[0], lines


def test_engine_limits_are_configured(corpus_store: Path, tmp_path: Path) -> None:
    """FalkorDB's own limits come from the settings; LOAD CSV reads no local file."""
    from policykg.errors import QueryRefused, QueryTimeout, QueryTooLarge, StoreError
    from policykg.settings import Settings
    from policykg.stores import make_store

    settings = Settings(POLICYKG_DATA_DIR=copy_store(corpus_store, tmp_path / "data"),
                        POLICYKG_QUERY_TIMEOUT_MS=700, POLICYKG_QUERY_MEM_MB=64,
                        POLICYKG_ENGINE_MAX_ROWS=1000)  # fmt: skip
    store = make_store(settings)
    store.open()
    try:
        config = dict(store._db.connection.execute_command("GRAPH.CONFIG", "GET", "*"))
        assert config["TIMEOUT_DEFAULT"] == 700 and config["TIMEOUT_MAX"] == 120_000
        assert config["QUERY_MEM_CAPACITY"] == 64 << 20 and config["RESULTSET_SIZE"] == 1000
        assert store._db.connection.config_get("appendfsync") == {"appendfsync": "always"}
        with pytest.raises(QueryTimeout):
            store.read("UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*)")
        # collect() grows past 64 MB in milliseconds; a single huge range() is built
        # before the check and may outlast the socket timeout on a loaded machine
        with pytest.raises(QueryTooLarge):
            store.read("UNWIND range(1, 3000000) AS x RETURN size(collect(x)) AS n")
        secret = tmp_path / "secret.csv"
        secret.write_text("a,b\n1,2\n")
        # file:// is relative to an empty import folder: no file elsewhere can be read
        for uri in (f"file://{secret}", "file:///../redis.conf", "file:///etc/passwd"):
            with pytest.raises((StoreError, QueryRefused), match="CSV"):
                store.read(f"LOAD CSV FROM '{uri}' AS row RETURN row")
        assert (
            json.loads((settings.data_dir / "engine.json").read_text())["owner_pid"] == os.getpid()
        )
    finally:
        store.close()
