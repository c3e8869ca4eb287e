"""Named programs, projects, platforms, systems, reforms and centres → record.programs.

Where names come from, and what makes one a named thing rather than a phrase, is data
(data/patterns/programs.yaml, whose header explains each rule). Running-text names are
read off the jieba tokens of the spaCy Doc (ingest/nlp.py cuts tokens at every kind word,
so a name's edges are token edges); 专栏 box titles and appendix tables of major programs
come from the document's blocks. A program named twice in a document is one Program
(names compared without quotes, spaces and bracket widths), linked to every measure that
names it (Measure.programs) and to the measures of its own 专栏 box.

This module is the enrich step that stores them: it gathers the running-text names the
spaCy pipeline found (ingest/programs_in_text.py) and the box titles and table rows
(ingest/programs_in_blocks.py), keeps those the document establishes, and makes one Program
per base. The kind words and the key form of a name are in ingest/program_kinds.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policykg.ingest.non_measures import non_measure_blocks
from policykg.ingest.patterns import structure_patterns
from policykg.ingest.program_kinds import PROGRAMS_KEY, FoundProgram, key_of
from policykg.ingest.program_names import canonical, merge_variants, no_program_because
from policykg.ingest.programs_in_blocks import box_titles, run_on_rows, table_rows
from policykg.ingest.record import Program
from policykg.ingest.responsibility import column_kind, find_statements
from policykg.ingest.row_measures import is_indicator_table as is_target_row

if TYPE_CHECKING:
    from policykg.ingest.context import Context
    from policykg.ingest.structure import Block


def _in_sections(blocks: list[Block], words: list[str]) -> list[tuple[int, int]]:
    """Spans of glossary / statistical-note / annex-list blocks: they define or list."""
    annexes = non_measure_blocks(blocks)
    return [
        (b.start, b.end)
        for i, b in enumerate(blocks)
        if i in annexes
        or b.text.startswith(tuple(words))
        or any(w in title for title in b.path for w in words)
    ]


def _responsibility_text(ctx: Context) -> list[tuple[int, int]]:
    """Responsibility statements and department cells: 人事处会监测中心 names no program."""
    out = [(s.start, s.end) for s in find_statements(ctx.text)]
    for b in ctx.blocks:
        if b.kind == "row":
            kinds = [column_kind(h) for h in b.header]
            out += [
                (c.start, c.end)
                for c, k in zip(b.cells, kinds, strict=False)
                if k in ("lead", "responsible", "support")
            ]
    return out


def enrich(ctx: Context) -> None:
    """record.programs (one per name) and Measure.programs (the names each measure uses)."""
    skip = _in_sections(ctx.blocks, structure_patterns()["non_measure_sections"])
    skip += _responsibility_text(ctx)
    # A document establishes what its commitments, targets and safeguards name; a review of the last
    # plan (background) or a 2035 vision names what exists or may exist, and text outside
    # the measures (notice, web chrome) names nothing of its own.
    spans = [(m.start, m.end, m.statement) for m in ctx.record.measures]
    spans += [(b.start, b.end, "commitment") for b in ctx.blocks if is_target_row(b)]
    establishing = [(a, b) for a, b, st in spans if st in ("commitment", "safeguard")]

    def establishes(f: FoundProgram, default: bool) -> bool:
        inside = [st for a, b, st in spans if a <= f.start < b]
        if not inside:
            return default
        return any(a <= f.start < b for a, b in establishing)

    structural = [
        f
        for f in (*box_titles(ctx.blocks), *table_rows(ctx.blocks), *run_on_rows(ctx.text))
        if establishes(f, default=True)
    ]
    code = ctx.province.code if ctx.province else None
    running = [
        f
        for f in ctx.doc.user_data.get(PROGRAMS_KEY, [])
        if not any(a <= f.start < b for a, b in skip)  # glossary entries define, not name
        and establishes(f, default=False)
        and not no_program_because(ctx.text, f.start, f.end, f.name, code)
    ]
    kept: list[FoundProgram] = []
    for f in structural + sorted(running, key=lambda f: -(f.end - f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):  # the table row / box
            kept.append(f)  # title wins over the words inside it, then the longest name
    # one Program per base (issue 13.7): variants of one name, and a short name standing
    # for the one longer name it ends, are one program, named as the longest base is
    bases = {f.name: canonical(f.name, code) for f in kept}
    merged = merge_variants(bases.values())
    first: dict[str, FoundProgram] = {}  # base → its first naming, which names the program
    for f in sorted(kept, key=lambda f: f.start):
        first.setdefault(bases[f.name], f)
    programs: dict[str, Program] = {}
    written: dict[str, set[str]] = {}  # base → the key forms the document writes it in
    for f in sorted(kept, key=lambda f: f.start):
        base = merged[bases[f.name]]
        written.setdefault(base, set()).add(key_of(f.name))
        known = programs.get(base)
        if known is None:
            named = first.get(base, f)
            programs[base] = Program(name=named.name, kind=f.kind or named.kind,
                                     description=f.description, start=f.start, end=f.end)  # fmt: skip
        else:  # named twice: keep what the first naming lacked
            known.kind = known.kind or f.kind
            known.description = known.description or f.description
    ctx.record.programs = list(programs.values())
    boxes = {key_of(f.name): merged[canonical(f.name, code)] for f in box_titles(ctx.blocks)}
    for m in ctx.record.measures:
        text = key_of(f"{m.title or ''}{m.text}")
        # (a test in C per program: measures × programs, each with its written forms)
        names = [p.name for b, p in programs.items() if any(map(text.__contains__, written[b]))]
        for title in (m.section or "").split(" / "):
            title_key = key_of(title)  # once per title, not once per box
            box = next((k for k in boxes if k and title_key.startswith(k)), None)
            if box and boxes[box] in programs and programs[boxes[box]].name not in names:
                names.append(programs[boxes[box]].name)
        m.programs = names
