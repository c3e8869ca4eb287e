"""Which province issued a document — or none, for the central government's documents.

Clues, strongest first (each one names the issuer, not what the text talks about):
1. the issuer (signature, 发文机关标志, web label) naming a province, or a central body
   (国务院, 国家药监局 … → level national, no province);
2. the document's own number: 代字 prefixes of data/reference/provinces.yaml
   (鄂政办发 → 湖北省; 内政发 → 内蒙古) or of central bodies (国办发, 国药监 → national);
3. the title naming a province, else the head's first line (a reprint's headline);
4. place names below the province in issuer, title and head (prefecture, county, 新区,
   林区: ingest/places.py);
5. the province named most often in the text (a weak clue: warned);
6. else the places below one province that the text names, at least twice and over twice as
   often as any other province's (a provincial table naming its cities; warned).
Clues that disagree are reported; the stronger one is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from policykg.ingest.cross_provincial import names_several_provinces
from policykg.ingest.patterns import document_patterns
from policykg.ingest.places import county_opening, place_of, place_provinces
from policykg.ingest.vocab import Province, provinces

NATIONAL = "national"
REGIONAL = "regional"  # several provincial-level units' document (ingest/cross_provincial.py)
# A 主送机关 of every province (各省、自治区、直辖市…): only a central body writes to them.
_NATIONAL_ADDRESSEE = re.compile(r"各省、?自治区、?直辖市")


@dataclass
class ProvinceReading:
    province: Province | None = None
    # national | regional (several provinces', no province) | provincial | local (below the
    # province: a place name)
    level: str | None = None
    clue: str | None = None
    warnings: list[str] = field(default_factory=list)


def _by_code(code: str) -> Province:
    return next(p for p in provinces() if p.code == code)


def first_province(text: str | None) -> Province | None:
    """The province whose name (or alias of ≥ 2 characters) comes first in `text`."""
    if not text:
        return None
    best: tuple[int, Province] | None = None
    for p in provinces():
        for name in p.names:
            pos = text.find(name) if len(name) >= 2 else -1
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, p)
    return best[1] if best else None


def is_national_issuer(issuer: str | None) -> bool:
    if not issuer:
        return False
    names = document_patterns()["national_issuers"]
    parts = re.split(r"[、，,\s]+", issuer)
    # a ministry's formal name carries the state's (中华人民共和国卫生部)
    parts = [re.sub(r"^中华人民共和国", "", part) for part in parts]
    return all(any(part.startswith(n) for n in names) for part in parts if part)


def number_province(number: str | None) -> tuple[Province | None, bool]:
    """(province, national) told by a document number's 代字."""
    if not number:
        return None, False
    if re.match(document_patterns()["national_number"], number):
        return None, True
    for p in provinces():
        if any(number.startswith(prefix) for prefix in p.doc_number_prefixes):
            return p, False
    return None, False


def infer_province(
    issuers: list[str],
    doc_number: str | None,
    title: str | None,
    head: str,
    text: str,
    addressee: str | None = None,
) -> ProvinceReading:
    issuer = "、".join(issuers) if issuers else None
    dateline = re.compile(document_patterns()["news_dateline"])
    reported_national = _national_report(head, text[:1000], dateline)
    head, text = dateline.sub("", head), dateline.sub("", text)
    byline = re.compile(document_patterns()["news_byline"])  # 记者 王长春: no place
    head, text = byline.sub("", head), byline.sub("", text)
    head = _FOOTER_LINE.sub("", head)  # a short page's footer within its head: the site's address
    readings: list[tuple[str, Province | None]] = []  # (clue, province or None = national)
    if issuer:
        if is_national_issuer(issuer):
            readings.append(("issuer", None))
        elif names_several_provinces(issuer):
            return _regional("issuer", issuer)
        elif hit := first_province(issuer):
            readings.append(("issuer", hit))
    by_number, national_number = number_province(doc_number)
    if by_number and not readings and (city := _city_of_number(by_number, issuer)):
        # A city's own 代字 can be a province's (吉安 吉, 南京 宁, 青岛 青, 桂林 桂): when the
        # issuer names a place of another province, the number is that city's.
        readings.append(("issuer's place", city))
        by_number = None
    if by_number and not readings and _own_prefix(doc_number, issuer):
        by_number = None  # 新政〔2023〕5号 of 新发镇政府: the town's own 代字, not 新疆's
    if national_number:
        readings.append(("document number", None))
    elif by_number:
        readings.append(("document number", by_number))
    if not readings and addressee and _NATIONAL_ADDRESSEE.match(addressee):
        readings.append(("addressee", None))  # sent to every province: a central body's
    if not readings and names_several_provinces(title):
        return _regional("title", title)
    if hit := first_province(title):
        readings.append(("title", hit))
    elif title and is_national_issuer(re.split(r"关于", title)[0] or None):
        readings.append(("title", None))
    if not readings and reported_national:
        readings.append(("news report of a central body", None))
    # The gazetteer (about 1 s to load) is consulted only when nothing stronger spoke: first
    # the places the issuer and title name (赣州市市场监督管理局), which say whose document it
    # is more surely than the page's first line;
    places = None
    if not readings and (issuer or title):
        places = place_provinces(" ".join(filter(None, [issuer, title])))
        if not places and issuer and (code := county_opening(issuer)):
            places = Counter({code: 1})  # 渠县…指挥部: a county of two characters opens it
    # then a reprint's headline (the head's first line), which names the province whose policy
    # it reports (江苏将集中整顿…) more surely than a place the story passes through.
    if not readings and not places and _regional_headline(head):
        return _regional("headline", _headline(head))
    if not readings and not places and (hit := _headline_province(head)):
        readings.append(("headline", hit))
    if not readings and not places:
        places = _headline_county(head)  # 泾县开展…: a county the headline opens with
    if not readings and not places:
        # the places of the bodies that act in the head (福州高新区市场监管局…组织开展…) before
        # the places a story passes through (近日，某省某市某事件引发关注…)
        places = _body_places(head) or place_provinces(head)
    if places and len(places) >= document_patterns()["many_provinces"]:
        places = None  # the liaison points or pilots of a national text, all over the country
    if places:
        code, _ = places.most_common(1)[0]
        readings.append(("place name", _by_code(code)))
    out = ProvinceReading()
    if readings:
        clue, chosen = readings[0]
        out.province, out.clue = chosen, clue
        out.level = (
            NATIONAL
            if chosen is None
            else "local"
            if clue in ("place name", "issuer's place")
            else "provincial"
        )
        for other_clue, other in readings[1:]:
            if _code(other) != _code(chosen) and not (
                clue == "title" and other_clue == "place name"
            ):
                out.warnings.append(
                    f"province: the {clue} says {_name(chosen)}, the {other_clue} says "
                    f"{_name(other)}; kept {_name(chosen)}"
                )
        return out
    return _from_mentions(text, out)


def _regional(clue: str, line: str | None) -> ProvinceReading:
    return ProvinceReading(None, REGIONAL, clue, [
        f"province: the {clue} ({(line or '')[:30]}) names several provinces; left empty "
        "(a cross-provincial document is none of theirs)"])  # fmt: skip


def _regional_headline(head: str) -> bool:
    """The headline names several provinces' document; a lead sentence standing first (no
    headline) is read with its whole opening."""
    line = _headline(head)
    sentence = len(line) > 40 or bool(re.search(r"[。，；,;]", line))
    return names_several_provinces(line, headline=not sentence)


_REPORTER = re.compile(
    r"^\s*[（(][^（）()]{1,24}[）)]\s*|^\s*(?:记者|通讯员)[\u4e00-\u9fff、 ]{2,20}?报道\s*"
)


# A body below the province whose name opens with its level within three letters (新发镇
# 政府, 和平县卫健局, 城关街道办事处)
_LOCAL_ISSUER = re.compile(r"[\u4e00-\u9fff]{1,3}?(?:镇|乡|街道|县|区|旗)")


def _own_prefix(number: str | None, issuer: str | None) -> bool:
    """A town's, county's or district's document number opens with the first letter of its
    own name, which may be a province's 代字 too (新发镇政府's 新政〔2023〕5号 is not 新疆's)."""
    return bool(number and issuer and number[:1] == issuer[:1] and _LOCAL_ISSUER.match(issuer))


def _city_of_number(by_number: Province, issuer: str | None) -> Province | None:
    """The one province whose places the issuer names, when it is not the one the number's
    prefix reads (a city's 代字 that is also a province's)."""
    if not issuer:
        return None
    places = place_provinces(issuer)
    if len(places) != 1:
        return None
    code = next(iter(places))
    return None if code == by_number.code else _by_code(code)


def _national_report(head: str, opening: str, dateline: re.Pattern[str]) -> bool:
    """A news report whose headline or lead opens with central bodies (国家药监局：…;
    新华社北京…电 工业和信息化部、国家卫健委…联合印发…): their work, national, wherever the
    meeting was held or whichever site carried it."""
    lines = [ln.strip() for ln in head.split("\n") if ln.strip()]
    line = lines[0] if lines else ""
    if len(line) <= 40 and _opens_with_central(line):
        return True
    m = dateline.search(opening)
    if m is not None:
        lead = _REPORTER.sub("", opening[m.end() :], count=1)
    elif len(lines) > 1 and len(line) <= 40 and not re.search(r"[。，,；;]", line):
        lead = lines[1]  # the headline, then the lead's first sentence (6月11日，X在…)
    else:
        return False
    # (记者26日从A获悉…: the reporter learnt it from A, whose work it is)
    lead = re.sub(
        r"^[\s，,：:]*(?:近日|日前|今天|今日|\d{1,2}月\d{1,2}日)?[，,]?\s*"
        r"(?:记者(?:\d{1,2}日|近日|日前|今天|今日)?从)?",
        "",
        lead,
    )
    return _opens_with_central(lead)


@cache
def _central_names() -> list[str]:
    """The central bodies' names, longest first (国务院办公厅 before 国务院)."""
    return sorted(document_patterns()["national_issuers"], key=len, reverse=True)


def _opens_with_central(text: str) -> bool:
    """The text opens with central bodies only (国家药监局、国家卫健委…) and then a verb or a
    colon, not with a province's or a place's body."""
    names = _central_names()
    pos, found = 0, False
    while True:
        name = next((n for n in names if text.startswith(n, pos)), None)
        if name is None:
            break
        pos, found = pos + len(name), True
        if text[pos : pos + 1] in ("、", "和", "及", "与"):
            pos += 1
            continue
        break
    # 国家药监局网站, 国家卫健委直属单位: a site or a unit under it, not the body acting (its
    # officers act for it: 国家药监局副局长某某在…调研)
    return found and not re.match(r"(?:网站|官网|新闻网|所属|直属|的)", text[pos:])


def _headline(head: str) -> str:
    """The head's first line that is no site chrome."""
    return next(
        (ln.strip() for ln in head.split("\n") if ln.strip() and not _SITE_CHROME.match(ln)), ""
    )


def _headline_province(head: str) -> Province | None:
    """The one province a headline names: a short first line, not a sentence (a report of
    two provinces' joint work names both and is decided by the text)."""
    line = _headline(head)
    if len(line) > 40 or re.search(r"[。，；,;]", line):
        return None
    named = {p.code for p in provinces() for n in p.names if len(n) >= 2 and n in line}
    if not named and (short := _SHORT_PLACE_ACTS.match(line)):
        # 枞阳出台…办法: a county or city the headline names without its 县/市 (news style)
        for division in "县市区旗":
            if len(found := place_provinces(short["stem"] + division)) == 1:
                named = set(found)
                break
    if not named and (abbr := _ABBREVIATION_ACTS.match(line)):
        # 京开展…, 粤出台…: the province by its one-character abbreviation (简称), news style
        named = {p.code for p in provinces() if abbr["short"] in (p.short, *p.short_alt)}
    return _by_code(named.pop()) if len(named) == 1 else None


# (not the abbreviations that open common words or name a city too: 黑作坊, 青少年, 新出台, 宁 for
# 南京, 桂 for 桂林, 吉 for 吉林市, 云/贵/琼/藏/蒙/秦/申)
_ABBREVIATION_ACTS = re.compile(
    r"^(?P<short>[京津沪渝冀晋辽苏浙皖闽赣鲁豫鄂湘粤川蜀黔滇陕甘陇])"
    r"(?:出台|印发|下发|开展|召开|启动|部署|举办|实施|推进|严查|严打|整治|发布|公布|全面|多措并举)"
)


def _headline_county(head: str) -> Counter[str] | None:
    """The province of a county of two characters opening the headline (泾县开展…): the
    gazetteer's short counties, too short to look for anywhere else."""
    line = _headline(head)
    if len(line) > 40 or re.search(r"[。，；,;]", line):
        return None
    code = county_opening(line)
    return Counter({code: 1}) if code else None


# A page's site name (海南食品安全网, 某某新闻网) or breadcrumb (首页 > 新闻 > 国内) above the
# headline: the site's place is not the report's
_SITE_CHROME = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{2,14}(?:网|网站|门户网站|官网|在线|频道|客户端)\s*$"
    r"|(?:首页|当前位置|您的位置|所在位置|您现在的位置|现在的位置)[^。，]*?[>＞»›]"
    # a site's greeting to its logged-in user (您好：某某公司) or visitor (欢迎来到…)
    r"|\s*(?:您好|你好|欢迎(?:来到|访问|光临|您))"
    r")"
)
# A headline whose subject is a place written without its division word (枞阳出台…, 漳浦开展…)
_SHORT_PLACE_ACTS = re.compile(
    r"^(?P<stem>[\u4e00-\u9fff]{2})(?:出台|印发|下发|开展|召开|启动|部署|举办|实施|推进|全面|扎实|多措并举)"
)


_OPENING_CHARS = 240
# (a full name of a usual kind, 某市某区市场监管局: a short one may be a misreading, 确保定点
# 社会办… read as 保定 + 点社会办)
_FULL_NAME = re.compile(r"[\u4e00-\u9fff]{4,30}?(?:局|委员会|委|厅|人民政府|政府|办公室)")


def _body_places(head: str) -> Counter[str] | None:
    """The provinces of the places that open the full names of bodies in the head's opening
    (某市某区市场监管局…组织开展…), when they are one province's: whose bodies act is whose
    report it is."""
    found = Counter[str]()
    for m in _FULL_NAME.finditer(head[:_OPENING_CHARS]):
        name = m.group()
        # (the match may open with the words before the name: 为加强监管某市…局)
        place = next((p for k in range(min(8, len(name) - 4)) if (p := place_of(name[k:]))), None)
        if place is not None:
            found.update(place_provinces(place).keys())
        elif code := county_opening(name):
            found[code] += 1  # 睢县市场监督管理局: a county of two characters opens the name
    return found if len(found) == 1 else None


def _code(p: Province | None) -> str | None:
    return p.code if p else None


def _name(p: Province | None) -> str:
    return p.name if p else "national (no province)"


def _from_places(text: str, out: ProvinceReading) -> ProvinceReading:
    """No province named anywhere: the places below one province that the text names (a
    provincial regulator's table naming its cities and prefectures), when one province has
    them at least twice and over twice as often as any other."""
    places = place_provinces(text)
    ranked = places.most_common(2)
    if (
        not ranked
        or ranked[0][1] < 2
        or len(ranked) > 1
        and ranked[1][1] * 2 >= ranked[0][1]
        or len(places) >= document_patterns()["many_provinces"]
    ):
        out.warnings.append("province not stated in issuer, document number or title; left empty")
        return out
    return _inferred(out, ranked[0][0], "place names", "local",
                     "no issuer, document number, title or province name states it")  # fmt: skip


def _from_mentions(text: str, out: ProvinceReading) -> ProvinceReading:
    text = re.sub(document_patterns()["national_units"], "", text)  # 中科院上海药物研究所
    text = re.sub(document_patterns()["enterprise_names"], "", text)  # 吉林某某药业有限公司
    text = _LINK_LIST.sub("", text)  # ·北京某某食堂托管2025-12-17: a page's list of links
    text = _FOOTER_LINE.sub("", text)  # 第一办公区：北京市西城区…: the site's own address
    counts = Counter(
        {p.code: sum(text.count(n) for n in p.names if len(n) >= 2) for p in provinces()}
    )
    ranked = [(c, n) for c, n in counts.most_common(2) if n]
    if not ranked:
        return _from_division_words(text, out) or _from_places(text, out)

    close = len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]
    if close:  # a cross-provincial text (京津冀, 长三角 …) or too weak a clue to choose on
        first, second = (_by_code(c).name for c, _ in ranked)
        out.warnings.append(
            f"province not stated in issuer, document number or title, and the text names "
            f"{first} and {second} nearly as often; left empty"
        )
        return out
    return _inferred(out, ranked[0][0], "mentions", "provincial",
                     "no issuer, document number or title names it")  # fmt: skip


# A line of a page's footer: the site's addresses and contacts (地址：…, 第一办公区：…, 电话：…),
# whose places are the site's, not the text's
# (the label opens the line: a paragraph run on into 联系电话：… keeps its places)
_FOOTER_LINE = re.compile(
    r"(?m)^\s*[\u4e00-\u9fff]{0,4}?(?:办公区|地址|邮编|邮政编码|联系电话|电话|传真|版权所有|ICP备|网站标识码|技术支持)"
    r"\s*[:：].*$"
)


# A line of a page's lists of links (- ·X, • X, 上一条 ·X, 下一篇：X): other pages' headlines,
# whose places say nothing of this text's province
_LINK_LIST = re.compile(r"(?m)^\s*(?:[-–]\s*)?(?:[·•]|(?:上一|下一)(?:条|篇)\s*[:：]?\s*[·•]?).*$")


def _from_division_words(text: str, out: ProvinceReading) -> ProvinceReading | None:
    """No province named: the levels only one province has (盟市, 旗县: Inner Mongolia's),
    when the text speaks of them at least twice."""
    hits = [(sum(text.count(w) for w in p.division_words), p) for p in provinces()]
    best = max(hits, key=lambda h: h[0])
    if best[0] < 2:
        return None
    return _inferred(out, best[1].code, "division names", "provincial",
                     "no issuer, document number, title or province name states it")  # fmt: skip


def _inferred(
    out: ProvinceReading, code: str, clue: str, level: str, silent: str
) -> ProvinceReading:
    """`out` with the province a weak clue gives, and a warning saying so."""
    out.province, out.clue, out.level = _by_code(code), clue, level
    out.warnings.append(
        f"province inferred from {clue} in the text ({out.province.name}): {silent}"
    )
    return out
