"""Stopping servers: the one this process owns, when its last store closes (after the
processes attached to it have left, within a bound), and those a dead owner left on a data
directory; a server is sent SIGTERM, then SIGKILL if it does not exit.

Apart from graph/stores/embedded.py because stopping reads the running processes (psutil)
and the server's own client list, and serves both the new owner (graph/stores/embedded_start.py
stops the orphans) and release at exit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from policykg.graph.stores.embedded_server import (
    OWNER_FILE,
    STOP_TIMEOUT_S,
    EmbeddedServer,
    log,
    read_owner,
)


def stop_orphans(data_dir: Path) -> None:
    """Stop servers left on `data_dir` by dead owners (we hold the lock, so they are dead)."""
    suspects: set[int] = set()
    owner = read_owner(data_dir)
    if owner:
        suspects.add(int(owner["server_pid"]))
    for proc in psutil.process_iter(["name"]):
        if "redis-server" not in (proc.info.get("name") or ""):
            continue
        with contextlib.suppress(psutil.Error):
            if Path(proc.cwd()) == data_dir:  # redis-server works in its `dir`
                suspects.add(proc.pid)
    for pid in suspects:
        if _is_redis_server(pid):
            log.warning("stopping a database server left on %s by a dead process (pid %d)",
                        data_dir, pid)  # fmt: skip
            kill(pid)
    if owner:  # the dead owner's run folder (socket, config, log) goes too
        run_dir = Path(owner["socket"]).parent
        if run_dir.parent == Path(tempfile.gettempdir()) and run_dir.name.startswith("policykg-"):
            shutil.rmtree(run_dir, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        (data_dir / OWNER_FILE).unlink()


def _is_redis_server(pid: int) -> bool:
    try:
        proc = psutil.Process(pid)
        return "redis-server" in proc.name() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def kill(pid: int) -> None:
    """SIGTERM (redis fsyncs and exits), then SIGKILL if it does not: a wedged engine."""
    try:
        proc = psutil.Process(pid)
        proc.terminate()
        try:
            proc.wait(STOP_TIMEOUT_S)
        except psutil.TimeoutExpired:
            proc.kill()
            proc.wait(STOP_TIMEOUT_S)
    except (psutil.NoSuchProcess, ChildProcessError):
        pass


def stop_owned(server: EmbeddedServer, wait_for_others_s: float) -> None:
    if wait_for_others_s > 0:
        _wait_for_others(server, wait_for_others_s)
    with contextlib.suppress(FileNotFoundError):
        info = read_owner(server.data_dir)
        if info and info.get("owner_pid") == os.getpid():
            (server.data_dir / OWNER_FILE).unlink()
    if server._process is not None:
        kill(server._process.pid)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server._process.wait(1)  # reap the child
    if server._run_dir:
        shutil.rmtree(server._run_dir, ignore_errors=True)
    if server._lock_fd is not None:
        with contextlib.suppress(OSError):
            os.close(server._lock_fd)  # releases the lock
        server._lock_fd = None
    log.info("stopped the embedded FalkorDB server of %s", server.data_dir)


def _wait_for_others(server: EmbeddedServer, limit_s: float) -> None:
    """Processes attached to our server (a `policykg ingest` beside `serve`) finish first."""
    import redis

    client = redis.Redis(unix_socket_path=server.socket_path, socket_timeout=5, retry=None,  # type: ignore[arg-type]
                         decode_responses=True)  # fmt: skip
    deadline = time.monotonic() + limit_s
    told = False
    try:
        while time.monotonic() < deadline:
            others = {
                c.get("name") for c in client.client_list(_type="normal")
                if (c.get("name") or "").startswith("policykg-")
                and c.get("name") != server.client_name
            }  # fmt: skip
            if not others:
                return
            if not told:
                pids = ", ".join(sorted((n or "").removeprefix("policykg-") for n in others))
                print(f"waiting for pid {pids} to finish with {server.data_dir} "
                      f"(at most {limit_s:.0f} s)", file=sys.stderr)  # fmt: skip
                told = True
            time.sleep(0.2)
    except (redis.RedisError, OSError) as e:
        if getattr(e, "errno", None) not in (None, errno.ENOENT):
            log.warning("checking the clients of %s: %s", server.data_dir, e)
    finally:
        client.close()
