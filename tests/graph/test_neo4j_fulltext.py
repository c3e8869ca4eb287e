"""Search on Neo4j asks its full-text index (issue 12.3) and answers as the portable query.

queries/neo4j/api_search.cypher finds measures and targets through the `cjk` full-text
index evidence_text and keeps the portable query's contract: for any terms, its rows on
Neo4j are the rows the portable api_search gives on FalkorDB. queries/neo4j/search.cypher
does the same for `search` where q is two or more Chinese characters (and scans otherwise). Without the index it cannot
run (so it does use it), and `ensure_schema` makes an index of an earlier shape anew.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policykg.api.routers.search import indexable
from policykg.graph.queries import engine_variants, get_query, registry
from policykg.graph.store import Statement
from policykg.graph.stores.neo4j import FULLTEXT_INDEX, FULLTEXT_PROPERTIES

from policykg.errors import InputError, StoreError
from tests.graph.test_cross_engine import canonical

TERMS = [
    {"terms": ["追溯", "唯一标识"]},
    {"terms": ["UDI", "udi", "Udi"]},
    {"terms": ["不良反应", "监测"], "province": "上海市"},
    {"terms": ['引号"与\\反斜杠', "追溯"]},  # Lucene's special characters stay inside a phrase
    {"terms": ["没有这样的词语"]},
    {"terms": []},
]


def rows(store, cypher: str, params: dict) -> list[str]:
    return sorted(canonical(r) for r in store.read(cypher, params, timeout_ms=60_000).rows)


@pytest.mark.neo4j
@pytest.mark.parametrize("given", TERMS, ids=lambda g: "|".join(g["terms"]) or "none")
def test_neo4j_version_gives_the_portable_rows(given, falkordb_seeded, neo4j_seeded) -> None:
    portable, neo4j = get_query("api_search"), get_query("api_search", "neo4j")
    assert neo4j is not portable and "db.index.fulltext.queryNodes" in neo4j.cypher
    params = portable.bind(given)
    expected = rows(falkordb_seeded, portable.cypher, params)
    assert rows(neo4j_seeded, neo4j.cypher, params) == expected
    if given["terms"][:1] == ["追溯"]:
        assert expected  # the comparison is not between two empty answers


@pytest.mark.neo4j
def test_the_index_is_what_finds_them_and_an_old_one_is_made_anew(neo4j_datasets) -> None:
    store = neo4j_datasets.store("scratch:fulltext", None)
    store.activate()
    query = get_query("api_search", "neo4j")
    params = query.bind({"terms": ["追溯"]})
    store.write([Statement("CREATE (:Province {name: '甲省'})-[:ISSUED]->(:Document {id: 'd'})"
                           "-[:CONTAINS]->(:Measure {id: 'm', text: '建立药品追溯体系'})")])  # fmt: skip
    assert [r["id"] for r in store.read(query.cypher, params).records()] == ["m"]
    try:
        # an index of an earlier version: other properties, same name
        store.write([Statement(f"DROP INDEX {FULLTEXT_INDEX}")])
        with pytest.raises(StoreError):
            store.read(query.cypher, params)
        store.write([Statement(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} FOR (n:Measure) ON EACH [n.text]")])  # fmt: skip
    finally:
        store.ensure_schema()
    shape = store.read(
        "SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = $n RETURN properties",
        {"n": FULLTEXT_INDEX},
    ).records()
    assert sorted(shape[0]["properties"]) == sorted(FULLTEXT_PROPERTIES)
    assert [r["id"] for r in store.read(query.cypher, params).records()] == ["m"]


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (["追溯", "唯一标识"], True),
        (["UDI", "udi"], True),
        (["药"], False),  # one character: the index holds bigrams
        (["2025年"], False),  # digits and CJK in one term are two tokens there
        (["GMP", "the"], False),  # an English stop word is not indexed
        (["ab"], False),
        ([], False),
    ],
)
def test_which_terms_the_index_can_answer(terms: list[str], expected: bool) -> None:
    assert indexable(terms) is expected


def test_an_engine_version_must_keep_name_and_params(tmp_path: Path) -> None:
    portable = registry()["api_search"]
    (tmp_path / "api_search.cypher").write_text(Path(portable.path).read_text("utf-8"), "utf-8")
    (tmp_path / "neo4j").mkdir()
    changed = Path(portable.path).read_text("utf-8").replace("cap (int, default 2000)", "cap (int)")
    (tmp_path / "neo4j" / "api_search.cypher").write_text(changed, "utf-8")
    with pytest.raises(InputError, match=r"neo4j/api_search\.cypher.*params"):
        engine_variants("neo4j", str(tmp_path))
    assert set(engine_variants("neo4j")) <= set(registry())


SEARCHES = [
    {"q": "追溯"},  # through the index
    {"q": "唯一标识", "limit": 3, "offset": 1},
    {"q": "监管", "province": "上海市"},
    {"q": "监管", "statement": "commitment"},
    {"q": "药"},  # one character: scanned
    {"q": "cma"},  # Latin: scanned, case-insensitive
    {"q": "2025年"},  # mixed scripts: scanned
    {"q": "没有这样的词语"},
]


@pytest.mark.neo4j
@pytest.mark.parametrize("given", SEARCHES, ids=lambda g: "|".join(map(str, g.values())))
def test_neo4j_search_gives_the_portable_answer(given, falkordb_seeded, neo4j_seeded) -> None:
    """`search` on Neo4j (queries/neo4j/search.cypher) asks the index for two or more
    Chinese characters and scans otherwise; its page, order and total are the portable
    query's on FalkorDB."""
    portable, neo4j = get_query("search"), get_query("search", "neo4j")
    assert neo4j is not portable and "db.index.fulltext.queryNodes" in neo4j.cypher
    params = portable.bind(given)
    expected = falkordb_seeded.read(portable.cypher, params).rows
    got = neo4j_seeded.read(neo4j.cypher, params, timeout_ms=60_000).rows
    assert [canonical(r) for r in got] == [canonical(r) for r in expected]
    if given["q"] in ("追溯", "监管", "药", "cma"):
        assert expected  # the comparison is not between two empty answers


@pytest.mark.neo4j
def test_neo4j_search_finds_through_the_index(neo4j_datasets) -> None:
    """Without the index the Chinese search cannot run: it is what finds the texts."""
    store = neo4j_datasets.store("scratch:fulltext_search", None)
    store.activate()
    query = get_query("search", "neo4j")
    store.write([Statement("CREATE (:Province {name: '甲省'})-[:ISSUED]->(:Document {id: 'd'})"
                           "-[:CONTAINS]->(:Measure {id: 'm', text: '建立药品追溯体系'})")])  # fmt: skip
    assert [r["id"] for r in store.read(query.cypher, query.bind({"q": "追溯"})).records()] == ["m"]
    try:
        store.write([Statement(f"DROP INDEX {FULLTEXT_INDEX}")])
        with pytest.raises(StoreError):
            store.read(query.cypher, query.bind({"q": "追溯"}))
        # a Latin needle scans: no index needed
        assert store.read(query.cypher, query.bind({"q": "xyz"})).rows == []
    finally:
        store.ensure_schema()
