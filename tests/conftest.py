"""Shared fixtures: a real embedded FalkorDB in a temporary folder, loaded with the seeds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from policykg.graph.stores.falkordb import FalkorDBStore

from policykg.ingestion import IngestSummary, ingest_paths

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBStore]:
    """One store with the five seeds, shared by read-only tests."""
    store = FalkorDBStore(tmp_path_factory.mktemp("seeded"), graph="policykg")
    store.open()
    summary: IngestSummary = ingest_paths(store, [CORPUS])
    assert not summary.failed, summary.failed
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[FalkorDBStore]:
    store = FalkorDBStore(tmp_path / "db", graph="policykg")
    store.open()
    yield store
    store.close()
