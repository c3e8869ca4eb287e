"""Statements: commitment / background / vision / safeguard; no measures from debris."""

from __future__ import annotations

import pytest
from policykg.ingest.non_measures import outline_disordered
from policykg.ingest.statements import commits, sentence_statement, statement_of
from policykg.ingest.structure import parse_blocks

from tests.ingest.seeds import all_records, record

# The commitment semantics (ingest/statements.py), one table: section path → statement.
# Goals of the plan period and safeguards commit; outlooks are vision; achievements and
# the situation are background. Titles written for the test, in the genre.
SECTIONS = [
    (["发展基础", "“十三五”时期药品监管工作成效明显"], "background"),
    (["现状与形势"], "background"),
    (["面临的形势"], "background"),
    (["工作回顾"], "background"),
    (["主要成效"], "background"),
    (["总体要求", "远景目标"], "vision"),
    (["总体要求", "展望2035年"], "vision"),
    (["总体要求", "指导思想"], "vision"),
    (["总体要求", "基本原则"], "vision"),
    (["总体要求"], "vision"),
    (["总体要求", "主要目标"], "commitment"),
    (["工作目标"], "commitment"),
    # a heading naming the framing and the goals together holds the goals
    (["总体要求和工作目标"], "commitment"),
    (["指导思想和主要目标"], "commitment"),
    (["发展目标"], "commitment"),
    (["保障措施", "加强组织领导"], "safeguard"),
    (["组织实施"], "safeguard"),
    (["工作要求", "强化督导考核"], "safeguard"),  # a 分工方案's closing requirements
    (["重点任务", "完善药品追溯体系"], "commitment"),
    (["提升审评审批效能", "优化注册流程"], "commitment"),
]


@pytest.mark.parametrize("path,statement", SECTIONS, ids=[" / ".join(p) for p, _ in SECTIONS])
def test_statement_of_section(path, statement):
    assert statement_of(path) == statement


@pytest.mark.parametrize(
    "statement,binding",
    [("commitment", True), ("safeguard", True), ("vision", False), ("background", False)],
)
def test_only_commitments_and_safeguards_commit(statement, binding):
    assert commits(statement) is binding


# Sentences read without their section (a shuffled page): what each one says.
SENTENCES = [
    ("推行化妆品备案改革，被国家药监局确定为全国试点省份。", "background"),
    ("全年累计完成检查3万余家次。", "background"),
    ("三是基层检验能力仍然存在短板。", "background"),
    # a result up to now, told with 已 after its period
    ("据介绍，全市市场监管部门一季度已立案查处违法案件12起。", "background"),
    ("各县区要在今年已建成示范店的基础上扩大覆盖面。", "commitment"),
    ("2019年8月，全国人大常委会修订了《药品管理法》。", "background"),
    ("展望2035年，全省药品安全治理体系全面建成。", "vision"),
    ("到2025年，累计培训500名职业化检查员。", "commitment"),
    # a plan's goal for a year now past (a 2016 plan's 到2018年底) still looks ahead
    ("到2018年底，全市药品监管体系全面建成。", "commitment"),
    ("推动区域药品检验结果互认。", "commitment"),
    # the year's tasks completed in full are a commitment, not a long-range outlook
    ("县政府要全面完成年度药品安全重点工作任务。", "commitment"),
    ("建设疫苗全程追溯平台，实现数据实时采集。", "commitment"),
    # a reported policy: its issuing is told, what it requires is read
    ("市政府印发了《某某实施方案》，要求各区于6月底前完成自查。", "commitment"),
    ("市政府印发了《某某实施方案》，全市共检查企业300家。", "background"),
]  # fmt: skip


@pytest.mark.parametrize("text,statement", SENTENCES, ids=[s[0][:14] for s in SENTENCES])
def test_sentence_statement(text, statement):
    assert sentence_statement(text) == statement


def _by_text(prefix: str, start: str):
    return next(m for m in record(prefix).measures if m.text.startswith(start))


def test_zhejiang_sections():
    rec = record("003")
    background = [m for m in rec.measures if (m.section or "").startswith("发展背景")]
    assert len(background) >= 10 and all(m.statement == "background" for m in background)
    assert _by_text("003", "展望2035年").statement == "vision"
    # the goals of the plan period are commitments (ingest/statements.py)
    assert _by_text("003", "到2025年，建成全国药品安全示范省").statement == "commitment"
    assert _by_text("003", "坚持以习近平新时代中国特色社会主义思想为指导").statement == "vision"
    assert _by_text("003", "加强组织领导").statement == "safeguard"
    assert _by_text("003", "加强疫苗安全监管").statement == "commitment"


def test_shanghai_sections():
    assert _by_text("001", "以习近平新时代中国特色社会主义思想为指导").statement == "vision"
    assert _by_text("001", "认真履行药品安全尤其是疫苗安全的政治责任").statement == "safeguard"
    safeguards = [m for m in record("000").measures if m.statement == "safeguard"]
    assert len(safeguards) == 4  # 三、保障措施分工


def test_chongqing_shuffled_page_is_read_sentence_by_sentence():
    rec = record("004")
    assert outline_disordered(parse_blocks(rec_text("004")))
    assert not any(outline_disordered(parse_blocks(rec_text(p))) for p in ("000", "001", "003"))
    pilot = next(m for m in rec.measures if "医疗器械唯一标识系统" in m.text)
    assert pilot.statement == "background"
    assert pilot.text.startswith("深入推进“放管服”改革")  # the background run, not the paragraph
    assert _by_text("004", "展望2035年").statement == "vision"
    chuanyu = [m for m in rec.measures if "川渝" in m.text and m.statement == "commitment"]
    assert len(chuanyu) >= 3
    for m in rec.measures:  # split measures keep exact evidence spans
        assert m.text.strip()


def rec_text(prefix: str) -> str:
    from policykg.ingest.normalize import normalize
    from policykg.ingest.read import read_source

    from tests.conftest import seed

    return normalize(read_source(seed(prefix))).text


def test_no_measures_from_debris_glossaries_or_web_chrome():
    for rec in all_records():
        for m in rec.measures:
            assert "新浪财经" not in m.text
            assert not m.text.startswith(("“浙苗链”：", "“一院四所一中心”：", "附件：")), m.text
            assert not m.text.startswith("计算公式"), m.text
    # measures are unique within a document (the duplicated scrape of 004 included)
    for rec in all_records():
        texts = [m.text for m in rec.measures if len(m.text) > 30]
        assert len(texts) == len(set(texts)), rec.document.source


def test_evidence_spans_are_exact():
    """Every measure and program points at its words in the normalized text (split runs too)."""
    for prefix in ("000", "001", "002", "003", "004"):
        text, rec = rec_text(prefix), record(prefix)
        for m in rec.measures:
            assert text[m.start : m.end] == m.text, (prefix, m.ordinal)
        for p in rec.programs:
            assert text[p.start : p.end].strip("“”") == p.name.strip("“”"), (prefix, p.name)


# A report of work done (…情况的报告, 工作总结) tells what was done: background, but for
# what looks ahead (in the passage, or a 下一步 / 工作打算 section).
REPORTS = [
    ("某县市场监管局关于2023年药品安全工作情况的报告", None, "全年开展药品零售企业检查120家次。", "background"),
    ("某县市场监管局2023年工作总结", None, "由各监管所轮流组织培训。", "background"),
    ("某县市场监管局关于2023年药品安全工作情况的报告", "下一步工作打算", "加强疫苗储运监管。", "commitment"),
    ("某县市场监管局关于2023年药品安全工作情况的报告", None, "下一步，我局将加强疫苗储运监管。", "commitment"),
    ("某县药品安全专项整治实施方案", None, "开展药品零售企业检查120家次。", "commitment"),
]  # fmt: skip


@pytest.mark.parametrize("title,section,text,statement", REPORTS)
def test_a_reports_passages_are_background_unless_they_look_ahead(title, section, text, statement):
    from policykg.ingest.statements import in_report

    assert in_report(title, section, text, "commitment") == statement
