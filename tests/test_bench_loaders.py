"""bench/loaders.py on both engines: emptying a store between turns deletes at most
DELETE_CHUNK nodes or relationships a transaction, however they are connected (a hub's
relationships are not swept in with it), and the bulk path asks what exists in chunks."""

from __future__ import annotations

from typing import Any

from policykg.graph.store import GraphStore, Statement

from bench import loaders

HUB_LINKS = 12
CHUNK = 3


def _counts(store: GraphStore) -> tuple[int, int]:
    nodes = store.read("MATCH (n) RETURN count(n)").rows[0][0]
    rels = store.read("MATCH ()-[r]->() RETURN count(r)").rows[0][0]
    return nodes, rels


class _Counting:
    """The store, with how much each write transaction deleted (nodes + relationships)."""

    def __init__(self, store: GraphStore) -> None:
        self.store, self.deleted = store, []

    def read(self, *args: Any, **kwargs: Any) -> Any:
        return self.store.read(*args, **kwargs)

    def write(self, statements: list[Statement]) -> None:
        before = _counts(self.store)
        self.store.write(statements)
        after = _counts(self.store)
        self.deleted.append(sum(before) - sum(after))


def test_clear_deletes_a_bounded_number_a_transaction(empty_store, monkeypatch):
    """A hub with more relationships than a chunk: DETACH DELETE of the chunk of nodes it
    falls in would delete them all in one transaction (at 4N = 1000 documents 352,000
    relationships, past the test server's 768 MiB per transaction)."""
    empty_store.write(
        [
            Statement(
                "CREATE (h:Hub) WITH h UNWIND range(1, $n) AS i CREATE (h)<-[:TO]-(:Leaf {i: i})",
                {"n": HUB_LINKS},
            )
        ]
    )
    assert _counts(empty_store) == (HUB_LINKS + 1, HUB_LINKS)
    monkeypatch.setattr(loaders, "DELETE_CHUNK", CHUNK)
    counting = _Counting(empty_store)
    loaders.clear(counting)  # type: ignore[arg-type]
    assert _counts(empty_store) == (0, 0)
    assert counting.deleted and max(counting.deleted) <= CHUNK, counting.deleted


def test_absent_asks_in_chunks(empty_store, monkeypatch):
    empty_store.write([Statement("UNWIND range(1, 7) AS i CREATE (:Probe {key: toString(i)})")])
    monkeypatch.setattr(loaders, "BULK_CHUNK", CHUNK)
    keys = [str(i) for i in range(1, 12)]
    assert loaders._absent(empty_store, "Probe", "key", keys) == {str(i) for i in range(8, 12)}
