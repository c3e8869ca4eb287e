"""How gold and extracted items are compared and paired: text normalized to letters and
digits, one-to-one greedy matching over tests strictest first, the TypeScore of the pairs
(or of two sets), and the responsibility tuples (mention, name, role) scored on matched
items with their role accuracy.

Kept apart from the rules of each entity type (evaluation/type_scores.py), which all use
these, so that a type's rule reads without the machinery of pairing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from policykg.evaluation.report import Ratio, TypeScore

# --------------------------------------------------------------------------- normalizing


def norm(text: str | None) -> str:
    """Letters and digits only, after NFKC (whitespace, punctuation and quotes go)."""
    text = unicodedata.normalize("NFKC", text or "").replace("○", "〇")
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def program_forms(name: str) -> set[str]:
    """A program name without brackets and quotes: with and without the bracketed words."""
    plain = norm(name)
    bare = norm(re.sub(r"[（(［\[【〔][^）)］\]】〕]*[）)］\]】〕]", "", name))
    return {f for f in (plain, bare) if f}


def contains_either(a: str, b: str, minimum: int = 2) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= minimum and short in long_


# --------------------------------------------------------------------------- matching


def match_pairs(golds: Sequence, extracted: Sequence, tests: Sequence[Callable]) -> dict[int, int]:
    """One-to-one greedy matching: each test is a pass (strictest first), gold in order."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for test in tests:
        for gi, g in enumerate(golds):
            if gi in pairs:
                continue
            for ei, e in enumerate(extracted):
                if ei not in used and test(g, e):
                    pairs[gi] = ei
                    used.add(ei)
                    break
    return pairs


def set_score(gold: set[str], found: set[str]) -> TypeScore:
    return TypeScore(tp=len(gold & found), fp=len(found - gold), fn=len(gold - found),
                     missed=sorted(gold - found), spurious=sorted(found - gold))  # fmt: skip


def pair_score(golds, extracted, pairs, label_gold, label_extracted) -> TypeScore:
    matched = set(pairs.values())
    return TypeScore(
        tp=len(pairs), fn=len(golds) - len(pairs), fp=len(extracted) - len(matched),
        missed=[label_gold(g) for i, g in enumerate(golds) if i not in pairs],
        spurious=[label_extracted(e) for i, e in enumerate(extracted) if i not in matched],
    )  # fmt: skip


def department_tuples(departments) -> list[tuple[str, str, str]]:
    """Distinct (mention, name, role) of gold or extracted department mentions."""
    return list(dict.fromkeys((norm(d.mention), norm(d.name), d.role) for d in departments or []))


def role_ratio(pairs_of: list[tuple[str, list, list | None]]) -> Ratio:
    """Of the gold (mention, name) pairs found on their measure whatever the role, how many
    have the right role."""
    ratio = Ratio()
    for _, gold_deps, found_deps in pairs_of:
        gold, found = department_tuples(gold_deps), department_tuples(found_deps)
        pairs = match_pairs(gold, found, [lambda g, e: g[0] == e[0], lambda g, e: g[1] == e[1]])
        ratio.of += len(pairs)
        ratio.right += sum(gold[gi][2] == found[ei][2] for gi, ei in pairs.items())
    return ratio


def responsibility_score(pairs_of: Sequence[tuple[str, Any, Any]]) -> TypeScore:
    """Score (label, gold departments, extracted departments or None = unmatched) triples."""
    total = TypeScore()
    for label, gold_deps, found_deps in pairs_of:
        gold, found = department_tuples(gold_deps), department_tuples(found_deps)
        pairs = match_pairs(gold, found, [
            lambda g, e: g[0] == e[0] and g[2] == e[2],
            lambda g, e: g[1] == e[1] and g[2] == e[2],
        ])  # fmt: skip
        s = pair_score(gold, found, pairs, lambda t, at=label: f"{at}: {t[0]} ({t[2]})",
                        lambda t, at=label: f"{at}: {t[0]} → {t[1]} ({t[2]})")  # fmt: skip
        total.add(s)
        total.missed += s.missed
        total.spurious += s.spurious
    return total
