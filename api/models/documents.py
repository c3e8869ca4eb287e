"""Answers about documents: the document list and one document in detail (its outline,
measures and targets)."""

from __future__ import annotations

from typing import Any

from policykg.api.models.common import Page
from policykg.api.models.evidence import Evidence, TargetRow
from pydantic import BaseModel, Field


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
