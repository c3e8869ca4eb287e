"""Extraction in worker processes gives the same graph as in-process ingestion (issue 14.3)."""

from __future__ import annotations

import shutil
from pathlib import Path

from policykg.graph.fingerprint import graph_fingerprint
from policykg.graph.stores.falkordb import FalkorDBStore

from policykg.ingestion import AUTO_PARALLEL_MIN_FILES, ingest_paths, worker_count
from tests.conftest import CORPUS


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(CORPUS, folder)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")  # fails in the reader
    return folder


def _ingest(tmp_path: Path, name: str, docs: Path, jobs: int):
    store = FalkorDBStore(tmp_path / name, graph="policykg")
    store.open()
    try:
        first = ingest_paths(store, [docs], jobs=jobs)
        again = ingest_paths(store, [docs], jobs=jobs)
        return first, again, graph_fingerprint(store)
    finally:
        store.close()


def test_workers_give_the_same_graph_and_the_same_summary(tmp_path: Path) -> None:
    docs = _corpus(tmp_path)
    serial, serial_again, serial_print = _ingest(tmp_path, "serial", docs, jobs=1)
    pooled, pooled_again, pooled_print = _ingest(tmp_path, "pooled", docs, jobs=2)
    assert pooled_print == serial_print
    assert pooled.as_dict() == serial.as_dict()
    assert len(pooled.added) == 5 and [p for p, _ in pooled.failed] == [str(docs / "broken.pdf")]
    assert len(pooled_again.unchanged) == 5 and pooled_again.as_dict() == serial_again.as_dict()


def test_worker_count() -> None:
    assert worker_count(1, 100) == 1
    assert worker_count(4, 2) == 2
    assert worker_count(0, AUTO_PARALLEL_MIN_FILES - 1) == 1
    assert worker_count(0, 1000) >= 1
