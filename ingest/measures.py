"""Blocks → measures (what the document commits to) with sections, statements and
responsible departments. Task-division table rows are measures too; indicator table
rows go to ingest/targets.py.

This module is the assembly: the loop that sends each block to its builder, a lone
responsibility line to the item above it, and the cuts after (ingest/measure_splits.py).
The builders live apart: the outline's numbered items and paragraphs in
ingest/item_measures.py, table rows in ingest/row_measures.py, the paragraphs before the
outline in ingest/preamble_measures.py; the blocks that hold no measure in
ingest/non_measures.py.
"""

from __future__ import annotations

import re

from policykg.ingest.draft import DraftMeasure
from policykg.ingest.item_measures import (
    from_heading,
    from_paragraph,
    leaf_item,
    statement_mentions,
    statement_only,
    statement_only_at,
    substantial,
)
from policykg.ingest.measure_splits import (
    by_assignment,
    by_bracket,
    by_sentence,
    goals_in_framing,
    narrated_sentences,
)
from policykg.ingest.member_lists import member_lists
from policykg.ingest.non_measures import (
    annex_captions,
    is_noise,
    non_measure_blocks,
    outline_disordered,
)
from policykg.ingest.patterns import structure_patterns
from policykg.ingest.preamble_measures import (
    from_preamble,
    page_headline,
    page_summary,
    preamble_sentences,
)
from policykg.ingest.responsibility import is_field_line
from policykg.ingest.role_cues import apply_first_leads
from policykg.ingest.rosters import merge_rosters
from policykg.ingest.row_measures import from_row, is_indicator_table, task_row
from policykg.ingest.structure import Block


def _skipped(path: list[str], key: str) -> bool:
    words = structure_patterns()[key]
    return any(w in title for title in path for w in words)


def build_measures(blocks: list[Block], first_leads: str | None = None) -> list[DraftMeasure]:
    """The measures of a document's blocks. `first_leads`: the document says that the body
    listed first in a 责任单位 list leads (列第一位者为牵头单位)."""
    blocks = merge_rosters(blocks)
    measures: list[DraftMeasure] = []
    seen_heading = False
    para_counter: dict[str, int] = {}
    skipped = non_measure_blocks(blocks) | annex_captions(blocks)
    disordered = outline_disordered(blocks)
    members = member_lists(blocks)  # read before the skips: an annex may hold the list
    in_lists = {k for _, lines in members.values() for k in lines}
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            seen_heading = True
        if i in members:
            measures.append(members[i][0])
        if i in in_lists:
            continue
        if _skipped(block.path, "non_measure_sections") or i in skipped:
            continue  # definitions, statistical notes
        if is_noise(block.text):
            continue
        if block.kind == "paragraph" and measures and _attach_statement(block, measures[-1]):
            continue  # 责任单位：… on a line of its own belongs to the item above it
        if block.kind == "paragraph" and measures and is_field_line(block.text):
            continue  # …and so does its 完成时限：… line
        if not measures and not seen_heading and statement_only(block):
            continue  # …and opening the text, to an item the excerpt does not hold
        if not seen_heading:  # a preamble, a notice, a news reprint: what assigns or commits
            if page_headline(block, blocks[i + 1 : i + 3]) or page_summary(block, blocks[i + 1 :]):
                continue
            if block.kind == "paragraph" and (m := from_preamble(block, para_counter)):
                # (narration taken for its role words: the sentences that carry them)
                measures += narrated_sentences(m) if m.statement == "background" else [m]
            elif block.kind == "paragraph":  # narration around assigning sentences
                measures += preamble_sentences(block, para_counter)
            elif task_row(block) and (m := from_row(block)):
                measures.append(m)  # a task-division table right under the title (分工表)
            continue
        if block.kind == "heading":
            measure = from_heading(block) or leaf_item(block, blocks[i + 1 : i + 2])
        elif block.kind == "paragraph":
            measure = from_paragraph(block, para_counter)
        else:
            measure = None if is_indicator_table(block) else from_row(block)
        # table rows name their task however briefly (疫苗全链条监管工程), a duty list its
        # duties (负责药品抽检。), and an item its task over its 牵头单位：line; other prose
        # needs substance
        stated = block.kind == "heading" and statement_only_at(blocks, i + 1)
        if measure and (block.kind == "row" or stated or substantial(measure.text)):
            measures.append(measure)
    if disordered:  # the outline lies: each sentence says what it is
        measures = [part for m in measures for part in by_sentence(m)]
    measures = [part for m in measures for part in goals_in_framing(m)]
    measures = [part for m in measures for part in by_bracket(m)]
    measures = [part for m in measures for part in by_assignment(m)]
    if first_leads:
        for m in measures:
            m.mentions = apply_first_leads(m.mentions, first_leads)
    return _unique_ordinals(measures)


def _attach_statement(block: Block, previous: DraftMeasure) -> bool:
    """A paragraph that is only a responsibility statement: its mentions go to `previous`
    (a sentence that also says something else is a measure of its own)."""
    if previous.ordinal.startswith("t") or not statement_only(block):
        return False
    previous.mentions += statement_mentions(block)
    return True


def _unique_ordinals(measures: list[DraftMeasure]) -> list[DraftMeasure]:
    seen: dict[str, int] = {}
    for m in measures:
        base = re.sub(r"\s+", "", m.ordinal)
        seen[base] = seen.get(base, 0) + 1
        m.ordinal = base if seen[base] == 1 else f"{base}~{seen[base]}"
    return measures
