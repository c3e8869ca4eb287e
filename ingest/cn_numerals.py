"""Chinese numerals read by cn2an, its import put off until a numeral needs it (issue 14).

`import cn2an` builds its parsers at import — large alternations of every numeral form
compiled as regexes, ~0.4 s of a cold start — while most numerals a document holds are
the small ones of headings, dates and counts (一, 十二, 二十三). Those are answered from
a table of what cn2an answers for them (1–99 in the usual form, 两, 〇, 零; the same int
in the "normal" and "smart" modes, tests/ingest/test_cn_numerals.py checks every entry
against cn2an); any other text goes to cn2an itself, with its answers and its errors.
"""

from __future__ import annotations

from typing import Any

_DIGITS = "一二三四五六七八九"


def _small() -> dict[str, int]:
    table = {"〇": 0, "零": 0, "两": 2, "十": 10}
    for i, d in enumerate(_DIGITS, 1):
        table[d] = i
        table["十" + d] = 10 + i
    for t, tens in enumerate(_DIGITS[1:], 2):
        table[tens + "十"] = 10 * t
        for i, d in enumerate(_DIGITS, 1):
            table[tens + "十" + d] = 10 * t + i
    return table


SMALL: dict[str, int] = _small()
MODES = frozenset({"normal", "smart"})


def cn2an_value(text: str, mode: str) -> Any:
    """cn2an.cn2an(text, mode): the same value (or the same exception) for every text."""
    if mode in MODES and (found := SMALL.get(text)) is not None:
        return found
    import cn2an

    return cn2an.cn2an(text, mode)
