"""FalkorDB's own search (queries/falkordb/search.cypher: the CONTAINS scan with every hit
gathered in one aggregation) answers as the portable query: the same rows, order and total
for every needle, filter and page, on the seeds and on sentences written for the test,
against the real embedded FalkorDB."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
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
]


def _answer(store: FalkorDBStore, backend: str | None, given: dict) -> list[list]:
    query = get_query("search", backend)
    return store.read(query.cypher, query.bind(given)).rows


def test_falkordb_has_its_own_version() -> None:
    variant = get_query("search", "falkordb")
    assert variant is not get_query("search") and "UNION ALL" in variant.cypher
    assert "fulltext" not in variant.cypher  # a scan: no index to miss a hit


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
    {"q": "监"},
    {"q": "没有这样的词语"},
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory):
    store = FalkorDBStore(Path(tmp_path_factory.mktemp("search")) / "db", graph="policykg")
    store.open()
    try:
        _write_documents(store)
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
