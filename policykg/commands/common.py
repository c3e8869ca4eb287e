"""What every `policykg` command shares: the stderr console, one-line failures and the
store opened for the length of a command.

Separate from the commands so that each command module imports it, and none imports
another command module or the app in policykg/cli.py (which imports them all)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import NoReturn

import typer
from rich.console import Console

from policykg.errors import PolicyKGError
from policykg.settings import get_settings
from policykg.stores import make_store

err = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    err.print(message, markup=False, highlight=False, soft_wrap=True)  # one line per error
    raise typer.Exit(code)


@contextmanager
def open_store(backend: str | None = None):
    """The configured store, open; closed (its embedded server stopped) however we leave."""
    store = make_store(get_settings(), backend)
    try:
        store.open()
        yield store
    except PolicyKGError as e:
        fail(f"error: {e}")
    finally:
        store.close()
