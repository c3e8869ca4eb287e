"""FalkorDB's own search (queries/falkordb/search.cypher: candidates through the range
indexes of the texts' ideograph pairs, graph/bigrams.py, or the CONTAINS scan, with every
hit gathered in one aggregation) answers as the portable query: the same rows, order and
total for every needle, filter and page, on the seeds and on sentences written for the
test, through the index and in a store written before it, against the real embedded
FalkorDB."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from policykg.graph.bigrams import (
    BIGRAM_REL_SOURCES,
    BIGRAM_SOURCES,
    BIGRAMS,
    IDEOGRAPH_FIRST,
    IDEOGRAPH_LAST,
    search_bigrams,
)
from policykg.graph.export import to_networkx
from policykg.graph.queries import get_query
from policykg.graph.store import Statement
from policykg.graph.stores.falkordb import FalkorDBStore

SEED_NEEDLES: list[dict[str, Any]] = [
    {"q": "唯一标识"},
    {"q": "医疗器械唯一标识", "limit": 2, "offset": 1},
    {"q": "不良反应", "province": "上海市"},
    {"q": "追溯", "statement": "commitment"},
    {"q": "药品安全", "limit": 5},
    {"q": "工程"},  # programs too
    {"q": "药"},  # one character: many hits of all kinds
    {"q": "药", "limit": 7, "offset": 30},
    {"q": "UDI"},  # Latin, case-insensitive
    {"q": "udi"},
    {"q": "2025年"},
    {"q": "没有这样的词语"},
    {"q": "医疗器械", "province": "上海市", "limit": 3},
    {"q": "监管平台"},
    {"q": "UDI追溯"},  # Latin and ideographs: through the index, the Latin part lowered
]


def _answer(store: FalkorDBStore, backend: str | None, given: dict) -> list[list]:
    query = get_query("search", backend)
    return store.read(query.cypher, query.bind(given)).rows


def test_falkordb_has_its_own_version() -> None:
    variant = get_query("search", "falkordb")
    assert variant is not get_query("search") and "UNION ALL" in variant.cypher
    assert "fulltext" not in variant.cypher  # no full-text index: friso misses substrings


@pytest.mark.parametrize("given", SEED_NEEDLES, ids=lambda g: "|".join(map(str, g.values())))
def test_falkordb_version_gives_the_portable_rows_on_the_seeds(
    falkordb_seeded: FalkorDBStore, given: dict
) -> None:
    expected = _answer(falkordb_seeded, None, given)
    assert _answer(falkordb_seeded, "falkordb", given) == expected
    if given["q"] in ("唯一标识", "不良反应", "追溯", "工程", "药"):
        assert expected  # not two empty answers


# sentences written for the test: two provinces, a measure, a target and a program that
# share words, a Latin abbreviation in two cases
DOCUMENTS = {
    ("990000", "甲省", "甲省药品安全工作方案"): {
        "measures": [
            ("各级药品监督管理部门要加强疫苗生产流通全过程追溯监管。", "commitment"),
            ("推动医疗器械唯一标识（UDI）在生产、经营和使用各环节的应用。", "commitment"),
            ("近年来，全省药品监管能力明显提升，追溯体系初步建立。", "background"),
        ],
        "targets": [("药品抽检合格率", "到2025年，药品抽检合格率保持在98%以上。")],
        "programs": [("药品智慧监管平台", "建设覆盖全省的药品智慧监管平台，实现追溯数据共享。")],
    },
    ("980000", "乙省", "乙省医疗器械监管实施意见"): {
        "measures": [
            ("省药监局牵头建设医疗器械追溯监管系统，省卫生健康委配合。", "commitment"),
            ("鼓励企业在产品标签上赋予udi编码。", "commitment"),
        ],
        "targets": [("追溯覆盖率", None)],
        "programs": [("器械追溯工程", None)],
    },
}


def _write_documents(store: FalkorDBStore) -> None:
    statements = []
    for (code, province, title), parts in DOCUMENTS.items():
        doc = f"doc-{code}"
        measures = [
            {
                "id": f"{doc}-m{i}",
                "text": t,
                "statement": s,
                "start": 100 * i,
                "end": 100 * i + len(t),
            }
            for i, (t, s) in enumerate(parts["measures"])
        ]
        targets = [
            {
                "id": f"{doc}-t{i}",
                "indicator": ind,
                "text": t,
                "start": 50 + 100 * i,
                "end": 80 + 100 * i,
            }
            for i, (ind, t) in enumerate(parts["targets"])
        ]
        programs = [{"id": f"{doc}-p{i}", "name": n, "description": desc, "start": 100 * i,
                     "end": 100 * i + 10} for i, (n, desc) in enumerate(parts["programs"])]  # fmt: skip
        statements.append(Statement(
            "MERGE (p:Province {code: $code}) SET p.name = $province "
            "MERGE (d:Document {id: $doc}) SET d.title = $title, d.doc_number = $number "
            "MERGE (p)-[:ISSUED]->(d) "
            "WITH d UNWIND $measures AS row CREATE (d)-[:CONTAINS]->(:Measure {id: row.id, "
            "text: row.text, statement: row.statement, section: '二、主要任务', "
            "start: row.start, end: row.end})",
            {"code": code, "province": province, "doc": doc, "title": title,
             "number": f"{province[0]}药监〔2024〕1号", "measures": measures}))  # fmt: skip
        statements.append(Statement(
            "MATCH (d:Document {id: $doc}) UNWIND $targets AS row "
            "CREATE (d)-[:SETS]->(:Target {id: row.id, indicator: row.indicator, "
            "text: row.text, start: row.start, end: row.end})",
            {"doc": doc, "targets": targets}))  # fmt: skip
        statements.append(Statement(
            "MATCH (d:Document {id: $doc}) UNWIND $programs AS row "
            "CREATE (d)-[:ESTABLISHES {description: row.description, start: row.start, "
            "end: row.end}]->(:Program {id: row.id, name: row.name})",
            {"doc": doc, "programs": programs}))  # fmt: skip
    store.write(statements)


WRITTEN_NEEDLES: list[dict[str, Any]] = [
    {"q": "追溯"},  # measures, targets and programs of both provinces
    {"q": "追溯", "province": "乙省"},
    {"q": "追溯", "statement": "background"},  # measures only
    {"q": "追溯", "statement": "commitment"},  # measures and targets, no programs
    {"q": "追溯", "limit": 2},
    {"q": "追溯", "limit": 3, "offset": 2},
    {"q": "追溯", "offset": 99},  # past the end: no rows
    {"q": "智慧监管平台"},  # a program's name and description
    {"q": "合格率"},
    {"q": "udi"},  # both cases of the text
    {"q": "UDI", "province": "甲省"},
    {"q": "（UDI）在生产"},  # pairs 在生 and 生产 only
    {"q": "器械追溯工程"},  # a program's name only
    {"q": "追溯数据"},  # a program's description only
    {"q": "智慧监管平台", "province": "乙省"},
    {"q": "监"},
    {"q": "没有这样的词语"},
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory):
    store = FalkorDBStore(Path(tmp_path_factory.mktemp("search")) / "db", graph="policykg")
    store.open()
    try:
        _write_documents(store)  # not through the writer: no search bigrams yet
        store.ensure_schema()  # adds them, as after any load that bypassed the writer
        yield store
    finally:
        store.close()


@pytest.mark.parametrize("given", WRITTEN_NEEDLES, ids=lambda g: "|".join(map(str, g.values())))
def test_falkordb_version_gives_the_portable_rows_on_written_sentences(
    written: FalkorDBStore, given: dict
) -> None:
    expected = _answer(written, None, given)
    assert _answer(written, "falkordb", given) == expected


def test_written_sentences_answer_what_they_hold(written: FalkorDBStore) -> None:
    """The comparison above is not between two wrong answers: kinds, order and total."""
    query = get_query("search", "falkordb")
    rows = written.read(query.cypher, query.bind({"q": "追溯"})).records()
    assert [(r["province"], r["kind"]) for r in rows] == [
        ("乙省", "measure"),
        ("乙省", "program"),
        ("乙省", "target"),
        ("甲省", "measure"),
        ("甲省", "program"),
        ("甲省", "measure"),
    ]  # by province, document, start, kind: the program starts at 0 too
    assert {r["total"] for r in rows} == {6}
    page = written.read(query.cypher, query.bind({"q": "追溯", "limit": 2, "offset": 4})).records()
    assert [r["id"] for r in page] == [r["id"] for r in rows[4:6]] and page[0]["total"] == 6
    udi = written.read(query.cypher, query.bind({"q": "UDI"})).records()
    assert sorted(r["id"] for r in udi) == ["doc-980000-m1", "doc-990000-m1"]


def _pairs_in_query(needle: str, store: FalkorDBStore) -> list[str]:
    """The needle's pairs as queries/falkordb/search.cypher takes them (its own text)."""
    cypher = get_query("search", "falkordb").cypher
    found = re.search(r"\nWITH needle, uncased, (\[i IN .*?\]) AS pairs\n", cypher, re.S)
    assert found, "the query no longer takes its pairs as this test reads them"
    return store.read(f"WITH $q AS needle RETURN {found[1]}", {"q": needle}).rows[0][0]


@pytest.mark.parametrize(
    "needle",
    ["追溯", "医疗器械唯一标识", "（UDI）在生产", "药", "UDI", "2025年", "", "a药品b监管",
     IDEOGRAPH_FIRST * 2 + IDEOGRAPH_LAST * 2, "\u33ff\u3400\u3401\ua000\u9fff",
     "\U00020000\U00020001药品", "药\uf900\uf901"],
)  # fmt: skip
def test_query_takes_the_pairs_graph_bigrams_stores(written: FalkorDBStore, needle: str) -> None:
    """One rule in two languages: the query's pairs of a needle are graph/bigrams.py's."""
    assert sorted(set(_pairs_in_query(needle, written))) == search_bigrams(needle)


def _profile(store: FalkorDBStore, given: dict) -> list[str]:
    from policykg.graph.stores.falkordb import params_header

    query = get_query("search", "falkordb")
    text = params_header(query.bind(given)) + query.cypher
    out = store._db.connection.execute_command("GRAPH.PROFILE", store.graph_name, text)
    return [line.decode() if isinstance(line, bytes) else line for line in out]


def _records(profile: list[str], operation: str) -> list[int]:
    return [int(re.search(r"Records produced: (\d+)", line)[1])  # type: ignore[index]
            for line in profile if operation in line]  # fmt: skip


def test_a_needle_with_a_pair_finds_its_candidates_through_the_indexes(
    written: FalkorDBStore,
) -> None:
    profile = _profile(written, {"q": "追溯"})
    for scan in ("(m:Measure)", "(g:Target)", "(prog:Program)"):
        assert sum(_records(profile, f"Node By Index Scan | {scan}")) > 0, scan
    assert sum(_records(profile, "Edge By Index Scan | [e:ESTABLISHES]")) > 0
    assert not any(_records(profile, "Label Scan"))  # no scan of a label produced a row
    assert not any(_records(profile, "All Node Scan"))
    # one character: no pair, the scan as before
    assert sum(_records(_profile(written, {"q": "监"}), "Node By Label Scan")) > 0


def test_the_writer_stores_the_pairs_and_exports_leave_them_out(
    falkordb_seeded: FalkorDBStore,
) -> None:
    for label, fields in BIGRAM_SOURCES.items():
        got = falkordb_seeded.read(
            f"MATCH (n:{label}) RETURN n.{BIGRAMS}, {', '.join(f'n.{f}' for f in fields)}"
        ).rows
        assert got and all(row[0] == search_bigrams(*row[1:]) for row in got), label
    for rtype, fields in BIGRAM_REL_SOURCES.items():
        got = falkordb_seeded.read(
            f"MATCH ()-[r:{rtype}]->() RETURN r.{BIGRAMS}, {', '.join(f'r.{f}' for f in fields)}"
        ).rows
        assert got and all(row[0] == search_bigrams(*row[1:]) for row in got), rtype
    graph = to_networkx(falkordb_seeded)
    assert not any(BIGRAMS in data for _, data in graph.nodes(data=True))
    assert not any(BIGRAMS in data for _, _, data in graph.edges(data=True))


BIGRAM_INDEXES = [*(f"(n:{label}) ON (n.{BIGRAMS})" for label in BIGRAM_SOURCES),
                  *(f"()-[n:{t}]-() ON (n.{BIGRAMS})" for t in BIGRAM_REL_SOURCES)]  # fmt: skip


def test_a_store_written_before_the_pairs_answers_the_same_and_gets_them(
    tmp_path: Path,
) -> None:
    """A store without the pairs and their indexes (written before them) scans, with the
    same answers; ensure_schema gives every node and relationship its pairs, then the
    indexes, and the answers stay the same, now through the indexes."""
    store = FalkorDBStore(tmp_path / "db", graph="policykg")
    store.open()
    try:
        _write_documents(store)  # no pairs; the indexes ensure_schema made on open go:
        for index in BIGRAM_INDEXES:
            store._writer.query(f"DROP INDEX FOR {index}")
        expected = {i: _answer(store, None, g) for i, g in enumerate(WRITTEN_NEEDLES)}
        assert all(expected[i] == _answer(store, "falkordb", g)
                   for i, g in enumerate(WRITTEN_NEEDLES))  # fmt: skip
        assert not any(_records(_profile(store, {"q": "追溯"}), "Index Scan | ("))
        store.ensure_schema()
        lacking = (
            store.read(
                f"MATCH (n) WHERE (n:Measure OR n:Target OR n:Program) AND n.{BIGRAMS} IS NULL "
                f"RETURN count(n)"
            ).rows[0][0]
            + store.read(
                f"MATCH ()-[r:ESTABLISHES]->() WHERE r.{BIGRAMS} IS NULL RETURN count(r)"
            ).rows[0][0]
        )
        assert lacking == 0
        assert all(expected[i] == _answer(store, "falkordb", g)
                   for i, g in enumerate(WRITTEN_NEEDLES))  # fmt: skip
        assert sum(_records(_profile(store, {"q": "追溯"}), "Node By Index Scan")) > 0
    finally:
        store.close()
