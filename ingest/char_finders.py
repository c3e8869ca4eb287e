"""The character finders each span group of the parsed Doc is made from (ingest/nlp.py).

Every finder maps a normalized text to `Found` matches — character offsets, a label and an id:
departments of the province's vocabulary (ingest/lexicon.py), topic hits sentence by sentence
(ingest/matching.py), cooperation regions, cited references, and the program cue words the
tokenizer must also cut at. Apart from the pipeline because what is matched (the vocabularies
and their finders) changes for other reasons than how a Doc is built from the matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from policykg.ingest import program_kinds, references
from policykg.ingest.full_width import wide
from policykg.ingest.lexicon import find_departments
from policykg.ingest.matching import sentence_topic_hits, topic_candidates
from policykg.ingest.vocab import regions, topics

SENTENCE_END = frozenset("。；;！!？?\n")


@dataclass(frozen=True)
class Found:
    """One match of a finder: character offsets into the text, a label and an id."""

    start: int
    end: int
    label: str
    kb_id: str = ""


Finder = Callable[[str], Iterable[Found]]


def _department_finder(code: str | None) -> Finder:
    def find(text: str) -> list[Found]:
        if code is None:
            return []
        return [Found(s, e, d.name, d.key) for s, e, d in find_departments(text, code)]

    return find


_SENTENCE_END_RE = re.compile("[" + re.escape("".join(sorted(SENTENCE_END))) + "]")


def _topic_finder(text: str) -> list[Found]:
    out: list[Found] = []
    widened = wide(text)
    bounds, start = [], 0
    for m in _SENTENCE_END_RE.finditer(widened):
        if m.start() > start:
            bounds.append((start, m.start()))
        start = m.end()
    if start < len(widened):
        bounds.append((start, len(widened)))
    for (a, b), items in zip(bounds, topic_candidates(widened, bounds), strict=True):
        if items:  # a sentence no topic's term occurs in has no hit
            out += [
                Found(s + a, e + a, key, term)
                for s, e, key, term in _topic_spans(a, b, widened, items)
            ]
    return out


# Documents repeat their sentences (a plan restates its tasks in its division table; notices
# share their formulas), and a sentence's topic hits depend only on the sentence and the
# topics tried on it, named by their ids: the memo holds the taxonomy they come from (so no
# id is reused while it is kept) and starts again when another is loaded.
_TOPIC_SPANS: dict[tuple[str, tuple[int, ...]], tuple[tuple[int, int, str, str], ...]] = {}
_TOPIC_SPANS_OF: list[tuple[Any, ...]] = []


def _topic_spans(
    a: int, b: int, widened: str, items: list[Any]
) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, topic key, term) of the hits in widened[a:b], offsets into the sentence."""
    if not _TOPIC_SPANS_OF or _TOPIC_SPANS_OF[0] is not topics():
        _TOPIC_SPANS.clear()
        _TOPIC_SPANS_OF[:] = [topics()]
    sentence = widened[a:b]
    key = (sentence, tuple(map(id, items)))
    spans = _TOPIC_SPANS.get(key)
    if spans is None:
        hits = sorted(sentence_topic_hits(sentence, items), key=lambda h: h.start)
        spans = tuple((h.start, h.end, h.key, h.term) for h in hits)
        if len(_TOPIC_SPANS) >= 1 << 15:  # bounded: a long ingest meets new sentences
            _TOPIC_SPANS.clear()
        _TOPIC_SPANS[key] = spans
    return spans


@cache
def _region_triggers() -> tuple[tuple[str, str], ...]:
    """(trigger, region key), longest trigger first."""
    pairs = [(t, r.key) for r in regions() for t in r.triggers]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _region_finder(text: str) -> list[Found]:
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for trigger, key in _region_triggers():
        pos = text.find(trigger)
        while pos >= 0:
            end = pos + len(trigger)
            if all(end <= a or pos >= b for a, b in taken):  # 成渝地区 wins over 成渝
                taken.append((pos, end))
                out.append(Found(pos, end, key, trigger))
            pos = text.find(trigger, pos + 1)
    return sorted(out, key=lambda f: f.start)


def _program_cues(text: str) -> list[Found]:
    return [Found(a, b, "CUE") for a, b in program_kinds.cue_spans(text)]


def _reference_finder(text: str) -> list[Found]:
    return [Found(r.start, r.end, "REFERENCE", r.key) for r in references.find_references(text)]


def span_finders(code: str | None) -> dict[str, Finder]:
    """The span groups made straight from character matches, by key."""
    return {
        "departments": _department_finder(code),
        "topics": _topic_finder,
        "regions": _region_finder,
        "references": _reference_finder,
    }


def tokenizer_cuts(code: str | None) -> dict[str, Finder]:
    """Everything the tokenizer must cut at: the finders, and the words names end with."""
    return {**span_finders(code), "program_cues": _program_cues}
