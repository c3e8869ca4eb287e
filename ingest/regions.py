"""Cross-provincial cooperation regions of measures (Measure -[:COOPERATES_IN]-> Region).

The region spans of the spaCy Doc (ingest/nlp.py, triggers of data/reference/regions.yaml:
长三角, 川渝/成渝, 京津冀, 粤港澳 …) inside a measure's text, outside its responsibility
statement, give Measure.regions (region keys, first mention first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policykg.ingest.responsibility import find_statements

if TYPE_CHECKING:
    from policykg.ingest.context import Context


def enrich(ctx: Context) -> None:
    spans = ctx.doc.spans.get("regions", [])
    for m in ctx.record.measures:
        stated = [(s.start, s.end) for s in find_statements(m.text, m.start)]
        keys: list[str] = []
        for span in spans:
            inside = m.start <= span.start_char and span.end_char <= m.end
            stated_here = any(a <= span.start_char < b for a, b in stated)
            if inside and not stated_here and span.label_ not in keys:
                keys.append(span.label_)
        m.regions = keys
