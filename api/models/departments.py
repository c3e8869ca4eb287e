"""Answers about departments: the department list and the measures naming one
department, with its roles and wordings there."""

from __future__ import annotations

from policykg.api.models.common import Page
from policykg.api.models.evidence import Evidence
from pydantic import BaseModel, Field


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


class DepartmentMeasureRow(Evidence):
    roles: list[str] = Field(default_factory=list, description="This department's roles here")
    mentions: list[str] = Field(default_factory=list, description="The wording used")


class DepartmentMeasures(Page):
    department: DepartmentRow
    rows: list[DepartmentMeasureRow]
