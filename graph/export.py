"""The graph as networkx, and in the files other tools read: GraphML, GEXF, node-link JSON,
Neo4j bulk-import CSV.

Pure functions over the GraphStore protocol: `to_networkx` reads every node and
relationship with portable Cypher (plain values and maps, never driver node objects),
the writers only see the networkx graph. Node ids are stable, `<Label>:<key>` (key from
graph.model.NODE_KEYS); every node has `label` (its Neo4j label) and all its properties,
every edge has `type` (the relationship type) and all its properties.

GraphML and GEXF accept only scalar attribute values, so lists (e.g. Indicator.topics)
are written as JSON strings; the graph says which (GraphML: graph attribute
`json_encoded`; GEXF: the meta description). GEXF also reserves some attribute names for
itself (`id`, `label`, `start`, `end` … used for node identity and dynamics): in GEXF the
node label is a display name, the Neo4j label is `node_label`, the edge label is the
relationship type, and the reserved properties are renamed `prop_<name>` (listed in the
description). Chinese text is written as UTF-8 characters, never escaped.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx
from policykg.graph.model import NODE_KEYS
from policykg.graph.neo4j_csv import neo4j_csv_files
from policykg.graph.store import GraphStore

from policykg.errors import InputError

# format → (media type, file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "graphml": ("application/graphml+xml; charset=utf-8", ".graphml"),
    "gexf": ("application/gexf+xml; charset=utf-8", ".gexf"),
    "json": ("application/json; charset=utf-8", ".json"),
    "neo4j-csv": ("application/zip", ".zip"),
}

# One column per distinct key property, so one query serves every label.
_KEY_PROPS = sorted(set(NODE_KEYS.values()))
# Summary nodes (graph/summaries.py) are counts kept for the queries, not the graph itself.
_NODES = "MATCH (n) WHERE NOT n:Summary RETURN labels(n)[0] AS label, properties(n) AS props"
_SUMMARIES = "MATCH (s:Summary) RETURN properties(s) AS props"
_RELS = (
    "MATCH (a)-[r]->(b) RETURN labels(a)[0] AS a_label, "
    + ", ".join(f"a.{k} AS a_{k}" for k in _KEY_PROPS)
    + ", type(r) AS type, properties(r) AS props, labels(b)[0] AS b_label, "
    + ", ".join(f"b.{k} AS b_{k}" for k in _KEY_PROPS)
)

# Names GEXF itself interprets on nodes and edges (identity, dynamics, drawing).
_GEXF_NODE_RESERVED = {"id", "label", "pid", "start", "end", "parents", "spells", "slices", "viz"}
_GEXF_EDGE_RESERVED = {"id", "key", "label", "weight", "type", "start", "end", "spells", "slices", "viz"}  # fmt: skip
_CHUNK = 1 << 16
_DISPLAY = ("name", "title", "name_zh", "indicator", "text")


def node_id(label: str, key: Any) -> str:
    return f"{label}:{key}"


# --------------------------------------------------------------------------- store → networkx


def to_networkx(
    store: GraphStore,
    *,
    provinces: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
    summaries: bool = False,
) -> nx.MultiDiGraph:
    """The whole graph, or the slice of some provinces (full names) and/or topics (keys).

    provinces: their documents and everything reachable from them (measures, targets,
    departments, programs, topics addressed, indicators, references, regions, the
    provinces). topics: measures and targets addressing the topics (narrower topics
    included) with their documents, departments and provinces. Both: the intersection.
    summaries: with the whole graph, its Summary nodes too (graph/summaries.py): what a
    neo4j-admin import needs to answer the named queries; never in a slice, whose counts
    they are not.
    """
    provinces, topics = _check_filters(provinces, topics)
    g = nx.MultiDiGraph(source="policykg")
    for label, props in store.read(_NODES).rows:
        key = props.get(NODE_KEYS.get(label, "id"))
        g.add_node(node_id(label, key), **{**props, "label": label})
    n = len(_KEY_PROPS)
    for row in store.read(_RELS).rows:
        a_label, a_keys = row[0], dict(zip(_KEY_PROPS, row[1 : 1 + n], strict=True))
        rtype, props, b_label = row[1 + n], row[2 + n], row[3 + n]
        b_keys = dict(zip(_KEY_PROPS, row[4 + n :], strict=True))
        u = node_id(a_label, a_keys[NODE_KEYS.get(a_label, "id")])
        v = node_id(b_label, b_keys[NODE_KEYS.get(b_label, "id")])
        key, i = rtype, 1
        while g.has_edge(u, v, key):  # parallel relationships of one type (e.g. roles)
            i += 1
            key = f"{rtype}#{i}"
        g.add_edge(u, v, key=key, **{**props, "type": rtype})
    if summaries and not provinces and not topics:
        for (props,) in store.read(_SUMMARIES).rows:
            g.add_node(node_id("Summary", props["key"]), **{**props, "label": "Summary"})
    if provinces:
        g = _province_slice(g, provinces)
    if topics:
        g = _topic_slice(g, topics)
    g.graph["filters"] = json.dumps({"provinces": provinces, "topics": topics}, ensure_ascii=False)
    return g


def _check_filters(
    provinces: Iterable[str] | None, topics: Iterable[str] | None
) -> tuple[list[str], list[str]]:
    from policykg.graph.queries import enum_values

    out = []
    for name, given in (("provinces", provinces), ("topics", topics)):
        given = [given] if isinstance(given, str) else given or []  # one name, not its characters
        values = [v.strip() for v in given if v and v.strip()]
        allowed = enum_values(name)
        bad = [v for v in values if v not in allowed]
        if bad:
            hint = "full names such as 上海市" if name == "provinces" else "topic keys such as udi"
            raise InputError(
                f"unknown {name[:-1]} {', '.join(repr(b) for b in bad)}: use {hint} "
                f"(allowed: {', '.join(allowed)})"
            )
        out.append(values)
    return out[0], out[1]


def _out(g: nx.MultiDiGraph, nodes: Iterable[str], types: set[str]) -> set[str]:
    return {v for n in nodes for _, v, t in g.out_edges(n, data="type") if t in types}


def _in(g: nx.MultiDiGraph, nodes: Iterable[str], types: set[str]) -> set[str]:
    return {u for n in nodes for u, _, t in g.in_edges(n, data="type") if t in types}


def _province_slice(g: nx.MultiDiGraph, names: list[str]) -> nx.MultiDiGraph:
    provs = {
        n for n, d in g.nodes(data=True) if d["label"] == "Province" and d.get("name") in names
    }
    docs = _out(g, provs, {"ISSUED"})
    parts = _out(g, docs, {"CONTAINS", "SETS", "ESTABLISHES", "CITES"})
    linked = _out(g, parts, {"RESPONSIBLE", "ADDRESSES", "MENTIONS", "COOPERATES_IN", "TRACKS"})
    depts = {n for n in linked if g.nodes[n]["label"] == "Department"}
    depts |= _in(g, provs, {"BELONGS_TO"})
    depts |= _out(g, depts, {"DIVISION_OF"})
    regions = _out(g, provs, {"MEMBER_OF"})
    keep = provs | docs | parts | linked | depts | regions
    return nx.MultiDiGraph(g.subgraph(keep))


def _topic_slice(g: nx.MultiDiGraph, keys: list[str]) -> nx.MultiDiGraph:
    from policykg.ingest.vocab import topic_narrower

    wanted = set(keys).union(*(topic_narrower(k) for k in keys))
    topics = {node_id("Topic", k) for k in wanted} & set(g)
    parts = _in(g, topics, {"ADDRESSES"})
    docs = _in(g, parts, {"CONTAINS", "SETS"})
    depts = _out(g, parts, {"RESPONSIBLE"})
    provs = _in(g, docs, {"ISSUED"})
    return nx.MultiDiGraph(g.subgraph(topics | parts | docs | depts | provs))


# --------------------------------------------------------------------------- scalar-only copies


def _scalar(value: Any) -> tuple[Any, bool]:
    """A value GraphML/GEXF can hold, and whether it had to be JSON-encoded."""
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False), True
    return value, False


def _display(data: dict[str, Any], fallback: str) -> str:
    for name in _DISPLAY:
        if data.get(name):
            return str(data[name])[:60]
    return fallback


def for_graphml(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with lists/dicts as JSON strings and no None values."""
    out, encoded = nx.MultiDiGraph(), set()
    for n, data in g.nodes(data=True):
        attrs = {}
        for k, v in data.items():
            if v is not None:
                attrs[k], enc = _scalar(v)
                encoded |= {k} if enc else set()
        out.add_node(n, **attrs)
    for u, v, key, data in g.edges(keys=True, data=True):
        attrs = {}
        for k, val in data.items():
            if val is not None:
                attrs[k], enc = _scalar(val)
                encoded |= {k} if enc else set()
        out.add_edge(u, v, key=key, **attrs)
    out.graph.update({k: _scalar(v)[0] for k, v in g.graph.items() if v is not None})
    out.graph["json_encoded"] = ",".join(sorted(encoded))
    return out


def for_gexf(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A GraphML-safe copy with GEXF's reserved names moved out of the way."""
    s = for_graphml(g)
    out, renamed = nx.MultiDiGraph(), set()
    for n, data in s.nodes(data=True):
        attrs = {
            (f"prop_{k}" if k in _GEXF_NODE_RESERVED else k): v
            for k, v in data.items()
            if k != "label"
        }
        renamed |= {k for k in data if k in _GEXF_NODE_RESERVED and k != "label"}
        out.add_node(n, **attrs, node_label=data.get("label", ""), label=_display(data, n))
    for u, v, key, data in s.edges(keys=True, data=True):
        attrs = {(f"prop_{k}" if k in _GEXF_EDGE_RESERVED else k): x for k, x in data.items()}
        renamed |= {k for k in data if k in _GEXF_EDGE_RESERVED and k != "type"}
        attrs.pop("prop_type", None)
        out.add_edge(u, v, key=key, **attrs, label=data.get("type", ""))
    out.graph["description"] = (
        "policykg export. Node label: display name; Neo4j label in node_label; edge label: "
        f"relationship type. JSON-encoded attributes: {s.graph['json_encoded'] or 'none'}. "
        f"Renamed (GEXF reserves the name): {', '.join(f'{k} → prop_{k}' for k in sorted(renamed)) or 'none'}. "
        f"Filters: {s.graph.get('filters', '{}')}"
    )
    return out


# --------------------------------------------------------------------------- serialisers


def node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link data, readable with `networkx.node_link_graph(data, edges="links")`."""
    return nx.node_link_data(g, edges="links")


def iter_export(g: nx.MultiDiGraph, fmt: str) -> Iterator[bytes]:
    """The graph serialised in `fmt`, in chunks (for a streamed HTTP response)."""
    check_format(fmt)
    if fmt in ("graphml", "gexf"):
        # The file writers keep Chinese as UTF-8; networkx's generate_* escape it as &#…;.
        buf = io.BytesIO()
        if fmt == "graphml":
            nx.write_graphml(for_graphml(g), buf, encoding="utf-8", infer_numeric_types=True)
        else:
            nx.write_gexf(for_gexf(g), buf, encoding="utf-8")
        data = buf.getvalue()
        for i in range(0, len(data), _CHUNK):
            yield data[i : i + _CHUNK]
    elif fmt == "json":
        # iterencode yields tiny pieces (one per token): send them in 64 KiB chunks
        parts, size = [], 0
        for piece in json.JSONEncoder(ensure_ascii=False).iterencode(node_link(g)):
            parts.append(piece)
            size += len(piece)
            if size >= _CHUNK:
                yield "".join(parts).encode("utf-8")
                parts, size = [], 0
        yield "".join(parts).encode("utf-8")
    else:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, text in neo4j_csv_files(g).items():
                zf.writestr(name, text)
        yield buf.getvalue()


def write_export(g: nx.MultiDiGraph, fmt: str, path: Path) -> list[Path]:
    """Write `g` to `path` (a file; for neo4j-csv a folder). Returns the files written."""
    check_format(fmt)
    parent = path.parent if fmt != "neo4j-csv" or not path.exists() else path
    if not parent.is_dir():
        raise InputError(f"{path}: the folder {parent} does not exist; create it first")
    if fmt == "neo4j-csv":
        if path.exists() and not path.is_dir():
            raise InputError(f"{path}: neo4j-csv writes a folder of files; give a folder path")
        path.mkdir(exist_ok=True)
        written = []
        for name, text in neo4j_csv_files(g).items():
            (path / name).write_text(text, encoding="utf-8", newline="")
            written.append(path / name)
        (path / "import.sh").chmod(0o755)
        return written
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name such as export{FORMATS[fmt][1]}")
    with path.open("wb") as f:
        _copy(iter_export(g, fmt), f)
    return [path]


def _copy(chunks: Iterable[bytes], f: IO[bytes]) -> None:
    for chunk in chunks:
        f.write(chunk)


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
