"""Typed response models of the researcher API: /docs and /openapi.json describe every field.

Every tabular answer has `rows`, `count` (rows before paging), `limit` and `offset`; the
same rows are available as CSV (`.csv` suffix or `?format=csv`).
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from policykg.api.comparability import judge
from pydantic import BaseModel, Field, computed_field, field_validator

Status = Literal["commits", "background", "silent", "no_documents"]


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
    """A department as one statement names it: the canonical department (id, name, kind,
    level) and this statement's wording, role and place in its list."""

    id: str | None = Field(None, description="Department id (province code:name)")
    name: str = Field(description="Canonical full name")
    kind: str | None = Field(None, description="drug_regulator, health, …")
    level: str | None = Field(
        None, description="national | provincial | municipal | district | division"
    )
    role: str | None = Field(None, description="lead | support | responsible")
    mention: str | None = Field(None, description="As this statement writes it")
    order: int | None = Field(
        None, description="Place in the statement's list as written (0 = first)"
    )


def ordered_departments(items: list[dict[str, Any]] | None) -> list[DepartmentRef]:
    """A statement's departments in the order written (the lead first, as task lists put it)."""
    found = [d for d in items or [] if d and d.get("name")]
    found.sort(key=lambda d: (d.get("order") is None, d.get("order") or 0))
    return [DepartmentRef(**d) for d in found]


class Evidence(BaseModel):
    """The one evidence model of every answer: what was said, where (document, section,
    span in the normalized text and in the original file), and by whom."""

    kind: Literal["measure", "target", "program"] = Field(
        "measure", description="measure | target | program"
    )
    id: str = Field(description="Measure or target id")
    statement: str | None = Field(None, description="commitment | background | vision | safeguard")
    text: str = Field(
        "", description="The sentence(s) of the measure, or the target's row or sentence"
    )
    section: str | None = Field(None, description="Section path, e.g. 主要任务 / 强化追溯")
    title: str | None = Field(None, description="The measure's own heading, if any")
    province: str | None = None
    document_id: str | None = None
    document: str | None = Field(None, description="Document title")
    doc_number: str | None = Field(None, description="Document number, e.g. 沪府办发〔2022〕9号")
    document_kind: str | None = Field(None, description="规划 / 实施意见 / 若干措施 / 分工方案 …")
    issued_date: str | None = Field(None, description="Issued date of the document (ISO)")
    start: int | None = Field(
        None, description="Offset in the normalized text (Simplified, markup removed)"
    )
    end: int | None = None
    source_start: int | None = Field(
        None, description="Offset in the original file's text (its script and markup)"
    )
    source_end: int | None = None
    topics: list[str] = Field(default_factory=list, description="Topic keys matched")
    matched: list[str] = Field(default_factory=list, description="The words that matched")
    departments: list[DepartmentRef] = Field(
        default_factory=list, description="In the order written"
    )

    @field_validator("departments", mode="before")
    @classmethod
    def _in_written_order(cls, value: Any) -> Any:
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            return ordered_departments(value)
        return value

    @computed_field(description="The original text with this span highlighted (GET /source)")  # type: ignore[prop-decorator]
    @property
    def source_url(self) -> str | None:
        if not self.document_id or self.source_start is None or self.source_end is None:
            return None
        query = urlencode({"document_id": self.document_id, "start": self.source_start,
                           "end": self.source_end})  # fmt: skip
        return f"/source?{query}#span"


class TargetRow(Evidence):
    """A quantified target with its evidence (table row or sentence)."""

    kind: Literal["measure", "target", "program"] = "target"
    code: str | None = Field(None, description="Province code (GB/T 2260)")
    indicator: str = Field(description="Indicator as written")
    indicator_key: str | None = Field(None, description="Canonical indicator key, if matched")
    indicator_unit: str | None = Field(None, description="The canonical indicator's unit")
    direction: str | None = Field(None, description="higher | lower | none: which way is better")
    value: float | None = None
    value_text: str | None = Field(None, description="The value as written, e.g. 99.5以上")
    comparator: str | None = None
    unit: str | None = None
    year: int | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    binding: str | None = Field(None, description="binding (约束性) | expected (预期性)")
    cumulative: bool | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return value or ""

    # issue 13.6: a name match is not enough to put targets side by side
    @computed_field(  # type: ignore[prop-decorator]
        description="Measures what the indicator's other targets measure (unit of the same "
        "kind, the province's own figure, the indicator's scope): safe to put side by side. "
        "null when the target matched no canonical indicator"
    )
    @property
    def comparable(self) -> bool | None:
        return judge(self.indicator_key, self.indicator, self.value_text, self.unit).comparable

    @computed_field(  # type: ignore[prop-decorator]
        description="Why the target is not comparable (when comparable is false)"
    )
    @property
    def not_comparable_because(self) -> str | None:
        return judge(self.indicator_key, self.indicator, self.value_text, self.unit).reason


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
        default_factory=list,
        description="Titles of documents establishing it (the first max_items)",
    )
    document_count: int = Field(
        0, description="All documents establishing it (documents may be cut)"
    )
    measures: int = Field(0, description="Measures mentioning it")
    topics: list[str] = Field(
        default_factory=list, description="Topics of those measures (the first max_items)"
    )
    topic_count: int = Field(0, description="All topics of those measures (topics may be cut)")
    written_as: list[str] = Field(
        default_factory=list, description="Names as documents write it (the first max_items)"
    )
    written_as_count: int = Field(0, description="All names as written (written_as may be cut)")
    evidence: Evidence | None = Field(None, description="The first measure mentioning it")


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


class TopicProvinceRow(BaseModel):
    province: str = Field(description="Full official name")
    code: str
    status: Status = Field(
        description="commits: a commitment measure or a target; background: only background, "
        "vision or safeguard sentences; silent: the province's documents are in the graph and "
        "none addresses the topic; no_documents: the graph holds no document of the province"
    )
    documents: list[CoveredDocument] = Field(
        default_factory=list,
        description="The province's documents the status rests on (the first max_items)",
    )
    document_count: int = Field(0, description="All its documents (documents may be cut)")
    commitments: int = Field(description="Its commitment sentences on the topic, all of them")
    mentions: int = Field(description="Its other sentences on the topic, all of them")
    target_count: int = Field(0, description="Its targets on the topic (targets may be cut)")
    lead_departments: list[str] = Field(default_factory=list)
    support_departments: list[str] = Field(default_factory=list)
    other_departments: list[str] = Field(
        default_factory=list, description="Named as responsible without a lead/support role"
    )
    targets: list[TargetRow] = Field(default_factory=list)
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="Commitment sentences first, then other mentions (with max_items: the "
        "first max_items of each)",
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


class TopicGroup(BaseModel):
    key: str = Field(description="The broadest topic of the group")
    name_zh: str | None = None
    name_en: str | None = None
    topics: list[str] = Field(description="Column keys in this group, the broad topic first")


class Matrix(BaseModel):
    provinces: list[str] = Field(description="Row order: provinces with documents first")
    without_documents: list[str] = Field(
        default_factory=list, description="Provinces the graph holds no document of"
    )
    topics: list[TopicInfo] = Field(description="Column order: grouped under their broader topic")
    groups: list[TopicGroup] = Field(default_factory=list, description="Columns by broader topic")
    cells: list[MatrixCell] = Field(
        description="Non-empty cells only; a missing cell is silent for a province with "
        "documents and no_documents for one without"
    )
    count: int
    limit: int
    offset: int


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


class CitedDocument(BaseModel):
    title: str | None = None
    doc_number: str | None = None


class TimelineDocument(BaseModel):
    document_id: str
    title: str | None = None
    doc_number: str | None = None
    kind: str | None = None
    issued_date: str | None = None
    published_date: str | None = None
    period: str | None = None
    items: int = Field(description="Committing measures and targets on the topic in it")
    follows: list[CitedDocument] = Field(
        default_factory=list, description="National policy documents it cites"
    )
    laws: list[str] = Field(
        default_factory=list, description="National laws and regulations it cites"
    )


class TimelineRow(BaseModel):
    """When a province first committed to the topic, in what kind of document, following what."""

    province: str
    code: str
    first_committed: str | None = Field(
        None, description="Issued date of the earliest committing document (null: undated)"
    )
    document_id: str
    document: str | None = None
    doc_number: str | None = None
    document_kind: str | None = None
    period: str | None = None
    items: int
    follows: list[CitedDocument] = Field(default_factory=list)
    laws: list[str] = Field(default_factory=list)
    documents_committing: int
    documents: list[TimelineDocument] = Field(
        description="Every committing document, earliest first (the first max_items)"
    )


class Timeline(Page):
    topic: TopicInfo
    include_narrower: bool
    not_committed: list[str] = Field(description="Provinces with documents that do not commit")
    without_documents: list[str] = Field(description="Provinces the graph holds no document of")
    rows: list[TimelineRow]


# --------------------------------------------------------------------------- indicators


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


class MeasureRow(Evidence):
    """A measure of the document (named query `document_measures`)."""

    measure: str = Field(description="Measure id (the same as `id`)")
    ordinal: str | None = None


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
    roles: list[str] = Field(default_factory=list, description="This department's roles here")
    mentions: list[str] = Field(default_factory=list, description="The wording used")


class DepartmentMeasures(Page):
    department: DepartmentRow
    rows: list[DepartmentMeasureRow]
