"""`policykg extract` and `policykg ingest`: documents in — extracted and printed, or
loaded into the store — with the options both take (--province, --max-file-mb).

Separate because these two take policy files on the command line: the option checks and
help texts they share sit beside them and nowhere else."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from policykg.commands.common import err, fail, open_store
from policykg.errors import PolicyKGError
from policykg.settings import get_settings

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
