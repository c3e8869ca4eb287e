"""The same corpus in both engines gives the same graph and the same answers.

data/corpus is ingested into the embedded FalkorDB and into a real Neo4j (conftest's
session stores); `policykg stats --json` must print the same counts for both, and every
named query, run with its example parameters, must return the same rows (sorted: row
order is only defined where a query says ORDER BY, and ties may fall either way).

Lists inside a row are compared as sorted too: the order of collect() and of pattern
comprehensions is the engine's own (Neo4j and FalkorDB walk relationships differently),
and the named queries do not promise one.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from policykg.graph.queries import enum_values, get_query, registry
from typer.testing import CliRunner

from policykg.cli import app
from policykg.settings import get_settings
from tests.conftest import store_env

pytestmark = pytest.mark.neo4j


def text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def canonical(row: list[Any]) -> str:
    """A row (its columns in place) with the lists in its values sorted."""
    return text([unordered(v) for v in row])


def unordered(value: Any) -> Any:
    """Lists at any depth sorted (by their canonical text), maps kept."""
    if isinstance(value, list):
        return sorted((unordered(v) for v in value), key=text)
    if isinstance(value, dict):
        return {k: unordered(v) for k, v in value.items()}
    return value


def stats_json(store, monkeypatch: pytest.MonkeyPatch) -> dict:
    with monkeypatch.context() as m:
        for key in ("NEO4J_URI", "POLICYKG_DATA_DIR"):
            m.delenv(key, raising=False)
        for key, value in store_env(store).items():
            m.setenv(key, value)
        get_settings.cache_clear()
        result = CliRunner().invoke(app, ["stats", "--json"])
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_stats_are_the_same(falkordb_seeded, neo4j_seeded, monkeypatch) -> None:
    falkordb = stats_json(falkordb_seeded, monkeypatch)
    neo4j = stats_json(neo4j_seeded, monkeypatch)
    assert falkordb["nodes"]["Document"] == 5
    assert neo4j == falkordb


@pytest.mark.parametrize("name", sorted(registry()))
def test_named_query_rows_are_the_same(name: str, falkordb_seeded, neo4j_seeded) -> None:
    query = get_query(name)
    params = query.bind(query.example, enum_values)
    answers = []
    for store in (falkordb_seeded, neo4j_seeded):
        result = store.read(query.cypher, params, timeout_ms=60_000)
        answers.append((result.columns, sorted(canonical(row) for row in result.rows)))
    (f_cols, f_rows), (n_cols, n_rows) = answers
    assert n_cols == f_cols
    assert len(n_rows) == len(f_rows)
    assert n_rows == f_rows
