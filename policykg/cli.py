"""The `policykg` command line: extract, ingest, stats, query, schema, serve, demo."""

from __future__ import annotations

import csv
import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from policykg.errors import PolicyKGError
from policykg.settings import get_settings
from policykg.stores import make_store

app = typer.Typer(help="Knowledge graph of cross-provincial drug-regulation policy in China.",
                  no_args_is_help=True, pretty_exceptions_enable=False)  # fmt: skip
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    err.print(message, markup=False, highlight=False)
    raise typer.Exit(code)


@contextmanager
def open_store(backend: str | None = None):
    store = make_store(get_settings(), backend)
    try:
        store.open()
        yield store
    except PolicyKGError as e:
        fail(f"error: {e}")
    finally:
        store.close()


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Policy documents (.txt .md .html)")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print ExtractionRecords as JSON Lines")
    ] = False,
) -> None:
    """Extract the ExtractionRecord of each file (no database)."""
    from ingest.pipeline import extract_file

    failed = 0
    for path in files:
        try:
            record = extract_file(path)
        except PolicyKGError as e:
            err.print(str(e) if str(e).startswith(str(path)) else f"{path}: {e}", markup=False)
            failed += 1
            continue
        if as_json:
            typer.echo(record.model_dump_json())
        else:
            d = record.document
            typer.echo(f"{path}: {d.province or '?'} | {d.title} | {d.doc_number or '-'} | issued {d.issued_date or '-'}"
                       f" | published {d.published_date or '-'} | {d.kind or '-'} | {len(record.measures)} measures,"
                       f" {len(record.targets)} targets, {len(record.departments)} departments,"
                       f" {len(record.warnings)} warnings")  # fmt: skip
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to load")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON")] = False,
) -> None:
    """Load documents into the graph (unchanged ones are skipped, changed ones replaced)."""
    from policykg.ingestion import collect_files, ingest_paths

    files, _ = collect_files(paths)
    with open_store() as store, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=err, disable=not sys.stderr.isatty(), transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("ingesting", total=len(files))
        summary = ingest_paths(store, paths, on_file=lambda p: progress.advance(task))
    for path, reason in summary.failed:
        err.print(f"{path}: {reason}", markup=False, highlight=False)
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        typer.echo(f"added {len(summary.added)}, replaced {len(summary.replaced)}, "
                   f"unchanged {len(summary.unchanged)}, failed {len(summary.failed)}")  # fmt: skip
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print as JSON")] = False) -> None:
    """Count nodes per label and relationships per type."""
    from policykg.ingestion import graph_stats

    with open_store() as store:
        result = graph_stats(store)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, sort_keys=True))
        return
    for kind, counts in result.items():
        typer.echo(f"{kind}:")
        for name, n in counts.items():
            typer.echo(f"  {name:<16}{n:>8}")


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A named query (see `policykg queries`)")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="k=v, repeatable")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | csv | table")] = "table",
) -> None:
    """Run a named query from queries/ with parameters."""
    from graph.queries import enum_values, get_query

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
    _print_result(result.columns, result.rows, fmt)


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


@app.command()
def queries() -> None:
    """List the named queries and their parameters."""
    from graph.queries import registry

    for q in registry().values():
        params = ", ".join(
            f"{p.name}:{p.type}" + ("*" if p.required else f"={p.default}") for p in q.params
        )
        typer.echo(f"{q.name}({params})\n    {q.description}")


@app.command()
def schema(backend: Annotated[str, typer.Option(help="falkordb | neo4j")] = "falkordb") -> None:
    """Print the backend's DDL statements separated by ';'."""
    if backend not in ("falkordb", "neo4j"):
        fail("error: --backend must be falkordb or neo4j")
    store = make_store(get_settings(), backend)
    typer.echo(";\n".join(store.schema_statements()) + ";")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind")] = None,
    port: Annotated[int | None, typer.Option(help="Port")] = None,
) -> None:
    """Serve the HTTP API on whatever the configured store holds."""
    import uvicorn

    from api.app import create_app

    settings = get_settings()
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port)


@app.command()
def demo(
    host: Annotated[str | None, typer.Option(help="Interface to bind")] = None,
    port: Annotated[int | None, typer.Option(help="Port")] = None,
) -> None:
    """Ingest the bundled corpus if the store is empty, then serve the API."""
    from policykg.ingestion import ingest_paths, store_is_empty
    from policykg.resources import data_path

    with open_store() as store:
        if store_is_empty(store):
            summary = ingest_paths(store, [data_path("corpus")])
            typer.echo(f"ingested the bundled corpus: {summary.as_dict()}")
    settings = get_settings()
    typer.echo(
        f"serving on http://{host or settings.host}:{port or settings.port} (Ctrl+C to stop)"
    )
    serve(host, port)


if __name__ == "__main__":
    app()
