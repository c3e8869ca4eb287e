"""An outline's numbered item or paragraph → a draft measure, and the tests of what is one.

Reads one block at a time (a heading's text after its marker, a paragraph under its
section path) with the block after it where that decides (an item's 牵头单位：line, a
notice's signature), and gives the measure its section, title, statement and the mentions
its responsibility statements or roster name (`mentions_in`). The size and shape tests
(`substantial`, `statement_only`, `introduces_list`) are here because ingest/measures.py,
ingest/row_measures.py and ingest/preamble_measures.py ask them too; the loop that decides
which builder a block goes to stays in ingest/measures.py.
"""

from __future__ import annotations

import re

from policykg.ingest.assignments import find_assignments
from policykg.ingest.bodies import body_at
from policykg.ingest.cndate import parse_date
from policykg.ingest.draft import DraftMeasure
from policykg.ingest.duties import opens_with_duty
from policykg.ingest.group_posts import roster_mentions
from policykg.ingest.preamble import prescribes
from policykg.ingest.responsibility import Mention, find_statements
from policykg.ingest.signature import split_issuers
from policykg.ingest.statements import statement_of
from policykg.ingest.structure import Block, split_title

MIN_MEASURE_CHARS = 12


def from_heading(block: Block) -> DraftMeasure | None:
    assert block.marker is not None
    rest = block.text[len(block.marker.text) :].lstrip()
    title, body = split_title(rest)
    if not body and len(rest) >= MIN_MEASURE_CHARS and _duty_intro(rest):
        return _heading_measure(block, rest, None)  # （二）A应当…，并按以下规定报告：
    if not body:
        return None  # a heading that only names a section
    return _heading_measure(block, rest, title or None)


def _heading_measure(block: Block, rest: str, title: str | None) -> DraftMeasure:
    """A numbered line's measure: its text after the marker, under its enclosing headings."""
    assert block.marker is not None
    offset = block.start + block.text.index(rest, len(block.marker.text))
    return DraftMeasure(
        ordinal=block.ordinal,
        section=" / ".join(block.path[:-1]) or None,
        title=title,
        text=rest,
        statement=statement_of(block.path),
        start=offset,
        end=offset + len(rest),
        mentions=mentions_in(rest, offset),
    )


def leaf_item(block: Block, following: list[Block]) -> DraftMeasure | None:
    """A numbered line that is one whole sentence and heads nothing (the next block is a
    sibling or a higher heading, or none): an item of a short notice (一、请各市局于…前报送…。),
    not the name of a section (a section's name has no full stop or holds what follows)."""
    assert block.marker is not None
    rest = block.text[len(block.marker.text) :].strip()
    if not re.search(r"[。；;]$", rest):
        return None
    if following and statement_only(following[0]):
        return _heading_measure(block, rest, None)  # its 牵头单位：/责任单位：line follows
    if not substantial(rest):
        return None
    nxt = following[0] if following else None
    closes = nxt is not None and nxt.kind == "paragraph" and _signature_line(nxt.text)
    if (
        nxt is not None
        and not closes
        and not (nxt.kind == "heading" and len(nxt.path) <= len(block.path))
    ):
        return None
    return _heading_measure(block, rest, None)


def substantial(text: str) -> bool:
    """Enough for a measure: a sentence of substance, or a duty however short (1.负责药品抽检。),
    also with its body before it (卫生部门负责…, where a page's excerpt ends after the role
    word: the duty is stated, its object lost)."""
    if len(text) >= MIN_MEASURE_CHARS or opens_with_duty(text):
        return True
    body = body_at(text, 0)
    return body is not None and opens_with_duty(text[body.end :])


def _signature_line(text: str) -> bool:
    """The notice's signature after its last item (国家药监局综合司 / 2021年3月5日): the item
    heads nothing."""
    return bool(split_issuers(text.strip()) or parse_date(text.strip()))


def statement_only_at(blocks: list[Block], i: int) -> bool:
    return i < len(blocks) and statement_only(blocks[i])


def statement_only(block: Block) -> bool:
    """A paragraph that is only a responsibility statement (牵头单位：A / 参加单位：B、C), or
    a short line assigning the item above it by naming it back (此项工作由A负责，B协办)."""
    if block.kind != "paragraph":
        return False
    if assigns_back(block.text):
        return True
    statements = find_statements(block.text, block.start)
    covered = sum(s.end - s.start for s in statements)
    return bool(statements) and covered >= len(block.text.rstrip("。；; "))


# The item above named back as the work assigned (此项工作由A负责，B协办; 该项任务由A牵头，B配合):
# a work plan's line closing each item, its bodies the item's. (以上工作由A牵头… names the
# work of several items above: a measure of its own, as the held-out rule book reads it.)
_BACK_REFERENCE = re.compile(
    r"^(?:此项|该项|本项|这项)(?:工作|任务|措施|行动)(?:[，,])?(?:均|统一|具体)?由"
)


def assigns_back(text: str) -> bool:
    """A line of at most two sentences naming the item above back and assigning it."""
    return (
        bool(_BACK_REFERENCE.match(text))
        and len(re.findall(r"[。；;]", text.rstrip("。；; "))) <= 1
        and bool(find_assignments(text))
    )


def statement_mentions(block: Block) -> list[Mention]:
    """The mentions of a statement-only paragraph (its labels, or its assigning sentence)."""
    if assigns_back(block.text):
        return find_assignments(block.text, block.start)
    return [m for s in find_statements(block.text, block.start) for m in s.mentions]


def introduces_list(text: str) -> bool:
    """A line ending in a colon introduces a list or a table (主要任务如下：) and is no
    measure — unless it gives work itself: a duty its list spells out (_duty_intro), or
    sentences assigning work before its closing 主要措施： (由A承办，B协办。…主要措施：)."""
    if not text.endswith(("：", ":")) or _duty_intro(text):
        return False
    return not ("。" in text and find_assignments(text))


_DUTY_INTRO = re.compile(r"(?:应当|必须|须|要)[^：:。]*(?:以下|如下)[^：:。]{0,12}[：:]$")


def _duty_intro(text: str) -> bool:
    """A line giving a body a duty that the list below spells out (第二十条 A应当对…调查、核实，
    并按照以下规定报告：): a statement of its own, not a bare introduction."""
    return bool(_DUTY_INTRO.search(text)) and bool(find_assignments(text))


def from_paragraph(block: Block, counter: dict[str, int]) -> DraftMeasure | None:
    if block.text.startswith("注") or (introduces_list(block.text)):
        return None
    if _headline_like(block.text):
        return None  # a page's list of other stories (…医院首次参编…著作): no task
    key = "/".join(block.path)
    counter[key] = counter.get(key, 0) + 1
    title = block.title or split_title(block.text, max_len=20)[0]
    return DraftMeasure(
        ordinal=f"{_ordinal_of(block)}p{counter[key]}",
        section=block.section,
        title=title or None,
        text=block.text,
        statement=statement_of(block.path),
        start=block.start,
        end=block.end,
        mentions=mentions_in(block.text, block.start),
    )


SENTENCE_MARKS = re.compile(r"[，,。；;：:！!？?、]")


def _headline_like(text: str) -> bool:
    """A short line without a single punctuation mark that neither prescribes nor assigns:
    the headline of another story that a news page lists after the article."""
    text = text.strip()
    return len(text) <= 45 and not SENTENCE_MARKS.search(text) and not prescribes(text)


def _ordinal_of(block: Block) -> str:
    return f"{block.ordinal}." if block.ordinal else ""


def mentions_in(text: str, offset: int) -> list[Mention]:
    stated = [m for s in find_statements(text, offset) for m in s.mentions]
    return stated or roster_mentions(text, offset)
