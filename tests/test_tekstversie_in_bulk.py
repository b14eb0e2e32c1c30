"""The Markdown twin made in bulk (blocks remembered between the documents of one template) says
exactly what the .docx says, read cold from the file."""

from __future__ import annotations

from lxml import etree

from contracten import genereer, laad_regio
from contracten.weergave.blokken import GRENS, geserialiseerd
from contracten.weergave.tekstversie import naar_markdown

from .conftest import ASSEN_DATUM, REGIOS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _gelijk_aan_het_document(map_) -> int:
    documenten = sorted(map_.rglob("*.docx"))
    for docx in documenten:
        gemaakt = docx.with_suffix(".md").read_text(encoding="utf-8")
        assert gemaakt == naar_markdown(docx.read_bytes()), docx.name
    return len(documenten)


def test_tweelingen_van_assen_zijn_gelijk_aan_hun_document(assen_eenmaal_gegenereerd):
    # Five overeenkomsten from one template: the later ones are read mostly from memory.
    assert _gelijk_aan_het_document(assen_eenmaal_gegenereerd) >= 12


def test_tweelingen_van_amersfoort_zijn_gelijk_aan_hun_document(tmp_path):
    genereer(laad_regio(REGIOS, "amersfoort"), uitvoer=tmp_path, datum=ASSEN_DATUM, processen=1)
    assert _gelijk_aan_het_document(tmp_path) >= 2


def _body(*teksten: str):
    body = etree.Element(f"{{{W}}}body", nsmap={"w": W})
    for tekst in teksten:
        p = etree.SubElement(body, f"{{{W}}}p")
        etree.SubElement(etree.SubElement(p, f"{{{W}}}r"), f"{{{W}}}t").text = tekst
    return body


def test_serialiseren_geeft_het_document_en_elk_blok_zoals_het_erin_staat():
    body = _body("Artikel 1", "De aanbieder & de gemeente <samen>")
    gewoon = etree.tostring(body, encoding="unicode")
    tekst, blokken = geserialiseerd(body)
    assert tekst == gewoon
    assert blokken == [etree.tostring(kind, encoding="unicode").replace(f' xmlns:w="{W}"', "")
                       for kind in body]
    assert all(kind.tail is None for kind in body)  # the markers are gone again


def test_een_blok_met_het_scheidingsteken_in_zijn_tekst_valt_terug_op_gewoon_serialiseren():
    body = _body("gewoon", f"met {GRENS} erin")
    tekst, blokken = geserialiseerd(body)
    assert tekst == etree.tostring(body, encoding="unicode")
    assert GRENS in tekst and blokken is None
