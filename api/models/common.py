"""The parts every route shares: the error body (and the error answers routes declare),
the page envelope every table extends, and a province's status on a topic. Kept apart so
each route family's models import them without importing one another."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

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
