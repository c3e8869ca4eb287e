"""Answers about programs: the program list, each row with the documents establishing
it and its first measure as evidence."""

from __future__ import annotations

from policykg.api.models.common import Page
from policykg.api.models.evidence import Evidence
from pydantic import BaseModel, Field


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
