"""Bodies named bare, with no level prefix or place of their own: a township's station or
body by its town's name (城关派出所, 城关镇人民政府, bare 西屏街道 acting), a level's department by
its sector's short name (县食药监), a sector's bureau with no level (公安局、环保局联合…), a bare
sector inside a list (A、经信委、公安、工商等多部门) or after a joining verb (联合质监、渔业等部门).

County news writes them so, the level being the text's own. Apart from the named forms
(ingest/named_bodies.py) because they are read only where a body may open (a clause's
opening, punctuation, a joiner), while a full name is read anywhere: `body_at`
(ingest/bodies.py) tries them when no generic, known or named body opens.
"""

from __future__ import annotations

import re
from functools import cache

from policykg.ingest.body_forms import Body, alternation, body_forms


@cache
def _town_station_rx() -> re.Pattern[str]:
    f = body_forms()
    stations = [u for u in f["township_units"] if u.endswith(("所", "站", "院"))]
    return re.compile(
        rf"(?![{f['not_place_start']}])(?!辖区|当地|属地|所在|基层|各级)[\u4e00-\u9fff]{{2}}"
        rf"(?:{alternation(stations)})"
    )


def town_station(text: str, pos: int) -> Body | None:
    """A township's station named by its town without 镇/乡 (城关派出所, 相南市场监管所), at
    a clause's opening or after a joiner (联合/会同/和/及/与) only: elsewhere the letters
    before the unit may belong to a verb or its object."""
    if not _after_boundary(text, pos):
        return None
    m = _town_station_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None


@cache
def _town_body_rx() -> re.Pattern[str]:
    f = body_forms()
    # (bare 某镇/某街道 only where a body's verb or a list goes on: 西屏街道联合…, 城关镇、新华镇要…)
    after = r"(?=[、，,]|等|联合|会同|和|及|与|共同|要|将|负责|牵头|配合|组织|开展)"
    return re.compile(
        rf"(?![{f['not_place_start']}])(?!辖区|当地|属地|所在|基层|城乡|城镇|集镇|村镇|乡镇|相关|有关|其他|其它|全部|所有)"
        # (no function word inside the name: 一份由镇政府自存 names the township's government)
        rf"(?:(?![由的对在将把被给])[\u4e00-\u9fff]){{2,3}}?"
        rf"(?:(?:{alternation(f['township_bodies'])})|(?:镇|乡|街道){after})"
    )


def town_body(text: str, pos: int) -> Body | None:
    """A township or sub-district by its own name, which no gazetteer of counties holds
    (城关镇人民政府, 某某街道办事处; bare 某某街道 as the subject of an act), at a clause's
    opening or after a joiner only, like a township's station."""
    if not _after_boundary(text, pos):
        return None
    m = _town_body_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None


def _after_boundary(text: str, pos: int) -> bool:
    """`pos` opens the text, follows punctuation, or follows a joiner of bodies."""
    return (
        pos == 0
        or not re.match(r"[\u4e00-\u9fff]", text[pos - 1])
        or text[pos - 1] in "和及与"
        or text[max(0, pos - 2) : pos] in ("联合", "会同")
    )


@cache
def _level_sector_rx() -> re.Pattern[str]:
    # (what may follow: punctuation, the list's end, a joiner or the verb)
    after = r"(?=[、，,。；;]|等|联合|会同|和|及|与|共同|开展|要|将|负责|牵头|配合|参与|协助)"
    return re.compile(rf"[省市州县区盟旗](?:{alternation(body_forms()['sectors'])}){after}")


@cache
def _bare_sector_rx() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(body_forms()['sectors'])})(?=、|等)")


def listed_sector(text: str, pos: int) -> Body | None:
    """A sector named bare inside a list of bodies, the list going on after it (A、经信委、
    公安、工商等多部门): that sector's department, generic, as written."""
    m = _bare_sector_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), True) if m else None


@cache
def _sector_bureau_rx() -> re.Pattern[str]:
    # (局长, 副局长, 委托, 委员, 办理 are a person or a verb, not the body)
    kinds = r"(?:局(?!局?长)|委员会(?:办公室)?|委(?!托|员)|办公室|办(?!理|法|公)|中心|所)"
    return re.compile(rf"(?:{alternation(body_forms()['sectors'])}){kinds}(?!副|长)")


def sector_bureau(text: str, pos: int) -> Body | None:
    """A sector's bureau named with no level at all (公安局、环保局、城管局联合…, county news
    usage, where the level is the text's own): that department, as written, at a clause's
    opening or after a joiner."""
    if not _after_boundary(text, pos) or text[pos - 1 : pos] in ("）", ")"):
        return None  # (各县（市、区）经信局: a level's bracket before it, the name goes back)
    m = _sector_bureau_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None


def joined_sector(text: str, pos: int) -> Body | None:
    """A bare sector opening the list a joining verb takes (联合质监、渔业等部门…): that sector's
    department, generic; elsewhere a bare sector opening a clause is a field (农业、工业等)."""
    return listed_sector(text, pos) if text[max(0, pos - 2) : pos] in ("联合", "会同") else None


def level_sector(text: str, pos: int) -> Body | None:
    """A level's department by its sector's short name, no kind word (县食药监、县公安联合…,
    county news usage): the department of that sector at that level, as written."""
    if not _after_boundary(text, pos):
        return None
    m = _level_sector_rx().match(text, pos)
    return Body(m.start(), m.end(), m.group(), False) if m else None
