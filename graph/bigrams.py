"""Search bigrams: what FalkorDB's range index holds so that `search` finds its candidates
through an index instead of reading every measure and target text with CONTAINS.

The FalkorDB writer stores on each Measure, Target and Program, and on each ESTABLISHES
relationship, the property `bigrams`: the distinct pairs of adjacent characters of the
texts `search` reads (a measure's `text`; a target's `indicator` and `text`, each apart: no
pair across two texts; a program's `name`; the document's `description` of it, on
ESTABLISHES) where both characters are CJK ideographs (U+3400–U+9FFF), as a sorted list; a
range index on it answers `b IN n.bigrams` (FalkorDB indexes each element of an array of
scalars).

Why ideographs only, and no lowering: a text holds the needle (as written, or lowered when
it has cased letters) only if it holds each of the needle's ideograph pairs as written —
lowering never makes or changes an ideograph. So the nodes holding all of them are a
superset of the hits, and CONTAINS on them gives exactly the scan's rows. Pairs with other
characters would need the text lowered as FalkorDB's `toLower` lowers it, which Python's
`str.lower` does not match everywhere (İ; scripts of a newer Unicode than Python's).
A needle without an ideograph pair (one character, Latin, digits) scans, as before.

queries/falkordb/search.cypher takes the needle's pairs with the same range, written as
IDEOGRAPH_FIRST / IDEOGRAPH_LAST there (tests/graph/test_falkordb_search.py checks that
both give the same pairs). Only the FalkorDB store asks for the property
(`FalkorDBStore.search_bigrams`); the exports and the fingerprint leave it out (it is
derived from the texts, not part of the graph), and `FalkorDBStore.ensure_schema` adds it
to the nodes of a store written before it existed, before it makes the index.
"""

from __future__ import annotations

import re

BIGRAMS = "bigrams"  # the property
# node label or relationship type -> the properties whose pairs it holds (each text apart)
BIGRAM_SOURCES: dict[str, tuple[str, ...]] = {
    "Measure": ("text",),
    "Target": ("indicator", "text"),
    "Program": ("name",),
}
BIGRAM_REL_SOURCES: dict[str, tuple[str, ...]] = {"ESTABLISHES": ("description",)}
IDEOGRAPH_FIRST, IDEOGRAPH_LAST = "\u3400", "\u9fff"
_RUN = re.compile(f"[{IDEOGRAPH_FIRST}-{IDEOGRAPH_LAST}]{{2,}}")


def search_bigrams(*texts: str | None) -> list[str]:
    """The distinct pairs of adjacent ideographs of the texts, sorted."""
    out: set[str] = set()
    for text in texts:
        if text:
            for run in _RUN.findall(text):
                out.update([run[i : i + 2] for i in range(len(run) - 1)])
    return sorted(out)


def with_bigrams(label: str, rows: list[dict]) -> list[dict]:
    """Node rows ({"key", "props"}) of a label, or relationship rows ({"from", "to",
    "props"}) of a type, with sources: each with `bigrams`, its pairs as one space-separated
    string beside its props (one string literal in the write's parameters rather than one
    per pair), which `set_bigrams` splits into the property; others as they are."""
    fields = BIGRAM_SOURCES.get(label) or BIGRAM_REL_SOURCES.get(label)
    if not fields:
        return rows
    return [
        {**row, BIGRAMS: " ".join(search_bigrams(*map(row["props"].get, fields)))} for row in rows
    ]


def set_bigrams(variable: str, rows: list[dict]) -> str:
    """The SET item that stores the pairs of `with_bigrams` rows (`UNWIND $rows AS row`),
    to follow `SET {variable} += row.props`; nothing for rows without them."""
    if not rows or BIGRAMS not in rows[0]:
        return ""
    pairs = f"row.{BIGRAMS}"
    return f", {variable}.{BIGRAMS} = CASE {pairs} WHEN '' THEN [] ELSE split({pairs}, ' ') END"
