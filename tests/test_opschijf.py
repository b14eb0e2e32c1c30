"""What a run knows of its folder before it decides (`pijplijn.opschijf.op_schijf`): per file of
the previous manifest, whether it is on disk as the manifest says, changed by hand, or gone."""

from __future__ import annotations

import hashlib
from pathlib import Path

from contracten.pijplijn.opschijf import op_schijf
from contracten.uitvoer.manifest import Document, Manifest


def _document(pad: str, inhoud: bytes) -> Document:
    return Document(soort="brief", formaat=pad.rsplit(".", 1)[1], pad=pad,
                    sha256=hashlib.sha256(inhoud).hexdigest(), aanbieder=None, versie="v")


def test_gelijk_gewijzigd_en_weg(tmp_path: Path) -> None:
    doel = tmp_path / "uit" / "assen" / "2025"
    (doel / "brieven").mkdir(parents=True)
    for naam, inhoud in {"a.docx": b"a", "b.docx": b"b, met de hand", "d.md": b"d"}.items():
        (doel / "brieven" / naam).write_bytes(inhoud)
    documenten = [_document("brieven/a.docx", b"a"), _document("brieven/b.docx", b"b"),
                  _document("brieven/c.docx", b"c"), _document("brieven/d.md", b"d"),
                  # the same path twice, once as it is: on disk as the manifest says
                  _document("brieven/d.md", b"anders")]
    vorig = Manifest(regio="assen", prijspeil=2025, versie="v", datum="2026-11-23", invoer=[],
                     documenten=documenten)
    schijf = op_schijf(doel, "assen", vorig, {})
    assert schijf.gelijk == {"brieven/a.docx": documenten[0].sha256,
                             "brieven/d.md": documenten[3].sha256}
    assert list(schijf.gelijk) == ["brieven/a.docx", "brieven/d.md"]
    assert schijf.gewijzigd == ["brieven/b.docx"]
    assert schijf.verouderd
    assert op_schijf(doel, "assen", None, {}).gelijk == {}
