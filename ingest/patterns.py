"""Structural patterns of the policy-document genre, loaded once from data/patterns/.

Each file is validated at load by a pydantic model (extra keys forbidden, regular
expressions compiled, types checked), so a broken or mistyped pattern file fails at once
with the file and the key named, never later inside an extraction step. The steps read the
validated mapping (`responsibility_patterns()["statement"]`, …).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from policykg.errors import InputError
from policykg.resources import data_path, load_yaml


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as e:
        raise ValueError(f"not a valid regular expression ({e})") from e
    return value


Regex = Annotated[str, AfterValidator(_compiles)]
Words = list[str]


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Marker(_File):
    """A regular expression with what it marks (heading styles, posts, rosters …)."""

    regex: Regex
    model_config = ConfigDict(extra="allow")


class DepartmentsPatterns(_File):
    clause_end: str  # characters that end a clause
    openers: Words
    joiners: Words
    not_after: Words
    lead: list[Regex]
    support: list[Regex]
    forms: dict[str, Any]  # bodies by their form (ingest/bodies.py)
    assignments: dict[str, Any]  # running-text assignments (ingest/assignments.py)
    narrated_role_words: Regex  # role words that give a role in background passages


class DocumentPatterns(_File):
    kinds: Words
    kinds_with_subject: Words
    wrapper_title: Regex
    forward_title: Regex
    reported_title: Regex
    reported_passive: Regex
    reported_announced: Regex
    reported_drafted: Regex
    reported_according: Regex
    reported_requires: Regex
    news_dateline: Regex
    news_byline: Regex
    reported_joint: Regex
    reported_kind: Regex
    reported_bare: Regex
    headline_report: Regex
    place_line: Regex
    reported_named: Regex
    reported_proposes: Regex
    reported_headline: Regex
    formula_issuer: Regex
    notice_title: Regex
    notice_kind_only: Regex
    annex_note: Regex
    issuer_suffix: Regex
    issuer_body: Regex
    mark_suffix: Regex
    national_issuers: Words
    national_number: Regex
    national_units: Regex
    enterprise_names: Regex
    many_provinces: int
    cross_provincial_regions: Regex
    addressee: Regex
    printed_suffix: Regex
    published_labels: Words
    periods: dict[str, str]  # 十四五 → 2021-2025
    explicit_period: Regex
    annual_period: Regex
    variants: dict[str, str]  # variant character → standard
    debris_lines: Regex
    debris_inline: Regex
    byline_runin: Regex
    commentary_lines: Regex
    pinyin_gloss: Regex
    garbled: Regex
    lost_spaces: Regex


class ProgramsPatterns(_File):
    kinds: dict[str, str | None]
    followers: Words
    stop_words: Words
    joiners: Words
    joined_max: int
    keep_before_kind: Words
    generic_words: Words
    not_names: Words
    owner_clause: Regex
    strict_kinds: Words
    heading_prefix: Regex
    min_chars: int
    max_chars: int
    quoted_before: Words
    quoted_after: Words
    quoted_max_chars: int
    glossary: Regex
    program_tables: Words
    non_program_categories: Words
    run_on_row: Regex
    agency_forms: dict[str, str]
    owner_determiners: Words
    level_words: Words
    tail_min_core: int
    discipline_after: Regex
    connect_verbs: Words


class ReferencesPatterns(_File):
    title_endings: Words
    not_endings: Words
    title_qualifier: Regex
    doc_number: Regex
    number_lead_words: Words


class ResponsibilityPatterns(_File):
    statement: Regex
    unlabelled: Regex
    bodies_only: Regex
    cut_at_end: Regex
    label_line: Regex
    body_suffix: Regex
    labels: dict[str, str]  # label word → role
    lead_marker: Regex
    support_marker: Regex
    shared_marker: Regex
    own_role: Regex
    other_labels: Regex
    with_support: Regex
    separators: Regex
    trailing_words: Regex
    not_a_name: Regex
    table_columns: Words
    support_columns: Words
    deadline_columns: Words


class StructurePatterns(_File):
    heading_markers: list[Marker]
    top_level_styles: Words
    table_header_words: Words
    statement_sections: dict[str, Words]
    statement_cues: dict[str, Words]
    boilerplate_regex: list[Regex]
    boilerplate: Words
    caption_line: Regex
    page_byline: Regex
    definition_entry: Regex
    non_measure_sections: Words
    member_list_caption: Regex
    preamble_commitment: Words
    goal_item: Regex
    modal: Regex
    arrangement_lead: Regex


class PlanTables(_File):
    """An inspection plan's table (ingest/plan_cell_tables.py, ingest/row_targets.py)."""

    item: Words
    window: Words
    ratio: Words
    frequency: Words
    window_cell: Regex
    ratio_cell: Regex
    frequency_cell: Regex


class HeadedWindows(_File):
    """A window under the heading that labels it (ingest/headed_windows.py)."""

    label: Regex
    window: Regex
    labelled: Regex
    activity_labels: Words
    title_activity: Regex


class TargetsPatterns(_File):
    units: Words
    magnitudes: Words
    magnitude_units: Words
    unit_aliases: dict[str, str]
    time_units: Words
    comparators: dict[str, dict[str, str]]  # prefix / suffix word → comparator
    empty_cells: Words
    word_values: Words
    cumulative_brackets: Words
    cumulative_words: Words
    binding_words: dict[str, str]
    runon_table: dict[str, Any]
    text: dict[str, Any]
    qualitative: Words
    deadlines: Words
    periods: Words
    distributed: Words
    frequency: Words
    durations: Words
    time_limits: Words
    dated_states: dict[str, Regex]
    headed_windows: HeadedWindows
    plan_tables: PlanTables
    deadline_verbs: Words
    count_at_least: Words
    cn_percent: Regex


MODELS: dict[str, type[_File]] = {
    "departments.yaml": DepartmentsPatterns,
    "document.yaml": DocumentPatterns,
    "programs.yaml": ProgramsPatterns,
    "references.yaml": ReferencesPatterns,
    "responsibility.yaml": ResponsibilityPatterns,
    "structure.yaml": StructurePatterns,
    "targets.yaml": TargetsPatterns,
}


def load_pattern_file(name: str, path: Path | None = None) -> dict[str, Any]:
    """Read and validate one pattern file; InputError naming the file and key when broken."""
    path = path or data_path("patterns", name)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise InputError(f"{path}: cannot load pattern file ({e}); reinstall policykg") from e
    model = MODELS.get(name)
    if model is None:
        raise InputError(f"{path}: not a known pattern file (known: {', '.join(MODELS)})")
    try:
        model.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise InputError(
            f"{path}: key {key}: {first['msg']} — fix the pattern file"
            + (f" ({len(e.errors()) - 1} more problems)" if len(e.errors()) > 1 else "")
        ) from e
    _check_regex_keys(raw, path, "")
    return raw


def _check_regex_keys(node: Any, path: Path, at: str) -> None:
    """Nested `regex:` entries (inside free-form sections) compile too."""
    if isinstance(node, dict):
        for k, v in node.items():
            where = f"{at}.{k}" if at else str(k)
            if k == "regex" and isinstance(v, str):
                try:
                    _compiles(v)
                except ValueError as e:
                    raise InputError(f"{path}: key {where}: {e} — fix the pattern file") from e
            _check_regex_keys(v, path, where)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _check_regex_keys(v, path, f"{at}.{i}")


@cache
def structure_patterns() -> dict[str, Any]:
    return load_pattern_file("structure.yaml")


@cache
def document_patterns() -> dict[str, Any]:
    return load_pattern_file("document.yaml")


@cache
def responsibility_patterns() -> dict[str, Any]:
    return load_pattern_file("responsibility.yaml")


@cache
def targets_patterns() -> dict[str, Any]:
    return load_pattern_file("targets.yaml")


@cache
def pattern_file(name: str) -> dict[str, Any]:
    """Any pattern file of data/patterns/ by file name (loaded once)."""
    return load_pattern_file(name)
