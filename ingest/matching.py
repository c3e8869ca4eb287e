"""The synonym / pattern / exclude matcher shared by topics and indicators.

Rules come from data/taxonomy/topics.yaml and indicators.yaml (their headers document
`synonyms`, `patterns` and `exclude`). Matching is on Simplified text, brackets compared in
full-width form; offsets of every hit point into the text given.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick
from policykg.ingest.full_width import wide
from policykg.ingest.memo import memoized_list
from policykg.ingest.vocab import (
    ExcludeRule,
    Indicator,
    Topic,
    indicators,
    topic_ancestors,
    topics,
)

_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


@dataclass(frozen=True)
class Hit:
    """One surviving match of a topic or indicator in a text."""

    key: str
    matched: str  # the text that matched (a synonym, or the span a pattern covered)
    start: int  # offsets into the text given to the matcher
    end: int
    term: str  # the synonym or the pattern's anchor term
    score: int  # characters matched (synonym length, or the sum of a pattern's terms)


def _is_latin(term: str) -> bool:
    return term.isascii()


def _occurrences(term: str, text: str) -> Iterator[tuple[int, int]]:
    if _is_latin(term):  # case-insensitive; a word edge must not touch another Latin word
        for m in re.finditer(re.escape(term), text, flags=re.IGNORECASE):
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            glued_left = term[0].isalnum() and before.isascii() and before.isalnum()
            glued_right = term[-1].isalnum() and after.isascii() and after.isalnum()
            if not glued_left and not glued_right:
                yield m.start(), m.end()
        return
    start = text.find(term)
    while start >= 0:
        yield start, start + len(term)
        start = text.find(term, start + 1)


def _excluded(rules: tuple[ExcludeRule, ...], term: str, a: int, b: int, text: str) -> bool:
    for rule in rules:
        if rule.terms and term not in rule.terms:
            continue
        if rule.inside:
            if any(s <= a and b <= e for p in rule.inside for s, e in _occurrences(p, text)):
                return True
            continue
        words = rule.before or rule.after or rule.near
        for w in words:
            for s, e in _occurrences(w, text):
                is_before = e <= a and a - e <= rule.within
                is_after = s >= b and s - b <= rule.within
                if (rule.before and is_before) or (rule.after and is_after):
                    return True
                if rule.near and (is_before or is_after):
                    return True
    return False


def _pattern_hits(item: Topic | Indicator, key: str, text: str) -> Iterator[Hit]:
    for pattern in item.patterns:
        occ = []
        for group in pattern.all:  # a group that occurs nowhere ends the pattern: stop there
            if not (found := [(s, e, t) for t in group for s, e in _occurrences(t, text)]):
                break
            occ.append(found)
        if len(occ) < len(pattern.all):
            continue
        for anchor in occ[0]:
            if _excluded(item.exclude, anchor[2], anchor[0], anchor[1], text):
                continue
            best: tuple[int, int, int] | None = None
            for combo in itertools.islice(itertools.product(*occ[1:]), 5000):
                start = min(anchor[0], *(c[0] for c in combo))
                end = max(anchor[1], *(c[1] for c in combo))
                if pattern.within is not None and end - start > pattern.within:
                    continue
                if best is None or end - start < best[1] - best[0]:
                    best = (start, end, sum(len(c[2]) for c in (anchor, *combo)))
            if best is not None:
                yield Hit(key, text[best[0] : best[1]], best[0], best[1], anchor[2], best[2])


_ANCHORS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _anchors(item: Topic | Indicator) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(CJK terms, lowered Latin terms) of which one must occur for the item to match."""
    anchors = _ANCHORS.get(id(item))
    if anchors is None:
        terms = [*item.synonyms, *(t for p in item.patterns for t in p.all[0])]
        anchors = (
            tuple(t for t in terms if not _is_latin(t)),
            tuple(t.lower() for t in terms if _is_latin(t)),
        )
        _ANCHORS[id(item)] = anchors
    return anchors


def _may_match(item: Topic | Indicator, text: str) -> bool:
    """Cheap pre-check: some synonym or some first-group pattern term occurs at all.

    Most items match nothing in a given sentence; plain substring tests (C speed) spare
    them the occurrence and exclude-rule machinery."""
    cjk, latin = _anchors(item)
    if any(t in text for t in cjk):
        return True
    if latin:
        lowered = text.lower()
        return any(t in lowered for t in latin)
    return False


_SYNONYMS: dict[int, tuple[tuple[str, bool], ...]] = {}


def _synonyms(item: Topic | Indicator) -> tuple[tuple[str, bool], ...]:
    """(synonym, is Latin) in the vocabulary's order."""
    pairs = _SYNONYMS.get(id(item))
    if pairs is None:
        pairs = _SYNONYMS[id(item)] = tuple((t, _is_latin(t)) for t in item.synonyms)
    return pairs


def _hits(item: Topic | Indicator, key: str, text: str, *, checked: bool = False) -> list[Hit]:
    """Synonym hits and pattern hits of one topic/indicator that no exclude rule drops.
    checked: the caller knows that `_may_match` passes."""
    if not checked and not _may_match(item, text):
        return []
    found = [
        Hit(key, text[s:e], s, e, syn, len(syn))
        for syn, latin in _synonyms(item)
        if latin or syn in text  # a plain test spares the occurrence generator
        for s, e in _occurrences(syn, text)
        if not _excluded(item.exclude, syn, s, e, text)
    ]
    found.extend(_pattern_hits(item, key, text))
    return found


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            yield start, text[start : m.start()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


@memoized_list()  # pure in the text: 1,700 calls, 540 texts (indicator names, fingerprint)
def topic_hits(text: str) -> list[Hit]:
    """Every surviving topic hit in a text, sentence by sentence, offsets into `text`.

    A hit of a broader topic lying inside a hit of one of its narrower topics is dropped.
    """
    out: list[Hit] = []
    items = topics()
    for offset, sentence in _sentences(wide(text)):
        candidates = [items[i] for i in _passing(items, sentence)]  # same as every topic's
        out.extend(  # _may_match, in one pass
            Hit(h.key, h.matched, h.start + offset, h.end + offset, h.term, h.score)
            for h in sentence_topic_hits(sentence, candidates)
        )
    return sorted(out, key=lambda h: (h.start, -h.score))


def sentence_topic_hits(sentence: str, candidates: Iterable[Topic] | None = None) -> list[Hit]:
    """The topic hits of one sentence (already split and widened), offsets into it.

    candidates: the topics that may match it, in vocabulary order (`topic_candidates`);
    by default every topic."""
    items = topics() if candidates is None else candidates
    checked = candidates is not None
    hits = [h for t in items for h in _longest_first(_hits(t, t.key, sentence, checked=checked))]
    return [
        h
        for h in hits
        if not any(
            h.key in topic_ancestors(o.key) and o.start <= h.start and h.end <= o.end for o in hits
        )
    ]


def topic_candidates(text: str, bounds: list[tuple[int, int]]) -> list[list[Topic]]:
    """For each sentence text[a:b] of `bounds` (in order, not overlapping), the topics
    whose pre-check (`_may_match`) passes on it, in vocabulary order.

    Why: testing every topic's terms on every sentence is most of a document's topic
    matching; finding each term once in the whole text and placing its occurrences in
    their sentences gives the same topics (a term is in a sentence exactly when one of its
    occurrences in the text lies inside the sentence)."""
    starts = [a for a, _ in bounds]
    per: list[list[Topic]] = [[] for _ in bounds]
    lowered: str | None = None
    items = topics()
    found: list[set[int]] = [set() for _ in items]
    # every occurrence of every CJK term in one pass (was one text.find loop per term: 768
    # scans of the whole document), the same occurrences placed in the same sentences
    automaton = _cjk_automaton(items)
    for last, (n, owners) in automaton.iter(text) if automaton is not None else ():
        pos = last + 1 - n
        k = bisect_right(starts, pos) - 1
        if k >= 0 and pos + n <= bounds[k][1]:
            for i in owners:
                found[i].add(k)
    low: list[str] | None = None  # each sentence lowered once, not once per Latin item
    for item, hit in zip(items, found, strict=True):
        _, latin = _anchors(item)
        if latin:
            lowered = text.lower() if lowered is None else lowered
            if any(t in lowered for t in latin):  # else no sentence holds one either
                low = [text[a:b].lower() for a, b in bounds] if low is None else low
                hit.update(
                    k
                    for k, sentence in enumerate(low)
                    if k not in hit and any(t in sentence for t in latin)
                )
        for k in hit:
            per[k].append(item)
    return per


_AUTOMATA: dict[int, tuple[tuple[Topic | Indicator, ...], Any]] = {}


def _cjk_automaton(items: tuple[Topic | Indicator, ...]) -> Any:
    """An Aho-Corasick automaton of the items' CJK anchor terms: term → (its length, the
    indices of the items it anchors); None without terms. Built once per taxonomy."""
    kept = _AUTOMATA.get(id(items))
    if kept is not None and kept[0] is items:
        return kept[1]
    owners: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        for term in _anchors(item)[0]:
            if i not in owners.setdefault(term, []):
                owners[term].append(i)
    automaton: Any = None
    if owners:
        automaton = ahocorasick.Automaton()
        for term, idx in owners.items():
            automaton.add_word(term, (len(term), tuple(idx)))
        automaton.make_automaton()
    _AUTOMATA[id(items)] = (items, automaton)
    return automaton


def _passing(items: tuple[Topic | Indicator, ...], text: str) -> list[int]:
    """The indices of the items whose pre-check (`_may_match`) passes on `text`, in order:
    one automaton pass for the CJK terms instead of a test of every item's terms."""
    automaton = _cjk_automaton(items)
    found = {i for _, (_, owners) in automaton.iter(text) for i in owners} if automaton else set()
    lowered: str | None = None
    for i, item in enumerate(items):
        latin = _anchors(item)[1]
        if latin and i not in found:
            lowered = text.lower() if lowered is None else lowered
            if any(t in lowered for t in latin):
                found.add(i)
    return sorted(found)


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Overlapping hits of one topic collapse to the longest (药品上市许可持有人, not 持有人)."""
    kept: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return kept


def match_topics(text: str) -> list[tuple[str, str]]:
    """(topic key, matched text) for every topic the text addresses, first hit each."""
    seen: dict[str, str] = {}
    for h in topic_hits(text):
        seen.setdefault(h.key, h.matched)
    return list(seen.items())


@memoized_list()  # pure in the name: 2,400 calls, 550 names (fingerprint corpus)
def rank_indicators(name: str) -> list[Hit]:
    """Indicators whose synonyms/patterns match an indicator name, best first (one hit each)."""
    text = wide(name)
    best: dict[str, Hit] = {}
    items = indicators()
    for i in _passing(items, text):  # the indicators whose _may_match passes, in order
        ind = items[i]
        for h in _hits(ind, ind.key, text, checked=True):
            if h.key not in best or h.score > best[h.key].score:
                best[h.key] = h
    return sorted(best.values(), key=lambda h: -h.score)


def match_indicator(name: str) -> str | None:
    """The canonical indicator key for an indicator name, or None (no match, or a tie)."""
    ranked = rank_indicators(name)
    if not ranked or (len(ranked) > 1 and ranked[1].score == ranked[0].score):
        return None
    return ranked[0].key
