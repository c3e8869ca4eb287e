"""Concurrent HTTP clients on loopback: latency per path, errors counted, nothing asserted.

Used by `python -m bench` (named queries and endpoints over HTTP with 8 clients, and the
named queries on the engine itself with the same 8 clients). Each client is a thread (over
HTTP with its own keep-alive connection); calls for all paths are interleaved so every
path sees the same concurrency.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx


@dataclass
class PathLatency:
    path: str
    ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float | int | str | None]:
        out: dict[str, float | int | str | None] = {**percentiles(self.ms)}
        out.update(requests=len(self.ms), errors=len(self.errors))
        if self.errors:
            out["first_error"] = self.errors[0]
        return out


def percentiles(ms: list[float]) -> dict[str, float | None]:
    """p50/p95/p99 in milliseconds (inclusive method: defined from 1 sample on)."""
    if not ms:
        return {"p50_ms": None, "p95_ms": None, "p99_ms": None}
    if len(ms) == 1:
        return {"p50_ms": round(ms[0], 2), "p95_ms": round(ms[0], 2), "p99_ms": round(ms[0], 2)}
    cuts = statistics.quantiles(ms, n=100, method="inclusive")
    return {
        "p50_ms": round(statistics.median(ms), 2),
        "p95_ms": round(cuts[94], 2),
        "p99_ms": round(cuts[98], 2),
    }


def hammer(
    base_url: str, paths: list[str], *, clients: int = 8, per_path: int = 40, seed: int = 7
) -> dict[str, PathLatency]:
    """Send `per_path` GETs to every path from `clients` threads at once."""
    local = threading.local()
    opened: list[httpx.Client] = []

    def get(path: str) -> tuple[bool, str]:
        if not hasattr(local, "http"):  # one keep-alive connection per client thread
            local.http = httpx.Client(base_url=base_url, timeout=60.0)
            opened.append(local.http)
        try:
            response = local.http.get(path)
        except httpx.HTTPError as e:
            return False, type(e).__name__
        return response.status_code == 200, f"HTTP {response.status_code}: {response.text[:200]}"

    try:
        return run_concurrently(paths, get, clients=clients, per_item=per_path, seed=seed)
    finally:
        for http in opened:
            http.close()


def run_concurrently(
    items: list[str],
    call: Callable[[str], tuple[bool, str]],
    *,
    clients: int = 8,
    per_item: int = 40,
    seed: int = 7,
) -> dict[str, PathLatency]:
    """`per_item` calls of every item from `clients` threads at once, interleaved in one
    shuffled order (the same order for the same items and seed), so that the HTTP run and
    the engine run under the same concurrency see the same mix."""
    work = [p for p in items for _ in range(per_item)]
    random.Random(seed).shuffle(work)
    results = {p: PathLatency(p) for p in items}
    lock = threading.Lock()
    cursor = iter(work)

    def client() -> None:
        while True:
            with lock:
                item = next(cursor, None)
            if item is None:
                return
            start = time.perf_counter()
            try:
                ok, reason = call(item)
            except Exception as e:  # a failed call is counted, never fatal to the run
                ok, reason = False, f"{type(e).__name__}: {e}"[:200]
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                if ok:
                    results[item].ms.append(elapsed)
                else:
                    results[item].errors.append(reason)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def wait_for_health(base_url: str, *, timeout_s: float = 120.0) -> float:
    """Seconds until GET /health answers 200 (polling every 50 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout_s:
        try:
            if httpx.get(f"{base_url}/health", timeout=2.0).status_code == 200:
                return time.perf_counter() - start
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{base_url}/health did not answer within {timeout_s:.0f} s")
