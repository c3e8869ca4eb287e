"""Pattern files are validated at load: a broken one names the file and the key (issue 9.2)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from policykg.ingest.patterns import MODELS, load_pattern_file

from policykg.errors import InputError
from policykg.resources import data_path


def test_every_bundled_pattern_file_has_a_model_and_validates() -> None:
    names = {p.name for p in data_path("patterns").glob("*.yaml")}
    assert names == set(MODELS)
    for name in names:
        assert load_pattern_file(name)


def _broken(tmp_path: Path, name: str, change) -> Path:
    data = yaml.safe_load(data_path("patterns", name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_broken_regular_expression_names_the_file_and_key(tmp_path: Path) -> None:
    path = _broken(tmp_path, "responsibility.yaml", lambda d: d.update(statement="（(?P<label>"))
    with pytest.raises(
        InputError, match=r"responsibility\.yaml: key statement: .*regular expression"
    ):
        load_pattern_file("responsibility.yaml", path)


def test_a_misspelt_key_is_named(tmp_path: Path) -> None:
    path = _broken(tmp_path, "references.yaml", lambda d: d.update(title_ending=["法"]))
    with pytest.raises(InputError, match=r"references\.yaml: key title_ending: Extra inputs"):
        load_pattern_file("references.yaml", path)


def test_a_wrong_type_is_named(tmp_path: Path) -> None:
    path = _broken(tmp_path, "programs.yaml", lambda d: d.update(max_chars="thirty"))
    with pytest.raises(InputError, match=r"programs\.yaml: key max_chars"):
        load_pattern_file("programs.yaml", path)


def test_a_nested_regex_entry_is_compiled(tmp_path: Path) -> None:
    def change(d):
        d["heading_markers"][0]["regex"] = "^第(?P<num>[一二三"

    path = _broken(tmp_path, "structure.yaml", change)
    with pytest.raises(InputError, match=r"structure\.yaml: key heading_markers\.0\.regex"):
        load_pattern_file("structure.yaml", path)


def test_every_post_after_pattern_holds_a_post_word() -> None:
    # ingest/group_posts.py `held_posts` skips reading officers in a clause without a post
    # word: each post_after regex must need one, or the shortcut would hide its posts
    import re

    rules = load_pattern_file("departments.yaml")["assignments"]
    words = re.compile(rules["post_words"])
    assert all(words.search(p["regex"]) for p in rules["post_after"])
