"""Topics of measures and targets (Measure/Target -[:ADDRESSES {matched}]-> Topic).

A measure's topics are the topic spans of the spaCy Doc (ingest/nlp.py: synonyms,
co-occurrence patterns and look-alike exclusions of data/taxonomy/topics.yaml, per
sentence) that lie in its text but not in its responsibility statement （责任单位：…） —
department names carry topic words (市中医药管理局, 化妆品监管处). A target's topics are
those of its canonical indicator (data/taxonomy/indicators.yaml `topics`) and those its
indicator name matches. Each TopicMatch keeps the phrase that matched.

Whether a topic is a *commitment* of the province is not decided here: it is one when the
measure's statement is `commitment`, or when a target addresses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policykg.ingest.matching import match_indicator, topic_hits
from policykg.ingest.nlp import SpanIndex
from policykg.ingest.record import Measure, TopicMatch
from policykg.ingest.responsibility import find_statements
from policykg.ingest.vocab import indicator_by_key

if TYPE_CHECKING:
    from policykg.ingest.context import Context
    from spacy.tokens import Doc


def measure_topics(doc: Doc | SpanIndex, measure: Measure) -> list[TopicMatch]:
    """Topic matches inside a measure's text, outside its responsibility statements."""
    index = doc if isinstance(doc, SpanIndex) else SpanIndex(doc, "topics")
    stated = [(s.start, s.end) for s in find_statements(measure.text, measure.start)]
    out: dict[str, TopicMatch] = {}
    for span in index.inside(measure.start, measure.end):
        if any(a <= span.start_char < b for a, b in stated):
            continue
        out.setdefault(span.label_, TopicMatch(key=span.label_, matched=span.text))
    return list(out.values())


def indicator_topics(indicator: str, indicator_key: str | None) -> list[TopicMatch]:
    """Topics of an indicator: its vocabulary entry's, then what its name matches."""
    out: dict[str, TopicMatch] = {}
    entry = indicator_by_key(indicator_key or match_indicator(indicator) or "")
    for key in entry.topics if entry else ():
        out.setdefault(key, TopicMatch(key=key, matched=indicator))
    for hit in topic_hits(indicator):
        out.setdefault(hit.key, TopicMatch(key=hit.key, matched=hit.matched))
    return list(out.values())


def enrich(ctx: Context) -> None:
    index = SpanIndex(ctx.doc, "topics")
    for m in ctx.record.measures:
        m.topics = measure_topics(index, m)
    for t in ctx.record.targets:
        known = {tm.key for tm in t.topics}
        t.topics += [
            tm for tm in indicator_topics(t.indicator, t.indicator_key) if tm.key not in known
        ]
