"""Read results cached by (query, parameters), valid for one generation of the graph.

Every committed write to the graph bumps a generation counter in the same server-side
transaction (FalkorDBStore.write: the query and the increment in one MULTI/EXEC), by
whatever process writes (`policykg ingest`, `policykg delete`, another server). A read
here first asks the store for the current generation (one small command, far cheaper than
most named queries) and answers from the cache only an entry made under that generation.

Why this is never stale: the generation is read *before* the query runs. A result cached
under generation g was computed after g was read, so from the graph of g or a later one;
a reader that sees g has not seen any write after it, and the first write after it makes
g unreadable. A store without `generation()` (Neo4j, whose writes do not maintain one) is
read directly, uncached.

Entries are kept pickled: a hit is a fresh copy, so a route that changes the rows it got
cannot change what the next request gets.
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from typing import Any

from policykg.graph.store import GraphStore, QueryResult

MAX_BYTES = 64 * 2**20  # all entries together (pickled)
MAX_ENTRY_BYTES = 8 * 2**20  # a larger result is not kept


class CachedStore:
    """The store, with `read` answered from the cache where the graph has not changed;
    everything else (write, backend, close, …) is the store's own."""

    def __init__(self, store: GraphStore, max_bytes: int = MAX_BYTES) -> None:
        self._store = store
        self._max_bytes = max_bytes
        self._entries: OrderedDict[tuple, tuple[int, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        generation = getattr(self._store, "generation", None)
        if generation is None or self._max_bytes <= 0:
            return self._store.read(cypher, params, timeout_ms=timeout_ms, max_rows=max_rows)
        try:
            key = (cypher, _frozen(params or {}), max_rows)
        except TypeError:  # a parameter that cannot be a key: read directly
            return self._store.read(cypher, params, timeout_ms=timeout_ms, max_rows=max_rows)
        now = generation()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == now:
                self._entries.move_to_end(key)
                self.hits += 1
                return pickle.loads(entry[1])
            self.misses += 1
        result = self._store.read(cypher, params, timeout_ms=timeout_ms, max_rows=max_rows)
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        if len(data) <= min(MAX_ENTRY_BYTES, self._max_bytes):
            self._keep(key, now, data)
        return result

    def _keep(self, key: tuple, generation: int, data: bytes) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1])
            self._entries[key] = (generation, data)
            self._bytes += len(data)
            while self._bytes > self._max_bytes and self._entries:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= len(dropped)


def _frozen(value: Any) -> Any:
    """A hashable, type-preserving form of a parameter value (1 and 1.0 and True differ)."""
    if isinstance(value, dict):
        return ("d", tuple(sorted((k, _frozen(v)) for k, v in value.items())))
    if isinstance(value, list | tuple):
        return ("l", tuple(_frozen(v) for v in value))
    hash(value)
    return (type(value).__name__, value)
