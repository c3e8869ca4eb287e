"""The guide in the real Neo4j Browser (issue 12.4).

Neo4j Browser's own build (org.neo4j.client:neo4j-browser from Maven Central, unpacked by
`tools/neo4j-test-server browser`) is served over HTTP from a free port and opened in
Debian's Chromium; it connects over Bolt to the test server holding the five seeds, the way
a researcher connects to the docker-compose Neo4j. In it: `:play` shows the guide that
`policykg serve` publishes (one slide per named query), `:style` loads the graph style, and
the topic_network slide's snippet — its `:param` lines, then its query — draws the UDI
comparison as a graph styled by that style. Screenshots go to tests/artifacts/.

The Browser fetches the guide across origins, so the app is started with the Browser's origin
in POLICYKG_CORS_ORIGINS, and the guide's host is `localhost`, which the Browser's default
`browser.remote_content_hostname_allowlist` admits.
"""

from __future__ import annotations

import functools
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from policykg.graph.queries import registry

from tests.browser.support import ARTIFACTS, free_port, serving
from tests.neo4j_server import TOOL, unavailable

pytestmark = pytest.mark.neo4j

CONNECTED = "text=You are connected as user neo4j"
TIMEOUT = 60_000


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass


@pytest.fixture(scope="module")
def neo4j_browser() -> Iterator[str]:
    """Neo4j Browser's static build over HTTP on a free port; yields its address."""
    done = subprocess.run([str(TOOL), "browser"], capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        unavailable(f"Neo4j Browser's build is not at hand:\n{done.stderr[-2000:]}")
    folder = Path(done.stdout.strip().splitlines()[-1])
    assert (folder / "index.html").is_file(), folder
    handler = functools.partial(_Quiet, directory=str(folder.parent))
    httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{httpd.server_address[1]}/browser/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def app(neo4j_seeded, neo4j_browser: str, tmp_path_factory) -> Iterator[str]:
    origin = neo4j_browser.removesuffix("/browser/")
    with serving(
        neo4j_seeded, tmp_path_factory.mktemp("serve"), POLICYKG_CORS_ORIGINS=origin
    ) as base:
        yield base.replace("127.0.0.1", "localhost")


def _run(page: Any, command: str) -> None:
    """Put `command` in the Browser's editor as pasted text (no auto-closed brackets) and
    run it."""
    page.click(".monaco-editor")
    page.keyboard.insert_text(command)
    page.click('[data-testid="editor-Run"]')


def _connect(page: Any, bolt_uri: str) -> None:
    address = urlparse(bolt_uri)
    page.wait_for_selector('[data-testid="boltaddress"]', timeout=TIMEOUT)
    page.select_option('[data-testid="bolt-scheme-select"]', "bolt://")
    page.fill('[data-testid="boltaddress"]', f"{address.hostname}:{address.port}")
    page.fill('[data-testid="username"]', "neo4j")
    page.fill('[data-testid="password"]', "policykg-test")
    page.click('[data-testid="connect"]')
    page.wait_for_selector(CONNECTED, timeout=TIMEOUT)


def test_guide_style_and_udi_graph_in_neo4j_browser(
    neo4j_seeded, neo4j_browser: str, app: str, browser
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(neo4j_browser)
    _connect(page, neo4j_seeded.datasets.server.uri)

    # :play — the guide's slides: a title slide, then one per named query
    _run(page, f":play {app}/browser/guide")
    carousel = page.locator('[data-testid="carousel"]').first
    carousel.wait_for(timeout=TIMEOUT)
    slides = len(registry()) + 1
    page.wait_for_selector(f"text=1 / {slides}", timeout=TIMEOUT)
    assert "policykg" in carousel.inner_text()
    page.screenshot(path=str(ARTIFACTS / "neo4j_browser_guide.png"))

    # :style — the first slide's snippet loads the graph style
    carousel.locator("pre.runnable").first.click()
    page.click('[data-testid="editor-Run"]')
    page.wait_for_selector("text=node.Province", timeout=TIMEOUT)

    # the topic_network slide: its snippet sets the parameters and runs the query
    for _ in range(slides):
        if carousel.locator("h3:visible", has_text="topic_network").count():
            break
        carousel.locator('[data-testid="nextSlide"]').click()
    snippet = carousel.locator("pre.runnable:visible").first
    code = snippet.inner_text()
    assert ":param topic => 'udi'" in code.replace("⇒", "=>"), code
    snippet.click()
    page.click('[data-testid="editor-Run"]')
    statements = page.locator('[data-testid="multi-statement-list-title"]')
    statements.last.wait_for(timeout=TIMEOUT)
    assert statements.count() == code.count(":param") + 1
    # the :param lines take effect a moment after their frame reports them done: :params
    # (the Browser's view of them) is asked again until it holds the topic
    for _ in range(30):
        _run(page, ":params")
        params = page.locator('[data-testid="frame"]').first
        params.wait_for(timeout=TIMEOUT)
        if "udi" in params.inner_text():
            break
        page.wait_for_timeout(1000)
    assert "udi" in params.inner_text(), params.inner_text()

    # the query alone (its parameters are now set) draws the graph
    query = "\n".join(line for line in code.splitlines() if not line.startswith(":param"))
    _run(page, query)
    nodes = page.locator("svg g.node")
    nodes.first.wait_for(timeout=TIMEOUT)
    page.wait_for_timeout(2000)  # let the force layout settle for the screenshot
    page.screenshot(path=str(ARTIFACTS / "neo4j_browser_udi_graph.png"))

    captions = nodes.evaluate_all("ns => ns.map(n => n.textContent.trim())")
    provinces = {
        r["p"]
        for r in neo4j_seeded.read(
            "MATCH (p:Province)-[:ISSUED]->(:Document)-[:CONTAINS|SETS]->(x)-[:ADDRESSES]->"
            "(:Topic {key: 'udi'}) WHERE x.commits = true RETURN DISTINCT p.name AS p",
            {},
        ).records()
    }
    assert provinces and provinces <= set(captions), (provinces, captions)
    # :style's colour for provinces (api/routers/browser.py NODE_STYLES)
    fills = nodes.evaluate_all(
        "ns => ns.filter(n => n.querySelector('.b-outline'))"
        ".map(n => [n.textContent.trim(), n.querySelector('.b-outline').getAttribute('fill')])"
    )
    assert {fill for name, fill in fills if name in provinces} == {"#4C8EDA"}, fills
    assert not errors, errors
    page.close()
