"""The document's registry of departments (canonical name → Department): mentions resolved
with their roles, each read in the list it stands in — a level prefix written once for the list
(省农业厅、商务厅、卫生厅), a sector named bare after 会同/联合 (县畜牧局联合公安、食药等部门),
places written alone before the body they share (虎林市、同江市市场监管局).

Apart from resolving one name (ingest/canonical_departments.py) because registering reads each
mention beside its neighbours and keeps the document's state (a division's parent brought in, an
unknown body warned about once); the pipeline's skeleton (ingest/pipeline.py) and the
running-text step (ingest/departments.py) both register through `register`.
"""

from __future__ import annotations

from policykg.ingest.bodies import shared_prefix
from policykg.ingest.canonical_departments import ResolvedDepartment, local_name, resolve
from policykg.ingest.lexicon import expanded_below_province
from policykg.ingest.patterns import pattern_file
from policykg.ingest.places import known_place, place_of
from policykg.ingest.record import Department, DepartmentMention
from policykg.ingest.responsibility import Mention
from policykg.ingest.vocab import Province


def register(
    registry: dict[str, Department],
    mentions: list[Mention],
    province: Province | None,
    warnings: list[str],
    locality: str | None = None,
    referents: dict[tuple[int, int], str] | None = None,
) -> list[DepartmentMention]:
    """Resolve mentions into `registry` (name → Department) and return them with roles.

    A division brings its parent into the registry (DIVISION_OF needs both ends). An
    unknown mention is warned about once per document. `locality`: the city or county that
    issued the document (营口市), whose own bodies its text names by their level alone.
    `referents`: the body a self-reference (我局) at a mention's span refers to.
    """
    out: dict[tuple[str, str], DepartmentMention] = {}
    listed, joint = _listed_prefixes(mentions)
    shared = _shared_suffixes(mentions) | (referents or {})
    for m in mentions:
        # 虎林市、同江市市场监管局: the place written alone names its own 市场监管局; 我局 names
        # the body it refers to
        resolved = resolve(shared.get((m.start, m.end), m.text), province)
        if not resolved.known and (prefix := listed.get((m.start, m.end))):
            # 省农业厅、商务厅、卫生厅: a name written without the level prefix of the list it
            # stands in is that level's body (the mention stays as written); a sector named
            # bare after 会同/联合 (县畜牧局联合公安、食药等部门), that level's body of the sector
            unit = sector_unit(m.text, prefix, (m.start, m.end) in joint)
            inherited = resolve(prefix + m.text + (unit or ""), province)
            resolved = inherited if inherited.known else resolved
            if unit is not None and not inherited.known:  # (县食药局 → its full name)
                written = prefix + m.text + unit
                resolved = ResolvedDepartment(
                    expanded_below_province(local_name(written, locality) or written),
                    None, "local", known=False,
                )  # fmt: skip
        if not resolved.known and (local := local_name(m.text, locality)):
            resolved = ResolvedDepartment(
                expanded_below_province(local), None, "local", known=False
            )
        if resolved.name not in registry:
            registry[resolved.name] = Department(
                name=resolved.name,
                kind=resolved.kind,
                level=resolved.level,
                parent=resolved.parent,
                successor=resolved.successor,
            )
            if not resolved.known:
                where = province.name if province else "no province"
                warnings.append(
                    f"department {m.text!r} (at {m.start}) is not in the department vocabulary "
                    f"(data/reference/departments.yaml); kept as written, scoped to {where}"
                )
        if resolved.parent and resolved.parent not in registry:
            parent = resolve(resolved.parent, province)
            registry[parent.name] = Department(
                name=parent.name, kind=parent.kind, level=parent.level, parent=parent.parent
            )
        dept = registry[resolved.name]
        if m.text not in dept.mentions:
            dept.mentions.append(m.text)
        out.setdefault(
            (resolved.name, m.role),
            DepartmentMention(name=resolved.name, mention=m.text, role=m.role),
        )
    return list(out.values())


def _listed_prefixes(
    mentions: list[Mention],
) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]]]:
    """(start, end) → the level prefix of the list a mention stands in: the prefix of the
    nearest name before it that has one (a place opening a lead: 固始县 of 固始县畜牧局), through
    names joined by one separator (、，) or by 会同/联合 (a lead, then its supporters two to six
    characters on: A会同B, A将进一步联合B); and the spans of the names after 会同/联合."""
    out: dict[tuple[int, int], str] = {}
    joint: set[tuple[int, int]] = set()
    prefix: str | None = None
    prev: Mention | None = None
    after_joiner = False
    for m in sorted(mentions, key=lambda x: x.start):
        if (
            prev is not None
            and prev.role == "lead"
            and m.role == "support"
            and (2 <= m.start - prev.end <= 6)
        ):
            after_joiner = True  # A会同B, A要会同B, A将进一步联合B
            prefix = place_of(prev.text) or prefix  # 固始县畜牧局联合公安: 固始县's
        elif prev is None or not 0 <= m.start - prev.end <= 1:
            prefix, after_joiner = None, False
        if prefix and not shared_prefix(m.text):
            out[(m.start, m.end)] = prefix
            if after_joiner:
                joint.add((m.start, m.end))
        prefix = shared_prefix(m.text) or prefix
        prev = m
    return out, joint


def sector_unit(name: str, prefix: str, joint: bool) -> str | None:
    """The unit word a sector named bare after 会同/联合 takes at the level of `prefix`
    (公安 → 厅 for a province, 局 below it; 卫健 → 委; "" where the sector's word is a body's
    name already: 检察院), None for any other name."""
    forms = pattern_file("departments.yaml")["forms"]
    if not joint or name not in forms["sectors"] + forms["sector_short"]:
        return None
    if name.endswith(tuple(forms["suffixes"])):
        return ""  # a body's own name among the sectors (检察院, 法院, 纪委监委): no unit to add
    units = forms["sector_units"]
    county = prefix.endswith(("县", "区", "旗")) and not prefix.endswith("自治区")
    if name in units["committees"] and not county:
        return "委"  # (a county's 卫生健康局, 发展和改革局: 局 below the city)
    provincial = prefix.startswith(("省", "自治区")) or prefix.endswith(("省", "自治区"))
    return "厅" if provincial and name not in units["province_bureaus"] else "局"


def _shared_suffixes(mentions: list[Mention]) -> dict[tuple[int, int], str]:
    """(start, end) → the full name of a place written alone before a body it shares the
    kind of (虎林市 in 虎林市、同江市市场监管局 → 虎林市市场监管局): places joined by one
    separator up to a body opening with a place."""
    out: dict[tuple[int, int], str] = {}
    run: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if run and not 0 <= m.start - run[-1].end <= 1:
            run = []
        if known_place(m.text):
            run.append(m)
            continue
        if run and (place := place_of(m.text)):
            for bare in run:
                out[(bare.start, bare.end)] = bare.text + m.text[len(place) :]
        run = []
    return out
