"""ASCII punctuation written inside Chinese text made full-width, and spaces a PDF or a
typist left between Chinese letters removed (the last rows of the character table in
ingest/normalize.py). Read by normalize.py on every line, after char_folding; separate
because its rules read a character's neighbours (Chinese context, digits, brackets),
not the character alone.
"""

from __future__ import annotations

import re

from policykg.ingest.char_folding import CJK, CJK_CH
from policykg.ingest.prefilter import guarded

# Characters that make ASCII punctuation "Chinese context": hanzi, CJK punctuation, full-width forms.
_ZH_CONTEXT = re.compile(f"[{CJK}\u3000-\u303f\uff01-\uff5e“”‘’—…《》〔〕【】]")

_ZH_PUNCT = "，。、；：！？（）《》“”‘’【】〔〕"


def _unspace(m: re.Match[str]) -> str:
    chars = m.group().split()
    return "".join(chars) if len(chars) >= 3 or "  " in m.group() else m.group()


def _sentence_after(ch: str) -> bool:
    """What may follow a full stop: a Chinese letter or a bracket (a list of bodies)."""
    return bool(ch) and (bool(CJK_CH.match(ch)) or ch in "（(")


_SPACE_BETWEEN_LETTERS = re.compile(f"(?<=[{CJK}]) +(?=[{CJK}])")


def _unspace_bracket(m: re.Match[str]) -> str:
    """（市卫生计生委牵头，市农委配 合）: a PDF's line break inside a bracket of bodies left a
    space between two letters; a bracket holds no spaced words."""
    return _SPACE_BETWEEN_LETTERS.sub("", m.group())


# guarded: run on every line, each rule needs a space or a bracket that most lines lack
SPACE_RULES = [
    # letter-spaced words: "名  词  解  释", "指  标"
    (guarded(f"(?<![{CJK}])[{CJK}](?: +[{CJK}])+(?![{CJK}])"), _unspace),
    (guarded(" {2,}"), " "),
    (guarded("（[^（）\n]{1,120}）"), _unspace_bracket),
    # a stray comma a page left beside an enumeration comma, or doubled (A局，、B局; 日前，，):
    # the list reads on as one (it runs after zh_punct, so the commas are full-width)
    (guarded("，(?=[、，])|(?<=、)，"), ""),
    # no space between Chinese punctuation and Chinese text ("1. “四个最严”" keeps its space)
    (
        guarded(
            f"(?<=[{CJK}{_ZH_PUNCT}]) (?=[{_ZH_PUNCT}])|(?<=[{_ZH_PUNCT}]) (?=[{CJK}{_ZH_PUNCT}])"
        ),
        "",
    ),
]
_ASCII_TO_ZH = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_ZH_PUNCT_INPUT = frozenset([*_ASCII_TO_ZH, "."])  # the characters zh_punct may change


def zh_punct(text: str) -> str:
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
            if CJK_CH.search(text, j, i) or zh(near(j, -1)) or zh(near(i, 1)):
                chars[j], chars[i] = "（", "）"
    for i, ch in enumerate(chars):
        if ch == "." and CJK_CH.match(text[i - 1 : i]) and _sentence_after(near(i, 1)):
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
