"""Scoring of extractions against gold annotations, on small hand-made pairs."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import opencc
import pytest
from policykg.evaluation.gold import GoldDocument
from policykg.evaluation.score import evaluate, load_gold, score
from policykg.ingest.record import (
    Department,
    DepartmentMention,
    DocumentInfo,
    ExtractionRecord,
    Measure,
    Program,
    Reference,
    Target,
    TopicMatch,
)

from policykg.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold"
CORPUS = ROOT / "data" / "corpus"

REG = "上海市药品监督管理局"
HEALTH = "上海市卫生健康委员会"

GOLD = {
    "source": "doc.txt",
    "document": {"province": "上海市", "title": "关于加强药品监管的意见", "doc_number": None},
    "measures": [
        {"key": "建设药品追溯平台", "statement": "commitment", "topics": ["drug_traceability"],
         "departments": [{"mention": "市药品监管局", "name": REG, "role": "lead"},
                         {"mention": "市卫生健康委", "name": HEALTH, "role": "support"}]},
        {"key": "深化医疗器械唯一标识应用", "statement": "commitment", "topics": ["udi"],
         "departments": [{"mention": "市药品监管局", "name": REG, "role": "responsible"}]},
    ],
    "targets": [{"indicator": "药品不良反应监测报告数", "value": 1500, "value_text": "1500份/百万人",
                 "unit": "份/百万人", "year": 2025, "binding": "expected"}],
    "departments": [{"name": REG, "kind": "drug_regulator", "level": "provincial"},
                    {"name": HEALTH, "kind": "health", "level": "provincial"}],
    "programs": ["药品（疫苗）追溯平台"],
    "topics": ["drug_traceability", "udi", "pharmacovigilance", "yangtze_river_delta"],
    "regions": ["yangtze_river_delta"],
    "references": [{"title": "国务院办公厅关于全面加强药品监管能力建设的实施意见",
                    "doc_number": "国办发〔2021〕16号"}, "医疗器械监督管理条例"],
}  # fmt: skip


def gold(**changes) -> GoldDocument:
    return GoldDocument.model_validate({**GOLD, **changes})


def dep(mention: str, name: str, role: str = "responsible") -> DepartmentMention:
    return DepartmentMention(mention=mention, name=name, role=role)


def measure(n: int, text: str, departments=(), topics=(), regions=(), statement="commitment"):
    return Measure(id=f"m{n}", ordinal=str(n), text=text, statement=statement, start=0, end=1,
                   departments=list(departments), regions=list(regions),
                   topics=[TopicMatch(key=k, matched=k) for k in topics])  # fmt: skip


def perfect_record() -> ExtractionRecord:
    return ExtractionRecord(
        document=DocumentInfo(id="d", source="corpus/doc.txt", province="上海市",
                              title="关于加强药品监管的意见"),
        measures=[
            measure(1, "推动长三角协同，建设药品追溯平台（含疫苗）。",
                    [dep("市药品监管局", REG, "lead"), dep("市卫生健康委", HEALTH, "support")],
                    ["drug_traceability", "yangtze_river_delta"], ["yangtze_river_delta"]),
            measure(2, "深化医疗器械唯一标识应用，加强与医疗、医保等衔接。",
                    [dep("市药品监管局", REG)], ["udi"]),
        ],
        targets=[Target(id="t1", indicator="药品不良反应监测报告数", value=1500.0,
                        value_text="1500份/百万人", year=2025, start=0, end=1,
                        topics=[TopicMatch(key="pharmacovigilance", matched="不良反应")])],
        programs=[Program(name="药品（疫苗）追溯平台", start=0, end=1)],
        departments=[Department(name=REG, mentions=["市药品监管局"]),
                     Department(name=HEALTH, mentions=["市卫生健康委"])],
        references=[Reference(title="国务院办公厅关于全面加强药品监管能力建设的实施意见",
                              doc_number="国办发〔2021〕16号"),
                    Reference(title="医疗器械监督管理条例")],
    )  # fmt: skip


def test_perfect_match_scores_one_everywhere():
    result = score(gold(), perfect_record())
    for name, s in result.types.items():
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0), (name, s)
        assert not s.missed and not s.spurious
    assert set(result.types) == {
        "document", "measures", "statements", "responsibility", "targets", "departments",
        "programs", "topics", "regions", "references",
    }  # fmt: skip
    assert result.types["responsibility"].tp == 3
    assert result.accuracy["document"] == 1.0
    assert result.overall.f1 == 1.0


def test_missing_department_lowers_recall_only():
    record = perfect_record()
    record.departments = record.departments[:1]
    s = score(gold(), record).types["departments"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)
    assert s.precision == 1.0 and s.recall == 0.5
    assert s.missed == [HEALTH]


def test_missing_responsibility_lowers_recall():
    record = perfect_record()
    record.measures[0].departments = record.measures[0].departments[:1]
    s = score(gold(), record).types["responsibility"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 1)
    assert s.missed == ["建设药品追溯平台: 市卫生健康委 (support)"]


def test_extra_measure_lowers_precision():
    record = perfect_record()
    record.measures.append(measure(3, "海量资讯、精准解读，尽在新浪财经APP", statement="safeguard"))
    result = score(gold(), record)
    s = result.types["measures"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    assert s.recall == 1.0 and s.precision == pytest.approx(2 / 3)
    assert result.types["statements"].fp == 1


def test_role_mismatch_is_a_false_positive_and_a_false_negative():
    record = perfect_record()
    record.measures[0].departments[1] = dep("市卫生健康委", HEALTH, "lead")
    s = score(gold(), record).types["responsibility"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.spurious == ["建设药品追溯平台: 市卫生健康委 → 上海市卫生健康委员会 (lead)"]


def test_canonical_name_is_accepted_for_a_different_mention():
    record = perfect_record()
    record.measures[1].departments = [dep("市药监局", REG)]
    assert score(gold(), record).types["responsibility"].f1 == 1.0


def test_wrong_statement_and_unmatched_measure():
    record = perfect_record()
    record.measures[0].statement = "background"
    record.measures[1].text = "加强医疗器械监管。"  # the key is gone
    result = score(gold(), record)
    assert (result.types["measures"].tp, result.types["measures"].fn) == (1, 1)
    st = result.types["statements"]
    assert (st.tp, st.fp, st.fn) == (0, 2, 2)
    resp = result.types["responsibility"]  # the unmatched measure's tuples: fn and fp
    assert (resp.tp, resp.fp, resp.fn) == (2, 1, 1)
    # a background measure does not commit: its topics and regions do not count
    assert "drug_traceability" in result.types["topics"].missed
    assert result.types["regions"].fn == 1


def test_key_is_matched_ignoring_whitespace_and_punctuation():
    record = perfect_record()
    record.measures[0].text = "建设 药品 追溯\n平台"
    record.measures[1].text = "深化医疗器械“唯一标识”应用"
    assert score(gold(), record).types["measures"].f1 == 1.0


def test_duplicate_text_prefers_the_measure_with_the_departments():
    """001's news blockquote repeats two items without their 责任部门."""
    record = perfect_record()
    blockquote = measure(0, "深化医疗器械唯一标识应用。建设药品追溯平台。")
    record.measures.insert(0, blockquote)
    result = score(gold(), record)
    assert result.types["responsibility"].f1 == 1.0
    assert result.types["measures"].spurious == ["m0 深化医疗器械唯一标识应用。建设药品追溯平台。"]


def test_targets_indicator_containment_value_text_and_year():
    record = perfect_record()
    record.targets[0].indicator = "不良反应监测报告数"  # contained in the gold indicator
    assert score(gold(), record).types["targets"].f1 == 1.0
    record.targets[0].year = 2023
    s = score(gold(), record).types["targets"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    no_value = {"indicator": "药品安全事件", "value": None, "value_text": "不发生", "year": None}
    t = Target(id="t2", indicator="重大及以上药品安全事件", value_text="不发生", year=2025, start=0,
               end=1)  # fmt: skip
    result = score(gold(targets=[no_value]), perfect_record().model_copy(update={"targets": [t]}))
    assert result.types["targets"].f1 == 1.0  # gold year null: any year; value_text equal


def test_target_departments_are_scored_when_annotated():
    with_deps = {**GOLD["targets"][0], "departments": [
        {"mention": "药品监管处", "name": "药品监管处", "role": "lead"},
        {"mention": "监测中心", "name": "上海市药品和医疗器械不良反应监测中心", "role": "support"},
    ]}  # fmt: skip
    record = perfect_record()
    record.targets[0].departments = [
        dep("药品监管处", "上海市药品监督管理局药品监督管理处", "lead")
    ]
    s = score(gold(targets=[with_deps]), record).types["target_responsibility"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)
    assert "target_responsibility" not in score(gold(), record).types  # not annotated


def test_division_named_as_written_matches_by_mention():
    division = {"name": "器械注册处", "kind": "division", "level": "division"}
    record = perfect_record()
    record.departments.append(
        Department(name="上海市药品监督管理局医疗器械注册管理处", mentions=["器械注册处"])
    )
    s = score(gold(departments=GOLD["departments"] + [division]), record).types["departments"]
    assert (s.tp, s.fp, s.fn) == (3, 0, 0)


def test_programs_without_brackets_and_by_containment():
    record = perfect_record()
    record.programs = [Program(name="“药品追溯平台”", start=0, end=1)]
    assert score(gold(), record).types["programs"].f1 == 1.0
    record.programs = [Program(name="追溯平台", start=0, end=1)]  # contained, 4 characters
    assert score(gold(), record).types["programs"].f1 == 1.0
    record.programs.append(Program(name="一网统管", start=0, end=1))
    assert score(gold(), record).types["programs"].precision == 0.5


def test_topics_are_closed_under_broader_and_unknown_keys_are_ignored():
    record = perfect_record()
    record.measures[0].topics.append(TopicMatch(key="regional_cooperation", matched="协同"))
    record.measures[0].topics.append(TopicMatch(key="traceability", matched="追溯"))
    s = score(gold(), record).types["topics"]
    assert (s.tp, s.fp, s.fn) == (5, 0, 0)  # 4 gold keys + regional_cooperation
    record.measures[1].topics = [TopicMatch(key="cosmetics", matched="化妆品")]
    s = score(gold(), record).types["topics"]
    assert (s.fp, s.fn, s.spurious, s.missed) == (1, 1, ["cosmetics"], ["udi"])


def test_references_by_number_or_title():
    record = perfect_record()
    record.references = [Reference(doc_number="国办发[2021]16号"),
                          Reference(title="《医疗器械监督管理条例》"), Reference(title="中国医疗器械杂志")]  # fmt: skip
    s = score(gold(), record).types["references"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)


def test_document_fields_accuracy():
    record = perfect_record()
    record.document.title = "关于加强药品监管的通知"
    record.document.doc_number = "沪府办发〔2022〕9号"  # gold: the text gives none
    result = score(gold(), record)
    s = result.types["document"]
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)
    assert result.accuracy["document"] == pytest.approx(1 / 3)


def test_out_of_scope_types_are_recall_only_or_not_scored():
    partial = gold(scope=["document", "targets"], departments=[], programs=[])
    record = perfect_record()
    record.measures.append(measure(3, "另一项措施"))
    result = score(partial, record)
    assert result.types["measures"].recall_only
    assert (result.types["measures"].tp, result.types["measures"].fp) == (2, 0)
    assert "departments" not in result.types and "programs" not in result.types
    assert not result.types["targets"].recall_only


def test_evaluate_pairs_by_source_and_micro_averages():
    other = gold(source="other.txt")
    report = evaluate([gold(), other], [perfect_record()])  # no record for other.txt
    assert [d.source for d in report.documents] == ["doc.txt", "other.txt"]
    assert report.documents[1].types["measures"].fn == 2
    m = report.types["measures"]
    assert (m.tp, m.fp, m.fn) == (2, 0, 2)
    assert report.overall.tp == sum(s.tp for s in report.types.values())
    by_key = evaluate([other], {"other.txt": perfect_record()})
    assert by_key.types["measures"].f1 == 1.0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"measures": [{"key": "建设药品追溯平台", "statement": "promise"}]}, "measures[0].statement"),
        ({"measures": [{"key": "短"}]}, "measures[0].key"),
        ({"topics": ["udl"]}, "topics"),
        ({"targets": [{"indicator": "x", "value": 1}]}, "targets[0].value_text"),
        ({"document": {"issued_date": "2022年6月2日"}}, "document.issued_date"),
        ({"unexpected": 1}, "unexpected"),
        ({"measures": [{"key": "建设药品追溯平台", "departments": [
            {"mention": "市药品监管局", "name": REG, "role": "owner"}]}]},
         "measures[0].departments[0].role"),
    ],
)  # fmt: skip
def test_malformed_gold_names_the_file_and_the_field(tmp_path, change, field):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**GOLD, **change}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_gold(path)
    assert str(path) in str(e.value) and f"'{field}'" in str(e.value)


def test_invalid_json_and_missing_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"source": "x.txt",', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json: not valid JSON at line 1"):
        load_gold(path)
    with pytest.raises(InputError, match="no such gold file"):
        load_gold(tmp_path / "absent.json")


# --------------------------------------------------------------------------- shipped gold


def _letters(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def _source_text(name: str) -> str:
    """The raw document read without the extractor: tags dropped, Traditional converted."""
    raw = (CORPUS / name).read_text(encoding="utf-8")
    raw = re.sub(r"<blockquote>.*?</blockquote>|<[^>]+>", "", raw, flags=re.S)
    return opencc.OpenCC("t2s").convert(raw)


def test_shipped_gold_files_load_and_their_keys_occur_in_the_sources():
    docs = load_gold(GOLD_DIR)
    assert {d.source[:3] for d in docs} >= {"000", "001", "002"}
    for doc in docs:
        assert doc.path is not None and doc.path.stem == Path(doc.source).stem
        text = _letters(_source_text(doc.source))
        for m in doc.measures:
            assert _letters(m.key) in text, (doc.source, m.key)
        committed = {t for m in doc.measures if m.statement == "commitment" for t in m.topics}
        assert committed <= set(doc.topics), (doc.source, committed - set(doc.topics))
        named = {d.name for d in doc.departments}
        for m in doc.measures:
            assert {d.name for d in m.departments} <= named, (doc.source, m.key)


def test_role_and_value_ratios_count_what_was_found_whatever_its_role_or_value():
    from policykg.evaluation.score import evaluate as run

    gold = GoldDocument.model_validate({
        "source": "r.txt", "scope": ["measures", "responsibility", "targets"],
        "measures": [{"key": "建立联席会议制度", "departments": [
            {"mention": "市药监局", "name": "某市药品监督管理局", "role": "lead"},
            {"mention": "市商务局", "name": "某市商务局", "role": "support"}]}],
        "targets": [{"indicator": "抽检合格率", "value": 98, "value_text": "98%", "year": 2025},
                    {"indicator": "检查覆盖率", "value": 100, "value_text": "100%"}],
    })  # fmt: skip
    record = ExtractionRecord.model_validate({
        "document": {"id": "r", "source": "r.txt"},
        "measures": [{"id": "m", "ordinal": "1", "text": "建立联席会议制度。", "start": 0, "end": 9,
                      "departments": [{"name": "某市药品监督管理局", "mention": "市药监局",
                                       "role": "lead"},
                                      {"name": "某市商务局", "mention": "市商务局",
                                       "role": "responsible"}]}],
        "targets": [{"id": "t", "indicator": "抽检合格率", "value": 95, "value_text": "95%",
                     "year": 2025, "start": 0, "end": 1}],
    })  # fmt: skip
    report = run([gold], [record])
    assert (report.ratios["roles"].right, report.ratios["roles"].of) == (1, 2)
    assert (report.ratios["targets_found"].right, report.ratios["targets_found"].of) == (1, 2)
    assert (report.ratios["values"].right, report.ratios["values"].of) == (0, 1)
