"""Stage 2 of ingest: turn a decoded `SourceText` into the normalized text every later
offset points into, keeping an exact map back to the source characters.

Steps, in order: YAML front matter → markup (HTML tags / Markdown syntax, see
ingest.markup; docx-export artefacts such as ``[bookmark: _Toc73266729]``) →
Traditional→Simplified (OpenCC t2s) → character folding (table below) → the line
contract → diagram debris → run-on scraped lines split at inline headings → sentences
duplicated by a scraper. Each step carries the per-character source index along, so
`NormalizedText.offsets` is exact rather than reconstructed afterwards.

This module runs the steps and memoizes each line's folding; the steps live in modules of
their own: the `Line` passed along (line_contract.py), task tables flattened with tabs or
pipes (tabbed_rows.py), character folding (char_folding.py), punctuation and spacing
(punctuation_spacing.py), page chrome, diagram debris and duplicated sentences
(dropped_text.py), run-on lines (run_on_lines.py).

Character folding (applied everywhere; table cells included):

=================================================  ======================================
source                                             normalized
=================================================  ======================================
full-width digits/letters ０-９ Ａ-Ｚ ａ-ｚ           0-9 A-Z a-z
full-width ％ ＋ － ＝ ＜ ＞ ／ ＆ ＃ ＠ ＊ ＿ ＼ ｜ ＄   % + - = < > / & # @ * _ \\ | $
full-width ． between two digits                   .   (other ． stays: "1．" is a heading)
letter O/o after a digit, before a digit or a      0   (1O个 → 10个; ISO9001 stays)
  count word
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
from typing import Any, Literal

from policykg.ingest import scrape
from policykg.ingest.char_folding import fold_chars, to_simplified
from policykg.ingest.dropped_text import drop_chrome, drop_debris, drop_duplicates
from policykg.ingest.line_cells import cell_line_tables
from policykg.ingest.line_contract import Line, classify, join_lines, joined, split_lines
from policykg.ingest.markup import Mapped, html_to_lines, markdown_to_lines, split_front_matter
from policykg.ingest.punctuation_spacing import SPACE_RULES, zh_punct
from policykg.ingest.read import SourceText
from policykg.ingest.rewrap import (
    join_broken_sentences,
    join_open_brackets,
    join_open_titles,
    rewrap,
)
from policykg.ingest.run_on_lines import split_run_on
from policykg.ingest.tabbed_rows import pipe_rows, rejoin_broken_rows, tsv_rows_to_cells

TRADITIONAL_SHARE = 0.10  # share of hanzi that t2s changes in a predominantly Traditional text
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
        for line in tsv_rows_to_cells(rejoin_broken_rows(pipe_rows(split_lines(buf))))
    ]
    lines = drop_chrome(cell_line_tables(lines, Line), scraped)
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
    lines = drop_debris(classify(lines), warnings)
    lines = classify(split_run_on(lines))
    lines = classify(drop_duplicates(lines, quotes, warnings))
    lines = rewrap(lines, joined)  # fixed-width text: a break inside a sentence is none
    lines = join_open_brackets(join_open_titles(lines, joined), joined)
    lines = join_broken_sentences(lines, joined)
    text, offs = join_lines(lines)
    offs.append(offs[-1] + _unit_len(src, offs[-1]) if offs else 0)
    return NormalizedText(text, src, tuple(offs), script, front_matter, warnings)


# Documents repeat their lines (a plan's tasks restated in its division table, the formulas
# of notices), and a line's normalization depends on its text alone: the offsets it keeps are
# the line's own, picked by index (so the picks are found once, on the offsets 0…n-1), and
# the counts it makes are added to the document's. A line whose result maps a character
# past its end (an insertion at the end, offset computed, not picked) is never memoized.
_Picks = slice | tuple[int, ...]
_LINES: dict[str, tuple[str, _Picks, str, tuple[int, int, int], Counter[str]] | None] = {}
_STATS = ("hanzi", "changed", "stray")


def _normalize_line(line: Line, stats: dict[str, int], scraped: Counter[str]) -> Line:
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
    return Line(text, offs, kind)


def _pick_line(text: str) -> tuple[str, _Picks, str, tuple[int, int, int], Counter[str]] | None:
    stats = dict.fromkeys(_STATS, 0)
    found: Counter[str] = Counter()
    out = _normalized(Line(text, list(range(len(text)))), stats, found)
    offs = out.offs
    if offs and max(offs) >= len(text):
        return None
    whole = not offs or offs == list(range(offs[0], offs[0] + len(offs)))
    picks = slice(offs[0], offs[0] + len(offs)) if offs and whole else tuple(offs)
    hanzi, changed, stray = (stats[k] for k in _STATS)
    return out.text, picks, out.kind, (hanzi, changed, stray), found


def _normalized(line: Line, stats: dict[str, int], scraped: Counter[str]) -> Line:
    cell = line.text.startswith("\t")
    head = 1 if cell else 0
    raw = scrape.clean_chars(Mapped(line.text[head:], line.offs[head:]), scraped)
    text, offs = to_simplified(raw.text, raw.offs, stats)
    text, offs = fold_chars(text, offs, stats)
    buf = Mapped(zh_punct(text), offs)
    for pattern, repl in SPACE_RULES:
        buf = buf.sub(pattern, repl)
    buf = scrape.cut_inline(buf, scraped)
    text = buf.text
    lead = len(text) - len(text.lstrip(" "))
    body, offs = text.strip(" "), buf.offs[lead : lead + len(text.strip(" "))]
    if cell:
        return Line("\t" + body, line.offs[:1] + offs, "cell")
    return Line(body, offs, "text" if body else "spaced" if line.text.strip("\t") else "blank")
