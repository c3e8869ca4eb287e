"""Government bodies recognised by their form, with or without a vocabulary or a province.

A body's name is an administrative prefix (国家, 省, 市, a place name ending in 省/市/县/区 …),
a core, and a suffix naming a kind of body (局, 厅, 委员会, 人民政府, 领导小组, 联席会议 …);
data/patterns/departments.yaml `forms` lists them. `find_bodies` reads them off a clause;
`is_body` and `is_generic` judge one mention. Generic bodies (有关部门, 各成员单位, 各县（市、区）
人民政府, 商务部门) are recognised as such, so that they stay generic mentions and are never
resolved to a named body. Resolving a named body to its canonical name is
ingest/departments.py's job (the vocabulary, when the province is known).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from policykg.ingest.patterns import pattern_file
from policykg.ingest.places import county_opening, is_place_name, prefecture_aliases
from policykg.ingest.vocab import provinces


@dataclass(frozen=True)
class Body:
    start: int
    end: int
    text: str
    generic: bool


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _forms() -> dict:
    return pattern_file("departments.yaml")["forms"]


@cache
def _named_rx(places_too: bool = True) -> re.Pattern[str]:
    """A named body; without `places_too`, only the level prefixes open it (县委县政府办公室,
    where 县委县 is no place)."""
    f = _forms()
    places = [n for p in provinces() for n in (p.name, *p.aliases)]
    stop = _alt(f["core_stop"])
    place = (
        rf"(?:(?:{_alt(places)})|(?P<place>(?![{f['not_place_start']}])(?:(?!{stop})[\u4e00-\u9fff])"
        rf"{{2,4}}?(?:{_alt(f['division_words'])})))"
    )
    if not places_too:
        place = "(?P<place>(?!))"
    prefix = rf"(?:中共)?(?:{place}|{_alt(f['prefixes'])})"
    return re.compile(prefix + _tail())


@cache
def _tail() -> str:
    """A named body after its prefix: core, suffix and up to two units of it."""
    f = _forms()
    stop = _alt(f["core_stop"])
    keep = _alt(f["core_keep"])
    core = rf"(?:{keep}|(?!{stop})[\u4e00-\u9fff]){{0,{f['max_core']}}}?"
    suffix = _alt(f["suffixes"])
    # a body may name a unit of another: 省人民政府办公厅, 省药监局稽查局 (one more chunk)
    more_stop = _alt([*f["core_stop"], "和"])
    # (省药监局各检查分局: the units of a kind, under their body)
    # (省药监局药品注册处: a body's internal division, 处/科/室/司, only after a body)
    inner = _alt([*f["suffixes"], *f["unit_suffixes"]])
    more = rf"各?(?:{keep}|(?!{more_stop})[\u4e00-\u9fff]){{0,8}}?(?:{inner})"
    # (two chunks: 省政府食品安全委员会办公室, a government's committee's office; a name never
    # ends in the 委 of 委托 or of 委员: 省卫健委委托省疾控中心…, 主任委员, 镇宣传委员, nor in the 部 of 部署
    # or the 办 of 办理 and 办法: 由县药安委统一部署, …中心统一办理, …管理办法)
    # (nor in the 所 of 所有 and 所以: 辖区所有零售药店 names no 所)
    return (
        rf"{core}(?:{suffix})(?!托|署|理|法|员|士)(?!(?<=所)[有以])"
        rf"(?:{more}(?!长|副?书记|成员|员|托|署|理|法|士)){{0,2}}"
    )


@lru_cache(maxsize=512)
def _short_place_rx(alias: str) -> re.Pattern[str]:
    """A body opened by a prefecture's short name (大同盐务分局: 大同 for 大同市)."""
    return re.compile(rf"(?P<place>{re.escape(alias)}){_tail()}")


def _short_place_body(text: str, pos: int) -> re.Match[str] | None:
    """A news reprint's body named after its city without 市 (大同盐务分局, 潍坊食药监局): the
    short name must be the first word (not 长治 in 长治久安) and the rest a body's core and
    suffix, with no level prefix of its own (大同市… is the named form)."""
    aliases = prefecture_aliases()
    for k in (4, 3, 2):
        alias = text[pos : pos + k]
        if alias in aliases and text[pos + k : pos + k + 1] not in _forms()["division_words"]:
            if _first_word(text[pos : pos + 8])[0] != alias:
                return None
            return _short_place_rx(alias).match(text, pos)
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
    return _short_place_rx(county).match(text, pos)


@cache
def _generic_rx() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rx})" for rx in _forms()["generic"]))


@cache
def _joined() -> re.Pattern[str]:
    """Where two bodies were read as one: 省药监局和省卫生健康委 (和 inside 住房和城乡建设厅
    stays: it follows no suffix character)."""
    return re.compile(r"(?<=[局厅委办院所站部府心组署室])(?:和|及|与|会同)(?=\S)")


def is_generic(mention: str) -> bool:
    """A collective or unnamed body: 有关部门, 各县（市、区）人民政府, 药品监管部门."""
    return _generic_rx().fullmatch(mention.strip()) is not None


def is_body(mention: str) -> bool:
    """The whole mention has the form of a named body (省药监局, 国务院办公厅, 广州市卫生健康委)."""
    text = mention.strip()
    m = _named_at(text, 0)
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
        n = _named_at(text, pos)
        if not body.generic and n:
            for piece_start, piece_end in _split(text, n.start(), n.end()):
                piece_start = _below_province(text, piece_start, piece_end)
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
    stop = _alt([*_forms()["core_stop"], "和"])
    units = _alt(_forms()["unit_suffixes"])
    return re.compile(rf"(?:(?!{stop})[\u4e00-\u9fff]){{2,8}}?(?:{units})(?![长副])")


def _is_division(body: Body) -> bool:
    """A named body ending in an internal division (省药监局药品注册处)."""
    if body.generic:
        return False
    # (a division is named only in a body's second chunk: a whole name ending in one has a
    # parent body)
    n = _named_at(body.text, 0)
    return bool(n and n.end() == len(body.text) and body.text.endswith(_units()))


@cache
def _units() -> tuple[str, ...]:
    return tuple(_forms()["unit_suffixes"])


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
    return place[-1] if place and place[-1] in "市县区州盟旗" else None


@cache
def _prefixes_longest_first() -> list[str]:
    return sorted(_forms()["prefixes"], key=len, reverse=True)


def inherited_at(text: str, pos: int, prefix: str) -> Body | None:
    """A name at `pos` written without the level prefix of the body listed before it
    (市工业和信息化局、司法局、商务局): a body when the prefix makes it one. The mention keeps
    the words as written."""
    n = _named_rx(False).match(prefix + text[pos : pos + 24])
    if n is None or n.end() - len(prefix) < 2:
        return None  # first: the tests below may ask jieba for a part of speech
    if body_at(text, pos) is not None or opens_with_verb(text, pos):
        return None  # a name of its own (or a generic body), or a clause going on
    end = pos + n.end() - len(prefix)
    if text.startswith(("长", "员"), end):
        return None  # 局长、副局长: a post of the body before, not a body (副局)
    if any(_named_at(text, j) for j in range(pos + 1, end - 1)):
        return None  # 王某某省财政厅: a name of its own inside, after a person's name
    a, b = _split(text, pos, end)[0]
    return Body(a, b, text[a:b], False)


@cache
def _first_word(head: str) -> tuple[str, str]:
    """jieba's first word of `head` and its part of speech."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # jieba announces its dictionary on stderr
    words = jieba.posseg.lcut(head)
    return (words[0].word, words[0].flag) if words else ("", "")


@cache
def _sector_short() -> re.Pattern[str]:
    return re.compile(_alt(_forms()["sector_short"]))


@cache
def _level_prefix() -> re.Pattern[str]:
    """Openings that are a body's prefix whatever jieba says (相关 is tagged a verb)."""
    f = _forms()
    places = [n for p in provinces() for n in (p.name, *p.aliases)]
    generic = [
        "县级以上",
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
    return re.compile(_alt([*f["prefixes"], *places, *generic]))


def opens_with_verb(text: str, pos: int) -> bool:
    """The words at `pos` open with a verb or a function word (支持…, 加强…): no body."""
    if _level_prefix().match(text, pos) or _sector_short().match(text, pos):
        return False
    word, pos_tag = _first_word(text[pos : pos + 8])
    # (a prefecture's short name is a place whatever jieba tags it: 大同 reads as an adverb;
    # so is a division the gazetteer knows: 通道县, whose 通道 reads as a verb)
    if pos_tag not in _forms()["not_first_pos"] or word in prefecture_aliases():
        return False
    return not any(
        is_place_name(text[pos : pos + len(word) + len(d)]) and text.startswith(d, pos + len(word))
        for d in _forms()["division_words"]
    )


def _named_at(text: str, pos: int) -> re.Match[str] | None:
    """A named body at `pos`; a place not in provinces.yaml must be one word (广州市, 海淀区),
    not a phrase that happens to end in 市 (充分发挥市…)."""
    n = (
        _named_rx().match(text, pos)
        or _short_place_body(text, pos)
        or _short_county_body(text, pos)
    )
    if n and text.startswith("院士", n.end()):
        return None  # 中国工程院院士: a person's title, not the academy
    if n and n["place"] and not _one_word_place(n["place"], text, pos):
        # 县委县政府办公室, 地区市场监督管理局: 县委县 and 地区市 are no places, a level
        # prefix opens the name (沛县市场监管局: a county of two characters, 沛县 + 市场…)
        # (福州高新区市场监管局: no place 福州高新区, the city's name opens its zone's body)
        zone = n["place"].endswith(tuple(_forms()["zone_words"]))
        return (
            _short_county_body(text, pos)
            or (_short_place_body(text, pos) if zone else None)
            or _named_rx(False).match(text, pos)
        )
    if n and n["place"] and _province_inside().search(n["place"], 1):
        return None  # …月福建省: a known province opens the name later, not here
    if n and n["place"] and n["place"].endswith("省"):
        # the provinces are a closed list, matched before any other place: 某某省 is a
        # person's name before 省 (召集人：某某省政府副省长), the body opens at 省
        return None
    return n


def person_before(text: str, body: Body) -> Body | None:
    """On a roster line a person's name runs into the body's level prefix (某某市政府副市长,
    某某某县卫生健康局局长): when the body's place is no division the gazetteer knows, the
    body opening at the division word after two or three characters."""
    if shared_prefix(body.text):
        return None  # 县委县政府办公室: a level prefix opens it, no person
    for k in (2, 3):
        if len(body.text) > k + 2 and body.text[k] in _forms()["person_before"]:
            if is_place_name(body.text[: k + 1]):
                return None
            inner = body_at(text, body.start + k)
            if inner is not None and inner.end == body.end:
                return inner
    return None


def _one_word_place(place: str, text: str, pos: int) -> bool:
    """A place is one word for jieba (海淀区), or a word and its division word (玉环 + 市,
    兰州 + 新区): not a phrase that happens to end in 市 (充分发挥市…)."""
    word = _first_word(text[pos : pos + 8])[0]
    if word == place:
        return True
    if len(word) == 1 and is_place_name(place):
        return True  # 颍东区…: a rare character jieba leaves alone; the gazetteer knows the place
    split = place.startswith(word) and place[len(word) :] in _forms()["division_words"]
    # a person's name before 省/市 (任某某省政府) splits the same way: the gazetteer decides
    return split and 2 <= len(word) <= 3 and is_place_name(place)


@cache
def _province_inside() -> re.Pattern[str]:
    return re.compile(_alt([p.name for p in provinces()]))


@cache
def _known_rx() -> re.Pattern[str]:
    """The national bodies by the names the vocabulary knows, written without a level
    prefix in national documents (商务部, 工业和信息化部, 食品药品监管总局), and the
    conventional short names of coordination bodies (食安办, 药安委) and a township's units
    (派出所, 卫生院, 综治办)."""
    from policykg.ingest.lexicon import national_surfaces

    names = [*national_surfaces(), *_forms()["short_forms"], *_forms()["township_units"]]
    branch = rf"(?:驻?[\u4e00-\u9fff]{{2,6}}?(?:{_alt(_forms()['branch_suffixes'])}))?"
    return re.compile(rf"(?:{_alt(names)}){branch}(?!门)")


# Memoized: a clause is asked the same (text, pos) again and again (find_assignments tests
# its opening up to six times, then _body_list and find_bodies again): 28 000 distinct of
# 139 000 calls over 40 bench documents. Pure in (text, pos), a Body is frozen.
@lru_cache(maxsize=4096)
def body_at(text: str, pos: int) -> Body | None:
    """The body whose name opens exactly at `pos`, if any (the longest reading)."""
    g = _generic_rx().match(text, pos)
    if g and g.group().endswith(tuple(_forms()["regulated_parties"])):
        g = None  # 各食品生产经营单位: the regulated, not a body of the system
    n = _named_at(text, pos)
    k = _known_rx().match(text, pos)
    if not (g or n or k) and (
        station := _town_station(text, pos)
        or _town_body(text, pos)
        or _level_sector(text, pos)
        or _sector_bureau(text, pos)
        or _joined_sector(text, pos)
    ):
        return station
    # no name opens here: None without jieba's part-of-speech look-up, the costly test
    if not (g or n or k) or opens_with_verb(text, pos):
        return None
    if k and not (n and n.end() >= k.end()) and not (g and g.end() > k.end()):
        return Body(k.start(), k.end(), k.group(), False)
    if n and not (g and g.end() > n.end()):
        a, b = _split(text, n.start(), n.end())[0]
        a = _below_province(text, a, b)
        return Body(a, b, text[a:b], False)
    if g:
        return Body(g.start(), g.end(), g.group(), True)
    return None


@cache
def _town_station_rx() -> re.Pattern[str]:
    f = _forms()
    stations = [u for u in f["township_units"] if u.endswith(("所", "站", "院"))]
    return re.compile(
        rf"(?![{f['not_place_start']}])(?!辖区|当地|属地|所在|基层|各级)[\u4e00-\u9fff]{{2}}"
        rf"(?:{_alt(stations)})"
    )


def _town_station(text: str, pos: int) -> Body | None:
    """A township's station named by its town without 镇/乡 (城关派出所, 相南市场监管所), at
    a clause's opening or after a joiner (联合/会同/和/及/与) only: elsewhere the letters
    before the unit may belong to a verb or its object."""
    if not _after_boundary(text, pos):
        return None
    m = _town_station_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None


@cache
def _town_body_rx() -> re.Pattern[str]:
    f = _forms()
    # (bare 某镇/某街道 only where a body's verb or a list goes on: 西屏街道联合…, 城关镇、新华镇要…)
    after = r"(?=[、，,]|等|联合|会同|和|及|与|共同|要|将|负责|牵头|配合|组织|开展)"
    return re.compile(
        rf"(?![{f['not_place_start']}])(?!辖区|当地|属地|所在|基层|城乡|城镇|集镇|村镇|乡镇|相关|有关|其他|其它|全部|所有)"
        rf"[\u4e00-\u9fff]{{2,3}}?(?:(?:{_alt(f['township_bodies'])})|(?:镇|乡|街道){after})"
    )


def _town_body(text: str, pos: int) -> Body | None:
    """A township or sub-district by its own name, which no gazetteer of counties holds
    (城关镇人民政府, 某某街道办事处; bare 某某街道 as the subject of an act), at a clause's
    opening or after a joiner only, like a township's station."""
    if not _after_boundary(text, pos):
        return None
    m = _town_body_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None


def _after_boundary(text: str, pos: int) -> bool:
    """`pos` opens the text, follows punctuation, or follows a joiner of bodies."""
    return (
        pos == 0
        or not re.match(r"[\u4e00-\u9fff]", text[pos - 1])
        or text[pos - 1] in "和及与"
        or text[max(0, pos - 2) : pos] in ("联合", "会同")
    )


@cache
def _level_sector_rx() -> re.Pattern[str]:
    # (what may follow: punctuation, the list's end, a joiner or the verb)
    after = r"(?=[、，,。；;]|等|联合|会同|和|及|与|共同|开展|要|将|负责|牵头|配合|参与|协助)"
    return re.compile(rf"[省市州县区盟旗](?:{_alt(_forms()['sectors'])}){after}")


@cache
def _bare_sector_rx() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt(_forms()['sectors'])})(?=、|等)")


def listed_sector(text: str, pos: int) -> Body | None:
    """A sector named bare inside a list of bodies, the list going on after it (A、经信委、
    公安、工商等多部门): that sector's department, generic, as written."""
    m = _bare_sector_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), True) if m else None


@cache
def _sector_bureau_rx() -> re.Pattern[str]:
    # (局长, 副局长, 委托, 委员, 办理 are a person or a verb, not the body)
    kinds = r"(?:局(?!局?长)|委员会(?:办公室)?|委(?!托|员)|办公室|办(?!理|法|公)|中心|所)"
    return re.compile(rf"(?:{_alt(_forms()['sectors'])}){kinds}(?!副|长)")


def _sector_bureau(text: str, pos: int) -> Body | None:
    """A sector's bureau named with no level at all (公安局、环保局、城管局联合…, county news
    usage, where the level is the text's own): that department, as written, at a clause's
    opening or after a joiner."""
    if not _after_boundary(text, pos) or text[pos - 1 : pos] in ("）", ")"):
        return None  # (各县（市、区）经信局: a level's bracket before it, the name goes back)
    m = _sector_bureau_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None


def _joined_sector(text: str, pos: int) -> Body | None:
    """A bare sector opening the list a joining verb takes (联合质监、渔业等部门…): that sector's
    department, generic; elsewhere a bare sector opening a clause is a field (农业、工业等)."""
    return listed_sector(text, pos) if text[max(0, pos - 2) : pos] in ("联合", "会同") else None


def _level_sector(text: str, pos: int) -> Body | None:
    """A level's department by its sector's short name, no kind word (县食药监、县公安联合…,
    county news usage): the department of that sector at that level, as written."""
    if not _after_boundary(text, pos):
        return None
    m = _level_sector_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None


@cache
def _province_prefix() -> re.Pattern[str]:
    # (a municipality's districts carry its name: 北京市海淀区市场监督管理局)
    forms = {f for p in provinces() if p.kind != "municipality" for f in (p.name, *p.aliases)}
    return re.compile(_alt(sorted(forms, key=len, reverse=True)))


def _below_province(text: str, a: int, b: int) -> int:
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
        if place.endswith(tuple(_forms()["division_words"])) and is_place_name(place):
            return m.end()
    return a


def _split(text: str, a: int, b: int) -> list[tuple[int, int]]:
    cuts = [(m.start(), m.end()) for m in _joined().finditer(text, a, b)]
    out, pos = [], a
    for s, e in cuts:
        if _named_rx().match(text, e):
            out.append((pos, s))
            pos = e
    out.append((pos, b))
    return out


@cache
def _sector_list_rx() -> re.Pattern[str]:
    sector = _alt(_forms()["sectors"])
    # (a province by its name or short name before the first: 宁夏质监、卫生监督等部门)
    province = _alt([n for p in provinces() for n in (p.name, *p.aliases) if len(n) >= 2])
    return re.compile(
        # (a county before the first: 某县农业、公安、市管办等多部门 — an office's short name
        # among the sectors; a level before it: 市发改、财政等部门, the level's departments)
        rf"(?:县级以上(?:地方)?(?:人民政府)?|(?:地方)?各级)?(?P<items>(?:{province}|[\u4e00-\u9fff]{{2,4}}[县区旗]|[省市州县区盟旗])?"
        rf"(?:{sector})(?:、(?:{sector}|[\u4e00-\u9fff]{{1,3}}办))+)"
        r"(?:等|以及其他|和其他)?(?:[\d一二三四五六七八九十]+个)?(?:有关|相关)?(?:[\u4e00-\u9fff]{0,6}?)部门"
    )


_PLACE_LIST = re.compile(
    r"(?P<items>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4}){1,12})等[^，,。；;：:、]{0,16}?部门"
)
_DIVISIONS = ("", "区", "县", "市", "新区", "旗")


def _place_list(text: str, pos: int) -> re.Match[str] | None:
    """Places named bare before their departments (浦东、长宁、徐汇等中心城区监管部门): most
    items are divisions the gazetteer knows (with or without their division word; a division
    since merged may be missing)."""
    m = _PLACE_LIST.match(text, pos)
    if m is None:
        return None
    items = m["items"].split("、")
    known = sum(any(is_place_name(i + d) for d in _DIVISIONS) for i in items)
    return m if known * 3 >= len(items) * 2 and known >= 2 else None


# Places named before the body they share (虎林市、同江市市场监管局): each place a gazetteer name
# with its division word, the last one opening the body's full name.
_PLACES_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,6}?(?:市|县|区|旗|州|盟)、){1,8}")


def known_place(name: str) -> bool:
    """A division the gazetteer knows, also under its former division word (抚远县, a county
    until it became 抚远市: 县改市 and 县改区 renamed many)."""
    if is_place_name(name):
        return True
    stem, word = name[:-1], name[-1:]
    return (
        len(stem) >= 2 and word in "市县区旗" and any(is_place_name(stem + d) for d in "市县区旗")
    )


def place_of(name: str) -> str | None:
    """The place a body's name opens with (同江市 of 同江市市场监管局), if the gazetteer knows it."""
    for k in range(min(len(name) - 1, 8), 1, -1):
        if known_place(name[:k]):
            return name[:k]
    return None


def places_before_body(text: str, pos: int) -> list[Body] | None:
    """The places listed before a body they share (虎林市、同江市市场监管局 → 虎林市, then the
    body at the returned places' end + 1): each a named body of its place, as written."""
    m = _PLACES_BEFORE.match(text, pos)
    if m is None:
        return None
    items, at, out = m.group().rstrip("、").split("、"), pos, []
    for item in items:
        if not known_place(item):
            return None
        out.append(Body(at, at + len(item), item, False))
        at += len(item) + 1
    last = body_at(text, m.end())
    if last is None or last.start != m.end() or place_of(last.text) is None:
        return None
    return out


def sector_list(text: str, pos: int) -> tuple[list[Body], int] | None:
    """Sectors named bare in a list of departments (县级以上农业、卫生、工商等监督管理部门), or
    places before their departments (浦东、长宁等区监管部门): each a generic body of its sector
    or place, as written; the end of the phrase."""
    m = _sector_list_rx().match(text, pos) or _place_list(text, pos)
    if m is None:
        return None
    out, at = [], m.start("items")
    for item in m["items"].split("、"):
        out.append(Body(at, at + len(item), item, True))
        at += len(item) + 1
    return out, m.end()
