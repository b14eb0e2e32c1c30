"""LibreOffice's copy of a document (issue 31): without the table styles nothing uses, which
LibreOffice would otherwise read for every document; the same pages come out, and the user's
.docx is never touched."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from contracten.weergave import pdfinvoer
from contracten.weergave.pdf import naar_pdf

ROOT = Path(__file__).resolve().parent.parent
SJABLONEN = ROOT / "sjablonen"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def _stijlen(xml: bytes) -> dict[str, tuple[str, str | None]]:
    """styleId: (type, basedOn) of every style."""
    uit = {}
    for s in etree.fromstring(xml).iterfind(f"{W}style"):
        basis = s.find(f"{W}basedOn")
        uit[s.get(f"{W}styleId")] = (s.get(f"{W}type"),
                                     basis.get(f"{W}val") if basis is not None else None)
    return uit


def test_alleen_ongebruikte_tabelstijlen_gaan_weg():
    xml = (f'<w:styles xmlns:w="{W_NS}">'
           '<w:style w:type="table" w:default="1" w:styleId="Gewoon"/>'
           '<w:style w:type="table" w:styleId="Basis"><w:basedOn w:val="Gewoon"/></w:style>'
           '<w:style w:type="table" w:styleId="Raster"><w:basedOn w:val="Basis"/></w:style>'
           '<w:style w:type="table" w:styleId="Ongebruikt"><w:basedOn w:val="Basis"/></w:style>'
           '<w:style w:type="paragraph" w:styleId="Kop1"/>'
           '<w:style w:type="character" w:styleId="Nadruk"/>'
           '<w:style w:type="numbering" w:styleId="Lijst"/></w:styles>').encode()
    uit = _stijlen(pdfinvoer.zonder_ongebruikte_tabelstijlen(xml, {"Raster"}))
    # the used one, what it is based on, the default; every style of another kind
    assert sorted(uit) == ["Basis", "Gewoon", "Kop1", "Lijst", "Nadruk", "Raster"]
    assert pdfinvoer.zonder_ongebruikte_tabelstijlen(xml, {"Raster", "Ongebruikt"}) == xml


def test_de_kopie_heeft_dezelfde_delen_en_alleen_kleinere_stijlen(tmp_path):
    bron = tmp_path / "overeenkomst.docx"
    shutil.copyfile(SJABLONEN / "overeenkomst.docx", bron)
    voor = bron.read_bytes()
    geheugen: dict[tuple[bytes, frozenset[str]], bytes] = {}
    pdfinvoer.kopieer(bron, tmp_path / "kopie.docx", geheugen)
    assert bron.read_bytes() == voor  # the user's document is not touched
    with zipfile.ZipFile(bron) as z, zipfile.ZipFile(tmp_path / "kopie.docx") as k:
        assert z.namelist() == k.namelist()
        for naam in z.namelist():
            if naam != "word/styles.xml":
                assert z.read(naam) == k.read(naam), naam
        assert len(k.read("word/styles.xml")) < len(z.read("word/styles.xml")) / 5
        oud, nieuw = _stijlen(z.read("word/styles.xml")), _stijlen(k.read("word/styles.xml"))
    assert {i for i, (t, _) in oud.items() if t != "table"} \
        == {i for i, (t, _) in nieuw.items() if t != "table"}
    assert {i for i, (t, _) in nieuw.items() if t == "table"} == {"TableNormal", "TableGrid"}
    assert len([t for t, _ in oud.values() if t == "table"]) > 50
    pdfinvoer.kopieer(bron, tmp_path / "tweede.docx", geheugen)  # one template: made once
    assert len(geheugen) == 1


@pytest.mark.parametrize("geval", ["geen_zip", "anders_geschreven", "zonder_stijlen"])
def test_wat_niet_is_zoals_verwacht_gaat_ongewijzigd_naar_libreoffice(tmp_path, geval):
    bron = tmp_path / "bron.docx"
    if geval == "geen_zip":
        bron.write_bytes(b"geen Word-bestand")
    else:
        with zipfile.ZipFile(SJABLONEN / "indexatiebrief.docx") as z, \
                zipfile.ZipFile(bron, "w") as uit:
            for naam in z.namelist():
                inhoud = z.read(naam)
                if naam == "word/document.xml" and geval == "anders_geschreven":
                    inhoud = inhoud.replace(b'<w:tblStyle w:val="TableGrid"/>',
                                            b'<w:tblStyle w:val="TableGrid"></w:tblStyle>')
                if naam != "word/styles.xml" or geval != "zonder_stijlen":
                    uit.writestr(naam, inhoud)
    pdfinvoer.kopieer(bron, tmp_path / "kopie.docx", {})
    assert (tmp_path / "kopie.docx").read_bytes() == bron.read_bytes()


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is niet geïnstalleerd; .ci/run installeert het")
def test_dezelfde_paginas_met_en_zonder_de_ongebruikte_tabelstijlen(tmp_path, monkeypatch):
    """Measured on generated documents as well (an overeenkomst of 24 pages, a letter, the
    overview): the same content streams on every page."""
    bronnen = []
    for naam in ("overeenkomst", "indexatiebrief", "socialreturn-overzicht"):
        bron = tmp_path / f"{naam}.docx"
        shutil.copyfile(SJABLONEN / f"{naam}.docx", bron)
        bronnen.append(bron)
    naar_pdf([(b, tmp_path / "kopie" / f"{b.stem}.pdf") for b in bronnen], processen=1)
    monkeypatch.setattr(pdfinvoer, "kopieer", lambda bron, doel, _: shutil.copyfile(bron, doel))
    naar_pdf([(b, tmp_path / "geheel" / f"{b.stem}.pdf") for b in bronnen], processen=1)
    for b in bronnen:
        # what is drawn on each page, byte for byte (borders and shading too, not only text)
        kopie = [p.get_contents().get_data()
                 for p in PdfReader(tmp_path / "kopie" / f"{b.stem}.pdf").pages]
        geheel = [p.get_contents().get_data()
                  for p in PdfReader(tmp_path / "geheel" / f"{b.stem}.pdf").pages]
        assert kopie == geheel, b.name
        tekst = PdfReader(tmp_path / "kopie" / f"{b.stem}.pdf").pages[0].extract_text()
        assert tekst.strip(), b.name
