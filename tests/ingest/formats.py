"""Fixture writers: a document as paragraphs and tables → PDF, DOCX, DOC/WPS and OFD files.

A document is a list of blocks: a string is a paragraph, a list of rows (lists of cell
strings) is a table. `blocks_of(text)` reads them off text in the line contract of
ingest/normalize.py (cell lines "\\t…", a blank line after each row). The PDF is laid out
as GB/T 9704 prescribes for the body: justified lines, first line indented two characters,
a page number "— N —" at the foot of each page, plus a running header, so the reader's
paragraph rebuilding and header removal are exercised. Made for the tests, small.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
Block = str | list[list[str]]


def blocks_of(text: str) -> list[Block]:
    blocks: list[Block] = []
    row: list[str] | None = None
    table: list[list[str]] | None = None
    for line in text.split("\n"):
        if line.startswith("\t"):
            if table is None:
                table = []
                blocks.append(table)
            if row is None:
                row = []
                table.append(row)
            row.append(line[1:])
        elif not line.strip():
            if row is None:
                table = None  # a second blank line ends the table
            row = None
        elif row is not None:
            row[-1] += "\n" + line  # continuation line of the cell
        else:
            table = None
            blocks.append(line)
    return blocks


def write_pdf(blocks: list[Block], path: Path, header: str = "药品监管文件 测试页眉") -> Path:
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self) -> None:
            self.set_y(15)  # in the top margin, above the body's 37 mm
            self.set_font("wqy", size=9)
            self.cell(0, 6, header, align="C")
            self.set_y(37)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("wqy", size=12)
            self.cell(0, 10, f"— {self.page_no()} —", align="C")

    pdf = Doc(format="A4")
    pdf.add_font("wqy", fname=str(FONT))
    pdf.set_margins(28, 37, 26)
    pdf.set_auto_page_break(True, margin=35)
    pdf.add_page()
    pdf.set_font("wqy", size=12)
    for block in blocks:
        if isinstance(block, str):
            pdf.set_x(pdf.l_margin + 8.4)  # first line indented two characters
            pdf.write(7, block)
            pdf.ln(7)
        else:
            pdf.set_font("wqy", size=9)
            width = max(len(r) for r in block)
            with pdf.table(line_height=5, first_row_as_headings=False) as table:
                for r in block:
                    row = table.row()
                    for k, c in enumerate(r):
                        # a short row (a merged category cell left out) spans the rest
                        span = width - len(r) + 1 if k == len(r) - 1 else 1
                        row.cell(c, colspan=span)
            pdf.set_font("wqy", size=12)
    pdf.output(str(path))
    return path


def write_image_pdf(path: Path, png: bytes) -> Path:
    """A scan: one page holding an image and no text."""
    from fpdf import FPDF

    img = path.with_suffix(".png")
    img.write_bytes(png)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(img), x=10, y=10, w=100)
    pdf.output(str(path))
    img.unlink()
    return path


def write_docx(blocks: list[Block], path: Path) -> Path:
    import docx

    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "页眉不属于正文"
    for block in blocks:
        if isinstance(block, str):
            doc.add_paragraph(block)
        else:
            width = max(len(r) for r in block)
            table = doc.add_table(rows=0, cols=width)
            for r in block:
                cells = table.add_row().cells
                for k, c in enumerate(r):
                    cells[width - len(r) + k].text = c
                if len(r) < width:  # the category cell above spans this row: merge upward
                    above = table.rows[len(table.rows) - 2].cells[0]
                    above.merge(cells[0])
    doc.save(str(path))
    return path


def soffice_missing() -> bool:
    """True when LibreOffice is absent and not required: .ci/run sets
    POLICYKG_REQUIRE_SOFFICE, so there a missing soffice fails the DOC tests instead."""
    import os

    return shutil.which("soffice") is None and not os.environ.get("POLICYKG_REQUIRE_SOFFICE")


def soffice_convert(src: Path, target: str, outdir: Path) -> Path:
    exe = shutil.which("soffice")
    assert exe, "LibreOffice (Debian package libreoffice-writer-nogui) is needed"
    subprocess.run(
        [exe, f"-env:UserInstallation={(outdir / '.lo-profile').as_uri()}", "--headless",
         "--convert-to", target, "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return outdir / (src.stem + "." + target.split(":")[0])


def write_doc(blocks: list[Block], path: Path) -> Path:
    """A Word 97-2003 .doc (LibreOffice converts a .docx); .wps is the same binary format."""
    work = path.parent / (path.stem + ".work")
    work.mkdir(exist_ok=True)
    made = soffice_convert(write_docx(blocks, work / "doc.docx"), "doc:MS Word 97", work)
    shutil.move(made, path)
    shutil.rmtree(work)
    return path


_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def write_ofd(blocks: list[Block], path: Path, per_page: int = 40) -> Path:
    """An OFD (GB/T 33190) as converters write it: one TextObject per printed line of at
    most 30 characters, positioned in millimetres on A4 pages, tables as rows of cells
    laid side by side (OFD has no table structure)."""
    lines: list[list[tuple[float, str]]] = []  # printed lines: runs of (x, text)
    for block in blocks:
        if isinstance(block, str):
            for k in range(0, len(block), 30):
                lines.append([(25.0 + (8.4 if k == 0 else 0), block[k : k + 30])])
        else:
            for r in block:  # a row on one line, its cells side by side with wide gaps
                runs, x = [], 25.0
                for c in r:
                    runs.append((x, c.replace("\n", "")))
                    x += 4.2 * (len(c) + 4)
                lines.append(runs)
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {_NS} '
                   'Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>t</ofd:DocID>'
                   "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>"
                   "</ofd:OFD>")  # fmt: skip
        refs = "".join(
            f'<ofd:Page ID="{n + 10}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
            for n in range(len(pages))
        )
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                   f"<ofd:Document {_NS}><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID>"
                   "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                   "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
                   f"<ofd:Pages>{refs}</ofd:Pages></ofd:Document>")  # fmt: skip
        z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                   f'<ofd:Res {_NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" '
                   'FamilyName="宋体"/></ofd:Fonts></ofd:Res>')  # fmt: skip
        for n, page in enumerate(pages):
            objs = []
            for k, runs in enumerate(page):
                y = 30 + k * 6.0
                for x, text in runs:
                    w = max(len(text), 1) * 4.2
                    objs.append(
                        f'<ofd:TextObject ID="{100 + len(objs)}" Boundary="{x} {y} {w:.1f} 6" '
                        f'Font="2" Size="4.2"><ofd:TextCode X="0" Y="4.5" '
                        f'DeltaX="g {max(len(text) - 1, 1)} 4.2">{escape(text)}</ofd:TextCode>'
                        "</ofd:TextObject>"
                    )
            objs.append(
                f'<ofd:TextObject ID="99" Boundary="95 280 20 6" Font="2" Size="4.2">'
                f'<ofd:TextCode X="0" Y="4.5">— {n + 1} —</ofd:TextCode></ofd:TextObject>'
            )
            z.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", f'<?xml version="1.0" '
                       f'encoding="UTF-8"?><ofd:Page {_NS}><ofd:Content><ofd:Layer ID="3">'
                       f'{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')  # fmt: skip
    return path
