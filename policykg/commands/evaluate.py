"""`policykg evaluate`: the extractor scored against gold annotations, each gold set
reported on its own.

Separate because it is the one command of the evaluation stage: it extracts without a
store and reads the gold sets policykg/gold_sets.py registers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from policykg.commands.common import fail
from policykg.errors import PolicyKGError
from policykg.gold_sets import GOLD_SETS


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
