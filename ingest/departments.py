"""Department mentions → one canonical department per province.

Interim resolver: expands the province-relative prefix (市/省/自治区) with the
document's province and classifies divisions by their suffix. The vocabulary-driven
resolver (data/reference/departments.yaml) replaces the body of `resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.vocab import Province

DIVISION_SUFFIX = re.compile(r"(?:处|中心|所|院|科|室|稽查局|稽查总队)$")


@dataclass(frozen=True)
class ResolvedDepartment:
    name: str
    kind: str | None
    level: str | None
    parent: str | None = None


def resolve(mention: str, province: Province | None) -> ResolvedDepartment:
    mention = mention.strip()
    if mention.startswith(("国家", "国务院")):
        return ResolvedDepartment(mention, None, "national")
    for prefix in ("自治区", "省", "市"):
        if province and mention.startswith(prefix) and not mention.startswith(province.name):
            return ResolvedDepartment(province.name + mention[len(prefix) :], None, "provincial")
    if mention.startswith("各"):
        return ResolvedDepartment(mention, "collective", "district")
    if DIVISION_SUFFIX.search(mention):
        return ResolvedDepartment(mention, None, "division")
    return ResolvedDepartment(mention, None, None)
