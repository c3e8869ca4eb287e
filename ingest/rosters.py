"""Rosters of a leading group, committee or joint meeting as blocks: short lines under post
labels (组  长：… / 副组长：… / 成  员：…) or a table with a post cell on each row (职务 | 姓名 |
单位及职务) become one paragraph block, so that the roster is one measure whose bodies take
their posts' roles (ingest/group_posts.py `roster_mentions` reads them).
"""

from __future__ import annotations

from dataclasses import replace

from policykg.ingest.group_posts import bare_post, roster_post
from policykg.ingest.structure import Block, parse_marker


def merge_rosters(blocks: list[Block]) -> list[Block]:
    """A roster on short lines (组  长：… / 副组长：… / lines going on with the post above /
    成  员：…) becomes one paragraph block, so that its bodies are read together. A post's
    line may be a sentence of its own (组长：市政府分管副市长。); a line going on is short. The
    heading that introduces it (…领导小组由以下成员组成：) names the block."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "row" and b.cells and bare_post(b.cells[0].text):
            j = i + 1  # a roster table: 职务 | 姓名 | 单位及职务, one row per person
            while j < len(blocks) and blocks[j].kind == "row" and blocks[j].table == b.table:
                j += 1
            rows = blocks[i:j]
            cells = [c for r in rows for c in r.cells]
            text = cells[0].text
            for cell, after in zip(cells, cells[1:], strict=False):
                text += "\n" * (after.start - cell.start - len(cell.text)) + after.text
            intro = out[-1] if out and out[-1].kind == "row" and out[-1].table == b.table else None
            if intro is not None:
                out.pop()  # the table's header row (职务 | 姓名 | …) goes with it
            start = cells[0].start
            out.append(replace(b, kind="paragraph", text=text, start=start, end=rows[-1].end,
                               cells=[], header=[], table=None))  # fmt: skip
            i = j
            continue
        if b.kind == "paragraph" and roster_post(b.text):
            j = i + 1
            while (
                j < len(blocks)
                and blocks[j].kind == "paragraph"
                and (
                    roster_post(blocks[j].text)
                    or (len(blocks[j].text) <= 30 and "。" not in blocks[j].text)
                )
            ):
                j += 1
            if j > i + 1:
                parts = blocks[i:j]
                text = parts[0].text
                for prev, nxt in zip(parts, parts[1:], strict=False):
                    text += "\n" * (nxt.start - prev.end) + nxt.text
                intro = out[-1] if out and _introduces(out[-1], b) else None
                title = _roster_name(intro) if intro else None
                out.append(replace(b, text=text, end=parts[-1].end, title=title))
                i = j
                continue
        out.append(b)
        i += 1
    return out


def _introduces(heading: Block, roster: Block) -> bool:
    """A heading right above a roster that ends in a colon (…由以下成员组成： / 组成人员如下：)."""
    return (
        heading.kind == "heading"
        and heading.text.rstrip().endswith(("：", ":"))
        and (heading.title is not None or len(heading.text) <= 40)
    )


def _roster_name(heading: Block) -> str:
    _, rest = parse_marker(heading.text) or (None, heading.text)
    return rest.rstrip("：: ")
