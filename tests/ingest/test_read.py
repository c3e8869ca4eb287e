"""Reading: encodings, formats and the errors a user can act on."""

from __future__ import annotations

import random
import zlib
from pathlib import Path

import pytest
from policykg.ingest.read import SUPPORTED_SUFFIXES, SourceText, decode_bytes, read_source

from policykg.errors import InputError

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"

TRADITIONAL = (
    "各區人民政府，市政府有關委、辦、局：\n"
    "經市政府同意，現將《上海市全面深化藥品醫療器械監管改革促進醫藥產業高質量發展的若干措施》"
    "印發給你們，請認真按照執行。\n（一）打造協同創新生態。（責任單位：市藥品監管局）\n"
)
SIMPLIFIED = (
    "上海市药品监督管理局关于加强疫苗流通监管的通知\n"
    "各区市场监管局：为贯彻落实《疫苗管理法》，现就加强疫苗流通环节监管提出如下要求。\n"
    "一、落实企业主体责任（责任单位：市药品监管局）\n"
)


def seed(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


ENCODINGS = [
    # text, codec used to write the file, encoding reported
    (SIMPLIFIED, "utf-8", "utf-8"),
    (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
    (SIMPLIFIED, "gb18030", "gb18030"),
    (SIMPLIFIED, "gbk", "gb18030"),
    (SIMPLIFIED, "gb2312", "gb18030"),
    (SIMPLIFIED, "utf-16", "utf-16"),  # Python writes a BOM
    (SIMPLIFIED, "utf-16-le", "utf-16-le"),  # no BOM
    (TRADITIONAL, "utf-8", "utf-8"),
    (TRADITIONAL, "big5", "big5"),
    (TRADITIONAL, "gb18030", "gb18030"),
    (TRADITIONAL, "utf-16", "utf-16"),
    (TRADITIONAL, "utf-16-be", "utf-16-be"),
]


@pytest.mark.parametrize(("text", "codec", "reported"), ENCODINGS, ids=lambda v: str(v)[:8])
def test_encodings_decode_to_the_same_text(tmp_path: Path, text: str, codec: str, reported: str):
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(codec))
    src = read_source(path)
    assert src.text == text  # BOM removed, nothing mangled
    assert src.encoding == reported
    assert src.format == "text"
    assert src.path == str(path)


def test_seed_big5_roundtrip_prefers_big5_over_gb18030():
    # Big5 bytes usually also decode as GB18030 (into rare-character soup); the score must win.
    text = seed("002").read_text(encoding="utf-8")
    data = text.encode("big5", errors="ignore")
    decoded, encoding = decode_bytes(data, name="002.txt")
    assert encoding == "big5"
    assert decoded == data.decode("big5")


SHORT = [
    # bytes, expected text, expected encoding
    ("<p>药品</p>".encode("gbk"), "<p>药品</p>", "gb18030"),  # also valid UTF-8: "ҩƷ"
    ("药品".encode("gbk"), "药品", "gb18030"),
    ("監管局".encode("big5"), "監管局", "big5"),
    ("café résumé — “x”".encode(), "café résumé — “x”", "utf-8"),
    ("Привет, документ".encode(), "Привет, документ", "utf-8"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), SHORT, ids=range(len(SHORT)))
def test_short_inputs(data: bytes, text: str, encoding: str):
    assert decode_bytes(data, name="short.txt") == (text, encoding)


@pytest.mark.parametrize("seed_value", [0, 1, 2, 3, 4])
def test_random_binary_is_refused_naming_the_file(tmp_path: Path, seed_value: int):
    path = tmp_path / f"junk{seed_value}.txt"
    path.write_bytes(random.Random(seed_value).randbytes(4096))
    with pytest.raises(InputError, match=f"junk{seed_value}.txt") as err:
        read_source(path)
    assert "decode" in str(err.value) or "binary" in str(err.value)


@pytest.mark.parametrize(
    "data",
    [
        zlib.compress("药品监管".encode() * 200),
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        b"\x00\x01\x02\x03" * 100,  # valid UTF-8, but control characters
    ],
    ids=["zlib", "png", "controls"],
)
def test_binary_formats_are_refused(tmp_path: Path, data: bytes):
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="blob.txt"):
        read_source(path)


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty"):
        read_source(path)


def test_whitespace_only_file(tmp_path: Path):
    path = tmp_path / "blank.md"
    path.write_text(" \n\u3000\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"blank\.md: .*only whitespace"):
        read_source(path)


def test_decode_bytes_empty_names_the_input():
    with pytest.raises(InputError, match="upload.txt"):
        decode_bytes(b"", name="upload.txt")


def test_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.txt")


def test_directory(tmp_path: Path):
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)


@pytest.mark.parametrize("suffix", [".xlsx", ".zip", ""])
def test_unsupported_suffix_lists_supported_formats(tmp_path: Path, suffix: str):
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError) as err:
        read_source(path)
    message = str(err.value)
    assert str(path) in message
    assert "unsupported" in message
    for supported in (".txt", ".md", ".html", ".pdf", ".docx", ".doc", ".wps", ".ofd"):
        assert supported in message


@pytest.mark.parametrize("suffix", [".docx", ".ofd"])
def test_damaged_zip_container_is_named(tmp_path: Path, suffix: str):
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match="damaged or truncated"):
        read_source(path)


FORMATS = [
    ("a.txt", "一、总体要求\n", "text"),
    ("a.TXT", "一、总体要求\n", "text"),
    ("a.md", "# 一、总体要求\n", "markdown"),
    ("a.markdown", "# 一、总体要求\n", "markdown"),
    ("a.html", "<p>一、总体要求</p>", "html"),
    ("a.htm", "<p>一、总体要求</p>", "html"),
    ("page.txt", "<!DOCTYPE html><html><body><p>一、总体要求</p></body></html>", "html"),
    ("saved.txt", "---\ntitle: x\n---\n<div>\n<p>一</p>\n<p>二</p>\n</div>", "html"),
    # a stray "<5%" or a single tag does not make a text file HTML
    ("plain.txt", "合格率<5%的企业，<b>加强</b>检查。\n", "text"),
]


@pytest.mark.parametrize(("name", "content", "expected"), FORMATS, ids=[f[0] for f in FORMATS])
def test_formats(tmp_path: Path, name: str, content: str, expected: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert read_source(path).format == expected


def test_supported_suffixes():
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".doc", ".wps",
            ".rtf", ".ofd"} == SUPPORTED_SUFFIXES  # fmt: skip


SEEDS = [("000", "text"), ("001", "html"), ("002", "text"), ("003", "text"), ("004", "text")]


@pytest.mark.parametrize(("prefix", "fmt"), SEEDS, ids=[s[0] for s in SEEDS])
def test_seeds(prefix: str, fmt: str):
    src = read_source(seed(prefix))
    assert isinstance(src, SourceText)
    assert src.encoding == "utf-8"
    assert src.format == fmt
    assert src.text == seed(prefix).read_text(encoding="utf-8")
