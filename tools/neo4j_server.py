"""A real Neo4j 5 for the test suite and the benchmark: one way to start and stop it.

`start_server(data)` runs tools/neo4j-test-server on a free loopback port with its database
in `data` (needs a JDK and Maven; the first build fetches the jars into ~/.m2) and returns
where it listens; `stop_server(data)` stops it and waits. `from_env` reads an existing
server from environment variables instead (NEO4J_URI for the tests, BENCH_NEO4J_URI for
`python -m bench`): whoever uses it clears its one database, so point it at a scratch server.
When no server can be had, `Neo4jUnavailable` says why; tests/neo4j_server.py turns that
into a skip (or a failure with POLICYKG_REQUIRE_NEO4J=1), bench/ into a `skipped` entry.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "neo4j-test-server"
PASSWORD = "policykg-test"
ENV_KEYS = ("URI", "USER", "PASSWORD", "DATABASE")


class Neo4jUnavailable(RuntimeError):
    """No Neo4j could be started or reached; the message says why."""


@dataclass(frozen=True)
class Server:
    uri: str
    user: str
    password: str
    database: str

    def env(self) -> dict[str, str]:
        """The environment variables with which `policykg` reaches this server."""
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user,
                "NEO4J_PASSWORD": self.password, "NEO4J_DATABASE": self.database}  # fmt: skip


def from_env(env: Mapping[str, str | None], prefix: str = "NEO4J_") -> Server | None:
    """The server `{prefix}URI` (and `_USER`, `_PASSWORD`, `_DATABASE`) names, if set."""
    uri, user, password, database = (env.get(prefix + k) for k in ENV_KEYS)
    if not uri:
        return None
    return Server(uri, user or "neo4j", password or "", database or "neo4j")


def start_server(data: Path) -> Server:
    """Start tools/neo4j-test-server on a free port with its data in `data`."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        raise Neo4jUnavailable(f"{' and '.join(missing)} not found")
    done = subprocess.run(
        [str(TOOL), "start", "--data", str(data)],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "NEO4J_PASSWORD": PASSWORD},
    )  # fmt: skip
    if done.returncode != 0:
        raise Neo4jUnavailable(f"tools/neo4j-test-server did not start:\n{done.stderr[-3000:]}")
    return Server(done.stdout.strip().splitlines()[-1], "neo4j", PASSWORD, "neo4j")


def stop_server(data: Path) -> None:
    subprocess.run([str(TOOL), "stop", "--data", str(data)], check=True, timeout=120)
