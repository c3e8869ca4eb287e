"""The researcher API over real HTTP semantics (TestClient) on the seeded embedded store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from policykg.api.app import create_app

from tests.conftest import settings_for


@pytest.fixture(scope="session")
def api(seeded_store) -> Iterator[TestClient]:
    """The app as `policykg serve` builds it, on the seeds; a 500 is returned, not raised,
    so that a test can assert that none happens."""
    settings = settings_for(seeded_store)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def counts(client: TestClient) -> dict:
    """Nodes per label and relationships per type: the graph is unchanged iff these are."""
    resp = client.get("/stats")
    assert resp.status_code == 200, resp.text
    return resp.json()
