"""Bulk load (issue 12.5): the neo4j-admin CSV export imported by Neo4j's own import tool.

The seeds' graph in FalkorDB → `policykg export --format neo4j-csv` → the export's own
`import.sh`, run with `neo4j-admin database import full` from the Maven jars of the test
server (`tools/neo4j-test-server admin`) into an empty database → that database served by
the test server: the same whole-graph fingerprint (every node, relationship and typed
property), and after `ensure_schema` the same rows for every named query.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from policykg.graph.queries import enum_values, registry
from policykg.graph.stores.neo4j import Neo4jStore

from tests.conftest import store_env
from tests.graph.test_cross_engine import canonical
from tests.neo4j_server import EXTERNAL, ROOT, TOOL, start_server, stop_server

pytestmark = pytest.mark.neo4j


def policykg(env: dict[str, str], *args: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "FALKORDB_URL")}
    done = subprocess.run(
        [sys.executable, "-c", "from policykg.cli import app; app()", *args],
        cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_neo4j_admin_import_of_the_csv_export_gives_the_same_graph(
    falkordb_seeded, tmp_path: Path
) -> None:
    if EXTERNAL["NEO4J_URI"]:
        pytest.skip(
            "the import writes a database folder: needs tools/neo4j-test-server, not NEO4J_URI"
        )
    source = store_env(falkordb_seeded)
    out = tmp_path / "csv"
    policykg(source, "export", "--format", "neo4j-csv", "--output", str(out))
    home = tmp_path / "neo4j"
    done = subprocess.run(
        ["sh", str(out / "import.sh")],
        env={**os.environ, "NEO4J_ADMIN": f"{TOOL} admin --data {home}"},
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "IMPORT DONE" in done.stdout

    server = start_server(home)
    try:
        target = server.env()
        expected = policykg(source, "stats", "--fingerprint").split()[0]
        assert policykg(target, "stats", "--fingerprint").split()[0] == expected
        assert policykg(target, "stats", "--json") == policykg(source, "stats", "--json")

        store = Neo4jStore(server.uri, server.user, server.password, server.database)
        store.open()
        try:
            store.ensure_schema()  # constraints and indexes after a bulk load, as the README says
            names = {r["name"] for r in store.read("SHOW CONSTRAINTS YIELD name", {}).records()}
            assert names and all(n in str(store.schema_statements()) for n in names)

            for query in registry().values():  # every named query, rows as the cross-engine check
                params = query.bind(query.example, enum_values)
                got = [sorted(canonical(r) for r in x.read(query.cypher, params).rows)
                       for x in (store, falkordb_seeded)]  # fmt: skip
                assert got[0] == got[1], query.name
        finally:
            store.close()
    finally:
        stop_server(home)
