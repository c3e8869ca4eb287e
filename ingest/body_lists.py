"""Lists of bodies in running text: A、B和C, A会同B、C (A leads, B and C support), 某省各级…部门,
虎林市、同江市市场监管局, 市财政局、司法局 (the prefix written once), A等12个部门, 由A委托B,
and a clause that opens with 会同/联合 and the bodies joined; then the mentions they make,
with the role each body takes within its list.

The clause loop (ingest/assignments.py) and the posts and groups (ingest/group_posts.py)
both find their bodies through `body_list`, so the list grammar lives here once; the
bodies themselves are read by form (ingest/bodies.py), the joiners are data
(data/patterns/departments.yaml `assignments`: joiners, lead_joiners, joiner_adverbs).
Items that are no bodies by themselves are read here too, as a list: sectors named bare
before the departments they stand for (县级以上农业、卫生、工商等部门: `sector_list`) and
places before the body they share (虎林市、同江市市场监管局: `places_before_body`).
"""

from __future__ import annotations

import re
from functools import cache

from policykg.ingest.assignment_rules import assignment_rules
from policykg.ingest.bare_bodies import listed_sector
from policykg.ingest.bodies import body_at, inherited_at, shared_prefix, sibling_division
from policykg.ingest.body_forms import Body, alternation, body_forms
from policykg.ingest.places import is_place_name, known_place, place_of
from policykg.ingest.responsibility import Mention
from policykg.ingest.vocab import provinces

# An officer's post after a body's name (省药监局局长, 省政府分管副省长): the body stands for
# its head in a group's posts
PERSON = re.compile(
    # (协助分管…工作的 / 联系…工作的: the post described before its title)
    r"(?:(?:协助)?(?:分管|联系)[^，,。；;、]{1,16}?的)?"
    r"(?:分管|主要|有关|相关)?(?:负责同志|领导同志|负责人|领导|(?:[一二三四]级)?(?:调研员|巡视员)|"
    r"副?(?:省长|市长|县长|区长|秘书长|局长|厅长|主任|书记|组长|部长|署长|院长|检察长|政委))+"
)
# A body's other name in brackets right after it (省委宣传部（省政府新闻办）).
_ALIAS = re.compile(r"[（(][\u4e00-\u9fff、]{2,16}[）)]")
# The person's name after the post (区市场监管局局长某某某、…担任): two or three characters
# before the next name of the list or the verb.
NAME_AFTER_POST = re.compile(r"[\u4e00-\u9fff]{2,3}(?=[、和及，,]|担任|兼任|任)")
# what closes a list: its kind, with the count of its members (等12个部门, 等五家单位,
# 等10个部门和单位)
# (the count may be vague: A、B等多部门, 等多个部门)
# (…等相关职能部门, 等执法部门, 等9个厅局: the kind of the bodies listed)
BODY_KINDS = "部门|单位|厅局|委局|部委|委办局|厅委"  # what a count of listed bodies counts
KIND = rf"(?:\d+|[一二两三四五六七八九十]+|多)?(?:个|家)?(?:有关|相关|成员)?(?:职能|执法|监管|行政)?(?:{BODY_KINDS})?(?:[和及、](?:部门|单位))?"
_ETC = re.compile(rf"等{KIND}")
_RELATED = re.compile(r"(?:有关|相关)(?:部门|单位)(?:[和及、](?:部门|单位))?")
MEMBERS_END = re.compile(rf"(?:等)?{KIND}(?:组成|为成员)")
# The text's own body named by itself (我局, 本厅, 该局) as a subject.
SELF = re.compile(r"(?:我|本|该)(?:局|厅|委|办|院|中心|所|部)")
# A body handing a task to another (由A委托B…): both carry it
_DELEGATES = re.compile(r"\s*(?:统一)?委托")
# Bodies named by their role (牵头部门要…, 配合单位要…): the role they are named by
_ROLE_NAMED = re.compile(r"各?(?:(?P<lead>牵头|主责)|(?P<support>配合|协办|参与))(?:部门|单位)")


_LEVELS = ("各级", "各地", "各县", "各市", "各区", "各州", "各盟", "各旗")


def _place_levels(text: str, pos: int) -> Body | None:
    """A place before the generic bodies of its levels (某省各级食品药品监管部门, 某市各县区政府):
    one generic body, named with the place as written."""
    if not any(level in text[pos : pos + 12] for level in _LEVELS):
        return None  # (most clauses: no gazetteer look-up on this hot path)
    named = [  # 贵州省各级…, 广西各地… (a province by its name or short name)
        n
        for p in provinces()
        for n in (p.name, *p.aliases)
        if len(n) >= 2 and text.startswith(n, pos)
    ]
    place = max(named, key=len) if named else place_of(text[pos : pos + 9] + "。")
    if place is None or not text.startswith(_LEVELS, pos + len(place)):
        return None
    body = body_at(text, pos + len(place))
    if body is None or not body.generic:
        return None
    return Body(pos, body.end, place + body.text, True)


def body_list(text: str, pos: int, persons: bool = False) -> tuple[list[tuple[Body, str]], int]:
    """Bodies joined by 、/和/会同 from `pos`: [(body, role within the list)], end offset.

    With `persons` (a group's posts: 副组长由省政府副秘书长、省药监局局长担任), a person's title
    may follow each body; the body then stands for its head (a government too: 省政府分管
    副省长 → 省政府, the reading of the held-out rule book).
    """
    out, end = _one_list(text, pos, persons)
    # (A、B等部门和各区政府要…: a list closed by 等 goes on over 和 with more bodies)
    if (
        out
        and all(r == "responsible" for _, r in out)
        and text.startswith("等", out[-1][0].end)
        and (joiner := _AND.match(text, end))
        and body_at(text, joiner.end())
    ):
        more, end = _one_list(text, joiner.end(), persons)
        out += more if all(r == "responsible" for _, r in more) else []
    return out, end


# A firm or an association joined to a body by 会同/联合 (某市粮食局会同某储备库有限公司…)
_FIRM = re.compile(
    r"[\u4e00-\u9fff（）()]{2,30}?(?:有限责任公司|有限公司|公司|集团|协会|学会|商会)"
)

# A plain joiner after a list closed by 等 (A、B等部门和C)
_AND = re.compile(r"(?:和|及|以及)")
_WITH = re.compile(r"与|同|和")
_TOGETHER = re.compile(r"(?:等[^，,。；;]{0,8}?)?(?:共同|联合)")


def _one_list(text: str, pos: int, persons: bool) -> tuple[list[tuple[Body, str]], int]:
    """One list of bodies from `pos` (body_list), up to its 等 or its last joiner."""
    rules = assignment_rules()
    out: list[tuple[Body, str]] = []
    role = "responsible"
    if listed := sector_list(text, pos):  # 农业、卫生、工商等部门: one body per sector
        return [(b, role) for b in listed[0]], listed[1]
    if re.match(r"[该本我][省市县区州]", text[pos : pos + 2]) and not (
        (own := body_at(text, pos)) and own.generic
    ):  # (该市药监部门, 本市各级…部门: a generic body named with its place, as written)
        pos += 1  # 该市宣传部、监察局: the body of the place the text speaks of, its level
    if (levels := _place_levels(text, pos)) is not None:  # 某省各级…部门: one generic body
        if not text.startswith("、", levels.end) or body_at(text, levels.end + 1) is None:
            return [(levels, role)], levels.end
        out.append((levels, role))  # 某省各级检察机关、公安机关…: the list goes on
        pos = levels.end + 1
    if places := places_before_body(text, pos):  # 虎林市、同江市市场监管局: one body each
        out += [(b, role) for b in places]
        pos = places[-1].end + 1
    prefix: str | None = None
    while (body := _list_item(text, pos, prefix, out[-1][0] if out else None)) is not None:
        prefix = shared_prefix(body.text) or prefix
        pos = body.end
        if alias := _ALIAS.match(text, pos):  # 省委宣传部（省政府新闻办）: another name of it
            pos = alias.end()
        person = PERSON.match(text, pos) if persons else None
        if person:
            pos = person.end()
            if name := NAME_AFTER_POST.match(text, pos):
                pos = name.end()
        out.append((body, role))
        if etc := _ETC.match(text, pos):  # A、B等 / A等部门 / A等12个部门
            if role == "support" and (group := _RELATED.fullmatch(etc.group(), 1)):
                # A联合B等有关部门: the related departments, unnamed, support with B
                out.append((Body(pos + 1, etc.end(), group.group(), True), role))
            pos = etc.end()
            break
        joiner = next((j for j in rules["joiners"] if text.startswith(j, pos)), None)
        if joiner is None:  # A将会同B: an adverb before 会同 (or the people A sends)
            staff = rules["joiner_staff_rx"].match(text, pos)
            adverb = staff.group() if staff else _adverbs(text, pos)
            lead = next(
                (j for j in rules["lead_joiners"] if text.startswith(j, pos + len(adverb))), None
            )
            if adverb and lead:
                pos, joiner = pos + len(adverb), lead
            elif adverb and (plain := _WITH.match(text, pos + len(adverb))):
                # A还将与B联合开展…: adverbs before a plain 与, the two acting together
                partner = body_at(text, plain.end())
                if partner is not None and _TOGETHER.match(text, partner.end):
                    pos, joiner = pos + len(adverb), plain.group()
        nxt = pos + len(joiner) if joiner else pos
        if joiner in rules["lead_joiners"] and (listed := sector_list(text, nxt)):
            # A会同工信、科技、医保等部门: the sectors listed bare after 会同 support
            out = [(b, "lead") for b, _ in out] + [(b, "support") for b in listed[0]]
            pos = listed[1]
            break
        if joiner == "、" and (places := places_before_body(text, nxt)):
            out += [(b, role) for b in places]  # A、虎林市、同江市市场监管局: one body each
            pos = places[-1].end + 1  # the body they share opens the next turn
            continue
        if (
            joiner
            and joiner in rules["lead_joiners"]
            and _list_item(text, nxt, prefix, body, joiner) is None
            and (firm := _FIRM.match(text, nxt))
        ):  # A会同某某有限公司…: A leads; a firm is no body
            out = [(b, "lead") for b, _ in out]
            pos = firm.end()
            break
        if joiner is None or _list_item(text, nxt, prefix, body, joiner) is None:
            break
        if joiner in rules["lead_joiners"]:
            out = [(b, "lead") for b, _ in out]
            role = "support"
        pos += len(joiner)
    return out, pos


def _list_item(
    text: str, pos: int, prefix: str | None, before: Body | None, joiner: str = ""
) -> Body | None:
    """The body at `pos` in a list after `before` (None: the list's first), joined to it by
    `joiner` (by default the character before `pos`): a body, a name leaving out the prefix
    of the one before (市财政局、司法局), a name known by its suffix only, or a sibling
    division (省局注册处、综合处)."""
    if body := body_at(text, pos):
        return body
    if before is None:
        return None
    listed = (joiner or text[pos - 1 : pos]) == "、"
    return (
        _shared(text, pos, prefix, True)
        or (_listed_name(text, pos) if listed else None)
        or (listed_sector(text, pos) if listed else None)
        or (sibling_division(text, pos, before) if listed else None)
        or _peer_place(text, pos, before)
    )


# The generic plural of a province's places (各设区市, 各地级市, 各州、市) and what may follow a
# place that stands for its government as a subject (…要, 请…于, …8月底前).
_PLACE_PLURAL = re.compile(r"各(?:设区的?|地级)?[市州盟县区地]")
_AFTER_SUBJECT = re.compile(r"(?:要|应|须|务必|于|将|在|按|分别|负责|\d|[一二三四五六七八九十]+月)")


def _peer_place(text: str, pos: int, before: Body) -> Body | None:
    """A place named beside the generic plural of its peers (各设区市和某示范区要…, 请各市、
    某新区于…报送): an addressee of the notice like them, the place's government or its
    zone's administration. A place alone as subject (某市将…) stays no body."""
    if not before.generic or not _PLACE_PLURAL.match(before.text):
        return None
    place = place_of(text[pos : pos + 12] + "。")
    if place is None or not _AFTER_SUBJECT.match(text, pos + len(place)):
        return None
    return Body(pos, pos + len(place), place, False)


def _listed_name(text: str, pos: int) -> Body | None:
    """A name listed among bodies, known by its suffix only (after 、 and before 、/为成员)."""
    m = assignment_rules()["listed_name_rx"].match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None


def _shared(text: str, pos: int, prefix: str | None, listed: bool) -> Body | None:
    """In a list, a name leaving out the level prefix of the one before (市财政局、司法局)."""
    return inherited_at(text, pos, prefix) if listed and prefix else None


def _adverbs(text: str, pos: int) -> str:
    """The adverbs standing at `pos` before a joining verb, one or a few in a row (A将会同B,
    A将进一步会同B)."""
    words = assignment_rules()["joiner_adverbs"]
    at = pos
    for _ in range(3):
        if not text.startswith(words, at):  # one test in C first: most places hold none
            break
        word = next((w for w in words if text.startswith(w, at)), "")
        if not word:
            break
        at += len(word)
    return text[pos:at]


def with_delegate(
    text: str, found: list[tuple[Body, str]], end: int
) -> tuple[list[tuple[Body, str]], int]:
    """由A委托B…: the bodies A hands the task to, after A's (unchanged without 委托 or B)."""
    if not found or not (delegated := _DELEGATES.match(text, end)):
        return found, end
    more, after = body_list(text, delegated.end())
    return (found + more, after) if more else (found, end)


def joined_clause(text: str, pos: int, end: int, offset: int) -> list[Mention]:
    """A clause opening with 会同/联合 and the bodies joined (…，会同有关部门建立…):
    those bodies, supporting; [] when the clause opens otherwise."""
    rules = assignment_rules()
    lead: list[Mention] = []
    if own := rules["own_body_rx"].match(text, pos):
        # 我局联合B…: the text's own body leads (departments.self_referents names it: the
        # issuer, or the body whose statement is reported)
        self_ref = SELF.match(text, pos)
        if self_ref:
            lead = [Mention(self_ref.group(), "lead", offset + pos, offset + self_ref.end())]
        pos = own.end()
    adverb = _adverbs(text, pos)
    at = pos + len(adverb)
    joiner = next((j for j in rules["lead_joiners"] if text.startswith(j, at)), None)
    if joiner is None:
        return []
    found, stop = body_list(text, at + len(joiner))
    if not found or stop >= end:
        return []  # …，会同有关部门。: no task of their own in the clause
    return lead + mentions_of([(body, "responsible") for body, _ in found], "support", offset)


def mentions_of(found: list[tuple[Body, str]], role: str, offset: int) -> list[Mention]:
    """The mentions of a list's bodies in a clause that gives `role`: a body keeps the role
    its list gave it (A会同B: A lead, B support) unless the clause gives support; `members`
    makes all but a lead support; a body named by its role (牵头部门, 配合单位) takes that
    role."""
    out = []
    for body, list_role in found:
        if role == "members":  # A会同B、C等部门组成检查组: A leads, B and C are members
            r = "lead" if list_role == "lead" else "support"
        else:
            r = list_role if list_role != "responsible" else role
        if role == "support" and list_role == "lead":
            r = "support"
        if named := _ROLE_NAMED.fullmatch(body.text):
            r = "lead" if named["lead"] else "support"
        out.append(Mention(body.text, r, offset + body.start, offset + body.end))
    return out


def dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per name, with its strongest role (lead, then responsible, then support),
    none inside a longer name; in text order."""
    rank = {"lead": 0, "responsible": 1, "support": 2}
    seen: dict[str, Mention] = {}
    for m in mentions:
        if m.text not in seen or rank[m.role] < rank[seen[m.text].role]:
            seen[m.text] = m
    # a name read inside a longer one (卫生行政部门 in 区县（自治县）卫生行政部门) is no body of its own
    kept = [m for m in seen.values() if not any(
        n.start <= m.start and m.end <= n.end and n.end - n.start > m.end - m.start
        for n in seen.values()
    )]  # fmt: skip
    return sorted(kept, key=lambda m: m.start)


# Lists whose items are sectors or places standing for their departments.


@cache
def _sector_list_rx() -> re.Pattern[str]:
    sector = alternation(body_forms()["sectors"])
    # (a province by its name or short name before the first: 宁夏质监、卫生监督等部门)
    province = alternation([n for p in provinces() for n in (p.name, *p.aliases) if len(n) >= 2])
    start = body_forms()["not_place_start"]  # (要到县农业和畜牧部门: 要到 opens no county)
    return re.compile(
        # (a county before the first: 某县农业、公安、市管办等多部门 — an office's short name
        # among the sectors; a level before it: 市发改、财政等部门, the level's departments)
        rf"(?:县级以上(?:地方)?(?:人民政府)?|(?:地方)?各级)?(?P<items>(?:{province}|(?![{start}])[\u4e00-\u9fff]{{2,4}}[县区旗]|[省市州县区盟旗])?"
        rf"(?:{sector})(?:(?:、|以及|和|及)(?:{sector}|[\u4e00-\u9fff]{{1,3}}办))+)"
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
    for item in _sector_items(m["items"]):
        at = text.index(item, at)  # (after 、, 和, 及 or 以及)
        out.append(Body(at, at + len(item), item, True))
        at += len(item)
    return out, m.end()


def _sector_items(items: str) -> list[str]:
    """The items of a sector list, split at 、 and at 和/及/以及 between two sectors (财政和卫生行政
    部门, 市场监管以及财政等部门), not inside a sector's own name (工业和信息化, 文化和旅游)."""
    sectors = set(body_forms()["sectors"])
    out = []
    for chunk in re.split("、|以及", items):
        core = re.sub(r"^[省市州县区盟旗]", "", chunk)
        if core in sectors or not re.search("[和及]", chunk):
            out.append(chunk)
            continue
        out += [part for part in re.split("[和及]", chunk) if part]
    return out
