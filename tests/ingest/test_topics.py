"""Topics: matched phrases, look-alikes, statements kept out, and committing provinces."""

from __future__ import annotations

from collections import defaultdict

import pytest
from policykg.ingest.nlp import parse
from policykg.ingest.record import Measure
from policykg.ingest.topics import indicator_topics, measure_topics
from policykg.ingest.vocab import DESIGN_TOPIC_KEYS, topic_narrower

from tests.ingest.seeds import all_records, record

SH, ZJ, CQ = "上海市", "浙江省", "重庆市"


def _topics(text: str, code: str = "310000") -> dict[str, str]:
    """{topic: the phrase that matched first}."""
    doc = parse(text, code)
    m = Measure(id="m", ordinal="1", text=text, start=0, end=len(text))
    return {t.key: t.matched for t in measure_topics(doc, m)}


# (text, topic expected with its matched phrase, topics that must not fire)
MATCHES = [
    ("规范互联网销售医疗器械行为，提升上市后监管效能。", ("online_sales", "互联网销售"), []),
    ("深化医疗器械唯一标识应用，加强与医疗、医保等衔接。", ("udi", "医疗器械唯一标识"), []),
    ("执行国家标准，实行药品编码管理，建设药品（疫苗）追溯平台。",
     ("drug_traceability", "药品编码"), ["udi"]),
    ("运用大数据、人工智能、区块链技术，探索“AI+监管”模式。",
     ("smart_regulation", "大数据"), ["ai_medical_devices"]),
    ("推进人工智能医疗器械、脑机接口等前沿技术的标准化研究。",
     ("ai_medical_devices", "人工智能医疗器械"), []),
    ("推动人工智能技术与医药全产业链融合，加快人工智能药物发现与设计系统应用。",
     ("industry_digitalization", "人工智能技术与医药全产业"), ["ai_medical_devices"]),
    ("配合国家药监局做好申请加入国际药品检查合作计划（PIC/S）相关工作。",
     ("pics", "国际药品检查合作计划"), []),
    ("推动川渝标准互认、技术审评结果互认。", ("chengdu_chongqing", "川渝"), []),
    ("对通过一致性评价品种、国家集中采购中选品种开展专项风险监测。",
     ("centralized_procurement", "集中采购"), ["generic_consistency"]),
]  # fmt: skip


@pytest.mark.parametrize("text,hit,absent", MATCHES, ids=[m[0][:14] for m in MATCHES])
def test_matches(text, hit, absent):
    got = _topics(text)
    key, matched = hit
    assert got.get(key) == matched, got
    for key in absent:
        assert key not in got, (key, got[key])


def test_responsibility_statement_is_not_matched():
    """市中医药管理局 in （责任部门：…） is a department, not a TCM commitment."""
    text = "加快法规制度建设，出台监管指南。（责任部门：市药品监管局、市中医药管理局）"
    assert "tcm" not in _topics(text)
    assert "tcm" in _topics("支持中药传承创新。（责任部门：市药品监管局）")


def test_indicators_give_targets_their_topics():
    assert {t.key for t in indicator_topics("药品重点产品追溯落实率", None)} >= {
        "drug_traceability"
    }
    udi = indicator_topics("医疗器械唯一标识制度实施率", None)
    assert "udi" in {t.key for t in udi}
    assert all(t.matched for t in udi)


def test_every_match_points_at_its_text():
    for rec in all_records():
        for m in rec.measures:
            for t in m.topics:
                assert t.matched in m.text, (rec.document.source, m.ordinal, t)
        for target in rec.targets:
            assert target.topics or not target.indicator_key, target.indicator


# The provinces that COMMIT to each DESIGN.md topic in the five seeds (a commitment measure
# or a target; narrower topics count for the broader one). Each set was checked by reading
# the sentences — e.g. Chongqing names UDI, the device-registrant pilot and lot release only
# in its review of the 13th plan (background); Zhejiang's 智能诊断、智能治疗装备 are smart
# equipment, not the AI-device category; Chongqing samples "通过一致性评价品种" but does
# not commit to the evaluation itself.
ALL3 = {SH, ZJ, CQ}
COMMITTING = {
    "udi": {SH, ZJ},
    "drug_traceability": ALL3,
    "vaccine_oversight": ALL3,
    "pharmacovigilance": ALL3,
    "mah_system": ALL3,
    "device_registrant": {SH, ZJ},
    "tcm": ALL3,
    "cosmetics": ALL3,
    "ai_medical_devices": {SH},
    "brain_computer_interface": {SH},
    "cell_gene_therapy": ALL3,
    "rare_disease": {SH, ZJ},
    "blood_products": ALL3,
    "special_drugs": ALL3,
    "inspector_workforce": ALL3,
    "smart_regulation": ALL3,
    "review_approval_reform": ALL3,
    "generic_consistency": {SH, ZJ},
    "clinical_trials": ALL3,
    "online_sales": ALL3,
    "emergency_response": ALL3,
    "standards": ALL3,
    "credit_regulation": ALL3,
    "testing_capacity": ALL3,
    "regulatory_science": ALL3,
    "lot_release": {SH, ZJ},
    "pics": {SH},
    "international": ALL3,
    "yangtze_river_delta": {SH, ZJ},
    "chengdu_chongqing": {CQ},
    "regional_cooperation": ALL3,
}


def committing_provinces() -> dict[str, set[str]]:
    direct: dict[str, set[str]] = defaultdict(set)
    for rec in all_records():
        province = rec.document.province
        for m in rec.measures:
            if m.statement == "commitment":
                for t in m.topics:
                    direct[t.key].add(province)
        for target in rec.targets:
            for t in target.topics:
                direct[t.key].add(province)
    return {
        key: set().union(*(direct[k] for k in {key, *topic_narrower(key)}))
        for key in DESIGN_TOPIC_KEYS
    }


def test_committing_provinces_per_topic():
    got = committing_provinces()
    for key in DESIGN_TOPIC_KEYS:  # shown with `pytest -s`
        print(f"{key:26s} {sorted(got[key])}")
    assert set(COMMITTING) == set(DESIGN_TOPIC_KEYS)
    wrong = {
        k: (sorted(got[k]), sorted(COMMITTING[k])) for k in COMMITTING if got[k] != COMMITTING[k]
    }
    assert not wrong, wrong


def test_chongqing_udi_pilot_is_background():
    rec = record("004")
    pilot = [m for m in rec.measures if "医疗器械唯一标识" in m.text]
    assert pilot and all(m.statement == "background" for m in pilot)
    assert "udi" in {t.key for m in pilot for t in m.topics}  # matched, but not committed
