"""Indicators and targets: the same measurement side by side across provinces."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from policykg.api.models.evidence import TargetRow, Targets
from policykg.api.models.indicators import Indicators, IndicatorSummary, IndicatorTargets
from policykg.api.routers.common import (
    AppSettings,
    Format,
    Pages,
    Paging,
    Store,
    blank_to_none,
    resolve_indicator,
    resolve_province,
    resolve_topic,
    respond,
    run_page,
    tabular,
)
from policykg.api.routers.common import run as run_query
from policykg.graph.store import GraphStore
from policykg.ingest import vocab

from policykg.errors import InputError
from policykg.settings import Settings

router = APIRouter(tags=["indicators and targets"])


def indicator_summaries(store: GraphStore, settings: Settings) -> list[IndicatorSummary]:
    """Every canonical indicator of the taxonomy, with what the graph holds for it (named
    query `indicators`); indicators in the graph but not in the taxonomy come last."""
    found = {r["indicator"]: r for r in run_query(store, settings, "indicators", province=None)}
    rows = []
    for ind in vocab.indicators():
        r = found.pop(ind.key, {})
        rows.append(IndicatorSummary(
            key=ind.key, name=ind.name, name_en=ind.name_en, definition=ind.definition,
            unit=ind.unit, measure=ind.measure, direction=ind.direction, scope=ind.scope,
            topics=list(ind.topics), targets=r.get("targets", 0),
            provinces=r.get("provinces") or [], years=r.get("years") or [],
            units=r.get("units") or [], written_as=r.get("written_as") or [],
        ))  # fmt: skip
    for key, r in found.items():
        rows.append(IndicatorSummary(key=key, name=r["name"], targets=r["targets"],
                                     provinces=r["provinces"] or [], years=r["years"] or [],
                                     units=r["units"] or [], written_as=r["written_as"] or []))  # fmt: skip
    rows.sort(key=lambda i: (-len(i.provinces), -i.targets, i.key))
    return rows


def from_targets_by_indicator(r: dict[str, Any]) -> TargetRow:
    """A row of the named query `targets_by_indicator` as a TargetRow."""
    fields = {k: v for k, v in r.items() if k in TargetRow.model_fields and k != "indicator"}
    return TargetRow(**fields, id=r["target"], indicator=r.get("written_as") or r["indicator"],
                     text=r.get("evidence") or "")  # fmt: skip


def target_csv(rows: list[TargetRow]) -> list[dict[str, Any]]:
    out = []
    for t in rows:
        row = t.model_dump(exclude={"departments"})
        row["departments"] = t.departments  # in the order written, each name(role)
        for role in ("lead", "support", "responsible"):
            row[role] = [d.name for d in t.departments if d.role == role]
        out.append(row)
    return out


@tabular(router, "/indicators", Indicators)
def list_indicators(
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    used: Annotated[bool, Query(description="Only indicators some target tracks")] = False,
    format: Format = None,
) -> Any:
    """Canonical indicators with how many targets track each and which provinces set them."""
    rows = indicator_summaries(store, settings)
    if used:
        rows = [r for r in rows if r.targets]
    # the count of the answer, with a page of one row built
    _, unmatched = run_page(store, settings, "api_targets", Paging(1, 0), unmatched=True)
    payload = Indicators(rows=page.cut(rows), count=len(rows), limit=page.limit,
                         offset=page.offset, unmatched_targets=unmatched)  # fmt: skip
    return respond(request, format, payload)


@tabular(router, "/indicators/{key}/targets", IndicatorTargets)
def indicator_targets(key: str, request: Request, store: Store, settings: AppSettings,
                      page: Pages, format: Format = None) -> Any:  # fmt: skip
    """One indicator across provinces: value, unit, year, baseline, binding, evidence, departments."""
    ind = resolve_indicator(key)
    summary = next(i for i in indicator_summaries(store, settings) if i.key == ind.key)
    rows = [from_targets_by_indicator(r) for r in run_query(
        store, settings, "targets_by_indicator", indicator=ind.key, province=None, year=None,
        binding=None)]  # fmt: skip
    payload = IndicatorTargets(indicator=summary, rows=page.cut(rows), count=len(rows),
                               limit=page.limit, offset=page.offset,
                               comparable=sum(1 for r in rows if r.comparable))  # fmt: skip
    return respond(request, format, payload, target_csv(payload.rows))


@tabular(router, "/targets", Targets)
def list_targets(
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    province: Annotated[str | None, Query(description="Name, short name or code")] = None,
    indicator: Annotated[str | None, Query(description="Indicator key or name")] = None,
    topic: Annotated[
        str | None, Query(description="Only targets addressing this topic key")
    ] = None,
    unmatched: Annotated[
        bool, Query(description="Only targets whose indicator matched no canonical key")
    ] = False,
    format: Format = None,
) -> Any:
    """All targets, filtered by province, indicator or topic (the indicator table of the page)."""
    params: dict[str, Any] = {}
    if blank_to_none(province):
        params["province"] = resolve_province(province or "", missing=InputError).name
    if blank_to_none(indicator):
        params["indicator"] = resolve_indicator(indicator or "", missing=InputError).key
    if blank_to_none(topic):
        key = resolve_topic(topic or "", missing=InputError).key
        params["topics"] = sorted({key} | set(vocab.topic_narrower(key)))
    # filtered and paged by the engine (queries/api_targets.cypher): only the page is built
    records, count = run_page(store, settings, "api_targets", page, unmatched=unmatched, **params)
    rows = [
        TargetRow(**{k: v for k, v in r.items() if k in TargetRow.model_fields}) for r in records
    ]
    payload = Targets(rows=rows, count=count, limit=page.limit, offset=page.offset)
    return respond(request, format, payload, target_csv(payload.rows))
