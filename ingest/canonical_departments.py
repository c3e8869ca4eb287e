"""A department mention → the canonical body it names in a document of one province.

Resolution is vocabulary-driven (data/reference/departments.yaml, expanded per province by
ingest/lexicon.py): 市药品监管局 / 市藥品監管局 / 上海市药品监督管理局 in a Shanghai document
are one 上海市药品监督管理局; 市药监局 in a Chongqing document is 重庆市药品监督管理局; a
regulator's division (器械注册处, 药审中心) is a `division` whose `parent` is its regulator.
A mention the vocabulary does not know keeps its surface form as its name (the graph
scopes it to the document's province) and the record gets a warning naming it; in a city's
or county's own document, a body named by its level alone (市卫生健康委 in a 营口市 notice)
takes the place's name (营口市卫生健康委), so that two cities' bureaus stay two bodies.

Apart from the document's registry (ingest/department_registry.py) and the running-text step
(ingest/departments.py) because resolving reads one name, the province and the issuing place
alone: nothing of the text around the mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ingest.bodies import is_generic
from policykg.ingest.lexicon import (
    body_and_unit,
    expanded_below_province,
    resolve_department,
    resolve_national,
)
from policykg.ingest.vocab import Province


@dataclass(frozen=True)
class ResolvedDepartment:
    name: str
    kind: str | None
    level: str | None
    parent: str | None = None
    known: bool = True  # False: not in the vocabulary, kept as written
    successor: str | None = None


def resolve(mention: str, province: Province | None) -> ResolvedDepartment:
    """The canonical department a mention names in a document of `province`.

    A generic body (有关部门, 各县（市、区）人民政府, 商务部门) the vocabulary does not know
    stays a generic mention (kind `generic`), as written: never a named body.
    """
    mention = mention.strip()
    hit = resolve_department(mention, province.code) if province else resolve_national(mention)
    if hit is None:
        if is_generic(mention):
            return ResolvedDepartment(mention, "generic", None)
        if unit := _unit_of_known_body(mention, province):
            return unit
        if (full := expanded_below_province(mention)) != mention:
            # 邯郸市市场监管局: a city's body written short, named in full as it signs
            return ResolvedDepartment(full, None, None, known=False)
        return ResolvedDepartment(mention, None, None, known=False)
    return ResolvedDepartment(hit.name, hit.kind, hit.level, hit.parent, successor=hit.successor)


# A locality's level (营口市 → 市, 湘阴县 → 县, 恩施土家族苗族自治州 → 州) and the words that
# open with that character but name no body of the level (市场监管局, 区域, 县域).
_LEVEL_OF = re.compile(r"(?:自治)?(?P<level>[市县区州盟旗])$")
_NOT_LEVEL = ("市场", "市民", "市域", "区域", "县域", "州域")


def local_name(mention: str, locality: str | None) -> str | None:
    """A body a city's or county's own document names by its level alone (市卫生健康委,
    县卫生局 in a document of 湘阴县): the body of that place (湘阴县卫生局), as the gold
    README scopes it; None when the mention names another level or a place of its own."""
    level = _LEVEL_OF.search(locality or "")
    if level is None or not mention.startswith(level["level"]) or len(mention) < 2:
        return None
    several = mention[1] in "市县区州盟旗乡镇级直" and not mention[1:].startswith(_NOT_LEVEL)
    if mention.startswith(_NOT_LEVEL) or several:
        return None  # 市县两级…, 市直部门, 市级: several levels or a generic body
    return f"{locality}{mention[1:]}"


# A unit of a body written after the body's name (省药监局各检查分局, 市场监管局药品科): the
# kinds of internal divisions and field units (科/股/处/室, 分局, 中心, 所, 站, 队).
_UNIT = re.compile(r"各?[\u4e00-\u9fff]{1,10}?(?:科|股|处|室|分局|局|中心|所|站|大队|支队|队)")


def _unit_of_known_body(mention: str, province: Province | None) -> ResolvedDepartment | None:
    """A unit the vocabulary does not know, under a body it knows: named after the body's
    canonical name and linked to it (parent), so the body is reached (DIVISION_OF)."""
    found = body_and_unit(mention, province.code if province else None, _UNIT)
    if found is None:
        return None
    hit, unit = found
    return ResolvedDepartment(hit.name + unit, hit.kind, "division", hit.name)
