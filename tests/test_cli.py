"""The command line as a user runs it: real files, a real embedded store per test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.cli import app
from policykg.settings import get_settings
from tests.conftest import CORPUS, seed


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("POLICYKG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_extract_json_lines(cli: CliRunner):
    result = cli.invoke(app, ["extract", str(seed("001")), str(seed("004")), "--json"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert records[0]["document"]["doc_number"] == "沪府办发〔2022〕9号"
    assert records[1]["document"]["province"] == "重庆市"
    assert set(records[0]) >= {
        "document",
        "measures",
        "targets",
        "programs",
        "departments",
        "references",
        "warnings",
    }


def test_ingest_twice_gives_identical_stats(cli: CliRunner):
    first = cli.invoke(app, ["ingest", str(CORPUS), "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["added"] == 5
    stats1 = cli.invoke(app, ["stats", "--json"]).stdout
    second = cli.invoke(app, ["ingest", str(CORPUS), "--json"])
    assert json.loads(second.stdout)["unchanged"] == 5
    stats2 = cli.invoke(app, ["stats", "--json"]).stdout
    assert json.loads(stats1) == json.loads(stats2)
    assert json.loads(stats1)["nodes"]["Document"] == 5


def test_unreadable_file_reported_without_traceback(cli: CliRunner, tmp_path: Path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\xff\xfe\x00" * 400 + bytes(range(256)))
    good = tmp_path / seed("000").name
    shutil.copy(seed("000"), good)
    result = cli.invoke(app, ["ingest", str(bad), str(good)])
    assert result.exit_code == 1
    assert f"{bad}: " in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "added 1" in result.stdout
    stats = json.loads(cli.invoke(app, ["stats", "--json"]).stdout)
    assert stats["nodes"]["Document"] == 1


def test_query_from_the_shell(cli: CliRunner):
    cli.invoke(app, ["ingest", str(CORPUS)])
    result = cli.invoke(
        app, ["query", "documents", "--param", "province=重庆市", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["doc_number"] for r in rows] == ["渝府办发〔2021〕117号"]
    bad = cli.invoke(app, ["query", "documents", "--param", "province=火星"])
    assert bad.exit_code == 1 and "province" in bad.stderr and "Traceback" not in bad.stderr


def test_schema_prints_ddl(cli: CliRunner):
    result = cli.invoke(app, ["schema", "--backend", "falkordb"])
    assert result.exit_code == 0
    assert "Measure" in result.stdout and result.stdout.strip().endswith(";")


def test_broken_and_looping_links_are_named_and_others_ingested(cli: CliRunner, tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(seed("001"), folder / "good.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    result = cli.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / 'loop.txt'}: a " in result.output and "symbolic link" in result.output
    assert f"{folder / 'gone.txt'}: a symbolic link to nothing" in result.output
    assert "added 1" in result.output and "Traceback" not in result.output
