"""The app served over real HTTP on loopback (uvicorn in a thread), for tests that need
requests at the same time (a slow query and /health) or a client-side timeout."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn
from policykg.api.app import create_app

from policykg.settings import Settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):  # the lifespan opens the store first
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def client(base: str, timeout: float = 60.0) -> httpx.Client:
    return httpx.Client(base_url=base, timeout=timeout)
