"""Hard line breaks of fixed-width text, joined back into paragraphs.

Text exported from a word processor or a PDF, or pasted from a fixed-width page, breaks
every line at the same width, inside sentences and inside names (县食品药品监督管理局 split
over two lines). Read line by line, each piece is a paragraph of its own: a sentence that
gives a body its role loses the body or the role. A run of lines of one width is such a
text: a line of that width whose text goes on (no full stop, no colon) is joined with the
next line, unless the next opens a numbered item (一、 （二） 3．) or is blank. The offset
map is kept: the joined line's offsets are its pieces' offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Protocol

from policykg.ingest.cndate import parse_date

# The shortest wrapped width worth reading as one (in display columns: a hanzi is two, a
# digit one — fixed-width text wraps by columns), how many lines must share it, and by how
# many columns a wrapped line may fall short (a hanzi that did not fit).
MIN_WIDTH = 40
MIN_RUN = 4
SLACK = 2
# A paragraph's first line is indented (two hanzi, GB/T 9704 首行缩进) and so shorter.
INDENT = 4
_ITEM = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|"
    r"第[一二三四五六七八九十百]+[章节条])"
)
_ENDS = ("。", "！", "？", "：", ":", "!", "?", "；")
# Lines that stand alone whatever their width: a date (成文日期, read by ingest/cndate.py) and
# an attachment note's lines (附件：1.X / 2.Y, 附件下载：X / Y — titles often of one width).
_ATTACHMENT_NOTE = re.compile(r"\s*附\s*件")


class _LineLike(Protocol):
    text: str
    offs: list[int]
    kind: str


# Display columns without a lookup per character where the width is known: ASCII is never
# wide (W or F) and every CJK Unified Ideograph (U+4E00–U+9FFF) is (Unicode 15, Python 3.12);
# the other characters (full-width punctuation, …) are looked up as before.
_ASCII = re.compile(r"[\x00-\x7f]+")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _cols(text: str) -> int:
    text = text.rstrip()
    rest = _ASCII.sub("", text)
    other = _HAN.sub("", rest)
    wide = len(rest) - len(other) + sum(unicodedata.east_asian_width(c) in "WF" for c in other)
    return len(text) + wide


def wrap_width[L: _LineLike](lines: list[L]) -> int | None:
    """The width a text's lines were broken at, if they were: the commonest length of its
    long text lines, shared (±SLACK) by at least MIN_RUN lines and by a third of them."""
    long = [n for x in lines if x.kind == "text" and (n := _cols(x.text)) >= MIN_WIDTH]
    if not long:
        return None
    width, _ = Counter(long).most_common(1)[0]
    near = sum(1 for n in long if abs(n - width) <= SLACK)
    return width if near >= MIN_RUN and near * 3 >= len(long) else None


def rewrap[L: _LineLike](lines: list[L], join: Callable[[L, L], L]) -> list[L]:
    """Join each wrapped line of a fixed-width text with the line that continues it
    (`join(line, next)`: the two as one line, offsets kept)."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[L] = []
    last = ""  # the last source line of out[-1]: its width says whether the text goes on
    first = True  # out[-1] is one source line: a paragraph's first, maybe indented
    note = False  # in an attachment note: its titles are lines of their own
    for line in lines:
        note = bool(_ATTACHMENT_NOTE.match(line.text)) or (
            note and bool(line.text.strip()) and not line.text.rstrip().endswith(_ENDS)
        )
        prev = out[-1] if out else None
        short = width - _cols(last)
        if (
            prev is not None
            and prev.kind == "text"
            and line.kind == "text"
            and line.text.strip()
            and -SLACK <= short <= SLACK + (INDENT if first else 0)
            and not last.rstrip().endswith(_ENDS)
            and not _ITEM.match(line.text)
            and parse_date(line.text) is None
            and not note
        ):
            out[-1] = join(prev, line)
            first = False
        else:
            out.append(line)
            first = True
        last = line.text
    return out


def join_broken_sentences[L: _LineLike](lines: list[L], join: Callable[[L, L], L]) -> list[L]:
    """Join a line that breaks inside a sentence (a forum or reprint copy: "…副组长，B部长某、C
    所 / 所长某为副组长，…") with the line that goes on with it: the line is long, already
    holds a comma of its sentence and ends without a full stop; the next line is text (no
    numbered item), whose sentence goes on to a comma or a full stop."""
    return _join_where(lines, join, _broken_sentence)


def join_open_titles[L: _LineLike](lines: list[L], join: Callable[[L, L], L]) -> list[L]:
    """Join a line that breaks inside a cited title (实施《药品经营 / 质量管理规范》达到…)
    with the line that closes it: a 《》 title never spans two paragraphs, whatever the
    width of the lines."""
    return _join_where(lines, join, lambda prev, nxt: _open_title(prev) and "》" in nxt[:40])


def join_open_brackets[L: _LineLike](lines: list[L], join: Callable[[L, L], L]) -> list[L]:
    """Join a line that breaks inside a bracket it opened after its text (…管理。（责任单位：市市场
    监督管 / 理局、市卫生健康委）) with the line that closes it: a trailing bracket of bodies
    or a note never spans two paragraphs."""
    return _join_where(lines, join, lambda prev, nxt: _open_bracket(prev) and _closes(nxt))


def _open_bracket(text: str) -> bool:
    """The text ends inside a round bracket it opened after some text of its own."""
    at = max(text.rfind("（"), text.rfind("("))
    return at > 0 and not re.search(r"[）)]", text[at:]) and len(text) - at <= 60


def _closes(text: str) -> bool:
    """The line closes a bracket before opening one, within its first 40 characters."""
    m = re.search(r"[（(）)]", text[:40])
    return m is not None and m.group() in "）)"


def _broken_sentence(prev: str, nxt: str) -> bool:
    return (
        len(prev.strip()) >= 20
        and re.search(r"[，,]", prev) is not None
        and re.search(r"[\u4e00-\u9fff]$", prev.rstrip()) is not None
        and re.match(r"\s*[\u4e00-\u9fff][^\n]{0,40}?[，,。；]", nxt) is not None
    )


def _join_where[L: _LineLike](
    lines: list[L], join: Callable[[L, L], L], goes_on: Callable[[str, str], bool]
) -> list[L]:
    """Each text line joined with the next text line (not a numbered item) where
    `goes_on(line, next)` says the next one continues it."""
    out: list[L] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "text"
            and line.kind == "text"
            and not _ITEM.match(line.text)
            and goes_on(prev.text, line.text)
        ):
            out[-1] = join(prev, line)
        else:
            out.append(line)
    return out


def _open_title(text: str) -> bool:
    """The text ends inside a 《 it opened (no 》 after its last 《)."""
    at = text.rfind("《")
    return at >= 0 and "》" not in text[at:] and len(text) - at <= 40
