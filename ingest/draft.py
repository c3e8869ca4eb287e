"""A measure as ingest/ drafts it, before department resolution: the type the measure
stages (ingest/measures.py and its builders, ingest/measure_splits.py) pass along."""

from __future__ import annotations

from dataclasses import dataclass, field

from policykg.ingest.responsibility import Mention


@dataclass
class DraftMeasure:
    """A measure before department resolution (mentions are still surface forms)."""

    ordinal: str
    section: str | None
    title: str | None
    text: str
    statement: str
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)
