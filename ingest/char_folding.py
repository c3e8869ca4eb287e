"""Per-character folding of one line, with its offsets: Traditional→Simplified (OpenCC t2s),
full-width letters, digits and symbols to ASCII, exotic spaces to a space, invisible
characters and broken-font debris next to hanzi removed (the first rows of the table in
ingest/normalize.py). Read by normalize.py on every line; separate because it works
character by character and knows nothing of lines, tables or punctuation.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc
from policykg.ingest.markup import Mapped

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CH = re.compile(f"[{CJK}]")

_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B) if chr(c).isalnum()}
_FOLD.update({chr(c + 0xFEE0): chr(c) for c in map(ord, "%+-=<>/&#@*_\\|$")})
_SPACES = set(
    "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\f\v"
)
_INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_STRAY = re.compile(r"[\u0100-\u02af]+")
# The letter O typed for a zero inside a number (1O个, 2O19年): after a digit, before a digit or a
# count word; not in a code (ISO9001: no digit before the O)
_LETTER_ZERO = re.compile(r"(?<=\d)[Oo](?=\d|[个家项户所座件名万亿年月日])")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str, offs: list[int], stats: dict[str, int]) -> tuple[str, list[int]]:
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
        stats["hanzi"] += len(CJK_CH.findall(text))
        return conv, offs
    for a, b in zip(text, firsts, strict=True):
        if CJK_CH.match(a):
            stats["hanzi"] += 1
            stats["changed"] += a != b
    return conv, offs


# Characters fold_chars drops or changes: a line with none of them (most lines) skips
# its character loop, which would copy it unchanged.
_FOLDED = re.compile(
    "[" + re.escape("".join(sorted({*_INVISIBLE, *_SPACES, *_FOLD, "．"}))) + "\ue000-\uf8ff]"
)


def fold_chars(text: str, offs: list[int], stats: dict[str, int]) -> tuple[str, list[int]]:
    if not _FOLDED.search(text):
        out, out_offs = [text], list(offs)
    else:
        out, out_offs = _fold_loop(text, offs, stats)
    text = "".join(out)
    if _LETTER_ZERO.search(text):  # 建设1O个基地: a zero typed as the letter (same length)
        text = _LETTER_ZERO.sub("0", text)
    buf = Mapped(text, out_offs)

    def stray(m: re.Match[str]) -> str:
        s, e = m.span()
        if CJK_CH.match(text[s - 1 : s] or " ") or CJK_CH.match(text[e : e + 1] or " "):
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
