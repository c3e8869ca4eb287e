"""The ExtractionRecord: the seam between ingest/ and graph/.

`policykg extract FILE --json` prints it, tests assert on it, the writer consumes it.
Every offset (`start`, `end`) points into the normalized text of the document;
`source_start`/`source_end` point into the original text as read from the file (its
script and markup kept), so that a citation can be checked against the source.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["lead", "support", "responsible"]
Statement = Literal["commitment", "background", "vision", "safeguard"]
Binding = Literal["binding", "expected"]
Comparator = Literal["=", ">=", "<=", ">", "<"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentInfo(Strict):
    id: str
    source: str
    title: str | None = None
    province: str | None = None
    province_code: str | None = None
    # national | regional (several provinces', no province) | provincial | local
    level: str | None = None
    issuer: str | None = None  # 发文机关; a joint document's issuers joined with 、
    issuers: list[str] = Field(default_factory=list)
    doc_number: str | None = None  # the document's own 发文字号, brackets as 〔〕
    issued_date: str | None = None  # 成文日期
    published_date: str | None = None  # the web page's 发布日期
    addressee: str | None = None  # 主送机关
    printed_by: str | None = None  # 版记: 印发机关
    printed_date: str | None = None  # 版记: 印发日期
    index_number: str | None = None  # 索引号 of a 政务公开 page
    subject: str | None = None  # 主题分类 of a 政务公开 page
    kind: str | None = None
    period: str | None = None
    script: Literal["simplified", "traditional"] = "simplified"
    content_hash: str = ""  # sha256 of the normalized text
    extractor_version: str = ""  # fingerprint of the extractor's code and data (ingest/version.py)
    chars: int = 0


class DepartmentMention(Strict):
    name: str  # canonical full name (as resolved for the document's province)
    mention: str  # exactly as written
    role: Role = "responsible"


class TopicMatch(Strict):
    key: str
    matched: str


class Section(Strict):
    """A heading of the document outline (一、 / （一） / 专栏 …)."""

    ordinal: str  # path of numbers, e.g. "3.2"
    title: str
    level: int
    start: int
    end: int


class Measure(Strict):
    id: str
    ordinal: str
    section: str | None = None
    title: str | None = None
    text: str
    statement: Statement = "commitment"
    start: int
    end: int
    source_start: int | None = None  # span in the original file's text
    source_end: int | None = None
    departments: list[DepartmentMention] = Field(default_factory=list)
    topics: list[TopicMatch] = Field(default_factory=list)
    programs: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)


class Target(Strict):
    id: str
    indicator: str
    indicator_key: str | None = None
    value: float | None = None
    value_text: str
    comparator: Comparator | None = None
    unit: str | None = None
    year: int | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    binding: Binding | None = None
    cumulative: bool = False
    section: str | None = None
    text: str = ""  # the evidence sentence or table row
    start: int
    end: int
    source_start: int | None = None  # span in the original file's text
    source_end: int | None = None
    departments: list[DepartmentMention] = Field(default_factory=list)
    topics: list[TopicMatch] = Field(default_factory=list)


class Program(Strict):
    name: str
    kind: str | None = None
    description: str | None = None
    start: int
    end: int
    source_start: int | None = None  # span in the original file's text
    source_end: int | None = None


class Department(Strict):
    name: str
    kind: str | None = None
    level: str | None = None
    parent: str | None = None  # canonical name of the body a division belongs to
    # canonical name of the body that took over its functions in an institutional reform
    # (卫生厅 → 卫生和计划生育委员会 → 卫生健康委员会): comparisons across years follow it
    successor: str | None = None
    mentions: list[str] = Field(default_factory=list)


class Reference(Strict):
    title: str | None = None
    doc_number: str | None = None


class ExtractionRecord(Strict):
    document: DocumentInfo
    sections: list[Section] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    programs: list[Program] = Field(default_factory=list)
    departments: list[Department] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
