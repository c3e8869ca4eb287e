"""The vocabularies: provinces, regions, departments, topics, indicators — data and semantics."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from policykg.ingest import lexicon, matching, vocab

from policykg.errors import InputError
from policykg.resources import data_path

# ----------------------------------------------------------------------------- provinces


def test_34_provinces_with_unique_codes_and_the_right_kinds() -> None:
    provinces = vocab.provinces()
    assert len(provinces) == 34
    assert len({p.code for p in provinces}) == 34
    assert len({p.name for p in provinces}) == 34
    assert Counter(p.kind for p in provinces) == {
        "province": 23,
        "autonomous_region": 5,
        "municipality": 4,
        "sar": 2,
    }
    kinds = {p.name: p.kind for p in provinces}
    assert {n for n, k in kinds.items() if k == "municipality"} == {
        "北京市",
        "天津市",
        "上海市",
        "重庆市",
    }
    assert {n for n, k in kinds.items() if k == "sar"} == {"香港特别行政区", "澳门特别行政区"}
    assert kinds["广西壮族自治区"] == "autonomous_region"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("上海市", "310000"),
        ("上海", "310000"),
        ("沪", "310000"),
        ("310000", "310000"),
        ("浙江", "330000"),
        ("浙", "330000"),
        ("渝", "500000"),
        ("川", "510000"),
        ("蜀", "510000"),
        ("黔", "520000"),
        ("广西", "450000"),
        ("广西壮族自治区", "450000"),
        ("内蒙古", "150000"),
        ("香港特别行政区", "810000"),
        ("香港", "810000"),
        (" 重庆市 ", "500000"),
    ],
)
def test_province_by_name_alias_short_or_code(text: str, code: str) -> None:
    province = vocab.province_by_name(text)
    assert province is not None and province.code == code


def test_unknown_province_name_is_none() -> None:
    assert vocab.province_by_name("火星") is None


def test_provincial_prefixes_follow_the_kind() -> None:
    assert vocab.province_by_name("上海").prefixes[0] == "市"
    assert vocab.province_by_name("重庆").prefixes[0] == "市"
    assert vocab.province_by_name("浙江").prefixes[0] == "省"
    assert set(vocab.province_by_name("广西").prefixes) >= {"自治区", "区"}


def test_document_number_abbreviations() -> None:
    assert vocab.province_by_name("上海").short == "沪"
    assert vocab.province_by_name("内蒙古").doc_number_prefixes == ("内",)


# ----------------------------------------------------------------------------- regions


def test_regions_have_members_and_topics() -> None:
    regions = {r.key: r for r in vocab.regions()}
    assert set(regions["yangtze_river_delta"].members) == {"310000", "320000", "330000", "340000"}
    assert set(regions["chengdu_chongqing"].members) == {"500000", "510000"}
    assert set(regions["beijing_tianjin_hebei"].members) == {"110000", "120000", "130000"}
    assert "810000" in regions["greater_bay_area"].members
    topic_keys = {t.key for t in vocab.topics()}
    codes = {p.code for p in vocab.provinces()}
    for region in regions.values():
        assert region.topic in topic_keys
        assert set(region.members) <= codes
        assert "regional_cooperation" in vocab.topic_ancestors(region.topic)


# ----------------------------------------------------------------------------- topics


def test_every_design_topic_key_is_present() -> None:
    keys = {t.key for t in vocab.topics()}
    assert set(vocab.DESIGN_TOPIC_KEYS) <= keys


def test_topic_hierarchy_links_are_valid() -> None:
    topics = {t.key: t for t in vocab.topics()}
    for topic in topics.values():
        assert topic.name_zh and topic.name_en
        for broader in topic.broader:
            assert broader in topics
        assert topic.key not in vocab.topic_ancestors(topic.key)
    assert "traceability" in topics["udi"].broader
    assert "traceability" in topics["drug_traceability"].broader
    assert "regional_cooperation" in topics["yangtze_river_delta"].broader
    assert "regional_cooperation" in topics["chengdu_chongqing"].broader
    assert {"udi", "drug_traceability"} <= vocab.topic_narrower("traceability")


def test_design_topics_carry_synonyms() -> None:
    topics = {t.key: t for t in vocab.topics()}
    for key in vocab.DESIGN_TOPIC_KEYS:
        topic = topics[key]
        assert topic.synonyms or topic.patterns, key
    assert {"医疗器械唯一标识", "唯一标识", "UDI"} <= set(topics["udi"].synonyms)
    assert {"药品追溯", "追溯体系", "追溯平台", "追溯监管系统"} <= set(
        topics["drug_traceability"].synonyms
    )
    assert {"网络销售", "以网管网", "网售"} <= set(topics["online_sales"].synonyms)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # 001 item 15: UDI and drug traceability in one measure
        (
            "执行国家标准，实行药品编码管理，建设药品（疫苗）追溯平台",
            {"drug_traceability"},
            {"udi"},
        ),
        ("深化医疗器械唯一标识应用，加强与医疗、医保等衔接", {"udi"}, {"drug_traceability"}),
        # 人工智能 as a regulatory tool is smart regulation, not an AI device
        (
            "强化创新产业地图、AI+智慧辅助审评审批、AI+现场监管",
            {"smart_regulation"},
            {"ai_medical_devices"},
        ),
        (
            "运用大数据、人工智能、区块链技术，加强医疗器械监管",
            {"smart_regulation"},
            {"ai_medical_devices"},
        ),
        (
            "推进人工智能医疗器械、医用机器人、脑机接口的标准化研究",
            {"ai_medical_devices", "brain_computer_interface", "standards"},
            set(),
        ),  # fmt: skip
        ("支持企业研发人工智能辅助诊断软件等医疗器械产品", {"ai_medical_devices"}, set()),
        # 药品、医疗器械和化妆品 is an enumeration of all three, not a cosmetics commitment
        (
            "加强药品、医疗器械和化妆品不良反应（事件）监测体系建设",
            {"pharmacovigilance"},
            {"cosmetics"},
        ),
        ("推进化妆品研发和产业集聚，打造化妆品新品首发地", {"cosmetics"}, set()),
        # online sales by pattern
        ("规范互联网销售医疗器械行为", {"online_sales"}, set()),
        ("坚持以网管网，加强对网络第三方平台销售药品的监督检查", {"online_sales"}, set()),
        ("逐步实现长三角区域内注册备案审评要求统一", {"yangtze_river_delta"}, set()),
        ("深化川渝药品监管一体化", {"chengdu_chongqing"}, set()),
        ("冷藏药品储存运输", set(), {"ethnic_medicine"}),
        ("中药饮片全流程追溯试点", {"tcm", "drug_traceability"}, set()),
        ("配合国家药监局做好申请加入国际药品检查合作计划(PIC/S)相关工作", {"pics"}, set()),
    ],
)
def test_topic_matching(text: str, present: set[str], absent: set[str]) -> None:
    keys = {key for key, _ in matching.match_topics(text)}
    assert present <= keys, keys
    assert not (absent & keys), keys


def test_a_broader_hit_inside_a_narrower_one_is_dropped() -> None:
    keys = [key for key, _ in matching.match_topics("建设药品追溯监管系统")]
    assert "drug_traceability" in keys
    assert "traceability" not in keys


def test_matched_text_is_reported() -> None:
    assert ("udi", "医疗器械唯一标识") in matching.match_topics("推进医疗器械唯一标识实施")


# ----------------------------------------------------------------------------- indicators


def test_indicator_topics_exist_and_keys_are_unique() -> None:
    topic_keys = {t.key for t in vocab.topics()}
    keys = [i.key for i in vocab.indicators()]
    assert len(keys) == len(set(keys))
    for indicator in vocab.indicators():
        assert set(indicator.topics) <= topic_keys, indicator.key


def test_every_example_resolves_to_its_own_indicator() -> None:
    for indicator in vocab.indicators():
        for example in indicator.examples:
            assert matching.match_indicator(example) == indicator.key, (indicator.key, example)


def test_the_same_measurement_joins_across_provinces() -> None:
    shanghai = matching.match_indicator("药品不良反应监测报告数")  # 000, 1500份/百万人
    zhejiang = matching.match_indicator("药品不良反应报告数")  # 003, 1000以上
    assert shanghai == zhejiang == "adr_reports_per_million"
    # but a different measurement is not joined by shared words (issue 13.6): 上海's count
    # in the national special review procedure is not 浙江's count of devices it cultivates
    assert matching.match_indicator("进入国家创新医疗器械特别审查程序产品") == (
        "innovative_devices_special_review"
    )
    assert matching.match_indicator("培育创新医疗器械") == "innovative_devices_cultivated"


@pytest.mark.parametrize(
    ("row", "key"),
    [
        # 000 Shanghai 主要指标分工
        ("建设市级生物医药产品注册指导服务工作站", "registration_service_stations"),
        ("在产药品质量抽检覆盖率", "sampling_coverage_rate"),
        (
            "医疗器械注册人在国家不良事件监测信息系统注册率",
            "device_registrant_ae_system_registration_rate",
        ),
        ("辖区内新增生产疫苗品种批签发授权", "vaccine_lot_release_authorizations"),
        ("市级药物警戒专职技术人员", "pharmacovigilance_staff"),
        # 003 Zhejiang “十四五”时期药品安全主要指标
        ("药品重点产品追溯落实率", "traceability_implementation_rate"),
        ("医疗器械唯一标识制度实施率", "udi_implementation_rate"),
        ("基本药物、集采品种抽检合格率", "sampling_pass_rate_essential_drugs"),
        ("化妆品不良反应报告数", "cosmetics_adverse_reaction_reports_per_million"),
        ("医疗器械不良事件报告数", "device_adverse_event_reports_per_million"),
        ("重大及以上药品安全事件", "major_safety_incidents"),
        # 004 Chongqing 主要指标表 (separators lost in the scrape)
        ("药品生产领域抽检合格率", "sampling_pass_rate_production"),
        ("药品流通领域抽检合格率", "sampling_pass_rate_distribution"),
        ("“两品一械”审评、审批按时办结率", "approval_on_time_rate"),
        ("国家级重点实验室（医疗器械）", "key_laboratories"),
        ("专（兼）职检查员资质数量", "inspectors_count"),
    ],
)
def test_seed_indicator_rows(row: str, key: str) -> None:
    assert matching.match_indicator(row) == key


def test_an_unknown_indicator_is_none() -> None:
    assert matching.match_indicator("人均公园绿地面积") is None


# ----------------------------------------------------------------------------- departments


@pytest.mark.parametrize(
    ("mention", "code", "name", "kind", "level"),
    [
        ("市药品监管局", "310000", "上海市药品监督管理局", "drug_regulator", "provincial"),
        ("市药监局", "310000", "上海市药品监督管理局", "drug_regulator", "provincial"),
        ("上海市药品监督管理局", "310000", "上海市药品监督管理局", "drug_regulator", "provincial"),
        ("市药监局", "500000", "重庆市药品监督管理局", "drug_regulator", "provincial"),
        ("省药监局", "330000", "浙江省药品监督管理局", "drug_regulator", "provincial"),
        ("省药品监管局", "330000", "浙江省药品监督管理局", "drug_regulator", "provincial"),
        ("区药监局", "450000", "广西壮族自治区药品监督管理局", "drug_regulator", "provincial"),
        ("市经济信息化委", "310000", "上海市经济和信息化委员会", "economy_it", "provincial"),
        ("市经济信息委", "500000", "重庆市经济和信息化委员会", "economy_it", "provincial"),
        ("省经信厅", "330000", "浙江省经济和信息化厅", "economy_it", "provincial"),
        (
            "市人力资源社会保障局",
            "310000",
            "上海市人力资源和社会保障局",
            "human_resources",
            "provincial",
        ),
        ("省人力社保厅", "330000", "浙江省人力资源和社会保障厅", "human_resources", "provincial"),
        (
            "市委编办",
            "310000",
            "中共上海市委机构编制委员会办公室",
            "establishment_office",
            "provincial",
        ),
        ("杭州海关", "330000", "杭州海关", "customs", "provincial"),
        ("上海海关", "310000", "上海海关", "customs", "provincial"),
        ("国家药监局", "330000", "国家药品监督管理局", "drug_regulator", "national"),
        ("国家卫生健康委", "310000", "国家卫生健康委员会", "health", "national"),
        ("海关总署", "500000", "海关总署", "customs", "national"),
        ("中宣部", "500000", "中共中央宣传部", "publicity", "national"),
        ("省民政厅", "430000", "湖南省民政厅", "civil_affairs", "provincial"),
        ("市住建委", "310000", "上海市住房和城乡建设管理委员会", "housing", "provincial"),
        ("省供销社", "620000", "甘肃省供销合作社联合社", "supply_marketing", "provincial"),
        ("区党委组织部", "450000", "中共广西壮族自治区委员会组织部", "organization", "provincial"),
        ("全国妇联", "330000", "中华全国妇女联合会", "mass_organization", "national"),
        ("国家林业局", "330000", "国家林业局", "forestry", "national"),
        ("浦东新区政府", "310000", "上海市浦东新区人民政府", "district_government", "district"),
        ("巴南区政府", "500000", "巴南区人民政府", "district_government", "district"),
        ("杭州市人民政府", "330000", "杭州市人民政府", "city_government", "municipal"),
    ],
)
def test_resolve_department(mention: str, code: str, name: str, kind: str, level: str) -> None:
    dept = lexicon.resolve_department(mention, code)
    assert dept is not None, mention
    assert (dept.name, dept.kind, dept.level) == (name, kind, level)


def test_traditional_input_after_conversion_is_the_same_node() -> None:
    # 002 writes 市藥品監管局; t2s conversion gives 市药品监管局
    assert lexicon.resolve_department("市药品监管局", "310000") == lexicon.resolve_department(
        "上海市药品监督管理局", "310000"
    )


def test_the_same_words_are_different_nodes_in_different_provinces() -> None:
    shanghai = lexicon.resolve_department("市药监局", "310000")
    chongqing = lexicon.resolve_department("市药监局", "500000")
    assert shanghai is not None and chongqing is not None
    assert shanghai.name != chongqing.name
    # in a province, 市… is a city-level body, never the provincial regulator
    assert lexicon.resolve_department("市药监局", "330000") is None


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("器械注册处", "上海市药品监督管理局医疗器械注册管理处"),
        ("药审中心", "上海市药品审评核查中心"),
        ("器审中心", "上海市医疗器械化妆品审评核查中心"),
        ("监测中心", "上海市药品和医疗器械不良反应监测中心"),
        ("食药检院", "上海市食品药品检验研究院"),
        ("医械院", "上海市医疗器械检验研究院"),
        ("包材所", "上海市食品药品包装材料测试所"),
        ("稽查局", "上海市药品监督管理局稽查局"),
        ("市药监局器审中心", "上海市医疗器械化妆品审评核查中心"),
    ],
)
def test_divisions_of_the_regulator(mention: str, name: str) -> None:
    dept = lexicon.resolve_department(mention, "310000")
    assert dept is not None
    assert dept.name == name
    assert dept.level == "division"
    assert dept.parent == "上海市药品监督管理局"
    assert not dept.collective


def test_zhejiang_units_with_their_own_names() -> None:
    assert (
        lexicon.resolve_department("省药品化妆品审评中心", "330000").name
        == "浙江省药品化妆品审评中心"
    )
    assert lexicon.resolve_department("省器械审评中心", "330000").name == "浙江省医疗器械审评中心"
    assert (
        lexicon.resolve_department("重庆医疗器械质量检验中心", "500000").name
        == "重庆医疗器械质量检验中心"
    )


@pytest.mark.parametrize(
    ("mention", "code"),
    [
        ("各业务处", "310000"),
        ("各直属单位", "310000"),
        ("各处", "310000"),
        ("各区政府", "310000"),
        ("各区县（自治县）人民政府", "500000"),
        ("各市、县（市、区）人民政府", "330000"),
        ("各设区市政府", "320000"),
    ],
)
def test_collective_mentions_are_flagged(mention: str, code: str) -> None:
    dept = lexicon.resolve_department(mention, code)
    assert dept is not None and dept.collective


def test_local_governments_collapse_to_one_collective_node() -> None:
    a = lexicon.resolve_department("各区政府", "310000")
    b = lexicon.resolve_department("各区人民政府", "310000")
    c = lexicon.resolve_department("相关区政府", "310000")
    assert a == b == c
    assert (a.kind, a.level) == ("district_government", "district")


def test_every_province_lexicon_builds_without_conflicts() -> None:
    for province in vocab.provinces():
        entries = lexicon.department_lexicon(province.code)  # raises on a conflict
        assert entries
    # the mainland pattern names do not apply to the SARs
    assert lexicon.resolve_department("市药监局", "810000") is None


def test_divisions_belong_to_a_drug_regulator() -> None:
    entries = {d.key: d for d in vocab.departments()}
    divisions = [e for e in entries.values() if e.level == "division"]
    assert divisions
    for entry in divisions:
        assert entry.parent in entries, entry.key
        assert entries[entry.parent].kind == "drug_regulator", entry.key


def test_find_departments_in_running_text() -> None:
    text = "市药监局加强药品批发监管，对区县药品监管机构加强指导，提升4个食品药品检验所能力。"
    found = [(text[s:e], d.name) for s, e, d in lexicon.find_departments(text, "500000")]
    assert ("市药监局", "重庆市药品监督管理局") in found
    assert any(name == "重庆市各区县（自治县）市场监督管理局" for _, name in found)
    assert not any(mention == "食品药品检验所" for mention, _ in found)  # a common noun here


# ----------------------------------------------------------------------------- files


def test_the_data_files_are_found() -> None:
    for parts in (
        ("reference", "provinces.yaml"),
        ("reference", "regions.yaml"),
        ("reference", "departments.yaml"),
        ("taxonomy", "topics.yaml"),
        ("taxonomy", "indicators.yaml"),
    ):
        assert data_path(*parts).is_file()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_malformed_province_file_names_the_file_and_the_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "provinces.yaml",
        "provinces:\n"
        "  - {code: '310000', name: 上海市, name_en: Shanghai, short: 沪, kind: city,\n"
        "     aliases: [上海], prefixes: [市]}\n",
    )
    with pytest.raises(InputError) as err:
        vocab.provinces(path)
    message = str(err.value)
    assert str(path) in message
    assert "provinces[0] (code 310000).kind" in message


def test_an_unknown_field_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "provinces.yaml",
        "provinces:\n"
        "  - {code: '310000', name: 上海市, name_en: Shanghai, short: 沪, kind: municipality,\n"
        "     prefixes: [市], capital: 上海}\n",
    )
    with pytest.raises(InputError, match=r"capital"):
        vocab.provinces(path)


def test_a_topic_with_an_unknown_broader_key_is_refused(tmp_path: Path) -> None:
    text = data_path("taxonomy", "topics.yaml").read_text(encoding="utf-8")
    text = text.replace("broader: [traceability]", "broader: [no_such_topic]", 1)
    path = _write(tmp_path, "topics.yaml", text)
    with pytest.raises(InputError) as err:
        vocab.topics(path)
    assert str(path) in str(err.value)
    assert ".broader" in str(err.value) and "no_such_topic" in str(err.value)


def test_a_missing_design_topic_is_refused(tmp_path: Path) -> None:
    text = data_path("taxonomy", "topics.yaml").read_text(encoding="utf-8")
    path = _write(tmp_path, "topics.yaml", text.replace("key: pics", "key: pics_accession"))
    with pytest.raises(InputError, match=r"pics"):
        vocab.topics(path)


def test_an_indicator_with_an_unknown_topic_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "indicators.yaml",
        "indicators:\n"
        "  - {key: x_rate, name: 某率, name_en: X, unit: '%', measure: rate,\n"
        "     topics: [no_such_topic], synonyms: [某率]}\n",
    )
    with pytest.raises(InputError, match=r"indicators\[0\] \(key x_rate\)\.topics"):
        vocab.indicators(path)


def test_a_department_with_an_unknown_parent_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "departments.yaml",
        "departments:\n"
        "  - {key: office, kind: drug_regulator, level: division, parent: nowhere,\n"
        "     name: '{parent}办公室', aliases: [办公室]}\n",
    )
    with pytest.raises(InputError, match=r"departments\[0\] \(key office\)\.parent"):
        vocab.departments(path)


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "regions.yaml", "regions: [unclosed\n")
    with pytest.raises(InputError) as err:
        vocab.regions(path)
    assert str(path) in str(err.value)


def test_a_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing.yaml"):
        vocab.topics(tmp_path / "nothing.yaml")
