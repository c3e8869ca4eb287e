"""The member lists of a group, written as a list of bodies under their own caption.

A notice setting up a leading group, a joint meeting or an emergency team often lists its
members apart from the text: an annex captioned …成员单位名单, or a line 成员单位： (成员单位如下：)
followed by the bodies alone, separated by 、 and spread over lines (A、B、C、…). No verb and
no role word is in the list itself, so the running-text readers (ingest/assignments.py)
never see it; the caption says what the bodies are: members, `support` (the rule book's
role of a group's members).
"""

from __future__ import annotations

import re
from functools import cache

from policykg.ingest.bodies import find_bodies
from policykg.ingest.draft import DraftMeasure
from policykg.ingest.patterns import structure_patterns
from policykg.ingest.responsibility import Mention
from policykg.ingest.structure import Block

# the share of a list line that its bodies, separators and bracketed aliases must cover
# (a line cut by the page may end inside a name: the rest is that name's head)
_COVERED = 0.8
_SEPARATORS = re.compile(r"[、，,；;。\s]+|[（(][^（）()]{0,12}[）)]")


@cache
def _caption() -> re.Pattern[str]:
    return re.compile(structure_patterns()["member_list_caption"])


def _is_caption(block: Block) -> bool:
    text = re.sub(r"\s", "", block.text)
    return block.kind != "row" and len(text) <= 60 and bool(_caption().search(text))


def _list_bodies(block: Block, least: int = 2) -> list[Mention] | None:
    """The bodies of a line that is only a list of bodies (A、B(C)、D), else None; a line
    going on with a list may hold one."""
    if block.kind != "paragraph":
        return None
    bodies = [b for b in find_bodies(block.text) if not b.generic]
    if len(bodies) < least:
        return None
    text = block.text
    cut = text.rfind("、")
    if cut > bodies[-1].start:  # a line cut inside its last name (市食品药品监): the rest
        text = text[:cut]
    rest = list(text)
    for b in bodies:
        rest[b.start : b.end] = [""] * (b.end - b.start)
    left = _SEPARATORS.sub("", "".join(rest))
    if len(left) > (1 - _COVERED) * len(re.sub(r"\s", "", text)):
        return None
    # a bracketed name right after a body is its second name (市市场监管局（市知识产权局）)
    named = [
        b for k, b in enumerate(bodies)
        if not (k and b.start == bodies[k - 1].end + 1 and text[b.start - 1] in "（(")
    ]  # fmt: skip
    return [Mention(b.text, "support", block.start + b.start, block.start + b.end) for b in named]


def _joined(lines: list[Block]) -> str:
    """The lines' text with each gap between them kept as line breaks (offsets stay true)."""
    text = lines[0].text
    for before, after in zip(lines, lines[1:], strict=False):
        text += "\n" * (after.start - before.end) + after.text
    return text


def member_lists(blocks: list[Block]) -> dict[int, tuple[DraftMeasure, set[int]]]:
    """The member lists of `blocks`: by the index of the list's first line, the measure it
    makes and the indices of all its lines (a list wrapped over lines is one measure)."""
    out: dict[int, tuple[DraftMeasure, set[int]]] = {}
    for i, caption in enumerate(blocks):
        if not _is_caption(caption):
            continue
        lines: list[tuple[int, list[Mention]]] = []
        j = i + 1
        while j < len(blocks) and (mentions := _list_bodies(blocks[j], 1 if lines else 2)):
            lines.append((j, mentions))
            j += 1
        if not lines:
            continue
        first, last = blocks[lines[0][0]], blocks[lines[-1][0]]
        measure = DraftMeasure(
            ordinal=f"members{len(out) + 1}",
            section=first.section,
            title=re.sub(r"\s", "", caption.text).rstrip("：:") or None,
            text=_joined([blocks[k] for k, _ in lines]),
            statement="commitment",  # the group is being set up: its members serve in it
            start=first.start,
            end=last.end,
            mentions=[m for _, ms in lines for m in ms],
        )
        out[lines[0][0]] = (measure, {k for k, _ in lines})
    return out
