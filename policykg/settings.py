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
    max_rows: int = Field(5_000, validation_alias=AliasChoices("POLICYKG_MAX_ROWS"))
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

    @property
    def backend(self) -> str:
        return "neo4j" if self.neo4j_uri else "falkordb"


@cache
def get_settings() -> Settings:
    return Settings()
