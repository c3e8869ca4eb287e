"""Stage 1 of ingest: read a policy document from disk into a decoded `SourceText`.

Chinese government documents arrive as UTF-8, as GB-family files written by Windows
tools (GBK/GB2312, read here as their superset gb18030), as Big5 from Taiwan/Hong Kong
sources, and now and then as UTF-16 exported from Word. Decoding order:

1. a byte-order mark (UTF-8, UTF-16 LE/BE) wins outright;
2. strict UTF-8 (the common case, and a UTF-8 decode of non-UTF-8 bytes almost always fails);
3. candidates proposed by charset-normalizer, restricted to the Chinese encodings above, plus
   each of those encodings tried strictly; the winner is the decoding whose characters are
   most often "common" (ASCII, CJK punctuation, GB2312 level-1 or Big5 level-1 hanzi).
   A wrong decoding of GB or Big5 bytes yields strings of rare hanzi, so this is decisive on
   real text, unlike charset-normalizer's own ranking on short inputs.

Anything that decodes to control characters or rare-character soup is refused with an
`InputError` naming the file.

PDF, Word (.docx, .doc, .wps, .rtf) and OFD files are recognised by their bytes and read by
ingest/readers into the same text form; images and other binaries are named, not decoded.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import charset_normalizer
from policykg.ingest.readers import CONTAINER_SUFFIXES, read_container, sniff

from policykg.errors import InputError

Format = Literal["text", "markdown", "html"]

_SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_SUFFIX_FORMATS) | frozenset(CONTAINER_SUFFIXES)

# Python codec name -> the name we report.
_CANDIDATES: dict[str, str] = {
    "gb18030": "gb18030",
    "big5": "big5",
    "cp950": "big5",  # Microsoft's Big5 with extra hanzi; reported as big5
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
}
_MIN_PLAUSIBLE = 0.85  # share of "common" characters a legacy decoding must reach
_MAX_CONTROL = 0.01  # share of control characters tolerated in any decoding
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|br|span|table|tr|td|blockquote|h[1-6]|ul|ol|li|font|a)\b[^>]*>",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SourceText:
    path: str
    text: str
    encoding: str  # "" for a container (PDF, Word, OFD), whose text is Unicode already
    format: Format
    container: str | None = None  # "pdf", "docx", "doc", "wps", "rtf", "ofd"; None: a text file
    warnings: tuple[str, ...] = ()  # what the reader could not read (pages without text)


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """GB2312 level 1 (3755 most frequent simplified) + Big5 level 1 (5401 frequent traditional)."""
    gb = [bytes((a, b)) for a in range(0xB0, 0xD8) for b in range(0xA1, 0xFF)]
    big5 = [
        bytes((a, b))
        for a in range(0xA4, 0xC7)
        for b in (*range(0x40, 0x7F), *range(0xA1, 0xFF))
        if a < 0xC6 or b <= 0x7E
    ]
    return frozenset(_decodable(gb, "gb2312") + _decodable(big5, "big5"))


def _decodable(pairs: list[bytes], codec: str) -> list[str]:
    out = []
    for pair in pairs:
        with contextlib.suppress(UnicodeDecodeError):
            out.append(pair.decode(codec))
    return out


def _is_control(ch: str) -> bool:
    o = ord(ch)
    return (o < 0x20 and ch not in "\t\n\r\f\v") or 0x7F <= o < 0xA0 or o >= 0xFFF0


# The characters _is_control accepts, as one class: counted in C, not char by char.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufff0-\U0010ffff]")


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def _plausibility(text: str) -> float:
    """Share of non-space characters that are common in Chinese documents."""
    common = _common_hanzi()
    total = good = 0
    for ch in text:
        if ch.isspace():
            continue
        total += 1
        o = ord(ch)
        if (
            0x20 < o < 0x7F
            or ch in common
            or 0x3000 <= o <= 0x303F  # CJK symbols and punctuation
            or 0xFF01 <= o <= 0xFF5E  # full-width forms
            or 0x2010 <= o <= 0x2027  # dashes, quotes, ellipsis
            or ch in "·×÷≥≤％"
        ):
            good += 1
    return good / total if total else 0.0


def decode_bytes(data: bytes, *, name: str) -> tuple[str, str]:
    """Decode a document's bytes; returns (text without BOM, encoding name)."""
    if not data:
        raise InputError(f"{name}: the file is empty; give a file that contains the document text")
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: starts with a {label} byte-order mark but is not valid {label} "
                    f"(byte {exc.start + len(bom)}); re-save the file as UTF-8"
                ) from exc
            return _checked(text, label, name)
    if declared := _declared_legacy(data):
        try:
            return _checked(data.decode(declared), declared, name)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: fall back to sniffing
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Short GBK text can be valid UTF-8 by accident ("药品" -> "ҩƷ"): a UTF-8 reading
        # with neither hanzi nor Western accents loses to a legacy reading of common hanzi.
        if not re.search(r"[^\x00-\xff\u2000-\u206f]", text) or _HANZI.search(text):
            return _checked(text, "utf-8", name)
        legacy = _legacy_decode(data)
        if legacy and _HANZI.search(legacy[0]):
            return legacy
        return _checked(text, "utf-8", name)
    if legacy := _legacy_decode(data):
        return legacy
    raise InputError(
        f"{name}: cannot decode the file as text (tried UTF-8, GB18030/GBK, Big5, UTF-16); "
        "it looks binary or uses an unsupported encoding — convert it to UTF-8 text"
    )


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
# A page's declared legacy charset → the codec that reads it: GB2312 and GBK pages are read
# as their superset GB18030 (sites declare gb2312 and use GBK characters such as 镕, 喆).
_DECLARED = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
             "cp936": "gb18030", "big5": "big5hkscs", "big5-hkscs": "big5hkscs"}  # fmt: skip


def _declared_legacy(data: bytes) -> str | None:
    """The legacy codec an HTML page declares in <meta charset> / http-equiv, if any."""
    m = _META_CHARSET.search(data[:4096])
    return _DECLARED.get(m.group(1).decode("ascii").lower()) if m else None


def _legacy_decode(data: bytes) -> tuple[str, str] | None:
    """The most plausible decoding among the Chinese legacy encodings and UTF-16, if any."""
    decodings: dict[str, str] = {}
    try:
        for match in charset_normalizer.from_bytes(data, cp_isolation=list(_CANDIDATES)):
            if match.encoding in _CANDIDATES:
                decodings.setdefault(match.encoding, str(match))
    except Exception:  # noqa: BLE001 - detection is only a hint; strict decoding below decides
        pass
    for codec in _CANDIDATES:
        if codec.startswith("utf_16") and (len(data) % 2 or b"\x00" not in data):
            continue  # UTF-16 of a document with no ASCII at all (no newline) is not plausible
        if codec not in decodings:
            with contextlib.suppress(UnicodeDecodeError):
                decodings[codec] = data.decode(codec)
    order = list(_CANDIDATES)
    scored = sorted(
        (
            (_plausibility(t), -_control_share(t), -order.index(c), c, t)
            for c, t in decodings.items()
        ),
        reverse=True,
    )
    if scored:
        score, neg_control, _, codec, text = scored[0]
        if score >= _MIN_PLAUSIBLE and -neg_control <= _MAX_CONTROL:
            return text, _CANDIDATES[codec]
    return None


def _checked(text: str, encoding: str, name: str) -> tuple[str, str]:
    if _control_share(text) > _MAX_CONTROL:
        raise InputError(
            f"{name}: decodes as {encoding} but is full of control characters; it looks like a "
            "binary file — give a text, Markdown or HTML file"
        )
    return text, encoding


def sniff_format(text: str, suffix: str) -> Format:
    """Format from the suffix; a .txt whose content is HTML markup (a saved web page) is HTML."""
    fmt = _SUFFIX_FORMATS[suffix]
    if fmt == "text":
        head = text[:20000]
        if re.match(r"\s*<(?:!doctype|html)\b", head, re.IGNORECASE):
            return "html"
        if len(_HTML_SNIFF.findall(head)) >= 3:
            return "html"
    return fmt


def read_source(path: str | Path, *, max_bytes: int | None = None) -> SourceText:
    """Read one document file: a text file decoded, a container read to text.
    max_bytes: files larger than this are refused before they are read."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file; check the path") from exc
    except OSError as exc:  # a symlink loop (ELOOP), a name too long…
        raise InputError(f"{path}: cannot open ({exc.strerror}); check the path") from exc
    if p.is_dir():
        raise InputError(f"{path}: is a directory; give a document file")
    if not p.is_file():
        raise InputError(f"{path}: not a regular file (a device, pipe or socket); skip it")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        shown = suffix or "(no extension)"
        raise InputError(
            f"{path}: unsupported file type {shown}; supported formats are {supported} — "
            "convert the document to one of them"
        )
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputError(
            f"{path}: {st.st_size / 1e6:.1f} MB is over the size limit of {max_bytes / 1e6:g} MB; "
            "raise the limit (--max-file-mb or POLICYKG_MAX_FILE_MB) or split the document"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read the file ({exc.strerror}); check its permissions"
        ) from exc
    if not data:
        raise InputError(f"{path}: the file is empty; give a file that contains the document")
    name = str(path)
    container = sniff(data, suffix, name)
    if container is not None:
        text, warnings = read_container(container, data, name)
        if not text.strip():
            raise InputError(
                f"{path}: the {container.upper()} file holds no text; nothing to ingest"
            )
        return SourceText(name, text, "", "text", container, tuple(warnings))
    text, encoding = decode_bytes(data, name=name)
    if not text.strip():
        raise InputError(f"{path}: the file contains only whitespace; nothing to ingest")
    fmt = sniff_format(text, suffix if suffix in _SUFFIX_FORMATS else ".txt")
    return SourceText(path=name, text=text, encoding=encoding, format=fmt)
