"""Topics: the taxonomy with counts, every province's stance on one topic, the heat map.

A province *commits* to a topic through a measure or target whose `commits` is true (the
rule's one home: graph/model.py `commits`); only background, vision or safeguard sentences
make it `background`; documents in the graph and none on the topic: `silent`; no document
of the province in the graph: `no_documents`.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from policykg.api.models.common import Status
from policykg.api.models.evidence import Evidence, TargetRow
from policykg.api.models.provinces import CoveredDocument
from policykg.api.models.topics import (
    Matrix,
    MatrixCell,
    Timeline,
    TimelineRow,
    TopicGroup,
    TopicInfo,
    TopicProvinceRow,
    TopicProvinces,
    Topics,
    TopicSummary,
)
from policykg.api.routers.common import (
    AppSettings,
    Format,
    MaxItems,
    Pages,
    Store,
    blank_to_none,
    resolve_provinces,
    resolve_topic,
    respond,
    tabular,
)
from policykg.api.routers.common import run as run_query
from policykg.graph.store import GraphStore
from policykg.ingest import vocab

from policykg.settings import Settings

router = APIRouter(tags=["topics"])

STATUS_ORDER = {"commits": 0, "background": 1, "silent": 2, "no_documents": 3}


def status_of(committing: int, mentions: int, has_documents: bool = True) -> Status:
    """A province's stance on a topic from what addresses it (committing = measures and
    targets whose `commits` is true, graph/model.py: commits)."""
    if not has_documents:
        return "no_documents"
    if committing:
        return "commits"
    return "background" if mentions else "silent"


def _topic_rows(store: GraphStore, settings: Settings) -> list[dict[str, Any]]:
    return run_query(store, settings, "topics", province=None, include_narrower=True)


@cache
def taxonomy() -> dict[str, TopicInfo]:
    """Names and links of the topics (data/taxonomy/topics.yaml, which is what the graph's
    Topic nodes are loaded from), in key order."""
    topics = sorted(vocab.topics(), key=lambda t: t.key)
    return {
        t.key: TopicInfo(key=t.key, name_zh=t.name_zh, name_en=t.name_en, broader=sorted(t.broader),
                         narrower=sorted(n.key for n in topics if t.key in n.broader))
        for t in topics
    }  # fmt: skip


def matrix_counts(store: GraphStore, settings: Settings) -> dict[tuple[str, str], dict[str, Any]]:
    """(province, topic) → {code, committing, commitments, mentions, targets}; narrower
    topics rolled up; `targets` counts indicators, each once however many years."""
    keys = ("committing", "commitments", "mentions", "targets")
    return {
        (r["province"], r["topic"]): {"code": r["code"], **{k: r[k] or 0 for k in keys}}
        for r in run_query(store, settings, "api_topic_matrix")
    }


def provinces_with_documents(store: GraphStore, settings: Settings) -> set[str]:
    rows = run_query(store, settings, "coverage", max_items=0)  # the counts only
    return {r["province"] for r in rows if r["document_count"]}


def evidence(item: dict[str, Any], **extra: Any) -> Evidence:
    """An evidence item of a named query (its keys are the Evidence fields)."""
    fields = {k: v for k, v in {**item, **extra}.items() if k in Evidence.model_fields}
    return Evidence(**fields)


def target_row(item: dict[str, Any], **extra: Any) -> TargetRow:
    fields = {k: v for k, v in {**item, **extra}.items() if k in TargetRow.model_fields}
    return TargetRow(**fields)


def topic_provinces(
    store: GraphStore,
    settings: Settings,
    key: str,
    include_narrower: bool = True,
    max_items: int | None = None,
) -> tuple[TopicInfo, list[TopicProvinceRow]]:
    """One row for each of the 34 provinces (named query `provinces_by_topic`): status and
    the documents it rests on, departments, targets and the sentences, commitments first;
    `max_items` cuts each of its lists (documents, targets, commitment and other sentences)
    in the query, the counts stay those of the whole lists."""
    info = taxonomy().get(key) or TopicInfo(key=key)
    rows = []
    for r in run_query(store, settings, "provinces_by_topic", topic=key,
                       include_narrower=include_narrower, max_items=max_items):  # fmt: skip
        committed, other = r["evidence"] or [], r["background"] or []
        lead, support = r["lead_departments"] or [], r["support_departments"] or []
        where = {"province": r["province"]}
        rows.append(TopicProvinceRow(
            province=r["province"], code=r["code"], status=r["status"],
            documents=[CoveredDocument(**d) for d in r["documents"] or []],
            document_count=r["document_count"], target_count=r["target_count"],
            commitments=r["measures"], mentions=r["background_count"],
            lead_departments=lead, support_departments=support,
            other_departments=[n for n in r["responsible_departments"] or []
                               if n not in lead and n not in support],
            targets=[target_row(t, code=r["code"], **where) for t in r["targets"] or []],
            evidence=[evidence(e, **where) for e in committed + other],
        ))  # fmt: skip
    rows.sort(key=lambda r: (STATUS_ORDER[r.status], r.code))
    return info, rows


def _documents_cell(docs: list[CoveredDocument]) -> str:
    return "; ".join(f"{d.title or d.document_id} ({d.kind or '?'}, {d.issued_date or d.period or '?'})"
                     for d in docs)  # fmt: skip


def evidence_csv(rows: list[TopicProvinceRow], topic: str) -> list[dict[str, Any]]:
    """Long (tidy) form: one line per sentence and per target; one line for a province with
    none, saying which documents its status rests on."""
    out = []
    for r in rows:
        base = {"topic": topic, "province": r.province, "code": r.code, "status": r.status,
                "province_documents": _documents_cell(r.documents)}  # fmt: skip
        items: list[dict[str, Any]] = []
        for e in [*r.evidence, *r.targets]:
            line = {"kind": e.kind, "statement": e.statement, "text": e.text,
                    "section": e.section, "document_id": e.document_id, "document": e.document,
                    "doc_number": e.doc_number, "document_kind": e.document_kind,
                    "issued_date": e.issued_date, "start": e.start, "end": e.end,
                    "source_start": e.source_start, "source_end": e.source_end,
                    "source_url": e.source_url, "departments": e.departments}  # fmt: skip
            if isinstance(e, TargetRow):
                line |= {"statement": e.binding, "indicator": e.indicator,
                         "indicator_key": e.indicator_key, "value_text": e.value_text,
                         "unit": e.unit, "year": e.year}  # fmt: skip
            items.append(line)
        out += [{**base, **i} for i in items] or [{**base, "kind": ""}]
    return out


@tabular(router, "/topics", Topics)
def list_topics(request: Request, store: Store, settings: AppSettings, page: Pages,
                format: Format = None) -> Any:  # fmt: skip
    """The topic taxonomy with counts: commitments, other mentions, targets, committing provinces.

    A topic's counts include its narrower topics (traceability counts udi).
    """
    rows = [
        TopicSummary(key=r["topic"], name_zh=r["name_zh"], name_en=r["name_en"],
                     broader=sorted(r["broader"] or []), narrower=sorted(r["narrower"] or []),
                     commitments=r["commitments"], mentions=r["other_mentions"],
                     targets=r["targets"], provinces_committing=r["committed_by"] or [])
        for r in _topic_rows(store, settings)
    ]  # fmt: skip
    payload = Topics(rows=page.cut(rows), count=len(rows), limit=page.limit, offset=page.offset)
    return respond(request, format, payload)


@tabular(router, "/topics/{key}/provinces", TopicProvinces)
def provinces_for_topic(
    key: str,
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    include_narrower: Annotated[bool, Query(description="Count narrower topics too")] = True,
    status: Annotated[Status | None, Query(description="Only rows with this status")] = None,
    province: Annotated[
        str | None, Query(description="Only these provinces (comma-separated names or codes)")
    ] = None,
    max_items: MaxItems = None,
    format: Format = None,
) -> Any:
    """Every province's stance on a topic: commits / background / silent / no_documents, who leads, targets, the sentences.

    One GET answers "which provinces commit to UDI traceability, who leads it, with what
    target — show me the sentence"; `.csv` gives one line per sentence and per target.
    """
    topic = resolve_topic(key)
    info, rows = topic_provinces(store, settings, topic.key, include_narrower, max_items)
    if status:
        rows = [r for r in rows if r.status == status]
    if blank_to_none(province):
        wanted = {p.name for p in resolve_provinces(province or "", param="province")}
        rows = [r for r in rows if r.province in wanted]
    payload = TopicProvinces(
        topic=info, include_narrower=include_narrower,
        committing=[r.province for r in rows if r.status == "commits"],
        rows=page.cut(rows), count=len(rows), limit=page.limit, offset=page.offset,
    )  # fmt: skip
    return respond(request, format, payload, evidence_csv(payload.rows, topic.key))


def topic_groups(keys: list[str]) -> list[TopicGroup]:
    """Columns grouped under their broadest topic (udi under traceability), groups in the
    order their first column comes; a topic with several broader topics goes under the first."""
    topics = taxonomy()

    def root(key: str, seen: frozenset[str] = frozenset()) -> str:
        broader = (
            [b for b in topics[key].broader if b in topics and b not in seen]
            if key in topics
            else []
        )
        return root(broader[0], seen | {key}) if broader else key

    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(root(k), []).append(k)
    out = []
    for g, members in groups.items():
        members.sort(key=lambda k: (k != g, keys.index(k)))
        info = topics.get(g) or TopicInfo(key=g)
        out.append(TopicGroup(key=g, name_zh=info.name_zh, name_en=info.name_en, topics=members))
    return out


def build_matrix(store: GraphStore, settings: Settings, all_topics: bool = False) -> Matrix:
    counts = matrix_counts(store, settings)
    topics = taxonomy()
    with_docs = provinces_with_documents(store, settings)
    provinces = sorted(vocab.provinces(), key=lambda p: (p.name not in with_docs, p.code))
    committing: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (_, topic), c in counts.items():
        committing[topic] += bool(c["committing"])
        total[topic] += c["committing"]
    keys = [k for k in topics if all_topics or committing[k]]
    keys.sort(key=lambda k: (-committing[k], -total[k], k))
    groups = topic_groups(keys)
    keys = [k for g in groups for k in g.topics]
    cells = [
        MatrixCell(province=p, topic=t, commitments=c["commitments"], mentions=c["mentions"],
                   targets=c["targets"], status=status_of(c["committing"], c["mentions"], p in with_docs))
        for (p, t), c in sorted(counts.items(), key=lambda kv: (kv[1]["code"], kv[0][1]))
        if t in keys
    ]  # fmt: skip
    return Matrix(provinces=[p.name for p in provinces],
                  without_documents=[p.name for p in provinces if p.name not in with_docs],
                  topics=[topics[k] for k in keys], groups=groups,
                  cells=cells, count=len(cells), limit=len(cells), offset=0)  # fmt: skip


@tabular(router, "/matrix", Matrix)
def matrix(
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    all_topics: Annotated[
        bool, Query(description="Columns for every topic, not only those with a commitment")
    ] = False,
    format: Format = None,
) -> Any:
    """Province × topic heat map: commitments, other mentions and targets per cell."""
    m = build_matrix(store, settings, all_topics)
    m.count, m.limit, m.offset = len(m.cells), page.limit, page.offset
    m.cells = page.cut(m.cells)
    return respond(request, format, m, [c.model_dump() for c in m.cells])


def timeline_csv(rows: list[TimelineRow], topic: str) -> list[dict[str, Any]]:
    return [
        {"topic": topic, "province": r.province, "code": r.code,
         "first_committed": r.first_committed, "document_id": r.document_id,
         "document": r.document, "doc_number": r.doc_number, "document_kind": r.document_kind,
         "period": r.period, "items": r.items,
         "follows": "; ".join(f"{f.title or ''}{f'（{f.doc_number}）' if f.doc_number else ''}"
                              for f in r.follows),
         "laws": r.laws, "documents_committing": r.documents_committing}
        for r in rows
    ]  # fmt: skip


@tabular(router, "/topics/{key}/timeline", Timeline)
def topic_timeline(
    key: str,
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    include_narrower: Annotated[bool, Query(description="Count narrower topics too")] = True,
    max_items: MaxItems = None,
    format: Format = None,
) -> Any:
    """When each province first committed to a topic, in what kind of document, following which national document.

    Named query `topic_timeline`: the issued date of each province's earliest committing
    document (a commitment measure or a target on the topic), its kind, the national policy
    documents it cites, then its later committing documents. Earliest first; `.csv` gives
    one line per province.
    """
    topic = resolve_topic(key)
    rows = [TimelineRow(**r) for r in run_query(store, settings, "topic_timeline",
                                                topic=topic.key, include_narrower=include_narrower,
                                                max_items=max_items)]  # fmt: skip
    with_docs = provinces_with_documents(store, settings)
    committed = {r.province for r in rows}
    names = [p.name for p in sorted(vocab.provinces(), key=lambda p: p.code)]
    payload = Timeline(
        topic=taxonomy().get(topic.key) or TopicInfo(key=topic.key), include_narrower=include_narrower,
        not_committed=[n for n in names if n in with_docs and n not in committed],
        without_documents=[n for n in names if n not in with_docs],
        rows=page.cut(rows), count=len(rows), limit=page.limit, offset=page.offset,
    )  # fmt: skip
    return respond(request, format, payload, timeline_csv(payload.rows, topic.key))
