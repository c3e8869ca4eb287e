"""Durability with real processes (issue 11.3): `stats --fingerprint` hashes the whole
graph; an ingest killed with SIGKILL at any moment and run again gives the graph of a
clean run; what an ingest reported is on disk even if every process of the store is
killed with SIGKILL right after."""

from __future__ import annotations

import json
import random
import shutil
import time
from pathlib import Path

import pytest
import redis

from tests.engine.procs import ROOT, engine_pids, fingerprint, kill9_engines, run, serving, start

SOURCES = [str(ROOT / "data" / "corpus"), *sorted(
    str(p) for p in (ROOT / "tests" / "heldout").iterdir() if p.suffix in (".txt", ".html")
)]  # fmt: skip


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """One uninterrupted ingest of the corpus and the held-out documents; its fingerprint."""
    folder = tmp_path_factory.mktemp("clean") / "data"
    started = time.monotonic()
    done = run(folder, "ingest", *SOURCES)
    assert done.returncode == 0, done.stderr
    return folder, {"fingerprint": fingerprint(folder), "seconds": time.monotonic() - started}


def test_fingerprint_is_stable_and_sees_every_change(clean: tuple[Path, dict], tmp_path: Path):
    folder, expected = clean
    assert expected["fingerprint"]["nodes"] > 0 and expected["fingerprint"]["relationships"] > 0
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    assert fingerprint(copy) == expected["fingerprint"]  # a property is changed below
    from policykg.graph.store import Statement
    from policykg.graph.stores.falkordb import FalkorDBStore

    store = FalkorDBStore(copy)
    store.open()
    try:
        store.write([Statement("MATCH (d:Document) WITH d LIMIT 1 SET d.title = d.title + '.'")])
    finally:
        store.close()
    assert fingerprint(copy)["sha256"] != expected["fingerprint"]["sha256"]


def test_ingest_killed_at_any_moment_then_rerun_gives_the_clean_graph(
    clean: tuple[Path, dict], tmp_path: Path
) -> None:
    """SIGKILL the ingest (and, every other trial, its embedded server too) at random
    moments over the whole run; the next ingest completes the same graph."""
    _, expected = clean
    rng = random.Random(11)
    span = max(expected["seconds"], 2.0)
    for trial in range(3):
        folder = tmp_path / f"trial{trial}"
        proc = start(folder, "ingest", *SOURCES)
        time.sleep(rng.uniform(0.5, span))
        proc.kill()
        proc.wait()
        if trial % 2:
            kill9_engines(folder)
        done = run(folder, "ingest", *SOURCES)
        assert done.returncode == 0, (trial, done.stderr)
        assert fingerprint(folder) == expected["fingerprint"], trial
        assert not engine_pids(folder), "an embedded server outlived the ingest"


def test_what_ingest_reported_survives_kill_9_of_every_store_process(
    clean: tuple[Path, dict], tmp_path: Path
) -> None:
    """`serve` owns the embedded server, `ingest` writes through it and exits 0: then
    serve and its redis-server are killed with SIGKILL at once, and the store is opened
    again: every document is there (appendfsync always: fsynced before the reply)."""
    _, expected = clean
    folder = tmp_path / "data"
    with serving(folder) as (proc, _):
        owner = json.loads((folder / "engine.json").read_text())
        engine = redis.Redis(unix_socket_path=owner["socket"], decode_responses=True)
        assert engine.config_get("appendonly") == {"appendonly": "yes"}
        assert engine.config_get("appendfsync") == {"appendfsync": "always"}
        engine.close()
        done = run(folder, "ingest", *SOURCES)
        assert done.returncode == 0, done.stderr
        proc.kill()
        kill9_engines(folder)
        proc.wait()
    assert fingerprint(folder) == expected["fingerprint"]
