"""One root exception type; the CLI and the API each map it to their medium.

The stores raise the same typed errors for the same events, whichever engine runs,
mapped from the drivers' typed exceptions (graph/stores/*.py). HTTP status codes are
chosen in api/app.py only.
"""

from __future__ import annotations


class PolicyKGError(Exception):
    """An error a user can act on: the message names the file/field and what to do."""


class InputError(PolicyKGError):
    """A file or value given by the user cannot be used (unreadable, undecodable, invalid)."""


class IdentityConflict(PolicyKGError):
    """Two different files claim one document identity (same province and document number,
    or same title and date) with different texts: nothing is replaced, the user decides."""

    status_code = 409


class NotFoundError(PolicyKGError):
    """No such province, topic, indicator, id …"""


class QueryRefused(PolicyKGError):
    """A query that is not allowed (a write, a procedure, LOAD CSV …), refused as such."""


class WriteRefused(QueryRefused):
    """The engine refused a write in a read-only query (its read-only mode, not our guard)."""


class QuerySyntaxError(InputError):
    """The engine cannot parse or plan the query (or its parameters do not fit it)."""


class StoreError(PolicyKGError):
    """The graph store failed while running a query or a write."""


class QueryTimeout(StoreError):
    """The engine stopped a query that ran longer than its time limit."""


class QueryTooLarge(StoreError):
    """The engine stopped a query that needed more memory than its limit."""


class StoreUnavailable(StoreError):
    """The graph store cannot be reached, started or used (data directory, server, network)."""


class TooLarge(PolicyKGError):
    """A request, a query or an answer over a configured size limit (the message names it)."""
