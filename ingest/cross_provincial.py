"""Documents of several provincial-level units: no one province's.

A cooperation agreement of 京津冀, a plan two provinces' governments issue together (川渝), a
report of 粤港 talks is no one province's document: the rule book (tests/heldout_real/README.md)
leaves its province null. Its issuer, title or headline says so by naming
- the bodies or places of two or more provinces side by side (重庆成都…, 北京市市场监管局、
  河北省市场监管局…);
- the abbreviations (简称) of two or more provinces in a run before a joint word (川渝签署,
  粤港双方, 京晋等八省);
- a region of several provinces (data/patterns/document.yaml `cross_provincial_regions`: 长三角,
  京津冀, 成渝 …) — unless a province is named as well: before the region in a headline
  (浙江省推进长三角…: Zhejiang's report), anywhere in a sentence's opening (为落实京津冀协同
  发展要求，河北省…: Hebei's).
"""

from __future__ import annotations

import re
from functools import cache

from policykg.ingest.patterns import document_patterns
from policykg.ingest.places import place_provinces
from policykg.ingest.vocab import provinces

# A headline's or lead's subject stands in its first words.
_OPENING = 60
# Outside the mainland system (香港, 澳门, 台湾): 港澳 alone is a mainland text's subject matter
# (港澳药械通, 港澳台地区), not its authors.
_OUTSIDE = frozenset({"710000", "810000", "820000"})
# What follows a run of abbreviations that names the provinces as the ones acting together
# (粤港双方, 川渝签署, 京晋等八省) — else the run names a region (京津冀协同发展), read as one
_ACTING = r"(?:[两三四五六七八九]地|双方|三方|各方|等|签署|签订|联合|携手|共同|共建)"
_JOINT = (
    rf"(?:{_ACTING}|合作|协作|共享|一体化|协同|毗邻|联动|区域|地区|[两三四五六七八九]省|市场监管|药品"
    r"|食品|药监|推动|推进)"
)


# Between two provinces' bodies side by side: the first one's name and a conjunction
_GAP = re.compile(r"[\u4e00-\u9fff]{0,14}?[、和与及同]")
_NOT_JOINT = re.compile(r"[赴到在向对为来去至访]")


@cache
def _regions() -> re.Pattern[str]:
    return re.compile(document_patterns()["cross_provincial_regions"])


@cache
def _names() -> tuple[tuple[str, str], ...]:
    """(name, code) of every province's name and alias of two or more characters, longest
    first."""
    pairs = {(n, p.code) for p in provinces() for n in (p.name, *p.aliases) if len(n) >= 2}
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def _abbreviations() -> tuple[dict[str, str], re.Pattern[str]]:
    shorts = {s: p.code for p in provinces() for s in (p.short, *p.short_alt) if len(s) == 1}
    chars = "".join(sorted(shorts))
    return shorts, re.compile(rf"[{chars}]{{2,}}(?={_JOINT})(?P<acting>(?={_ACTING}))?")


def _named(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of the provinces `text` names by name or alias, in order."""
    hits: list[tuple[int, int, str]] = []
    taken = [False] * len(text)
    for name, code in _names():
        for m in re.finditer(re.escape(name), text):
            if not any(taken[m.start() : m.end()]):
                hits.append((m.start(), m.end(), code))
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    return sorted(hits)


def _abbreviation_runs(text: str) -> list[re.Match[str]]:
    """Runs of two or more provinces' abbreviations (one of the mainland) before a joint word."""
    shorts, run = _abbreviations()
    return [
        m
        for m in run.finditer(text)
        if len(codes := {shorts[c] for c in m.group()}) >= 2 and codes - _OUTSIDE
    ]


def _side_by_side(text: str, named: list[tuple[int, int, str]]) -> bool:
    """Two provinces' bodies or places written as one subject (A局、B局; 重庆成都)."""
    starts = {start: code for start, _, code in named}
    for _, end, code in named:
        after = [end]  # 重庆成都
        if (gap := _GAP.match(text, end)) and not _NOT_JOINT.search(gap.group()):
            after.append(gap.end())  # 北京市市场监管局、河北省…
        for pos in after:
            other = starts.get(pos)
            if other is None:
                places = place_provinces(text[pos : pos + 4])
                other = next(iter(places)) if len(places) == 1 else None
            if other is not None and other != code:
                return True
    return False


def names_several_provinces(line: str | None, *, headline: bool = True) -> bool:
    """Whether an issuer, title or headline (headline=True) or a lead sentence
    (headline=False) names a document of several provincial-level units."""
    if not line:
        return False
    text = re.sub(r"《[^《》]*》", "", line)[:_OPENING]  # a cited title is not the subject
    named = _named(text)
    runs = _abbreviation_runs(text)
    if _side_by_side(text, named) or any(m["acting"] is not None for m in runs):
        return True
    region = min([*runs, *_regions().finditer(text)], key=lambda m: m.start(), default=None)
    if region is None:
        return False
    before = text[: region.start()] if headline else text[: region.start()] + text[region.end() :]
    return not _named(before) and not place_provinces(before)
