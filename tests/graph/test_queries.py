"""Every named query (queries/*.cypher) on the real embedded FalkorDB, with asserted answers.

Two layers (the header parser has its own tests, test_query_headers.py):

* `SEED_CHECKS`: one check per named query against the five seeds as ingested, asserting
  what the seed documents say (UDI: 上海 and 浙江 commit, 重庆 mentions it only in its
  review of the last plan; 上海's 000 table: 药品不良反应监测报告数 1500份/百万人 …) and that
  every evidence span is the sentence in the normalized document. tests/e2e/test_neo4j.py
  runs the same checks against a real Neo4j;
* a small hand-built graph (`tiny`) that pins the status logic of provinces_by_topic
  (commits through a target alone, background only, narrower topics) independent of the
  extractor.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from policykg.graph.model import record_to_graph
from policykg.graph.queries import enum_values, get_query, registry
from policykg.graph.store import GraphStore
from policykg.graph.writer import load_reference_data, write_document
from policykg.ingest import vocab
from policykg.ingest.normalize import normalize
from policykg.ingest.read import read_source
from policykg.ingest.record import DocumentInfo, ExtractionRecord, Measure, Target, TopicMatch

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"

Rows = list[dict[str, Any]]
Run = Callable[..., Rows]
PROVINCES = [p.name for p in sorted(vocab.provinces(), key=lambda p: p.code)]
UDI_DOC = "关于全面加强药品监管能力建设的实施意见"  # 001, 沪府办发〔2022〕9号
ZJ_PLAN = "浙江省药品安全“十四五”规划"


class Seeds:
    """A store holding the five seeds, and the normalized text of each seed document."""

    def __init__(self, store: GraphStore, corpus: Path | None = CORPUS):
        self.store = store
        docs = store.read("MATCH (d:Document) RETURN d.title AS title, d.source AS source")
        self.texts = {
            r["title"]: normalize(read_source(corpus / r["source"])).text
            for r in docs.records()
            if corpus is not None
        }

    def run(self, name: str, **given: Any) -> Rows:
        """A named query as the API runs it: bound and checked by the registry."""
        query = get_query(name)
        params = query.bind(given, enum_values)
        return self.store.read(query.cypher, params, timeout_ms=60_000).records()

    def assert_span(self, document: str, start: int, end: int, text: str) -> None:
        """Evidence is exactly the text at [start, end) of the normalized document."""
        assert self.texts[document][start:end] == text, (document, start, end, text[:40])

    def assert_value_span(self, document: str, start: int, end: int, evidence: str) -> None:
        """A target's span points at its value, inside its evidence row or sentence."""
        found = self.texts[document][start:end]
        assert found and found in evidence, (document, start, end, found, evidence[:60])


def by(rows: Rows, key: str) -> dict[Any, dict[str, Any]]:
    out = {r[key]: r for r in rows}
    assert len(out) == len(rows), f"{key} is not unique in {[r[key] for r in rows]}"
    return out


# --------------------------------------------------------------------------- seed checks

SEED_CHECKS: dict[str, Callable[[Seeds], None]] = {}
CHECKED: set[str] = set()  # the named queries the checks are about


def checks(query: str) -> Callable[[Callable[[Seeds], None]], Callable[[Seeds], None]]:
    def register(fn: Callable[[Seeds], None]) -> Callable[[Seeds], None]:
        SEED_CHECKS[fn.__name__.removeprefix("check_")] = fn
        CHECKED.add(query)
        return fn

    return register


@checks("provinces_by_topic")
def check_provinces_by_topic(s: Seeds) -> None:
    rows = s.run("provinces_by_topic", topic="udi")
    assert sorted(r["province"] for r in rows) == sorted(PROVINCES)  # all 34, once each
    status = {r["province"]: r["status"] for r in rows}
    assert {p for p, st in status.items() if st == "commits"} == {"上海市", "浙江省"}
    assert {p for p, st in status.items() if st == "background"} == {"重庆市"}
    # no seed province is silent on UDI; the 31 without documents cannot be called silent
    assert sum(st == "no_documents" for st in status.values()) == 31
    ranks = [{"commits": 0, "background": 1, "silent": 2, "no_documents": 3}[r["status"]]
             for r in rows]  # fmt: skip
    assert ranks == sorted(ranks)
    rows = by(rows, "province")

    # 上海 001: “深化医疗器械唯一标识应用，加强与医疗、医保等衔接” with its 责任部门
    sh = rows["上海市"]
    assert sh["measures"] == len(sh["evidence"]) >= 2
    item = next(e for e in sh["evidence"] if e["document"] == UDI_DOC)
    assert "深化医疗器械唯一标识应用" in item["text"]
    assert item["doc_number"] == "沪府办发〔2022〕9号" and item["section"]
    assert "udi" in item["topics"] and item["matched"]
    assert any("药品监督管理局" in d["name"] and d["id"] and d["kind"] for d in item["departments"])
    assert item["document_id"] and item["source_start"] is not None
    # the status rests on the province's documents, named with kind and date
    assert {d["document_id"] for d in sh["documents"]} >= {item["document_id"]}
    assert all(d["kind"] for d in sh["documents"])
    assert any("药品监督管理局" in d for d in sh["responsible_departments"])
    for e in sh["evidence"]:
        s.assert_span(e["document"], e["start"], e["end"], e["text"])

    # 浙江: “全面推行…医疗器械唯一标识制度” and the indicator 医疗器械唯一标识制度实施率 100%
    zj = rows["浙江省"]
    assert any("医疗器械唯一标识制度" in e["text"] for e in zj["evidence"])
    rate = [t for t in zj["targets"] if t["indicator_key"] == "udi_implementation_rate"]
    assert {t["year"] for t in rate} == {2023, 2025}
    assert all(t["value"] == 100 and t["unit"] == "%" for t in rate)
    assert zj["target_count"] == len(zj["targets"]) >= 2
    for t in zj["targets"]:
        s.assert_value_span(t["document"], t["start"], t["end"], t["text"])

    # 重庆: only the review of the 13th plan (“纳入…医疗器械唯一标识系统…试点范围”)
    cq = rows["重庆市"]
    assert cq["evidence"] == [] and cq["targets"] == [] and cq["measures"] == 0
    assert cq["background"] and all(b["statement"] != "commitment" for b in cq["background"])
    assert any("医疗器械唯一标识系统" in b["text"] for b in cq["background"])
    for b in cq["background"]:
        s.assert_span(b["document"], b["start"], b["end"], b["text"])

    nothing = rows["北京市"]  # no document of 北京 in the graph: no_documents, never silent
    assert nothing["status"] == "no_documents" and nothing["documents"] == []
    assert nothing["lead_departments"] == []
    assert nothing["evidence"] == nothing["background"] == nothing["targets"] == []


@checks("coverage")
def check_coverage(s: Seeds) -> None:
    rows = by(s.run("coverage"), "province")
    assert len(rows) == 34
    assert rows["北京市"]["document_count"] == 0 and rows["北京市"]["documents"] == []
    sh = rows["上海市"]
    assert sh["document_count"] == len(sh["documents"]) >= 2
    assert "实施意见" in sh["kinds"] and "2022" in sh["years"]
    assert "2021-2025" in rows["浙江省"]["periods"]
    dates = [d["issued_date"] for d in sh["documents"] if d["issued_date"]]
    assert dates == sorted(dates)
    assert sum(r["document_count"] for r in rows.values()) == len(s.run("documents"))
    [only] = s.run("coverage", province="重庆市")
    assert only["province"] == "重庆市" and only["document_count"] >= 1


@checks("topic_timeline")
def check_topic_timeline(s: Seeds) -> None:
    rows = s.run("topic_timeline", topic="udi")
    status = by(s.run("provinces_by_topic", topic="udi"), "province")
    # exactly the committing provinces, each once
    assert {r["province"] for r in rows} == {
        p for p, r in status.items() if r["status"] == "commits"
    }
    sh = by(rows, "province")["上海市"]
    # the earliest committing document: its issued date, kind, and the national document it cites
    dated = [d for d in sh["documents"] if d["issued_date"]]
    assert sh["first_committed"] == min(d["issued_date"] for d in dated)
    assert sh["document_kind"] == "实施意见" and sh["doc_number"] == "沪府办发〔2022〕9号"
    assert any(f["doc_number"] == "国办发〔2021〕16号" for f in sh["follows"])
    firsts = [r["first_committed"] or "9999" for r in rows]
    assert firsts == sorted(firsts)
    for r in rows:
        assert r["documents_committing"] == len(r["documents"]) >= 1
        assert all(x["items"] >= 1 for x in r["documents"])


@checks("provinces_by_topic")
def check_provinces_by_topic_narrower(s: Seeds) -> None:
    with_narrower = by(s.run("provinces_by_topic", topic="traceability"), "province")
    only = by(s.run("provinces_by_topic", topic="traceability", include_narrower=False), "province")
    family = {"traceability", "udi", "drug_traceability"}
    for name in PROVINCES:
        wide, narrow = with_narrower[name], only[name]
        assert wide["measures"] >= narrow["measures"]
        if narrow["status"] == "commits":
            assert wide["status"] == "commits"
        for e in wide["evidence"]:
            assert set(e["topics"]) <= family
        for e in narrow["evidence"]:
            assert e["topics"] == ["traceability"]
    # UDI and drug traceability (药品（疫苗）追溯平台, 中药饮片全流程追溯) count for traceability
    assert with_narrower["上海市"]["status"] == with_narrower["浙江省"]["status"] == "commits"


@checks("provinces_by_topic")
def check_provinces_by_topic_pharmacovigilance(s: Seeds) -> None:
    rows = by(s.run("provinces_by_topic", topic="pharmacovigilance"), "province")
    sh = rows["上海市"]
    [adr] = [t for t in sh["targets"] if t["indicator"] == "药品不良反应监测报告数"]
    assert adr["value_text"] == "1500份/百万人" and adr["value"] == 1500
    assert adr["unit"] == "份/百万人" and adr["year"] == 2025
    assert adr["indicator_key"] == "adr_reports_per_million"
    assert any("不良反应监测中心" in d for d in sh["responsible_departments"])
    zj = rows["浙江省"]
    assert {t["value_text"] for t in zj["targets"] if t["indicator"] == "药品不良反应报告数"} == {
        "1000以上"
    }
    assert sh["status"] == zj["status"] == "commits"


@checks("lead_departments_by_topic")
def check_lead_departments_by_topic(s: Seeds) -> None:
    rows = s.run("lead_departments_by_topic", topic="pharmacovigilance", province="上海市")
    assert rows and {r["province"] for r in rows} == {"上海市"}
    # 000 row 14: 市级药物警戒专职技术人员 50名, 人事处会监测中心 (人事处 leads, 监测中心 supports)
    personnel = next(r for r in rows if r["department"].endswith("人事处"))
    assert personnel["lead"] >= 1 and personnel["targets"] >= 1
    assert any(
        e["role"] == "lead" and "市级药物警戒专职技术人员" in e["text"]
        for e in personnel["evidence"]
    )
    center = next(r for r in rows if "不良反应监测中心" in r["department"])
    assert center["support"] >= 1
    keys = [(r["province"], r["kind"] or "~") for r in rows]
    assert keys == sorted(keys)
    for r in rows:
        assert r["lead"] + r["support"] + r["responsible"] >= r["measures"] + r["targets"] > 0
    leads = s.run("lead_departments_by_topic", topic="pharmacovigilance", role="lead")
    assert leads and all(r["lead"] > 0 and r["support"] == r["responsible"] == 0 for r in leads)


@checks("targets_by_indicator")
def check_targets_by_indicator(s: Seeds) -> None:
    rows = s.run("targets_by_indicator", indicator="adr_reports_per_million")
    assert {r["province"] for r in rows} == {"上海市", "浙江省"}
    [sh] = [r for r in rows if r["province"] == "上海市"]
    assert (sh["written_as"], sh["value"], sh["value_text"], sh["unit"], sh["year"]) == (
        "药品不良反应监测报告数", 1500, "1500份/百万人", "份/百万人", 2025,
    )  # fmt: skip
    assert "药品不良反应监测报告数" in sh["evidence"]
    zj = [r for r in rows if r["province"] == "浙江省"]
    assert sorted(r["year"] for r in zj) == [2023, 2025]
    assert all(r["value_text"] == "1000以上" and r["comparator"] == ">=" for r in zj)
    for r in rows:
        assert r["indicator"] == "药品不良反应报告数"
        s.assert_value_span(r["document"], r["start"], r["end"], r["evidence"])
    assert [r["code"] for r in rows] == sorted(r["code"] for r in rows)

    # 上海 培育国家药监局重点实验室 3个; 重庆 国家级重点实验室（药品化妆品）2020年 3 → 2025年 6
    labs = s.run("targets_by_indicator", indicator="key_laboratories")
    assert {"上海市", "重庆市"} <= {r["province"] for r in labs}
    assert any(r["province"] == "上海市" and r["value_text"] == "3个" for r in labs)
    assert any(
        r["province"] == "重庆市" and r["value"] == 6 and r["baseline"] == 3 and r["year"] == 2025
        for r in labs
    )
    one = s.run(
        "targets_by_indicator", indicator="adr_reports_per_million", province="浙江省", year=2025
    )
    assert [(r["province"], r["year"]) for r in one] == [("浙江省", 2025)]


@checks("compare_provinces")
def check_compare_provinces(s: Seeds) -> None:
    pair = ["上海市", "浙江省"]
    rows = by(s.run("compare_provinces", provinces=pair), "topic")
    assert "udi" in rows and "chengdu_chongqing" not in rows
    for r in rows.values():
        assert r["committed_by"] and set(r["committed_by"]) <= set(pair)
        assert r["shared"] == (len(r["committed_by"]) == 2)
        assert r["only_in"] == (r["committed_by"][0] if len(r["committed_by"]) == 1 else None)
        assert [p["province"] for p in r["by_province"]] == r["committed_by"]
    assert rows["udi"]["shared"] is True
    pv = {p["province"]: p for p in rows["pharmacovigilance"]["by_province"]}
    assert "1500份/百万人" in {t["value_text"] for t in pv["上海市"]["targets"]}
    udi_zj = next(p for p in rows["udi"]["by_province"] if p["province"] == "浙江省")
    assert {t["indicator"] for t in udi_zj["targets"]} == {"医疗器械唯一标识制度实施率"}
    order = [0 if r["shared"] else 1 for r in s.run("compare_provinces", provinces=pair)]
    assert order == sorted(order)

    three = by(s.run("compare_provinces", provinces=[*pair, "重庆市"]), "topic")
    assert three["chengdu_chongqing"]["only_in"] == "重庆市"
    assert "上海市" in three["yangtze_river_delta"]["committed_by"]
    assert "重庆市" not in three["udi"]["committed_by"]  # background only


@checks("topic_matrix")
def check_topic_matrix(s: Seeds) -> None:
    rows = s.run("topic_matrix")
    assert [r["province"] for r in rows] == PROVINCES  # all 34, in code order
    columns = rows[0]["topics"]
    assert columns == sorted(columns) and "udi" in columns
    for r in rows:
        assert r["topics"] == columns
        assert len(r["measures"]) == len(r["targets"]) == len(columns)
    docs = {r["province"]: r["documents"] for r in rows}
    assert {p: n for p, n in docs.items() if n} == {"上海市": 3, "浙江省": 1, "重庆市": 1}
    for r in rows:
        if not r["documents"]:
            assert set(r["measures"]) == set(r["targets"]) == {0}

    # The cells agree with provinces_by_topic, province by province and topic by topic;
    # a cell counts an indicator once, not once per year (issue 13.6: 浙江 sets
    # 药品不良反应报告数 for 2023 and 2025, one indicator).
    asked = ["udi", "drug_traceability", "pharmacovigilance", "vaccine_oversight"]
    matrix = by(s.run("topic_matrix", topics=asked), "province")
    for topic in asked:
        i = matrix["上海市"]["topics"].index(topic)
        for r in s.run("provinces_by_topic", topic=topic, include_narrower=False):
            cell = matrix[r["province"]]
            indicators = {t["indicator_key"] or t["indicator"] for t in r["targets"]}
            assert (cell["measures"][i], cell["targets"][i]) == (r["measures"], len(indicators))
    pv = matrix["浙江省"]["topics"].index("pharmacovigilance")
    [zj] = [r for r in s.run("provinces_by_topic", topic="pharmacovigilance",
                             include_narrower=False) if r["province"] == "浙江省"]  # fmt: skip
    assert 0 < matrix["浙江省"]["targets"][pv] < zj["target_count"]


@checks("province_profile")
def check_province_profile(s: Seeds) -> None:
    [zj] = s.run("province_profile", province="浙江省")
    assert zj["code"] == "330000" and zj["regions"] == ["长江三角洲"]
    [doc] = zj["documents"]
    [listed] = s.run("documents", province="浙江省")
    assert doc["title"] == ZJ_PLAN == listed["title"]
    assert (doc["measures"], doc["targets"]) == (listed["measures"], listed["targets"])
    assert 0 < doc["commitments"] <= doc["measures"]
    topics = by(zj["topics"], "topic")
    [udi] = [r for r in s.run("provinces_by_topic", topic="udi", include_narrower=False)
             if r["province"] == "浙江省"]  # fmt: skip
    assert (topics["udi"]["commitments"], topics["udi"]["targets"]) == (
        udi["measures"], udi["target_count"],
    )  # fmt: skip
    assert len(zj["targets"]) == doc["targets"]
    assert "1000以上" in {
        t["value_text"] for t in zj["targets"] if t["indicator"] == "药品不良反应报告数"
    }
    for named in ("中药传承创新工程", "稽查执法“雄鹰”工程"):  # as the document writes them
        assert any(named in p["written_as"] for p in zj["programs"]), named
    counts = [(t["commitments"], t["targets"]) for t in zj["topics"]]
    assert counts == sorted(counts, reverse=True)
    [bj] = s.run("province_profile", province="北京市")
    assert bj["documents"] == bj["topics"] == bj["departments"] == bj["targets"] == []


@checks("topic_network")
def check_topic_network(s: Seeds) -> None:
    rows = s.run("topic_network", topic="udi")
    assert {r["province"] for r in rows} == {"上海市", "浙江省"}
    for r in rows:
        nodes = r["commitment"]["nodes"]
        assert nodes[0]["_labels"] == ["Province"] and nodes[-1]["_labels"] == ["Topic"]
        assert nodes[-1]["key"] == "udi"
        if r["responsible"] is not None:
            assert r["responsible"]["nodes"][-1]["_labels"] == ["Department"]
    only = s.run("topic_network", topic="udi", provinces=["浙江省"])
    assert only and {r["province"] for r in only} == {"浙江省"}


@checks("department_measures")
def check_department_measures(s: Seeds) -> None:
    rows = s.run("department_measures", province="上海市", department="市药品监管局")
    assert rows
    [name] = {r["department"] for r in rows}  # one department, however it is written
    assert name.startswith("上海市") and "药品" in name
    assert any("深化医疗器械唯一标识应用" in r["text"] for r in rows)
    for r in rows:
        if r["item"] == "measure":
            s.assert_span(r["document"], r["start"], r["end"], r["text"])
    same = s.run("department_measures", province="上海市", department=name)
    assert len(same) == len(rows)
    for role in enum_values("roles"):
        assert all(
            r["role"] == role
            for r in s.run("department_measures", province="上海市", department=name, role=role)
        )
    assert s.run("department_measures", province="浙江省", department="市药品监管局") == []


@checks("programs_by_province")
def check_programs_by_province(s: Seeds) -> None:
    rows = s.run("programs_by_province", province="浙江省")
    names = {w for r in rows for w in r["written_as"]}
    for named in ("中药传承创新工程", "稽查执法“雄鹰”工程", "“黑匣子”工程"):  # as 003 names them
        assert any(named in n for n in names), named
    assert all(r["province"] == "浙江省" and r["documents"] == [ZJ_PLAN] for r in rows)
    for r in rows:
        if r["evidence"]:
            e = r["evidence"]
            s.assert_span(e["document"], e["start"], e["end"], e["text"])
    tcm = s.run("programs_by_province", topic="tcm")
    assert tcm and all("tcm" in r["topics"] for r in tcm)
    works = s.run("programs_by_province", province="浙江省", kind="工程")
    assert works and {r["kind"] for r in works} == {"工程"}


@checks("regional_cooperation")
def check_regional_cooperation(s: Seeds) -> None:
    rows = s.run("regional_cooperation")
    yrd = by([r for r in rows if r["region"] == "yangtze_river_delta"], "province")
    assert {"上海市", "浙江省"} <= set(yrd)
    assert all(r["member"] for r in yrd.values())
    assert sorted(yrd["上海市"]["members"]) == sorted(["上海市", "江苏省", "浙江省", "安徽省"])
    [cc] = s.run("regional_cooperation", region="chengdu_chongqing")
    assert cc["province"] == "重庆市" and cc["member"] and cc["commitments"] >= 1
    assert any("川渝" in e["text"] or "成渝" in e["text"] for e in cc["evidence"])
    for e in cc["evidence"]:
        s.assert_span(e["document"], e["start"], e["end"], e["text"])


@checks("document_outline")
def check_document_outline(s: Seeds) -> None:
    rows = s.run("document_outline", document="渝府办发〔2021〕117号")
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    [listed] = s.run("documents", province="重庆市")
    assert sum(r["measures"] for r in rows) == listed["measures"]
    assert sum(r["targets"] for r in rows) == listed["targets"]
    assert rows[0]["section"].startswith("现状与形势") and "background" in rows[0]["statements"]
    assert s.run("document_outline", document="500000:渝府办发〔2021〕117号") == rows


@checks("document_measures")
def check_document_measures(s: Seeds) -> None:
    rows = s.run("document_measures", document_id="310000:沪府办发〔2022〕9号")
    assert rows == s.run("document_measures", document_id="沪府办发〔2022〕9号")
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    for r in rows:
        assert r["document"] == UDI_DOC
        s.assert_span(UDI_DOC, r["start"], r["end"], r["text"])
    kept = s.run("document_measures", document_id="沪府办发〔2022〕9号", statement="commitment")
    assert kept and all(r["statement"] == "commitment" for r in kept)
    assert kept == [r for r in rows if r["statement"] == "commitment"]
    [listed] = [d for d in s.run("documents") if d["title"] == UDI_DOC]
    assert len(rows) == listed["measures"]


@checks("documents")
def check_documents(s: Seeds) -> None:
    rows = s.run("documents")
    assert len(rows) == 5 and {r["province"] for r in rows} == {"上海市", "浙江省", "重庆市"}
    assert {r["doc_number"] for r in rows} >= {"沪府办发〔2022〕9号", "渝府办发〔2021〕117号"}
    assert len(s.run("documents", province="上海市")) == 3


@checks("search")
def check_search(s: Seeds) -> None:
    rows = s.run("search", q="唯一标识")
    assert {r["province"] for r in rows} == {"上海市", "浙江省", "重庆市"}
    assert {"measure", "target"} <= {r["kind"] for r in rows}
    assert all("唯一标识" in r["text"] for r in rows)
    for r in rows:
        if r["kind"] == "measure":
            s.assert_span(r["document"], r["start"], r["end"], r["text"])
    background = s.run("search", q="唯一标识", statement="background")
    assert {r["province"] for r in background} == {"重庆市"}
    assert {r["province"] for r in s.run("search", q="唯一标识", province="浙江省")} == {"浙江省"}
    cma = s.run(
        "search", q="cma"
    )  # Latin letters match case-insensitively: 医疗器械CMA认证检验项目
    assert any(r["kind"] == "target" and "CMA" in r["text"] for r in cma)
    assert s.run("search", q="CMA") == s.run("search", q="Cma") == cma  # lowered texts
    assert s.run("search", q="火星殖民") == []


@checks("indicators")
def check_indicators(s: Seeds) -> None:
    rows = s.run("indicators")
    n = s.store.read("MATCH (i:Indicator) RETURN count(i) AS n").records()[0]["n"]
    assert len(rows) == n
    adr = by(rows, "indicator")["adr_reports_per_million"]
    assert adr["provinces"] == ["上海市", "浙江省"] and adr["targets"] == 3
    assert {"药品不良反应监测报告数", "药品不良反应报告数"} <= set(adr["written_as"])
    counts = [r["province_count"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    cq = s.run("indicators", province="重庆市")
    assert cq and all(r["provinces"] == ["重庆市"] for r in cq)


@checks("topics")
def check_topics(s: Seeds) -> None:
    rows = by(s.run("topics"), "topic")
    assert set(rows) == {t.key for t in vocab.topics()}
    udi = rows["udi"]
    assert udi["broader"] == ["traceability"] and udi["committed_by"] == ["上海市", "浙江省"]
    per_province = s.run("provinces_by_topic", topic="udi", include_narrower=False)
    assert udi["commitments"] == sum(r["measures"] for r in per_province)
    assert udi["targets"] == sum(r["target_count"] for r in per_province)
    assert rows["chengdu_chongqing"]["committed_by"] == ["重庆市"]
    assert set(rows["traceability"]["narrower"]) >= {"udi", "drug_traceability"}
    wide = by(s.run("topics", include_narrower=True), "topic")["traceability"]
    assert wide["commitments"] >= rows["traceability"]["commitments"] + udi["commitments"] > 0
    sh = by(s.run("topics", province="上海市"), "topic")
    assert sh["udi"]["committed_by"] == ["上海市"]


@checks("health_counts")
def check_health_counts(s: Seeds) -> None:
    counts = {r["label"]: r["n"] for r in s.run("health_counts")}
    assert counts["Province"] == 34 and counts["Document"] == 5
    assert counts["Topic"] == len(vocab.topics())


@checks("relationship_counts")
def check_relationship_counts(s: Seeds) -> None:
    rows = s.run("relationship_counts")
    issued = [r for r in rows if r["type"] == "ISSUED"]
    assert issued == [{"type": "ISSUED", "from_label": "Province", "to_label": "Document", "n": 5}]


# Queries that serve the HTTP API's own routes (their tests live with the API): here only
# their examples are run.
API_PREFIX = "api_"


@pytest.fixture(scope="module")
def seeds(seeded_store: GraphStore) -> Seeds:
    return Seeds(seeded_store)


@pytest.mark.parametrize("check", sorted(SEED_CHECKS))
def test_named_query_on_the_seeds(check: str, seeds: Seeds) -> None:
    SEED_CHECKS[check](seeds)


def test_every_query_is_checked() -> None:
    unchecked = {n for n in registry() if not n.startswith(API_PREFIX)} - CHECKED
    assert not unchecked, f"named queries without a check in SEED_CHECKS: {sorted(unchecked)}"


@pytest.mark.parametrize("name", sorted(registry()))
def test_example_binds_and_runs(name: str, seeds: Seeds) -> None:
    query = get_query(name)
    params = query.bind(query.example, enum_values)  # enumerations checked against data/
    assert set(params) == {p.name for p in query.params}
    rows = seeds.store.read(query.cypher, params, timeout_ms=60_000).records()
    json.dumps(rows, ensure_ascii=False)  # JSON-ready, as the API serves it
    if not name.startswith(API_PREFIX):
        assert rows, f"{name}: its example answers nothing on the seeds"


# --------------------------------------------------------------------------- a hand-built graph


def _record(
    code: str, name: str, measures: list[Measure], targets: list[Target]
) -> ExtractionRecord:
    doc = DocumentInfo(id=f"{code}:test", source=f"{code}.txt", title=f"{name}测试规划",
                       province=name, province_code=code, content_hash=code)  # fmt: skip
    return ExtractionRecord(document=doc, measures=measures, targets=targets)


def _measure(ordinal: str, statement: str, topic: str) -> Measure:
    return Measure(id=ordinal, ordinal=ordinal, text=f"{topic} {statement}", statement=statement,
                   start=0, end=10, topics=[TopicMatch(key=topic, matched=topic)])  # fmt: skip


@pytest.fixture(scope="module")
def tiny(dataset_store) -> Iterator[Run]:
    """江苏: UDI in background only; 安徽: a UDI target and nothing else; 福建: a commitment on
    traceability (broader than UDI); 广东: a commitment on drug traceability (narrower)."""
    udi_target = Target(id="T1", indicator="医疗器械唯一标识实施率", indicator_key="udi_implementation_rate",
                        value=100, value_text="100%", unit="%", year=2025, start=0, end=4,
                        text="医疗器械唯一标识实施率 100%", topics=[TopicMatch(key="udi", matched="唯一标识")])  # fmt: skip
    records = (
        _record("320000", "江苏省", [_measure("1", "background", "udi")], []),
        _record("340000", "安徽省", [], [udi_target]),
        _record("350000", "福建省", [_measure("1", "commitment", "traceability")], []),
        _record("440000", "广东省", [_measure("1", "commitment", "drug_traceability")], []),
    )

    def load(store: GraphStore) -> None:
        load_reference_data(store)
        for record in records:
            assert write_document(store, record_to_graph(record)) == "added"

    for store in dataset_store("tiny", load):
        yield Seeds(store, corpus=None).run


def _statuses(run: Run, **params: Any) -> dict[str, str]:
    rows = run("provinces_by_topic", **params)
    assert len(rows) == 34
    return {
        r["province"]: r["status"] for r in rows if r["status"] not in ("silent", "no_documents")
    }


def test_status_logic_on_a_hand_built_graph(tiny: Run) -> None:
    assert _statuses(tiny, topic="udi") == {"江苏省": "background", "安徽省": "commits"}
    assert _statuses(tiny, topic="traceability") == {
        "江苏省": "background", "安徽省": "commits", "福建省": "commits", "广东省": "commits",
    }  # fmt: skip
    assert _statuses(tiny, topic="traceability", include_narrower=False) == {"福建省": "commits"}
    assert _statuses(tiny, topic="drug_traceability") == {"广东省": "commits"}
    # silent: the province's documents are in the graph and none addresses the topic;
    # a province without documents is no_documents, never silent
    every = {
        r["province"]: r["status"] for r in tiny("provinces_by_topic", topic="drug_traceability")
    }
    assert {p for p, st in every.items() if st == "silent"} == {"江苏省", "安徽省", "福建省"}
    assert every["北京市"] == "no_documents"
    assert sum(st == "no_documents" for st in every.values()) == 30
    [ah] = [r for r in tiny("provinces_by_topic", topic="udi") if r["province"] == "安徽省"]
    assert ah["measures"] == 0 and [t["value_text"] for t in ah["targets"]] == ["100%"]


def test_matrix_and_comparison_on_a_hand_built_graph(tiny: Run) -> None:
    rows = by(tiny("topic_matrix", topics=["udi", "traceability"]), "province")
    assert rows["安徽省"]["targets"] == [0, 1] and rows["安徽省"]["measures"] == [0, 0]
    assert rows["福建省"]["measures"] == [1, 0] and rows["广东省"]["measures"] == [0, 0]
    wide = by(
        tiny("topic_matrix", topics=["udi", "traceability"], include_narrower=True), "province"
    )
    assert wide["广东省"]["measures"] == [1, 0] and wide["安徽省"]["targets"] == [1, 1]
    compared = by(tiny("compare_provinces", provinces=["安徽省", "福建省", "江苏省"]), "topic")
    assert set(compared) == {"udi", "traceability"}
    assert (
        compared["udi"]["only_in"] == "安徽省" and compared["traceability"]["only_in"] == "福建省"
    )
    assert tiny("compare_provinces", provinces=["江苏省", "北京市"]) == []
