"""Privacy: no 9-digit number passing the elfproef in any document this test session made.

Named to run last, so that it sees the output of every other test."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

from docx import Document

from contracten.privacy import bevat_bsn


def teksten_van(pad: Path) -> str:
    if pad.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(pad) as z:
            return "\n".join(re.sub(r"<[^>]+>", " ", z.read(n).decode("utf-8", "replace"))
                             for n in z.namelist() if n.endswith(".xml"))
    return pad.read_text(encoding="utf-8", errors="replace")


def test_geen_bsn_in_enig_document_van_de_testrun(tmp_path_factory):
    """Scans every document that a manifest of this test session lists (run this test last)."""
    basis = tmp_path_factory.getbasetemp()
    gescand = 0
    for manifest in basis.rglob("manifest.json"):
        try:
            documenten = json.loads(manifest.read_text(encoding="utf-8"))["documenten"]
        except (ValueError, KeyError):
            continue
        for d in documenten:
            pad = manifest.parent / d["pad"]
            if pad.is_file() and pad.suffix in (".docx", ".md", ".html", ".csv", ".xlsx"):
                assert not bevat_bsn(teksten_van(pad)), pad
                gescand += 1
    assert gescand > 100


def test_elfproef_scan_vindt_een_bsn():
    docx = io.BytesIO()
    document = Document()
    document.add_paragraph("Cliënt 111222333 woont hier")
    document.save(docx)
    pad = Path(__file__).parent / "_bsn_proef.docx"
    try:
        pad.write_bytes(docx.getvalue())
        assert bevat_bsn(teksten_van(pad))
    finally:
        pad.unlink()
