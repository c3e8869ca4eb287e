"""Structure: normalized text → blocks (headings, paragraphs, table rows) with spans.

Chinese policy documents number their outline with several marker styles
(一、 / （一） / 1． / （1） / ① / 专栏N / 附件N), and real files mix them up
(（1） next to （二）, 4、 next to 三、). Levels are therefore inferred, not fixed:
a heading is a sibling of the open heading of the same style whose number it
continues, otherwise it opens a child level. Tables arrive flattened, one cell per
line with a leading tab (see ingest/normalize.py); they are regrouped into rows
using the header width. A scraped page may hold a whole indicator table in one line of
text, its separators lost ("…主要指标表三、主要任务类型序号指标名称单位2020年…"): such a
line is cut into the text before the table, the table's rows (ingest/runon_table.py,
each row a Block with `warnings` where its reading was ambiguous), a heading glued
between the table's caption and its header (emitted after the table, where it belongs),
and the text after the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from policykg.ingest.cn_numerals import cn2an_value
from policykg.ingest.patterns import structure_patterns
from policykg.ingest.runon_table import find_runon_table

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 12 → 12, ③ → 3 (cn2an reads the Chinese numerals)."""
    if len(text) == 1 and text in CIRCLED:
        return CIRCLED.index(text) + 1
    if text.isdecimal():  # (not isdigit: ① and ² are digits int() cannot read)
        return int(text)
    if not text or any(c not in CN_DIGITS and c != "十" for c in text):
        return None
    try:
        return int(cn2an_value(text, "normal"))
    except (ValueError, KeyError):
        return None


@dataclass(frozen=True)
class Marker:
    style: str  # heading style class, e.g. "dun" (X、), "paren" (（X）), "dot" (X．)
    number: int
    text: str  # the marker as written, e.g. "（三）"


@dataclass
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Block:
    kind: str  # "heading" | "paragraph" | "row"
    text: str
    start: int
    end: int
    marker: Marker | None = None
    title: str | None = None  # heading title (before the first full stop)
    level: int = 0
    ordinal: str = ""  # dotted path of heading numbers, e.g. "3.2"
    path: list[str] = field(default_factory=list)  # titles of enclosing headings
    cells: list[Cell] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    table: int | None = None  # index of the table a row belongs to
    caption: str | None = None  # the line that introduces the table
    warnings: list[str] = field(default_factory=list)  # doubts about a row's reading

    @property
    def section(self) -> str | None:
        return " / ".join(self.path) if self.path else None


@cache
def _marker_regexes() -> list[tuple[str, re.Pattern[str]]]:
    return [(m["style"], re.compile(m["regex"])) for m in structure_patterns()["heading_markers"]]


def parse_marker(line: str) -> tuple[Marker, str] | None:
    """The heading marker at the start of a line, and the rest of the line."""
    for style, regex in _marker_regexes():
        m = regex.match(line)
        if not m:
            continue
        number = cn_number(m.group("num")) if m.group("num") else 1
        if number is None:
            continue
        return Marker(style, number, m.group(0).strip()), line[m.end() :].strip()
    return None


def split_title(rest: str, max_len: int = 40) -> tuple[str, str]:
    """A numbered item's title is its first sentence when short: '打造协同创新生态。深化…'."""
    m = re.search(r"[。：:]", rest)
    if m and m.start() <= max_len:
        return rest[: m.start()].strip(), rest[m.end() :].strip()
    if len(rest) <= max_len and not re.search(r"[；;]", rest):
        return rest.strip("。 "), ""  # a short line without a full stop names a section
    return "", rest


@dataclass
class _Open:
    marker: Marker
    title: str
    ordinal: str


class _Outline:
    """The stack of open headings; decides each new heading's level."""

    def __init__(self) -> None:
        self.stack: list[_Open] = []

    def push(self, marker: Marker, title: str) -> tuple[int, str]:
        depth = self._sibling_depth(marker)
        if depth is not None:
            del self.stack[depth:]
        elif marker.style in structure_patterns()["top_level_styles"]:
            self.stack.clear()
        parent = self.stack[-1].ordinal + "." if self.stack else ""
        ordinal = (
            f"{parent}{marker.number}" if marker.style != "box" else f"{parent}box{marker.number}"
        )
        self.stack.append(_Open(marker, title, ordinal))
        return len(self.stack), ordinal

    def _sibling_depth(self, marker: Marker) -> int | None:
        same = [i for i, o in enumerate(self.stack) if o.marker.style == marker.style]
        if not same:
            return None
        for i in reversed(same):
            if self.stack[i].marker.number + 1 == marker.number:
                return i
        if marker.number == 1:
            return None  # numbering restarts: a child level (items inside a 专栏 box)
        return same[-1]  # numbering gap (a lost paragraph): still the same level

    def path(self) -> list[str]:
        return [o.title or o.marker.text for o in self.stack]


def _lines(text: str) -> list[tuple[str, int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((line, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_cell(line: str) -> bool:
    return line.startswith("\t")


@dataclass
class _State:
    table_no: int = -1
    caption: str | None = None  # the last short line: it introduces the next table
    last_header: list[str] = field(default_factory=list)


def parse_blocks(text: str) -> list[Block]:
    """Split normalized text into headings, paragraphs and table rows."""
    lines = _lines(text)
    blocks: list[Block] = []
    outline = _Outline()
    state = _State()
    i = 0
    while i < len(lines):
        line, start, end = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if _is_cell(line):
            box = parse_marker(stripped)
            if box and box[0].style == "box" and _single_cell(lines, i):
                blocks.append(_heading(outline, box, stripped, start + 1, end))
                i += 1
                continue
            state.table_no += 1
            rows, i = _read_table(lines, i)
            header = [c.text for c in rows[0]] if rows and _looks_like_header(rows[0]) else []
            body = rows[1:] if header else rows
            if header:
                state.last_header = header
            elif rows and len(rows[0]) == len(state.last_header):
                # a table interrupted by a sub-heading row （一）… goes on under its header
                header = state.last_header
            for cells in body:
                if not any(c.text for c in cells):
                    continue
                blocks.append(
                    Block(
                        kind="row",
                        text=" | ".join(c.text for c in cells),
                        start=cells[0].start,
                        end=cells[-1].end,
                        cells=cells,
                        header=header,
                        table=state.table_no,
                        caption=state.caption,
                        path=outline.path(),
                    )
                )
            continue
        offset = start + (len(line) - len(line.lstrip()))
        blocks += _text_blocks(outline, state, stripped, offset)
        i += 1
    return blocks


def _text_blocks(outline: _Outline, state: _State, text: str, offset: int) -> list[Block]:
    """One line of text: a heading or a paragraph — or, in a scraped page, a line that
    holds a whole indicator table whose separators were lost (ingest/runon_table.py)."""
    table = find_runon_table(text, offset) if _may_hold_table(text) else None
    if table is None:
        return [_text_block(outline, state, text, offset)]
    blocks: list[Block] = []
    pre_end = (table.heading.start if table.heading else table.start) - offset
    pre = text[:pre_end]
    if pre.strip():
        blocks += _text_blocks(outline, state, pre.rstrip(), offset)
    state.table_no += 1
    caption = pre.strip() or state.caption
    for row in table.rows:
        cells = [Cell(c.text, c.start, c.end) for c in row.cells]
        filled = [c for c in cells if c.text]
        blocks.append(Block(kind="row", text=" | ".join(c.text for c in cells),
                            start=filled[0].start, end=filled[-1].end, cells=cells,
                            header=list(table.header), table=state.table_no, caption=caption,
                            path=outline.path(), warnings=list(row.warnings)))  # fmt: skip
    # a heading glued between the caption and the header belongs after the table
    if table.heading:
        blocks += _text_blocks(outline, state, table.heading.text, table.heading.start)
    post = text[table.end - offset :]
    if post.strip():
        lead = len(post) - len(post.lstrip())
        blocks += _text_blocks(outline, state, post.strip(), table.end + lead)
    return blocks


def _may_hold_table(text: str) -> bool:
    return "指标" in text and re.search(r"(?:19|20)\d{2}年", text) is not None


def _text_block(outline: _Outline, state: _State, text: str, offset: int) -> Block:
    parsed = parse_marker(text)
    if parsed:
        return _heading(outline, parsed, text, offset, offset + len(text))
    state.caption = text if len(text) <= 60 else state.caption
    return Block(kind="paragraph", text=text, start=offset, end=offset + len(text),
                 path=outline.path(), level=len(outline.stack))  # fmt: skip


def _heading(
    outline: _Outline, parsed: tuple[Marker, str], line: str, start: int, end: int
) -> Block:
    marker, rest = parsed
    title, _body = split_title(rest)
    level, ordinal = outline.push(marker, title or rest[:30])
    return Block(kind="heading", text=line, start=start, end=start + len(line), marker=marker,
                 title=title or None, level=level, ordinal=ordinal, path=outline.path())  # fmt: skip


def _single_cell(lines: list[tuple[str, int, int]], i: int) -> bool:
    nxt = lines[i + 1][0] if i + 1 < len(lines) else ""
    return not _is_cell(nxt)


def _looks_like_header(cells: list[Cell]) -> bool:
    words = structure_patterns()["table_header_words"]
    if cells and re.fullmatch(r"\d{1,3}", cells[0].text or ""):
        return False  # a numbered row is a task (14 | 建设…队伍 | … | 2025年底前), not a header
    return sum(any(w in c.text for w in words) for c in cells) >= max(2, len(cells) // 2)


def _read_table(lines: list[tuple[str, int, int]], i: int) -> tuple[list[list[Cell]], int]:
    """Cells until the table ends; rows split on blank lines, else by header width."""
    groups: list[list[Cell]] = [[]]
    while i < len(lines):
        line, start, end = lines[i]
        if _is_cell(line):
            groups[-1].append(Cell(line[1:].strip(), start + 1, end))
        elif not line.strip():
            nxt = lines[i + 1][0] if i + 1 < len(lines) else ""
            if not _is_cell(nxt):
                break
            groups.append([])
        elif groups[-1] and groups[-1][-1].text is not None and not parse_marker(line.strip()):
            cell = groups[-1][-1]  # continuation line of a multi-line cell
            cell.text = (cell.text + "\n" + line.strip()).strip()
            cell.end = end
        else:
            break
        i += 1
    groups = [g for g in groups if g]
    if len(groups) == 1 and groups[0]:
        groups = _split_by_width(groups[0])
    return groups, i


def _split_by_width(cells: list[Cell]) -> list[list[Cell]]:
    """One run of cells without row breaks: the header row fixes the width."""
    words = structure_patterns()["table_header_words"]
    width = 0
    for c in cells:
        if width and not any(w in c.text for w in words):
            break
        width += 1
    if width < 2:
        return [cells]
    return [cells[k : k + width] for k in range(0, len(cells), width)]
