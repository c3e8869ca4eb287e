"""The ingest pipeline: file → read → normalize → metadata → structure → extract → record.

Pure apart from reading the file: no database, no network. The skeleton (metadata,
outline, measures, table targets) is built here; the steps beyond it are `STEPS`, each a
`Step` of ingest/context.py (one entry point taking the Context, the steps it needs before
it), run in the order declared once below.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from policykg.ingest import departments, programs, references, regions, text_targets, topics
from policykg.ingest.context import Context, Step, check_order
from policykg.ingest.department_registry import register
from policykg.ingest.departments import self_referents
from policykg.ingest.draft import DraftMeasure
from policykg.ingest.measures import build_measures
from policykg.ingest.metadata import Metadata, extract_metadata
from policykg.ingest.nlp import parse
from policykg.ingest.normalize import NormalizedText, normalize
from policykg.ingest.province import NATIONAL, REGIONAL
from policykg.ingest.read import read_source
from policykg.ingest.record import (
    DepartmentMention,
    DocumentInfo,
    ExtractionRecord,
    Measure,
    Section,
    Target,
)
from policykg.ingest.responsibility import Mention
from policykg.ingest.role_cues import first_leads
from policykg.ingest.row_measures import is_indicator_table
from policykg.ingest.source_spans import add_source_spans
from policykg.ingest.statements import in_report
from policykg.ingest.structure import parse_blocks
from policykg.ingest.targets import targets_from_rows, unique_id
from policykg.ingest.version import extractor_version
from policykg.ingest.vocab import Province

# The order of the steps, declared once: each names the steps whose results it reads.
STEPS: tuple[Step, ...] = check_order((
    Step("departments", departments.enrich,
         why="running-text subjects become the measures' departments"),
    Step("text_targets", text_targets.enrich, needs=("departments",),
         why="a running-text target takes its measure's departments"),
    Step("topics", topics.enrich, needs=("text_targets",),
         why="topics are matched on measures and on every target"),
    Step("regions", regions.enrich),
    Step("programs", programs.enrich),
    Step("references", references.enrich),
))  # fmt: skip


def document_id(meta: Metadata, source: str) -> str:
    """Stable identity: issuing province (or `national`) + the document's own number, else
    + title + date, else the file. The number is only ever the one standing where GB/T 9704
    puts it (ingest/docnumber.py), never one the text cites; two files that still claim one
    identity are told apart by the writer (graph/writer.py: IdentityConflict)."""
    code = (
        meta.province.code if meta.province else ("national" if meta.level == "national" else None)
    )
    if code and meta.doc_number:
        # a 公告's year number (2023年第132号) carries no agency code: the issuer scopes it
        scope = meta.issuer or "" if meta.doc_number[:1].isdigit() else ""
        return f"{code}:{scope}{meta.doc_number}"
    if code and meta.title:
        title = re.sub(r"[\s《》“”\"]", "", meta.title)
        return f"{code}:{title}" + (f":{meta.issued_date}" if meta.issued_date else "")
    return f"file:{Path(source).name}"


def describe(
    normalized: NormalizedText, province: Province | None = None
) -> tuple[DocumentInfo, Metadata]:
    """The document's identity and metadata: cheap, so a caller can tell an unchanged
    document (same id, text hash and extractor) before the full extraction.
    province: the one the caller knows (`--province`), for a document that names none and
    is not national; a province the text states wins."""
    text = normalized.text
    source = normalized.source.path
    meta = extract_metadata(text, normalized.front_matter, source)
    if province is not None and meta.province is None and meta.level not in (NATIONAL, REGIONAL):
        meta.province, meta.level = province, meta.level or "provincial"
    info = DocumentInfo(
        id=document_id(meta, source),
        source=Path(source).name,
        title=meta.title,  # None when the text states none: a file name is not a title
        province=meta.province.name if meta.province else None,
        province_code=meta.province.code if meta.province else None,
        level=meta.level,
        issuer=meta.issuer,
        issuers=meta.issuers,
        doc_number=meta.doc_number,
        issued_date=meta.issued_date,
        published_date=meta.published_date,
        addressee=meta.addressee,
        printed_by=meta.printed_by,
        printed_date=meta.printed_date,
        index_number=meta.index_number,
        subject=meta.subject,
        kind=meta.kind,
        period=meta.period,
        script=normalized.script,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        extractor_version=extractor_version(),
        chars=len(text),
    )
    return info, meta


def extract_text(
    normalized: NormalizedText,
    province: Province | None = None,
    described: tuple[DocumentInfo, Metadata] | None = None,
) -> ExtractionRecord:
    """The record of one normalized text. described: what `describe(normalized, province)`
    returned, when the caller has it (an ingest checks it first), so it is not made twice;
    a fresh result, used by this call only."""
    info, meta = described or describe(normalized, province)
    blocks = parse_blocks(normalized.text)
    record = ExtractionRecord(document=info, warnings=[*normalized.warnings, *meta.warnings])
    ctx = Context(normalized, blocks, meta, record, parse)
    record.sections = [
        Section(
            ordinal=b.ordinal, title=b.title or b.text[:40], level=b.level, start=b.start, end=b.end
        )
        for b in blocks
        if b.kind == "heading"
    ]
    drafts = build_measures(blocks, first_leads=first_leads(normalized.text))
    for m in drafts:  # a report of work done tells what was done
        m.statement = in_report(meta.title, m.section, m.text, m.statement)
    record.measures = [_measure(ctx, m) for m in drafts]
    record.targets = _targets(ctx)
    for step in STEPS:
        step.run(ctx)
    record.departments = list(ctx.departments.values())
    add_source_spans(record, normalized)
    return record


def _measure(ctx: Context, m: DraftMeasure) -> Measure:
    return Measure(
        id=f"{ctx.record.document.id}:{m.ordinal}",
        ordinal=m.ordinal,
        section=m.section,
        title=m.title,
        text=m.text,
        statement=m.statement,
        start=m.start,
        end=m.end,
        departments=_mentions(ctx, m.mentions),
    )


def _mentions(ctx: Context, mentions: list[Mention]) -> list[DepartmentMention]:
    """Resolve mentions to canonical departments of the document's province."""
    mentions, referents = self_referents(ctx, mentions)
    return register(
        ctx.departments, mentions, ctx.province, ctx.record.warnings, ctx.locality, referents
    )


def _targets(ctx: Context) -> list[Target]:
    """Indicator-table targets (running-text targets: the text_targets enricher)."""
    rows = [b for b in ctx.blocks if b.kind == "row" and is_indicator_table(b)]
    period = ctx.meta.period
    out: list[Target] = []
    seen: set[str] = set()
    for t in targets_from_rows(rows, int(period[:4]) if period else None):
        ctx.record.warnings.extend(t.warnings)
        out.append(t.to_record(unique_id(t.key, seen), _mentions(ctx, t.mentions)))
    return out


def extract_file(
    path: str | Path, province: Province | None = None, max_bytes: int | None = None
) -> ExtractionRecord:
    """Read, normalize and extract one file. Raises InputError naming the file."""
    return extract_text(normalize(read_source(path, max_bytes=max_bytes)), province)
