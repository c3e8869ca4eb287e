"""One `policykg ingest` over a folder of good and hostile files, as a user runs it (issue 11).

Good documents in every supported format and encoding are all stored; each bad file is
named on its own `PATH: reason` line, with no traceback, and the run exits non-zero. The
documents are notices written for this test (each its own number, so its own identity),
laid out by the fixture writers of tests/ingest/formats.py.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ingest.formats import (
    blocks_of,
    soffice_missing,
    write_doc,
    write_docx,
    write_image_pdf,
    write_ofd,
    write_pdf,
)
from tests.ingest.test_formats import _tiny_png

POLICYKG = Path(sys.executable).parent / "policykg"


def notice(k: int) -> str:
    """A provincial notice with two measures; k sets its number and title."""
    return (
        f"江苏省药品监督管理局关于开展第{k}批药品经营企业专项检查的通知\n\n"
        f"苏药监发〔2024〕{k}号\n\n各设区市市场监督管理局：\n\n"
        "为加强药品经营环节监管，现就有关事项通知如下。\n\n"
        "一、全面排查风险。各设区市市场监督管理局要对辖区内药品经营企业开展全面检查，"
        "重点检查冷链储运和处方药销售。\n\n"
        "二、严肃查处违法行为。对检查发现的问题，依法依规从严查处，并于年底前报送检查情况。\n\n"
        "江苏省药品监督管理局\n\n2024年5月10日\n"
    )


TRADITIONAL = (
    "江蘇省藥品監督管理局關於開展藥品經營企業專項檢查的通知\n\n蘇藥監發〔2024〕{k}號\n\n"
    "各設區市市場監督管理局：\n\n"
    "一、全面排查風險。各設區市市場監督管理局要對轄區內藥品經營企業開展全面檢查。\n\n"
    "二、嚴肅查處違法行為。對檢查發現的問題，依法從嚴查處。\n\n"
    "江蘇省藥品監督管理局\n\n2024年5月10日\n"
)


def _good(folder: Path) -> dict[str, Path]:
    """Good files by the number each carries."""
    k = iter(range(1, 100))
    made: dict[str, Path] = {}

    def put(name: str, writer=None) -> None:
        n = next(k)
        path = folder / name
        if writer:
            writer(blocks_of(notice(n)), path)
        else:
            path.write_text(notice(n))
        made[f"苏药监发〔2024〕{n}号"] = path

    put("utf8.txt")
    n = next(k)
    (folder / "gbk.txt").write_bytes(notice(n).encode("gbk"))
    made[f"苏药监发〔2024〕{n}号"] = folder / "gbk.txt"
    n = next(k)
    (folder / "gb18030.txt").write_bytes(notice(n).replace("冷链", "冷链𠀀").encode("gb18030"))
    made[f"苏药监发〔2024〕{n}号"] = folder / "gb18030.txt"
    n = next(k)
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + notice(n).encode("utf-16-le"))
    made[f"苏药监发〔2024〕{n}号"] = folder / "utf16.txt"
    n = next(k)
    (folder / "big5 繁體.txt").write_bytes(TRADITIONAL.format(k=n).encode("big5"))
    made[f"苏药监发〔2024〕{n}号"] = folder / "big5 繁體.txt"
    n = next(k)
    (folder / "traditional-utf8.md").write_text(TRADITIONAL.format(k=n))
    made[f"苏药监发〔2024〕{n}号"] = folder / "traditional-utf8.md"
    n = next(k)
    body = "".join(f"<p>{line}</p>\n" for line in notice(n).split("\n") if line)
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f"<title>通知</title></head><body><div class=content>{body}</div></body></html>")  # fmt: skip
    (folder / "page.html").write_bytes(page.encode("gb18030"))
    made[f"苏药监发〔2024〕{n}号"] = folder / "page.html"
    put("with spaces in name.txt")
    put('it\'s "quoted".txt')
    put("关于专项检查的通知.txt")
    put("notice.pdf", writer=write_pdf)
    put("notice.docx", writer=write_docx)
    put("notice.ofd", writer=write_ofd)
    if not soffice_missing():
        put("notice.doc", writer=write_doc)
        put("notice.wps", writer=write_doc)  # WPS Office saves the same Word 97 format
    return made


def _bad(folder: Path, tmp_path: Path) -> tuple[list[Path], list[Path]]:
    """Bad files: (inside the folder, named on the command line)."""
    inside = []

    def put(name: str, data: bytes) -> Path:
        (folder / name).write_bytes(data)
        inside.append(folder / name)
        return folder / name

    put("empty.txt", b"")
    put("blank.txt", " \n\t\n\u3000\n".encode())
    put("binary.txt", bytes(range(256)) * 40)
    put("image.txt", _tiny_png())
    docx = write_docx(blocks_of(notice(90)), tmp_path / "whole.docx").read_bytes()
    put("truncated.docx", docx[: len(docx) // 2])
    pdf = write_pdf(blocks_of(notice(91)), tmp_path / "whole.pdf").read_bytes()
    put("truncated.pdf", pdf[: len(pdf) // 3])
    inside.append(write_image_pdf(folder / "scan.pdf", _tiny_png()))
    put("too big.txt", notice(92).encode() * 4_000)  # ~2.3 MB, over --max-file-mb 1
    put("nav.html", "<html><body><nav><a href=/>首页</a> | <a href=/a>政务公开</a></nav>"
                    "<script>var menu = ['首页', '机构设置'];</script></body></html>".encode())  # fmt: skip
    put(
        "README.md",
        "# 工具说明\n\n安装：运行 pip install。\n\n## 用法\n\n运行命令即可。\n".encode(),
    )
    put("菜单 “页”.txt", "首页 | 机构设置 | 政务公开\n\n版权所有 联系我们 网站地图\n".encode())
    loop = folder / "loop.txt"
    loop.symlink_to(loop)
    inside.append(loop)
    dangling = folder / "gone.txt"
    dangling.symlink_to(folder / "missing.txt")
    inside.append(dangling)
    # a file the system refuses to read, even to root (reading offset 0 of a process's
    # memory fails with EIO); and, when not root, a file without read permission
    kernel = folder / "mem.txt"
    kernel.symlink_to("/proc/self/mem")
    inside.append(kernel)
    if os.geteuid() != 0:
        locked = put("locked.txt", notice(93).encode())
        locked.chmod(0)
    outside = [tmp_path / "does not exist.txt", tmp_path / "slides.pptx"]
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04 not really")
    return inside, outside


# what the line of some bad files must say (the others: any reason)
REASONS = {
    "empty.txt": "empty", "blank.txt": "whitespace", "image.txt": "PNG",
    "truncated.docx": "truncated", "truncated.pdf": "truncated", "scan.pdf": "OCR",
    "too big.txt": "size limit", "nav.html": "not a policy document",
    "README.md": "not a policy document", "体育新闻.txt": "not a policy document", "菜单 “页”.txt": "not a policy document",
    "loop.txt": "loop", "gone.txt": "symbolic link", "locked.txt": "permission",
    "does not exist.txt": "no such file", "slides.pptx": "unsupported",
}  # fmt: skip


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYKG_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "400"}
    env.pop("NEO4J_URI", None)
    return subprocess.run(
        [str(POLICYKG), *args], capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=600,
    )  # fmt: skip


def test_one_ingest_of_a_hostile_folder(tmp_path: Path):
    folder = tmp_path / "收件 folder"
    folder.mkdir()
    good = _good(folder)
    inside, outside = _bad(folder, tmp_path)
    assert len(good) + len(inside) + len(outside) >= 30

    run = _run(tmp_path, "ingest", str(folder), *map(str, outside), "--max-file-mb", "1")

    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    lines = run.stderr.splitlines()
    for bad in [*inside, *outside]:
        named = [ln for ln in lines if ln.startswith(f"{bad}: ")]
        assert len(named) == 1, (bad, run.stderr)
        assert len(named[0]) > len(f"{bad}: ") + 10  # a reason follows the name
        assert REASONS.get(bad.name, "") in named[0], named[0]
    for path in good.values():
        assert not any(ln.startswith(f"{path}: ") for ln in lines), run.stderr
    assert f"added {len(good)}," in run.stdout

    stats = json.loads(_run(tmp_path, "stats", "--json").stdout)
    assert stats["nodes"]["Document"] == len(good)
    rows = json.loads(_run(tmp_path, "query", "documents", "--format", "json").stdout)
    assert {r["doc_number"] for r in rows} == set(good)
    assert all(r["measures"] == 2 and r["province"] == "江苏省" for r in rows)
