"""Shared fixtures: the graph stores the tests run on, each backend a real engine.

Every test that takes a store (`seeded_store`, `empty_store`, or a dataset built with
`dataset_store`) runs twice: on the embedded FalkorDB in a temporary folder and on a real
Neo4j 5 (tests/neo4j_server.py: NEO4J_URI, or tools/neo4j-test-server started for the
session). The Neo4j runs carry the `neo4j` marker: `pytest -m "not neo4j"` leaves them out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from policykg.graph.store import GraphStore
from policykg.graph.stores.falkordb import FalkorDBStore

from policykg.ingestion import IngestSummary, ingest_paths
from policykg.settings import Settings
from tests.neo4j_server import Datasets, DatasetStore, start_server, stop_server

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))
BACKENDS = ["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)]

Loader = Callable[[GraphStore], None]


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def load_seeds(store: GraphStore) -> None:
    summary: IngestSummary = ingest_paths(store, [CORPUS])
    assert not summary.failed, summary.failed


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def neo4j_datasets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datasets]:
    """The session's Neo4j (started on first use) and the dataset it holds."""
    data = tmp_path_factory.mktemp("neo4j")
    datasets = Datasets(start_server(data))
    try:
        datasets.open()
        yield datasets
    finally:
        datasets.close()
        stop_server(data)


@pytest.fixture(scope="session")
def dataset_store(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str, Loader], Iterator[GraphStore]]:
    """`dataset_store(name, loader)`: a store on this backend holding what loader writes
    (a fresh FalkorDB folder; on Neo4j the named dataset, loaded when first read)."""
    datasets: Datasets | None = None
    if backend == "neo4j":
        datasets = request.getfixturevalue("neo4j_datasets")

    def make(name: str, loader: Loader) -> Iterator[GraphStore]:
        if datasets is not None:
            store = datasets.store(name, loader)
            store.activate()
            yield store
            return
        store = FalkorDBStore(tmp_path_factory.mktemp(name), graph="policykg")
        store.open()
        loader(store)
        yield store
        store.close()

    return make


@pytest.fixture(scope="session")
def falkordb_seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBStore]:
    store = FalkorDBStore(tmp_path_factory.mktemp("seeded"), graph="policykg")
    store.open()
    load_seeds(store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def neo4j_seeded(neo4j_datasets: Datasets) -> DatasetStore:
    store = neo4j_datasets.store("seeds", load_seeds)
    store.activate()
    return store


@pytest.fixture(scope="session")
def seeded_store(backend: str, request: pytest.FixtureRequest) -> GraphStore:
    """One store with the five seeds, shared by read-only tests."""
    return request.getfixturevalue(f"{backend}_seeded")


@pytest.fixture
def empty_store(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[GraphStore]:
    if backend == "neo4j":
        datasets: Datasets = request.getfixturevalue("neo4j_datasets")
        store = datasets.store(f"scratch:{request.node.nodeid}", None)
        store.activate()  # cleared: the test starts on an empty graph
        yield store
        return
    store = FalkorDBStore(tmp_path / "db", graph="policykg")
    store.open()
    yield store
    store.close()


def store_env(store: GraphStore) -> dict[str, str]:
    """The environment with which `policykg` (CLI, server) opens this same store."""
    if isinstance(store, DatasetStore):
        store.activate()
        return store.datasets.server.env()
    assert isinstance(store, FalkorDBStore) and store.data_dir is not None
    return {"POLICYKG_DATA_DIR": str(store.data_dir)}


def settings_for(store: GraphStore, **extra: Any) -> Settings:
    """Settings with which the app opens this same store (and `extra` settings)."""
    return Settings(**store_env(store), **extra)


@pytest.fixture(autouse=True)
def _seeds_in_place(request: pytest.FixtureRequest) -> None:
    """On Neo4j, a test of the seeds finds them in the database even when it reaches it
    around the store object (through the app, the CLI or a server process)."""
    if "seeded_store" in request.fixturenames:
        store = request.getfixturevalue("seeded_store")
        if isinstance(store, DatasetStore):
            store.activate()
