"""PDF with a text layer → text (pdfplumber).

pdfplumber (on pdfminer.six) rather than pypdfium2: both read the text layer, but only
pdfplumber gives each character's position and finds ruled tables, and a task-division
table (任务分工表) must stay a table: its rows become cell lines. The glyph lines are
rebuilt into paragraphs, page numbers and running headers dropped (ingest/readers/layout.py).

A PDF without a text layer (a scan) is refused — OCR is not supported — and pages
that are images among pages with text are named in a warning.
"""

from __future__ import annotations

import io
import logging
import re
from statistics import median
from typing import Any

from policykg.ingest.readers.layout import Line, Page, Table, line_text, pages_to_text

from policykg.errors import InputError

_CID = re.compile(r"\(cid:\d+\)")
OCR_HINT = (
    "OCR is not supported; run an OCR tool (e.g. ocrmypdf) to add a text layer, "
    "or give the document as text, Word or OFD"
)


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _line(chars: list[dict[str, Any]]) -> Line | None:
    """One printed line from its characters; a wide gap between glyphs becomes a space."""
    chars = sorted(chars, key=lambda c: c["x0"])
    size = median(c["size"] for c in chars)
    text = line_text([(c["x0"], c["x1"], c["text"]) for c in chars], size)
    body = [c for c in chars if c["text"].strip() and c["text"] != "\u3000"]
    if not body:
        return None
    return Line(text, body[0]["x0"], body[-1]["x1"], chars[0]["top"], size)


def _page(page: Any) -> tuple[Page, int]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    out = Page(float(page.width), float(page.height))
    body = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes))
    for found in body.extract_text_lines(return_chars=True, strip=False):
        line = _line(found["chars"])
        if line is not None:
            out.items.append(line)
    for t in tables:
        out.items.append(Table(t.extract(), t.bbox[1]))
    out.items.sort(key=lambda i: i.top)
    return out, len(page.chars)


def read_pdf(data: bytes, name: str) -> tuple[str, list[str]]:
    """The text of a PDF, and warnings (pages without text)."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it logs every odd object
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages, chars, images = [], [], []
            for page in pdf.pages:
                p, n = _page(page)
                pages.append(p)
                chars.append(n)
                images.append(bool(page.images))
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types for damaged files
        reason = (
            "it is encrypted" if "encrypt" in repr(exc).lower() else "it is damaged or truncated"
        )
        raise InputError(
            f"{name}: cannot read the PDF ({reason}: {type(exc).__name__}); "
            "download or export it again"
        ) from exc
    if not pages:
        raise InputError(f"{name}: the PDF has no pages; download or export it again")
    if not any(chars):
        what = "its pages are images (a scan)" if any(images) else "its pages hold no text"
        raise InputError(f"{name}: no text layer: {what}; {OCR_HINT}")
    text = pages_to_text(pages)
    if len(_CID.findall(text)) * 4 > len(text):
        raise InputError(
            f"{name}: the PDF's fonts carry no Unicode map, so its characters cannot be read; "
            f"{OCR_HINT}"
        )
    blank = [str(i + 1) for i, n in enumerate(chars) if not n]
    warnings = []
    if blank:
        warnings.append(
            f"page(s) {', '.join(blank)} of the PDF have no text layer (images?); their text "
            "is missing — OCR is not supported"
        )
    return text, warnings
