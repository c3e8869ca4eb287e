"""A fingerprint of the extractor: the modules and data files that decide what it extracts.

Stored on each Document, so re-ingesting an unchanged file after the extractor or its
vocabularies changed re-extracts it instead of keeping stale facts. The lists are explicit
(issue 9.3): a file outside them — the scorer in evaluation/, the CLI, a README — can change
without forcing every stored document to be extracted again. tests/ingest/test_version.py
checks that every module of ingest/ and every data file of the listed folders is named here,
so a new extractor module cannot be forgotten.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from policykg.resources import data_path

_INGEST = Path(__file__).parent

# Modules of ingest/ whose code shapes an ExtractionRecord (paths relative to ingest/).
EXTRACTOR_MODULES: tuple[str, ...] = (
    "assignments.py", "bodies.py", "cndate.py", "context.py", "departments.py", "docnumber.py",
    "canonical_departments.py", "department_registry.py", "clause_subjects.py",
    "lexicon.py", "markup.py", "matching.py", "measures.py", "metadata.py", "nlp.py",
    "char_finders.py", "jieba_words.py",
    "normalize.py", "patterns.py", "pipeline.py", "preamble.py", "places.py", "program_names.py", "programs.py",
    "program_kinds.py", "programs_in_text.py", "programs_in_blocks.py",
    "province.py", "cross_provincial.py",
    "read.py", "record.py", "references.py", "regions.py", "responsibility.py",
    "runon_table.py", "scrape.py", "source_spans.py", "statements.py", "structure.py",
    "targets.py", "text_targets.py", "clause_targets.py", "topics.py", "values.py", "vocab.py", "webmeta.py",
    "word_targets.py",
    "vocab_models.py", "vocab_loaders.py", "vocab_lookups.py", "full_width.py",
    "prefilter.py", "disk_cache.py", "cn_numerals.py",
    "memo.py",
    "rewrap.py", "signature.py", "heads.py", "reports.py", "rosters.py", "measure_splits.py", "draft.py",
    "member_lists.py", "item_measures.py", "row_measures.py", "preamble_measures.py",
    "non_measures.py",
    "line_cells.py", "row_targets.py",
    "cell_lines.py", "indicator_cell_tables.py", "task_cell_tables.py", "numbered_cell_rows.py",
    "plan_cell_tables.py",
    "assignment_rules.py", "body_lists.py", "subject_roles.py", "group_posts.py", "duties.py",
    "assignment_patterns.py", "role_cues.py",
    "body_forms.py", "named_bodies.py", "bare_bodies.py",
    "titles.py", "doc_dates.py", "issuers.py", "issuer_names.py",
    "line_contract.py", "char_folding.py", "punctuation_spacing.py", "tabbed_rows.py",
    "dropped_text.py", "run_on_lines.py",
    "text_target_rules.py", "text_target_sources.py", "text_target_years.py", "headed_windows.py",
    "clause_values.py", "clause_verbs.py", "qualifying_values.py",
    "indicator_phrases.py",
    "readers/docx.py", "readers/layout.py", "readers/ofd.py", "readers/office.py",
    "readers/pdf.py",
)  # fmt: skip

# Data files the extractor reads (paths relative to data/).
EXTRACTOR_DATA: tuple[str, ...] = (
    "patterns/departments.yaml", "patterns/document.yaml", "patterns/programs.yaml",
    "patterns/references.yaml", "patterns/responsibility.yaml", "patterns/structure.yaml",
    "patterns/targets.yaml",
    "reference/departments.yaml", "reference/laws.yaml", "reference/places.yaml",
    "reference/provinces.yaml", "reference/regions.yaml",
    "taxonomy/indicators.yaml", "taxonomy/topics.yaml",
)  # fmt: skip

# Data files of those folders that only the API reads: changing them re-extracts nothing.
NOT_EXTRACTOR_DATA: tuple[str, ...] = ("taxonomy/units.yaml",)  # api/comparability.py


@cache
def extractor_version() -> str:
    digest = hashlib.sha256()
    files = [_INGEST / name for name in EXTRACTOR_MODULES]
    files += [data_path(*name.split("/")) for name in EXTRACTOR_DATA]
    for path in files:
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
