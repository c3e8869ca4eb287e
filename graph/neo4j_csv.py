"""A networkx graph (as graph.export.to_networkx builds it) → Neo4j bulk-import CSV files.

The `neo4j-admin database import full` format: one nodes file per label with header
`<key>:ID(<Label>)`, typed properties (`year:long`, `value:double`, `cumulative:boolean`,
`topics:string[]`) and `:LABEL`; one relationships file per type and pair of labels
with `:START_ID(<Label>)`, `:END_ID(<Label>)`, `:TYPE` and typed properties. Each label
is its own ID space, so keys need only be unique within a label (as NODE_KEYS are).
An `import.sh` and a README with the neo4j-admin command come with the files.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Any

import networkx as nx
from policykg.graph.model import NODE_KEYS

# Array delimiters to try, in order: the first that no list element contains wins.
_ARRAY_DELIMITERS = (";", "|", "¦")
_STRUCTURAL_NODE = {"label"}
_STRUCTURAL_EDGE = {"type"}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, list | tuple):
        inner = {_type_of(v) for v in value}
        if inner <= {"long", "double"} and inner:
            return ("double" if "double" in inner else "long") + "[]"
        return ("boolean" if inner == {"boolean"} else "string") + "[]"
    return "string"


def _column_types(rows: list[dict[str, Any]]) -> dict[str, str]:
    """One Neo4j type per property: int+float → double, any other mix → string."""
    seen: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for k, v in row.items():
            if v is not None:
                seen[k].add(_type_of(v))
    out = {}
    for k, types in sorted(seen.items()):
        if len(types) == 1:
            out[k] = next(iter(types))
        elif types <= {"long", "double"}:
            out[k] = "double"
        elif types <= {"long[]", "double[]"}:
            out[k] = "double[]"
        else:
            out[k] = "string"
    return out


def _cell(value: Any, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if kind.endswith("[]"):
        items = value if isinstance(value, list | tuple) else [value]
        return delimiter.join(_cell(v, kind[:-2], delimiter) for v in items)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "string" and not isinstance(value, str):
        return (
            json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)
        )
    return repr(value) if isinstance(value, float) else str(value)


def _array_delimiter(g: nx.MultiDiGraph) -> str:
    texts = [
        str(x)
        for _, data in [*g.nodes(data=True), *((None, d) for *_, d in g.edges(data=True))]
        for v in data.values()
        if isinstance(v, list | tuple)
        for x in v
    ]
    for d in _ARRAY_DELIMITERS:
        if not any(d in t for t in texts):
            return d
    raise ValueError("every candidate array delimiter occurs inside a list value")


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def neo4j_csv_files(g: nx.MultiDiGraph) -> dict[str, str]:
    """File name → CSV text, plus import.sh and README.md."""
    delim = _array_delimiter(g)
    files: dict[str, str] = {}
    node_files, rel_files = [], []

    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, data in g.nodes(data=True):
        by_label[data["label"]].append(data)
    for label, nodes in sorted(by_label.items()):
        key = NODE_KEYS.get(label, "id")
        props = [{k: v for k, v in d.items() if k not in _STRUCTURAL_NODE | {key}} for d in nodes]
        types = _column_types(props)
        header = [f"{key}:ID({label})"]
        header += [k if t == "string" else f"{k}:{t}" for k, t in types.items()]
        header.append(":LABEL")
        rows = [
            [str(d[key]), *(_cell(p.get(k), t, delim) for k, t in types.items()), label]
            for d, p in zip(nodes, props, strict=True)
        ]
        name = f"nodes_{label}.csv"
        files[name] = _csv(header, rows)
        node_files.append(name)

    by_type: dict[tuple[str, str, str], list[tuple[str, str, dict]]] = defaultdict(list)
    for u, v, data in g.edges(data=True):
        a, b = g.nodes[u], g.nodes[v]
        by_type[(data["type"], a["label"], b["label"])].append((u, v, data))
    for (rtype, a_label, b_label), edges in sorted(by_type.items()):
        props = [{k: x for k, x in d.items() if k not in _STRUCTURAL_EDGE} for *_, d in edges]
        types = _column_types(props)
        header = [f":START_ID({a_label})", f":END_ID({b_label})"]
        header += [k if t == "string" else f"{k}:{t}" for k, t in types.items()]
        header.append(":TYPE")
        a_key, b_key = NODE_KEYS.get(a_label, "id"), NODE_KEYS.get(b_label, "id")
        rows = [
            [str(g.nodes[u][a_key]), str(g.nodes[v][b_key]),
             *(_cell(p.get(k), t, delim) for k, t in types.items()), rtype]
            for (u, v, _), p in zip(edges, props, strict=True)
        ]  # fmt: skip
        name = f"rels_{rtype}_{a_label}_{b_label}.csv"
        files[name] = _csv(header, rows)
        rel_files.append(name)

    files["import.sh"] = _import_script(node_files, rel_files, delim)
    files["README.md"] = _readme(g, by_label, by_type, delim)
    return files


def _import_script(node_files: list[str], rel_files: list[str], delim: str) -> str:
    args = [f'  --nodes="$HERE/{f}"' for f in node_files]
    args += [f'  --relationships="$HERE/{f}"' for f in rel_files]
    return (
        "#!/bin/sh\n"
        "# Load these files into a new, empty Neo4j 5 database (default name: neo4j).\n"
        "# Run on the Neo4j server with the DBMS stopped or the database absent:\n"
        "#   sh import.sh [database]\n"
        "# NEO4J_ADMIN names another neo4j-admin (default: the one on PATH).\n"
        "# Then start Neo4j and create constraints/indexes: policykg schema --backend neo4j\n"
        "set -e\n"
        'HERE="$(cd "$(dirname "$0")" && pwd)"\n'
        'DB="${1:-neo4j}"\n'
        '${NEO4J_ADMIN:-neo4j-admin} database import full "$DB" \\\n'
        "  --multiline-fields=true \\\n"
        f"  --array-delimiter='{delim}' \\\n" + " \\\n".join(args) + "\n"
    )


def _readme(g: nx.MultiDiGraph, by_label: dict, by_type: dict, delim: str) -> str:
    lines = [
        "# policykg — Neo4j bulk-import files",
        "",
        "Written by `policykg export --format neo4j-csv` for `neo4j-admin database import full`",
        "(Neo4j 5). Each label is its own ID space (`code:ID(Province)`, `id:ID(Measure)` …);",
        f"array properties use `{delim}` between items; text may span lines (hence",
        "`--multiline-fields=true`). Run `sh import.sh [database]` on the Neo4j server, then",
        "start the database and create the schema with `policykg schema --backend neo4j`.",
        "",
        f"Filters: {g.graph.get('filters', '{}')}",
        "",
        "| file | rows |",
        "|---|---|",
    ]
    lines += [f"| nodes_{label}.csv | {len(rows)} |" for label, rows in sorted(by_label.items())]
    lines += [
        f"| rels_{t}_{a}_{b}.csv | {len(rows)} |" for (t, a, b), rows in sorted(by_type.items())
    ]
    return "\n".join(lines) + "\n"
