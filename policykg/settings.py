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
        10_000, validation_alias=AliasChoices("POLICYKG_QUERY_TIMEOUT_MS")
    )
    max_rows: int = Field(5_000, validation_alias=AliasChoices("POLICYKG_MAX_ROWS"))

    @property
    def backend(self) -> str:
        return "neo4j" if self.neo4j_uri else "falkordb"


@cache
def get_settings() -> Settings:
    return Settings()
