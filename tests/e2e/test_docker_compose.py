"""docker-compose.yml and Dockerfile, checked statically (no Docker engine here)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

# Neo4j 5 server settings set through the environment (NEO4J_<name>, '.' -> '_',
# '_' -> '__'). Neo4j 5 validates its config strictly: an unknown name stops the server.
BROWSER_SETTINGS = {"browser.post_connect_cmd", "browser.remote_content_hostname_whitelist"}
# The rest must be the settings the test server runs with (checked on it below).
SERVER_SETTINGS = {"db.transaction.timeout", "db.memory.transaction.max",
                   "dbms.memory.transaction.total.max", "dbms.usage_report.enabled"}  # fmt: skip
NEO4J5_SETTINGS = BROWSER_SETTINGS | SERVER_SETTINGS
POM = ROOT / "tools" / "neo4j-launcher" / "pom.xml"
# Where the user's web browser reaches the API (the api service's published port).
API_URL = "http://localhost:8000"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):  # ["K=V", ...] form
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def _setting_name(env_name: str) -> str:
    body = env_name.removeprefix("NEO4J_")
    return "_".join(part.replace("_", ".") for part in body.split("__"))


def test_services(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"neo4j", "ingest", "api"}
    assert "neo4j-data" in (compose.get("volumes") or {})


def test_neo4j_service(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    assert re.fullmatch(r"neo4j:5[\w.\-]*community[\w.\-]*|neo4j:5[\d.]*", neo4j["image"])
    # The image runs the release line of the Neo4j the tests run.
    [pom_version] = re.findall(r"<neo4j.version>([\d.]+)</neo4j.version>", POM.read_text())
    tag = neo4j["image"].split(":")[1].removesuffix("-community")
    assert tag == ".".join(pom_version.split(".")[:2]), (tag, pom_version)
    assert {"7474:7474", "7687:7687"} <= {str(p) for p in neo4j["ports"]}
    assert any(str(v).startswith("neo4j-data:/data") for v in neo4j["volumes"])
    env = _env(neo4j)
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:-.{8,}\}", env["NEO4J_AUTH"])
    # Browser runs these on connect (';'-separated, each a ':' command without the colon),
    # fetching from the user's web browser: the API's published port on localhost.
    commands = [c.strip() for c in env["NEO4J_browser_post__connect__cmd"].split(";")]
    assert commands == [
        f"style {API_URL}/browser/style.grass",
        f"play {API_URL}/browser/guide",
    ]
    allowed = env["NEO4J_browser_remote__content__hostname__whitelist"].split(",")
    assert allowed == ["*"] or urlsplit(API_URL).hostname in allowed
    settings = {_setting_name(k) for k in env if k != "NEO4J_AUTH" and k.startswith("NEO4J_")}
    assert settings <= NEO4J5_SETTINGS, settings - NEO4J5_SETTINGS


def test_neo4j_healthcheck(compose: dict[str, Any]) -> None:
    check = compose["services"]["neo4j"]["healthcheck"]
    test = check["test"]
    assert test[0] == "CMD-SHELL" and "cypher-shell" in test[1] and "RETURN 1" in test[1]
    assert "$$" in test[1], "escape $ for the container shell, or compose interpolates it"
    assert {"interval", "timeout", "retries", "start_period"} <= set(check)


def test_ingest_then_api(compose: dict[str, Any]) -> None:
    services = compose["services"]
    ingest, api = services["ingest"], services["api"]
    assert ingest["command"] == ["policykg", "ingest", "/app/data/corpus"]
    assert ingest["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert str(ingest.get("restart", "no")) == "no"
    assert api["command"][:4] == ["policykg", "serve", "--host", "0.0.0.0"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["depends_on"]["ingest"]["condition"] == "service_completed_successfully"
    assert f"{urlsplit(API_URL).port}:8000" in [str(p) for p in api["ports"]]
    check = api["healthcheck"]["test"]
    assert check[0] == "CMD" and "http://localhost:8000/health" in " ".join(check)
    for service in (ingest, api):
        assert service["build"] in (".", {"context": "."})
        env = _env(service)
        assert env["NEO4J_URI"] == "bolt://neo4j:7687"
        assert env["NEO4J_PASSWORD"] == "${NEO4J_PASSWORD:-policykg-dev}"
    assert (ROOT / "data" / "corpus").is_dir()


def test_dockerfile() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.12-slim\b", text, re.M)
    assert re.search(r"pip install (\.|/app)\b", text)
    assert 'CMD ["policykg", "serve", "--host", "0.0.0.0"' in text
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert ".venv" in ignored and "**/node_modules" in ignored


def _normal(value: str) -> str:
    """Neo4j's spellings of one value alike: 2m = 120s, 512m = 512.00MiB, False = false."""
    value = value.strip().lower()
    if m := re.fullmatch(r"([\d.]+)\s*(k|m|g)(?:ib|b)?", value):
        return str(int(float(m[1]) * 1024 ** "kmg".index(m[2]) * 1024))
    if m := re.fullmatch(r"(\d+)(ms|s|m|h)", value):
        return str(int(m[1]) * {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}[m[2]])
    return value


@pytest.mark.neo4j
def test_server_settings_are_those_of_the_test_server(compose, neo4j_datasets) -> None:
    """docker-compose's Neo4j runs with the settings the tests run with."""
    env = {_setting_name(k): v for k, v in _env(compose["services"]["neo4j"]).items()
           if k != "NEO4J_AUTH"}  # fmt: skip
    wanted = {k: v for k, v in env.items() if k in SERVER_SETTINGS}
    assert set(wanted) == SERVER_SETTINGS
    running = {
        r["name"]: r["value"]
        for r in neo4j_datasets.raw.read(
            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
            {"names": sorted(wanted)},
        ).records()
    }
    assert {k: _normal(v) for k, v in running.items()} == {k: _normal(v) for k, v in wanted.items()}
