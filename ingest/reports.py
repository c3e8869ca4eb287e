"""How a reprint, a news item or a notice's own formula names the policy and its issuer:
"X印发/出台/制定下发《Y》" (政务信息 and 新闻通稿), the passive "《Y》已经…通过，并于…印发",
bodies issuing jointly (A、B联合印发通知), "X组织制定了《Y》，现予印发", a government order's
head (X人民政府令（第N号）), and 发文机关 + 关于 completing a reported 关于 title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ingest.cndate import parse_date
from policykg.ingest.docnumber import number_then_addressee
from policykg.ingest.heads import (
    CITED_CHAIN,
    HEAD_LINES,
    find_addressee,
    head_zone,
    kinds,
    rx,
    title_like,
)
from policykg.ingest.places import known_place
from policykg.ingest.signature import split_issuers
from policykg.ingest.vocab import provinces

_OWN_ISSUER = re.compile(r"[\u4e00-\u9fff、]{2,30}?关于[^《》]{2,}的[\u4e00-\u9fff]{1,4}$")
_NOTICE_FORMULA = re.compile(r"印发给你们|转发给你们|请认真贯彻|请遵照执行|请结合实际")
# The level alone as the reported issuer (自治区印发了《…》, 我省出台《…》): that level's
# government, unnamed — the title is the report's policy, its issuer is not given
_BARE_LEVEL = re.compile(r"(?:我|全|本)?(?:省|自治区|区|市|州|盟|县|旗)(?:委|政府)?")


def reported_policy(lines: list[str]) -> tuple[list[str], str | None] | None:
    """A reprint's headline or lead: "X印发/出台/制定下发《Y》" → (X's names, Y); the first
    such line of the head (or line pair: a headline wraps) where X is a body and Y a
    policy's title (ends with a 文种; a bare 文种 gives X alone), or "《Y》已经…通过，并于…
    印发" → ([], Y)."""
    if find_addressee(lines) or (lines and number_then_addressee(lines[0])):
        return None  # a notice's own head: what its text reports was issued before it
    zone = lines[: min(head_zone(lines), 10)]
    pairs = [a + b for a, b in zip(zone, zone[1:], strict=False)]
    for line in [*zone, *pairs]:
        if _NOTICE_FORMULA.search(line):  # the 印发 notice itself (…制定了《Y》，现印发给你们)
            continue
        for m in rx("reported_title").finditer(line):
            if (
                _roundup_item(line, m.start("title"))
                or _CITES.match(m["who"])
                or _cited(line, m.start("who"))
            ):
                continue  # (按照A印发的《Y》…: a text cited, not the one reported)
            title = m["title"].strip()
            # (a byline in brackets after 讯/电 — （记者 某某）— is the reporter, not the issuer)
            # (电 of a byline, not of a name: 文化广电新闻出版局, 供电公司, 电信管理局)
            who = re.sub(
                r"^.*?(?:讯|(?<![广供])电(?![信力子视])|报道|获悉)[:：，,\s]*"
                r"(?:[（(][^（）()]{1,24}[）)]\s*)?",
                "",
                m["who"],
            )
            # (A、B等五部门: the bodies named; the count names none)
            who = re.sub(r"等(?:[\d一二三四五六七八九十]+个?)?(?:部门|单位|部委|厅局)?$", "", who)
            who = _RECIPIENTS.sub("", who)
            who = re.sub(r"^(?:提请|报请|呈请)", "", who)  # A起草…，提请B出台了《Y》: B issues it
            who = _NEWS_DAY.sub("", who)  # 昨日省政府发布《Y》: the day the report tells, no name
            if title_like(title) and (names := split_issuers(who)):
                return names, (None if title in kinds() else title)
            if title_like(title) and title not in kinds() and _BARE_LEVEL.fullmatch(who):
                return [], title
            if title_like(title) and title not in kinds() and (known_place(who) or _province(who)):
                return [], title  # 某县向各乡镇下发《Y》, 某省出台《Y》: a place, no issuer named
            if title_like(title) and _OWN_ISSUER.match(title):
                return [], title  # 中国政府网发布《国务院关于…的通知》: a site publishes, the
                # title names its own issuer (GB/T 9704: 发文机关 + 关于 + 事由 + 文种)
        for m in rx("reported_bare").finditer(line):
            if title_like(title := m["title"].strip()) and (names := split_issuers(m["who"])):
                return names, title
        for m in rx("reported_requires").finditer(line):  # X印发的《Y》要求，…
            title = m["title"].strip()
            if (
                not _CITES.match(m["who"])
                and title_like(title)
                and (names := split_issuers(m["who"]))
            ):
                return names, title
        # X制定了Y工作方案。/ X印发的Y安排提出，… (no 《》)
        for m in [*rx("reported_named").finditer(line), *rx("reported_proposes").finditer(line)]:
            if title_like(title := m["title"].strip()) and (names := split_issuers(m["who"])):
                return names, title
        for name in (
            "reported_passive",
            "reported_drafted",
            "reported_according",
            "reported_announced",
        ):  # no issuer
            for m in rx(name).finditer(line):
                if title_like(title := m["title"].strip()):
                    return [], title
        for m in rx("reported_joint").finditer(line):
            if names := split_issuers(m["who"]):
                return names, None
        for m in rx("reported_kind").finditer(line):  # X下发通知，…: X, no title
            who = re.sub(r"^(?:近日|日前|近期)[，,]?", "", m["who"])
            if not _roundup_item(line, m.start("who")) and (names := split_issuers(who)):
                return names, None
    for line in zone:  # 某县出台…办法: a headline without 《》, when no lead names the policy
        for m in rx("reported_headline").finditer(line):
            if title_like(title := m["title"].strip()):
                return split_issuers(m["who"]) or [], title
    return None


def _province(name: str) -> bool:
    """A province named alone (青海省, 青海): the place, not a body."""
    return any(name in (p.name, *p.names) for p in provinces())


# The day a report tells before its body (昨日省政府发布…, 今天上午市局印发…)
_NEWS_DAY = re.compile(
    r"^(?:昨日|昨天|今日|今天|前日|前天|日前|近日|近期|最近|前不久)(?:上午|下午|晚间|晚)?[，,]?"
)


# A preposition of compliance before the body (按照A印发的《Y》, 根据A制定的《Y》): Y is cited
_CITES = re.compile(r"(?:按照|根据|依据|依照|遵照|贯彻|落实|执行)")


# The recipients of what was issued (X及时向A和B下发《Y》): no issuers
_RECIPIENTS = re.compile(r"(?:及时|已|近日|日前)?向[^，。；《》]{2,40}$")


def _roundup_item(line: str, pos: int) -> bool:
    """The report at `pos` follows a ； in its sentence: one item of a roundup (A检查了…；B出台
    《Y》；C开展…), which reports several bodies' work and is about none of their texts. A ；
    between the documents a sentence cites (根据《A》；《B》，…) separates no items."""
    sentence = CITED_CHAIN.sub("", re.split(r"[。！？!?]", line[:pos])[-1])
    return "；" in sentence or ";" in sentence


def _cited(line: str, who: int) -> bool:
    """The reported issuer at `who` continues a chain of cited documents (根据《A》；B印发…)."""
    sentence = re.split(r"[。！？!?]", line[:who])[-1]
    return any(m.end() == len(sentence) for m in CITED_CHAIN.finditer(sentence))


def lead_issuers(lines: list[str], title: str) -> list[str]:
    """A formal text reprinted whole under a lead naming its issuer ("X出台《Y》/关于Y，以下为
    全文"), its signature cut off: X, when the lead names this very title."""
    want = re.sub(r"\s", "", title)
    # (any line of the first thirty: a page's chrome may push the lead down; the title must be
    # this very one)
    for line in lines[:30]:
        for name in ("reported_bare", "reported_title"):
            for m in rx(name).finditer(line):
                who = _NEWS_DAY.sub("", _RECIPIENTS.sub("", m["who"]))
                if re.sub(r"\s", "", m["title"]) == want and (names := split_issuers(who)):
                    return names
    return []


# A government order's head (GB/T 9704 §10.2: 命令(令)): "X人民政府令（第11号）"; its number is
# written "X人民政府令第11号", the 署名 is the head of government, the date under it.
# (a department's rules are promulgated the same way: 国家市场监督管理总局令（第1号）)
_ORDER = re.compile(
    # (a document site's label may open the line: 文档介绍：某市人民政府令)
    r"^(?:(?:文档介绍|文档简介|内容简介|文档内容|内容提要)\s*[:：]\s*)?"
    r"(?P<issuer>[\u4e00-\u9fff]{2,24}?(?:人民政府|政府|部|总局|局|委员会|署))令\s*[（(]?\s*第\s*"
    r"(?P<n>[\d一二三四五六七八九十百零〇]+)\s*号\s*[）)]?$"
)
# A law database's heading: the rules' title and, in brackets, the order promulgating them
# (《X办法》（某某部令第N号）); the number kept as written
_TITLED_ORDER = re.compile(
    r"^《[^《》]{4,80}》\s*[（(](?P<number>(?P<issuer>[\u4e00-\u9fff]{2,24}?"
    r"(?:人民政府|政府|部|总局|局|委员会|署))令\s*(?:第\s*)?[\d一二三四五六七八九十百零〇]+\s*号)\s*[）)]"
)


# …or its promulgation formula, the head cut or written as a number alone (X政令〔2010〕N号):
# "《Y》已经X人民政府第N次常务会议审议通过，现予公布，自…起施行。" over 省长 and the date
_PROMULGATED = re.compile(
    r"已经(?P<issuer>[\u4e00-\u9fff]{1,20}?(?:人民政府|政府))第?\s*[\d一二三四五六七八九十百零〇]+\s*次"
    r"(?:常务会议|全体会议)(?:审议)?(?:通过|讨论通过)[，,]\s*现予(?:公布|发布)"
)


@dataclass(frozen=True)
class Order:
    issuer: str
    number: str | None
    date: str | None


def find_order(lines: list[str]) -> Order | None:
    for i, line in enumerate(lines[:HEAD_LINES]):
        if line.endswith("令") and i + 1 < len(lines):
            line += lines[i + 1]  # the head on two lines: X令 / （第1号）
        if m := _ORDER.match(line):
            date = next((d for ln in lines[i + 1 : i + 10] if (d := parse_date(ln))), None)
            return Order(m["issuer"], f"{m['issuer']}令第{m['n']}号", date)
    for line in lines[:3]:
        if m := _TITLED_ORDER.match(line):
            return Order(m["issuer"], re.sub(r"\s+", "", m["number"]), None)
    for i, line in enumerate(lines[:HEAD_LINES]):
        if m := _PROMULGATED.search(line):
            # (the date under the head of government's post, not the 起施行 date of the formula)
            date = next((d for ln in lines[i + 1 : i + 6] if (d := parse_date(ln))), None)
            return Order(m["issuer"], None, date)
    return None


def formula_issuer(lines: list[str]) -> list[str]:
    """A notice naming its issuer in its own formula (X组织制定了《Y》，现予印发); a body
    calling itself 我厅/本局 there is the one the title it issues opens with (我厅制定了
    《某省卫生厅…方案》: 某省卫生厅), a department's notice that carries no signature name."""
    for line in lines[: head_zone(lines)]:
        for m in rx("formula_issuer").finditer(line):
            if names := split_issuers(m["who"]):
                return names
            if (own := _SELF.search(m["who"])) and (named := _opening_body(m.group(), own[1])):
                return [named]
    return []


_SELF = re.compile(r"(?:我|本)(厅|局|委|办|署|院|部|中心)$")


def _opening_body(formula: str, kind: str) -> str | None:
    """The issuer a cited title opens with, of the kind the text calls itself (厅, 局…)."""
    title = re.search(r"《([^《》]+)》", formula)
    if title is None:
        return None
    for end in (m.end() for m in re.finditer(kind, title[1])):
        head = title[1][:end]
        if split_issuers(head) == [head]:
            return head
    return None


def with_issuer(title: str | None, issuers: list[str], lines: list[str]) -> str | None:
    """GB/T 9704 §7.3.3 composes a title of 发文机关 + 关于 + 事由 + 文种; a reprint that
    reports "X印发《关于…》" drops X from it. Where the head writes the whole title (X关于…),
    the title is that — for a single issuer X."""
    if not title or not title.startswith("关于") or len(issuers) != 1:
        return title
    whole = issuers[0] + title
    return whole if any(whole in line for line in lines[:HEAD_LINES]) else title
