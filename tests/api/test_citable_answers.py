"""Answers a researcher can cite (issue 13), over the API on the seeds, each test a rule.

2. A province is `silent` only when the graph holds its documents and none addresses the
   topic; without documents it is `no_documents`; each status names the documents it rests on.
3. One evidence model: every field the graph knows is filled (document id and title,
   department id and kind, spans, the link to the original).
4. A statement's departments in the order written.
5. Every evidence item points into the original file: `source_url` shows the original text,
   in its original script, with the span highlighted (HTML-escaped).
9. The diffusion view: when each province first committed, in what kind of document,
   following which national document.
"""

from __future__ import annotations

import csv
import html
import io
import re
from urllib.parse import parse_qs, urlsplit

import opencc
import pytest
from fastapi.testclient import TestClient

T2S = opencc.OpenCC("t2s")
TOPICS = ("udi", "pharmacovigilance", "traceability", "tcm", "vaccine_oversight")


def ok(resp) -> dict:
    assert resp.status_code == 200, resp.text
    return resp.json()


def read_csv(resp) -> list[dict[str, str]]:
    assert resp.status_code == 200, resp.text
    return list(csv.DictReader(io.StringIO(resp.text.lstrip("\ufeff"))))


def items(body: dict) -> list[dict]:
    return [e for r in body["rows"] for e in r["evidence"] + r["targets"]]


# ------------------------------------------------------------------ 2. coverage is not silence


def test_a_province_without_documents_is_never_silent(api: TestClient) -> None:
    coverage = {r["province"]: r for r in ok(api.get("/coverage"))["rows"]}
    assert len(coverage) == 34 and coverage["北京市"]["document_count"] == 0
    for topic in TOPICS:
        for r in ok(api.get(f"/topics/{topic}/provinces"))["rows"]:
            held = coverage[r["province"]]["documents"]
            assert {d["document_id"] for d in r["documents"]} == {d["document_id"] for d in held}
            if not held:
                assert r["status"] == "no_documents", (topic, r["province"], r["status"])
            else:
                assert r["status"] != "no_documents"
                assert all(d["kind"] and (d["issued_date"] or d["period"]) for d in r["documents"])
    lines = read_csv(api.get("/topics/udi/provinces.csv"))
    assert {line["status"] for line in lines if line["province"] == "北京市"} == {"no_documents"}
    assert all(line["province_documents"] for line in lines if line["status"] == "silent")


def test_coverage_names_documents_and_plan_periods(api: TestClient) -> None:
    body = ok(api.get("/coverage"))
    assert body["count"] == 34 and body["provinces_with_documents"] == 3
    documents = ok(api.get("/documents"))["rows"]
    held = [d for r in body["rows"] for d in r["documents"]]
    assert sorted(d["document_id"] for d in held) == sorted(d["id"] for d in documents)
    zj = next(r for r in body["rows"] if r["province"] == "浙江省")
    assert "2021-2025" in zj["periods"] and "规划" in zj["kinds"]
    lines = read_csv(api.get("/coverage.csv"))
    assert {line["province"] for line in lines} == {r["province"] for r in body["rows"]}
    assert len([line for line in lines if line["document_id"]]) == len(documents)


def test_matrix_tells_no_documents_from_silence(api: TestClient) -> None:
    m = ok(api.get("/matrix"))
    assert "北京市" in m["without_documents"] and "上海市" not in m["without_documents"]
    assert all(c["status"] != "silent" or c["province"] not in m["without_documents"]
               for c in m["cells"])  # fmt: skip


# ------------------------------------------------------------------ 3. one evidence model, filled


def test_headline_evidence_has_no_null_the_graph_could_fill(api: TestClient) -> None:
    body = ok(api.get("/topics/udi/provinces"))
    found = items(body)
    assert found
    for e in found:
        for field in ("id", "kind", "document_id", "document", "document_kind", "start", "end",
                      "source_start", "source_end", "source_url", "text", "province"):  # fmt: skip
            assert e[field] not in (None, ""), (field, e)
        for d in e["departments"]:
            for field in ("id", "name", "kind", "level", "role", "mention", "order"):
                assert d[field] is not None, (field, d)
    targets = [e for e in found if e["kind"] == "target"]
    assert targets and all(t["indicator_key"] and t["indicator_unit"] for t in targets)
    lines = read_csv(api.get("/topics/udi/provinces.csv"))
    cited = [line for line in lines if line["kind"]]
    assert cited and all(line["document_id"] and line["source_url"] for line in cited)


def test_every_endpoint_uses_the_same_evidence_fields(api: TestClient) -> None:
    keys = set(ok(api.get("/topics/udi/provinces"))["rows"][0]["evidence"][0])
    doc_id = ok(api.get("/documents"))["rows"][0]["id"]
    dep = max(ok(api.get("/departments", params={"province": "上海市"}))["rows"],
              key=lambda d: d["measures"])  # fmt: skip
    answers = {
        "search": ok(api.get("/search", params={"q": "唯一标识"}))["rows"],
        "targets": ok(api.get("/targets", params={"province": "浙江省"}))["rows"],
        "indicator": ok(api.get("/indicators/adr_reports_per_million/targets"))["rows"],
        "document": ok(api.get(f"/documents/{doc_id}"))["measures"],
        "department": ok(api.get(f"/departments/{dep['id']}/measures"))["rows"],
    }
    for name, rows in answers.items():
        assert rows, name
        for row in rows:
            assert keys <= set(row), (name, keys - set(row))
            assert row["document_id"] and row["source_url"], (name, row)


# ------------------------------------------------------------------ 4. departments as written


def test_departments_in_the_order_the_statement_writes_them(api: TestClient) -> None:
    checked = 0
    for topic in TOPICS:
        for e in items(ok(api.get(f"/topics/{topic}/provinces"))):
            deps = e["departments"]
            assert [d["order"] for d in deps] == sorted(d["order"] for d in deps)
            assert len({d["order"] for d in deps}) == len(deps)  # one list, this statement's
            where = [e["text"].find(d["mention"]) for d in deps]
            if len(deps) > 1 and all(w >= 0 for w in where):  # named in the sentence itself
                assert where == sorted(where), (e["text"], [d["mention"] for d in deps])
                checked += 1
    assert checked >= 5


# ------------------------------------------------------------------ 5. show me the sentence


def _cjk(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def test_every_evidence_item_links_to_its_span_in_the_original(api: TestClient) -> None:
    seen_scripts = set()
    for topic in TOPICS:
        for e in items(ok(api.get(f"/topics/{topic}/provinces"))):
            url = urlsplit(e["source_url"])
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            assert url.path == "/source" and url.fragment == "span"
            assert (
                int(params["start"]) == e["source_start"]
                and params["document_id"] == e["document_id"]
            )
            src = ok(api.get("/source", params={**params, "format": "json"}))
            assert src["span"] == src["text"][e["source_start"] : e["source_end"]]
            seen_scripts.add(src["script"])
            # the original span says what the evidence says (converted, markup and
            # duplicated paragraphs aside); a target's span is its value or sentence
            original = _cjk(T2S.convert(src["span"]))
            if e["kind"] == "measure":
                assert _subsequence(_cjk(e["text"]), original), (src["span"][:80], e["text"][:80])
            else:
                assert original in _cjk(e["text"]) or _cjk(e["text"]) in original
    assert seen_scripts == {"simplified", "traditional"}


def test_the_original_keeps_its_script_and_the_page_escapes_it(api: TestClient) -> None:
    docs = ok(api.get("/documents"))["rows"]
    trad = next(d for d in docs if d["script"] == "traditional")
    [e] = ok(api.get(f"/documents/{trad['id']}"))["measures"][:1]
    src = ok(api.get(e["source_url"].split("#")[0] + "&format=json"))
    assert T2S.convert(src["span"]) != src["span"]  # Traditional as written, not converted
    page = api.get(e["source_url"].split("#")[0])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    body = page.text
    pre = body[body.index('<pre id="source">') + len('<pre id="source">') : body.rindex("</pre>")]
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", pre)) == src["text"]
    marked = re.search(r'<mark id="span">(.*?)</mark>', pre, re.S)
    assert marked and html.unescape(marked.group(1)) == src["span"]
    html_doc = next(d for d in docs if d["id"] != trad["id"])
    whole = ok(api.get("/source", params={"document_id": html_doc["id"], "format": "json"}))
    if "<" in whole["text"]:  # markup of an HTML source is shown as text, never rendered
        raw = api.get("/source", params={"document_id": html_doc["id"]}).text
        assert "&lt;" in raw


@pytest.mark.parametrize(
    ("params", "status"),
    [({"document_id": "310000:没有"}, 404),
     ({"document_id": "310000:沪府办发〔2022〕9号", "start": 5}, 400),
     ({"document_id": "310000:沪府办发〔2022〕9号", "start": 5, "end": 10**9}, 400),
     ({"document_id": "310000:沪府办发〔2022〕9号", "start": -1, "end": 3}, 422)],
)  # fmt: skip
def test_bad_source_requests_say_what_to_fix(api: TestClient, params: dict, status: int) -> None:
    resp = api.get("/source", params=params)
    assert resp.status_code == status and resp.json()["message"], resp.text


# ------------------------------------------------------------------ 9. the diffusion view


def test_timeline_says_when_each_province_first_committed(api: TestClient) -> None:
    for topic in TOPICS:
        body = ok(api.get(f"/topics/{topic}/timeline"))
        status = {r["province"]: r for r in ok(api.get(f"/topics/{topic}/provinces"))["rows"]}
        committing = {p for p, r in status.items() if r["status"] == "commits"}
        assert {r["province"] for r in body["rows"]} == committing
        assert set(body["not_committed"]) == {p for p, r in status.items()
                                              if r["status"] in ("background", "silent")}  # fmt: skip
        assert "北京市" in body["without_documents"]
        for r in body["rows"]:
            dated = [d["issued_date"] for d in r["documents"] if d["issued_date"]]
            assert r["first_committed"] == (min(dated) if dated else None)
            assert r["document_id"] == r["documents"][0]["document_id"] and r["document_kind"]
        firsts = [r["first_committed"] or "9999" for r in body["rows"]]
        assert firsts == sorted(firsts)
    udi = {r["province"]: r for r in ok(api.get("/topics/udi/timeline"))["rows"]}
    sh = udi["上海市"]
    assert (sh["first_committed"], sh["document_kind"]) == ("2022-06-02", "实施意见")
    assert [f["doc_number"] for f in sh["follows"]] == ["国办发〔2021〕16号"]
    lines = read_csv(api.get("/topics/udi/timeline.csv"))
    assert [line["province"] for line in lines] == list(udi)
    assert (
        lines[0]["first_committed"] == "2022-06-02" and "国办发〔2021〕16号" in lines[0]["follows"]
    )
    assert api.get("/topics/no_such_topic/timeline").status_code == 404


def test_csv_opens_in_excel_with_a_bom_on_request(api: TestClient) -> None:
    plain = api.get("/topics/udi/provinces.csv")
    marked = api.get("/topics/udi/provinces.csv", params={"bom": "1"})
    assert not plain.text.startswith("\ufeff")
    assert marked.content.startswith(b"\xef\xbb\xbf") and marked.text[1:] == plain.text
