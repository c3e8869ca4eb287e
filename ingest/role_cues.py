"""Cues of a role beyond the words right after a subject, read with the compiled
`assignments` rules (data/patterns/departments.yaml): the bodies after a lead's 牵头 that
配合 support it (A牵头、B、C配合), a list of bodies deciding a joint campaign (each leads),
an issuing or drafting act; and the questions other stages ask of a text without the
clause loop — a plan issued and its campaign started in one breath, a role word told in
narrative, the document's first-leads rule.

Separate from the clause loop (ingest/assignments.py `find_assignments`) because the
departments step, the preamble, the measure splits and the pipeline ask these of a text
on their own, and none needs the loop's state: only the rules and a list of bodies.
`first_leads(text)` tells whether a document states that the body listed first leads
(列第一位者为牵头单位); `apply_first_leads` applies that rule to a list's mentions.
"""

from __future__ import annotations

import re

from policykg.ingest.assignment_patterns import JOINT_CAMPAIGN
from policykg.ingest.assignment_rules import assignment_rules
from policykg.ingest.body_lists import body_list, mentions_of
from policykg.ingest.responsibility import Mention


def joint_campaign(text: str, end: int, role: str) -> bool:
    """The bodies of a subject list decide a joint campaign (A、B…决定，从…起，在全国开展联合整治
    …): each leads, as the eleventh set reads it; only without a role word of their own."""
    stop = text.find("。", end)
    return role == "responsible" and bool(
        JOINT_CAMPAIGN.search(text, end, stop if stop >= 0 else len(text))
    )


def drafts_or_issues(rest: str) -> bool:
    """The words after a subject are an issuing or drafting act (印发…, 制定了…)."""
    rules = assignment_rules()
    return rest.lstrip().startswith(rules["issued_acts"]) or bool(rules["drafted_rx"].match(rest))


def supporters_after_lead(text: str, end: int, stop: int, role: str, offset: int) -> list[Mention]:
    """A牵头、B、C配合 in one clause: the bodies after the lead's 牵头 that 配合 support."""
    lead = re.match(r"\s*(?:负责)?牵头[、，,]\s*", text[end:stop]) if role == "lead" else None
    if lead is None:
        return []
    found, after = body_list(text, end + lead.end())
    if not found or not any(rx.match(text[after:stop]) for rx in assignment_rules()["support_rx"]):
        return []
    return mentions_of([(body, "responsible") for body, _ in found], "support", offset)


def launches_campaign(text: str) -> bool:
    """A body issues a plan and starts its campaign in one breath (A印发《…方案》，从即日起开展…):
    the issuer runs it (the `launches` rule of data/patterns/departments.yaml)."""
    return assignment_rules()["launches_rx"].search(text) is not None


def narrated_roles(text: str) -> bool:
    """The text holds a role word that gives a body a role even in past narrative or an
    outlook (承担…职能, 牵头, 会同, 负责, 配合, 成员涉及…): the rule book's reading."""
    return assignment_rules()["narrated_rx"].search(text) is not None


def first_leads(text: str) -> str | None:
    """The document says that the body listed first in a list leads (列第一位者为牵头单位):
    the role it gives the others — `support` when it says so (其他为配合单位), else they keep
    the list's `responsible` (排在第一位的为牵头单位 says nothing of them); None: no such rule."""
    m = assignment_rules()["first_leads_rx"].search(text)
    if m is None:
        return None
    rest = assignment_rules()["first_leads_rest_rx"].search(text, m.end(), m.end() + 20)
    return "support" if rest else "responsible"


def apply_first_leads(mentions: list[Mention], rest: str = "support") -> list[Mention]:
    """A list of responsible bodies under the first-leads rule: the first leads, the rest
    take `rest`. Lists that already say who leads are left as they are."""
    if not mentions or any(m.role != "responsible" for m in mentions):
        return mentions
    first = min(mentions, key=lambda m: m.start)
    return [Mention(m.text, "lead" if m is first else rest, m.start, m.end) for m in mentions]
