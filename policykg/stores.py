"""Choose the graph store from settings: Neo4j when NEO4J_URI is set, else FalkorDB."""

from __future__ import annotations

from policykg.graph.store import GraphStore
from policykg.settings import Settings


def make_store(settings: Settings, backend: str | None = None) -> GraphStore:
    """Build (not open) the configured store; no I/O here."""
    if (backend or settings.backend) == "neo4j":
        from policykg.graph.stores.neo4j import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri or "bolt://localhost:7687",
            settings.neo4j_user,
            settings.neo4j_password,
            settings.neo4j_database,
        )
    from policykg.graph.stores.embedded_server import EngineLimits
    from policykg.graph.stores.falkordb import FalkorDBStore

    limits = EngineLimits(
        timeout_default_ms=settings.query_timeout_ms,
        timeout_max_ms=max(settings.query_timeout_ms, settings.write_timeout_ms),
        query_mem_bytes=settings.query_mem_mb << 20,
        resultset_size=settings.engine_max_rows,
    )
    return FalkorDBStore(
        settings.data_dir, url=settings.falkordb_url, graph=settings.graph_name, limits=limits
    )
