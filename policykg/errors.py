"""One root exception type; the CLI and the API each map it to their medium."""

from __future__ import annotations


class PolicyKGError(Exception):
    """An error a user can act on: the message names the file/field and what to do."""

    status_code = 400


class InputError(PolicyKGError):
    """A file or value given by the user cannot be used (unreadable, undecodable, invalid)."""


class IdentityConflict(PolicyKGError):
    """Two different files claim one document identity (same province and document number,
    or same title and date) with different texts: nothing is replaced, the user decides."""

    status_code = 409


class NotFoundError(PolicyKGError):
    status_code = 404


class QueryRefused(PolicyKGError):
    status_code = 403


class StoreError(PolicyKGError):
    """The graph store failed or cannot be reached."""

    status_code = 503
