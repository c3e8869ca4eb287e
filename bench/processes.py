"""`policykg` run as a user runs it, in its own process, and measured from outside it.

`python -m bench` times the CLI, not functions called in-process: a whole `policykg ingest`
(start-up, extract, load) with the peak RSS of it and its children, `policykg serve` with
its database's RSS, and the cold starts of `policykg extract` against importing spaCy and
jieba. What starts such a process, on which data folder, and what reads its time and memory
is here, apart from what each part measures (bench/query_growth.py builds its stores the
same way).
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def policykg_command() -> list[str]:
    return [sys.executable, "-m", "policykg.cli"] if not _script().exists() else [str(_script())]


def _script() -> Path:
    return Path(sys.executable).with_name("policykg")


def policykg_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "FALKORDB_"))}
    env["POLICYKG_DATA_DIR"] = str(data_dir)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> float | None:
    """VmHWM of a live process (Linux), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def children_by_parent() -> dict[int, list[int]]:
    """Every live process under its parent's pid (from /proc/*/stat; Linux)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return children


def child_pids(pid: int) -> list[int]:
    """Processes whose parent is pid."""
    return children_by_parent().get(pid, [])


def timed_run_by_process(
    cmd: list[str], env: dict[str, str]
) -> tuple[float, float | None, str, dict[str, float | None]]:
    """Run a command to its end: (seconds, peak RSS MB of it and its children, stdout, the
    peak RSS MB of each kind of process under it). The first peak is the kernel's, the
    largest of any of them (getrusage of the wrapper's children), exact. The split is
    sampled from /proc (`PeakSampler`), so a peak reached in the last half second is
    missed: {"ingest": the command's own process, "workers": its other processes
    (forkserver, extraction workers), "database": the embedded server and its forks}."""
    wrapper = (
        "import resource, subprocess, sys, json, time; t = time.perf_counter(); "
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "s = time.perf_counter() - t; "
        "r = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024; "
        "print(json.dumps({'s': s, 'rss': r, 'rc': p.returncode, 'out': p.stdout, 'err': p.stderr}))"
    )
    with subprocess.Popen(
        [sys.executable, "-c", wrapper, *cmd], env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as run:  # fmt: skip
        sampler = PeakSampler(run.pid)
        while True:
            sampler.sample()
            try:  # reads the pipes while it waits: a long output never blocks the wrapper
                stdout, stderr = run.communicate(timeout=PeakSampler.EVERY_S)
                break
            except subprocess.TimeoutExpired:
                continue
    if run.returncode:
        raise subprocess.CalledProcessError(run.returncode, cmd, stdout, stderr)
    info = json.loads(stdout)
    if info["rc"] != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {info['rc']}: {info['err'][-2000:]}")
    return info["s"], round(info["rss"], 1), info["out"], sampler.peaks()


class PeakSampler:
    """The largest VmHWM seen of each kind of process below the wrapper of
    `timed_run_by_process`: the wrapper's child is the command ("ingest"); a redis-server
    and the processes below it (the embedded FalkorDB and the forks it makes to save) are
    "database"; any other is "workers". The process tree is read every RESCAN_S (a scan of
    /proc), the known processes' status every EVERY_S: about 1 % of a core."""

    EVERY_S = 0.5
    RESCAN_S = 2.0

    def __init__(self, wrapper: int):
        self.wrapper = wrapper
        self.kinds: dict[int, str] = {}
        self.peak: dict[str, float] = {}
        self.scanned = 0.0

    def sample(self) -> None:
        if time.monotonic() - self.scanned >= self.RESCAN_S:
            self._scan()
        for pid, kind in list(self.kinds.items()):
            rss = peak_rss_mb(pid)
            if rss is None:
                del self.kinds[pid]
            elif rss > self.peak.get(kind, 0.0):
                self.peak[kind] = rss

    def peaks(self) -> dict[str, float | None]:
        return {kind: self.peak.get(kind) for kind in ("ingest", "workers", "database")}

    def _scan(self) -> None:
        self.scanned = time.monotonic()
        children = children_by_parent()
        todo = [(pid, "ingest") for pid in children.get(self.wrapper, [])]
        while todo:
            pid, kind = todo.pop()
            if kind != "database" and _is_database(pid):
                kind = "database"
            self.kinds[pid] = kind
            below = "workers" if kind == "ingest" else kind
            todo += [(child, below) for child in children.get(pid, [])]


def _is_database(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/exe").resolve().name == "redis-server"
    except OSError:
        return False


def last_json(out: str) -> Any:
    for line in reversed(out.strip().splitlines()):
        try:
            return json.loads(line)
        except json.JSONDecodeError:
            continue
    return None


def cold_starts(small: Path, work: Path) -> dict[str, float]:
    def median_of(cmd: list[str], env: dict[str, str], n: int = 3) -> float:
        times = []
        for _ in range(n):
            start = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        return round(statistics.median(times), 3)

    env = policykg_env(work / "cold")
    imports = median_of(
        [sys.executable, "-c", "import spacy, jieba; jieba.setLogLevel(60); jieba.initialize()"],
        env,
    )
    extract = median_of([*policykg_command(), "extract", str(small), "--json"], env)
    return {
        "spacy_jieba_import_s": imports,
        "extract_one_file_s": extract,
        "extract_cold_start_over_imports": round(extract / imports, 2),
    }
