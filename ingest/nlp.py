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
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from operator import add, not_
from typing import Any

import jieba
import spacy
from policykg.ingest import program_kinds, programs_in_text, references
from policykg.ingest.full_width import wide
from policykg.ingest.lexicon import department_lexicon, find_departments
from policykg.ingest.matching import sentence_topic_hits, topic_candidates
from policykg.ingest.vocab import regions, topics
from spacy.errors import Errors
from spacy.lang.zh import Segmenter
from spacy.language import Language
from spacy.tokens import Doc, Span

SPAN_KEYS = ("departments", "topics", "regions", "programs", "references")
SENTENCE_END = frozenset("。；;！!？?\n")
_FOUND = "policykg.found"  # Doc.user_data key: the finders' results, computed once


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


def _finders(code: str | None) -> dict[str, Finder]:
    """The span groups made straight from character matches, by key."""
    return {
        "departments": _department_finder(code),
        "topics": _topic_finder,
        "regions": _region_finder,
        "references": _reference_finder,
    }


def _cuts(code: str | None) -> dict[str, Finder]:
    """Everything the tokenizer must cut at: the finders, and the words names end with."""
    return {**_finders(code), "program_cues": _program_cues}


class BoundaryTokenizer:
    """spaCy's jieba tokenizer, with tokens cut at every edge of a finder's match."""

    def __init__(self, base: Any, finders: dict[str, Finder]) -> None:
        self.base = base
        self.vocab = base.vocab
        self.finders = finders

    def __call__(self, text: str) -> Doc:
        words, spaces = _jieba_words(self.base, text)
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


def _jieba_words(base: Any, text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces of spaCy's jieba tokenizer (`base`), without its Doc.

    Same segmentation and alignment as spacy.lang.zh.ChineseTokenizer with
    spacy.util.get_words_and_spaces, whose `text[pos:].index(word)` copies the rest of the
    text for every word (quadratic in a long document); `text.index(word, pos)` finds the
    same offset. Another segmenter goes through spaCy's own tokenizer."""
    if base.segmenter != Segmenter.jieba:
        doc = base(text)
        return [t.text for t in doc], [bool(t.whitespace_) for t in doc]
    seg = base.jieba_seg
    if seg is jieba:
        return _aligned_blocks(text)
    words = [x for x in seg.cut(text, cut_all=False) if x]
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(Errors.E194.format(text=text, words=words))
    text_words: list[str] = []
    text_spaces: list[bool] = []
    pos = 0
    for word in words:
        if word.isspace():
            continue
        try:
            start = text.index(word, pos)
        except ValueError:
            raise ValueError(Errors.E194.format(text=text, words=words)) from None
        if start > pos:
            text_words.append(text[pos:start])
            text_spaces.append(False)
            pos = start
        text_words.append(word)
        pos += len(word)
        space = pos < len(text) and text[pos] == " "
        text_spaces.append(space)
        pos += space
    if pos < len(text):
        text_words.append(text[pos:])
        text_spaces.append(False)
    return text_words, text_spaces


# jieba.dt.cut(text, cut_all=False, HMM=True) splits the text into blocks of hanzi, letters
# and digits (re_han) and segments each block alone (its DAG, route and HMM, pure Python
# and most of a document's parse); the rest it yields as whitespace runs and characters.
# A block's words depend on the block only (the dictionary is never changed here), and
# documents repeat their blocks (各有关单位, 现将有关事项通知如下): each block is segmented once.
@lru_cache(maxsize=1 << 16)
def _block_words(block: str) -> tuple[str, ...]:
    return tuple(jieba.dt._Tokenizer__cut_DAG(block))


def _aligned_blocks(text: str) -> tuple[list[str], list[bool]]:
    """`_jieba_words` for jieba itself (jieba 0.42's Tokenizer.cut, accurate mode, HMM on),
    aligned block by block instead of word by word (the alignment loop cost more than the
    cached segmentation). The same words and spaces: jieba's items tile the text, a word
    never holds whitespace and never starts where a skipped whitespace item lies, so the
    alignment puts each word where jieba cut it; a han block's words are contiguous (no
    gap, no space between them); a whitespace item is skipped and lands in the gap before
    the next word, except one " " right after a word, which becomes that word's space."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0  # the text up to here is in `words`
    at = 0  # where the current block starts
    n = len(text)
    # re.split with one capturing group: the blocks of the han pattern are the odd parts
    for i, block in enumerate(jieba.re_han_default.split(text)):
        if i % 2:
            if at > pos:
                words.append(text[pos:at])
                spaces.append(False)
            cut = _block_words(block)
            words += cut
            spaces += [False] * len(cut)
            pos = at + len(block)
            if pos < n and text[pos] == " ":
                spaces[-1] = True
                pos += 1
        else:  # whitespace items (skipped) and one-character words
            for j, c in enumerate(block, at):
                if j < pos or c.isspace():  # j < pos: the " " taken as the last word's space
                    continue
                if j > pos:
                    words.append(text[pos:j])
                    spaces.append(False)
                words.append(c)
                pos = j + 1
                if pos < n and text[pos] == " ":
                    spaces.append(True)
                    pos += 1
                else:
                    spaces.append(False)
        at += len(block)
    if pos < n:
        words.append(text[pos:])
        spaces.append(False)
    return words, spaces


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
    finders = _finders(code)
    components: list[Callable[[Doc], Doc]] = [policy_sentences]
    components += [SpanFinder(key, finder) for key, finder in finders.items()]
    components.append(ProgramFinder(code))
    return BoundaryTokenizer(base, _cuts(code)), tuple(components)


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
