"""Named bodies by their form: an administrative prefix (国家, 省, a province, a place word
ending in 省/市/县/区 …), a core and a kind's suffix, with up to two units of it (省药监局稽查局);
also opened by a prefecture's short name (大同盐务分局), a two-character county (宁县农业农村局)
or a city's name before its zone (福州高新区市场监管局). And the cuts a full name may need:
two bodies read as one, split at their joiner (省药监局和省卫生健康委), and the province written
before the place, left out of the body's name (江苏省南京市市场监管局).

Apart from ingest/bodies.py, which decides between readings (generic, known by name, named,
bare) and reads lists, because this is the grammar of one full name and its place tests
(one word for jieba, a place the gazetteer knows): the readers ask `named_at` without
needing to know how a name is built.
"""

from __future__ import annotations

import re
from functools import cache

from policykg.ingest.body_forms import alternation, body_forms, first_word
from policykg.ingest.places import county_opening, is_place_name, prefecture_aliases
from policykg.ingest.vocab import provinces


@cache
def named_rx(places_too: bool = True) -> re.Pattern[str]:
    """A named body; without `places_too`, only the level prefixes open it (县委县政府办公室,
    where 县委县 is no place)."""
    f = body_forms()
    places = [n for p in provinces() for n in (p.name, *p.aliases)]
    stop = alternation(f["core_stop"])
    place = (
        rf"(?:(?:{alternation(places)})|(?P<place>(?![{f['not_place_start']}])(?:(?!{stop})[\u4e00-\u9fff])"
        rf"{{2,4}}?(?:{alternation(f['division_words'])})))"
    )
    if not places_too:
        place = "(?P<place>(?!))"
    prefix = rf"(?:中共)?(?:{place}|{alternation(f['prefixes'])})"
    return re.compile(prefix + _tail())


@cache
def _tail() -> str:
    """A named body after its prefix: core, suffix and up to two units of it."""
    f = body_forms()
    stop = alternation(f["core_stop"])
    keep = alternation(f["core_keep"])
    core = rf"(?:{keep}|(?!{stop})[\u4e00-\u9fff]){{0,{f['max_core']}}}?"
    suffix = alternation(f["suffixes"])
    # a body may name a unit of another: 省人民政府办公厅, 省药监局稽查局 (one more chunk)
    more_stop = alternation([*f["core_stop"], "和"])
    # (省药监局各检查分局: the units of a kind, under their body)
    # (省药监局药品注册处: a body's internal division, 处/科/室/司, only after a body)
    inner = alternation([*f["suffixes"], *f["unit_suffixes"]])
    # (not a verb of the body's own right after its name: 县公安局查处…, 县局强化办证…)
    more = rf"(?!{alternation(f['unit_not_open'])})各?(?:{keep}|(?!{more_stop})[\u4e00-\u9fff]){{0,8}}?(?:{inner})"
    # (two chunks: 省政府食品安全委员会办公室, a government's committee's office; a name never
    # ends in the 委 of 委托 or of 委员: 省卫健委委托省疾控中心…, 主任委员, 镇宣传委员, nor in the 部 of 部署
    # or the 办 of 办理 and 办法: 由县药安委统一部署, …中心统一办理, …管理办法)
    # (nor in the 所 of 所有 and 所以: 辖区所有零售药店 names no 所; nor in the 部 of 部门: 某市
    # 海洋渔业部门 is a generic sector, not a ministry)
    # (a working group of a command or a leading group: 省疫情防控指挥部物资保障组, not its 组长)
    group = (
        rf"(?:(?<=指挥部)|(?<=领导小组)|(?<=工作专班))(?:(?!{more_stop})[\u4e00-\u9fff]){{2,6}}?组"
        r"(?![长织成建合员])"
    )
    return (
        rf"{core}(?:{suffix})(?!托|署|理|法|员|士)(?!(?<=所)[有以])(?!(?<=部)门)"
        rf"(?:{more}(?!长|副?书记|成员|员|托|署|理|法|士)){{0,2}}(?:{group})?"
    )


@cache
def _short_place_rx(length: int) -> re.Pattern[str]:
    """A body opened by a prefecture's short name of `length` characters (大同盐务分局: 大同
    for 大同市). The callers have read the name at the position they match from, so any
    `length` characters stand for it: the same match as the name spelled out, and one
    pattern per length instead of one per name (each compiles the whole tail, ~14 ms)."""
    return re.compile(rf"(?P<place>[\s\S]{{{length}}}){_tail()}")


def _short_place_body(text: str, pos: int) -> re.Match[str] | None:
    """A news reprint's body named after its city without 市 (大同盐务分局, 潍坊食药监局): the
    short name must be the first word (not 长治 in 长治久安) and the rest a body's core and
    suffix, with no level prefix of its own (大同市… is the named form)."""
    aliases = prefecture_aliases()
    for k in (4, 3, 2):
        alias = text[pos : pos + k]
        if alias in aliases and text[pos + k : pos + k + 1] not in body_forms()["division_words"]:
            if first_word(text[pos : pos + 8])[0] != alias:
                return None
            return _short_place_rx(len(alias)).match(text, pos)  # alias is text[pos : …]
    return None


# What may stand before a two-character county opening a body (宁县农业农村局): nothing, a
# punctuation mark, or a word that introduces a body (由, 联合, 会同, 与); not any other
# character: 和县 in 市卫生局和县卫生局 is 和 + 县卫生局, 任县 in 担任县… is 担任 + 县….
_BEFORE_SHORT_COUNTY = frozenset("由与同合及请")


def _short_county_body(text: str, pos: int) -> re.Match[str] | None:
    """A body opened by a county whose whole name is two characters (宁县农业农村局, 渠县卫生
    健康局): too short to look for anywhere, sure at a clause's or a list's opening."""
    county = text[pos : pos + 2]
    if not county.endswith("县") or county_opening(county) is None:
        return None
    before = text[pos - 1 : pos]
    if before and "\u4e00" <= before <= "\u9fff" and before not in _BEFORE_SHORT_COUNTY:
        return None
    return _short_place_rx(len(county)).match(text, pos)  # county is text[pos : …]


def named_at(text: str, pos: int) -> re.Match[str] | None:
    """A named body at `pos`; a place not in provinces.yaml must be one word (广州市, 海淀区),
    not a phrase that happens to end in 市 (充分发挥市…)."""
    n = named_rx().match(text, pos) or _short_place_body(text, pos) or _short_county_body(text, pos)
    if n and text.startswith("院士", n.end()):
        return None  # 中国工程院院士: a person's title, not the academy
    if n and n["place"] and not _one_word_place(n["place"], text, pos):
        # 县委县政府办公室, 地区市场监督管理局: 县委县 and 地区市 are no places, a level
        # prefix opens the name (沛县市场监管局: a county of two characters, 沛县 + 市场…)
        # (福州高新区市场监管局: no place 福州高新区, the city's name opens its zone's body)
        zone = n["place"].endswith(tuple(body_forms()["zone_words"]))
        return (
            _short_county_body(text, pos)
            or (_short_place_body(text, pos) if zone else None)
            or named_rx(False).match(text, pos)
        )
    if n and n["place"] and _province_inside().search(n["place"], 1):
        return None  # …月福建省: a known province opens the name later, not here
    if n and n["place"] and n["place"].endswith("省"):
        # the provinces are a closed list, matched before any other place: 某某省 is a
        # person's name before 省 (召集人：某某省政府副省长), the body opens at 省
        return None
    return n


def _one_word_place(place: str, text: str, pos: int) -> bool:
    """A place is one word for jieba (海淀区), or a word and its division word (玉环 + 市,
    兰州 + 新区): not a phrase that happens to end in 市 (充分发挥市…)."""
    word = first_word(text[pos : pos + 8])[0]
    if word == place:
        return True
    if len(word) == 1 and is_place_name(place):
        return True  # 颍东区…: a rare character jieba leaves alone; the gazetteer knows the place
    split = place.startswith(word) and place[len(word) :] in body_forms()["division_words"]
    # a person's name before 省/市 (任某某省政府) splits the same way: the gazetteer decides
    # (a place of four characters too: 大兴安岭 + 地区)
    return split and 2 <= len(word) <= 4 and is_place_name(place)


@cache
def _province_inside() -> re.Pattern[str]:
    return re.compile(alternation([p.name for p in provinces()]))


@cache
def _province_prefix() -> re.Pattern[str]:
    # (a municipality's districts carry its name: 北京市海淀区市场监督管理局)
    forms = {f for p in provinces() if p.kind != "municipality" for f in (p.name, *p.aliases)}
    return re.compile(alternation(sorted(forms, key=len, reverse=True)))


def below_province(text: str, a: int, b: int) -> int:
    """Where the name of a city's or county's body starts when the province is written before
    the place (江苏省南京市市场监管局, 湖南湘乡市卫健局): at the place, since the body's
    official name is the place's own (南京市市场监督管理局); the province stays the
    document's. `a` when no place the gazetteer knows follows the province."""
    m = _province_prefix().match(text, a, b)
    if m is None:
        return a
    rest = text[m.end() : b]
    for cut in range(min(len(rest) - 2, 8), 1, -1):  # the place, then at least 2 more letters
        place = rest[:cut]
        if place.endswith(tuple(body_forms()["division_words"])) and is_place_name(place):
            return m.end()
    return a


@cache
def _joined() -> re.Pattern[str]:
    """Where two bodies were read as one: 省药监局和省卫生健康委 (和 inside 住房和城乡建设厅
    stays: it follows no suffix character)."""
    return re.compile(r"(?<=[局厅委办院所站部府心组署室])(?:和|及|与|会同)(?=\S)")


def split_joined(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The pieces of a name read from `a` to `b` where two bodies were read as one (省药监局和
    省卫生健康委: 省药监局, 省卫生健康委), cut at each joiner a named body follows."""
    cuts = [(m.start(), m.end()) for m in _joined().finditer(text, a, b)]
    out, pos = [], a
    for s, e in cuts:
        if named_rx().match(text, e):
            out.append((pos, s))
            pos = e
    out.append((pos, b))
    return out
