"""Chinese numerals read by cn2an, its import put off until a numeral needs it (issue 14).

`import cn2an` builds its parsers at import — large alternations of every numeral form
compiled as regexes, ~0.4 s of a cold start — while most numerals a document holds are
the small ones of headings, dates and counts (一, 十二, 二十三). Their values are cn2an's
own: the table of the small forms (1–99 in the usual writing, 两, 〇, 零) is built by asking
cn2an once, in both modes the extractor uses, and kept in the user's cache folder keyed by
cn2an's own files (ingest/disk_cache.py), so later runs answer them without importing it.
Any other text goes to cn2an itself, with its answers and its errors.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import Any

from policykg.ingest import disk_cache

_DIGITS = "一二三四五六七八九"
MODES = frozenset({"normal", "smart"})


def small_forms() -> list[str]:
    """The small numerals as documents write them: 〇, 零, 两, 一…九, 十…九十九."""
    forms = ["〇", "零", "两", "十", *_DIGITS]
    forms += ["十" + d for d in _DIGITS]
    for tens in _DIGITS[1:]:
        forms += [tens + "十"] + [tens + "十" + d for d in _DIGITS]
    return forms


def _ask_cn2an() -> dict[str, int]:
    """Each small form's value as cn2an gives it, kept where both modes agree on an int."""
    import cn2an

    table = {}
    for text in small_forms():
        values = {cn2an.cn2an(text, mode) for mode in sorted(MODES)}
        if len(values) == 1 and type(value := values.pop()) is int:
            table[text] = value
    return table


def _cn2an_sources() -> list[bytes] | None:
    """The bytes of cn2an's package files, found without importing it (the cache's key)."""
    spec = importlib.util.find_spec("cn2an")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        return [p.read_bytes() for p in sorted(folder.glob("*.py")) + sorted(folder.glob("*.y*ml"))]
    except OSError:
        return None


@cache
def small() -> dict[str, int]:
    """cn2an's values of the small forms, from the cache when cn2an is unchanged."""
    sources = _cn2an_sources()
    if sources is None:
        return _ask_cn2an()
    return disk_cache.load_or_build("cn2an_small", sources, _ask_cn2an)


def cn2an_value(text: str, mode: str) -> Any:
    """cn2an.cn2an(text, mode): the same value (or the same exception) for every text."""
    if mode in MODES and (found := small().get(text)) is not None:
        return found
    import cn2an

    return cn2an.cn2an(text, mode)
