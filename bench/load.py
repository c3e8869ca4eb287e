"""Bounded load test on loopback (issue 11 part 5): `policykg serve` on a store holding the
bundled corpus, C concurrent clients for S seconds over the main endpoints, each client
cycling through them; errors counted (any status but 200, any exception), p50/p99 per
endpoint and overall, RSS of the server and of its embedded database before and after.

    python -m bench.load                         # 8 clients, 60 s, JSON on stdout
    python -m bench.load --clients 8 --seconds 60 --out /tmp/load.json

Only 127.0.0.1 is ever contacted. Nothing is asserted here: the figures go to
bench/README.md; the test suite runs it for a few seconds and asserts zero errors.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from bench.http_clients import percentiles

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"

# (label, method, path, JSON body): the researcher's endpoints, a named query, and POST /cypher.
REQUESTS: list[tuple[str, str, str, dict[str, Any] | None]] = [
    ("health", "GET", "/health", None),
    ("topic_provinces", "GET", "/topics/udi/provinces", None),
    ("matrix", "GET", "/matrix", None),
    ("search", "GET", "/search?q=UDI", None),
    ("named_query", "GET", "/queries/provinces_by_topic?topic=udi", None),
    ("cypher", "POST", "/cypher",
     {"query": "MATCH (p:Province)-[:ISSUED]->(d:Document) RETURN p.name AS p, count(d) AS n"}),
]  # fmt: skip


def _policykg() -> list[str]:
    script = Path(sys.executable).with_name("policykg")
    return [str(script)] if script.exists() else [sys.executable, "-m", "policykg.cli"]


def _rss_mb(pid: int) -> dict[str, float | None]:
    """Current (VmRSS) and peak (VmHWM) resident memory of a live process, in MB (Linux)."""
    out: dict[str, float | None] = {"rss_mb": None, "peak_mb": None}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key = {"VmRSS:": "rss_mb", "VmHWM:": "peak_mb"}.get(line.split(":")[0] + ":")
            if key:
                out[key] = round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return out


def _database_pid(data_dir: Path) -> int | None:
    """The embedded database server's pid, as its owner records it (graph/stores/embedded_start.py)."""
    from policykg.graph.stores.embedded_server import OWNER_FILE

    try:
        return int(json.loads((data_dir / OWNER_FILE).read_text())["server_pid"])
    except (OSError, ValueError, KeyError):
        return None


def _memory(pid: int, data_dir: Path) -> dict[str, Any]:
    db = _database_pid(data_dir)
    return {"server": _rss_mb(pid), "database": _rss_mb(db) if db else None}


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def drive(base_url: str, clients: int, seconds: float) -> dict[str, Any]:
    """`clients` threads, each with its own connection, cycling through REQUESTS until the
    time is up; every answer but a 200 is an error."""
    ms: dict[str, list[float]] = {label: [] for label, *_ in REQUESTS}
    errors: dict[str, list[str]] = {label: [] for label, *_ in REQUESTS}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        with httpx.Client(base_url=base_url, timeout=60.0) as http:
            k = offset
            while time.monotonic() < deadline:
                label, method, path, body = REQUESTS[k % len(REQUESTS)]
                k += 1
                t = time.perf_counter()
                try:
                    resp = http.request(method, path, json=body)
                    problem = (
                        None if resp.status_code == 200 else f"{resp.status_code} {resp.text[:200]}"
                    )
                except httpx.HTTPError as e:
                    problem = f"{type(e).__name__}: {e}"
                took = (time.perf_counter() - t) * 1000
                with lock:
                    ms[label].append(took)
                    if problem:
                        errors[label].append(problem)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [v for values in ms.values() for v in values]
    return {
        "endpoints": {
            label: {
                **percentiles(ms[label]),
                "requests": len(ms[label]),
                "errors": len(errors[label]),
                "first_error": (errors[label] or [None])[0],
            }
            for label in ms
        },  # fmt: skip
        "overall": {
            **percentiles(every),
            "requests": len(every),
            "errors": sum(len(e) for e in errors.values()),
            "requests_per_s": round(len(every) / seconds, 1),
        },  # fmt: skip
    }


def run(clients: int, seconds: float, data_dir: Path) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "FALKORDB_"))}
    env["POLICYKG_DATA_DIR"] = str(data_dir)
    subprocess.run([*_policykg(), "ingest", str(CORPUS)], env=env, check=True,
                   capture_output=True, timeout=900)  # fmt: skip
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*_policykg(), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("policykg serve did not answer /health within 60 s")
        before = _memory(server.pid, data_dir)
        result = drive(base, clients, seconds)
        after = _memory(server.pid, data_dir)
        return {"clients": clients, "seconds": seconds, **result,
                "memory": {"before": before, "after": after}}  # fmt: skip
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="policykg-load-") as tmp:
        result = run(args.clients, args.seconds, Path(tmp) / "data")
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if result["overall"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
