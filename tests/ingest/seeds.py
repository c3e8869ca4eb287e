"""The five seeds extracted once per test session (extraction is pure and deterministic)."""

from __future__ import annotations

from functools import cache

from policykg.ingest.pipeline import extract_file
from policykg.ingest.record import ExtractionRecord

from tests.conftest import SEEDS, seed


@cache
def record(prefix: str) -> ExtractionRecord:
    return extract_file(seed(prefix))


def all_records() -> list[ExtractionRecord]:
    return [record(p.name[:3]) for p in SEEDS]
