"""The one evidence model of every answer (what was said, where, by whom), the departments
it names in written order, and a quantified target as evidence with its comparability. Apart
from the route families because every one of them returns these rows."""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from policykg.api.comparability import judge
from policykg.api.models.common import Page
from pydantic import BaseModel, Field, computed_field, field_validator


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
