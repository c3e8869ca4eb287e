"""Word 97-2003 .doc, WPS Writer .wps and RTF → text, through LibreOffice.

No maintained Python library reads the binary Word format; LibreOffice headless
(`soffice --headless --convert-to docx`, Debian package libreoffice-writer-nogui) converts
it to .docx, which ingest/readers/docx.py reads, tables included. antiword and catdoc were
the alternatives: both print text only (tables lost) and neither reads Kingsoft WPS files,
which are Word-binary compatible packages LibreOffice opens. Each conversion runs with a
private profile folder (parallel runs do not share LibreOffice's lock) and a time limit.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from policykg.ingest.readers.docx import read_docx

from policykg.errors import InputError

PACKAGE = "libreoffice-writer-nogui"
TIMEOUT_S = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_office(data: bytes, name: str, kind: str) -> str:
    exe = soffice()
    if exe is None:
        raise InputError(
            f"{name}: reading .{kind} files needs LibreOffice, and `soffice` is not installed; "
            f"install the Debian package {PACKAGE} (apt-get install {PACKAGE}) or save the "
            "document as .docx"
        )
    with tempfile.TemporaryDirectory(prefix="policykg-office-") as tmp:
        work = Path(tmp)
        src = work / f"document.{kind}"
        src.write_bytes(data)
        cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
               "--convert-to", "docx", "--outdir", str(work / "out"), str(src)]  # fmt: skip
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise InputError(
                f"{name}: LibreOffice did not convert the file within {TIMEOUT_S} s; "
                "save it as .docx and try again"
            ) from exc
        out = work / "out" / "document.docx"
        if not out.is_file():
            raise InputError(
                f"{name}: LibreOffice could not convert the file: it is damaged, truncated or "
                f"not a .{kind} document; open it and save it as .docx"
            )
        return read_docx(out.read_bytes(), name)
