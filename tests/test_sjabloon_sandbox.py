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
