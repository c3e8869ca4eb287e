"""Answers about indicators: the indicator list and an indicator's targets, with how many
of them measure what the indicator defines."""

from __future__ import annotations

from policykg.api.models.common import Page
from policykg.api.models.evidence import Targets
from pydantic import BaseModel, Field


class IndicatorSummary(BaseModel):
    key: str
    name: str | None = None
    name_en: str | None = None
    definition: str | None = Field(None, description="What is measured, in what unit, whose figure")
    unit: str | None = None
    measure: str | None = Field(None, description="rate | count | per_capita | duration | …")
    direction: str | None = Field(None, description="higher | lower | none: which way is better")
    scope: str | None = Field(
        None, description="national: the things counted are in a national procedure or list"
    )
    topics: list[str] = Field(default_factory=list)
    targets: int
    provinces: list[str]
    years: list[int] = Field(default_factory=list, description="Target years used")
    units: list[str] = Field(default_factory=list, description="Units used")
    written_as: list[str] = Field(default_factory=list, description="Names as documents write it")


class Indicators(Page):
    unmatched_targets: int = Field(description="Targets whose indicator matched no canonical key")
    rows: list[IndicatorSummary]


class IndicatorTargets(Targets):
    indicator: IndicatorSummary
    comparable: int = Field(
        description="Rows that measure what the indicator defines (the others say why not)"
    )
