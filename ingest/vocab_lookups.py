"""Look-ups in the loaded vocabularies: a province by name or code, a topic or indicator
by key, a topic's broader and narrower topics.

They only read what ingest/vocab_loaders.py has loaded and validated (the default files)
and add no checks of their own; separate so the loaders stay about the files.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from policykg.ingest.vocab_loaders import _ancestors, indicators, provinces, topics
from policykg.ingest.vocab_models import Indicator, Province, Topic


@cache
def _province_index() -> Mapping[str, Province]:
    index: dict[str, Province] = {}
    for p in provinces():
        for form in (p.code, p.name, p.short, *p.short_alt, *p.aliases):
            index[form] = p
    return MappingProxyType(index)


def province_by_name(text: str) -> Province | None:
    """The province a full name, alias, abbreviation or code names (上海市/上海/沪/310000)."""
    return _province_index().get(text.strip())


def province_by_code(code: str) -> Province | None:
    return next((p for p in provinces() if p.code == code), None)


@cache
def topic_ancestors(key: str) -> frozenset[str]:
    """All broader topics of a topic (transitively)."""
    return frozenset(_ancestors(key, {t.key: t.broader for t in topics()}))


@cache
def topic_narrower(key: str) -> frozenset[str]:
    """All narrower topics of a topic (transitively), for include_narrower queries."""
    return frozenset(t.key for t in topics() if key in topic_ancestors(t.key))


def indicator_by_key(key: str) -> Indicator | None:
    return next((i for i in indicators() if i.key == key), None)


def topic_by_key(key: str) -> Topic | None:
    return next((t for t in topics() if t.key == key), None)
