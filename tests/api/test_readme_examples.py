"""The README's curl examples work as written (issue 13.8): every URL is plain ASCII (Chinese
goes through `--data-urlencode`, which percent-encodes it), and each request, sent as curl
would send it, is answered (not 4xx/5xx) by the app on the seeds."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

README = Path(__file__).resolve().parents[2] / "README.md"


def curl_examples() -> list[str]:
    """The curl command lines of README's shell blocks (a trailing `# comment` dropped)."""
    lines = []
    for block in re.findall(r"```(?:bash|sh|shell)\n(.*?)```", README.read_text("utf-8"), re.S):
        lines += [ln for ln in block.splitlines() if ln.lstrip().startswith("curl ")]
    return lines


def as_request(line: str) -> tuple[str, list[tuple[str, str]], bool]:
    """(url, query parameters, get) of a curl line, read as curl reads its options."""
    words = shlex.split(line, comments=True)
    url, params, get = "", [], False
    i = 1
    while i < len(words):
        w = words[i]
        if w == "-G":
            get = True
        elif w in ("--data-urlencode", "-d", "--data"):
            i += 1
            key, _, value = words[i].partition("=")
            params.append((key, value))
        elif w in ("-o", "-H"):
            i += 1
        elif not w.startswith("-"):
            url = w
        i += 1
    return url, params, get


def test_readme_has_curl_examples_and_every_url_is_ascii() -> None:
    examples = curl_examples()
    assert len(examples) >= 3, examples
    for line in examples:
        url, params, get = as_request(line)
        assert url.isascii(), f"README: percent-encode or --data-urlencode the URL in: {line}"
        # data without -G would be a POST body, which these GET endpoints ignore
        assert get or not params, (
            f"README: curl sends --data-urlencode as a query only with -G: {line}"
        )


def test_readme_curl_examples_are_answered(api: TestClient) -> None:
    for line in curl_examples():
        url, params, _ = as_request(line)
        path = urlsplit(url).path
        resp = api.get(path, params=params)
        assert resp.status_code == 200, (line, resp.status_code, resp.text[:200])
        if ("bom", "1") in params:
            assert resp.content.startswith(b"\xef\xbb\xbf"), line
