"""The extractor's spaCy pipeline: jieba tokens, policy sentences, vocabulary spans.

`parse(text, code)` runs the pipeline of a province (built once per province code and
cached) over a document's normalized text. The Doc carries span groups that the
enrichers read, each span's character offsets pointing into the normalized text:

    departments   every department the province's vocabulary names (label = canonical
                  name, kb_id = departments.yaml key)
    topics        topic hits (label = topic key, kb_id = the synonym or anchor term)
    regions       cooperation regions (label = region key, kb_id = the trigger)
    programs      named programs in running text (label = kind)
    references    cited laws and policies (label = "REFERENCE")

Why custom rulers rather than spaCy's SpanRuler: a phrase pattern matches token
sequences, and jieba segments a phrase differently in context than alone (市卫生健康委的
→ 市/卫生/健康/委的; 技术审评检查长三角 → …/检查/长/…), and the vocabularies overlap
(a topic term inside a department name), so no single segmentation aligns them all. The
rulers here match characters with the data-driven matchers (ingest/lexicon.py,
ingest/matching.py, the regex finders of programs/references) and the tokenizer cuts
jieba's tokens at every match edge, so every span is exact and token-aligned, and the
tokens around a span (与 / 的 / 牵头 …) are real words for the rules that read them.

This module builds and runs the pipeline (the tokenizer, the components, `parse`) and
indexes a parsed Doc's spans (`SpanIndex`); what the rulers match is in
ingest/char_finders.py, jieba's words aligned with the text in ingest/jieba_words.py.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache
from itertools import accumulate
from operator import add, not_
from typing import Any

import jieba
import spacy
from policykg.ingest import program_kinds, programs_in_text
from policykg.ingest.char_finders import SENTENCE_END, Finder, span_finders, tokenizer_cuts
from policykg.ingest.jieba_words import jieba_words
from policykg.ingest.lexicon import department_lexicon
from spacy.language import Language
from spacy.tokens import Doc, Span

SPAN_KEYS = ("departments", "topics", "regions", "programs", "references")
_FOUND = "policykg.found"  # Doc.user_data key: the finders' results, computed once


class BoundaryTokenizer:
    """spaCy's jieba tokenizer, with tokens cut at every edge of a finder's match."""

    def __init__(self, base: Any, finders: dict[str, Finder]) -> None:
        self.base = base
        self.vocab = base.vocab
        self.finders = finders

    def __call__(self, text: str) -> Doc:
        words, spaces = jieba_words(self.base, text)
        found = {key: list(find(text)) for key, find in self.finders.items()}
        cuts = sorted({e for matches in found.values() for f in matches for e in (f.start, f.end)})
        # Split only the tokens a match edge falls inside, found from the cuts (far fewer
        # than tokens): one bisect per cut instead of two per token; the rest is copied
        # in slices. A cut is inside a token when start < cut < start + len(token).
        # (map and accumulate in C: these run once per token)
        starts_at = [0, *accumulate(map(add, map(len, words), spaces))]
        inside: dict[int, list[int]] = {}
        for c in cuts:
            i = bisect_right(starts_at, c) - 1
            if i < len(words) and starts_at[i] < c < starts_at[i] + len(words[i]):
                inside.setdefault(i, []).append(c - starts_at[i])
        out_words: list[str] = []
        out_spaces: list[bool] = []
        done = 0
        for i, inner in inside.items():  # in token order: the cuts are sorted
            out_words += words[done:i]
            out_spaces += spaces[done:i]
            word = words[i]
            out_words += [word[a:b] for a, b in zip([0, *inner], [*inner, len(word)], strict=True)]
            out_spaces += [False] * len(inner) + [spaces[i]]
            done = i + 1
        out_words += words[done:]
        out_spaces += spaces[done:]
        # sentence starts at construction: setting Token.is_sent_start one by one is slow
        starts: list[bool | int | None] = [True] if out_words else []
        starts += map(not_, map(SENTENCE_END.isdisjoint, out_words[:-1]))
        out = Doc(self.vocab, words=out_words, spaces=out_spaces, sent_starts=starts)
        out.user_data[_FOUND] = found
        # the Doc's text is `text` (its words and spaces cover it): programs_in_text._text
        # would join the tokens again
        out.user_data["policykg.text"] = text
        return out


class SpanFinder:
    """A ruler: turns one finder's matches into the span group `key`."""

    def __init__(self, key: str, finder: Finder) -> None:
        self.key = key
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        found = doc.user_data.get(_FOUND, {}).get(self.key)
        if found is None:  # a Doc made by another tokenizer
            found = list(self.finder(doc.text))
        spans = []
        for f in found:
            span = doc.char_span(f.start, f.end, label=f.label, kb_id=f.kb_id)
            if span is None:  # cannot happen with BoundaryTokenizer; keep the token cover
                span = doc.char_span(
                    f.start, f.end, label=f.label, kb_id=f.kb_id, alignment_mode="expand"
                )
            if span is not None:
                spans.append(span)
        doc.spans[self.key] = spans
        return doc


@Language.component("policykg_sentences")
def policy_sentences(doc: Doc) -> Doc:
    """A sentence ends after 。；！？ and at a line break (table cells are lines)."""
    if doc.has_annotation("SENT_START"):
        return doc  # BoundaryTokenizer set them
    ends = True
    for tok in doc:
        tok.is_sent_start = ends
        ends = any(c in SENTENCE_END for c in tok.text)
    return doc


class ProgramFinder:
    """Program names read off the tokens; a department of the province is no program."""

    def __init__(self, code: str | None) -> None:
        lexicon = department_lexicon(code) if code else {}
        self.bodies = frozenset(program_kinds.key_of(s) for s in lexicon)

    def __call__(self, doc: Doc) -> Doc:
        found = programs_in_text.find_programs(doc, self.bodies)
        doc.user_data[program_kinds.PROGRAMS_KEY] = found  # with descriptions, for the enricher
        spans = (
            doc.char_span(p.start, p.end, label=p.kind or "", kb_id=p.name, alignment_mode="expand")
            for p in found
        )
        doc.spans["programs"] = [s for s in spans if s is not None]
        return doc


@cache
def _chinese() -> Language:
    """spaCy's blank Chinese pipeline with jieba, made once: its tokenizer and vocab serve
    every province (spacy.blank and add_pipe resolve configs, ~50 ms per province)."""
    jieba.setLogLevel(logging.WARNING)  # jieba announces its dictionary on stderr
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@cache
def nlp_for(code: str | None) -> tuple[BoundaryTokenizer, tuple[Callable[[Doc], Doc], ...]]:
    """The pipeline for documents of one province (its department vocabulary differs): the
    tokenizer and the components in order. The same components a spaCy Language would run
    (policykg_sentences, one SpanFinder per finder, ProgramFinder), called directly: a
    Language per province cost more to build than most documents cost to parse."""
    base = _chinese().tokenizer
    finders = span_finders(code)
    components: list[Callable[[Doc], Doc]] = [policy_sentences]
    components += [SpanFinder(key, finder) for key, finder in finders.items()]
    components.append(ProgramFinder(code))
    return BoundaryTokenizer(base, tokenizer_cuts(code)), tuple(components)


def parse(text: str, code: str | None) -> Doc:
    """Run the province's pipeline over a normalized text.

    spaCy refuses texts over nlp.max_length (1,000,000) because its parser and NER need
    ~1 GB per 100,000 characters; this pipeline has neither (jieba tokens, character
    matchers) and calls its components directly, so no limit applies
    (tests/ingest/test_long_document.py)."""
    tokenizer, components = nlp_for(code)
    doc = tokenizer(text)
    for component in components:
        doc = component(doc)
    return doc


class SpanIndex:
    """The spans of one group sorted by start, so that the spans inside a measure are found
    by bisection: a long plan has tens of thousands of measures and of spans, and a scan of
    every span per measure is quadratic (tests/ingest/test_long_document.py)."""

    def __init__(self, doc: Doc, key: str) -> None:
        self._spans = sorted(doc.spans.get(key, []), key=lambda s: (s.start_char, s.end_char))
        self._starts = [s.start_char for s in self._spans]

    def inside(self, start: int, end: int) -> list[Span]:
        """The spans that lie inside [start, end) of the text, in text order."""
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end, lo=i)
        return [s for s in self._spans[i:j] if s.end_char <= end]
