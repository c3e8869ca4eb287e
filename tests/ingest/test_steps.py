"""The extractor's step contract (ingest/context.py): one declared order, checked."""

from __future__ import annotations

import pytest
from policykg.ingest.context import Context, Step, check_order
from policykg.ingest.pipeline import STEPS


def _noop(ctx: Context) -> None:
    return None


def test_the_pipeline_declares_each_step_once_after_what_it_needs() -> None:
    names = [s.name for s in STEPS]
    assert len(names) == len(set(names))
    for i, step in enumerate(STEPS):
        assert set(step.needs) <= set(names[:i]), step.name
        assert callable(step.run)


def test_a_step_before_what_it_needs_is_refused_at_declaration() -> None:
    with pytest.raises(ValueError, match="'topics' needs text_targets"):
        check_order((Step("topics", _noop, needs=("text_targets",)), Step("text_targets", _noop)))


def test_a_step_declared_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        check_order((Step("regions", _noop), Step("regions", _noop)))
