"""The Neo4j Browser guide and graph style, over real HTTP semantics (TestClient).

What Neo4j Browser does with them (neo4j-browser's guide and GraSS loaders): `:play URL`
fetches the HTML from its own origin (so CORS must allow http://localhost:7474), takes
the `<title>`, makes one slide per `<slide>` element, and a click on a `pre.runnable`
copies its text into the editor; `:style URL` parses `selector { key: value; }` rules.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from policykg.api.app import create_app
from policykg.api.routers.browser import BROWSER_ORIGINS, cypher_literal
from policykg.graph.model import NODE_KEYS
from policykg.graph.queries import registry
from policykg.graph.store import GraphStore

from tests.conftest import settings_for
from tools.cypher_lint import load_vocabulary

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://localhost:8000"  # as docker-compose publishes the API
PARAM_LINE = re.compile(r"^:param (\w+) => (.*);$")


@pytest.fixture(scope="module")
def client(seeded_store: GraphStore) -> TestClient:
    settings = settings_for(seeded_store)
    with TestClient(create_app(settings), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="module")
def guide(client: TestClient) -> ET.Element:
    resp = client.get("/browser/guide")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    # Well-formed (strict XML parser): every tag closed, every entity valid.
    return ET.fromstring(resp.text.removeprefix("<!DOCTYPE html>\n"))


def _slides(guide: ET.Element) -> dict[str, ET.Element]:
    slides = guide.findall(".//carousel/slide")
    return {slide.findtext(".//h3"): slide for slide in slides}


def _runnable(slide: ET.Element) -> list[str]:
    return [
        "".join(pre.itertext()) for pre in slide.iter("pre") if "runnable" in pre.get("class", "")
    ]


def test_guide_has_a_slide_per_named_query(guide: ET.Element) -> None:
    assert guide.findtext(".//title") == "policykg — named queries"
    slides = _slides(guide)
    queries = registry()
    assert set(slides) == {"policykg", *queries}
    assert len(guide.findall(".//carousel/slide")) == len(queries) + 1
    first = list(slides)[:4]
    assert first == ["policykg", "provinces_by_topic", "topic_network", "compare_provinces"]
    [style] = _runnable(slides["policykg"])
    assert style == f":style {BASE}/browser/style.grass"
    for name, query in queries.items():
        slide = slides[name]
        assert query.description in "".join(slide.itertext())
        links = [a.get("href") for a in slide.iter("a")]
        assert any(href.startswith(f"{BASE}/queries/{name}") for href in links)


def test_snippets_set_every_parameter_then_run_the_query(guide: ET.Element) -> None:
    slides = _slides(guide)
    for name, query in registry().items():
        [text] = _runnable(slides[name])
        lines = text.strip().splitlines()
        params = [m.group(1) for m in map(PARAM_LINE.match, lines) if m]
        # Neo4j refuses a query with an unset parameter: every one gets a :param line.
        assert params == [p.name for p in query.params], name
        assert "\n".join(lines[len(params) :]) == query.cypher, name
    snippet = _runnable(slides["provinces_by_topic"])[0]
    assert snippet.startswith(
        ":param topic => 'udi';\n:param include_narrower => true;\n:param max_items => null;\nMATCH"
    )  # the cap's default (null: the whole lists) is set too
    compare = _runnable(slides["compare_provinces"])[0]
    assert compare.startswith(
        ":param provinces => ['上海市', '浙江省'];\n:param max_items => null;\nUNWIND"
    )
    for capped in ("province_profile", "programs_by_province"):
        assert ":param max_items => null;\n" in _runnable(slides[capped])[0], capped


def test_param_values_are_literals_the_engine_reads_back(
    guide: ET.Element, seeded_store: GraphStore
) -> None:
    """Each `:param name => literal` evaluates (as Browser does: RETURN literal) to the
    example value, defaults filled in."""
    slides = _slides(guide)
    for name, query in registry().items():
        expected = query.bind(query.example)
        lines = _runnable(slides[name])[0].splitlines()
        for m in filter(None, map(PARAM_LINE.match, lines)):
            [[value]] = seeded_store.read(f"RETURN {m.group(2)} AS v").rows
            assert value == expected[m.group(1)], (name, m.group(0))


@pytest.mark.parametrize(
    "value", ["上海市", "it's", "back\\slash", "'; MATCH (n) DETACH DELETE n //"]
)
def test_cypher_literal_quotes_strings(value: str, seeded_store: GraphStore) -> None:
    [[back]] = seeded_store.read(f"RETURN {cypher_literal(value)} AS v").rows
    assert back == value
    assert cypher_literal([1, 2.5, None, True]) == "[1, 2.5, null, true]"


def _grass_rules(text: str) -> dict[str, dict[str, str]]:
    """Neo4j Browser's GraSS reader (graphStyle parse), ported: braces inside '…' are text,
    the quotes themselves dropped; then each rule body splits on ';' and ':'."""
    raw: dict[str, str] = {}
    keyword, props, inside_string, inside_props = "", "", False, False
    for c in text:
        if c == "'":
            inside_string = not inside_string
            continue
        if c == "{" and not inside_string:
            inside_props = True
            continue
        if c == "}" and not inside_string:
            inside_props = False
            raw[keyword], keyword, props = props, "", ""
            continue
        if inside_props:
            props += c
        elif not c.isspace():
            keyword += c
    rules = {}
    for selector, body in raw.items():
        rules[selector] = {}
        for prop in body.split(";"):
            parts = prop.split(":")
            if len(parts) >= 2 and parts[0].strip() and parts[1].strip():
                rules[selector][parts[0].strip()] = parts[1].strip()
    return rules


def test_style_colours_and_captions_every_label(client: TestClient) -> None:
    resp = client.get("/browser/style.grass")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/plain")
    rules = _grass_rules(resp.text)
    properties = set(load_vocabulary()["propertyKeys"])
    colours = set()
    for label in NODE_KEYS:
        rule = rules[f"node.{label}"]
        assert re.fullmatch(r"#[0-9A-F]{6}", rule["color"]), label
        colours.add(rule["color"])
        captioned = re.findall(r"\{(\w+)\}", rule["caption"])
        assert captioned and set(captioned) <= properties, (label, rule["caption"])
    assert len(colours) == len(NODE_KEYS), "each label its own colour"
    assert rules["relationship.RESPONSIBLE"]["caption"] == "{role}"
    assert ":" not in "".join(r.get("caption", "") for r in rules.values())  # Browser splits on ':'


def test_cors_lets_neo4j_browser_fetch_the_guide(client: TestClient) -> None:
    for origin in BROWSER_ORIGINS:
        resp = client.get("/browser/guide", headers={"Origin": origin})
        assert resp.headers["access-control-allow-origin"] == origin
    # Browser sends no-cache headers, so its fetch is preflighted.
    preflight = client.options(
        "/browser/style.grass",
        headers={
            "Origin": "http://localhost:7474",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "pragma, cache-control",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-methods"] == "GET"
    other = client.get("/browser/guide", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    post = client.options(
        "/browser/guide",
        headers={"Origin": "http://localhost:7474", "Access-Control-Request-Method": "POST"},
    )
    assert post.status_code == 400  # only GET is allowed cross-origin


def test_compose_post_connect_commands_hit_these_routes(client: TestClient) -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    command = compose["services"]["neo4j"]["environment"]["NEO4J_browser_post__connect__cmd"]
    for item in command.split(";"):
        verb, url = item.split()
        assert verb in ("play", "style") and url.startswith(f"{BASE}/")
        assert client.get(url.removeprefix(BASE)).status_code == 200
