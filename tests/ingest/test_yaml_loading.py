"""load_yaml (libyaml when available) reads the bundled data files exactly as yaml.safe_load."""

from __future__ import annotations

import pytest
import yaml

from policykg.resources import data_path, load_yaml

DATA_FILES = sorted(data_path().rglob("*.yaml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_objects_as_safe_load(path):
    text = path.read_text(encoding="utf-8")
    # repr, not ==: 1 == 1.0 == True would hide a type read differently
    assert repr(load_yaml(text)) == repr(yaml.safe_load(text))


def test_data_files_found():
    assert {p.parent.name for p in DATA_FILES} >= {"patterns", "reference", "taxonomy"}


def test_broken_yaml_reads_as_safe_load_says():
    text = "topics:\n  - key: a\n   name: [unclosed\n"
    with pytest.raises(yaml.YAMLError) as ours:
        load_yaml(text)
    with pytest.raises(yaml.YAMLError) as plain:
        yaml.safe_load(text)
    assert str(ours.value) == str(plain.value)
