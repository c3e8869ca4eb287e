"""The server of a data directory as data: the files its owner keeps there (the lock, the
owner record `engine.json`, the database), FalkorDB's limits, this process's view of one
server (`EmbeddedServer`), the name its connections carry, and the owner record read back.

Apart from graph/stores/embedded.py (acquire, release, opening) because opening, starting
(graph/stores/embedded_start.py) and stopping (graph/stores/embedded_stop.py) all read these,
and the store and the composition root build `EngineLimits` without the lifecycle.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# One logger for the whole embedded engine, under embedded.py's name: the name users' logs
# (`policykg -v`: "INFO policykg.graph.stores.embedded: …") showed before the split.
log = logging.getLogger(f"{__package__}.embedded")

LOCK_FILE = "policykg.lock"
OWNER_FILE = "engine.json"
DB_FILE = "policykg.db"
START_TIMEOUT_S = 60.0  # loading a large append-only file takes a while
STOP_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class EngineLimits:
    """FalkorDB's own limits, given to the module when the server starts."""

    timeout_default_ms: int  # reads without an explicit timeout
    timeout_max_ms: int  # no query (read or write) runs longer
    query_mem_bytes: int  # memory of one query (0: unlimited)
    resultset_size: int  # rows of one result (-1: unlimited)
    import_folder: str = ""  # the only folder LOAD CSV file:// may read ("" → an empty one)

    def module_args(self, import_folder: str) -> list[str]:
        return [
            "TIMEOUT_DEFAULT", str(self.timeout_default_ms),
            "TIMEOUT_MAX", str(self.timeout_max_ms),
            "QUERY_MEM_CAPACITY", str(self.query_mem_bytes),
            "RESULTSET_SIZE", str(self.resultset_size),
            "IMPORT_FOLDER", import_folder,
        ]  # fmt: skip


@dataclass
class EmbeddedServer:
    """The server of one data directory as this process sees it (shared by its stores)."""

    data_dir: Path
    socket_path: str
    server_pid: int
    owned: bool
    owner_pid: int
    owner_command: str
    _lock_fd: int | None = None
    _process: subprocess.Popen[bytes] | None = None
    _run_dir: str | None = None
    _users: int = 0
    _stopped: bool = field(default=False)

    @property
    def client_name(self) -> str:
        return client_name()


def client_name(pid: int | None = None) -> str:
    """The name every connection of a process carries (CLIENT SETNAME), to count the others."""
    return f"policykg-{pid or os.getpid()}"


def command_line() -> str:
    args = [Path(sys.argv[0]).name, *sys.argv[1:2]] if sys.argv else ["python"]
    return " ".join(args)


def read_owner(data_dir: Path) -> dict[str, Any] | None:
    try:
        info = json.loads((data_dir / OWNER_FILE).read_text())
    except (OSError, ValueError):
        return None
    keys = ("owner_pid", "server_pid", "socket")
    return info if isinstance(info, dict) and all(k in info for k in keys) else None
