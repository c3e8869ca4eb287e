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


# A notice written for the test: it names no province, has a title, an issuer and a date.
NOTICE = (
    "关于做好药品不良反应监测工作的通知\n\n各有关单位：\n\n"
    "一、各级药品监督管理部门要加强药品不良反应监测，按季度报送监测报告。\n\n"
    "药品监督管理局\n2024年3月1日\n"
)


def test_a_non_policy_text_is_named_not_stored(cli: CliRunner, tmp_path: Path):
    readme = tmp_path / "README.md"
    readme.write_text("# 工具说明\n\n安装：运行 pip install。\n\n## 用法\n\n运行命令即可。\n")
    menu = tmp_path / "菜单 页.txt"
    menu.write_text("首页 | 机构设置 | 政务公开 | 办事服务\n\n版权所有 联系我们 网站地图\n")
    sports = tmp_path / "news.txt"
    sports.write_text("本市举办城市马拉松赛，三万名选手参加。比赛上午七时在江边鸣枪起跑。\n")
    good = tmp_path / seed("000").name
    shutil.copy(seed("000"), good)
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE)
    # a news report on a drug policy, with no title line: a topic keeps it
    report = tmp_path / "report.txt"
    report.write_text("记者从省药监局获悉，今年将开展药品集中带量采购，并加强疫苗流通监管。\n")
    files = [readme, menu, sports, good, notice, report]
    result = cli.invoke(app, ["ingest", *map(str, files)])
    assert result.exit_code == 1
    for bad in (readme, menu, sports):
        assert f"{bad}: not a policy document" in result.stderr
    for kept in (good, notice, report):
        assert f"{kept}: not a policy" not in result.stderr
    assert "added 3" in result.stdout and "Traceback" not in result.stderr
    stats = json.loads(cli.invoke(app, ["stats", "--json"]).stdout)
    assert stats["nodes"]["Document"] == 3


def test_a_document_without_province_is_stored_with_a_warning(cli: CliRunner, tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE)
    result = cli.invoke(app, ["ingest", str(notice), "--json"])
    assert result.exit_code == 0, result.output
    assert f"{notice}: warning: stored without a province" in result.stderr
    assert json.loads(result.stdout)["warnings"][0]["path"] == str(notice)
    rows = json.loads(cli.invoke(app, ["extract", str(notice), "--json"]).stdout)
    assert rows["document"]["province"] is None


def test_province_option_gives_the_province(cli: CliRunner, tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE)
    extracted = cli.invoke(app, ["extract", str(notice), "--json", "--province", "江苏省"])
    assert json.loads(extracted.stdout)["document"]["province"] == "江苏省"
    # a province the text states is kept: the option only fills in a missing one
    chongqing = cli.invoke(app, ["extract", str(seed("004")), "--json", "--province", "江苏省"])
    assert json.loads(chongqing.stdout)["document"]["province"] == "重庆市"
    result = cli.invoke(app, ["ingest", str(notice), "--province", "江苏省"])
    assert result.exit_code == 0 and "warning" not in result.stderr
    rows = json.loads(cli.invoke(app, ["query", "documents", "--param", "province=江苏省",
                                       "--format", "json"]).stdout)  # fmt: skip
    assert len(rows) == 1


def test_a_bad_province_name_is_one_error_line(cli: CliRunner, tmp_path: Path):
    for command in ("ingest", "extract"):
        result = cli.invoke(app, [command, str(seed("000")), "--province", "火星省"])
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1 and "火星省" in result.stderr
        assert "provinces.yaml" in result.stderr and "Traceback" not in result.stderr


def test_a_file_over_the_size_limit_is_named_and_skipped(cli: CliRunner, tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text(NOTICE * 20_000)  # ~2.6 MB
    good = tmp_path / seed("001").name
    shutil.copy(seed("001"), good)
    result = cli.invoke(app, ["ingest", str(big), str(good), "--max-file-mb", "1"])
    assert result.exit_code == 1
    assert f"{big}: " in result.stderr and "size limit of 1 MB" in result.stderr
    assert "added 1" in result.stdout


def test_the_size_limit_comes_from_the_setting(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    big = tmp_path / "big.txt"
    big.write_text(NOTICE * 20_000)
    monkeypatch.setenv("POLICYKG_MAX_FILE_MB", "1")
    get_settings.cache_clear()
    result = cli.invoke(app, ["extract", str(big)])
    assert result.exit_code == 1 and "POLICYKG_MAX_FILE_MB" in result.stderr
    monkeypatch.setenv("POLICYKG_MAX_FILE_MB", "5")
    get_settings.cache_clear()
    assert cli.invoke(app, ["extract", str(big)]).exit_code == 0
