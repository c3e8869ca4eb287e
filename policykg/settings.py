"""One settings object, from environment variables (and a .env file if present)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from platformdirs import user_data_path
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: user_data_path("policykg"),
        validation_alias=AliasChoices("POLICYKG_DATA_DIR"),
        description="Where the embedded FalkorDB keeps its database file",
    )
    graph_name: str = Field("policykg", validation_alias=AliasChoices("POLICYKG_GRAPH"))
    falkordb_url: str | None = Field(None, validation_alias=AliasChoices("FALKORDB_URL"))
    neo4j_uri: str | None = Field(None, validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "NEO4J_USERNAME"))
    neo4j_password: str = Field("", validation_alias=AliasChoices("NEO4J_PASSWORD"))
    neo4j_database: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))
    host: str = Field("127.0.0.1", validation_alias=AliasChoices("POLICYKG_HOST"))
    port: int = Field(8000, validation_alias=AliasChoices("POLICYKG_PORT"))
    query_timeout_ms: int = Field(
        10_000, gt=0, validation_alias=AliasChoices("POLICYKG_QUERY_TIMEOUT_MS")
    )
    max_file_mb: float = Field(
        50,
        gt=0,
        validation_alias=AliasChoices("POLICYKG_MAX_FILE_MB"),
        description="Files larger than this are named and skipped before they are read",
    )
    max_rows: int = Field(5_000, validation_alias=AliasChoices("POLICYKG_MAX_ROWS"))
    # Read results `policykg serve` keeps per graph generation (api/cache.py); 0 = none.
    cache_mb: int = Field(64, ge=0, validation_alias=AliasChoices("POLICYKG_CACHE_MB"))
    # Worker processes extracting documents during `policykg ingest` (one writer whatever
    # the number): 0 = one per CPU core; 1 = extract in the ingesting process itself.
    ingest_jobs: int = Field(0, ge=0, validation_alias=AliasChoices("POLICYKG_INGEST_JOBS"))
    # The embedded FalkorDB's own limits (its module configuration): no query runs longer
    # than write_timeout_ms (a document is written in one query), no read longer than
    # query_timeout_ms, no query allocates more than query_mem_mb, no result has more rows
    # than engine_max_rows (whole-graph reads such as export and --fingerprint included).
    write_timeout_ms: int = Field(
        120_000, gt=0, validation_alias=AliasChoices("POLICYKG_WRITE_TIMEOUT_MS")
    )
    query_mem_mb: int = Field(1024, gt=0, validation_alias=AliasChoices("POLICYKG_QUERY_MEM_MB"))
    engine_max_rows: int = Field(
        1_000_000, gt=0, validation_alias=AliasChoices("POLICYKG_ENGINE_MAX_ROWS")
    )
    # HTTP API limits (api/app.py, api/cypher_guard.py, api/routers/cypher.py)
    max_request_bytes: int = Field(
        262_144,
        validation_alias=AliasChoices("POLICYKG_MAX_REQUEST_BYTES"),
        description="Largest request body accepted (413 above)",
    )
    max_response_bytes: int = Field(
        8_000_000,
        validation_alias=AliasChoices("POLICYKG_MAX_RESPONSE_BYTES"),
        description="Largest POST /cypher answer (JSON bytes of the rows); rows beyond are cut",
    )
    cypher_max_bytes: int = Field(
        20_000, validation_alias=AliasChoices("POLICYKG_CYPHER_MAX_BYTES")
    )
    cypher_max_tokens: int = Field(
        4_000, validation_alias=AliasChoices("POLICYKG_CYPHER_MAX_TOKENS")
    )
    cypher_max_depth: int = Field(
        12,
        validation_alias=AliasChoices("POLICYKG_CYPHER_MAX_DEPTH"),
        description="Deepest nesting of brackets and prefix operators in an ad-hoc query "
        "(FalkorDB's parser takes exponential time in it: 16 levels ≈ 0.2 s, 24 > 20 s)",
    )
    cors_origins: str = Field(
        "http://localhost:7474,http://127.0.0.1:7474",
        validation_alias=AliasChoices("POLICYKG_CORS_ORIGINS"),
        description="Comma-separated origins allowed to GET from a browser (default: Neo4j "
        "Browser on this machine, for the guide); empty for none",
    )

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    @property
    def backend(self) -> str:
        return "neo4j" if self.neo4j_uri else "falkordb"


@cache
def get_settings() -> Settings:
    return Settings()
