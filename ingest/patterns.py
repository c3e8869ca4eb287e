"""Structural patterns of the policy-document genre, loaded once from data/patterns/."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from policykg.errors import InputError
from policykg.resources import data_path


def _load(name: str) -> dict[str, Any]:
    path = data_path("patterns", name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise InputError(f"{path}: cannot load pattern file ({e}); reinstall policykg") from e


@cache
def structure_patterns() -> dict[str, Any]:
    return _load("structure.yaml")


@cache
def document_patterns() -> dict[str, Any]:
    return _load("document.yaml")


@cache
def responsibility_patterns() -> dict[str, Any]:
    return _load("responsibility.yaml")


@cache
def targets_patterns() -> dict[str, Any]:
    return _load("targets.yaml")


@cache
def pattern_file(name: str) -> dict[str, Any]:
    """Any pattern file of data/patterns/ by file name (loaded once)."""
    return _load(name)
