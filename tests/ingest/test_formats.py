"""The same document in every format gives the same extraction (issue 11.1).

Each seed is written by the test's own fixture writers (tests/ingest/formats.py: a PDF laid
out as GB/T 9704 with running header and page numbers, a DOCX with real tables, an OFD)
from its normalised text, and read back through ingest/readers/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policykg.ingest.normalize import normalize
from policykg.ingest.pipeline import extract_file
from policykg.ingest.read import read_source

from policykg.errors import InputError
from tests.conftest import seed
from tests.ingest.formats import (
    blocks_of,
    soffice_missing,
    write_doc,
    write_docx,
    write_image_pdf,
    write_ofd,
    write_pdf,
)

WRITERS = {"docx": write_docx, "pdf": write_pdf, "ofd": write_ofd, "doc": write_doc}


def _signature(record) -> dict:
    return {
        "title": record.document.title,
        "province": record.document.province,
        "doc_number": record.document.doc_number,
        "measures": [(m.ordinal, m.statement, [(d.name, d.role) for d in m.departments])
                     for m in record.measures],
        "targets": sorted(str((t.indicator_key or t.indicator, t.value, t.year)) for t in record.targets),
        "departments": sorted(d.name for d in record.departments),
    }  # fmt: skip


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("stem", ["000", "004"])
def test_a_seed_extracts_the_same_in_every_format(stem: str, fmt: str, tmp_path: Path):
    if fmt == "doc" and soffice_missing():
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    source = seed(stem)
    blocks = blocks_of(normalize(read_source(source)).text)
    carried = WRITERS[fmt](blocks, tmp_path / f"doc.{fmt}")
    expected = _signature(extract_file(source))
    assert expected["measures"] and expected["departments"]
    assert _signature(extract_file(carried)) == expected


def test_an_image_only_pdf_is_named_not_stored(tmp_path: Path):
    png = (Path(__file__).parents[1] / "artifacts").glob("*.png")
    image = next(png, None)
    data = image.read_bytes() if image else _tiny_png()
    scan = write_image_pdf(tmp_path / "scan.pdf", data)
    with pytest.raises(InputError, match="OCR"):
        extract_file(scan)


def _tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    raw = b"".join(b"\x00" + b"\xff\xff\xff" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))  # fmt: skip
