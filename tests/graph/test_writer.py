"""The writer on the real embedded FalkorDB: idempotent, replace-whole, nothing half-written."""

from __future__ import annotations

import shutil
from pathlib import Path

from policykg.graph.model import record_to_graph
from policykg.graph.store import Statement
from policykg.graph.writer import write_document
from policykg.ingest.pipeline import extract_file

from policykg.ingestion import graph_stats, ingest_paths
from tests.conftest import CORPUS, seed


def test_seeds_load_with_every_label(seeded_store):
    """The graph holds exactly what the records say: every measure and target, once."""
    records = [extract_file(p) for p in sorted(CORPUS.glob("*.txt"))]
    stats = graph_stats(seeded_store)
    assert stats["nodes"]["Document"] == 5
    assert stats["nodes"]["Province"] == 34
    assert stats["nodes"]["Measure"] == sum(len(r.measures) for r in records)
    assert stats["nodes"]["Target"] == sum(len(r.targets) for r in records)
    assert stats["relationships"]["CONTAINS"] == stats["nodes"]["Measure"]
    assert stats["relationships"]["SETS"] == stats["nodes"]["Target"]
    for rel in (
        "ISSUED",
        "RESPONSIBLE",
        "BELONGS_TO",
        "DIVISION_OF",
        "ADDRESSES",
        "TRACKS",
        "CITES",
    ):
        assert stats["relationships"][rel] > 0, rel


def test_reingest_is_a_no_op(empty_store):
    first = ingest_paths(empty_store, [CORPUS])
    assert len(first.added) == 5 and not first.failed
    before = graph_stats(empty_store)
    second = ingest_paths(empty_store, [CORPUS])
    assert len(second.unchanged) == 5 and not second.added and not second.replaced
    assert graph_stats(empty_store) == before


def test_changed_document_is_replaced_whole(empty_store, tmp_path: Path):
    doc = tmp_path / seed("001").name
    shutil.copy(seed("001"), doc)
    ingest_paths(empty_store, [doc])
    before = graph_stats(empty_store)
    # Drop the last numbered item: the document keeps its identity but loses a measure.
    text = doc.read_text(encoding="utf-8")
    cut = text.index("加快法规制度建设")
    doc.write_text(
        text[:cut] + text[cut:].replace("加快法规制度建设", "加快法规制度体系建设", 1),
        encoding="utf-8",
    )
    summary = ingest_paths(empty_store, [doc])
    assert len(summary.replaced) == 1
    after = graph_stats(empty_store)
    assert after == before  # same shape: old measures gone, new ones in, no orphans
    texts = empty_store.read(
        "MATCH (m:Measure) WHERE m.text CONTAINS '法规制度体系建设' RETURN count(m)"
    )
    assert texts.rows[0][0] == 1
    old = empty_store.read("MATCH (m:Measure) WHERE m.title = '加快法规制度建设' RETURN count(m)")
    assert old.rows[0][0] == 0


def test_bad_file_writes_nothing_and_others_load(empty_store, tmp_path: Path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes(range(256)) * 20)
    good = tmp_path / seed("002").name
    shutil.copy(seed("002"), good)
    summary = ingest_paths(empty_store, [bad, good, tmp_path / "missing.txt"])
    assert sorted(p for p, _ in summary.failed) == sorted([str(bad), str(tmp_path / "missing.txt")])
    assert len(summary.added) == 1
    docs = empty_store.read("MATCH (d:Document) RETURN d.source")
    assert docs.rows == [[good.name]]


def test_write_is_one_transaction_per_document(empty_store):
    """A statement failing inside a document's write leaves no trace of that document."""
    from policykg.graph.store import Statement
    from policykg.graph.writer import graph_statements

    from policykg.errors import StoreError

    record = extract_file(seed("001"))
    graph = record_to_graph(record)
    empty_store.ensure_schema()
    empty_store.write([Statement("CREATE (:Province {code: '310000'})")])
    clash = Statement("CREATE (:Province {code: '310000'})")  # violates the unique key
    try:
        empty_store.write([*graph_statements(graph), clash])
    except StoreError as e:
        assert "nothing of it was stored" in str(e)
    else:
        raise AssertionError("the constraint violation was not reported")
    assert empty_store.read("MATCH (n) RETURN count(n)").rows[0][0] == 1
    assert write_document(empty_store, graph) == "added"
    assert empty_store.read("MATCH (m:Measure) RETURN count(m)").rows[0][0] == len(record.measures)
    assert write_document(empty_store, graph) == "unchanged"


def test_new_extractor_version_reextracts(empty_store):
    record = extract_file(seed("002"))
    assert write_document(empty_store, record_to_graph(record)) == "added"
    upgraded = record.model_copy(deep=True)
    upgraded.document.extractor_version = "newer"
    assert write_document(empty_store, record_to_graph(upgraded)) == "replaced"
    assert write_document(empty_store, record_to_graph(upgraded)) == "unchanged"


def test_same_file_under_a_new_identity_supersedes_the_old(empty_store):
    """An improved extractor may find the document number: the file must not load twice."""
    record = extract_file(seed("001"))
    old = record.model_copy(deep=True)
    old.document.id = "310000:关于全面加强药品监管能力建设的实施意见"
    write_document(empty_store, record_to_graph(old))
    before = graph_stats(empty_store)
    assert write_document(empty_store, record_to_graph(record)) == "replaced"
    ids = empty_store.read("MATCH (d:Document) RETURN d.id").rows
    assert ids == [[record.document.id]]
    assert graph_stats(empty_store) == before


def test_reingest_of_unchanged_files_skips_extraction(empty_store, monkeypatch):
    """Unchanged files are recognised from their identity and text hash alone."""
    import policykg.ingestion as ingestion

    calls: list[str] = []
    real = ingestion.extract_text

    def counting(normalized, *args):
        calls.append(normalized.source.path)
        return real(normalized, *args)

    monkeypatch.setattr(ingestion, "extract_text", counting)
    ingest_paths(empty_store, [CORPUS])
    assert len(calls) == 5
    summary = ingest_paths(empty_store, [CORPUS])
    assert len(summary.unchanged) == 5 and len(calls) == 5


# Two files written for these tests in the genre (a provincial notice and a note citing it).
NOTICE = """甘肃省人民政府办公厅文件
甘政办发〔2024〕31号
甘肃省人民政府办公厅关于印发甘肃省药品安全监管提升行动方案的通知
各市州人民政府，省政府各部门：
《甘肃省药品安全监管提升行动方案》已经省政府同意，现印发给你们，请认真贯彻执行。
甘肃省人民政府办公厅
2024年3月8日
甘肃省药品安全监管提升行动方案
一、主要任务
（一）强化疫苗全过程监管。加强疫苗生产流通使用全过程监管，开展疫苗储存运输专项检查。（省药监局负责）
（二）提升检验检测能力。建设省级药品检验检测中心，完善检验检测体系。（省药监局牵头，省发展改革委配合）
"""
CITING_NOTE = """# 样例说明
本目录收录的样例有：甘政办发〔2024〕31号、陇药监发〔2023〕5号等，仅供测试使用。
一、用途
（一）说明。本说明文件本身不是政策文件，请勿作为政策引用。
"""


def _document_rows(store) -> list[list]:
    return store.read("MATCH (d:Document) RETURN d.id, d.source ORDER BY d.source").rows


def test_a_file_citing_a_document_number_does_not_replace_that_document(
    empty_store, tmp_path: Path
):
    """Issue 15 item 3: a number cited in running text is not the file's own number."""
    notice = tmp_path / "notice.txt"
    note = tmp_path / "README.md"
    notice.write_text(NOTICE, encoding="utf-8")
    note.write_text(CITING_NOTE, encoding="utf-8")
    first = ingest_paths(empty_store, [notice])
    assert first.added == [str(notice)]
    measures = empty_store.read("MATCH (m:Measure) RETURN count(m)").rows[0][0]
    assert measures >= 2  # its numbered items (a preamble sentence may commit too)
    second = ingest_paths(empty_store, [note])
    assert not second.replaced
    assert empty_store.read("MATCH (m:Measure) RETURN count(m)").rows[0][0] >= measures
    rows = _document_rows(empty_store)
    assert ["620000:甘政办发〔2024〕31号", "notice.txt"] in rows
    assert len(rows) == 2  # both files stored, each under its own identity
    # A folder holding both gives the same graph on every run (no flip-flop).
    before = graph_stats(empty_store)
    third = ingest_paths(empty_store, [tmp_path])
    assert len(third.unchanged) == 2 and not third.replaced and not third.failed
    assert graph_stats(empty_store) == before


def test_two_files_with_one_identity_are_a_conflict_not_a_replacement(empty_store):
    """Identity equal, source and text different: a typed error naming both files."""
    import pytest

    from policykg.errors import IdentityConflict

    record = extract_file(seed("001"))
    assert write_document(empty_store, record_to_graph(record)) == "added"
    before = graph_stats(empty_store)
    other = record.model_copy(deep=True)
    other.document.source = "another_file.html"
    other.document.content_hash = "0" * 64
    other.measures = other.measures[:1]
    with pytest.raises(IdentityConflict) as caught:
        write_document(empty_store, record_to_graph(other))
    message = str(caught.value)
    assert "another_file.html" in message and record.document.source in message
    assert "nothing was replaced" in message
    assert graph_stats(empty_store) == before
    assert _document_rows(empty_store) == [[record.document.id, record.document.source]]
    # The same text under another file name is the same document: nothing to do.
    copy = record.model_copy(deep=True)
    copy.document.source = "copy_of_it.txt"
    assert write_document(empty_store, record_to_graph(copy)) == "unchanged"


def test_conflict_is_reported_per_file_and_the_batch_goes_on(empty_store, tmp_path: Path):
    first, second = tmp_path / "a" / "notice.txt", tmp_path / "b" / "notice_copy.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(NOTICE, encoding="utf-8")
    # The same notice, re-typed with one more item: same number, another file, another text.
    second.write_text(NOTICE + "（三）加强人才队伍建设。（省人力资源社会保障厅负责）\n", "utf-8")
    summary = ingest_paths(empty_store, [first, second])
    assert summary.added == [str(first)]
    assert [p for p, _ in summary.failed] == [str(second)]
    assert "notice.txt" in summary.failed[0][1] and "notice_copy.txt" in summary.failed[0][1]
    assert _document_rows(empty_store) == [["620000:甘政办发〔2024〕31号", "notice.txt"]]


def _eventually(check, seconds: float = 20.0) -> bool:
    """True once `check()` is (the engine finishes index work asynchronously)."""
    import time

    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_falkordb_keeps_no_full_text_index(tmp_path) -> None:
    """FalkorDB's friso-segmented full-text index misses terms CONTAINS finds (see
    graph/stores/falkordb.py), so search does not use it and ensure_schema drops one an
    earlier version made — keeping the label's range indexes and the data."""
    from policykg.graph.stores.falkordb import FalkorDBStore

    store = FalkorDBStore(tmp_path / "db", graph="policykg")
    store.open()
    try:
        store.ensure_schema()
        store.write([Statement("CREATE (:Measure {id: 'm', text: '建立药品追溯体系'})")])
        # as an earlier version made it (through the engine's client: procedures are no
        # statements the store's write accepts)
        store._writer.query(
            "CALL db.idx.fulltext.createNodeIndex({label: 'Measure', language: 'chinese'}, 'text')"
        )

        def kinds() -> set[str]:
            rows = store.read("CALL db.indexes() YIELD label, types RETURN label, types").records()
            return {
                k for r in rows if r["label"] == "Measure" for t in r["types"].values() for k in t
            }

        # FalkorDB builds indexes in the background (a second row 'UNDER CONSTRUCTION' until
        # done); an index an earlier version made was built long ago: wait for that state
        def built() -> bool:
            rows = store.read("CALL db.indexes() YIELD status RETURN status").records()
            return "FULLTEXT" in kinds() and all(r["status"] == "OPERATIONAL" for r in rows)

        assert _eventually(built)
        store.ensure_schema()
        assert _eventually(lambda: kinds() == {"RANGE"}), kinds()
        assert store.read("MATCH (m:Measure {id: 'm'}) RETURN m.text AS t").records() == [
            {"t": "建立药品追溯体系"}
        ]
    finally:
        store.close()


def _orphans(store) -> set[tuple[str, str]]:
    from policykg.graph.model import NODE_KEYS
    from policykg.graph.writer import ORPHAN_WHEN

    out = set()
    for label, when in ORPHAN_WHEN.items():
        rows = store.read(f"MATCH (n:{label}) WHERE {when} RETURN n.{NODE_KEYS[label]}").rows
        out |= {(label, row[0]) for row in rows}
    return out


def test_orphan_clean_up_touches_only_what_the_replaced_document_linked(empty_store):
    """Replacing or removing a document deletes the shared nodes only it linked to, and
    looks at nothing else: a stray unlinked node elsewhere in the graph stays (the sweep
    is a key lookup of the document's own nodes, not a scan of every shared label)."""
    from policykg.graph.writer import delete_document, load_reference_data

    empty_store.ensure_schema()
    load_reference_data(empty_store)
    first, other = extract_file(seed("001")), extract_file(seed("002"))  # one province
    write_document(empty_store, record_to_graph(first))
    write_document(empty_store, record_to_graph(other))
    strays = {("Department", "990000:测试用孤立部门"), ("Reference", "测试用孤立文件〔2020〕1号")}
    empty_store.write(
        [Statement(f"CREATE (:{label} {{id: $id}})", {"id": key}) for label, key in strays]
    )
    linked = _linked_shared(empty_store, first.document.id)
    assert any(label == "Reference" for label, _ in linked) and linked

    shorter = first.model_copy(deep=True)
    shorter.document.content_hash = "changed"
    shorter.measures, shorter.targets, shorter.references, shorter.programs = [], [], [], []
    assert write_document(empty_store, record_to_graph(shorter)) == "replaced"
    assert _orphans(empty_store) == strays  # the document's own orphans went, strays stayed
    kept_by_other = _linked_shared(empty_store, other.document.id)
    assert not (linked - kept_by_other) & _all_shared(empty_store)  # only its links: gone
    assert kept_by_other & linked  # shared with the other document: still there

    before = graph_stats(empty_store)
    assert delete_document(empty_store, other.document.id)
    assert _orphans(empty_store) == strays
    assert graph_stats(empty_store) != before


def _linked_shared(store, document_id: str) -> set[tuple[str, str]]:
    rows = store.read(
        "MATCH (d:Document {id: $id})-[*1..2]->(s) "
        "WHERE s:Department OR s:Program OR s:Indicator OR s:Reference "
        "RETURN DISTINCT labels(s)[0], coalesce(s.id, s.key)",
        {"id": document_id},
    ).rows
    return {(label, key) for label, key in rows}


def _all_shared(store) -> set[tuple[str, str]]:
    rows = store.read(
        "MATCH (s) WHERE s:Department OR s:Program OR s:Indicator OR s:Reference "
        "RETURN labels(s)[0], coalesce(s.id, s.key)"
    ).rows
    return {(label, key) for label, key in rows}


def test_batch_key_prefix_travels_once():
    """A prefix every key of a batch shares goes once as $p/$q; short, single or mixed keys
    stay whole; a batch of relationships without properties sets none."""
    from policykg.graph.model import NodeRows, RelRows
    from policykg.graph.writer import _shared_prefix, node_statements, rel_statements

    assert _shared_prefix(["310000:文件名称:t1", "310000:文件名称:t2"]) == "310000:文件名称:t"
    assert _shared_prefix(["310000:a", "310000:b"]) == ""  # under MIN_PREFIX
    assert _shared_prefix(["310000:文件名称:t1"]) == ""
    assert _shared_prefix([1, "x"]) == "" and _shared_prefix([12345678, 12345679]) == ""
    rows = [
        {"key": "310000:文件名称:t1", "props": {"a": 1}},
        {"key": "310000:文件名称:t2", "props": {}},
    ]
    (node,) = node_statements(NodeRows("Measure", rows))
    assert "{id: $p + row[0]}" in node.cypher
    assert node.params == {"rows": [["1", {"a": 1}], ["2", {}]], "p": "310000:文件名称:t"}
    rels = [{"from": "310000", "to": r["key"], "props": {}} for r in rows]
    (rel,) = rel_statements(RelRows("CONTAINS", "Province", "Measure", rels))
    assert "SET" not in rel.cypher and "{code: row[0]}" in rel.cypher
    assert rel.params == {"rows": [["310000", "1"], ["310000", "2"]], "q": "310000:文件名称:t"}
