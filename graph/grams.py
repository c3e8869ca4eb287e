"""Search bigrams: what FalkorDB's full-text index holds so that `search` finds its
candidates through an index instead of scanning every measure and target with CONTAINS.

FalkorDB's full-text index is RediSearch, which cuts text into words at spaces and
punctuation: a Chinese sentence is one word, and its `chinese` analyzer (friso word
segmentation) finds a term only where the segmenter cut the text at the same place
(graph/stores/falkordb.py). So the writer stores, on each Measure and Target, the property
`grams`: every pair of adjacent characters in U+3400–U+9FFF (CJK ideographs) of the texts
search reads (a measure's `text`; a target's `indicator` and `text`, each apart), distinct,
space-separated. A needle of two or more such characters is then in a text only if every
one of its bigrams is in that text's `grams`: the index (all bigrams, AND) gives a superset
of the texts that hold it, and CONTAINS on the candidates gives exactly the portable
query's hits (queries/falkordb/search.cypher). Any other needle scans, as before.

Only the FalkorDB store asks for them (`FalkorDBStore.search_grams`); the exports and the
fingerprint leave the property out (it is derived from `text`, not part of the graph).
"""

from __future__ import annotations

import re

GRAMS = "grams"  # the property
# label -> the properties whose bigrams it holds (each text apart: no bigram across two)
GRAM_SOURCES: dict[str, tuple[str, ...]] = {
    "Measure": ("text",),
    "Target": ("indicator", "text"),
}
_RUN = re.compile(r"[\u3400-\u9fff]{2,}")


def search_grams(*texts: str | None) -> str:
    """The distinct bigrams of the CJK runs of the texts, sorted, space-separated."""
    out: set[str] = set()
    for text in texts:
        for run in _RUN.findall(text or ""):
            out.update(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(sorted(out))


def with_grams(label: str, rows: list[dict]) -> list[dict]:
    """Node rows ({"key", "props"}) of a label with sources, each with its `grams` added."""
    fields = GRAM_SOURCES.get(label)
    if not fields:
        return rows
    return [
        {
            **row,
            "props": {**row["props"], GRAMS: search_grams(*(row["props"].get(f) for f in fields))},
        }
        for row in rows
    ]
