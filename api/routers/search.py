"""Full-text search over measures, targets and programs, Simplified or Traditional input.

A named query finds the candidates: with CONTAINS on every engine, and on Neo4j through
its full-text index (queries/neo4j/api_search.cypher) when every term is one the index
holds (see `indexable`); ranking and highlighting happen here. The query is converted to Simplified (OpenCC t2s) and
segmented with jieba. A hit scores up to 3 for the share of the query its matched terms
cover, 2 more when it contains the whole query, a little for each further occurrence
(at most 1) and up to 0.5 the earlier its first match.
"""

from __future__ import annotations

import html
import logging
import re
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from policykg.api.models.common import Page
from policykg.api.models.evidence import Evidence
from policykg.api.routers.common import (
    AppSettings,
    Format,
    Pages,
    Store,
    blank_to_none,
    check_text,
    resolve_province,
    respond,
    tabular,
    to_simplified,
)
from policykg.api.routers.common import run as run_query
from policykg.ingest import vocab
from pydantic import BaseModel, Field

from policykg.errors import InputError

router = APIRouter(tags=["search"])

MAX_TERMS = 12
STOP = {"的", "和", "与", "及", "等", "在", "对", "了", "是", "或", "并", "以", "为", "中"}
PUNCT = re.compile(r"^[\W_]+$")

# ---------------------------------------------------------------------- models: search


class Highlight(BaseModel):
    start: int = Field(description="Offset in `text` (characters)")
    end: int
    term: str


class SearchHit(Evidence):
    """A hit: the evidence model (document, section, spans, source link) with its score."""

    score: float = Field(
        description="Higher is better: share of the query matched, whole query, occurrences, how early"
    )
    highlighted: str = Field(description="`text`, HTML-escaped, matches in <mark>…</mark>")
    highlights: list[Highlight]


class SearchResult(Page):
    q: str = Field(description="The query as given")
    converted: str = Field(description="The query in Simplified characters (OpenCC t2s)")
    terms: list[str] = Field(description="Terms searched (jieba segmentation)")
    rows: list[SearchHit]


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def segment(query: str) -> tuple[str, list[str], str]:
    """(Simplified query, search terms, phrase): words of 2+ characters or Latin/digits;
    single characters only when nothing longer is left."""
    converted = to_simplified(query.strip())
    phrase = re.sub(r"\s+", "", converted)
    words = [w.strip() for w in _jieba().cut_for_search(converted)]
    words = [w for w in words if w and not PUNCT.match(w) and w not in STOP]
    terms = [w for w in dict.fromkeys(words) if len(w) >= 2 or w.isascii()]
    if not terms:
        terms = list(dict.fromkeys(words)) or ([phrase] if phrase else [])
    terms.sort(key=len, reverse=True)
    return converted, terms[:MAX_TERMS], phrase


@cache
def _topic_names() -> dict[str, tuple[str, ...]]:
    """Latin name of a topic (its key, its synonyms in Latin letters, the acronym of its
    English name: udi, UDI, GMP …), casefolded → the topic's Chinese synonyms."""
    out: dict[str, tuple[str, ...]] = {}
    for t in vocab.topics():
        chinese = tuple(dict.fromkeys(x for x in (t.name_zh, *t.synonyms) if not x.isascii()))
        acronyms = re.findall(r"\(([A-Za-z]{2,})\)", t.name_en or "")
        for name in (t.key, *acronyms, *(x for x in t.synonyms if x.isascii())):
            if chinese and len(name) >= 2:
                out.setdefault(name.casefold(), chinese)
    return out


def expand(terms: list[str]) -> list[str]:
    """Chinese documents rarely write a topic's Latin name: `UDI` also searches
    医疗器械唯一标识 and the other names of that topic (data/taxonomy/topics.yaml)."""
    names = _topic_names()
    extra = [c for t in terms if t.isascii() for c in names.get(t.casefold(), ())]
    return list(dict.fromkeys([*terms, *extra]))


# What Neo4j's `cjk` analyzer indexes as words: runs of two or more CJK characters (as
# bigrams) and Latin words or numbers (lower-cased; English stop words dropped, hence 3+).
# A single character or a term mixing scripts is not a token there: CONTAINS finds it.
_INDEXABLE = re.compile(r"[\u3400-\u9fff]{2,}|[A-Za-z0-9]{3,}")
# Lucene's English stop words (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) of 3+ letters
_LUCENE_STOP = frozenset(
    [
        "and",
        "are",
        "but",
        "for",
        "into",
        "not",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "was",
        "will",
        "with",
    ]
)


def indexable(terms: list[str]) -> bool:
    """Whether Neo4j's full-text index can find every term (else CONTAINS is used)."""
    return bool(terms) and all(
        _INDEXABLE.fullmatch(t) and t.lower() not in _LUCENE_STOP for t in terms
    )


def _variants(terms: list[str]) -> list[str]:
    """CONTAINS is case-sensitive: send udi, UDI and Udi alike for Latin terms."""
    out: dict[str, None] = {}
    for t in terms:
        out.update(dict.fromkeys([t, t.upper(), t.lower()] if t.isascii() else [t]))
    return list(out)


def _spans(text: str, term: str) -> list[tuple[int, int]]:
    hay, needle = (text.casefold(), term.casefold()) if term.isascii() else (text, term)
    return [(m.start(), m.start() + len(term)) for m in re.finditer(re.escape(needle), hay)]


def _coverage(phrase: str, matched: set[str]) -> float:
    """Share of the query's characters that matched terms cover (医疗器械 covers more of
    医疗器械唯一标识 than 器械 does, and 医疗 + 器械 add nothing once 医疗器械 matched)."""
    hay = phrase.casefold()
    if not hay:
        return 0.0
    covered = [False] * len(hay)
    for term in matched:
        for a, b in _spans(hay, term):
            covered[a:b] = [True] * (b - a)
    return sum(covered) / len(hay)


def rank(row: dict[str, Any], terms: list[str], phrase: str) -> SearchHit | None:
    text = row.get("text") or ""
    found: list[tuple[int, int, str]] = []
    matched = set()
    for term in terms:
        spans = _spans(text, term)
        if spans:
            matched.add(term.casefold())
            found += [(a, b, term) for a, b in spans]
    if not found:
        return None
    whole = len(phrase) >= 2 and phrase.casefold() not in matched and _spans(text, phrase)
    if whole:
        found += [(a, b, phrase) for a, b in whole]
    first = min(a for a, _, _ in found)
    score = 3 * _coverage(phrase, matched) + (2 if whole or phrase.casefold() in matched else 0)
    score += 0.1 * min(len(found), 10) + 0.5 * (1 - first / max(len(text), 1))
    merged: list[list[Any]] = []
    for a, b, _ in sorted(found, key=lambda f: (f[0], -f[1])):
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1][1], merged[-1][2] = b, text[merged[-1][0] : b]
        else:
            merged.append([a, b, text[a:b]])
    pieces, last = [], 0
    for a, b, _ in merged:
        pieces += [html.escape(text[last:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
        last = b
    pieces.append(html.escape(text[last:]))
    return SearchHit(
        **{k: v for k, v in row.items() if k in Evidence.model_fields and k != "text"},
        text=text, score=round(score, 4), highlighted="".join(pieces),
        highlights=[Highlight(start=a, end=b, term=t) for a, b, t in merged],
    )  # fmt: skip


@tabular(router, "/search", SearchResult)
def search(
    request: Request,
    store: Store,
    settings: AppSettings,
    page: Pages,
    q: Annotated[
        str, Query(description="Words to find; Simplified or Traditional (追溯 / 追溯體系)")
    ],
    province: Annotated[str | None, Query(description="Only this province")] = None,
    kind: Annotated[
        str | None,
        Query(pattern="^(measure|target|program)$", description="measure | target | program"),
    ] = None,
    format: Format = None,
) -> Any:
    """Full-text search over measures, targets and programs, ranked, with highlights."""
    check_text(q, "q")
    converted, terms, phrase = segment(q)
    if not terms:
        raise InputError("q: give at least one word to search for, e.g. q=药品追溯")
    equivalents = [t for t in expand(terms) if t not in terms]
    searched = _variants([*terms, *equivalents])
    params: dict[str, Any] = {"terms": searched, "cap": settings.max_rows}
    if blank_to_none(province):
        params["province"] = resolve_province(province or "", missing=InputError).name
    rows = run_query(store, settings, "api_search", portable=not indexable(searched), **params)
    hits = [h for r in rows
            if (kind is None or r["kind"] == kind)
            and (h := rank(r, terms, phrase) or rank(r, equivalents, equivalents[0] if equivalents else ""))]  # fmt: skip
    order = {"measure": 0, "target": 1, "program": 2}
    hits.sort(key=lambda h: (-h.score, order[h.kind], h.province or "", h.start or 0))
    payload = SearchResult(q=q, converted=converted, terms=[*terms, *equivalents], rows=page.cut(hits),
                           count=len(hits), limit=page.limit, offset=page.offset)  # fmt: skip
    return respond(request, format, payload)
