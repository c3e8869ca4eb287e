"""Two or more provinces side by side: topics (shared and only-one), targets, programs."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from policykg.api.models.common import Page, Status
from policykg.api.models.evidence import TargetRow
from policykg.api.models.topics import TopicProvinces
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
from policykg.api.routers.topics import (
    matrix_counts,
    status_of,
    target_row,
    taxonomy,
    topic_provinces,
)
from pydantic import BaseModel, Field

from policykg.errors import InputError

router = APIRouter(tags=["compare"])

# ---------------------------------------------------------------------- models


class CompareCell(BaseModel):
    province: str
    status: Status
    commitments: int
    mentions: int
    targets: int


class CompareTopic(BaseModel):
    topic: str
    name_zh: str | None = None
    shared: bool = Field(description="Every compared province commits")
    committing: list[str]
    cells: list[CompareCell]


class CompareIndicator(BaseModel):
    indicator_key: str
    indicator: str | None = None
    targets: list[TargetRow] = Field(description="Targets that measure what the indicator defines")
    set_aside: list[TargetRow] = Field(
        default_factory=list,
        description="Targets matched by name that measure something else (each says why)",
    )


class CompareProvince(BaseModel):
    province: str
    code: str
    documents: int
    commitments: int
    targets: int
    topics: list[str] = Field(description="Topics the province commits to")
    only: list[str] = Field(description="Topics only this province (of those compared) commits to")
    programs: list[str]


class Comparison(Page):
    provinces: list[CompareProvince]
    shared_topics: list[str]
    rows: list[CompareTopic]
    indicators: list[CompareIndicator] = Field(
        description="Indicators that 2+ of the provinces set comparable targets for"
    )
    topic: TopicProvinces | None = Field(
        None, description="With ?topic=: the evidence per province"
    )


@tabular(router, "/compare", Comparison)
def compare(
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    provinces: Annotated[
        str,
        Query(description="Two or more provinces, comma-separated: 上海市,浙江省 (or 上海,330000)"),
    ],
    topic: Annotated[
        str | None, Query(description="Also show this topic's evidence for each province")
    ] = None,
    format: Format = None,
) -> Any:
    """Provinces side by side: topics each commits to (shared / only one), common indicators, programs.

    Rows are topics (one cell per province); `.csv` gives one line per topic with a status
    and counts column per province.
    """
    chosen = resolve_provinces(provinces)
    if len(chosen) < 2:
        raise InputError(
            "provinces: name two or more different provinces, comma-separated (上海市,浙江省)"
        )
    names = [p.name for p in chosen]
    counts = matrix_counts(store, settings)
    topics = taxonomy()
    summary = {r["name"]: r for r in run_query(store, settings, "api_provinces")}
    with_docs = {n for n in names if summary.get(n, {}).get("documents")}

    # who commits to what: the named query compare_provinces (the one comparison)
    # (only who commits is read here: max_items=0 leaves each province's lists out)
    compared = run_query(store, settings, "compare_provinces", provinces=names, max_items=0)
    committed: dict[str, set[str]] = defaultdict(set)
    for r in compared:
        for prov in r["committed_by"] or []:
            committed[prov].add(r["topic"])
    keys = {key for (prov, key) in counts if prov in names}
    rows = []
    for key in sorted(keys, key=lambda k: (-sum(k in committed[n] for n in names), k)):
        cells = []
        for n in names:
            c = counts.get(
                (n, key), {"committing": 0, "commitments": 0, "mentions": 0, "targets": 0}
            )
            cells.append(CompareCell(province=n, commitments=c["commitments"], mentions=c["mentions"],
                                     targets=c["targets"],
                                     status=status_of(int(key in committed[n]), c["mentions"], n in with_docs)))  # fmt: skip
        who = [n for n in names if key in committed[n]]
        rows.append(CompareTopic(topic=key, name_zh=topics[key].name_zh if key in topics else None,
                                 shared=len(who) == len(names), committing=who, cells=cells))  # fmt: skip
    shared = [r.topic for r in rows if r.shared]

    targets = [target_row(t) for t in run_query(store, settings, "api_targets")
               if t["province"] in names and t["indicator_key"]]  # fmt: skip
    by_indicator: dict[str, list[TargetRow]] = defaultdict(list)
    for t in targets:
        by_indicator[t.indicator_key or ""].append(t)
    # side by side only what measures the same thing (issue 13.6); the rest set aside
    indicators = []
    for k, ts in sorted(by_indicator.items()):
        same = [t for t in ts if t.comparable]
        if len({t.province for t in same}) >= 2:
            indicators.append(CompareIndicator(
                indicator_key=k, indicator=same[0].indicator, targets=same,
                set_aside=[t for t in ts if not t.comparable]))  # fmt: skip
    programs = {
        name: [r["program"] for r in run_query(store, settings, "programs_by_province",
                                               province=name, kind=None, topic=None,
                                               max_items=0)]
        for name in names
    }  # fmt: skip
    cards = []
    for p in chosen:
        s = summary.get(p.name, {})
        others = set().union(*(committed[n] for n in names if n != p.name))
        cards.append(CompareProvince(
            province=p.name, code=p.code, documents=s.get("documents", 0),
            commitments=s.get("commitments", 0), targets=s.get("targets", 0),
            topics=sorted(committed[p.name]), only=sorted(committed[p.name] - others),
            programs=programs[p.name],
        ))  # fmt: skip

    evidence = None
    if blank_to_none(topic):
        t = resolve_topic(topic or "", missing=InputError)
        info, trows = topic_provinces(store, settings, t.key)
        trows = [r for r in trows if r.province in names]
        evidence = TopicProvinces(topic=info, include_narrower=True, rows=trows, count=len(trows),
                                  committing=[r.province for r in trows if r.status == "commits"],
                                  limit=len(trows), offset=0)  # fmt: skip

    payload = Comparison(provinces=cards, shared_topics=shared, rows=page.cut(rows),
                         count=len(rows), limit=page.limit, offset=page.offset,
                         indicators=indicators, topic=evidence)  # fmt: skip
    return respond(request, format, payload, _csv(payload.rows))


def _csv(rows: list[CompareTopic]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        line: dict[str, Any] = {"topic": r.topic, "name_zh": r.name_zh, "shared": r.shared}
        for c in r.cells:
            line[f"{c.province}_status"] = c.status
            line[f"{c.province}_commitments"] = c.commitments
            line[f"{c.province}_mentions"] = c.mentions
            line[f"{c.province}_targets"] = c.targets
        out.append(line)
    return out
