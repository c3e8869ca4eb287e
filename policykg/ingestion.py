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
from policykg.ingest.matching import topic_hits
from policykg.ingest.normalize import NormalizedText, normalize
from policykg.ingest.pipeline import describe, extract_text
from policykg.ingest.read import SUPPORTED_SUFFIXES, read_source
from policykg.ingest.record import ExtractionRecord
from policykg.ingest.vocab import Province

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


@dataclass(frozen=True)
class IngestOptions:
    """What the caller knows: the province of documents that name none (`--province`), and
    the size above which a file is refused before it is read."""

    province: Province | None = None
    max_bytes: int | None = None


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
    pending: deque[tuple[Path, NormalizedText, Future[ExtractionRecord]]] = deque()

    def write_oldest() -> None:
        path, normalized, future = pending.popleft()
        step = partial(_store_record, store, path, normalized, summary)
        outcome = _guarded(summary, path, lambda: step(future.result()))
        if outcome:
            getattr(summary, outcome).append(str(path))
        if on_file:
            on_file(path)

    # spawn, not fork: this process holds the store's sockets and the drivers' threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        for path in files:
            read = _guarded(summary, path, partial(_changed, store, path, options))
            if isinstance(read, NormalizedText):
                future = pool.submit(extract_text, read, options.province)
                pending.append((path, read, future))
            else:
                if read == "unchanged":
                    summary.unchanged.append(str(path))
                if on_file:  # unchanged, or failed before extraction
                    on_file(path)
            while len(pending) > 2 * jobs:  # bounded: at most 2 documents per worker in flight
                write_oldest()
        while pending:
            write_oldest()


def _changed(
    store: GraphStore, path: Path, options: IngestOptions
) -> NormalizedText | Literal["unchanged"]:
    """The file's text when it must be (re-)extracted; "unchanged" when the stored one is
    current (the costly extraction is skipped, not just the write)."""
    normalized = normalize(read_source(path, max_bytes=options.max_bytes))
    info, _ = describe(normalized, options.province)
    probe = DocumentGraph(
        info.id, info.content_hash, info.extractor_version, info.source, info.province_code
    )
    return "unchanged" if is_unchanged(store, probe) else normalized


def _ingest_file(
    store: GraphStore, path: Path, options: IngestOptions, summary: IngestSummary
) -> str:
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


def not_a_policy(record: ExtractionRecord, text: str) -> str | None:
    """Why a text is not a policy document, or None. A README, a menu page or a news item
    about something else yields no measure, no target, none of the marks of a GB/T 9704
    document (a 关于…的通知 title, 发文字号, 发文机关, 成文日期) and no drug-regulation
    topic (data/taxonomy/topics.yaml); stored, it would be an empty document. Any one of
    them keeps it: a short notice with a single measure, a notice whose title was lost, or
    a news report on a provincial drug policy (real corpora hold them) is stored."""
    d = record.document
    if record.measures or record.targets or d.title or d.doc_number or d.issuers:
        return None
    if d.issued_date or topic_hits(text[:_TOPIC_SCAN]):
        return None
    return (
        "not a policy document: no measure, target, title, document number, issuer, date "
        "or drug-regulation topic was found (nothing stored); if it is a policy, give the "
        "full text with its title"
    )


_TOPIC_SCAN = 20_000  # characters searched for a topic: a page's text, not a whole book


def province_warning(record: ExtractionRecord) -> str | None:
    d = record.document
    if d.province or d.level == "national":
        return None
    return (
        "stored without a province: the text names no issuing province; if it is a provincial "
        "document, ingest it again with --province NAME"
    )


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
