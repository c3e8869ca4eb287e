"""A small hand-made graph with a known shape, for asserting exact export slices and views.

上海市 (one document): measure 1 (commitment; udi + pharmacovigilance; 药监局 lead, 卫健委
support), measure 2 (background; tcm; 药监局), measure 3 (commitment; udi; 卫健委, and 药监局
as lead and as support: two parallel RESPONSIBLE relationships), target T1
(vaccine_oversight; 药监局).
浙江省 (one document): measure 1 (commitment; udi + tcm; 药监局 + 市场监管局), target T1
(pharmacovigilance).
"""

from __future__ import annotations

from policykg.graph.model import record_to_graph
from policykg.graph.store import GraphStore
from policykg.graph.writer import load_reference_data, write_document
from policykg.ingest.record import (
    Department,
    DepartmentMention,
    DocumentInfo,
    ExtractionRecord,
    Measure,
    Target,
    TopicMatch,
)

SH_NMPA, SH_HEALTH = "上海市药品监督管理局", "上海市卫生健康委员会"
ZJ_NMPA, ZJ_SAMR = "浙江省药品监督管理局", "浙江省市场监督管理局"


def _m(
    doc: str, n: int, statement: str, topics: list[str], depts: list[tuple[str, str]]
) -> Measure:
    return Measure(
        id=f"{doc}:{n}", ordinal=str(n), text=f"第{n}条 措施正文", statement=statement,
        start=n * 10, end=n * 10 + 8,
        topics=[TopicMatch(key=k, matched=k) for k in topics],
        departments=[DepartmentMention(name=d, mention=d[:3], role=r) for d, r in depts],
    )  # fmt: skip


def _t(key: str, topics: list[str], depts: list[str]) -> Target:
    return Target(
        id=key, indicator="测试指标", value=95.0, value_text="95%以上", comparator=">=",
        unit="%", year=2025, binding="expected", text="测试指标 95%以上", start=100, end=110,
        topics=[TopicMatch(key=k, matched=k) for k in topics],
        departments=[DepartmentMention(name=d, mention=d, role="responsible") for d in depts],
    )  # fmt: skip


def _dept(name: str, kind: str) -> Department:
    return Department(name=name, kind=kind, level="provincial", mentions=[name[:3], name])


def records() -> list[ExtractionRecord]:
    sh = "310000:测试文件1"
    zj = "330000:测试文件2"
    return [
        ExtractionRecord(
            document=DocumentInfo(id=sh, source="sh.txt", title="上海测试文件",
                                  province="上海市", province_code="310000", content_hash="a"),
            measures=[
                _m(sh, 1, "commitment", ["udi", "pharmacovigilance"], [(SH_NMPA, "lead"), (SH_HEALTH, "support")]),
                _m(sh, 2, "background", ["tcm"], [(SH_NMPA, "responsible")]),
                _m(sh, 3, "commitment", ["udi"], [(SH_NMPA, "lead"), (SH_HEALTH, "support"), (SH_NMPA, "support")]),
            ],
            targets=[_t("T1", ["vaccine_oversight"], [SH_NMPA])],
            departments=[_dept(SH_NMPA, "drug_regulator"), _dept(SH_HEALTH, "health")],
        ),
        ExtractionRecord(
            document=DocumentInfo(id=zj, source="zj.txt", title="浙江测试文件",
                                  province="浙江省", province_code="330000", content_hash="b"),
            measures=[_m(zj, 1, "commitment", ["udi", "tcm"], [(ZJ_NMPA, "lead"), (ZJ_SAMR, "support")])],
            targets=[_t("T1", ["pharmacovigilance"], [])],
            departments=[_dept(ZJ_NMPA, "drug_regulator"), _dept(ZJ_SAMR, "market_regulator")],
        ),
    ]  # fmt: skip


def load_crafted(store: GraphStore) -> None:
    store.ensure_schema()
    load_reference_data(store)
    for record in records():
        write_document(store, record_to_graph(record))
