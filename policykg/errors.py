"""One root exception type; the CLI and the API each map it to their medium."""

from __future__ import annotations


class PolicyKGError(Exception):
    """An error a user can act on: the message names the file/field and what to do."""

    status_code = 400


class InputError(PolicyKGError):
    """A file or value given by the user cannot be used (unreadable, undecodable, invalid)."""


class NotFoundError(PolicyKGError):
    status_code = 404


class QueryRefused(PolicyKGError):
    status_code = 403


class StoreError(PolicyKGError):
    """The graph store failed or cannot be reached."""

    status_code = 503


class TooLarge(PolicyKGError):
    """A request, a query or an answer over a configured size limit (the message names it)."""

    status_code = 413
