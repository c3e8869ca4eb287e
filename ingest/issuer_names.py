"""An issuer's name as the graph keeps it: the full official name the department vocabulary
knows (国家药监局 → 国家药品监督管理局), a body's issuing unit after it (…办公厅, …司), and the
place a level-only name (市市场监督管理局) leaves to the title.

Separate from ingest/issuers.py, which reads the names as the document writes them: these
run once the province is inferred, and ask the vocabularies (departments, the gazetteer),
not the document's layout.
"""

from __future__ import annotations

import re

from policykg.ingest.lexicon import (
    body_and_unit,
    expanded_below_province,
    resolve_department,
    resolve_national,
)
from policykg.ingest.places import is_place_name, place_of
from policykg.ingest.vocab import Province

from policykg.errors import InputError


def canonical_issuer(name: str, province: Province | None) -> str:
    """An issuer as its full official name (国家药监局 → 国家药品监督管理局) when the department
    vocabulary knows it (data/reference/departments.yaml); else as written."""
    if (
        province
        and province.kind != "municipality"  # 天津市西青区…: a district is named with its city
        and name.startswith(province.name)
        and place_of(name[len(province.name) :])
    ):
        name = name[len(province.name) :]  # 某省某市市场监管局: the city's body, named as its own
    try:
        hit = resolve_department(name, province.code) if province else resolve_national(name)
        if hit is None:  # a body's office or department (国家卫生健康委办公厅, 中央网信办秘书局)
            found = body_and_unit(name, province.code if province else None, _ISSUING_UNIT)
            if found is not None:
                return found[0].name + found[1]
    except InputError:  # a province outside the department system (HK, Macao)
        return name
    return hit.name if hit is not None else expanded_below_province(name)


def with_listed_place(names: list[str], province: Province | None) -> list[str]:
    """Joint issuers written after the first without its province (河南省食品药品监督管理局、
    财政厅): the province's own body of that name, where the vocabulary knows it; after a
    city's or county's body, its level word alone (武汉市市场监管局、市公安局): that place's."""
    place = place_of(names[0]) if len(names) >= 2 else None
    if place and place != (province.name if province else None):
        names = [names[0]] + [
            place + n[1:] if n[:1] == place[-1] and not n.startswith(place) else n
            for n in names[1:]
        ]
    if not province or len(names) < 2 or not names[0].startswith(province.name):
        return names
    out = [names[0]]
    for name in names[1:]:
        if (
            not name.startswith(province.name)
            and not place_of(name)
            and not is_place_name(name[:2])
        ):
            try:
                hit = resolve_department(province.name + name, province.code)
            except InputError:
                hit = None
            name = province.name + name if hit is not None else name
        out.append(name)
    return out


def with_title_place(issuer: str, title: str | None) -> str:
    """An issuer written with its level only (市市场监督管理局, from a page's label) in a
    document whose title opens with its place (黑河市关于…): the place's body."""
    place = place_of(title) if title else None
    if place and issuer[:1] == place[-1] and not issuer.startswith(place):
        return place + issuer[1:]
    if title and issuer[:1] in _LEVELS and not place:
        # (市人民政府办公室关于做好2023年某某市…的通知: the one place of the issuer's level the
        # title names is its own)
        named = {
            title[i : i + k]
            for i in range(len(title))
            for k in range(3, 5)
            if title[i + k - 1 : i + k] == issuer[0] and is_place_name(title[i : i + k])
        }
        if len(named) == 1:
            return named.pop() + issuer[1:]
    return issuer


_LEVELS = frozenset("市县区镇乡旗")


# The units of a body that issue in its name (GB/T 9704 发文机关: 办公厅, 秘书局, 综合司)
_ISSUING_UNIT = re.compile(r"办公厅|办公室|秘书局|秘书处|[\u4e00-\u9fff]{1,8}?司")
