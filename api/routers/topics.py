"""Topics: the taxonomy with counts, every province's stance on one topic, the heat map.

A province *commits* to a topic through a commitment measure or a target (DESIGN.md);
only background, vision or safeguard sentences make it `background`; else `silent`.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from policykg.api.models import (
    DepartmentRef,
    Evidence,
    Matrix,
    MatrixCell,
    Status,
    TargetRow,
    TopicInfo,
    TopicProvinceRow,
    TopicProvinces,
    Topics,
    TopicSummary,
)
from policykg.api.routers.common import (
    AppSettings,
    Format,
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

STATUS_ORDER = {"commits": 0, "background": 1, "silent": 2}


def status_of(commitments: int, mentions: int, targets: int) -> Status:
    if commitments or targets:
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
    """(province, topic) → {code, commitments, mentions, targets}; narrower topics rolled up."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for r in run_query(store, settings, "api_topic_matrix"):
        c = out.setdefault((r["province"], r["topic"]),
                           {"code": r["code"], "commitments": 0, "mentions": 0, "targets": 0})  # fmt: skip
        for k in ("commitments", "mentions", "targets"):
            c[k] += r[k] or 0
    return out


def _departments(item: dict[str, Any]) -> list[DepartmentRef]:
    return [DepartmentRef(name=n, role=role) for role in ("lead", "support", "responsible")
            for n in item.get(role) or []]  # fmt: skip


def _evidence(item: dict[str, Any], statement: str | None) -> Evidence:
    return Evidence(
        measure_id=item["measure"], statement=item.get("statement") or statement,
        text=item.get("text") or "", section=item.get("section"), document=item.get("document"),
        doc_number=item.get("doc_number"), start=item.get("start"), end=item.get("end"),
        topics=item.get("topics") or [], matched=item.get("matched") or [],
        departments=_departments(item),
    )  # fmt: skip


def _target(item: dict[str, Any], province: str, code: str) -> TargetRow:
    return TargetRow(**{**item, "id": item.get("target") or "", "province": province, "code": code})


def topic_provinces(
    store: GraphStore, settings: Settings, key: str, include_narrower: bool = True
) -> tuple[TopicInfo, list[TopicProvinceRow]]:
    """One row for each of the 34 provinces (named query `provinces_by_topic`): status,
    departments, targets and the sentences, commitments first."""
    info = taxonomy().get(key) or TopicInfo(key=key)
    rows = []
    for r in run_query(store, settings, "provinces_by_topic", topic=key,
                       include_narrower=include_narrower):  # fmt: skip
        committed, other = r["evidence"] or [], r["background"] or []
        lead, support = r["lead_departments"] or [], r["support_departments"] or []
        rows.append(TopicProvinceRow(
            province=r["province"], code=r["code"], status=r["status"],
            commitments=len(committed), mentions=len(other),
            lead_departments=lead, support_departments=support,
            other_departments=[n for n in r["responsible_departments"] or []
                               if n not in lead and n not in support],
            targets=[_target(t, r["province"], r["code"]) for t in r["targets"] or []],
            evidence=[_evidence(e, "commitment") for e in committed]
            + [_evidence(e, None) for e in other],
        ))  # fmt: skip
    rows.sort(key=lambda r: (STATUS_ORDER[r.status], r.code))
    return info, rows


def evidence_csv(rows: list[TopicProvinceRow], topic: str) -> list[dict[str, Any]]:
    """Long (tidy) form: one line per sentence and per target; one line for a silent province."""
    out = []
    for r in rows:
        base = {"topic": topic, "province": r.province, "code": r.code, "status": r.status}
        items: list[dict[str, Any]] = []
        for e in r.evidence:
            items.append({"kind": "measure", "statement": e.statement, "text": e.text,
                          "section": e.section, "document": e.document, "doc_number": e.doc_number,
                          "start": e.start, "end": e.end, **_roles(e.departments)})  # fmt: skip
        for t in r.targets:
            items.append({"kind": "target", "statement": t.binding, "text": t.text or t.indicator,
                          "section": t.section, "document": t.document, "doc_number": t.doc_number,
                          "start": t.start, "end": t.end, **_roles(t.departments),
                          "indicator": t.indicator, "indicator_key": t.indicator_key,
                          "value_text": t.value_text, "unit": t.unit, "year": t.year})  # fmt: skip
        out += [{**base, **i} for i in items] or [{**base, "kind": ""}]
    return out


def _roles(departments: list[DepartmentRef]) -> dict[str, list[str]]:
    return {role: [d.name for d in departments if d.role == role]
            for role in ("lead", "support", "responsible")}  # fmt: skip


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
    format: Format = None,
) -> Any:
    """Every province's stance on a topic: commits / background / silent, who leads, targets, the sentences.

    One GET answers "which provinces commit to UDI traceability, who leads it, with what
    target — show me the sentence"; `.csv` gives one line per sentence and per target.
    """
    topic = resolve_topic(key)
    info, rows = topic_provinces(store, settings, topic.key, include_narrower)
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


def build_matrix(store: GraphStore, settings: Settings, all_topics: bool = False) -> Matrix:
    counts = matrix_counts(store, settings)
    topics = taxonomy()
    with_docs = {r["name"] for r in run_query(store, settings, "api_provinces") if r["documents"]}
    provinces = sorted(vocab.provinces(), key=lambda p: (p.name not in with_docs, p.code))
    committing: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (_, topic), c in counts.items():
        committing[topic] += bool(c["commitments"] or c["targets"])
        total[topic] += c["commitments"] + c["targets"]
    keys = [k for k in topics if all_topics or committing[k]]
    keys.sort(key=lambda k: (-committing[k], -total[k], k))
    cells = [
        MatrixCell(province=p, topic=t, commitments=c["commitments"], mentions=c["mentions"],
                   targets=c["targets"], status=status_of(c["commitments"], c["mentions"], c["targets"]))
        for (p, t), c in sorted(counts.items(), key=lambda kv: (kv[1]["code"], kv[0][1]))
        if t in keys
    ]  # fmt: skip
    return Matrix(provinces=[p.name for p in provinces], topics=[topics[k] for k in keys],
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
