"""Readers of document containers: each turns a file's bytes into text in the line
contract of ingest/normalize.py (paragraph lines, tables as cell lines), so the rest of
the pipeline reads a PDF, a Word file or an OFD exactly as it reads a text file.

`sniff(data, suffix)` decides the container by the bytes first (a .doc that is really a
.docx, a .txt that is really a PNG), then by the suffix.
"""

from __future__ import annotations

import io
import zipfile

from policykg.errors import InputError

CONTAINER_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".wps": "wps",
                      ".rtf": "rtf", ".ofd": "ofd"}  # fmt: skip
_IMAGES = [(b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
           (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF")]  # fmt: skip
_OTHER_BINARY = [(b"\x1f\x8b", "gzip archive"), (b"Rar!", "RAR archive"),
                 (b"7z\xbc\xaf", "7-Zip archive"), (b"\x7fELF", "program (ELF)"),
                 (b"MZ", "Windows program")]  # fmt: skip
OCR = "OCR is not supported"


def sniff(data: bytes, suffix: str, name: str) -> str | None:
    """The container of a file ("pdf", "docx", "ofd", "doc", "rtf"), or None for text."""
    head = data[:1024]
    for magic, kind in _IMAGES:
        if head.startswith(magic):
            raise InputError(
                f"{name}: is a {kind} image, not a document; {OCR} — give the document's text "
                "(text, HTML, Word, OFD, or a PDF with a text layer)"
            )
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise InputError(f"{name}: is a WebP image, not a document; {OCR}")
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile as exc:
            kind = CONTAINER_SUFFIXES.get(suffix, "zip")
            raise InputError(
                f"{name}: a damaged or truncated {kind.upper()} package (zip); "
                "download or save it again"
            ) from exc
        if "word/document.xml" in names:
            return "docx"
        if "OFD.xml" in names:
            return "ofd"
        raise InputError(
            f"{name}: a zip package that is neither a Word .docx nor an OFD; "
            "unpack it and give the documents inside"
        )
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Word 97-2003, WPS
        return "wps" if suffix == ".wps" else "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    for magic, kind in _OTHER_BINARY:
        if head.startswith(magic):
            raise InputError(f"{name}: is a {kind}, not a document; give a document file")
    if suffix in (".pdf", ".docx", ".ofd"):
        raise InputError(
            f"{name}: is not a {suffix[1:].upper()} file (its content does not start as one); "
            "it may be damaged or a web page saved under the wrong name — download it again"
        )
    return None  # text (a .doc that is really HTML or text is read as such)


def read_container(kind: str, data: bytes, name: str) -> tuple[str, list[str]]:
    """(text, warnings) of a document container."""
    if kind == "pdf":
        from policykg.ingest.readers.pdf import read_pdf

        return read_pdf(data, name)
    if kind == "docx":
        from policykg.ingest.readers.docx import read_docx

        return read_docx(data, name), []
    if kind == "ofd":
        from policykg.ingest.readers.ofd import read_ofd

        return read_ofd(data, name), []
    from policykg.ingest.readers.office import read_office

    return read_office(data, name, kind), []
