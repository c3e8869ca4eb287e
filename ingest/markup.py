"""Markup removal with an exact character map, for ingest.normalize.

`Mapped` is text plus, for every character, the index in the source text that produced it.
Every step here (YAML front matter, HTML → lines, Markdown → plain lines) returns a new
`Mapped`, so a span of the final normalized text can always be shown in the original file.

HTML: block elements (p, div, br, li, h1-h6, …) end lines; <td>/<th> become cell lines
("\t" + text) and </tr> a blank line, the same line contract as tab-flattened text tables;
script/style/head content and comments are dropped; entities are decoded (a decoded
character maps to the "&" of its entity). Whitespace collapses as a browser would, except
inside <pre>. <blockquote> source ranges are reported: news pages quote the document they
publish, and the duplicate filter prefers the body over the quote.

Markdown: heading marks, emphasis, link/image syntax, code ticks, bullets and blockquote
marks are removed (their text kept); pipe tables become cell lines like HTML tables.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from policykg.ingest.prefilter import Guarded


class Mapped:
    """Text plus, per character, the index in source.text that produced it."""

    __slots__ = ("offs", "text")

    def __init__(self, text: str, offs: list[int]):
        self.text, self.offs = text, offs

    def __getitem__(self, s: slice) -> Mapped:
        return Mapped(self.text[s], self.offs[s])

    def sub(self, pattern: re.Pattern[str] | Guarded, repl: Any) -> Mapped:
        """re.sub keeping the map: a replacement of equal length maps 1:1; one that is the
        match with characters deleted (`**x**` -> x, "名  称" -> 名称) maps onto what it kept."""
        parts: list[str] = []
        offs: list[int] = []
        pos = 0
        for m in pattern.finditer(self.text):
            s, e = m.span()
            parts.append(self.text[pos:s])
            offs += self.offs[pos:s]
            r = repl(m) if callable(repl) else m.expand(repl)
            seg = self.text[s:e]
            if len(r) == len(seg):
                offs += self.offs[s:e]
            elif (i := seg.find(r)) >= 0:
                offs += self.offs[s + i : s + i + len(r)]
            elif (idx := _subsequence(seg, r)) is not None:
                offs += [self.offs[s + k] for k in idx]
            else:
                offs += [self.offs[s] if s < len(self.offs) else end_of(self)] * len(r)
            parts.append(r)
            pos = e
        parts.append(self.text[pos:])
        offs += self.offs[pos:]
        return Mapped("".join(parts), offs)


def _subsequence(seg: str, r: str) -> list[int] | None:
    """Positions in seg of the characters of r, if r is seg with characters deleted."""
    idx: list[int] = []
    for k, ch in enumerate(seg):
        if len(idx) < len(r) and ch == r[len(idx)]:
            idx.append(k)
    return idx if len(idx) == len(r) else None


def end_of(buf: Mapped) -> int:
    return buf.offs[-1] + 1 if buf.offs else 0


def split_front_matter(buf: Mapped, warnings: list[str]) -> tuple[dict[str, Any], Mapped]:
    m = re.match(r"\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", buf.text, re.S)
    if not m or m.group(1).count("\n") > 200:
        return {}, buf
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        if not re.match(r"\s*[\w-]+\s*:", m.group(1)):
            return {}, buf
        warnings.append("front matter is not valid YAML; it was dropped without being parsed")
        data = {}
    if not isinstance(data, dict):
        return {}, buf
    return {str(k): _plain(v) for k, v in data.items()}, buf[m.end() :]


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings so the front matter stays JSON-serialisable."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


_BLOCK_TAGS = (
    "p div br li ul ol dl dt dd table tbody thead tfoot tr td th caption h1 h2 h3 h4 h5 h6 "
    "blockquote section article header footer nav aside main pre hr address figure "
    "figcaption form fieldset center"
)
_SKIP_TAGS = "script style title noscript template iframe svg math object head"
# Page chrome around the article on government sites (TRS, Hanweb, Dayang CMSs and news
# portals): elements of these kinds, or whose class/id names one of these parts, are
# dropped with everything inside. The article's containers (zoom, TRS_Editor, pages_content,
# article-content, con …) and the 政务公开 metadata table never match.
_CHROME_TAGS = frozenset({"nav", "footer", "aside"})
_CHROME_NAME = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|topbar|top-bar|breadcrumbs?|crumbs?|bread|footer|foot|"
    r"bottom|sidebar|side|share|bdshare|bdsharebuttonbox|copyright|toolbar|tools|"
    r"xgwj|xglj|related|relate|friendlink|links|login|search|qrcode|appendQr\w*)(?:$|[-_\s\d])",
    re.I,
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def is_chrome(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _CHROME_TAGS:
        return True
    names = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
    return bool(names and _CHROME_NAME.search(names))


class _HtmlText(HTMLParser):
    BLOCKS = frozenset(_BLOCK_TAGS.split())
    SKIP = frozenset(_SKIP_TAGS.split())

    def __init__(self, buf: Mapped):
        super().__init__(convert_charrefs=False)
        self.buf = buf
        self.chars: list[str] = []
        self.offs: list[int] = []
        self.skip, self.pre = 0, 0
        self.open_quotes: list[int] = []
        self.chrome: str | None = None  # tag of the chrome element being skipped
        self.chrome_nest = 0
        self.quotes: list[tuple[int, int]] = []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", buf.text)]

    def _src(self, i: int) -> int:
        return self.buf.offs[i] if i < len(self.buf.offs) else end_of(self.buf)

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _line_is_bare_cell(self) -> bool:
        return bool(self.chars) and self.chars[-1] == "\t" and self.chars[-2:-1] in ([], ["\n"])

    def _put(self, ch: str, i: int) -> None:
        if ch in " \t\n\r\f" and not self.pre:
            last = self.chars[-1] if self.chars else "\n"
            if last in " \n" or self._line_is_bare_cell():
                return
            ch = " "
        self.chars.append(ch)
        self.offs.append(self._src(i))

    def _break(self, *, blank: bool = False, end_cell: bool = False) -> None:
        if self.chars and self.chars[-1] == " ":
            self.chars.pop(), self.offs.pop()
        # A <p> inside a <td> must not push the cell text off the "\t" line.
        want = 2 if blank else 1
        if self._line_is_bare_cell() and not end_cell:
            return
        while self.chars and self.chars[-want:] != ["\n"] * want:
            self.chars.append("\n")
            self.offs.append(self._src(self._pos()))

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if self.chrome:
            self.chrome_nest += tag == self.chrome
            return
        if tag not in _VOID and tag not in ("html", "body") and is_chrome(tag, attrs):
            self.chrome, self.chrome_nest = tag, 1
            return
        if tag in self.SKIP:
            self.skip += 1
            return
        if tag == "body":
            self.skip = 0  # an unclosed <head> ends here
        if tag in self.BLOCKS:
            self._break()
        if tag in ("td", "th"):
            self.chars.append("\t")
            self.offs.append(self._src(self._pos()))
        elif tag == "pre":
            self.pre += 1
        elif tag == "blockquote":
            self.open_quotes.append(self._src(self._pos()))

    def handle_endtag(self, tag: str) -> None:
        if self.chrome:
            self.chrome_nest -= tag == self.chrome
            if self.chrome_nest == 0:
                self.chrome = None
            return
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in self.BLOCKS:
            self._break(blank=tag == "tr", end_cell=tag in ("td", "th"))
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        elif tag == "blockquote" and self.open_quotes:
            self.quotes.append((self.open_quotes.pop(), self._src(self._pos())))

    def handle_data(self, data: str) -> None:
        if not self.skip and not self.chrome:
            base = self._pos()
            for k, ch in enumerate(data):
                self._put(ch, base + k)

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def _entity(self, raw: str) -> None:
        if not self.skip and not self.chrome:
            i = self._pos()
            for ch in unescape(raw):
                self._put(ch, i)


def html_to_lines(buf: Mapped) -> tuple[Mapped, list[tuple[int, int]]]:
    parser = _HtmlText(buf)
    parser.feed(buf.text)
    parser.close()
    return Mapped("".join(parser.chars), parser.offs), parser.quotes


_MD_RULES = [
    (re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+|[ \t]+#+[ \t]*$"), ""),  # ATX heading marks
    (re.compile(r"(?m)^[ \t]{0,3}(?:[=-][ \t]*){3,}$|^[ \t]{0,3}(?:\*[ \t]*){3,}$"), ""),  # rules
    (re.compile(r"(?m)^[ \t]{0,3}>[ \t]?"), ""),  # blockquote marks
    (re.compile(r"(?m)^[ \t]*[-*+][ \t]+"), ""),  # bullets
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # links and images keep their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<!\*)\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?!\*)"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
]
_MD_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|(.*)\|[ \t]*$")
_MD_TABLE_RULE = re.compile(r"(?m)^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?)?[ \t]*\n?")


def markdown_to_lines(buf: Mapped) -> Mapped:
    buf = buf.sub(_MD_TABLE_RULE, "")
    # A pipe-table row becomes the cell-line form of the line contract: "\tcell" per cell.
    rows: list[tuple[int, int]] = [m.span(1) for m in _MD_TABLE_ROW.finditer(buf.text)]
    if rows:
        text, offs, pos = [], [], 0
        for s, e in rows:
            line_start = buf.text.rfind("\n", 0, s) + 1
            text.append(buf.text[pos:line_start])
            offs += buf.offs[pos:line_start]
            for cm in re.finditer(r"[^|]+", buf.text[s:e]):
                cell = cm.group().strip()
                c0 = s + cm.start() + cm.group().find(cell[:1]) if cell else s + cm.start()
                text.append("\t" + cell + "\n")
                offs += [buf.offs[s + cm.start()], *buf.offs[c0 : c0 + len(cell)], buf.offs[e]]
            pos = e + 1
        text.append(buf.text[pos:])
        offs += buf.offs[pos:]
        buf = Mapped("".join(text), offs)
    for pattern, repl in _MD_RULES:
        buf = buf.sub(pattern, repl)
    return buf
