"""Blocks of a document that hold no measure, and whether its outline can be trusted.

Reads the parsed blocks only (their kind, marker, path and text) and the structure.yaml word
lists: an annex whose caption says it holds no measures (附件3 名词解释), the caption lines
under an annex heading, web-page chrome and glossary entries, and a scraped page whose
headings were shuffled. ingest/measures.py asks these before any block becomes a measure;
ingest/programs.py asks `non_measure_blocks` too. They are apart from the measure builders
because they judge a block by where it stands in the outline, not by what it assigns.
"""

from __future__ import annotations

import re

from policykg.ingest.patterns import structure_patterns
from policykg.ingest.structure import Block


def non_measure_blocks(blocks: list[Block]) -> set[int]:
    """Blocks of an annex whose caption says it holds no measures (附件3 名词解释).

    An annex heading (附件2) is often followed by its caption as a plain line, so the
    caption is not in the blocks' section path; the annex runs to the next annex.
    """
    words = structure_patterns()["non_measure_sections"]
    out: set[int] = set()
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "heading" and b.marker is not None and b.marker.style == "annex":
            j = i + 1
            while j < len(blocks) and not _is_annex(blocks[j]):
                j += 1
            caption = "".join(
                re.sub(r"\s", "", n.text) for n in blocks[i : min(j, i + 3)] if n.kind != "row"
            )
            if any(w in caption for w in words):
                out.update(range(i, j))
            i = j
        else:
            i += 1
    return out


def annex_captions(blocks: list[Block]) -> set[int]:
    """The title lines right after an annex heading (附件1 / “十四五”时期… / 重大改革…)."""
    out: set[int] = set()
    for i, b in enumerate(blocks):
        if _is_annex(b):
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "paragraph" and len(blocks[j].text) <= 60:
                out.add(j)
                j += 1
    return out


def _is_annex(block: Block) -> bool:
    return block.kind == "heading" and block.marker is not None and block.marker.style == "annex"


def is_noise(text: str) -> bool:
    """Web-page chrome, or a glossary entry that defines a term rather than sets a task."""
    rules = structure_patterns()
    hits = [i for w in rules["boilerplate"] if (i := text.find(w)) >= 0]
    # (chrome after the report's own sentences, 。…来源：某网 closing its last paragraph, leaves
    # the sentences: the page glued its source line to them)
    if hits and "。" not in text[: min(hits)]:
        return True
    if any(re.search(rx, text) for rx in rules["boilerplate_regex"]):
        return True
    if text.startswith(tuple(rules["non_measure_sections"])):
        return True  # 附件：1. … (the list of annexes)
    if re.match(rules["caption_line"], text):
        return True
    body = re.sub(r"^\S{1,4}[．.、]\s*", "", text)  # a numbered entry: 3．“一院四所一中心”：…
    return re.match(rules["definition_entry"], body) is not None


def outline_disordered(blocks: list[Block]) -> bool:
    """A scraped page whose paragraphs were shuffled: a heading number repeats in the body."""
    seen: set[str] = set()
    for b in blocks:
        if _is_annex(b):
            break  # annexes number their items afresh
        if b.kind == "heading" and "box" not in b.ordinal:
            if b.ordinal in seen:
                return True
            seen.add(b.ordinal)
    return False
