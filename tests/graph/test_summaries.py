"""Write-time summaries (graph/summaries.py) stay exact: after documents are added,
replaced, superseded and removed, the summaries are those of a fresh load of the
documents that remain, and those a rebuild from the whole graph computes; the graph
itself (its fingerprint, which leaves summaries out) is that of the fresh load. Both
engines."""

from __future__ import annotations

from functools import cache

from policykg.graph.fingerprint import graph_fingerprint
from policykg.graph.model import DocumentGraph, record_to_graph
from policykg.graph.store import GraphStore, Statement
from policykg.graph.summaries import added_rows, rebuild, summary_rows
from policykg.graph.writer import delete_document, load_reference_data, write_document
from policykg.ingest.pipeline import extract_file
from policykg.ingest.record import ExtractionRecord

from tests.conftest import SEEDS


@cache
def _records() -> tuple[ExtractionRecord, ...]:
    return tuple(extract_file(p) for p in SEEDS)


def _shortened(record: ExtractionRecord) -> ExtractionRecord:
    """A new version of the document: its second half of measures and targets gone."""
    document = record.document.model_copy(
        update={"content_hash": record.document.content_hash + "-v2"}
    )
    return record.model_copy(
        update={
            "document": document,
            "measures": record.measures[: len(record.measures) // 2],
            "targets": record.targets[: len(record.targets) // 2],
        }
    )


def _graph(record: ExtractionRecord) -> DocumentGraph:
    return record_to_graph(record)


def _state(store: GraphStore) -> tuple[list[dict], dict]:
    return summary_rows(store), graph_fingerprint(store)


def _clear(store: GraphStore) -> None:
    store.write([Statement("MATCH (n) DETACH DELETE n")])


def _check_counts(store: GraphStore, rows: list[dict]) -> None:
    """The summaries say what the graph holds (so that equal summaries are not equally
    wrong): nodes per label and the documents' measures per province."""
    labels = {r["node_label"]: r["n"] for r in rows if r["kind"] == "label"}
    for label in ("Document", "Measure", "Target", "Department", "Topic"):
        (n,) = store.read(f"MATCH (x:{label}) RETURN count(x)").rows[0]
        assert labels.get(label, 0) == n, label
    measures = {
        r["province"]: r["n"] for r in rows if r["kind"] == "province" and r["what"] == "measures"
    }
    counted = store.read(
        "MATCH (p:Province)-[:ISSUED]->(:Document)-[:CONTAINS]->(m:Measure) RETURN p.code, count(m)"
    ).rows
    assert measures == {code: n for code, n in counted if n}
    assert any(r["kind"] == "pt_closure" and r["part"] == "indicator" for r in rows)
    # `doc`: per document its measures and targets
    docs = {(r["document"], r["what"]): r["n"] for r in rows if r["kind"] == "doc"}
    counted = store.read(
        "MATCH (d:Document)-[r:CONTAINS|SETS]->(x) "
        "WHERE (type(r) = 'CONTAINS' AND x:Measure) OR (type(r) = 'SETS' AND x:Target) "
        "RETURN d.id, CASE type(r) WHEN 'CONTAINS' THEN 'measures' ELSE 'targets' END, count(x)"
    ).rows
    assert docs == {(d, w): n for d, w, n in counted}
    # `dept`: per department its measures (any role, lead, support), targets and wordings
    dept = {
        (r["department"], r["what"], r.get("mention")): r["n"] for r in rows if r["kind"] == "dept"
    }
    counted = store.read(
        "MATCH (x)-[r:RESPONSIBLE]->(dep:Department) "
        "WITH dep.id AS dep, x, r UNWIND ["
        "CASE WHEN x:Measure THEN ['measures', null] END, "
        "CASE WHEN x:Measure AND r.role IN ['lead', 'support'] THEN [r.role, null] END, "
        "CASE WHEN x:Target THEN ['targets', null] END, "
        "CASE WHEN r.mention IS NOT NULL THEN ['mention', r.mention] END] AS w "
        "WITH dep, w, x WHERE w IS NOT NULL "
        "RETURN dep, w[0], w[1], count(DISTINCT x)"
    ).rows
    assert dept == {(d, w, m): n for d, w, m, n in counted}
    assert {w for _, w, _ in dept} == {"measures", "lead", "support", "targets", "mention"}


def test_summaries_after_replace_and_remove_equal_a_fresh_load(empty_store: GraphStore) -> None:
    records = _records()
    store = empty_store
    store.ensure_schema()
    load_reference_data(store)
    for record in records:
        assert write_document(store, _graph(record)) == "added"
    # replace two with shorter versions, one with a new extractor, remove one
    assert write_document(store, _graph(_shortened(records[0]))) == "replaced"
    assert write_document(store, _graph(_shortened(records[2]))) == "replaced"
    info = records[4].document.model_copy(update={"extractor_version": "next"})
    newer = records[4].model_copy(update={"document": info})
    assert write_document(store, _graph(newer)) == "replaced"
    assert delete_document(store, records[3].document.id)
    # the same document written again unchanged: nothing moves
    before = summary_rows(store)
    assert write_document(store, _graph(newer)) == "unchanged"
    assert summary_rows(store) == before

    incremental, fingerprint = _state(store)
    _check_counts(store, incremental)
    rebuild(store)
    assert summary_rows(store) == incremental

    _clear(store)
    load_reference_data(store)
    for record in reversed([_shortened(records[0]), records[1], _shortened(records[2]), newer]):
        write_document(store, _graph(record))
    fresh, fresh_fingerprint = _state(store)
    assert fresh_fingerprint == fingerprint
    assert fresh == incremental


def test_removing_every_document_leaves_the_reference_counts_only(
    empty_store: GraphStore,
) -> None:
    store = empty_store
    store.ensure_schema()
    load_reference_data(store)
    empty = summary_rows(store)
    for record in _records()[:3]:
        write_document(store, _graph(record))
    assert summary_rows(store) != empty
    for record in _records()[:3]:
        delete_document(store, record.document.id)
    left = summary_rows(store)
    # nothing of the documents is left; the shared nodes the orphan sweep keeps are counted
    assert {r["kind"] for r in left} == {r["kind"] for r in empty} == {"label", "rel", "meta"}
    assert not {r.get("node_label") for r in left} & {"Document", "Measure", "Target"}
    assert [r for r in left if r["key"] in {e["key"] for e in empty}] == empty
    rebuild(store)
    assert summary_rows(store) == left


def test_a_store_without_summaries_gets_them_when_reference_data_loads(
    empty_store: GraphStore,
) -> None:
    """A store written before summaries existed (or by other rules) is rebuilt."""
    store = empty_store
    store.ensure_schema()
    load_reference_data(store)
    for record in _records()[:2]:
        write_document(store, _graph(record))
    expected = summary_rows(store)
    store.write([Statement("MATCH (s:Summary) DELETE s")])
    assert summary_rows(store) == []
    load_reference_data(store)
    assert summary_rows(store) == expected


def _mentioning_another_documents_program() -> list[ExtractionRecord]:
    """Two documents of one province: the second's measure names a program only the first
    establishes (a link to a shared node another document made)."""
    from tests.graph.test_document_independence import RECORDS

    first, second = RECORDS[0], RECORDS[1]
    borrowed = first.programs[0].name
    measure = second.measures[0].model_copy(update={"programs": [borrowed, "无人设立的平台"]})
    return [first, second.model_copy(update={"measures": [measure]})]


def test_links_to_shared_nodes_of_other_documents_are_counted_in_any_order(
    empty_store: GraphStore,
) -> None:
    store = empty_store
    store.ensure_schema()
    for order in ([0, 1], [1, 0]):
        _clear(store)
        load_reference_data(store)
        records = _mentioning_another_documents_program()
        # the writer cannot tell from the second's rows whether the program is there
        assert added_rows(_graph(records[1]))[3], "the engine must be asked"
        for i in order:
            write_document(store, _graph(records[i]))
            written = summary_rows(store)
            rebuild(store)
            assert summary_rows(store) == written, order
        mentions = [r["n"] for r in written if r["key"] == "rel|MENTIONS|Measure|Program"]
        (found,) = store.read("MATCH (:Measure)-[r:MENTIONS]->(:Program) RETURN count(r)").rows[0]
        assert mentions == ([found] if found else [])
        if order == [0, 1]:
            assert found == 2  # the first's mention of its own, the second's borrowed one
        delete_document(store, records[order[0]].document.id)
        written = summary_rows(store)
        rebuild(store)
        assert summary_rows(store) == written, order


def test_summaries_of_a_store_written_without_reference_data(empty_store: GraphStore) -> None:
    """Documents written before the reference data (no Topic, no Province yet): their
    links to topics and provinces are not made, and the summaries say so."""
    store = empty_store
    store.ensure_schema()
    record = _records()[1]
    write_document(store, _graph(record))
    write_document(store, _graph(_shortened(record)))
    written = summary_rows(store)
    assert not [r for r in written if r["kind"].startswith("pt_")]
    rebuild(store)
    assert [r for r in summary_rows(store) if r["kind"] != "meta"] == written
