"""Ingest files into a store: extract each, write it in one transaction, summarise.

A file that cannot be read or extracted is reported and skipped; nothing of it is
written, and the other files still load.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import forkserver, get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from policykg.errors import InputError, PolicyKGError
from policykg.graph.model import DocumentGraph, record_to_graph
from policykg.graph.queries import run_named
from policykg.graph.store import GraphStore
from policykg.graph.writer import (
    is_unchanged,
    load_reference_data,
    stored_documents,
    write_document,
)
from policykg.ingest.read import SUPPORTED_SUFFIXES, read_source
from policykg.ingest_worker import (
    IngestOptions,
    Prepared,
    not_a_policy,
    prepare,
    province_warning,
    remember,
)

if TYPE_CHECKING:
    from policykg.ingest.normalize import NormalizedText
    from policykg.ingest.record import ExtractionRecord
    from policykg.ingest.vocab import Province

# The extractor (policykg.ingest.pipeline: spaCy, jieba, …, ~2 s to import) is imported where
# it is used: a parallel ingest's writing process never needs it.

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    # stored, but with something the reader should check: (path, message)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "added": len(self.added),
            "replaced": len(self.replaced),
            "unchanged": len(self.unchanged),
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
            "warnings": [{"path": p, "warning": w} for p, w in self.warnings],
        }


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named, and supported files inside folders named; missing paths are errors."""
    files, errors = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for p in sorted(path.rglob("*")):
                if p.is_symlink() and not p.exists():  # dangling, or a loop of links
                    errors.append((str(p), _bad_link(p)))
                elif p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append(p)
            if not found:
                errors.append(
                    (str(path), f"no {', '.join(sorted(SUPPORTED_SUFFIXES))} files in this folder")
                )
            files += found
        elif path.exists():
            files.append(path)
        elif path.is_symlink():
            errors.append((str(path), _bad_link(path)))
        else:
            errors.append((str(path), "no such file or folder"))
    return files, errors


def _bad_link(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python reports a loop of symbolic links this way
        return "a loop of symbolic links; remove or fix the link"
    except OSError:
        pass
    return "a symbolic link to nothing (its target is missing); fix or remove the link"


def ingest_paths(
    store: GraphStore,
    paths: Iterable[str | Path],
    on_file: Callable[[Path], None] | None = None,
    *,
    province: Province | None = None,
    max_bytes: int | None = None,
    jobs: int = 1,
) -> IngestSummary:
    """Ingest files and folders. With jobs > 1 the extraction (the costly, pure part) runs in
    that many worker processes while this process reads, checks and writes: documents are
    still written one transaction each, in the order given, by one writer."""
    options = IngestOptions(province, max_bytes)
    files, errors = collect_files(paths)
    if jobs > 1 and len(files) > 1:
        start_workers()  # warms while the schema and reference data are written
    summary = IngestSummary(failed=errors)
    store.ensure_schema()
    load_reference_data(store)
    if jobs > 1 and len(files) > 1:
        _ingest_in_workers(store, files, summary, on_file, jobs, options)
        return summary
    for path in files:
        outcome = _guarded(summary, path, partial(_ingest_file, store, path, options, summary))
        if outcome:
            getattr(summary, outcome).append(str(path))
        if on_file:
            on_file(path)
    return summary


# Below this many files, automatic parallelism (jobs=0) extracts in-process: a worker's cold
# start (spaCy, jieba's dictionary: about 1.5 s) costs more than it would share.
AUTO_PARALLEL_MIN_FILES = 8


def worker_count(jobs: int, files: int) -> int:
    """Extraction workers for `files` files: `jobs`, or with 0 one per core (from
    AUTO_PARALLEL_MIN_FILES files on); never more than the files."""
    if jobs == 0:
        jobs = (os.cpu_count() or 1) if files >= AUTO_PARALLEL_MIN_FILES else 1
    return max(1, min(jobs, files))


def _guarded[T](summary: IngestSummary, path: Path, step: Callable[[], T]) -> T | None:
    """One file's step; a failure is recorded in the summary (None returned), never raised."""
    try:
        return step()
    except InputError as e:
        summary.failed.append((str(path), _reason(e, path)))
    except PolicyKGError as e:
        summary.failed.append((str(path), str(e)))
    except Exception as e:  # a defect met on one file must not cost the others
        log.debug("unexpected error on %s", path, exc_info=True)
        summary.failed.append(
            (str(path), f"could not be extracted ({type(e).__name__}: {str(e)[:200]}); "
             "nothing of it was stored — please report this file to the policykg team")
        )  # fmt: skip
    return None


def _ingest_in_workers(
    store: GraphStore,
    files: list[Path],
    summary: IngestSummary,
    on_file: Callable[[Path], None] | None,
    jobs: int,
    options: IngestOptions,
) -> None:
    """Workers read, normalize, describe and extract each file and make its rows
    (policykg/ingest_worker.py); this process checks each against the store, in the order
    given, and writes it. A worker skips the extraction of a document stored unchanged when
    the ingest began; this process checks again at its turn, as a serial ingest would."""
    pending: deque[tuple[Path, Future[Prepared]]] = deque()

    def write_oldest() -> None:
        path, future = pending.popleft()
        step = partial(_store_prepared, store, path, options, summary)
        outcome = _guarded(summary, path, lambda: step(future.result()))
        if outcome:
            getattr(summary, outcome).append(str(path))
        if on_file:
            on_file(path)

    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=worker_context(),
        initializer=remember,
        initargs=(_stored_documents(store),),
    ) as pool:
        for path in files:
            pending.append((path, pool.submit(prepare, path, options)))
            while len(pending) > IN_FLIGHT_PER_WORKER * jobs:  # bounded memory
                write_oldest()
        while pending:
            write_oldest()


# Documents read and extracted ahead of the writer, per worker: enough that a worker is
# not idle while the writer waits for a long document another worker is still on.
IN_FLIGHT_PER_WORKER = 4

_PRELOAD = "policykg._warm_ingest_worker"


def worker_context() -> BaseContext:
    """Worker processes forked from a forkserver that imported and warmed the extractor
    once (policykg/_warm_ingest_worker.py), never from this process: it holds the store's
    sockets and the drivers' threads. Where there is no fork (Windows, macOS' default),
    spawn."""
    if "forkserver" not in get_all_start_methods():
        return get_context("spawn")
    context = get_context("forkserver")
    context.set_forkserver_preload([_PRELOAD])
    return context


def start_workers() -> None:
    """Start the forkserver (and its warm-up) now, so that it overlaps what this process
    does before the first file (opening the store, the schema, the reference data)."""
    context = worker_context()
    if context.get_start_method() == "forkserver":
        forkserver.ensure_running()


def stop_workers() -> None:
    """Stop the forkserver and wait for it (its workers' resource use is then this
    process's children's); the next parallel ingest starts another."""
    stop = getattr(forkserver._forkserver, "_stop", None)  # CPython's, used by its tests
    if stop is not None:
        stop()


def _stored_documents(store: GraphStore) -> frozenset[tuple[str, str, str]]:
    try:
        return stored_documents(store)
    except PolicyKGError:  # too many to read at once: the workers extract every file
        log.debug("stored documents not read; every file is extracted", exc_info=True)
        return frozenset()


def _store_prepared(
    store: GraphStore, path: Path, options: IngestOptions, summary: IngestSummary, ready: Prepared
) -> str:
    """What `_ingest_file` does with a file a worker prepared, in the same order: the
    unchanged check, the policy check, the write, the province warning."""
    if is_unchanged(store, ready.graph):
        return "unchanged"
    if ready.stored:  # changed since the ingest began (an earlier file of this ingest)
        return _ingest_file(store, path, options, summary)
    if ready.not_policy:
        raise InputError(f"{path}: {ready.not_policy}")
    outcome = write_document(store, ready.graph)
    if ready.warning:
        summary.warnings.append((str(path), ready.warning))
    return outcome


def _changed(
    store: GraphStore, path: Path, options: IngestOptions
) -> NormalizedText | Literal["unchanged"]:
    """The file's text when it must be (re-)extracted; "unchanged" when the stored one is
    current (the costly extraction is skipped, not just the write)."""
    from policykg.ingest.normalize import normalize
    from policykg.ingest.pipeline import describe

    normalized = normalize(read_source(path, max_bytes=options.max_bytes))
    info, _ = describe(normalized, options.province)
    probe = DocumentGraph(
        info.id, info.content_hash, info.extractor_version, info.source, info.province_code
    )
    return "unchanged" if is_unchanged(store, probe) else normalized


def extract_text(normalized: NormalizedText, province: Province | None = None) -> ExtractionRecord:
    """policykg.ingest.pipeline.extract_text, imported when first called."""
    from policykg.ingest.pipeline import extract_text as extract

    return extract(normalized, province)


def _ingest_file(
    store: GraphStore, path: Path, options: IngestOptions, summary: IngestSummary
) -> str:
    from policykg.ingest.normalize import NormalizedText

    read = _changed(store, path, options)
    if read == "unchanged":
        return read
    assert isinstance(read, NormalizedText)
    record = extract_text(read, options.province)
    return _store_record(store, path, read, summary, record)


def _store_record(
    store: GraphStore,
    path: Path,
    normalized: NormalizedText,
    summary: IngestSummary,
    record: ExtractionRecord,
) -> str:
    """Write one extracted document, unless it is not a policy text; warn when it has no
    province."""
    if reason := not_a_policy(record, normalized.text):
        raise InputError(f"{path}: {reason}")
    outcome = write_document(store, record_to_graph(record, original=normalized.source.text))
    if warning := province_warning(record):
        summary.warnings.append((str(path), warning))
    return outcome


def _reason(error: Exception, path: Path) -> str:
    message = str(error)
    prefix = f"{path}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def store_is_empty(store: GraphStore) -> bool:
    return graph_stats(store)["nodes"].get("Document", 0) == 0


def graph_stats(store: GraphStore) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type (named queries `health_counts` and
    `relationship_counts`)."""
    rels: dict[str, int] = {}
    for r in run_named(store, "relationship_counts"):
        rels[r["type"]] = rels.get(r["type"], 0) + r["n"]
    return {
        "nodes": {r["label"]: r["n"] for r in run_named(store, "health_counts")},
        "relationships": dict(sorted(rels.items())),
    }
