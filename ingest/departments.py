"""Department mentions → one canonical department per province, with roles: the pipeline's
`departments` step, and the body a self-reference (我局) names.

Besides the responsibility statements (ingest/responsibility.py), the running text of a
commitment names responsible departments when a department is the subject of a clause
(data/patterns/departments.yaml explains the rules); the enricher adds those.

What it asks is read apart: a mention's canonical body (ingest/canonical_departments.py), the
document's registry and the lists its mentions stand in (ingest/department_registry.py), the
subjects of a parsed clause (ingest/clause_subjects.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from policykg.ingest.assignments import addressees_end, find_assignments
from policykg.ingest.bodies import body_at, is_generic
from policykg.ingest.body_lists import SELF
from policykg.ingest.clause_subjects import subject_mentions
from policykg.ingest.department_registry import register
from policykg.ingest.duties import heading_duty
from policykg.ingest.nlp import SpanIndex
from policykg.ingest.preamble import passes_on, prescribes
from policykg.ingest.responsibility import Mention, find_statements
from policykg.ingest.role_cues import launches_campaign, narrated_roles
from policykg.ingest.statements import commits, cues

if TYPE_CHECKING:
    from policykg.ingest.context import Context


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
