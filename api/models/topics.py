"""Answers about topics: the topic list, the provinces by topic (their status and
evidence), the province × topic matrix and a topic's timeline of first commitments."""

from __future__ import annotations

from policykg.api.models.common import Page, Status
from policykg.api.models.evidence import Evidence, TargetRow
from policykg.api.models.provinces import CoveredDocument
from pydantic import BaseModel, Field


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
