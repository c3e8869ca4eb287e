"""`policykg serve` and `policykg demo`: the HTTP API on the configured store, and the demo
that first loads the bundled corpus into an empty store.

Separate because they are the long-running commands, the only ones that start uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from policykg.commands.common import open_store
from policykg.settings import get_settings


def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind")] = None,
    port: Annotated[int | None, typer.Option(help="Port")] = None,
) -> None:
    """Serve the HTTP API on whatever the configured store holds."""
    import uvicorn

    from policykg.api.app import create_app

    settings = get_settings()
    # Opened here first: a store that cannot open is one line, not uvicorn's traceback;
    # the app's own store shares its embedded server, stopped when both have closed.
    with open_store():
        uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port)


def demo(
    host: Annotated[str | None, typer.Option(help="Interface to bind")] = None,
    port: Annotated[int | None, typer.Option(help="Port")] = None,
) -> None:
    """Ingest the bundled corpus if the store is empty, then serve the API."""
    from policykg.ingestion import ingest_paths, store_is_empty
    from policykg.resources import data_path

    with open_store() as store:
        if store_is_empty(store):
            summary = ingest_paths(store, [data_path("corpus")])
            typer.echo(f"ingested the bundled corpus: {summary.as_dict()}")
    settings = get_settings()
    typer.echo(
        f"serving on http://{host or settings.host}:{port or settings.port} (Ctrl+C to stop)"
    )
    serve(host, port)
