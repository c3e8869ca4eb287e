"""The ingest pipeline: file → read → normalize → metadata → structure → extract → record.

Pure apart from reading the file: no database, no network. Extraction steps beyond
the document skeleton plug in through `ENRICHERS` (topics, programs, regions,
references, running-text targets), each a function (context) → None that adds to the
record.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.departments import resolve
from ingest.measures import DraftMeasure, build_measures, is_indicator_table
from ingest.metadata import Metadata, extract_metadata
from ingest.normalize import NormalizedText, normalize
from ingest.read import read_source
from ingest.record import (
    Department,
    DepartmentMention,
    DocumentInfo,
    ExtractionRecord,
    Measure,
    Section,
    Target,
)
from ingest.responsibility import Mention
from ingest.structure import Block, parse_blocks
from ingest.targets import targets_from_rows
from ingest.version import extractor_version
from ingest.vocab import Province


@dataclass
class Context:
    """What every extraction step sees: the text, its blocks, and the record so far."""

    normalized: NormalizedText
    blocks: list[Block]
    meta: Metadata
    record: ExtractionRecord
    departments: dict[str, Department] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.normalized.text

    @property
    def province(self) -> Province | None:
        return self.meta.province

    def department_mentions(self, mentions: list[Mention]) -> list[DepartmentMention]:
        """Resolve mentions to canonical departments of the document's province."""
        out: dict[tuple[str, str], DepartmentMention] = {}
        for m in mentions:
            resolved = resolve(m.text, self.province)
            dept = self.departments.setdefault(
                resolved.name,
                Department(
                    name=resolved.name,
                    kind=resolved.kind,
                    level=resolved.level,
                    parent=resolved.parent,
                ),  # fmt: skip
            )
            if resolved.parent and resolved.parent not in self.departments:
                parent = resolve(resolved.parent, self.province)
                self.departments[parent.name] = Department(
                    name=parent.name, kind=parent.kind, level=parent.level
                )
            if m.text not in dept.mentions:
                dept.mentions.append(m.text)
            out.setdefault(
                (resolved.name, m.role),
                DepartmentMention(name=resolved.name, mention=m.text, role=m.role),
            )
        return list(out.values())


Enricher = Callable[[Context], None]
ENRICHERS: list[Enricher] = []


def document_id(meta: Metadata, source: str) -> str:
    """Stable identity: province + document number, else province + title + date, else file."""
    code = meta.province.code if meta.province else None
    if code and meta.doc_number:
        return f"{code}:{meta.doc_number}"
    if code and meta.title:
        title = re.sub(r"[\s《》“”\"]", "", meta.title)
        return f"{code}:{title}" + (f":{meta.issued_date}" if meta.issued_date else "")
    return f"file:{Path(source).name}"


def extract_text(normalized: NormalizedText) -> ExtractionRecord:
    text = normalized.text
    source = normalized.source.path
    meta = extract_metadata(text, normalized.front_matter, source)
    blocks = parse_blocks(text)
    info = DocumentInfo(
        id=document_id(meta, source),
        source=Path(source).name,
        title=meta.title or Path(source).stem,
        province=meta.province.name if meta.province else None,
        province_code=meta.province.code if meta.province else None,
        issuer=meta.issuer,
        doc_number=meta.doc_number,
        issued_date=meta.issued_date,
        published_date=meta.published_date,
        kind=meta.kind,
        period=meta.period,
        script=normalized.script,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        extractor_version=extractor_version(),
        chars=len(text),
    )
    record = ExtractionRecord(document=info, warnings=[*normalized.warnings, *meta.warnings])
    ctx = Context(normalized, blocks, meta, record)
    record.sections = [
        Section(
            ordinal=b.ordinal, title=b.title or b.text[:40], level=b.level, start=b.start, end=b.end
        )
        for b in blocks
        if b.kind == "heading"
    ]
    record.measures = [_measure(ctx, m) for m in build_measures(blocks)]
    record.targets = _targets(ctx)
    for enrich in ENRICHERS:
        enrich(ctx)
    record.departments = list(ctx.departments.values())
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
        departments=ctx.department_mentions(m.mentions),
    )


def _targets(ctx: Context) -> list[Target]:
    rows = [b for b in ctx.blocks if b.kind == "row" and is_indicator_table(b)]
    start_year = int(ctx.meta.period[:4]) if ctx.meta.period else None
    out = []
    for t in targets_from_rows(rows, start_year):
        ctx.record.warnings.extend(t.warnings)
        out.append(
            Target(
                id=t.key,
                indicator=t.indicator,
                value=t.parsed.value,
                value_text=t.value_text,
                comparator=t.parsed.comparator,
                unit=t.unit,
                year=t.year,
                baseline=t.baseline,
                baseline_year=t.baseline_year,
                binding=t.binding,
                cumulative=t.parsed.cumulative,
                section=t.section,
                text=t.text,
                start=t.start,
                end=t.end,
                departments=ctx.department_mentions(t.mentions),
            )
        )
    return out


def extract_file(path: str | Path) -> ExtractionRecord:
    """Read, normalize and extract one file. Raises InputError naming the file."""
    return extract_text(normalize(read_source(path)))
