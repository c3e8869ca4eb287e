"""`policykg stats`, `query`, `queries`, `schema` and `export`: the graph read out — counted
or hashed, asked a named query (or the list of them), its DDL, or exported whole or in slices.

Separate because these commands only read the graph (or, for `schema`, the backend's DDL)
and print or write it; none of them extracts or serves."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from policykg.commands.common import fail, open_store
from policykg.errors import PolicyKGError
from policykg.settings import get_settings
from policykg.stores import make_store


def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON")] = False,
    fingerprint: Annotated[
        bool,
        typer.Option(
            "--fingerprint", help="Print a hash of the whole graph (equal iff same content)"
        ),
    ] = False,
) -> None:
    """Count nodes per label and relationships per type (or hash the whole graph)."""
    from policykg.graph.fingerprint import graph_fingerprint
    from policykg.ingestion import graph_stats

    with open_store() as store:
        try:
            result = graph_fingerprint(store) if fingerprint else graph_stats(store)
        except PolicyKGError as e:
            fail(f"error: {e}")
    if fingerprint:
        if as_json:
            typer.echo(json.dumps(result, sort_keys=True))
        else:
            typer.echo(f"{result['sha256']}  {result['nodes']} nodes, "
                       f"{result['relationships']} relationships")  # fmt: skip
        return
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, sort_keys=True))
        return
    for kind, counts in result.items():
        typer.echo(f"{kind}:")
        for name, n in counts.items():
            typer.echo(f"  {name:<16}{n:>8}")


def query(
    name: Annotated[str, typer.Argument(help="A named query (see `policykg queries`)")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="k=v, repeatable")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | csv | table")] = "table",
) -> None:
    """Run a named query from queries/ with parameters."""
    from policykg.graph.queries import enum_values, get_query, page_of

    given = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            fail(f"error: --param '{item}' must look like name=value")
        given[key.strip()] = value
    try:
        named = get_query(name)
        bound = named.bind(given, enum_values)
    except PolicyKGError as e:
        fail(f"error: {e}")
    settings = get_settings()
    with open_store() as store:
        try:
            result = store.read(named.cypher, bound, timeout_ms=settings.query_timeout_ms)
        except PolicyKGError as e:
            fail(f"error: {e}")
    # a paged query (-p limit=N -p offset=M) carries the whole answer's total: not a column
    columns, rows = result.columns, result.rows
    if named.paged:
        columns, rows, _ = page_of(columns, rows)
    _print_result(columns, rows, fmt)


def _print_result(columns: list[str], rows: list[list], fmt: str) -> None:
    if fmt == "json":
        typer.echo(
            json.dumps(
                [dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=1
            )
        )
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for r in rows:
            writer.writerow(
                [json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for v in r]
            )
    else:
        typer.echo("\t".join(columns))
        for r in rows:
            typer.echo(
                "\t".join(
                    json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else str(v)
                    for v in r
                )
            )


def queries() -> None:
    """List the named queries and their parameters."""
    from policykg.graph.queries import registry

    for q in registry().values():
        params = ", ".join(
            f"{p.name}:{p.type}" + ("*" if p.required else f"={p.default}") for p in q.params
        )
        typer.echo(f"{q.name}({params})\n    {q.description}")


def schema(backend: Annotated[str, typer.Option(help="falkordb | neo4j")] = "falkordb") -> None:
    """Print the backend's DDL statements separated by ';'."""
    if backend not in ("falkordb", "neo4j"):
        fail("error: --backend must be falkordb or neo4j")
    store = make_store(get_settings(), backend)
    typer.echo(";\n".join(store.schema_statements()) + ";")


def export_graph(
    fmt: Annotated[str, typer.Option("--format", "-f", help="graphml | gexf | json | neo4j-csv")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write (neo4j-csv: a folder)")
    ],
    province: Annotated[
        list[str] | None, typer.Option(help="Only this province (full name); repeatable")
    ] = None,
    topic: Annotated[
        list[str] | None, typer.Option(help="Only this topic key (narrower included); repeatable")
    ] = None,
) -> None:
    """Export the graph, or a slice, for networkx, Gephi, or neo4j-admin import."""
    from policykg.graph.export import check_format, to_networkx, write_export

    try:
        check_format(fmt)
    except PolicyKGError as e:
        fail(f"error: {e}")
    with open_store() as store:
        try:
            # a whole-graph neo4j-csv export carries the summaries: the imported database
            # answers the named queries without an ingest
            graph = to_networkx(store, provinces=province, topics=topic,
                                summaries=fmt == "neo4j-csv")  # fmt: skip
            written = write_export(graph, fmt, output)
        except PolicyKGError as e:
            fail(f"error: {e}")
    summaries = sum(1 for _, label in graph.nodes(data="label") if label == "Summary")
    counts = f" and {summaries} summaries" if summaries else ""
    typer.echo(f"wrote {graph.number_of_nodes() - summaries} nodes, {graph.number_of_edges()} "
               f"relationships{counts} as {fmt} to {output} ({len(written)} file(s))")  # fmt: skip
