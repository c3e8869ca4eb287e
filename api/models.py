"""Typed response models of the researcher API: /docs and /openapi.json describe every field.

Every tabular answer has `rows`, `count` (rows before paging), `limit` and `offset`; the
same rows are available as CSV (`.csv` suffix or `?format=csv`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Status = Literal["commits", "background", "silent"]


class ErrorBody(BaseModel):
    """Every error: a type and a message saying what was wrong and what to do."""

    error: str = Field(description="Error type, e.g. NotFoundError, InputError, QueryRefused")
    message: str = Field(description="What went wrong and how to fix the request")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter cannot be used (the message says why)"},
    404: {"model": ErrorBody, "description": "No such province, topic, indicator, id …"},
    422: {"model": ErrorBody, "description": "A parameter has the wrong type or range"},
}


class Page(BaseModel):
    count: int = Field(description="Number of rows before paging")
    limit: int = Field(description="Rows per page (capped by the server's max_rows)")
    offset: int = Field(description="Rows skipped")


# --------------------------------------------------------------------------- shared parts


class DepartmentRef(BaseModel):
    id: str | None = Field(None, description="Department id (province code:name)")
    name: str
    role: str | None = Field(None, description="lead | support | responsible")
    kind: str | None = Field(None, description="drug_regulator, health, …")


class Evidence(BaseModel):
    """A measure sentence with where it stands: document, section, character span."""

    measure_id: str
    statement: str | None = Field(None, description="commitment | background | vision | safeguard")
    text: str = Field(description="The sentence(s) of the measure")
    section: str | None = Field(None, description="Section path, e.g. 主要任务 / 强化追溯")
    title: str | None = Field(None, description="The measure's own heading, if any")
    document_id: str | None = None
    document: str | None = Field(None, description="Document title")
    doc_number: str | None = Field(None, description="Document number, e.g. 沪府办发〔2022〕9号")
    start: int | None = Field(None, description="Offset of the measure in the normalized text")
    end: int | None = None
    topics: list[str] = Field(default_factory=list, description="Topic keys matched")
    matched: list[str] = Field(default_factory=list, description="The words that matched")
    departments: list[DepartmentRef] = Field(default_factory=list)


class TargetRow(BaseModel):
    """A quantified target with its evidence (table row or sentence)."""

    id: str
    province: str | None = None
    code: str | None = Field(None, description="Province code (GB/T 2260)")
    document_id: str | None = None
    document: str | None = None
    doc_number: str | None = None
    indicator: str = Field(description="Indicator as written")
    indicator_key: str | None = Field(None, description="Canonical indicator key, if matched")
    value: float | None = None
    value_text: str | None = Field(None, description="The value as written, e.g. 99.5以上")
    comparator: str | None = None
    unit: str | None = None
    year: int | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    binding: str | None = Field(None, description="binding (约束性) | expected (预期性)")
    cumulative: bool | None = None
    section: str | None = None
    text: str | None = Field(None, description="The evidence: sentence or table row")
    start: int | None = None
    end: int | None = None
    topics: list[str] = Field(default_factory=list)
    departments: list[DepartmentRef] = Field(default_factory=list)


class Targets(Page):
    rows: list[TargetRow]


# --------------------------------------------------------------------------- provinces


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


class DocumentRow(BaseModel):
    id: str
    province: str | None = None
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_date: str | None = None
    published_date: str | None = None
    kind: str | None = None
    script: str | None = None
    measures: int = 0
    targets: int = 0


class Documents(Page):
    rows: list[DocumentRow]


class TopicCount(BaseModel):
    key: str
    name_zh: str | None = None
    commitments: int
    mentions: int = Field(description="Background, vision or safeguard measures")
    targets: int


class DepartmentRow(BaseModel):
    id: str
    name: str
    kind: str | None = None
    level: str | None = Field(
        None, description="national | provincial | municipal | district | division"
    )
    province: str | None = None
    code: str | None = None
    mentions: list[str] = Field(default_factory=list, description="How documents write it")
    measures: int = Field(description="Measures naming the department")
    lead: int = Field(description="Measures it leads")
    support: int = Field(description="Measures it supports")
    targets: int = Field(description="Targets it is responsible for")


class Departments(Page):
    rows: list[DepartmentRow]


class ProgramRow(BaseModel):
    name: str
    kind: str | None = Field(
        None, description="工程 / 平台 / 系统 / 计划 / 行动 / 改革 / 项目 / 中心"
    )
    description: str | None = None
    province: str | None = None
    documents: list[str] = Field(
        default_factory=list, description="Titles of documents establishing it"
    )
    measures: int = Field(0, description="Measures mentioning it")
    topics: list[str] = Field(default_factory=list, description="Topics of those measures")
    evidence: dict[str, Any] | None = Field(
        None,
        description="First mention: {measure, text, section, document, doc_number, start, end}",
    )


class Programs(Page):
    rows: list[ProgramRow]


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
    documents: list[ProfileDocument]
    topics: list[TopicCount] = Field(description="Topics its measures and targets address")
    departments: list[ProfileDepartment]
    programs: list[ProfileProgram]
    targets: list[ProfileTarget]


# --------------------------------------------------------------------------- topics


class TopicInfo(BaseModel):
    key: str
    name_zh: str | None = None
    name_en: str | None = None
    broader: list[str] = Field(default_factory=list)
    narrower: list[str] = Field(default_factory=list)


class TopicSummary(TopicInfo):
    commitments: int = Field(description="Commitment measures (narrower topics included)")
    mentions: int = Field(description="Background / vision / safeguard measures")
    targets: int = Field(description="Targets addressing the topic")
    provinces_committing: list[str] = Field(description="Provinces with a commitment or target")


class Topics(Page):
    rows: list[TopicSummary]


class TopicProvinceRow(BaseModel):
    province: str = Field(description="Full official name")
    code: str
    status: Status = Field(
        description="commits: a commitment measure or a target; background: only background, "
        "vision or safeguard sentences; silent: nothing"
    )
    commitments: int
    mentions: int
    lead_departments: list[str] = Field(default_factory=list)
    support_departments: list[str] = Field(default_factory=list)
    other_departments: list[str] = Field(
        default_factory=list, description="Named as responsible without a lead/support role"
    )
    targets: list[TargetRow] = Field(default_factory=list)
    evidence: list[Evidence] = Field(
        default_factory=list, description="Commitment sentences first, then other mentions"
    )


class TopicProvinces(Page):
    topic: TopicInfo
    include_narrower: bool
    committing: list[str] = Field(description="Provinces whose status is commits")
    rows: list[TopicProvinceRow]


class MatrixCell(BaseModel):
    province: str
    topic: str
    commitments: int
    mentions: int
    targets: int
    status: Status


class Matrix(BaseModel):
    provinces: list[str] = Field(description="Row order: provinces with documents first")
    topics: list[TopicInfo] = Field(description="Column order: topics with any commitment")
    cells: list[MatrixCell] = Field(description="Non-empty cells only; missing means silent")
    count: int
    limit: int
    offset: int


# --------------------------------------------------------------------------- indicators


class IndicatorSummary(BaseModel):
    key: str
    name: str | None = None
    name_en: str | None = None
    unit: str | None = None
    direction: str | None = Field(None, description="higher | lower | none: which way is better")
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


# --------------------------------------------------------------------------- documents


class OutlineEntry(BaseModel):
    """A section of the document in reading order (named query `document_outline`)."""

    section: str | None = Field(None, description="Section path as the measures carry it")
    start: int | None = Field(None, description="Offset of its first measure or target")
    end: int | None = None
    measures: int = 0
    commitments: int = 0
    targets: int = 0
    headings: list[str] = Field(default_factory=list, description="Headings of its measures")
    topics: list[str] = Field(default_factory=list)
    departments: list[str] = Field(default_factory=list)


class MeasureRow(BaseModel):
    """A measure of the document (named query `document_measures`)."""

    measure: str = Field(description="Measure id")
    ordinal: str | None = None
    section: str | None = None
    title: str | None = None
    statement: str | None = None
    topics: list[str] = Field(default_factory=list)
    departments: list[dict[str, Any]] = Field(default_factory=list, description="{name, role}")
    start: int | None = None
    end: int | None = None
    text: str


class DocumentDetail(BaseModel):
    id: str
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_date: str | None = None
    published_date: str | None = None
    kind: str | None = None
    period: str | None = None
    source: str | None = None
    script: str | None = None
    chars: int | None = None
    province: str | None = None
    code: str | None = None
    references: list[dict[str, Any]] = Field(default_factory=list)
    outline: list[OutlineEntry]
    measures: list[MeasureRow]
    targets: list[TargetRow]


class DepartmentMeasureRow(Evidence):
    province: str | None = None
    roles: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list, description="The wording used")


class DepartmentMeasures(Page):
    department: DepartmentRow
    rows: list[DepartmentMeasureRow]
