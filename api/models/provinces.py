"""Answers about provinces: the province list, a province's profile (named query
`province_profile`) and the coverage of each province (the documents its answers rest on,
`CoveredDocument`, which the topic answers reuse)."""

from __future__ import annotations

from policykg.api.models.common import Page
from pydantic import BaseModel, Field


class ProvinceSummary(BaseModel):
    code: str
    name: str = Field(description="Full official name, e.g. 上海市")
    short: str | None = Field(None, description="One-character abbreviation, e.g. 沪")
    kind: str | None = Field(None, description="province | municipality | autonomous_region | sar")
    documents: int
    measures: int
    commitments: int
    targets: int
    departments: int


class Provinces(Page):
    rows: list[ProvinceSummary]


class TopicCount(BaseModel):
    key: str
    name_zh: str | None = None
    commitments: int
    mentions: int = Field(description="Background, vision or safeguard measures")
    targets: int


class ProfileDocument(BaseModel):
    id: str
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_date: str | None = None
    kind: str | None = None
    period: str | None = None
    measures: int = 0
    commitments: int = 0
    targets: int = 0


class ProfileDepartment(BaseModel):
    name: str
    kind: str | None = None
    level: str | None = None
    lead: int = Field(0, description="Measures and targets it leads")
    support: int = Field(0, description="Measures and targets it supports")
    responsible: int = Field(0, description="Measures and targets naming it without a role")


class ProfileProgram(BaseModel):
    name: str
    kind: str | None = None
    description: str | None = None
    documents: list[str] = Field(default_factory=list, description="Titles establishing it")


class ProfileTarget(BaseModel):
    indicator: str
    indicator_key: str | None = None
    value: float | None = None
    value_text: str | None = None
    unit: str | None = None
    year: int | None = None
    baseline: float | None = None
    binding: str | None = None
    document: str | None = None
    start: int | None = None
    end: int | None = None


class ProvinceProfile(BaseModel):
    """Named query `province_profile`, with the province's names from the reference data."""

    code: str
    name: str = Field(description="Full official name")
    name_en: str | None = None
    short: str | None = None
    kind: str | None = None
    regions: list[str] = Field(
        default_factory=list, description="Cooperation regions it belongs to"
    )
    documents: list[ProfileDocument] = Field(
        description="Its documents, earliest first (the first max_items)"
    )
    document_count: int = Field(0, description="All its documents (documents may be cut)")
    topics: list[TopicCount] = Field(
        description="Topics its measures and targets address, most commitments first (the "
        "first max_items)"
    )
    topic_count: int = Field(0, description="All those topics (topics may be cut)")
    departments: list[ProfileDepartment] = Field(
        description="Departments named, most lead roles first (the first max_items)"
    )
    department_count: int = Field(0, description="All departments named (departments may be cut)")
    programs: list[ProfileProgram] = Field(
        description="Programs its documents establish (the first max_items)"
    )
    program_count: int = Field(0, description="All those programs (programs may be cut)")
    targets: list[ProfileTarget] = Field(
        description="Targets its documents set (the first max_items)"
    )
    target_count: int = Field(0, description="All those targets (targets may be cut)")


class CoveredDocument(BaseModel):
    """A document a province's answers rest on."""

    document_id: str
    title: str | None = None
    doc_number: str | None = None
    kind: str | None = Field(None, description="规划 / 实施意见 / 若干措施 / 分工方案 …")
    issued_date: str | None = None
    published_date: str | None = None
    period: str | None = Field(None, description="Plan period, e.g. 2021-2025")
    measures: int | None = None
    targets: int | None = None


class CoverageRow(BaseModel):
    """What the graph holds for a province: every answer about it rests on these documents."""

    province: str
    code: str
    document_count: int = Field(description="All its documents (documents may be cut)")
    documents: list[CoveredDocument] = Field(description="Its documents (the first max_items)")
    kinds: list[str] = Field(default_factory=list, description="Kinds of document held")
    periods: list[str] = Field(default_factory=list, description="Plan periods covered")
    years: list[str] = Field(default_factory=list, description="Years of issue")


class Coverage(Page):
    provinces_with_documents: int
    rows: list[CoverageRow]
