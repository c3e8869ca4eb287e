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
from multiprocessing import get_context
from pathlib import Path
from typing import Literal

from policykg.errors import InputError, PolicyKGError
from policykg.graph.model import DocumentGraph, record_to_graph
from policykg.graph.queries import run_named
from policykg.graph.store import GraphStore
from policykg.graph.writer import is_unchanged, load_reference_data, write_document
from policykg.ingest.normalize import NormalizedText, normalize
from policykg.ingest.pipeline import describe, extract_text
from policykg.ingest.read import SUPPORTED_SUFFIXES, read_source
from policykg.ingest.record import ExtractionRecord

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    def as_dict(self) -> dict[str, object]:
        return {
            "added": len(self.added),
            "replaced": len(self.replaced),
            "unchanged": len(self.unchanged),
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
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
    jobs: int = 1,
) -> IngestSummary:
    """Ingest files and folders. With jobs > 1 the extraction (the costly, pure part) runs in
    that many worker processes while this process reads, checks and writes: documents are
    still written one transaction each, in the order given, by one writer."""
    files, errors = collect_files(paths)
    summary = IngestSummary(failed=errors)
    store.ensure_schema()
    load_reference_data(store)
    if jobs > 1 and len(files) > 1:
        _ingest_in_workers(store, files, summary, on_file, jobs)
        return summary
    for path in files:
        outcome = _guarded(summary, path, partial(_ingest_file, store, path))
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
) -> None:
    pending: deque[tuple[Path, NormalizedText, Future[ExtractionRecord]]] = deque()

    def write_oldest() -> None:
        path, normalized, future = pending.popleft()
        outcome = _guarded(summary, path, lambda: _write(store, future.result(), normalized))
        if outcome:
            getattr(summary, outcome).append(str(path))
        if on_file:
            on_file(path)

    # spawn, not fork: this process holds the store's sockets and the drivers' threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        for path in files:
            read = _guarded(summary, path, partial(_changed, store, path))
            if isinstance(read, NormalizedText):
                pending.append((path, read, pool.submit(extract_text, read)))
            else:
                if read == "unchanged":
                    summary.unchanged.append(str(path))
                if on_file:  # unchanged, or failed before extraction
                    on_file(path)
            while len(pending) > 2 * jobs:  # bounded: at most 2 documents per worker in flight
                write_oldest()
        while pending:
            write_oldest()


def _changed(store: GraphStore, path: Path) -> NormalizedText | Literal["unchanged"]:
    """The file's text when it must be (re-)extracted; "unchanged" when the stored one is
    current (the costly extraction is skipped, not just the write)."""
    normalized = normalize(read_source(path))
    return "unchanged" if _unchanged(store, normalized) else normalized


def _unchanged(store: GraphStore, normalized: NormalizedText) -> bool:
    info, _ = describe(normalized)
    probe = DocumentGraph(
        info.id, info.content_hash, info.extractor_version, info.source, info.province_code
    )
    return is_unchanged(store, probe)


def _write(store: GraphStore, record: ExtractionRecord, normalized: NormalizedText) -> str:
    return write_document(store, record_to_graph(record, original=normalized.source.text))


def _ingest_file(store: GraphStore, path: Path) -> str:
    normalized = normalize(read_source(path))
    if _unchanged(store, normalized):
        return "unchanged"  # the costly extraction is skipped, not just the write
    return _write(store, extract_text(normalized), normalized)


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
