"""The comparison page in a real browser: Debian's headless Chromium driven by Playwright,
against `policykg serve` started on a free port over the seeded store.

Clicks a matrix cell and reads the evidence, reads the indicator table, searches in
Traditional characters, and saves screenshots to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import store_env

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking"]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seeded_store, tmp_path_factory) -> Iterator[str]:
    """`policykg serve` in its own process on the seeded store's folder."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "FALKORDB_URL")}
    env.update(store_env(seeded_store))
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from policykg.cli import app; app()", "serve",
             "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as resp:
                if resp.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"policykg serve did not come up:\n{log.read_text(errors='replace')}")
        time.sleep(0.3)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def test_matrix_click_indicators_and_traditional_search(server: str, browser) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)

    # the header figures come from the API
    assert page.locator("#stats .stat").count() == 4
    assert page.locator("#stats .stat b").first.inner_text() == "5"

    # the matrix: provinces with documents as rows, committing cells coloured
    rows = page.locator("table.matrix tbody tr")
    assert rows.count() == 3
    cell = page.locator('td.cell[data-province="上海市"][data-topic="udi"]')
    assert cell.inner_text().strip().isdigit()
    assert cell.evaluate("n => getComputedStyle(n).backgroundColor") != "rgba(0, 0, 0, 0)"
    cell.click()
    page.wait_for_selector("#evidence .ev", timeout=15_000)
    panel = page.locator("#evidence")
    assert "上海市" in panel.locator("h3").inner_text()
    assert "医疗器械唯一标识" in panel.locator("h3").inner_text()
    assert "承诺" in panel.locator(".badge").first.inner_text()
    first = panel.locator(".ev").first
    assert "唯一标识" in first.locator(".text").inner_text()
    assert first.locator("mark").count() >= 1
    assert "字符" in first.locator(".src").inner_text()  # document › section · span
    page.screenshot(path=str(ARTIFACTS / "comparison_page_matrix.png"))

    # all 34 on demand
    page.check("#all-provinces")
    assert page.locator("table.matrix tbody tr").count() == 34
    page.uncheck("#all-provinces")

    # the indicator table: the same indicator across provinces
    table = page.locator("#indicator-table table.ind")
    heads = table.locator("thead th").all_inner_texts()
    assert "上海市" in heads and "浙江省" in heads
    assert "药品不良反应报告数" in table.inner_text()

    # search in Traditional characters
    page.fill("#q", "醫療器械唯一標識")
    page.click("#search-form button")
    page.wait_for_selector("#search-results li", timeout=15_000)
    assert "医疗器械唯一标识" in page.locator("#search-summary").inner_text()
    marks = page.locator("#search-results li").first.locator("mark").all_inner_texts()
    assert "医疗器械唯一标识" in marks
    page.screenshot(path=str(ARTIFACTS / "comparison_page.png"), full_page=True)

    assert not problems, problems
    page.close()
