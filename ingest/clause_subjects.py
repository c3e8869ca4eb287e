"""Departments that are the subject of their clause in the parsed text (the spaCy spans of
ingest/nlp.py), with their roles: a run joined by 、/和/会同 at a clause's start is one subject,
"A会同B" makes A lead and B support, and the words after it may make it lead or support
(data/patterns/departments.yaml: openers, clause_end, joiners, not_after, lead, support).

Apart from the running-text step (ingest/departments.py), which weighs these subjects against
the assignments and the responsibility statements of a measure, because this is a reading of
one parse alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from policykg.ingest.patterns import pattern_file
from policykg.ingest.responsibility import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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
