"""Word .docx → text (python-docx).

python-docx rather than docx2python: it walks the body in document order with paragraphs
and tables as objects, and exposes each cell's merge marks, so a table keeps the shape
the HTML export of the same document would have (a cell continuing a vertical merge is
left out of its row, like a cell under an HTML rowspan). Headers, footers and comments are
separate parts of the package and not read: they are page furniture, not the document.

Known gap: numbers produced by Word's automatic list numbering (numPr) are not part of the
paragraph text, so a heading numbered that way loses its "一、"; documents typeset to
GB/T 9704 type their numbers.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from policykg.ingest.readers.layout import table_lines

from policykg.errors import InputError


def _paragraph_lines(text: str) -> list[str]:
    # A tab inside a paragraph is spacing, not a table cell (cell lines start with "\t").
    return [line.replace("\t", " ").strip() for line in text.split("\n")]


def _table_rows(table: Any) -> list[list[str | None]]:
    from docx.table import _Cell

    rows: list[list[str | None]] = []
    for tr in table._tbl.tr_lst:
        row: list[str | None] = []
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                continue  # covered by the cell above
            cell = _Cell(tc, table)
            parts = [p.text for p in cell.paragraphs]
            parts += ["\n".join(" ".join(c.text for c in r.cells) for r in t.rows)
                      for t in cell.tables]  # fmt: skip
            row.append("\n".join(parts))
        rows.append(row)
    return rows


def docx_lines(document: Any) -> list[str]:
    from docx.table import Table

    out: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            out += table_lines(_table_rows(block), wrapped=False)
        else:
            out += _paragraph_lines(block.text)
    return out


def read_docx(data: bytes, name: str) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            f"{name}: cannot read the Word document (damaged or truncated: "
            f"{type(exc).__name__}); download or save it again"
        ) from exc
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml errors on malformed parts
        raise InputError(
            f"{name}: cannot read the Word document ({type(exc).__name__}: {exc}); "
            "open and save it again in Word or LibreOffice"
        ) from exc
    return "\n".join(docx_lines(document)).strip("\n")
