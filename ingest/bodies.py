"""Government bodies recognised by their form, with or without a vocabulary or a province.

A body's name is an administrative prefix (国家, 省, 市, a place name ending in 省/市/县/区 …),
a core, and a suffix naming a kind of body (局, 厅, 委员会, 人民政府, 领导小组, 联席会议 …);
data/patterns/departments.yaml `forms` lists them. `find_bodies` reads them off a clause;
`is_body` and `is_generic` judge one mention. Generic bodies (有关部门, 各成员单位, 各县（市、区）
人民政府, 商务部门) are recognised as such, so that they stay generic mentions and are never
resolved to a named body. Resolving a named body to its canonical name is
ingest/canonical_departments.py's job (the vocabulary, when the province is known).

This module holds the readers the others call (`body_at`, `find_bodies`, `inherited_at`,
`opens_with_verb`, `shared_prefix`, `person_before`) and what decides between readings:
generic mentions, the bodies the vocabulary knows by name, names listed after a shared
prefix or as divisions of one body. The forms are read apart: full names by
ingest/named_bodies.py, bare township and sector names by ingest/bare_bodies.py, lists of
bare sectors or places before their departments by ingest/body_lists.py, the place a name
opens with by ingest/places.py; `Body` and the forms are ingest/body_forms.py's.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from policykg.ingest.bare_bodies import (
    joined_sector,
    level_sector,
    sector_bureau,
    town_body,
    town_station,
)
from policykg.ingest.body_forms import Body, alternation, body_forms, first_word
from policykg.ingest.named_bodies import below_province, named_at, named_rx, split_joined
from policykg.ingest.places import county_opening, is_place_name, place_of, prefecture_aliases
from policykg.ingest.vocab import provinces


@cache
def _generic_rx() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rx})" for rx in body_forms()["generic"]))


def is_generic(mention: str) -> bool:
    """A collective or unnamed body: 有关部门, 各县（市、区）人民政府, 药品监管部门."""
    return _generic_rx().fullmatch(mention.strip()) is not None


def is_body(mention: str) -> bool:
    """The whole mention has the form of a named body (省药监局, 国务院办公厅, 广州市卫生健康委)."""
    text = mention.strip()
    m = named_at(text, 0)
    return bool(m and m.end() == len(text)) or is_generic(text)


def find_bodies(text: str, start: int = 0) -> list[Body]:
    """The bodies opening at `start` or after it, left to right, as (start, end, text)."""
    out: list[Body] = []
    pos = start
    while pos < len(text):
        body = body_at(text, pos)
        if body is None:
            pos += 1
            continue
        n = named_at(text, pos)
        if not body.generic and n:
            for piece_start, piece_end in split_joined(text, n.start(), n.end()):
                piece_start = below_province(text, piece_start, piece_end)
                out.append(Body(piece_start, piece_end, text[piece_start:piece_end], False))
            pos = n.end()
        else:
            out.append(body)
            pos = body.end
        prefix = shared_prefix(out[-1].text)
        while (
            prefix and text.startswith("、", pos) and (more := inherited_at(text, pos + 1, prefix))
        ):
            out.append(more)
            pos = more.end
        while text.startswith("、", pos) and (unit := sibling_division(text, pos + 1, out[-1])):
            out.append(unit)
            pos = unit.end
    return out


def sibling_division(text: str, pos: int, before: Body) -> Body | None:
    """After a body's internal division and 、, another division of the same body named bare
    (省局药品注册处、综合处): a body, as written."""
    if not _is_division(before) or body_at(text, pos) is not None:
        return None
    unit = _division_rx().match(text, pos)
    return Body(unit.start(), unit.end(), unit.group(), False) if unit else None


@cache
def _division_rx() -> re.Pattern[str]:
    """A body's internal division named bare (综合处, 食品科), as written after a sibling."""
    stop = alternation([*body_forms()["core_stop"], "和"])
    units = alternation(body_forms()["unit_suffixes"])
    return re.compile(rf"(?:(?!{stop})[\u4e00-\u9fff]){{2,8}}?(?:{units})(?![长副])")


def _is_division(body: Body) -> bool:
    """A named body ending in an internal division (省药监局药品注册处)."""
    if body.generic:
        return False
    # (a division is named only in a body's second chunk: a whole name ending in one has a
    # parent body)
    n = named_at(body.text, 0)
    return bool(n and n.end() == len(body.text) and body.text.endswith(_units()))


@cache
def _units() -> tuple[str, ...]:
    return tuple(body_forms()["unit_suffixes"])


@lru_cache(maxsize=4096)  # pure in the name: asked twice per mention, and names repeat
def shared_prefix(name: str) -> str | None:
    """The level prefix a body's name opens with (市委宣传部 → 市委, 县财政局 → 县), which the
    names listed after it share when they leave it out; a province or place opening it gives
    its level (黑龙江省教育厅、工信厅 → 省; 锦州市卫健委、市场监管局 → 市)."""
    if level := next((p for p in _prefixes_longest_first() if name.startswith(p)), None):
        return level
    for p in provinces():
        if name.startswith(p.name):
            return next((w for w in ("自治区", "省", "市") if p.name.endswith(w)), None)
    place = place_of(name)
    if place is None and county_opening(name):
        return "县"  # 祁县市监局、卫计委: a county of two characters, its level 县
    return place[-1] if place and place[-1] in "市县区州盟旗" else None


@cache
def _prefixes_longest_first() -> list[str]:
    return sorted(body_forms()["prefixes"], key=len, reverse=True)


def inherited_at(text: str, pos: int, prefix: str) -> Body | None:
    """A name at `pos` written without the level prefix of the body listed before it
    (市工业和信息化局、司法局、商务局): a body when the prefix makes it one. The mention keeps
    the words as written."""
    n = named_rx(False).match(prefix + text[pos : pos + 24])
    if n is None or n.end() - len(prefix) < 2:
        return None  # first: the tests below may ask jieba for a part of speech
    if body_at(text, pos) is not None or opens_with_verb(text, pos):
        return None  # a name of its own (or a generic body), or a clause going on
    end = pos + n.end() - len(prefix)
    if text.startswith(("长", "员"), end):
        return None  # 局长、副局长: a post of the body before, not a body (副局)
    if any(named_at(text, j) for j in range(pos + 1, end - 1)):
        return None  # 王某某省财政厅: a name of its own inside, after a person's name
    a, b = split_joined(text, pos, end)[0]
    return Body(a, b, text[a:b], False)


@cache
def _sector_short() -> re.Pattern[str]:
    return re.compile(alternation(body_forms()["sector_short"]))


@cache
def _level_prefix() -> re.Pattern[str]:
    """Openings that are a body's prefix whatever jieba says (相关 is tagged a verb)."""
    f = body_forms()
    places = [n for p in provinces() for n in (p.name, *p.aliases)]
    generic = [
        "县级以上",
        "县级及以上",
        "省级以上",
        "省级及以上",
        "市级以上",
        "市级及以上",
        "各级",
        "各地",
        "各有关",
        "各相关",
        "各",
        "有关",
        "相关",
        "其他",
        "全省",
        "全市",
        # (bodies named by their role: 牵头部门要…, jieba reads 牵头 as a verb)
        "牵头部门",
        "牵头单位",
        "配合部门",
        "配合单位",
        "协办单位",
        "参与部门",
        "参与单位",
        "责任部门",
        "责任单位",
    ]
    return re.compile(alternation([*f["prefixes"], *places, *generic]))


def opens_with_verb(text: str, pos: int) -> bool:
    """The words at `pos` open with a verb or a function word (支持…, 加强…): no body."""
    if _level_prefix().match(text, pos) or _sector_short().match(text, pos):
        return False
    word, pos_tag = first_word(text[pos : pos + 8])
    # (a prefecture's short name is a place whatever jieba tags it: 大同 reads as an adverb;
    # so is a division the gazetteer knows: 通道县, whose 通道 reads as a verb)
    if pos_tag not in body_forms()["not_first_pos"] or word in prefecture_aliases():
        return False
    return not any(
        is_place_name(text[pos : pos + len(word) + len(d)]) and text.startswith(d, pos + len(word))
        for d in body_forms()["division_words"]
    )


def person_before(text: str, body: Body) -> Body | None:
    """On a roster line a person's name runs into the body's level prefix (某某市政府副市长,
    某某某县卫生健康局局长): when the body's place is no division the gazetteer knows, the
    body opening at the division word after two or three characters."""
    if shared_prefix(body.text):
        return None  # 县委县政府办公室: a level prefix opens it, no person
    for k in (2, 3):
        if len(body.text) > k + 2 and body.text[k] in body_forms()["person_before"]:
            if is_place_name(body.text[: k + 1]):
                return None
            inner = body_at(text, body.start + k)
            if inner is not None and inner.end == body.end:
                return inner
    return None


@cache
def _known_rx() -> re.Pattern[str]:
    """The national bodies by the names the vocabulary knows, written without a level
    prefix in national documents (商务部, 工业和信息化部, 食品药品监管总局), and the
    conventional short names of coordination bodies (食安办, 药安委) and a township's units
    (派出所, 卫生院, 综治办)."""
    from policykg.ingest.lexicon import national_surfaces

    names = [*national_surfaces(), *body_forms()["short_forms"], *body_forms()["township_units"]]
    branch = rf"(?:驻?[\u4e00-\u9fff]{{2,6}}?(?:{alternation(body_forms()['branch_suffixes'])}))?"
    return re.compile(rf"(?:{alternation(names)}){branch}(?!门)")


# Memoized: a clause is asked the same (text, pos) again and again (find_assignments tests
# its opening up to six times, then _body_list and find_bodies again): 28 000 distinct of
# 139 000 calls over 40 bench documents. Pure in (text, pos), a Body is frozen.
@lru_cache(maxsize=4096)
def body_at(text: str, pos: int) -> Body | None:
    """The body whose name opens exactly at `pos`, if any (the longest reading)."""
    g = _generic_rx().match(text, pos)
    if g and g.group().endswith(tuple(body_forms()["regulated_parties"])):
        g = None  # 各食品生产经营单位: the regulated, not a body of the system
    n = named_at(text, pos)
    if n and _firm_branch(n.group()):
        n = None  # 县医药公司分公司: a firm, not a body of the system (中国电信某市分公司 is one)
    k = _known_rx().match(text, pos)
    if not (g or n or k) and (
        station := town_station(text, pos)
        or town_body(text, pos)
        or level_sector(text, pos)
        or sector_bureau(text, pos)
        or joined_sector(text, pos)
    ):
        return station
    # no name opens here: None without jieba's part-of-speech look-up, the costly test
    if not (g or n or k) or opens_with_verb(text, pos):
        return None
    if k and not (n and n.end() >= k.end()) and not (g and g.end() > k.end()):
        return Body(k.start(), k.end(), k.group(), False)
    if n and not (g and g.end() > n.end()):
        a, b = split_joined(text, n.start(), n.end())[0]
        a = below_province(text, a, b)
        return Body(a, b, text[a:b], False)
    if g:
        # (a generic department's own divisions after it, 县市场监管部门相关业务科室要…: one body)
        end = d.end() if (d := _DIVISIONS_AFTER.match(text, g.end())) else g.end()
        return Body(g.start(), end, text[g.start() : end], True)
    return None


@cache
def _firm_kinds() -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The branch suffix, the openings that make a branch the state's, and the kinds of
    branch the suffixes list as bodies (盐业分公司)."""
    firms = body_forms()["firm_branches"]
    kinds = tuple(
        s for s in body_forms()["suffixes"] if s.endswith(firms["suffix"]) and s != firms["suffix"]
    )
    return firms["suffix"], tuple(firms["opens"]), kinds


def _firm_branch(name: str) -> bool:
    suffix, opens, kinds = _firm_kinds()
    return name.endswith(suffix) and not name.startswith(opens) and not name.endswith(kinds)


# The divisions of a body named after it (…部门相关业务科室, …部门各执法大队)
_DIVISIONS_AFTER = re.compile(
    r"(?:各|相关|有关)[\u4e00-\u9fff]{0,4}?(?:处室|科室|股室|执法大队|执法队|分局)(?=要|应|须|负责|按照|切实|认真|[、，,])"
)
