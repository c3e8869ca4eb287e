"""A real Neo4j for the test suite, and named datasets on its one user database.

The server: NEO4J_URI if it is set (the suite clears that database: point it at a scratch
server), else tools/neo4j-test-server started in a temporary folder for the session (needs
a JDK and Maven). When neither is possible the Neo4j tests are skipped, unless
POLICYKG_REQUIRE_NEO4J=1 (as in CI), which makes that a failure.

Neo4j Community has one user database, so the tests' graphs (the seeds, a hand-built
graph, an empty graph per test) take turns on it: a `DatasetStore` is a Neo4jStore bound to
one dataset, and before each of its reads and writes the database is made to hold that
dataset (cleared and loaded again if another dataset was there). Loading the seeds takes a
few seconds, so tests are grouped by backend and dataset as pytest orders them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import pytest
from policykg.graph.store import QueryResult, Statement
from policykg.graph.stores.neo4j import Neo4jStore

from tools import neo4j_server as tool
from tools.neo4j_server import ROOT, TOOL, Server

__all__ = ["ROOT", "TOOL", "Server", "Datasets", "DatasetStore", "start_server", "stop_server"]

REQUIRE = os.environ.get("POLICYKG_REQUIRE_NEO4J", "") not in ("", "0")

# Read once, then removed from the environment: with NEO4J_URI set, Settings() would pick
# Neo4j for every test, the FalkorDB ones included.
EXTERNAL = {f"NEO4J_{k}": os.environ.pop(f"NEO4J_{k}", None) for k in tool.ENV_KEYS}


def unavailable(reason: str) -> NoReturn:
    if REQUIRE:
        pytest.fail(f"Neo4j is required (POLICYKG_REQUIRE_NEO4J=1) but {reason}", pytrace=False)
    pytest.skip(f"no Neo4j: {reason}")


def start_server(data: Path) -> Server:
    """NEO4J_URI's server, else tools/neo4j-test-server started with its data in `data`."""
    external = tool.from_env(EXTERNAL)
    if external is not None:
        return external
    try:
        return tool.start_server(data)
    except tool.Neo4jUnavailable as e:
        unavailable(f"{e} (NEO4J_URI is not set either)")


def stop_server(data: Path) -> None:
    if not EXTERNAL["NEO4J_URI"]:
        tool.stop_server(data)


Loader = Callable[[Neo4jStore], None]


class Datasets:
    """Which dataset the database holds now; switching clears it and loads the other."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.raw = Neo4jStore(server.uri, server.user, server.password, server.database)
        self.current: str | None = None
        self._left: set[str] = set()  # scratch datasets already replaced by another one

    def open(self) -> None:
        self.raw.open()
        self.clear()
        self.raw.ensure_schema()  # constraints before any load, as `policykg ingest` does

    def close(self) -> None:
        self.raw.close()

    def clear(self) -> None:
        # Schema (constraints, indexes) stays: it is the same for every dataset.
        self.raw.write([Statement("MATCH (n) DETACH DELETE n")])

    def use(self, name: str, loader: Loader | None) -> None:
        if self.current == name:
            return
        if name in self._left and loader is None:
            raise RuntimeError(
                f"dataset {name!r} was replaced by {self.current!r} while still in use: one "
                "test uses two Neo4j datasets at once, which one database cannot hold"
            )
        if self.current is not None:
            self._left.add(self.current)
        self.clear()
        self.current = None
        if loader is not None:
            loader(self.raw)
        self.current = name

    def store(self, name: str, loader: Loader | None = None) -> DatasetStore:
        return DatasetStore(self, name, loader)


class DatasetStore(Neo4jStore):
    """A Neo4jStore on the shared driver that makes the database hold its dataset first."""

    def __init__(self, datasets: Datasets, name: str, loader: Loader | None) -> None:
        raw = datasets.raw
        super().__init__(raw.uri, raw.user, raw._password, raw.database)
        self._driver = raw._driver
        self.datasets, self.name, self.loader = datasets, name, loader

    def __repr__(self) -> str:
        return f"DatasetStore({self.name!r} on {self.uri})"

    def open(self) -> None:  # the driver is the session's
        pass

    def close(self) -> None:
        pass

    def activate(self) -> None:
        self.datasets.use(self.name, self.loader)

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        self.activate()
        return super().read(cypher, params, timeout_ms=timeout_ms, max_rows=max_rows)

    def write(self, statements: list[Statement]) -> None:
        self.activate()
        super().write(statements)

    def ensure_schema(self) -> None:
        self.activate()
        super().ensure_schema()
