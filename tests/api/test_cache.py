"""The server's read cache (api/cache.py) on a real embedded store: a write by another
process is seen by the next read; a hit is a copy."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from policykg.api.cache import CachedStore
from policykg.graph.store import Statement
from policykg.graph.stores.falkordb import FalkorDBStore

NAMES = "MATCH (p:Program) RETURN p.name AS name ORDER BY name"


def _write_elsewhere(data_dir: Path, name: str) -> None:
    """A write as `policykg ingest` makes it: another process, the same store."""
    code = textwrap.dedent(f"""
        from pathlib import Path
        from policykg.graph.store import Statement
        from policykg.graph.stores.falkordb import FalkorDBStore
        s = FalkorDBStore(Path({str(data_dir)!r}))
        s.open()
        s.write([Statement("CREATE (:Program {{name: $n}})", {{"n": {name!r}}})])
        s.close()
    """)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_a_write_by_another_process_is_seen_by_the_next_read(tmp_path: Path) -> None:
    store = FalkorDBStore(tmp_path / "db")
    store.open()
    try:
        cached = CachedStore(store)
        store.write([Statement("CREATE (:Program {name: '甲工程'})")])
        assert cached.read(NAMES).rows == [["甲工程"]]
        assert cached.read(NAMES).rows == [["甲工程"]]
        assert (cached.hits, cached.misses) == (1, 1)

        _write_elsewhere(tmp_path / "db", "乙工程")
        assert cached.read(NAMES).rows == [["乙工程"], ["甲工程"]]
        assert cached.misses == 2

        store.write([Statement("MATCH (p:Program {name: '甲工程'}) DELETE p")])
        assert cached.read(NAMES).rows == [["乙工程"]]
    finally:
        store.close()


def test_a_hit_is_a_copy_and_parameters_are_part_of_the_key(tmp_path: Path) -> None:
    store = FalkorDBStore(tmp_path / "db")
    store.open()
    try:
        cached = CachedStore(store)
        store.write([Statement("CREATE (:Program {name: '甲工程', tags: ['a', 'b']})")])
        query = "MATCH (p:Program) WHERE p.name = $n RETURN p.tags AS tags"
        first = cached.read(query, {"n": "甲工程"})
        first.rows[0][0].append("changed by a route")
        assert cached.read(query, {"n": "甲工程"}).rows == [[["a", "b"]]]
        assert cached.read(query, {"n": "乙工程"}).rows == []
    finally:
        store.close()


def test_no_cache_without_a_generation_or_with_size_0(tmp_path: Path) -> None:
    store = FalkorDBStore(tmp_path / "db")
    store.open()
    try:
        off = CachedStore(store, max_bytes=0)
        off.read("RETURN 1")
        off.read("RETURN 1")
        assert (off.hits, off.misses) == (0, 0)
    finally:
        store.close()
