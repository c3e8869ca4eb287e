"""Place names below the province (prefecture, county, district, 新区, 林区) → province.

The divisions come from the gazetteer bundled with jionlp (`china_location_loader()`,
GB/T 2260 codes, offline); data/reference/places.yaml adds the state-level new areas, the
forest districts and the special zones a province governs beside its prefectures, which it
does not hold as divisions. A name shared by divisions of two
provinces (鼓楼区, 朝阳区, 新城区 …) says nothing and is left out; so are short county
aliases (two characters such as 新林, 城关 occur inside ordinary words). `known_place` and
`place_of` read the place a body's name opens with (同江市 of 同江市市场监管局), under its
division word of today or a former one.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick
from policykg.ingest import disk_cache
from policykg.ingest.vocab import provinces

from policykg.resources import data_path, load_yaml

_SUFFIX_PREFECTURE = ("自治州",)
# Two-character aliases that are ordinary words or another province's name: 安康 (peace and
# health), 中山 (a person's name in 中山大学, 中山路), 海南 (海南藏族自治州 in 青海 vs 海南省).
# And the kinds of zone the gazetteer holds as the name of one zone somewhere (产业园, 高新区,
# 示范区 …): in a text they name a kind, any province's.
_STOP = frozenset({"安康", "中山", "海南", "吉林", "长城", "和平", "永安", "太平", "光明",
                   "高新区", "经开区", "示范区", "产业园", "化工园区", "工业园", "工业园区",
                   "开发区", "园区", "老城区", "新城区", "城区", "郊区", "矿区"})  # fmt: skip


@cache
def _gazetteer() -> dict[str, str]:
    """Unambiguous place name → province code."""
    return {n: next(iter(c)) for n, c in _names().items() if len(c) == 1}


# A township or a street office named (某某镇, 某某乡, 某某街道): below the gazetteer's counties
TOWNSHIP = re.compile(r"(?![各全本该])[\u4e00-\u9fff]{2,6}?(?:街道|镇|乡)")


def is_place_name(name: str) -> bool:
    """A division's name or alias in the gazetteer (玉环市, 兰州新区), whichever province."""
    return name in _names()


@cache
def _location_tree() -> dict:
    """jionlp's gazetteer tree, read once (_names and _short_counties both walk it, neither
    changes it). Importing jionlp and reading its 12 MB gazetteer took ~0.5–1 s of every
    cold start (issue 14): the tree is kept in the user's cache folder, keyed by the bytes of
    the gazetteer and of jionlp's reader (ingest/disk_cache.py), and read back in ~2 ms."""
    sources = _jionlp_sources()
    if sources is None:
        return _read_location_tree()
    return disk_cache.load_or_build("china_location", sources, _read_location_tree)


def _read_location_tree() -> dict:
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp

        return jionlp.china_location_loader()


def _jionlp_dictionary() -> Path | None:
    """jionlp's data folder, found without importing jionlp (its import costs ~0.5 s)."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "dictionary"


def _jionlp_sources() -> list[bytes] | None:
    """The bytes of what jionlp's tree is read from (its gazetteer, its reader), found
    without importing jionlp; None where jionlp is laid out otherwise (no cache then)."""
    folder = _jionlp_dictionary()
    if folder is None:
        return None
    try:
        return [(folder / f).read_bytes() for f in ("china_location.txt", "dictionary_loader.py")]
    except OSError:
        return None


@cache
def _names() -> dict[str, set[str]]:
    """Place name → the province codes it names."""
    tree = _location_tree()
    names: dict[str, set[str]] = {}

    def add(name: str | None, code: str, minimum: int) -> None:
        if name and len(name) >= minimum and name not in _STOP:
            names.setdefault(name, set()).add(code)

    for prov in tree.values():
        code = str(prov["_admin_code"])[:2] + "0000"
        for city_name, city in prov.items():
            if city_name.startswith("_") or not isinstance(city, dict):
                continue
            full = city.get("_full_name") or city_name
            if full != prov.get("_full_name") and "直辖" not in full:
                add(full, code, 3)
                for alias in _aliases(city):
                    add(alias, code, 2)
                    if full.endswith(_SUFFIX_PREFECTURE):
                        add(alias + "州", code, 3)  # 恩施州, 黔东南州
            for county_name, county in city.items():
                if county_name.startswith("_") or not isinstance(county, dict):
                    continue
                county_full = county.get("_full_name") or county_name
                add(county_full, code, 3)
                for alias in _aliases(county):
                    add(alias, code, 3)
                    if county_full.endswith(("自治县", "自治旗")):
                        add(alias + county_full[-1], code, 3)  # 通道县 for 通道侗族自治县
    # A county turned into a district or a city (撤县设区, 撤县设市: 沾益县 → 沾益区, 1990s–2020s,
    # the GB/T 2260 change records) is still named a county by the documents written before,
    # and a county-level city turned into a district (撤市设区: 藁城市 → 藁城区) a city: its
    # former name, where no division holds it, names the same province.
    former: dict[str, set[str]] = {}
    for code, full in _county_names():
        if (
            len(full) >= 3
            and full.endswith(("区", "市"))
            and not full.endswith(("新区", "林区", "矿区"))
        ):
            former.setdefault(full[:-1] + "县", set()).add(code)
            if full.endswith("区"):
                former.setdefault(full[:-1] + "市", set()).add(code)
    for name, codes in former.items():
        if name not in names and name[:-1] not in _STOP:
            names[name] = codes
    # A division renamed or merged away (横县 → 横州市, 柳州地区 → 来宾市; jionlp's change
    # records): documents written before still name it, in the same province.
    for name, code in _renamed():
        if len(name) >= 3 and name not in names and name[:-1] not in _STOP:
            names[name] = {code}
    # A province's own name is no place below it: the gazetteer lists 香港 and 澳门 also as
    # their own subdivisions, which made a text naming Hong Kong as a partner a local one.
    for p in provinces():
        for name in (p.name, *p.names):
            names.pop(name, None)
    extra = load_yaml(data_path("reference", "places.yaml").read_text("utf-8"))
    for table in ("new_areas", "forest_districts", "special_zones"):
        for name, code in (extra.get(table) or {}).items():
            names[name] = {str(code)}
    return names


def _county_names() -> Iterator[tuple[str, str]]:
    """(province code, full name) of every county-level division in the gazetteer."""
    for prov in _location_tree().values():
        code = str(prov["_admin_code"])[:2] + "0000"
        for city in (c for k, c in prov.items() if not k.startswith("_") and isinstance(c, dict)):
            for name, county in city.items():
                full = county.get("_full_name") if isinstance(county, dict) else None
                if not name.startswith("_") and full:
                    yield code, full


@cache
def _renamed() -> tuple[tuple[str, str], ...]:
    """(former name, province code) of the divisions jionlp records as renamed or merged
    away (its china_location_change.txt, read without importing jionlp: a few kB)."""
    folder = _jionlp_dictionary()
    if folder is None:
        return ()
    try:
        lines = (folder / "china_location_change.txt").read_text("utf-8").splitlines()
    except OSError:
        return ()
    codes = {p.name: p.code for p in provinces()}
    out: list[tuple[str, str]] = []
    for line in lines:
        old, _, new = line.partition("=>")
        fields, province = old.split("\t"), new.split("\t")[0]
        if len(fields) >= 6 and province in codes:
            out.append((fields[-2], codes[province]))  # the full name of the level renamed
    return tuple(out)


@cache
def _short_counties() -> dict[str, str]:
    """Counties whose whole name is two characters (渠县, 沛县, 歙县; and 横县, renamed since):
    too short to look for inside running text, sure at the start of a body's name
    (渠县…指挥部)."""
    found: dict[str, set[str]] = {}
    for code, full in _county_names():
        if len(full) == 2 and full.endswith("县"):
            found.setdefault(full, set()).add(code)
    for full, code in _renamed():
        if len(full) == 2 and full.endswith("县") and full not in found:
            found[full] = {code}
    return {n: next(iter(c)) for n, c in found.items() if len(c) == 1}


@cache
def prefecture_aliases() -> frozenset[str]:
    """Prefectures' short names (大同 for 大同市, 潍坊 for 潍坊市), unambiguous and not ordinary
    words: news reprints open a body's name with them (大同盐务分局, 潍坊食药监局)."""
    tree = _location_tree()
    table = _gazetteer()
    found: set[str] = set()
    for prov in tree.values():
        for city_name, city in prov.items():
            if city_name.startswith("_") or not isinstance(city, dict):
                continue
            full = city.get("_full_name") or city_name
            if full.endswith("市") and "直辖" not in full:
                found.update(a for a in _aliases(city) if len(a) >= 2 and a in table)
    return frozenset(found)


def county_opening(name: str) -> str | None:
    """The province code of a two-character county opening a body's name (渠县卫生健康局)."""
    return _short_counties().get(name[:2])


@cache
def _autonomous_short_names() -> dict[str, str]:
    """An autonomous prefecture's or county's short name (阿坝州, 通道县) → its full official
    name (阿坝藏族羌族自治州, 通道侗族自治县): documents sign with the short form."""
    out: dict[str, str] = {}
    for prov in _location_tree().values():
        for city_name, city in prov.items():
            if city_name.startswith("_") or not isinstance(city, dict):
                continue
            full = city.get("_full_name") or city_name
            if full.endswith("自治州"):
                # (阿坝州, and 湘西自治州: the short name with 州 or with 自治州)
                out.update({a + w: full for a in _aliases(city) for w in ("州", "自治州")})
            for county_name, county in city.items():
                if county_name.startswith("_") or not isinstance(county, dict):
                    continue
                county_full = county.get("_full_name") or county_name
                if county_full.endswith(("自治县", "自治旗")):
                    out.update({a + county_full[-1]: county_full for a in _aliases(county)})
    return {short: full for short, full in out.items() if len(short) >= 3}


def full_autonomous_name(name: str) -> str:
    """A body's name opening with an autonomous area's short name, written with the full one
    (阿坝州人民政府办公室 → 阿坝藏族羌族自治州人民政府办公室); else as it is."""
    for k in (6, 5, 4, 3):
        if (full := _autonomous_short_names().get(name[:k])) is not None:
            return full + name[k:]
    return name


def _aliases(node: dict) -> list[str]:
    raw = node.get("_alias")
    return [raw] if isinstance(raw, str) else list(raw or [])


@cache
def _automaton() -> Any:
    """The gazetteer's names in an Aho-Corasick automaton: name → its length."""
    automaton = ahocorasick.Automaton()
    for name in _gazetteer():
        automaton.add_word(name, len(name))
    automaton.make_automaton()
    return automaton


def place_provinces(text: str) -> Counter[str]:
    """Province codes of the place names found in `text`, with their counts."""
    table = _gazetteer()
    # The names left to right, the longest at each start, none overlapping the one before
    # (what one alternation of the 3,800 names, longest first, found with finditer; that
    # regex tried every name at every start a name's first character opened).
    longest: dict[int, int] = {}
    for last, n in _automaton().iter(text):
        start = last + 1 - n
        if n > longest.get(start, 0):
            longest[start] = n
    found: Counter[str] = Counter()
    pos = 0
    for start in sorted(longest):
        if start >= pos:
            pos = start + longest[start]
            found[table[text[start:pos]]] += 1
    return found


def known_place(name: str) -> bool:
    """A division the gazetteer knows, also under its former division word (抚远县, a county
    until it became 抚远市: 县改市 and 县改区 renamed many)."""
    if is_place_name(name):
        return True
    stem, word = name[:-1], name[-1:]
    return (
        len(stem) >= 2 and word in "市县区旗" and any(is_place_name(stem + d) for d in "市县区旗")
    )


def place_of(name: str) -> str | None:
    """The place a body's name opens with (同江市 of 同江市市场监管局), if the gazetteer knows it."""
    for k in range(min(len(name) - 1, 8), 1, -1):
        if known_place(name[:k]):
            return name[:k]
    return None
