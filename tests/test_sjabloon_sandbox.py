"""The template sandbox: an expression that reaches for Python's internals is refused, with the
template named, and nothing is written."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from docx import Document

from contracten import laad_regio
from contracten.weergave.motor import Motor
from contracten.weergave.sjabloon import SjabloonFout

from .conftest import REGIOS, ROOT, voer_uit

SJABLONEN = ROOT / "sjablonen"


@pytest.mark.parametrize("uitdrukking", [
    "{{ regio.__class__.__mro__ }}",
    "{{ regio.__init__.__globals__ }}",
    "{{ ''.__class__.__subclasses__() }}",
    "{{ prijspeil.__class__.__bases__ }}",
])
def test_sandbox_weigert_en_schrijft_niets(uitdrukking, tmp_path):
    sjablonen = tmp_path / "sjablonen"
    shutil.copytree(SJABLONEN, sjablonen)
    document = Document(sjablonen / "overeenkomst.docx")
    document.add_paragraph(uitdrukking)
    document.save(sjablonen / "overeenkomst.docx")
    uit = voer_uit("genereer", "assen", "--sjablonen", str(sjablonen), "--uitvoer",
                   str(tmp_path / "uit"), "--datum", "2026-01-05",
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1
    assert "onveilige bewerking geweigerd" in uit.stderr and "overeenkomst.docx" in uit.stderr
    assert not (tmp_path / "uit").exists()


def test_sandbox_weigert_toegang_tot_interne_attributen(tmp_path):
    from contracten.soorten.programma_van_eisen import context

    document = Document(SJABLONEN / "programma-van-eisen.docx")
    document.add_paragraph("{{ regio.__class__.__mro__ }}")
    document.save(tmp_path / "kwaad.docx")
    with pytest.raises(SjabloonFout, match="onveilig"):
        Motor(tmp_path / "kwaad.docx", "kwaad.docx").render(
            context(laad_regio(REGIOS, "assen"), 2025, "x"), titel="x",
            tijdstip=dt.datetime(2025, 1, 1))


def test_punt_op_een_dict_geeft_de_waarde_en_laat_de_methoden_van_dict_staan():
    """`d.naam` reads the item; `d.items` stays dict's method, as in plain Jinja; a dunder is
    still refused."""
    from contracten.weergave.sjabloon import OMGEVING

    d = {"naam": "Zorg & Co", "items": "geen methode", "keys": 1}
    uit = OMGEVING.from_string("{{ d.naam }}|{{ d.items is callable }}|{{ d.keys is callable }}"
                               ).render(d=d)
    assert uit == "Zorg &amp; Co|True|True"
    from jinja2.exceptions import SecurityError

    with pytest.raises(SecurityError):
        OMGEVING.from_string("{{ d.__class__.__subclasses__() }}").render(d=d)


def test_een_kolomlus_krijgt_een_passend_tabelrooster(tmp_path):
    """{%tc for %} adds cells to a row: the table's grid grows with it (docxtpl's fix), so Word
    and LibreOffice show every column; a template without one skips that step."""
    import zipfile

    from docx.shared import Mm

    document = Document()
    tabel = document.add_table(rows=1, cols=3)
    cellen = tabel.rows[0].cells
    for cel, tekst in zip(cellen, ("{%tc for k in kolommen %}", "{{ k }}", "{%tc endfor %}"),
                          strict=True):
        cel.text = tekst
        cel.width = Mm(30)
    pad = tmp_path / "kolommen.docx"
    document.save(pad)
    motor = Motor(pad, "kolommen.docx")
    assert motor.kolomlussen
    docx = motor.render({"kolommen": ["a", "b", "c", "d", "e"]}, titel="x",
                        tijdstip=dt.datetime(2025, 1, 1)).docx
    (tmp_path / "uit.docx").write_bytes(docx)
    with zipfile.ZipFile(tmp_path / "uit.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count("<w:gridCol ") == 5 and xml.count("<w:tc>") == 5
    assert not Motor(SJABLONEN / "overeenkomst.docx", "overeenkomst.docx").kolomlussen
