"""The `policykg` command line: extract, ingest, stats, query, schema, serve, demo."""

from __future__ import annotations

import csv
import json
import logging
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from policykg.errors import PolicyKGError
from policykg.settings import get_settings
from policykg.stores import make_store

app = typer.Typer(help="Knowledge graph of cross-provincial drug-regulation policy in China.",
                  no_args_is_help=True, pretty_exceptions_enable=False)  # fmt: skip
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    err.print(message, markup=False, highlight=False, soft_wrap=True)  # one line per error
    raise typer.Exit(code)


@contextmanager
def open_store(backend: str | None = None):
    """The configured store, open; closed (its embedded server stopped) however we leave."""
    store = make_store(get_settings(), backend)
    try:
        store.open()
        yield store
    except PolicyKGError as e:
        fail(f"error: {e}")
    finally:
        store.close()


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM as Ctrl+C: unwinds through `finally`, so the store is closed and the
    # embedded server stopped (the default action would leave it running)
    raise KeyboardInterrupt


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    signal.signal(signal.SIGTERM, _terminate)  # `serve`: uvicorn installs its own


PROVINCE_HELP = (
    "Province of documents that name none (全名, e.g. 江苏省); national ones stay national"
)
MAX_MB_HELP = "Skip files larger than this many MB (default: POLICYKG_MAX_FILE_MB, 50)"


def _province(name: str | None):
    """The province --province names, or one clear error line."""
    if name is None:
        return None
    from policykg.ingest.vocab import province_by_name, provinces

    found = province_by_name(name)
    if found is None:
        fail(f"error: --province {name!r} is not a province in data/reference/provinces.yaml; "
             f"use a full name such as {provinces()[0].name} or 江苏省")  # fmt: skip
    return found


def _max_bytes(max_file_mb: float | None) -> int:
    mb = max_file_mb if max_file_mb is not None else get_settings().max_file_mb
    if mb <= 0:
        fail(f"error: --max-file-mb must be above 0 (got {mb:g})")
    return int(mb * 1_000_000)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Policy documents (.txt .md .html)")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print ExtractionRecords as JSON Lines")
    ] = False,
    province: Annotated[str | None, typer.Option("--province", help=PROVINCE_HELP)] = None,
    max_file_mb: Annotated[float | None, typer.Option("--max-file-mb", help=MAX_MB_HELP)] = None,
) -> None:
    """Extract the ExtractionRecord of each file (no database)."""
    from policykg.ingest.pipeline import extract_file

    given, max_bytes = _province(province), _max_bytes(max_file_mb)
    failed = 0
    for path in files:
        try:
            record = extract_file(path, given, max_bytes)
        except PolicyKGError as e:
            err.print(
                str(e) if str(e).startswith(str(path)) else f"{path}: {e}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
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
    province: Annotated[str | None, typer.Option("--province", help=PROVINCE_HELP)] = None,
    max_file_mb: Annotated[float | None, typer.Option("--max-file-mb", help=MAX_MB_HELP)] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Extraction worker processes (0: one per core; default POLICYKG_INGEST_JOBS)",
        ),
    ] = None,
) -> None:
    """Load documents into the graph (unchanged ones are skipped, changed ones replaced).
    A file that is not a policy document, unreadable or too large is named and skipped
    (exit status 1); a document stored without a province is named in a warning."""
    from policykg.ingestion import (
        collect_files,
        ingest_paths,
        start_workers,
        stop_workers,
        worker_count,
    )

    given, max_bytes = _province(province), _max_bytes(max_file_mb)
    files, _ = collect_files(paths)
    workers = worker_count(get_settings().ingest_jobs if jobs is None else jobs, len(files))
    if workers > 1:
        start_workers()  # the workers' warm-up overlaps the store's start
    with open_store() as store, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=err, disable=not sys.stderr.isatty(), transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("ingesting", total=len(files))
        summary = ingest_paths(store, paths, on_file=lambda p: progress.advance(task),
                               province=given, max_bytes=max_bytes, jobs=workers)  # fmt: skip
    if workers > 1:
        stop_workers()
    for path, warning in summary.warnings:
        err.print(f"{path}: warning: {warning}", markup=False, highlight=False, soft_wrap=True)
    for path, reason in summary.failed:
        err.print(f"{path}: {reason}", markup=False, highlight=False, soft_wrap=True)
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        typer.echo(f"added {len(summary.added)}, replaced {len(summary.replaced)}, "
                   f"unchanged {len(summary.unchanged)}, failed {len(summary.failed)}")  # fmt: skip
    if summary.failed:
        raise typer.Exit(1)


@app.command()
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


@app.command()
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


@app.command()
def queries() -> None:
    """List the named queries and their parameters."""
    from policykg.graph.queries import registry

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

    from policykg.api.app import create_app

    settings = get_settings()
    # Opened here first: a store that cannot open is one line, not uvicorn's traceback;
    # the app's own store shares its embedded server, stopped when both have closed.
    with open_store():
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


# The gold sets scored when `policykg evaluate` is given none, each reported separately:
# the seeds' gold, the real held-out documents (heldout_fresh: built after heldout_real had
# been worked on; heldout_third: built after both had; heldout_fourth: built after all three had;
# heldout_fifth: built after all four had; heldout_sixth: built after all five had, tuned on
# from 817d845; heldout_seventh: built beside the sixth, tuned on from e6131c9; heldout_eighth:
# built from e6131c9 while the seventh was tuned on, tuned on from 5d79040; heldout_ninth:
# built from 320a493 beside the eighth, tuned on from 54158b4; heldout_tenth: built from
# 54158b4 beside the ninth, tuned on from 683fc07; heldout_eleventh: built from 6c73849 beside the
# tenth, tuned on from d770816; heldout_twelfth: built from 683fc07 beside the tenth, genre
# patterns its failure classes name worked on in stop 24, tuned on from c51e8a1; heldout_thirteenth:
# built from 5d3ecc8 beside the twelfth, tuned on from 80e1672; heldout_fourteenth: built from 80e1672 beside
# the thirteenth, untouched until e48b807, its failure classes (not its documents) read from then;
# heldout_fifteenth: built from 33c3a82 beside the fourteenth, untouched until a570a71, its failure classes (not its documents) read from 78e22eb;
# heldout_sixteenth: built from 05d4d7b, four reprints, tuned on from cf7044d;
# heldout_seventeenth: built from 05d4d7b beside the sixteenth, 13 documents (3 formal), tuned on from c1497bd;
# heldout_eighteenth: built by the integrator at a2491d0, tuned on from 559d30e;
# heldout_nineteenth: built by a helper from cf7044d, 13 documents (4 formal), tuned on from f6f5ea4;
# heldout_twentyfirst: annotated by the integrator at 97cc876, 9 documents (4 formal), tuned on from a5a87ce;
# heldout_twentysecond: built by a helper from b8f3870, 9 documents (7 formal), tuned on from 184764b;
# heldout_twentythird: annotated by the integrator at b02daa6, 7 reprints, tuned on from 54ee114;
# heldout_twentyfourth: built by a helper from f157ebc, 10 documents (1 formal), untouched until 677b111, tuned on from e0c01f3;
# heldout_twentyfifth: built by a helper from 3dc2e65, 11 documents (4 formal), tuned on from 50430b7;
# heldout_twentysixth: built by a helper from 3dc2e65, 12 documents (5 formal), tuned on from 50430b7;
# heldout_twentyseventh: built by a helper from 7445387, 13 documents (5 formal), untouched until 7864a62, tuned on from 100c662;
# heldout_twentyeighth: built by a helper from 7445387, 16 documents (6 formal), untouched until 7864a62, tuned on from b748467;
# heldout_twentyninth: built by a helper from eea8a02, 11 documents (4 formal), untouched until f8c82f0, tuned on from b6c5e50;
# heldout_thirtieth: built by a helper from f8c82f0, 10 documents (2 formal), untouched until b6c5e50, tuned on from 5b93982;
# heldout_thirtyfirst: built by a helper from f8c82f0, 16 documents (8 formal), untouched until a7e2a6a, tuned on from dc51632;
# heldout_thirtysecond: built by a helper from f8c82f0, 13 documents (3 formal), untouched until ac7597c, tuned on from 5eb35a2;
# heldout_thirtythird: built by a helper from b6c5e50, 9 documents (2 formal), untouched until 72f3594 and tuned on from 5f952b1;
# heldout_thirtyfourth: built by a helper from b6c5e50, 15 documents (3 formal), untouched until bf83417, tuned on from 9b10bf0;
# heldout_thirtyfifth: built by a helper from dc51632, 8 documents (2 formal), untouched until 72f3594 and tuned on from 5f952b1;
# heldout_thirtysixth: built by a helper from dc51632, 9 documents (3 formal), untouched until 72f3594 and tuned on from 5f952b1;
# heldout_thirtyseventh: built by a helper from ac7597c, 8 documents (4 formal), untouched until 72f3594 and tuned on from 5f952b1;
# heldout_thirtyninth: built by a helper from 72f3594, 20 documents (9 formal), untouched until 5f952b1 (identical to its baseline) and tuned on from 18495e4;
# heldout_fortieth: built by a helper from 72f3594, 10 documents (7 formal), untouched until 5f952b1 (identical to its baseline) and tuned on from 18495e4;
# heldout_fortyfirst: built by a helper from 1ffbde4, 16 documents (7 formal), untouched until 18495e4 (identical to its baseline) and tuned on from e741613;
# heldout_fortysecond: built by a helper from 1ffbde4, 16 documents (2 formal), untouched until 18495e4 (overall 0.585 → 0.595, responsibility and targets identical) and tuned on from 91a2e7b;
# heldout_fortythird: built by a helper from 8f45ac3, 12 documents (7 formal), untouched until 53fa3f0 and tuned on from 0183f01;
# heldout_fortyfourth: built by a helper from 8f45ac3, 14 documents (8 formal), untouched until 53fa3f0 and tuned on from 0183f01;
# heldout_fortyfifth: built by a helper from 9ddb707, 15 documents (8 formal), untouched until aa6bf2f and tuned on from c2add85;
# heldout_fortysixth: built by a helper from 9ddb707, 11 documents (6 formal), untouched until 48a6f55 (identical to its baseline at aa6bf2f, c2add85 and 48a6f55) and tuned on from 8dc6990;
# heldout_fortyseventh: built by a helper from e1127a6, 13 documents (1 formal), untouched (identical to its baseline at 48a6f55, 8c4d86d, 2bfa4e7, 35f3281 and fa1fa3b);
# heldout_fortyeighth: built by a helper from e1127a6, 9 documents (1 formal), untouched until 48a6f55 (identical to its baseline) and tuned on from 8dc6990;
# heldout_fortyninth: built by a helper from 021083b, 11 documents (2 formal), untouched until 7db8a5a (identical), tuned on from b3f6800;
# heldout_fiftieth: built by a helper from 021083b, 14 documents (6 formal), untouched until 17823f2 (identical to its baseline), tuned on from 17823f2;
# heldout_fiftyfirst: built by a helper from 48a6f55, 13 documents (0 formal), untouched (identical to its baseline at 8c4d86d, 2bfa4e7, 35f3281 and c8ca2e5; 0.834 at fa1fa3b, one more spurious pair);
# heldout_fiftysecond: built by a helper from 48a6f55, 15 documents (5 formal), untouched until 7db8a5a (identical), tuned on from b3f6800;
# heldout_fiftythird: built by a helper from 7db8a5a, 12 documents (4 formal), untouched until 17823f2 (identical to its baseline), tuned on from 17823f2;
# heldout_fiftyfourth: built by a helper from 7db8a5a, 15 documents (4 formal), untouched until 330156a (identical), tuned on from 1aa50fa;
# heldout_fiftyfifth: built by a helper from 7db8a5a, 12 documents (3 formal), untouched until 330156a (identical), tuned on from ba24bf6;
# heldout_fiftysixth: built by a helper from 330156a, 10 documents (1 formal), untouched until 17823f2 (identical to its baseline), tuned on from 17823f2;
# heldout_fiftyseventh: built by a helper from 330156a, 15 documents (1 formal), untouched (identical to its baseline at 2bfa4e7, 35f3281 and fa1fa3b);
# heldout_fiftyninth: built by a helper from 17823f2, 14 documents (1 formal), untouched until b551609 (identical to its baseline), tuned on from b551609;
# heldout_sixtieth: built by a helper from 17823f2, 14 documents (1 formal), untouched until b551609 (identical to its baseline), tuned on from b551609;
# heldout_fiftyeighth: built by a helper from 17823f2, 15 documents (6 formal), untouched until b551609 (identical to its baseline), tuned on from b551609;
# heldout_sixtyfirst: built by a helper from b551609, 15 documents (7 formal), untouched until c8ca2e5 (identical to its baseline at 35f3281 and c8ca2e5), tuned on from c8ca2e5;
# heldout_sixtysecond: built by a helper from b551609, 15 documents (2 formal), untouched until c8ca2e5 (identical to its baseline at 35f3281 and c8ca2e5), tuned on from c8ca2e5;
# heldout_sixtythird: built by a helper from b551609, 13 documents (4 formal), untouched until c8ca2e5 (identical to its baseline at 35f3281 and c8ca2e5), tuned on from c8ca2e5;
# heldout_sixtyfourth: built by a helper from c8ca2e5, 15 documents (0 formal), untouched (0.931 → 0.937 at fa1fa3b);
# heldout_sixtyfifth: built by a helper from c8ca2e5, 15 documents (2 formal), untouched until fb664e0 (identical to its baseline), tuned on from fb664e0;
# heldout_sixtysixth: built by a helper from c8ca2e5, 15 documents (3 formal), untouched (identical to its baseline at fa1fa3b);
# heldout_sixtyseventh: built by a helper from 8f36b44, 14 documents (2 formal), untouched (its baseline);
# heldout_sixtyeighth: built by a helper from 8f36b44, 15 documents (4 formal), untouched (its baseline);
# heldout_seventieth: built by a helper from 18560ba, 10 documents (2 formal), untouched (its baseline);
# heldout_sixtyninth: built by a helper from 18560ba, 15 documents (3 formal), untouched (its baseline)),
# the team's synthetic held-out documents.
GOLD_SETS = (
    "tests/gold",
    "tests/heldout_real",
    "tests/heldout_fresh",
    "tests/heldout_third",
    "tests/heldout_fourth",
    "tests/heldout_fifth",
    "tests/heldout_sixth",
    "tests/heldout_seventh",
    "tests/heldout_eighth",
    "tests/heldout_ninth",
    "tests/heldout_tenth",
    "tests/heldout_eleventh",
    "tests/heldout_twelfth",
    "tests/heldout_thirteenth",
    "tests/heldout_fourteenth",
    "tests/heldout_fifteenth",
    "tests/heldout_sixteenth",
    "tests/heldout_seventeenth",
    "tests/heldout_eighteenth",
    "tests/heldout_nineteenth",
    "tests/heldout_twentyfirst",
    "tests/heldout_twentysecond",
    "tests/heldout_twentythird",
    "tests/heldout_twentyfourth",
    "tests/heldout_twentyfifth",
    "tests/heldout_twentysixth",
    "tests/heldout_twentyseventh",
    "tests/heldout_twentyeighth",
    "tests/heldout_twentyninth",
    "tests/heldout_thirtieth",
    "tests/heldout_thirtyfirst",
    "tests/heldout_thirtysecond",
    "tests/heldout_thirtythird",
    "tests/heldout_thirtyfourth",
    "tests/heldout_thirtyfifth",
    "tests/heldout_thirtysixth",
    "tests/heldout_thirtyseventh",
    "tests/heldout_thirtyninth",
    "tests/heldout_fortieth",
    "tests/heldout_fortyfirst",
    "tests/heldout_fortysecond",
    "tests/heldout_fortythird",
    "tests/heldout_fortyfourth",
    "tests/heldout_fortyfifth",
    "tests/heldout_fortysixth",
    "tests/heldout_fortyseventh",
    "tests/heldout_fortyeighth",
    "tests/heldout_fortyninth",
    "tests/heldout_fiftieth",
    "tests/heldout_fiftyfirst",
    "tests/heldout_fiftysecond",
    "tests/heldout_fiftythird",
    "tests/heldout_fiftyfourth",
    "tests/heldout_fiftyfifth",
    "tests/heldout_fiftysixth",
    "tests/heldout_fiftyseventh",
    "tests/heldout_fiftyninth",
    "tests/heldout_sixtieth",
    "tests/heldout_fiftyeighth",
    "tests/heldout_sixtyfirst",
    "tests/heldout_sixtysecond",
    "tests/heldout_sixtythird",
    "tests/heldout_sixtyfourth",
    "tests/heldout_sixtyfifth",
    "tests/heldout_sixtysixth",
    "tests/heldout_sixtyseventh",
    "tests/heldout_sixtyeighth",
    "tests/heldout_seventieth",
    "tests/heldout_sixtyninth",
    "tests/heldout",
)


@app.command()
def evaluate(
    gold: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Gold files or folders, each scored separately "
            f"(default: {', '.join(GOLD_SETS)} where present)"
        ),
    ] = None,  # fmt: skip
    corpus: Annotated[
        Path | None,
        typer.Option(help="Folder of the gold files' sources (default: bundled corpus)"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
) -> None:
    """Score the extractor against gold annotations: P/R/F1 per entity type and per document,
    role accuracy (responsibility), targets found and value accuracy, metadata fields right."""
    from policykg.evaluation.gold import gold_files
    from policykg.evaluation.report import format_report
    from policykg.evaluation.score import evaluate as score_documents
    from policykg.evaluation.score import load_gold
    from policykg.ingest.pipeline import extract_file
    from policykg.resources import data_path

    sets = gold or [Path(g) for g in GOLD_SETS if Path(g).is_dir()]
    if not sets:
        fail(f"error: no gold given and none of {', '.join(GOLD_SETS)} here; name gold files")
    corpus_dir = corpus or data_path("corpus")
    reports = {}
    for gold_set in sets:
        golds, records = [], {}
        try:
            for file in gold_files(gold_set):
                for doc in load_gold(file):
                    source = next((d / doc.source for d in (file.parent, corpus_dir)
                                   if (d / doc.source).is_file()), None)  # fmt: skip
                    if source is None:
                        fail(f"error: {file}: source '{doc.source}' is neither next to the gold "
                             f"file nor in {corpus_dir} (use --corpus DIR)")  # fmt: skip
                    golds.append(doc)
                    records[doc.source] = extract_file(source)
        except PolicyKGError as e:
            fail(f"error: {e}")
        if not golds:
            fail(f"error: {gold_set}: no gold files (*.json) found")
        reports[str(gold_set)] = score_documents(golds, records)
    if as_json:
        if len(reports) == 1:
            typer.echo(next(iter(reports.values())).model_dump_json(indent=1))
        else:
            typer.echo("{" + ",".join(f"{json.dumps(k)}: {r.model_dump_json(indent=1)}"
                                      for k, r in reports.items()) + "}")  # fmt: skip
        return
    for name, report in reports.items():
        typer.echo(format_report(report, title=name if len(reports) > 1 else None))


@app.command("export")
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


if __name__ == "__main__":
    app()
