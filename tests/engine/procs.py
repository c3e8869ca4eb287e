"""Real `policykg` processes on a data directory, and the redis-server processes that
serve it (found by their working directory, which redis-server sets to its data folder)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[2]
POLICYKG = [sys.executable, "-m", "policykg.cli"]


def env_for(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "POLICYKG_DATA_DIR": str(data_dir), **extra}
    env.pop("NEO4J_URI", None)
    env.pop("FALKORDB_URL", None)
    return env


def run(
    data_dir: Path, *args: str, timeout: float = 180, **extra: str
) -> subprocess.CompletedProcess:
    return subprocess.run([*POLICYKG, *args], env=env_for(data_dir, **extra), cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)  # fmt: skip


def start(data_dir: Path, *args: str, **extra: str) -> subprocess.Popen:
    return subprocess.Popen([*POLICYKG, *args], env=env_for(data_dir, **extra), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def engine_pids(data_dir: Path) -> set[int]:
    """Live redis-server processes working in `data_dir` (zombies excluded)."""
    found = set()
    for proc in psutil.process_iter(["name"]):
        if "redis-server" not in (proc.info.get("name") or ""):
            continue
        try:
            if proc.status() != psutil.STATUS_ZOMBIE and Path(proc.cwd()) == data_dir.resolve():
                found.add(proc.pid)
        except psutil.Error:
            continue
    return found


def wait_gone(pids: set[int], seconds: float = 20) -> set[int]:
    """The pids still alive after waiting up to `seconds`."""
    deadline = time.monotonic() + seconds
    alive = set(pids)
    while alive and time.monotonic() < deadline:
        alive = {p for p in alive if _alive(p)}
        time.sleep(0.1)
    return alive


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def kill9_engines(data_dir: Path) -> set[int]:
    pids = engine_pids(data_dir)
    for pid in pids:
        os.kill(pid, 9)
    assert not wait_gone(pids, 10)
    return pids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(data_dir: Path, **extra: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """`policykg serve` as a subprocess, until it answers /health; stopped at the end."""
    port = free_port()
    proc = start(data_dir, "serve", "--port", str(port), **extra)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"serve exited {proc.returncode}: {proc.stderr.read()}")
            try:
                if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("serve did not answer /health within 90 s")
            time.sleep(0.2)
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def fingerprint(data_dir: Path) -> dict:
    """`policykg stats --fingerprint --json` (a process of its own: the store loads)."""
    done = run(data_dir, "stats", "--fingerprint", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def documents(data_dir: Path) -> int:
    """Documents in the store, opened in this process (it must load)."""
    from policykg.graph.stores.falkordb import FalkorDBStore

    store = FalkorDBStore(data_dir)
    store.open()
    try:
        return store.read("MATCH (d:Document) RETURN count(d)").rows[0][0]
    finally:
        store.close()
