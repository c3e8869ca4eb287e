"""The `policykg` command line: extract, ingest, stats, query, schema, serve, demo.

The app, its global options and the order of its commands live here; each command lives in
policykg/commands/, one module per kind of work (extract_ingest, query_export, serve_demo,
evaluate), with what they share in policykg/commands/common.py."""

from __future__ import annotations

import logging
import signal
from typing import Annotated

import typer

from policykg.commands.evaluate import evaluate
from policykg.commands.extract_ingest import extract, ingest
from policykg.commands.query_export import export_graph, queries, query, schema, stats
from policykg.commands.serve_demo import demo, serve

app = typer.Typer(help="Knowledge graph of cross-provincial drug-regulation policy in China.",
                  no_args_is_help=True, pretty_exceptions_enable=False)  # fmt: skip


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM as Ctrl+C: unwinds through `finally`, so the store is closed and the
    # embedded server stopped (the default action would leave it running)
    raise KeyboardInterrupt


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    signal.signal(signal.SIGTERM, _terminate)  # `serve`: uvicorn installs its own


# Registered in the order `policykg --help` lists them; each is named after its function
# but `export` (export_graph).
app.command()(extract)
app.command()(ingest)
app.command()(stats)
app.command()(query)
app.command()(queries)
app.command()(schema)
app.command()(serve)
app.command()(demo)
app.command()(evaluate)
app.command("export")(export_graph)


if __name__ == "__main__":
    app()
