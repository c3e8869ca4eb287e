"""A document's contribution to the write-time summaries (graph/summaries.py), counted in
Python from the rows the writer sends: the same counts the summaries' Cypher sources take
from the graph (tests/graph/test_summaries.py compares a load with a rebuild), so that a
first load asks the engine only about the shared nodes another document made."""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from policykg.graph.model import DocumentGraph
from policykg.graph.reference import reference_graph

# Relationships between nodes no single document owns (counted anew after each write) and
# those of the reference data (counted when it loads).
SHARED_RELS = (
    ("BELONGS_TO", "Department", "Province"),
    ("DIVISION_OF", "Department", "Department"),
)
REFERENCE_RELS = (("MEMBER_OF", "Province", "Region"), ("BROADER", "Topic", "Topic"))

# counters of a province × topic cell (`part: 'items'`): measures and targets, each once
STATEMENTS = ("commitment", "background", "vision", "safeguard")
ITEM_COUNTS = ("n", "committing", "mentions", "targets", *STATEMENTS)


@cache
def _reference() -> tuple[dict[str, str], dict[str, frozenset[str]], frozenset[str]]:
    """Province code → name, topic → itself and its broader topics up to 6 levels
    (what `[:BROADER*0..6]` reaches), and the leaf topics (no narrower topic: their
    `pt_closure` cell is their `pt_direct` cell), from the reference data the writer loads."""
    ref = reference_graph()
    names = {
        row["key"]: row["props"]["name"]
        for n in ref.nodes
        if n.label == "Province"
        for row in n.rows
    }
    topics = [row["key"] for n in ref.nodes if n.label == "Topic" for row in n.rows]
    up: dict[str, set[str]] = {t: set() for t in topics}
    for rels in ref.rels:
        if rels.type == "BROADER":
            for row in rels.rows:
                up.setdefault(row["from"], set()).add(row["to"])
    closure: dict[str, frozenset[str]] = {}
    for t in topics:
        seen, frontier = {t}, {t}
        for _ in range(6):
            frontier = {b for f in frontier for b in up.get(f, ())} - seen
            seen |= frontier
        closure[t] = frozenset(seen)
    broader = {b for ups in up.values() for b in ups}
    return names, closure, frozenset(t for t in topics if t not in broader)


def _merged(graph: DocumentGraph, label: str) -> dict[str, dict[str, Any]]:
    """The nodes of a label as the writer leaves them: one per key, props merged in order."""
    out: dict[str, dict[str, Any]] = {}
    for nodes in graph.nodes:
        if nodes.label == label:
            for row in nodes.rows:
                out.setdefault(row["key"], {}).update(row["props"])
    return out


def added_rows(
    graph: DocumentGraph,
) -> tuple[list[list[Any]], list[list[Any]], list[list[Any]], dict[str, list[dict[str, Any]]]]:
    """What a document adds to the `province`, `label` and `pt_*` summaries, computed from
    its rows (the same counts the Cypher sources take from the graph: tests/graph/
    test_summaries.py compares a load with a rebuild) and to the `rel` summaries; with the
    relationships whose end only the graph knows, by label. The rows are lists (`[key, kind,
    dims, n]` for `_APPLY_ROWS`; `_APPLY_PT`, `_APPLY_INDICATORS`): a list's parameter text is
    cheaper to make and to read than a map's."""
    names, closure, leaves = _reference()
    measures, targets = _merged(graph, "Measure"), _merged(graph, "Target")
    issued = [r["from"] for rels in graph.rels if rels.type == "ISSUED" for r in rels.rows]
    code = next((c for c in issued if c in names), "")
    pname = names.get(code, "")
    counts: dict[str, int] = {}
    dims: dict[str, tuple[str, dict[str, Any]]] = {}
    unsure: dict[str, list[dict[str, Any]]] = {}
    pt_rows: list[list[Any]] = []
    indicator_rows: list[list[Any]] = []

    def add(key: str, kind: str, d: dict[str, Any], n: int = 1) -> None:
        counts[key] = counts.get(key, 0) + n
        dims[key] = (kind, {k: v for k, v in d.items() if v is not None})

    add("label|Document", "label", {"node_label": "Document"})
    add("label|Measure", "label", {"node_label": "Measure"}, len(measures))
    add("label|Target", "label", {"node_label": "Target"}, len(targets))
    for what, n in (("measures", len(measures)), ("targets", len(targets))):
        add(
            f"doc|{graph.document_id}|{what}",
            "doc",
            {"document": graph.document_id, "what": what},
            n,
        )
    if code:
        commitments = sum(1 for p in measures.values() if p.get("statement") == "commitment")
        for what, n in (("documents", 1), ("measures", len(measures)),
                        ("commitments", commitments), ("targets", len(targets))):  # fmt: skip
            add(f"province|{code}|{what}", "province", {"province": code, "what": what}, n)
    addressed: dict[str, set[str]] = {}
    for rels in graph.rels:
        if rels.type == "ADDRESSES":
            for row in rels.rows:
                if row["to"] in closure:
                    addressed.setdefault(row["from"], set()).add(row["to"])
    # (scope, topic) → the cell's counters (ITEM_COUNTS order); (scope, topic, indicator)
    # → targets, each item once
    cells: dict[tuple[str, str], list[int]] = {}
    indicators: Counter[tuple[str, str, Any]] = Counter()
    at = {c: i for i, c in enumerate(ITEM_COUNTS)}
    for part, items in (("measure", measures), ("target", targets)):
        for item, props in items.items():
            direct = addressed.get(item)
            if not direct:
                continue
            commits = props.get("commits") is True
            bumps = [at["n"]]
            if commits:
                bumps.append(at["committing"])
            indicator = None
            if part == "target":
                bumps.append(at["targets"])
                indicator = props.get("indicator_key")
                indicator = props.get("indicator") if indicator is None else indicator
            else:
                if not commits:
                    bumps.append(at["mentions"])
                if props.get("statement") in at:
                    bumps.append(at[props["statement"]])
            wider = set().union(*(closure[t] for t in direct))
            # a leaf topic's direct cell is its closure cell: only the closure is kept
            for scope, topics in (("direct", direct - leaves), ("closure", wider)):
                for topic in topics:
                    cell = cells.setdefault((scope, topic), [0] * len(ITEM_COUNTS))
                    for b in bumps:
                        cell[b] += 1
                    if indicator is not None:
                        indicators[(scope, topic, indicator)] += 1
    # indicator × province × year × unit × name as written: targets that track it
    tracked = {
        r["from"]: r["to"] for rels in graph.rels if rels.type == "TRACKS" for r in rels.rows
    }
    if code:
        for item, props in targets.items():
            if item in tracked:
                d = indicator_dims(tracked[item], code, pname, props)
                add(indicator_key(d), "indicator", d)
    # province × department × role: the measures and targets that name the department in
    # that role, each once (`province_profile` reads them)
    if code:
        named: dict[tuple[str, str], set[str]] = {}
        for rels in graph.rels:
            if rels.type == "RESPONSIBLE":
                for row in rels.rows:
                    if row["from"] in measures or row["from"] in targets:
                        role = row["props"].get("role") or ""
                        named.setdefault((row["to"], role), set()).add(row["from"])
        for (dep, role), naming in named.items():
            add(f"pdept|{code}|{dep}|{role}", "pdept",
                {"province": code, "department": dep, "role": role}, len(naming))  # fmt: skip
    # department: the measures (any role; lead; support) and targets that name it, and
    # those that name it with each wording, each once (`api_departments` reads them)
    per_dept: dict[tuple[str, str], set[str]] = {}
    for rels in graph.rels:
        if rels.type == "RESPONSIBLE":
            for row in rels.rows:
                item, dep = row["from"], row["to"]
                if item in measures:
                    whats = ["measures"]
                    role = row["props"].get("role")
                    if role in ("lead", "support"):
                        whats.append(role)
                elif item in targets:
                    whats = ["targets"]
                else:
                    continue
                mention = row["props"].get("mention")
                if mention is not None:
                    whats.append(f"mention|{mention}")
                for what in whats:
                    per_dept.setdefault((dep, what), set()).add(item)
    for (dep, what), naming in per_dept.items():
        d = {"department": dep, "what": what}
        if what.startswith("mention|"):
            d = {"department": dep, "what": "mention", "mention": what[len("mention|") :]}
        add(f"dept|{dep}|{what}", "dept", d, len(naming))
    for (scope, topic), counted in cells.items():
        kind = f"pt_{scope}"
        leaf = topic in leaves if scope == "closure" else None
        pt_rows.append([f"{kind}|{code}|{topic}|items", kind, code, pname, topic, *counted, leaf])
    for (scope, topic, indicator), n in indicators.items():
        kind = f"pt_{scope}"
        key = f"{kind}|{code}|{topic}|indicator|{indicator}"
        leaf = topic in leaves if scope == "closure" else None
        indicator_rows.append([key, kind, code, pname, topic, indicator, n, leaf])
    # relationships: one per (from, to, identity) as MERGE leaves them, where both ends
    # exist — the document's own nodes and the reference data's surely; a shared node
    # that only another document made, perhaps (`unsure`, looked up by the engine)
    own: dict[str, set[Any]] = {}
    for nodes in graph.nodes:
        own.setdefault(nodes.label, set()).update(row["key"] for row in nodes.rows)
    for rels in graph.rels:
        if (rels.type, rels.source, rels.target) in SHARED_RELS + REFERENCE_RELS:
            continue  # counted by shared_delta_statements / shared_statements
        key = f"rel|{rels.type}|{rels.source}|{rels.target}"
        seen: set[tuple] = set()
        found = 0
        for row in rels.rows:
            ident = (row["from"], row["to"], *[row["props"].get(p) for p in rels.identity])
            if ident in seen or _exists(own, rels.source, row["from"]) is False:
                continue
            seen.add(ident)
            there = _exists(own, rels.target, row["to"])
            if there:
                found += 1
            elif there is None:
                unsure.setdefault(rels.target, []).append(
                    {"key": key, "to": row["to"], "type": rels.type, "a": rels.source}
                )
        if found:
            add(key, "rel", {"type": rels.type, "from_label": rels.source,
                             "to_label": rels.target}, found)  # fmt: skip
    rows = [[k, dims[k][0], dims[k][1], n] for k, n in counts.items() if n]
    return rows, pt_rows, indicator_rows, unsure


INDICATOR_DIMS = ("year", "unit", "written")


def indicator_dims(indicator: str, code: str, pname: str, target: dict[str, Any]) -> dict[str, Any]:
    """The dimensions of a target's `indicator` summary (None: the target has no such value)."""
    return {"indicator": indicator, "province": code, "province_name": pname,
            "year": target.get("year"), "unit": target.get("unit"),
            "written": target.get("indicator")}  # fmt: skip


def indicator_key(dims: dict[str, Any]) -> str:
    """`indicator|KEY|CODE` and `|=value` per INDICATOR_DIMS (`|` alone: no value), as the
    Cypher source writes it (graph/summary_sources.py `_INDICATORS`)."""
    values = ["" if dims[k] is None else f"={dims[k]}" for k in INDICATOR_DIMS]
    return "|".join(["indicator", dims["indicator"], dims["province"], *values])


def _exists(own: dict[str, set[Any]], label: str, key: Any) -> bool | None:
    """Whether a node is in the graph once the document's rows (`own`: label → keys) are
    written: True, False, or None when only the graph can tell (a shared node the document
    does not write)."""
    if key in own.get(label, ()):
        return True
    if label in ("Province", "Region", "Topic"):
        return key in _reference_keys()[label]
    if label in ("Document", "Measure", "Target"):
        return False  # no other document's own node is ever linked to
    return None


@cache
def _reference_keys() -> dict[str, frozenset[Any]]:
    ref = reference_graph()
    return {n.label: frozenset(row["key"] for row in n.rows) for n in ref.nodes}
