"""The researcher endpoints on the five seeds, through real HTTP semantics and the real store."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

import opencc
import pytest
from fastapi.testclient import TestClient
from policykg.graph.queries import registry
from policykg.ingest import vocab

PROVINCES = [p.name for p in vocab.provinces()]


def ok(resp) -> dict:
    assert resp.status_code == 200, resp.text
    return resp.json()


def read_csv(resp) -> list[dict[str, str]]:
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(resp.text)))


# --------------------------------------------------------------------------- the question


def test_udi_which_provinces_commit_who_leads_what_target_which_sentence(api: TestClient):
    """One GET answers the researchers' question for UDI traceability."""
    body = ok(api.get("/topics/udi/provinces"))
    rows = body["rows"]
    assert body["count"] == 34 and len(rows) == 34
    assert sorted(r["province"] for r in rows) == sorted(PROVINCES)  # full names, each once
    assert {r["status"] for r in rows} <= {"commits", "background", "silent", "no_documents"}
    assert all(r["documents"] for r in rows if r["status"] != "no_documents")
    committing = {r["province"] for r in rows if r["status"] == "commits"}
    assert committing == {"上海市", "浙江省"}
    assert set(body["committing"]) == committing
    assert body["topic"]["key"] == "udi" and body["topic"]["name_zh"]

    by = {r["province"]: r for r in rows}
    for name in committing:
        row = by[name]
        assert row["commitments"] >= 1
        ev = [e for e in row["evidence"] if e["statement"] == "commitment"]
        assert ev, f"{name}: no commitment sentence"
        for e in ev:
            assert "唯一标识" in e["text"] or "UDI" in e["text"].upper(), e["text"]
            assert e["document"] and e["section"] is not None
            assert 0 <= e["start"] < e["end"]
    # who: Shanghai names its drug regulator for the UDI measures
    sh = by["上海市"]
    named = sh["lead_departments"] + sh["support_departments"] + sh["other_departments"]
    assert any("药品监督管理局" in n or "药监局" in n for n in named), named
    # what target: Zhejiang's 医疗器械唯一标识制度实施率
    zj_targets = by["浙江省"]["targets"]
    assert any("唯一标识" in t["indicator"] for t in zj_targets), zj_targets
    for t in zj_targets:
        assert t["value_text"] and t["document"]
    silent = [r for r in rows if r["status"] == "silent"]
    assert all(not r["evidence"] and not r["targets"] for r in silent)


def test_udi_the_same_as_csv(api: TestClient):
    json_rows = ok(api.get("/topics/udi/provinces"))["rows"]
    lines = read_csv(api.get("/topics/udi/provinces.csv"))
    assert {line["province"] for line in lines} == set(PROVINCES)
    status = {line["province"]: line["status"] for line in lines}
    assert {p for p, s in status.items() if s == "commits"} == {"上海市", "浙江省"}
    for row in json_rows:  # every sentence and target of the JSON is a CSV line
        texts = {line["text"] for line in lines if line["province"] == row["province"]}
        assert {e["text"] for e in row["evidence"]} <= texts
        assert {t["text"] or t["indicator"] for t in row["targets"]} <= texts
    measure_lines = [line for line in lines if line["kind"] == "measure"]
    assert all(line["document"] and line["start"] and line["end"] for line in measure_lines)
    # ?format=csv is the same as the .csv suffix
    assert api.get("/topics/udi/provinces", params={"format": "csv"}).text == (
        api.get("/topics/udi/provinces.csv").text
    )


def test_topic_filters_and_names(api: TestClient):
    only = ok(api.get("/topics/udi/provinces", params={"status": "commits"}))
    assert {r["province"] for r in only["rows"]} == {"上海市", "浙江省"}
    one = ok(api.get("/topics/udi/provinces", params={"province": "沪"}))
    assert [r["province"] for r in one["rows"]] == ["上海市"]
    by_name = ok(api.get("/topics/医疗器械唯一标识/provinces"))
    assert by_name["topic"]["key"] == "udi"
    broader = ok(api.get("/topics/traceability/provinces"))
    assert {"上海市", "浙江省"} <= set(broader["committing"])  # udi is narrower
    resp = api.get("/topics/no_such_topic/provinces")
    assert resp.status_code == 404 and "udi" in resp.json()["message"]


# --------------------------------------------------------------------------- search


def test_search_in_traditional_characters(api: TestClient):
    trad = ok(api.get("/search", params={"q": "醫療器械唯一標識"}))
    assert trad["converted"] == "医疗器械唯一标识"
    assert trad["count"] > 0
    top = trad["rows"][0]
    assert "医疗器械唯一标识" in top["text"]
    assert "<mark>医疗器械唯一标识</mark>" in top["highlighted"]
    for h in top["highlights"]:
        assert top["text"][h["start"] : h["end"]] == h["term"]
    scores = [r["score"] for r in trad["rows"]]
    assert scores == sorted(scores, reverse=True)
    simp = ok(api.get("/search", params={"q": "医疗器械唯一标识"}))
    assert [r["id"] for r in simp["rows"]] == [r["id"] for r in trad["rows"]]
    kinds = ok(api.get("/search", params={"q": "唯一标识", "kind": "target"}))
    assert kinds["rows"] and {r["kind"] for r in kinds["rows"]} == {"target"}
    sh = ok(api.get("/search", params={"q": "追溯", "province": "上海"}))
    assert sh["rows"] and {r["province"] for r in sh["rows"]} == {"上海市"}


def test_search_by_a_topics_latin_name_finds_its_chinese_names(api: TestClient):
    """q=UDI (issue 13.8): the seeds write 医疗器械唯一标识, never UDI."""
    latin = ok(api.get("/search", params={"q": "udi"}))
    chinese = ok(api.get("/search", params={"q": "医疗器械唯一标识"}))
    assert "医疗器械唯一标识" in latin["terms"]
    assert latin["count"] > 0 and chinese["count"] > 0
    assert chinese["rows"][0]["id"] in {r["id"] for r in latin["rows"]}
    names = ("医疗器械唯一标识", "器械唯一标识", "唯一标识", "唯一器械标识")
    for row in latin["rows"]:
        assert any(n in row["text"] for n in names) and "<mark>" in row["highlighted"]


def test_search_ranks_the_whole_phrase_first(api: TestClient):
    body = ok(api.get("/search", params={"q": "疫苗 追溯"}))
    assert set(body["terms"]) >= {"疫苗", "追溯"}
    first = body["rows"][0]["text"]
    assert "疫苗" in first and "追溯" in first
    lines = read_csv(api.get("/search.csv", params={"q": "疫苗 追溯", "limit": 5}))
    assert [line["id"] for line in lines] == [r["id"] for r in body["rows"][:5]]


# --------------------------------------------------------------------------- provinces


@pytest.mark.parametrize("name", ["上海市", "上海", "沪", "310000", "Shanghai", " 上海市 "])
def test_province_profile_by_any_name(api: TestClient, name: str):
    body = ok(api.get(f"/provinces/{quote(name)}"))
    assert body["code"] == "310000" and body["name"] == "上海市"
    assert len(body["documents"]) == 3
    assert body["topics"] and body["departments"]


def test_unknown_province_is_404_with_the_list(api: TestClient):
    resp = api.get("/provinces/火星")
    assert resp.status_code == 404
    message = resp.json()["message"]
    assert "火星" in message and "310000" in message and "浙江省" in message


def test_provinces_list_and_paging(api: TestClient, seeded_store):
    body = ok(api.get("/provinces"))
    assert body["count"] == 34 and sum(r["documents"] for r in body["rows"]) == 5
    assert {r["name"] for r in body["rows"] if r["documents"]} == {"上海市", "浙江省", "重庆市"}
    page = ok(api.get("/provinces", params={"limit": 2, "offset": 3}))
    assert page["rows"] == body["rows"][3:5] and page["count"] == 34
    huge = ok(api.get("/provinces", params={"limit": 10**9}))
    assert huge["limit"] == 5000 and len(huge["rows"]) == 34  # capped at max_rows
    assert len(read_csv(api.get("/provinces.csv"))) == 34


# --------------------------------------------------------------------------- topics, matrix


def test_topics_with_counts(api: TestClient):
    rows = {r["key"]: r for r in ok(api.get("/topics"))["rows"]}
    assert len(rows) == len(vocab.topics())
    assert set(rows["udi"]["provinces_committing"]) == {"上海市", "浙江省"}
    assert "udi" in rows["traceability"]["narrower"]
    assert rows["traceability"]["commitments"] >= rows["udi"]["commitments"] >= 1


def test_matrix(api: TestClient):
    body = ok(api.get("/matrix"))
    assert body["provinces"][:3] == ["上海市", "浙江省", "重庆市"] and len(body["provinces"]) == 34
    cells = {(c["province"], c["topic"]): c for c in body["cells"]}
    assert cells[("上海市", "udi")]["status"] == "commits"
    assert "udi" in [t["key"] for t in body["topics"]]
    for c in body["cells"]:
        assert c["status"] == ("commits" if c["commitments"] or c["targets"] else "background")
    assert len(read_csv(api.get("/matrix.csv"))) == len(body["cells"])


# --------------------------------------------------------------------------- indicators


def test_indicator_joins_provinces(api: TestClient):
    rows = {r["key"]: r for r in ok(api.get("/indicators"))["rows"]}
    adr = rows["adr_reports_per_million"]
    assert {"上海市", "浙江省"} <= set(adr["provinces"])
    body = ok(api.get("/indicators/adr_reports_per_million/targets"))
    assert body["indicator"]["key"] == "adr_reports_per_million"
    values = {(t["province"], t["value_text"]) for t in body["rows"]}
    assert any(p == "上海市" and "1500" in v for p, v in values), values
    assert any(p == "浙江省" and "1000" in v for p, v in values), values
    assert all(t["text"] and t["document"] for t in body["rows"])
    lines = read_csv(api.get("/indicators/adr_reports_per_million/targets.csv"))
    assert len(lines) == body["count"]
    by_name = ok(api.get("/indicators/药品不良反应报告数/targets"))
    assert by_name["indicator"]["key"] == "adr_reports_per_million"
    assert api.get("/indicators/nope/targets").status_code == 404


def test_targets_filters(api: TestClient):
    zj = ok(api.get("/targets", params={"province": "浙江"}))
    assert zj["count"] > 0 and {t["province"] for t in zj["rows"]} == {"浙江省"}
    udi = ok(api.get("/targets", params={"topic": "udi"}))
    assert udi["rows"] and all("udi" in t["topics"] for t in udi["rows"])
    assert api.get("/targets", params={"province": "火星"}).status_code == 400


# --------------------------------------------------------------------------- compare


def test_compare_two_provinces(api: TestClient):
    body = ok(api.get("/compare", params={"provinces": "上海,330000", "topic": "udi"}))
    assert [p["province"] for p in body["provinces"]] == ["上海市", "浙江省"]
    rows = {r["topic"]: r for r in body["rows"]}
    assert rows["udi"]["shared"] and "udi" in body["shared_topics"]
    for r in body["rows"]:
        assert [c["province"] for c in r["cells"]] == ["上海市", "浙江省"]
        assert r["shared"] == (len(r["committing"]) == 2)
    sh, zj = body["provinces"]
    assert not set(sh["only"]) & set(zj["topics"]) and not set(zj["only"]) & set(sh["topics"])
    assert {r["province"] for r in body["topic"]["rows"]} == {"上海市", "浙江省"}
    assert any(i["indicator_key"] == "adr_reports_per_million" for i in body["indicators"])
    lines = read_csv(api.get("/compare.csv", params={"provinces": "上海市,浙江省"}))
    assert "上海市_status" in lines[0] and "浙江省_status" in lines[0]
    one = api.get("/compare", params={"provinces": "上海"})
    assert one.status_code == 400 and "two or more" in one.json()["message"]


# --------------------------------------------------------------------------- departments


def test_departments_and_their_measures(api: TestClient):
    body = ok(api.get("/departments", params={"province": "上海市"}))
    assert body["rows"] and {d["province"] for d in body["rows"]} == {"上海市"}
    dep = max(body["rows"], key=lambda d: d["measures"])
    assert ":" in dep["id"] and dep["measures"] > 0
    encoded = ok(api.get(f"/departments/{quote(dep['id'], safe='')}/measures"))
    raw = ok(api.get(f"/departments/{dep['id']}/measures"))
    # the measures and the targets that name it
    assert encoded["count"] == raw["count"] == dep["measures"] + dep["targets"]
    assert sum(r["kind"] == "measure" for r in encoded["rows"]) == dep["measures"]
    assert encoded["department"]["id"] == dep["id"]
    assert all(r["text"] and r["roles"] for r in encoded["rows"])
    lines = read_csv(api.get(f"/departments/{quote(dep['id'], safe='')}/measures.csv"))
    assert len(lines) == dep["measures"] + dep["targets"]
    assert api.get("/departments/310000:没有这个部门/measures").status_code == 404
    kinds = ok(api.get("/departments", params={"kind": "drug_regulator"}))
    assert {d["kind"] for d in kinds["rows"]} == {"drug_regulator"}
    bad = api.get("/departments", params={"kind": "aliens"})
    assert bad.status_code == 400 and "drug_regulator" in bad.json()["message"]


# --------------------------------------------------------------------------- programs


def test_programs_by_province_and_text(api: TestClient):
    body = ok(api.get("/programs", params={"province": "浙江省"}))
    assert body["rows"] and {p["province"] for p in body["rows"]} == {"浙江省"}
    name = body["rows"][0]["name"]
    trad = opencc.OpenCC("s2t").convert(name)
    found = ok(api.get("/programs", params={"q": trad}))
    assert name in [p["name"] for p in found["rows"]]
    assert all(trad and opencc.OpenCC("t2s").convert(trad) in f"{p['name']}{p['description'] or ''}"
               for p in found["rows"])  # fmt: skip


# --------------------------------------------------------------------------- documents


def test_documents_and_one_document(api: TestClient):
    docs = ok(api.get("/documents"))["rows"]
    assert len(docs) == 5
    for d in docs:
        body = ok(api.get(f"/documents/{quote(d['id'], safe='')}"))
        assert body["id"] == d["id"] and body["title"] == d["title"]
        assert len(body["measures"]) == d["measures"]
        assert len(body["targets"]) == d["targets"]
        assert body["outline"] and all(o["section"] is not None for o in body["outline"])
        starts = [o["start"] for o in body["outline"] if o["start"] is not None]
        assert starts == sorted(starts)
    by_number = ok(api.get(f"/documents/{quote('沪府办发〔2022〕9号')}"))
    assert by_number["id"] == "310000:沪府办发〔2022〕9号"
    commitments = ok(
        api.get(f"/documents/{quote(by_number['id'])}", params={"statement": "commitment"})
    )
    assert {m["statement"] for m in commitments["measures"]} == {"commitment"}
    missing = api.get("/documents/nothing-here")
    assert missing.status_code == 404 and "GET /documents" in missing.json()["message"]


# --------------------------------------------------------------------------- named queries


def test_every_named_query_is_listed_with_its_parameters(api: TestClient):
    listed = {q["name"]: q for q in ok(api.get("/queries"))}
    assert set(listed) == set(registry())
    for name, q in registry().items():
        params = {p["name"]: p for p in listed[name]["params"]}
        assert set(params) == {p.name for p in q.params}
        for p in q.params:
            assert params[p.name]["default"] == p.default
            assert (params[p.name]["allowed"] is not None) == bool(p.enum)
        assert listed[name]["description"]


@pytest.mark.parametrize("name", sorted(registry()))
def test_every_named_query_answers_as_json_and_csv(api: TestClient, name: str):
    example = {
        k: ",".join(v) if isinstance(v, list) else v for k, v in registry()[name].example.items()
    }
    body = ok(api.get(f"/queries/{name}.json", params=example))
    assert body["query"] == name and body["count"] >= len(body["rows"])
    lines = read_csv(api.get(f"/queries/{name}.csv", params=example))
    assert len(lines) == len(body["rows"])


def test_openapi_describes_every_endpoint(api: TestClient):
    spec = ok(api.get("/openapi.json"))
    paths = spec["paths"]
    for path in ["/provinces", "/provinces/{name}", "/topics", "/topics/{key}/provinces",
                 "/matrix", "/indicators", "/indicators/{key}/targets", "/targets", "/compare",
                 "/departments", "/departments/{department_id}/measures", "/programs",
                 "/documents", "/documents/{document_id}", "/search", "/cypher",
                 "/topics/{key}/provinces.csv", "/queries", "/queries/{name}"]:  # fmt: skip
        assert path in paths, path
        for op in paths[path].values():
            ok_response = op["responses"]["200"]["content"]
            assert "application/json" in ok_response or "text/csv" in ok_response, path
            if path.endswith(".csv"):
                assert "text/csv" in ok_response
            else:
                assert "$ref" in str(ok_response["application/json"]["schema"]), path
            assert "404" in op["responses"] or "400" in op["responses"] or path == "/queries"
    schemas = spec["components"]["schemas"]
    for model in ["TopicProvinceRow", "Evidence", "TargetRow", "SearchHit", "CypherAnswer"]:
        assert all("type" in f or "anyOf" in f or "$ref" in f or "items" in f
                   for f in schemas[model]["properties"].values()), model  # fmt: skip
