"""Offsets into the original text: every extracted span also points into the file as read.

The record's `start`/`end` are into the normalized text (Simplified, markup stripped,
lines rejoined); `NormalizedText.to_source` maps them back, so that a researcher can
check the sentence in the original script and layout.
"""

from __future__ import annotations

from policykg.ingest.normalize import NormalizedText
from policykg.ingest.record import ExtractionRecord, Measure, Program, Target


def add_source_spans(record: ExtractionRecord, normalized: NormalizedText) -> None:
    """Fill `source_start`/`source_end` of every measure, target and program."""
    limit = len(normalized.text)
    items: list[Measure | Target | Program] = [*record.measures, *record.targets, *record.programs]
    for item in items:
        start, end = max(0, min(item.start, limit)), max(0, min(item.end, limit))
        if start > end:
            continue  # an inconsistent span is left unmapped rather than guessed
        item.source_start, item.source_end = normalized.to_source(start, end)
