"""The extractor's fingerprint covers exactly the extractor (issue 9.3)."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest import version

from policykg.resources import data_path

INGEST = Path(version.__file__).parent


def test_every_extractor_module_is_fingerprinted() -> None:
    modules = {
        str(p.relative_to(INGEST))
        for p in INGEST.rglob("*.py")
        if p.name not in {"__init__.py", "version.py"}
    }
    assert modules == set(version.EXTRACTOR_MODULES)


def test_every_extractor_data_file_is_fingerprinted() -> None:
    files = {
        f"{folder}/{p.name}"
        for folder in ("patterns", "reference", "taxonomy")
        for p in data_path(folder).glob("*.yaml")
    }
    assert files == set(version.EXTRACTOR_DATA) | set(version.NOT_EXTRACTOR_DATA)
    assert not set(version.EXTRACTOR_DATA) & set(version.NOT_EXTRACTOR_DATA)


def test_the_scorer_is_not_part_of_the_extractor() -> None:
    """Editing evaluation/ (the scorer, the gold loader) must not re-extract stored documents."""
    assert not any("evaluat" in name or "gold" in name for name in version.EXTRACTOR_MODULES)
    assert not (INGEST / "evaluate.py").exists() and not (INGEST / "gold.py").exists()


def test_the_version_changes_with_a_data_file(monkeypatch, tmp_path: Path) -> None:
    before = version.extractor_version()
    real = data_path

    def edited(*parts: str) -> Path:
        path = real(*parts)
        if parts == ("taxonomy", "topics.yaml"):
            copy = tmp_path / "topics.yaml"
            copy.write_bytes(path.read_bytes() + b"\n# edited\n")
            return copy
        return path

    monkeypatch.setattr(version, "data_path", edited)
    version.extractor_version.cache_clear()
    try:
        assert version.extractor_version() != before
    finally:
        monkeypatch.undo()
        version.extractor_version.cache_clear()
    assert version.extractor_version() == before
