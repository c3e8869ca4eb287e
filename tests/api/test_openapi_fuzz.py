"""schemathesis against /openapi.json on the seeded store, with its default checks: every
answer (status code, media type, body) must be one the spec declares, and none is a 500.

schemathesis' lazy pytest fixture (`from_fixture`) does not run under pytest 9.2, so the
operations are driven through its Python API: one hypothesis run per operation."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from policykg.api.app import create_app

from tests.conftest import settings_for

EXAMPLES = 25  # per operation; schemathesis adds the spec's own examples

# Every default check runs. One is widened: positive_data_acceptance counts a 400 (and a
# 413) as an answer to schema-valid data, because no schema can say which provinces,
# topics or indicators exist or which text parses as Cypher; the 400 names the value and
# what to give instead (asserted in test_research.py and test_cypher_endpoint.py).
CONFIG = {"checks": {"positive_data_acceptance": {"expected-statuses": [
    "2xx", "3xx", "400", "401", "403", "404", "409", "413", "429", "5xx"]}}}  # fmt: skip


@pytest.fixture(scope="module")
def api_schema(seeded_store):
    app = create_app(settings_for(seeded_store))
    config = schemathesis.config.SchemathesisConfig.from_dict(CONFIG)
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


def operations(api_schema) -> list:
    return [result.ok() for result in api_schema.get_all_operations()]


def test_the_spec_lists_the_api(api_schema) -> None:
    labels = {op.label for op in operations(api_schema)}
    assert {"POST /cypher", "GET /health", "GET /queries/{name}"} <= labels, labels


def test_every_answer_is_declared_in_the_spec(api_schema) -> None:
    failures: dict[str, str] = {}
    for op in operations(api_schema):

        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def run(case) -> None:
            case.call_and_validate()

        try:
            run()
        except (
            Exception,
            BaseExceptionGroup,
        ) as e:  # one operation's failure must not hide the others'
            failures[op.label] = f"{type(e).__name__}: {str(e)[:1500]}"
    assert not failures, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())
