"""Stage 2 of ingest: turn a decoded `SourceText` into the normalized text every later
offset points into, keeping an exact map back to the source characters.

Steps, in order: YAML front matter → markup (HTML tags / Markdown syntax, see
ingest.markup; docx-export artefacts such as ``[bookmark: _Toc73266729]``) →
Traditional→Simplified (OpenCC t2s) → character folding (table below) → the line
contract → diagram debris → run-on scraped lines split at inline headings → sentences
duplicated by a scraper. Each step carries the per-character source index along, so
`NormalizedText.offsets` is exact rather than reconstructed afterwards.

Character folding (applied everywhere; table cells included):

=================================================  ======================================
source                                             normalized
=================================================  ======================================
full-width digits/letters ０-９ Ａ-Ｚ ａ-ｚ           0-9 A-Z a-z
full-width ％ ＋ － ＝ ＜ ＞ ／ ＆ ＃ ＠ ＊ ＿ ＼ ｜ ＄   % + - = < > / & # @ * _ \\ | $
full-width ． between two digits                   .   (other ． stays: "1．" is a heading)
U+3000, NBSP, U+2000-200A, U+202F, U+205F, TAB     space (a TAB that starts a line is kept)
  inside a line
U+200B-200D, U+2060, U+FEFF, soft hyphen           removed
Latin Extended / IPA letters touching a hanzi,     removed (debris of broken fonts, e.g.
  private-use characters                             "Ȑ数字药监ȑ"), counted in a warning
ASCII ( ) next to / around Chinese text            （ ）
ASCII , : ; ! ? next to Chinese text               ， ： ； ！ ？  except between digits
                                                     ("1,000", "09:56") and in "://"
ASCII . after a Chinese letter, before another      。 (a full stop typed half-width)
  or before a bracket
spaces between Chinese letters inside （…）          removed (a PDF's line breaks)
runs of spaces                                     one space; none next to Chinese
                                                     punctuation; none in letter-spaced
                                                     words ("名  词  解  释" → 名词解释)
=================================================  ======================================

Line contract (what ingest.structure parses): one paragraph per line, stripped; a source
line starting with TAB is a table cell and stays "\\t" + text ("\\t" alone = empty cell);
non-blank lines right after a cell are continuation lines of that cell; runs of blank
lines become one empty line (they separate table rows); no trailing spaces. HTML <td>/<th>
become cell lines and </tr> a blank line, so HTML tables obey the same contract.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import opencc
from policykg.ingest import scrape
from policykg.ingest.line_cells import cell_line_tables
from policykg.ingest.markup import Mapped, html_to_lines, markdown_to_lines, split_front_matter
from policykg.ingest.prefilter import guarded
from policykg.ingest.read import SourceText
from policykg.ingest.responsibility import column_kind
from policykg.ingest.rewrap import (
    join_broken_sentences,
    join_open_brackets,
    join_open_titles,
    rewrap,
)

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CH = re.compile(f"[{CJK}]")
# Characters that make ASCII punctuation "Chinese context": hanzi, CJK punctuation, full-width forms.
_ZH_CONTEXT = re.compile(f"[{CJK}\u3000-\u303f\uff01-\uff5e“”‘’—…《》〔〕【】]")
_SENT_END = "。；！？"
_CLOSERS = "）〕】」』"
_NUM = "一二三四五六七八九十百零〇"
# A heading/list marker at the start of a piece of text.
_MARKER = (
    rf"(?:[{_NUM}]+、(?![{_NUM}]+[、级])|（[{_NUM}]+）|（\d{{1,2}}）|\d{{1,2}}(?:[．.](?![\d．.])|、(?!\d))"
    rf"|专栏\s?\d{{1,2}}|附件\s?(?:\d{{1,2}}|[：:])|第[{_NUM}\d]+[章节条部])"
)
_HEADING_START = re.compile(rf"^(?:{_MARKER}|[①-⑳]|——|[-•·*]\s)")
# (also a title run into its first heading, the 文种 word then 一、: …工作方案一、总体要求…)
_INLINE_HEADING = re.compile(
    rf"(?<=[{_SENT_END}{_CLOSERS}])(?={_MARKER})"
    r"|(?<=方案|意见|通知|办法|规划|计划|细则|要点|规定)(?=一、)"
)
_HEADING_CHAIN = re.compile(
    rf"^{_MARKER}[^{_SENT_END}，,：:\s]{{1,30}}?(?=（[{_NUM}]+）|\d{{1,2}}[．.]|第[{_NUM}\d]+条)"
)
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
_SENTENCE = re.compile(rf"[^{_SENT_END}]+(?:[{_SENT_END}]+[”’」』）]*)?|[{_SENT_END}]+")

RUN_ON_MIN = 300  # a line this long holding several sentences is scraped run-on text
_WHITESPACE = re.compile(r"\s+")
_SENT_END_CH = re.compile(f"[{_SENT_END}]")
DUP_MIN_CJK = 20  # a sentence this long recurring in one document is a scrape duplicate
DEBRIS_MIN_FRAGMENTS = 6
TRADITIONAL_SHARE = 0.10  # share of hanzi that t2s changes in a predominantly Traditional text

_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B) if chr(c).isalnum()}
_FOLD.update({chr(c + 0xFEE0): chr(c) for c in map(ord, "%+-=<>/&#@*_\\|$")})
_SPACES = set(
    "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\f\v"
)
_INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_STRAY = re.compile(r"[\u0100-\u02af]+")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_ARTEFACTS = re.compile(r"\[bookmark:[^\]\n]*\]|\[\]\{#[^}\n]*\}|\{#_[A-Za-z]+\d+[^}\n]*\}")


@dataclass(frozen=True)
class NormalizedText:
    text: str
    source: SourceText
    offsets: tuple[int, ...]
    script: Literal["simplified", "traditional"]
    front_matter: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Span [start, end) of the normalized text -> span of `source.text`."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside normalized text of {len(self.text)}")
        if start == end:
            return self.offsets[start], self.offsets[start]
        last = self.offsets[end - 1]
        return self.offsets[start], last + _unit_len(self.source, last)


def _unit_len(src: SourceText, pos: int) -> int:
    """Source characters behind one normalized character (an HTML entity is several)."""
    if src.format == "html" and (m := _ENTITY.match(src.text, pos)):
        return len(m.group())
    return 1 if pos < len(src.text) else 0


@dataclass
class _Line:
    text: str
    offs: list[int]
    kind: str = "text"  # text | cell | cont | blank | spaced (a line of spaces only)


def _split_lines(buf: Mapped) -> list[_Line]:
    lines, start = [], 0
    for part in buf.text.split("\n"):  # (split in C: a loop over every character was slow)
        end = start + len(part)
        lines.append(_Line(part, buf.offs[start:end]))
        start = end + 1
    return lines


def normalize(src: SourceText) -> NormalizedText:
    warnings: list[str] = list(src.warnings)
    buf = Mapped(src.text, list(range(len(src.text))))
    buf = buf.sub(re.compile(r"\r\n?"), "\n")
    front_matter, buf = split_front_matter(buf, warnings)
    quotes: list[tuple[int, int]] = []
    if src.format == "html":
        buf, quotes = html_to_lines(buf)
    elif src.format == "markdown":
        buf = markdown_to_lines(buf)
    buf = buf.sub(_ARTEFACTS, "")

    stats = {"hanzi": 0, "changed": 0, "stray": 0}
    scraped: Counter[str] = Counter()
    lines = [
        _normalize_line(line, stats, scraped)
        for line in _tsv_rows_to_cells(_rejoin_broken_rows(_pipe_rows(_split_lines(buf))))
    ]
    lines = _drop_chrome(cell_line_tables(lines, _Line), scraped)
    if note := scrape.warning(scraped):
        warnings.append(note)
    script: Literal["simplified", "traditional"] = "simplified"
    if stats["hanzi"] and stats["changed"] / stats["hanzi"] >= TRADITIONAL_SHARE:
        script = "traditional"
        warnings.append(
            f"converted Traditional to Simplified Chinese ({stats['changed']} of "
            f"{stats['hanzi']} hanzi changed)"
        )
    if stats["stray"]:
        warnings.append(
            f"removed {stats['stray']} stray characters of unrelated scripts next to hanzi "
            "(broken font encoding, e.g. Ȑ ȑ)"
        )
    lines = _drop_debris(_classify(lines), warnings)
    lines = _classify(_split_run_on(lines))
    lines = _classify(_drop_duplicates(lines, quotes, warnings))
    lines = rewrap(lines, _joined)  # fixed-width text: a break inside a sentence is none
    lines = join_open_brackets(join_open_titles(lines, _joined), _joined)
    lines = join_broken_sentences(lines, _joined)
    text, offs = _join(lines)
    offs.append(offs[-1] + _unit_len(src, offs[-1]) if offs else 0)
    return NormalizedText(text, src, tuple(offs), script, front_matter, warnings)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _to_simplified(text: str, offs: list[int], stats: dict[str, int]) -> tuple[str, list[int]]:
    conv = _t2s().convert(text)
    if len(conv) == len(text):
        firsts = conv
    else:
        # A phrase rule changed the length: convert char by char so every output char
        # still maps to the source char it came from.
        pieces = [_t2s().convert(ch) for ch in text]
        firsts = "".join(p[:1] or " " for p in pieces)
        conv = "".join(pieces)
        offs = [o for p, o in zip(pieces, offs, strict=True) for _ in p]
    if firsts == text:  # nothing converted: count the hanzi without a loop in Python
        stats["hanzi"] += len(_CJK_CH.findall(text))
        return conv, offs
    for a, b in zip(text, firsts, strict=True):
        if _CJK_CH.match(a):
            stats["hanzi"] += 1
            stats["changed"] += a != b
    return conv, offs


# Characters _fold_chars drops or changes: a line with none of them (most lines) skips
# its character loop, which would copy it unchanged.
_FOLDED = re.compile(
    "[" + re.escape("".join(sorted({*_INVISIBLE, *_SPACES, *_FOLD, "．"}))) + "\ue000-\uf8ff]"
)


def _fold_chars(text: str, offs: list[int], stats: dict[str, int]) -> tuple[str, list[int]]:
    if not _FOLDED.search(text):
        out, out_offs = [text], list(offs)
    else:
        out, out_offs = _fold_loop(text, offs, stats)
    text = "".join(out)
    buf = Mapped(text, out_offs)

    def stray(m: re.Match[str]) -> str:
        s, e = m.span()
        if _CJK_CH.match(text[s - 1 : s] or " ") or _CJK_CH.match(text[e : e + 1] or " "):
            stats["stray"] += e - s
            return ""
        return m.group()

    if not _STRAY.search(text):
        return text, out_offs  # gate: no stray character (most lines), nothing to copy
    buf = buf.sub(_STRAY, stray)
    return buf.text, buf.offs


def _fold_loop(text: str, offs: list[int], stats: dict[str, int]) -> tuple[list[str], list[int]]:
    out, out_offs = [], []
    for i, ch in enumerate(text):
        if ch in _INVISIBLE or 0xE000 <= ord(ch) <= 0xF8FF:
            stats["stray"] += ch not in _INVISIBLE
            continue
        if ch == "．" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            ch = "."
        ch = " " if ch in _SPACES else _FOLD.get(ch, ch)
        out.append(ch)
        out_offs.append(offs[i])
    return out, out_offs


_ZH_PUNCT = "，。、；：！？（）《》“”‘’【】〔〕"


def _unspace(m: re.Match[str]) -> str:
    chars = m.group().split()
    return "".join(chars) if len(chars) >= 3 or "  " in m.group() else m.group()


def _sentence_after(ch: str) -> bool:
    """What may follow a full stop: a Chinese letter or a bracket (a list of bodies)."""
    return bool(ch) and (bool(_CJK_CH.match(ch)) or ch in "（(")


_SPACE_BETWEEN_LETTERS = re.compile(f"(?<=[{CJK}]) +(?=[{CJK}])")


def _unspace_bracket(m: re.Match[str]) -> str:
    """（市卫生计生委牵头，市农委配 合）: a PDF's line break inside a bracket of bodies left a
    space between two letters; a bracket holds no spaced words."""
    return _SPACE_BETWEEN_LETTERS.sub("", m.group())


# guarded: run on every line, each rule needs a space or a bracket that most lines lack
_SPACE_RULES = [
    # letter-spaced words: "名  词  解  释", "指  标"
    (guarded(f"(?<![{CJK}])[{CJK}](?: +[{CJK}])+(?![{CJK}])"), _unspace),
    (guarded(" {2,}"), " "),
    (guarded("（[^（）\n]{1,120}）"), _unspace_bracket),
    # no space between Chinese punctuation and Chinese text ("1. “四个最严”" keeps its space)
    (
        guarded(
            f"(?<=[{CJK}{_ZH_PUNCT}]) (?=[{_ZH_PUNCT}])|(?<=[{_ZH_PUNCT}]) (?=[{CJK}{_ZH_PUNCT}])"
        ),
        "",
    ),
]
_ASCII_TO_ZH = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_ZH_PUNCT_INPUT = frozenset([*_ASCII_TO_ZH, "."])  # the characters _zh_punct may change


def _zh_punct(text: str) -> str:
    """ASCII ( ) , : ; ! ? written inside Chinese text -> full-width, and a . after a Chinese
    letter before another or a bracket -> 。 (same length)."""
    if _ZH_PUNCT_INPUT.isdisjoint(text):
        return text  # gate: no character the loops below change (most lines), tested in C
    chars = list(text)

    def near(i: int, step: int) -> str:
        i += step
        while 0 <= i < len(chars) and chars[i] == " ":
            i += step
        return chars[i] if 0 <= i < len(chars) else ""

    def zh(ch: str) -> bool:
        return bool(ch) and bool(_ZH_CONTEXT.match(ch))

    stack: list[int] = []
    paired: set[int] = set()
    for i, ch in enumerate(chars):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            paired.update((i, j))
            if _CJK_CH.search(text, j, i) or zh(near(j, -1)) or zh(near(i, 1)):
                chars[j], chars[i] = "（", "）"
    for i, ch in enumerate(chars):
        if ch == "." and _CJK_CH.match(text[i - 1 : i]) and _sentence_after(near(i, 1)):
            chars[i] = "。"  # 管理工作.第五条, 实施条例. (市药监局负责): a half-width full stop
            continue
        if ch not in _ASCII_TO_ZH or i in paired:
            continue
        if ch in ",:" and text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit():
            continue  # 1,000 and 09:56
        if ch == ":" and text.startswith("//", i + 1):
            continue
        if zh(near(i, -1)) or zh(near(i, 1)):
            chars[i] = _ASCII_TO_ZH[ch]
    return "".join(chars)


# Documents repeat their lines (a plan's tasks restated in its division table, the formulas
# of notices), and a line's normalization depends on its text alone: the offsets it keeps are
# the line's own, picked by index (so the picks are found once, on the offsets 0…n-1), and
# the counts it makes are added to the document's. A line whose result maps a character
# past its end (an insertion at the end, offset computed, not picked) is never memoized.
_Picks = slice | tuple[int, ...]
_LINES: dict[str, tuple[str, _Picks, str, tuple[int, int, int], Counter[str]] | None] = {}
_STATS = ("hanzi", "changed", "stray")


def _normalize_line(line: _Line, stats: dict[str, int], scraped: Counter[str]) -> _Line:
    if len(line.offs) != len(line.text):
        return _normalized(line, stats, scraped)
    if line.text in _LINES:
        kept = _LINES[line.text]
    else:
        kept = _LINES[line.text] = _pick_line(line.text)
        if len(_LINES) > 1 << 15:  # bounded: a long ingest meets new lines
            _LINES.clear()
    if kept is None:
        return _normalized(line, stats, scraped)
    text, picks, kind, counts, found = kept
    for key, n in zip(_STATS, counts, strict=True):
        if n:
            stats[key] += n
    if found:
        scraped.update(found)
    offs = line.offs[picks] if isinstance(picks, slice) else [line.offs[i] for i in picks]
    return _Line(text, offs, kind)


def _pick_line(text: str) -> tuple[str, _Picks, str, tuple[int, int, int], Counter[str]] | None:
    stats = dict.fromkeys(_STATS, 0)
    found: Counter[str] = Counter()
    out = _normalized(_Line(text, list(range(len(text)))), stats, found)
    offs = out.offs
    if offs and max(offs) >= len(text):
        return None
    whole = not offs or offs == list(range(offs[0], offs[0] + len(offs)))
    picks = slice(offs[0], offs[0] + len(offs)) if offs and whole else tuple(offs)
    hanzi, changed, stray = (stats[k] for k in _STATS)
    return out.text, picks, out.kind, (hanzi, changed, stray), found


def _normalized(line: _Line, stats: dict[str, int], scraped: Counter[str]) -> _Line:
    cell = line.text.startswith("\t")
    head = 1 if cell else 0
    raw = scrape.clean_chars(Mapped(line.text[head:], line.offs[head:]), scraped)
    text, offs = _to_simplified(raw.text, raw.offs, stats)
    text, offs = _fold_chars(text, offs, stats)
    buf = Mapped(_zh_punct(text), offs)
    for pattern, repl in _SPACE_RULES:
        buf = buf.sub(pattern, repl)
    buf = scrape.cut_inline(buf, scraped)
    text = buf.text
    lead = len(text) - len(text.lstrip(" "))
    body, offs = text.strip(" "), buf.offs[lead : lead + len(text.strip(" "))]
    if cell:
        return _Line("\t" + body, line.offs[:1] + offs, "cell")
    return _Line(body, offs, "text" if body else "spaced" if line.text.strip("\t") else "blank")


def _drop_chrome(lines: list[_Line], scraped: Counter[str]) -> list[_Line]:
    """Page chrome, inserted commentary and a headline repeated on the next line."""
    out: list[_Line] = []
    previous: str | None = None
    for line in lines:
        if line.kind == "text":
            kind = scrape.chrome_kind(line.text)
            if kind is None and scrape.repeated_headline(line.text, previous):
                kind = "headline"
            if kind:
                scraped[kind] += 1
                continue
            previous = line.text
        elif line.kind == "cell":
            previous = None
        out.append(line)
    return out


# A table a scrape flattened with pipes and no rule line ("序号 | 工作任务 | 责任部门 |", then
# "1 |" / "task | bodies |" / "progress | ||"): its header names a column of a task table.
_PIPE = re.compile(r"[|｜]")
_PIPE_WITH_SPACES = re.compile(r"[ \u3000]*(?P<pipe>[|｜])[ \u3000]*")
_PIPE_ROW_START = re.compile(r"\s*\d{1,3}\s*[|｜]")
_OUTLINE_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节条])")


def _pipe_rows(lines: list[_Line]) -> list[_Line]:
    """Pipe-separated rows under a task table's header, each row's broken lines joined (a
    row opens with its number), become tab-separated rows: the table the tab rules read."""
    out: list[_Line] = []
    row: _Line | None = None  # the row being read, its lines joined as written
    in_table = False
    for line in lines:
        if row is None and not in_table and not _PIPE.search(line.text):
            out.append(line)  # most lines of most documents: no table, no pipe
            continue
        cells = [c.strip() for c in re.split(r"[|｜]", line.text)]
        header = len([c for c in cells if c]) >= 3 and any(
            column_kind(c) in ("lead", "responsible", "support") for c in cells
        )
        ends = header or _PIPE_ROW_START.match(line.text) or _OUTLINE_HEADING.match(line.text)
        if row is not None and (ends or not line.text.strip()):
            out.append(_tabbed(row))
            row = None
        if header:
            in_table = True
            out.append(_tabbed(line))
        elif in_table and _PIPE_ROW_START.match(line.text):
            row = line
        elif row is not None:
            row = _joined(row, line)  # the row goes on (a cell broken over lines)
        else:
            in_table = in_table and not _OUTLINE_HEADING.match(line.text)
            out.append(line)
    if row is not None:
        out.append(_tabbed(row))
    return out


def _tabbed(line: _Line) -> _Line:
    """`line` with each pipe a tab, the spaces around pipes and empty closing cells dropped."""
    text: list[str] = []
    offs: list[int] = []
    pos = 0
    for m in _PIPE_WITH_SPACES.finditer(line.text):
        text += line.text[pos : m.start()]
        offs += line.offs[pos : m.start()]
        text.append("\t")
        offs.append(line.offs[m.start("pipe")])
        pos = m.end()
    text += line.text[pos:]
    offs += line.offs[pos:]
    while text and text[-1] == "\t":
        text.pop(), offs.pop()
    return _Line("".join(text), offs, line.kind)


def _rejoin_broken_rows(lines: list[_Line]) -> list[_Line]:
    """A tab-separated row broken inside a cell ("10\t建立…机制；" / "共建…\t省药监局\t…"):
    the two lines are one row when their tabs add up to the table's (the commonest count of
    its rows), the first opening with the row's number. Else the second line would be a row
    of its own, one cell short, and every column after it would shift."""
    counts = Counter(n for x in lines if (n := x.text.count("\t")) >= 2)
    if not counts:
        return lines
    width = counts.most_common(1)[0][0]
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        tabs = line.text.count("\t")
        if (
            prev is not None
            and 0 < (before := prev.text.count("\t")) < width
            and before + tabs == width
            and re.match(r"\s*\d{1,3}\t", prev.text)
            and not re.match(r"\s*\d{1,3}\t", line.text)
        ):
            out[-1] = _joined(prev, line)
        else:
            out.append(line)
    return out


def _tsv_rows_to_cells(lines: list[_Line]) -> list[_Line]:
    """A row of tab-separated cells on one line ("1\t任务\t省药监局\t省司法厅") becomes
    the cell-per-line form, one "\t" line a cell and a blank line after the row, so
    both ways of flattening a table reach the structure stage alike."""
    out: list[_Line] = []
    for line in lines:
        inner = line.text[1:] if line.text.startswith("\t") else line.text
        if inner.count("\t") < 2 or not inner.strip():
            out.append(line)
            continue
        head = len(line.text) - len(inner)
        pos = head
        for cell in inner.split("\t"):
            end = pos + len(cell)
            marker = line.offs[pos - 1] if pos > 0 else (line.offs[pos] if cell else line.offs[0])
            out.append(_Line("\t" + cell, [marker, *line.offs[pos:end]]))
            pos = end + 1
        out.append(_Line("", []))
    return out


def _classify(lines: list[_Line]) -> list[_Line]:
    """Assign line kinds and collapse blank runs (blank lines separate table rows)."""
    out: list[_Line] = []
    for line in lines:
        if line.text.startswith("\t"):
            line.kind = "cell"
        elif not line.text:
            line.kind = "blank"
            if not out or out[-1].kind == "blank":
                continue
        else:
            line.kind = "cont" if out and out[-1].kind in ("cell", "cont") else "text"
        out.append(line)
    while out and out[-1].kind == "blank":
        out.pop()
    return out


def _debris_like(text: str) -> bool:
    return (
        len(text) <= 20
        and not re.search(rf"[{_SENT_END}：，,;:!?\d]", text)
        and not _HEADING_START.match(text)
        and not _DATE.search(text)
    )


def _drop_debris(lines: list[_Line], warnings: list[str]) -> list[_Line]:
    """Drop runs of word fragments left by diagrams exported as text ("非现", "场智", "控").

    A run is several consecutive short non-cell lines without sentence punctuation,
    digits, heading/list markers or dates, most of them 1-4 characters long. Isolated
    short lines (signatures, dates, headings) never form such a run.
    """
    drop: set[int] = set()
    region: list[int] = []
    for i, line in enumerate([*lines, _Line("。", [], "text")]):  # sentinel closes the last run
        if line.kind == "blank":
            continue
        if line.kind == "text" and _debris_like(line.text):
            region.append(i)
            continue
        frags = sum(1 for j in region if len(lines[j].text.replace(" ", "")) <= 4)
        if frags >= DEBRIS_MIN_FRAGMENTS and frags * 2 >= len(region):
            drop.update(region)
        region = []
    if drop:
        warnings.append(
            f"dropped {len(drop)} lines of diagram debris (runs of short word fragments)"
        )
    return [line for i, line in enumerate(lines) if i not in drop]


def _split_run_on(lines: list[_Line]) -> list[_Line]:
    """Put inline headings of scraped run-on lines on lines of their own."""
    out: list[_Line] = []
    for line in lines:
        if line.kind != "text" or len(line.text) < RUN_ON_MIN:
            out.append(line)
            continue
        cuts = [m.start() for m in _INLINE_HEADING.finditer(line.text) if m.start() > 0]
        for s, e in zip([0, *cuts], [*cuts, len(line.text)], strict=True):
            piece = _Line(line.text[s:e], line.offs[s:e])
            # "一、现状与形势（一）“十三五”时期…": a short heading directly followed by a sub-heading
            # (a rule's chapter by its first article: 第五章监督检查第三十五条…).
            while m := _HEADING_CHAIN.match(piece.text):
                out.append(_Line(piece.text[: m.end()], piece.offs[: m.end()]))
                piece = _Line(piece.text[m.end() :], piece.offs[m.end() :])
            out.append(piece)
    return out


@lru_cache(maxsize=1 << 14)  # pure in the line (lines repeat: see _LINES)
def _line_sentences(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, key, anchor) of each sentence of a text line, for _drop_duplicates."""
    out = []
    found = list(_SENTENCE.finditer(text))
    for m in found:
        key = _WHITESPACE.sub("", m.group())
        if not key:
            continue
        titled = len(found) == 1 and not _SENT_END_CH.search(key)
        anchor = not titled and len(_CJK_CH.findall(key)) >= DUP_MIN_CJK
        out.append((m.start(), m.end(), key, anchor))
    return tuple(out)


def _drop_duplicates(
    lines: list[_Line], quotes: list[tuple[int, int]], warnings: list[str]
) -> list[_Line]:
    """Drop sentences a scraper duplicated: any sentence of >= DUP_MIN_CJK hanzi that occurs
    more than once keeps one copy, and the short sentences around a dropped copy go with it
    when the kept copy has the very same neighbours (the duplicated chunk, cut anywhere).

    Kept copy: the first, except that body text wins over an HTML <blockquote> lead that
    quotes it. Table cells, continuation lines and title-like lines (one sentence without
    sentence-end punctuation, e.g. headings and TOC entries) are never touched.
    """
    segs: list[tuple[int, int, int, str, bool] | None] = []
    for li, line in enumerate(lines):
        if line.kind != "text":
            if line.kind != "blank":
                segs.append(None)
            continue
        segs += [(li, *seg) for seg in _line_sentences(line.text)]

    def quoted(i: int) -> bool:
        li, s = segs[i][0], segs[i][1]  # type: ignore[index]
        return any(a <= lines[li].offs[s] < b for a, b in quotes)

    groups: dict[str, list[int]] = {}
    for i, seg in enumerate(segs):
        if seg and seg[4]:
            groups.setdefault(seg[3], []).append(i)
    dropped: dict[int, int] = {}
    keepers: set[int] = set()
    for idxs in groups.values():
        if len(idxs) > 1:
            keep = next((i for i in idxs if not quoted(i)), idxs[0])
            keepers.add(keep)
            dropped.update({i: keep for i in idxs if i != keep})
    todo = list(dropped.items())
    while todo:
        j, k = todo.pop()
        for step in (1, -1):
            j2, k2 = j + step, k + step
            if not (0 <= j2 < len(segs) and 0 <= k2 < len(segs)) or j2 == k2:
                continue
            a, b = segs[j2], segs[k2]
            fresh = j2 not in dropped and j2 not in keepers and k2 not in dropped
            if a and b and not a[4] and a[3] == b[3] and fresh:
                dropped[j2] = k2
                keepers.add(k2)
                todo.append((j2, k2))
    if not dropped:
        return lines
    cut: dict[int, list[tuple[int, int]]] = {}
    for i in dropped:
        li, s, e = segs[i][:3]  # type: ignore[index]
        cut.setdefault(li, []).append((s, e))
    out: list[_Line] = []
    chars = 0
    for li, line in enumerate(lines):
        if li not in cut:
            out.append(line)
            continue
        gone = bytearray(len(line.text))  # the cut characters, marked once per cut (a test of
        for s, e in cut[li]:  # every cut per character was quadratic in a long line)
            gone[s:e] = b"\x01" * (e - s)
        kept = [k for k, x in enumerate(gone) if not x]
        chars += len(line.text) - len(kept)
        text = "".join(line.text[k] for k in kept)
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        rest = _Line(body, [line.offs[k] for k in kept][lead : lead + len(body)])
        if (
            body
            and out
            and min(s for s, _ in cut[li]) <= lead
            and (whole := _completed(out[-1], rest))
        ):
            out[-1] = whole  # the first copy, cut off mid-sentence, completed by the full one
        elif body:
            out.append(rest)
    note = ""
    if any(quoted(i) for i in dropped):
        note = "; copies quoted in an HTML <blockquote> dropped in favour of the body text"
    warnings.append(
        f"removed {len(dropped)} duplicated sentences ({chars} characters) that repeat text "
        f"found elsewhere in the document (scrape artefact); one copy of each kept{note}"
    )
    return out


def _completed(before: _Line, rest: _Line) -> _Line | None:
    """A first copy cut off mid-sentence (…的重要性；各) above what is left of the full copy
    once its sentences are dropped (各级部门要…): the cut-off words open the rest, which
    completes the paragraph (joined as they stand, they would read 各各级部门)."""
    m = re.search(r"[^。；;！？!?，,：:]{1,12}$", before.text)
    if m is None or m.start() == 0 or not rest.text.startswith(m.group()):
        return None
    return _Line(
        before.text[: m.start()] + rest.text, before.offs[: m.start()] + rest.offs, before.kind
    )


def _joined(line: _Line, nxt: _Line) -> _Line:
    return _Line(line.text + nxt.text, line.offs + nxt.offs, line.kind)


def _join(lines: list[_Line]) -> tuple[str, list[int]]:
    """Join lines; a newline maps to the end of the preceding text in the source."""
    offs: list[int] = []
    cursor = 0
    for n, line in enumerate(lines):
        if n:
            nxt = line.offs[0] if line.offs else cursor
            offs.append(min(cursor, nxt))
        offs += line.offs
        if line.offs:
            cursor = line.offs[-1] + 1
    return "\n".join(line.text for line in lines), offs
