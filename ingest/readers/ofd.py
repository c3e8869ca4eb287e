"""OFD (GB/T 33190-2016, China's format for official electronic documents) → text.

Read with the standard library: an OFD is a zip package of XML parts. OFD.xml names each
document's root (DocBody/DocRoot → Document.xml); Document.xml lists the pages
(Pages/Page@BaseLoc → Content.xml); a page's text is in TextObject elements, each with a
Boundary "x y w h" (millimetres) and TextCode children holding the characters, positioned
by X/Y inside the boundary and advanced by DeltaX ("g N d" repeats d N times). The glyphs
are grouped into printed lines by baseline and then read like a PDF's (paragraphs rebuilt,
page numbers dropped: ingest/readers/layout.py). Template pages (page furniture),
annotations and signatures are other parts and not read. OFD has no table structure: a
table is ruled lines and positioned text, read here as lines of text.

Why not a PyPI reader: easyofd (20260427, the one in use) does read the text objects of a
test OFD (per page, text with its position), but its job is rendering OFD to PDF/images:
it pulls in PyMuPDF (AGPL) and onnxruntime (~100 MB), logs font warnings on import, and
still leaves the grouping into lines to the caller. The part of the format needed for
text is small and stable, so it is read here.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from statistics import median
from xml.etree import ElementTree

from policykg.ingest.readers.layout import Line, Page, line_text, pages_to_text

from policykg.errors import InputError

_NUM = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")
MAX_PART = 50 * 1024 * 1024  # a zip bomb's part is refused, not inflated


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(el: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [e for e in el.iter() if _local(e.tag) == name]


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUM.findall(text or "")]


def _deltas(spec: str | None, n: int) -> list[float]:
    """DeltaX "g 3 4.2 1.5" → [4.2, 4.2, 4.2, 1.5], padded with the last value."""
    out: list[float] = []
    tokens = (spec or "").split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            out += [float(tokens[i + 2])] * int(float(tokens[i + 1]))
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return (out + [out[-1] if out else 0.0] * n)[:n]


class _Package:
    def __init__(self, data: bytes, name: str) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.name = name

    def xml(self, part: str) -> ElementTree.Element:
        part = part.lstrip("/")
        info = self.zip.getinfo(part)
        if info.file_size > MAX_PART:
            raise InputError(f"{self.name}: OFD part {part} is over {MAX_PART} bytes; refused")
        return ElementTree.fromstring(self.zip.read(info))


def _page(root: ElementTree.Element, box: list[float]) -> Page:
    glyphs: list[tuple[float, float, float, float, str]] = []  # baseline, x0, x1, size, text
    for obj in _find(root, "TextObject"):
        bx, by = (_numbers(obj.get("Boundary")) + [0.0, 0.0])[:2]
        size = float(obj.get("Size") or 3.5)
        x = y = 0.0
        for code in _find(obj, "TextCode"):
            text = code.text or ""
            x = float(code.get("X", x))
            y = float(code.get("Y", y))
            steps = _deltas(code.get("DeltaX"), max(len(text) - 1, 0))
            width = sum(steps) + size
            glyphs.append((by + y, bx + x, bx + x + width, size, text))
    page = Page(box[2] if len(box) > 2 else 210.0, box[3] if len(box) > 3 else 297.0)
    glyphs.sort()
    groups: list[list[tuple[float, float, float, float, str]]] = []
    for g in glyphs:
        if groups and abs(g[0] - groups[-1][0][0]) <= 0.4 * g[3]:
            groups[-1].append(g)
        else:
            groups.append([g])
    for group in groups:
        group.sort(key=lambda g: g[1])
        size = median(g[3] for g in group)
        text = line_text([(g[1], g[2], g[4]) for g in group], size)
        if text:
            page.items.append(Line(text, group[0][1], group[-1][2], group[0][0] - size, size))
    return page


def read_ofd(data: bytes, name: str) -> str:
    try:
        pkg = _Package(data, name)
        root = pkg.xml("OFD.xml")
        pages: list[Page] = []
        for doc_root in _find(root, "DocRoot"):
            doc_path = (doc_root.text or "").strip().lstrip("/")
            doc = pkg.xml(doc_path)
            base = posixpath.dirname(doc_path)
            box = _numbers(next((e.text for e in _find(doc, "PhysicalBox")), None))
            for ref in _find(doc, "Page"):
                loc = ref.get("BaseLoc")
                if loc:
                    part = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc)
                    pages.append(_page(pkg.xml(part), box))
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError, OSError) as exc:
        raise InputError(
            f"{name}: cannot read the OFD package (damaged, truncated or not GB/T 33190: "
            f"{type(exc).__name__}); download it again"
        ) from exc
    if not pages:
        raise InputError(f"{name}: the OFD lists no pages; download it again")
    text = pages_to_text(pages)
    if not text.strip():
        raise InputError(
            f"{name}: no text in the OFD (its pages are images?); OCR is not supported — "
            "give the document as text, PDF with a text layer, or Word"
        )
    return text
