"""Search on FalkorDB through a full-text index of bigrams (graph/grams.py) answers as the
portable CONTAINS scan: the same rows, order and total for every needle, filter and page,
on the seeds and on sentences written for the test; the candidates do come from the index;
a store written without bigrams gets them when the index is made; exports leave them out."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from policykg.graph.export import to_networkx
from policykg.graph.grams import GRAM_SOURCES, GRAMS, search_grams
from policykg.graph.queries import get_query
from policykg.graph.store import Statement
from policykg.graph.stores.falkordb import FalkorDBStore

NEEDLES: list[dict[str, Any]] = [
    {"q": "唯一标识"},
    {"q": "医疗器械唯一标识", "limit": 2, "offset": 1},
    {"q": "不良反应", "province": "上海市"},
    {"q": "追溯", "statement": "commitment"},
    {"q": "药品安全", "limit": 5},
    {"q": "工程"},  # programs too (their descriptions are scanned)
    {"q": "药"},  # one character: scanned
    {"q": "UDI"},  # Latin, case-insensitive: scanned
    {"q": "udi"},
    {"q": "2025年"},  # digits: scanned
    {"q": "没有这样的词语"},
]


def _operational(store: FalkorDBStore) -> None:
    """Wait until FalkorDB has filled the indexes (it does so in the background)."""
    for _ in range(100):
        rows = store.read("CALL db.indexes() YIELD label, status RETURN label, status").rows
        if all(status == "OPERATIONAL" for label, status in rows if label in GRAM_SOURCES):
            return
        time.sleep(0.1)
    raise AssertionError("the full-text indexes did not become operational")


def _answer(store: FalkorDBStore, backend: str | None, given: dict) -> list[list]:
    query = get_query("search", backend)
    return store.read(query.cypher, query.bind(given)).rows


def test_search_grams_are_the_bigrams_of_each_cjk_run() -> None:
    assert search_grams("加强UDI监管，推进追溯") == "加强 推进 监管 进追 追溯"
    assert search_grams("药品", None, "药品监管") == "品监 监管 药品"  # distinct, sorted
    assert search_grams("A药B", "") == ""  # no two adjacent ideographs
    assert search_grams("甲乙", "丙丁") == "丙丁 甲乙"  # no bigram across two texts


def test_the_writer_stores_the_bigrams_of_every_measure_and_target(falkordb_seeded) -> None:
    for label, fields in GRAM_SOURCES.items():
        props = ", ".join(f"n.{f}" for f in fields)
        rows = falkordb_seeded.read(f"MATCH (n:{label}) RETURN n.{GRAMS}, {props}").rows
        assert rows
        for grams, *texts in rows:
            assert grams == search_grams(*texts)


@pytest.mark.parametrize("given", NEEDLES, ids=lambda g: "|".join(map(str, g.values())))
def test_falkordb_version_gives_the_portable_rows(falkordb_seeded, given: dict) -> None:
    variant = get_query("search", "falkordb")
    assert variant is not get_query("search") and "db.idx.fulltext.queryNodes" in variant.cypher
    _operational(falkordb_seeded)
    expected = _answer(falkordb_seeded, None, given)
    assert _answer(falkordb_seeded, "falkordb", given) == expected
    if given["q"] in ("唯一标识", "不良反应", "追溯", "工程", "药"):
        assert expected  # not two empty answers


def _write(store: FalkorDBStore, texts: list[str], grams: bool = True) -> None:
    rows = [{"id": f"m{i}", "text": t, "grams": search_grams(t) if grams else None}
            for i, t in enumerate(texts)]  # fmt: skip
    store.write([Statement(
        "MERGE (p:Province {code: '990000'}) SET p.name = '测试省' "
        "MERGE (d:Document {id: 'doc'}) SET d.title = '测试文件' MERGE (p)-[:ISSUED]->(d) "
        "WITH d UNWIND $rows AS row CREATE (d)-[:CONTAINS]->(m:Measure {id: row.id, "
        "text: row.text, statement: 'commitment', start: 0}) SET m.grams = row.grams",
        {"rows": rows})])  # fmt: skip


SENTENCES = [
    "各级药品监督管理部门要加强疫苗生产流通全过程追溯监管。",
    "推动医疗器械唯一标识在监管、生产、经营和使用各环节的应用。",
    "省药监局牵头建设药品智慧监管平台，市场监管局配合。",
    "到2025年，药品抽检合格率保持在98%以上。",
]


def test_candidates_come_from_the_index(tmp_path: Path) -> None:
    store = FalkorDBStore(tmp_path / "db", graph="policykg")
    store.open()
    try:
        _write(store, SENTENCES)
        _operational(store)
        for q in ("追溯监管", "唯一标识", "监管", "智慧监管平台", "合格率", "2025"):
            expected = _answer(store, None, {"q": q})
            assert _answer(store, "falkordb", {"q": q}) == expected and expected, q
        # a measure whose bigrams the index does not hold is not a candidate: the variant
        # misses it where the scan finds it (so the index is what finds them)
        store.write([Statement("MATCH (m:Measure {id: 'm1'}) SET m.grams = ''")])
        _operational(store)
        assert [r[-2] for r in _answer(store, None, {"q": "唯一标识"})] == ["m1"]
        assert _answer(store, "falkordb", {"q": "唯一标识"}) == []
        assert _answer(store, "falkordb", {"q": "UDI唯一标识"}) == []  # scanned: no such text
    finally:
        store.close()


def test_a_store_without_bigrams_gets_them_when_the_index_is_made(tmp_path: Path) -> None:
    store = FalkorDBStore(tmp_path / "db", graph="policykg")
    store.open()
    try:
        # as a store of an earlier version: no bigram index (dropped as ensure_schema drops
        # an outdated one; a procedure cannot go through store.write's CALL {} units)
        store._writer.query("CALL db.idx.fulltext.drop('Measure')")
        _write(store, SENTENCES, grams=False)
        assert store.read("MATCH (m:Measure) WHERE m.grams IS NULL RETURN count(m)").rows == [
            [len(SENTENCES)]
        ]
        store.ensure_schema()
        _operational(store)
        assert store.read("MATCH (m:Measure) WHERE m.grams IS NULL RETURN count(m)").rows == [[0]]
        for q in ("追溯监管", "唯一标识", "监管"):
            expected = _answer(store, None, {"q": q})
            assert _answer(store, "falkordb", {"q": q}) == expected and expected, q
        graph = to_networkx(store)
        assert not any(GRAMS in data for _, data in graph.nodes(data=True))
        [[node]] = store.read(
            "MATCH (m:Measure {id: 'm0'}) RETURN m"
        ).rows  # a node as rows hold it
        assert node["text"] == SENTENCES[0] and GRAMS not in node
    finally:
        store.close()
