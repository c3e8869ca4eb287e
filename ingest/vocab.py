"""Vocabularies and reference data: provinces, regions, departments, topics, indicators.

The data lives in data/reference/ and data/taxonomy/ (installed as policykg/_data); each
file's header documents its fields. This module validates the files (pydantic, extra keys
forbidden, cross-file integrity) and serves them from cached loaders. Every loader takes
an optional path, so a test or a user can point it at another file; a broken file raises
`InputError` naming the file and the field.

This module is the vocabularies' public face (`from policykg.ingest import vocab`); the
code lives in three modules it re-exports from: ingest/vocab_models.py (the pydantic
models of the files), ingest/vocab_loaders.py (the cached loaders and their integrity
checks) and ingest/vocab_lookups.py (a province by name or code, a topic or indicator by
key, a topic's ancestors and narrower topics).

The reference semantics of the files live next door: ingest/lexicon.py expands the
department vocabulary for one province (`department_lexicon`, `resolve_department`,
`find_departments`) and ingest/matching.py is the synonym/pattern/exclude matcher shared
by topics and indicators (`topic_hits`, `match_topics`, `match_indicator`). Everything
works on Simplified text.
"""

from __future__ import annotations

from policykg.ingest.vocab_loaders import (
    DESIGN_TOPIC_KEYS,
    departments,
    indicators,
    laws,
    provinces,
    regions,
    topics,
)
from policykg.ingest.vocab_lookups import (
    indicator_by_key,
    province_by_code,
    province_by_name,
    topic_ancestors,
    topic_by_key,
    topic_narrower,
)
from policykg.ingest.vocab_models import (
    DepartmentEntry,
    DepartmentName,
    ExcludeRule,
    Indicator,
    Law,
    Level,
    Pattern,
    Province,
    ProvinceKind,
    Region,
    Topic,
)

__all__ = [
    "DESIGN_TOPIC_KEYS",
    "DepartmentEntry",
    "DepartmentName",
    "ExcludeRule",
    "Indicator",
    "Law",
    "Level",
    "Pattern",
    "Province",
    "ProvinceKind",
    "Region",
    "Topic",
    "departments",
    "indicator_by_key",
    "indicators",
    "laws",
    "province_by_code",
    "province_by_name",
    "provinces",
    "regions",
    "topic_ancestors",
    "topic_by_key",
    "topic_narrower",
    "topics",
]
