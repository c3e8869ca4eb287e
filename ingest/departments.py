"""Department mentions → one canonical department per province, with roles.

Resolution is vocabulary-driven (data/reference/departments.yaml, expanded per province by
ingest/lexicon.py): 市药品监管局 / 市藥品監管局 / 上海市药品监督管理局 in a Shanghai document
are one 上海市药品监督管理局; 市药监局 in a Chongqing document is 重庆市药品监督管理局; a
regulator's division (器械注册处, 药审中心) is a `division` whose `parent` is its regulator.
A mention the vocabulary does not know keeps its surface form as its name (the graph
scopes it to the document's province) and the record gets a warning naming it; in a city's
or county's own document, a body named by its level alone (市卫生健康委 in a 营口市 notice)
takes the place's name (营口市卫生健康委), so that two cities' bureaus stay two bodies.

Besides the responsibility statements (ingest/responsibility.py), the running text of a
commitment names responsible departments when a department is the subject of a clause
(data/patterns/departments.yaml explains the rules); the enricher adds those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policykg.ingest.assignments import (
    addressees_end,
    find_assignments,
    launches_campaign,
    narrated_roles,
)
from policykg.ingest.bodies import body_at, is_generic, shared_prefix
from policykg.ingest.body_lists import SELF
from policykg.ingest.duties import heading_duty
from policykg.ingest.lexicon import (
    body_and_unit,
    expanded_below_province,
    resolve_department,
    resolve_national,
)
from policykg.ingest.nlp import SpanIndex
from policykg.ingest.patterns import pattern_file
from policykg.ingest.places import known_place, place_of
from policykg.ingest.preamble import passes_on, prescribes
from policykg.ingest.record import Department, DepartmentMention
from policykg.ingest.responsibility import Mention, find_statements
from policykg.ingest.statements import commits, cues
from policykg.ingest.vocab import Province

if TYPE_CHECKING:
    from policykg.ingest.context import Context
    from spacy.tokens import Doc, Span


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


def register(
    registry: dict[str, Department],
    mentions: list[Mention],
    province: Province | None,
    warnings: list[str],
    locality: str | None = None,
    referents: dict[tuple[int, int], str] | None = None,
) -> list[DepartmentMention]:
    """Resolve mentions into `registry` (name → Department) and return them with roles.

    A division brings its parent into the registry (DIVISION_OF needs both ends). An
    unknown mention is warned about once per document. `locality`: the city or county that
    issued the document (营口市), whose own bodies its text names by their level alone.
    `referents`: the body a self-reference (我局) at a mention's span refers to.
    """
    out: dict[tuple[str, str], DepartmentMention] = {}
    listed, joint = _listed_prefixes(mentions)
    shared = _shared_suffixes(mentions) | (referents or {})
    for m in mentions:
        # 虎林市、同江市市场监管局: the place written alone names its own 市场监管局; 我局 names
        # the body it refers to
        resolved = resolve(shared.get((m.start, m.end), m.text), province)
        if not resolved.known and (prefix := listed.get((m.start, m.end))):
            # 省农业厅、商务厅、卫生厅: a name written without the level prefix of the list it
            # stands in is that level's body (the mention stays as written); a sector named
            # bare after 会同/联合 (县畜牧局联合公安、食药等部门), that level's body of the sector
            unit = sector_unit(m.text, prefix, (m.start, m.end) in joint)
            inherited = resolve(prefix + m.text + (unit or ""), province)
            resolved = inherited if inherited.known else resolved
            if unit is not None and not inherited.known:  # (县食药局 → its full name)
                written = prefix + m.text + unit
                resolved = ResolvedDepartment(
                    expanded_below_province(local_name(written, locality) or written),
                    None, "local", known=False,
                )  # fmt: skip
        if not resolved.known and (local := local_name(m.text, locality)):
            resolved = ResolvedDepartment(
                expanded_below_province(local), None, "local", known=False
            )
        if resolved.name not in registry:
            registry[resolved.name] = Department(
                name=resolved.name,
                kind=resolved.kind,
                level=resolved.level,
                parent=resolved.parent,
                successor=resolved.successor,
            )
            if not resolved.known:
                where = province.name if province else "no province"
                warnings.append(
                    f"department {m.text!r} (at {m.start}) is not in the department vocabulary "
                    f"(data/reference/departments.yaml); kept as written, scoped to {where}"
                )
        if resolved.parent and resolved.parent not in registry:
            parent = resolve(resolved.parent, province)
            registry[parent.name] = Department(
                name=parent.name, kind=parent.kind, level=parent.level, parent=parent.parent
            )
        dept = registry[resolved.name]
        if m.text not in dept.mentions:
            dept.mentions.append(m.text)
        out.setdefault(
            (resolved.name, m.role),
            DepartmentMention(name=resolved.name, mention=m.text, role=m.role),
        )
    return list(out.values())


def _listed_prefixes(
    mentions: list[Mention],
) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]]]:
    """(start, end) → the level prefix of the list a mention stands in: the prefix of the
    nearest name before it that has one (a place opening a lead: 固始县 of 固始县畜牧局), through
    names joined by one separator (、，) or by 会同/联合 (a lead, then its supporters two to six
    characters on: A会同B, A将进一步联合B); and the spans of the names after 会同/联合."""
    out: dict[tuple[int, int], str] = {}
    joint: set[tuple[int, int]] = set()
    prefix: str | None = None
    prev: Mention | None = None
    after_joiner = False
    for m in sorted(mentions, key=lambda x: x.start):
        if (
            prev is not None
            and prev.role == "lead"
            and m.role == "support"
            and (2 <= m.start - prev.end <= 6)
        ):
            after_joiner = True  # A会同B, A要会同B, A将进一步联合B
            prefix = place_of(prev.text) or prefix  # 固始县畜牧局联合公安: 固始县's
        elif prev is None or not 0 <= m.start - prev.end <= 1:
            prefix, after_joiner = None, False
        if prefix and not shared_prefix(m.text):
            out[(m.start, m.end)] = prefix
            if after_joiner:
                joint.add((m.start, m.end))
        prefix = shared_prefix(m.text) or prefix
        prev = m
    return out, joint


def sector_unit(name: str, prefix: str, joint: bool) -> str | None:
    """The unit word a sector named bare after 会同/联合 takes at the level of `prefix`
    (公安 → 厅 for a province, 局 below it; 卫健 → 委; "" where the sector's word is a body's
    name already: 检察院), None for any other name."""
    forms = pattern_file("departments.yaml")["forms"]
    if not joint or name not in forms["sectors"] + forms["sector_short"]:
        return None
    if name.endswith(tuple(forms["suffixes"])):
        return ""  # a body's own name among the sectors (检察院, 法院, 纪委监委): no unit to add
    units = forms["sector_units"]
    county = prefix.endswith(("县", "区", "旗")) and not prefix.endswith("自治区")
    if name in units["committees"] and not county:
        return "委"  # (a county's 卫生健康局, 发展和改革局: 局 below the city)
    provincial = prefix.startswith(("省", "自治区")) or prefix.endswith(("省", "自治区"))
    return "厅" if provincial and name not in units["province_bureaus"] else "局"


def _shared_suffixes(mentions: list[Mention]) -> dict[tuple[int, int], str]:
    """(start, end) → the full name of a place written alone before a body it shares the
    kind of (虎林市 in 虎林市、同江市市场监管局 → 虎林市市场监管局): places joined by one
    separator up to a body opening with a place."""
    out: dict[tuple[int, int], str] = {}
    run: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if run and not 0 <= m.start - run[-1].end <= 1:
            run = []
        if known_place(m.text):
            run.append(m)
            continue
        if run and (place := place_of(m.text)):
            for bare in run:
                out[(bare.start, bare.end)] = bare.text + m.text[len(place) :]
        run = []
    return out


# --------------------------------------------------------------------------- running text


def _rules() -> dict[str, Any]:
    return pattern_file("departments.yaml")


def _clause_start(doc: Doc, i: int) -> bool:
    """Token i opens a clause, allowing opener words (由, 同时) before it."""
    rules = _rules()
    j = i - 1
    while j >= 0 and doc[j].text in rules["openers"]:
        j -= 1
    return (
        j < 0
        or any(c in rules["clause_end"] for c in doc[j].text)
        or bool(doc[j + 1].is_sent_start)
    )


def _clause_rest(doc: Doc, i: int) -> str:
    """The text from token i to the end of its clause (with the mark that ends it)."""
    rules = _rules()
    out = []
    for tok in doc[i:]:
        out.append(tok.text)
        if any(c in rules["clause_end"] for c in tok.text):
            break
    return "".join(out)


def subject_mentions(doc: Doc, spans: list[Span]) -> list[Mention]:
    """Departments that are the subject of their clause, with their roles.

    `spans` are department spans of one passage, in order. A run of them joined by 、/和/
    会同 at the start of a clause is one subject; "A会同B" makes A lead and B support.
    """
    rules = _rules()
    out: list[Mention] = []
    i = 0
    while i < len(spans):
        if not _clause_start(doc, spans[i].start):
            i += 1
            continue
        group, roles, k, role = [spans[i]], ["responsible"], i, "responsible"
        while k + 1 < len(spans):
            between = doc[spans[k].end : spans[k + 1].start].text
            if between not in rules["joiners"]:
                break
            if between == "会同":
                roles = ["lead"] * len(roles)
                role = "support"
            group.append(spans[k + 1])
            roles.append(role)
            k += 1
        i = k + 1
        rest = _clause_rest(doc, group[-1].end) if group[-1].end < len(doc) else ""
        if not rest.strip(rules["clause_end"]) or rest.startswith(tuple(rules["not_after"])):
            continue  # an attribute (市药监局直属检查局), or no predicate at all
        if any(re.search(rx, rest) for rx in rules["lead"]):
            roles = ["lead" if r == "responsible" else r for r in roles]
        elif any(re.search(rx, rest) for rx in rules["support"]):
            roles = ["support" if r == "responsible" else r for r in roles]
        out += [
            Mention(s.text, r, s.start_char, s.end_char) for s, r in zip(group, roles, strict=True)
        ]
    return out


def enrich(ctx: Context) -> None:
    """Make the subjects of a commitment's running text responsible for it.

    Only where the document does not say who is responsible: a responsibility statement or
    a task table's department column is the authority (a task-division table may assign a
    task that names 各区政府 to the regulator's own divisions). A department merely named
    (an object, an attribute) gets no role and no Department node: record.departments
    holds the bodies given a role, and the bodies their divisions belong to.
    """
    index = SpanIndex(ctx.doc, "departments")
    for m in ctx.record.measures:
        stated = [(s.start, s.end) for s in find_statements(m.text, m.start)]
        if not commits(m.statement):
            # background and vision: only explicit role words give a role (省卫生厅承担…职能,
            # A会同B开展了…), never a body merely acting in the narration
            _attach(ctx, m, _narrated_roles(m, stated))
            continue
        addressed = m.start + addressees_end(m.text)  # the notice's 主送机关: no subjects
        spans = [
            s
            for s in index.inside(m.start, m.end)
            if not any(a <= s.start_char < b for a, b in stated) and s.start_char >= addressed
        ]
        mentions = []
        # running-text assignments (由A负责, A会同B, 组长由…担任 …) outside the statements;
        # a task table's department column is the authority over its row's text
        if not (m.ordinal.startswith("t") and m.departments):
            mentions += [
                x
                for x in find_assignments(m.text, m.start)
                if not any(a <= x.start < b for a, b in stated)
            ]
        if not m.departments:
            mentions = _specific_role_wins(mentions, subject_mentions(ctx.doc, spans))
        if not m.departments and not mentions:
            mentions = _heading_duty(ctx.text, m)
        if _news_without_duty(m.text):
            # 近日，A对…开展为期5个月的…行动: a report of what A does, with no modal, role word
            # or instruction, gives A no role (the rule book: a subject's task needs 要/将/应…)
            mentions = [x for x in mentions if x.role != "responsible"]
        mentions, referents = self_referents(ctx, mentions)
        _attach(ctx, m, mentions, referents)


def _news_without_duty(text: str) -> bool:
    """A news report's passage that prescribes nothing and passes on no instruction."""
    return (
        bool(cues("news").search(text))
        and not prescribes(text)
        and not passes_on(text)
        and not launches_campaign(text)
        and not cues("reported_requirement").search(text)  # …责任书中，对各村明确了…责任
    )


def self_referents(
    ctx: Context, mentions: list[Mention]
) -> tuple[list[Mention], dict[tuple[int, int], str]]:
    """我局/本厅/该局 name the body the text speaks for: the last named body before it (the one
    whose statement is reported: A表示，…。我局将…), else the document's issuer. With neither,
    no body can be named and the mention is left out (a node called 我局 would join every
    document's self-references)."""
    kept, referents = [], {}
    for x in mentions:
        if not SELF.fullmatch(x.text):  # 我局将…, 本厅要…, 该局将…
            kept.append(x)
            continue
        issuer = ctx.meta.issuers[0] if ctx.meta.issuers else None
        referent = _last_body_before(ctx.text, x.start) or issuer
        if referent:
            referents[(x.start, x.end)] = referent
            kept.append(x)
    return kept, referents


def _last_body_before(text: str, end: int, reach: int = 300) -> str | None:
    """The named (not generic) body written last before `end`, within `reach` characters,
    by its longest reading (市市场监管局, not 市场监管局)."""
    for pos in range(end - 2, max(0, end - reach) - 1, -1):
        body = body_at(text, pos)
        if body is None or body.end > end or is_generic(body.text):
            continue
        while pos > 0 and (wider := body_at(text, pos - 1)) and wider.end == body.end:
            body, pos = wider, pos - 1
        return body.text
    return None


def _heading_duty(text: str, m: Any) -> list[Mention]:
    """The body a division of work by bodies gives this item (ingest/duties.heading_duty):
    the name on the item's own line, or its heading's, found in the text above the item."""
    heading = m.section.split(" / ")[-1] if m.section else None
    found = heading_duty(m.text, heading)
    if found is None:
        return []
    name, at, role = found
    start = m.start + at if at >= 0 else text.rfind(name, 0, m.start)
    return [Mention(name, role, start, start + len(name))] if start >= 0 else []


def _attach(
    ctx: Context,
    m: Any,
    mentions: list[Mention],
    referents: dict[tuple[int, int], str] | None = None,
) -> None:
    """Register `mentions` and add them to measure `m`, except bodies it already names (a
    statement's explicit role wins)."""
    known = {d.name for d in m.departments}
    known_mentions = {d.mention for d in m.departments}
    registered = register(
        ctx.departments, mentions, ctx.province, ctx.record.warnings, ctx.locality, referents
    )
    for dm in registered:
        if dm.name not in known and dm.mention not in known_mentions:
            m.departments.append(dm)
            known.add(dm.name)


def _narrated_roles(m: Any, stated: list[tuple[int, int]]) -> list[Mention]:
    """The bodies a background or vision passage gives a role with an explicit role word
    (the rule book: role words in past narrative are annotated, as background)."""
    mentions = []
    for s in re.finditer(r"[^。！？!?；;]+[。！？!?；;]*", m.text):
        if narrated_roles(s.group()):
            mentions += [
                x
                for x in find_assignments(s.group(), m.start + s.start())
                if not any(a <= x.start < b for a, b in stated)
            ]
    return mentions


def _specific_role_wins(assigned: list[Mention], subjects: list[Mention]) -> list[Mention]:
    """Assignment and parsed-subject mentions of one measure, in document order; a body read
    by both keeps the more specific role (lead or support, read from 牵头 / 任组长 / 为成员单位,
    over a bare "responsible")."""
    by_text: dict[str, Mention] = {}
    for x in [*assigned, *subjects]:
        kept = by_text.get(x.text)
        if kept is None or (kept.role == "responsible" and x.role != "responsible"):
            by_text[x.text] = x
    # a body read inside a longer one (省药监局 in 省药监局各检查分局) is that one's name
    found = list(by_text.values())
    inner = [x for x in found if any(
        o.start <= x.start and x.end <= o.end and (o.end - o.start) > (x.end - x.start)
        for o in found)]  # fmt: skip
    return sorted((x for x in found if x not in inner), key=lambda x: x.start)
