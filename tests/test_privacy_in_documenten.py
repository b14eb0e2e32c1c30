"""Privacy: no 9-digit number passing the elfproef in any document the tool makes, of any kind
and in any format. The test makes them all itself, so it passes alone and in any order."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

import contracten
from contracten.privacy import bevat_bsn, is_bsn, versiecode
from contracten.soorten.register import soorten as alle_soorten
from contracten.uitvoer.manifest import lees

from .conftest import REGIOS

DATUM = dt.date(2026, 1, 5)
FORMATEN = (".docx", ".md", ".html", ".csv", ".xlsx")


def teksten_van(pad: Path) -> str:
    if pad.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(pad) as z:
            # The text as a reader sees it: &#201; is É, not the digits 201; in a spreadsheet
            # each cell on its own (2556.25, 0 and 2556.25 in three cells are no BSN), in Word a
            # run split over tags still one text.
            tussen = " | " if pad.suffix == ".xlsx" else " "
            return "\n".join(html.unescape(re.sub(r"<[^>]+>", tussen,
                                                   z.read(n).decode("utf-8", "replace")))
                             for n in z.namelist() if n.endswith(".xml"))
    return pad.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def alle_documenten(tmp_path_factory) -> Path:
    """Every kind of document of both example regions, with html twins."""
    uit = tmp_path_factory.mktemp("alles")
    regios = uit / "regios"
    shutil.copytree(REGIOS, regios)
    assen, amersfoort = (contracten.laad_regio(regios, n) for n in ("assen", "amersfoort"))
    for regio in (assen, amersfoort):
        contracten.genereer(regio, uitvoer=uit, datum=DATUM, formaten=["html"])
        # an indexed prijspeil brings the indexation letters; every year up to 2027 at 3,5 %
        cijfers = contracten.Invoerbestand("cijfers.csv", b"jaar,percentage\n" + b"".join(
            b"%d,3.5\n" % jaar for jaar in range(2024, 2028)))
        contracten.indexeer(regio, naar=2027, datum=DATUM, cijfers=cijfers, genereren=True,
                            uitvoer=uit, formaten=["html"])
    clienten = uit / "clienten.csv"
    clienten.write_text("client,gemeente,product,einddatum_beschikking\n"
                        "C-0001,Assen,bw-toezicht,2026-12-31\nC-0002,Tynaarlo,bw-toezicht,\n",
                        encoding="utf-8")
    contracten.opzegging(assen, aanbieder="zorg-welzijn-de-brug", ontvangen=dt.date(2026, 8, 31),
                         briefdatum=dt.date(2026, 9, 1), clienten=clienten, uitvoer=uit,
                         formaten=["html"])
    realisatie = uit / "realisatie.csv"
    realisatie.write_text("aanbieder,jaar,gerealiseerd\nstichting-westerhof,2026,1000.00\n",
                          encoding="utf-8")
    # After 1 April 2027, when the report over 2026 was due: a reminder, not refused.
    contracten.socialreturn_realisatie(assen, realisatie, datum=dt.date(2027, 4, 15),
                                       uitvoer=uit, formaten=["html"])
    return uit


def test_geen_bsn_in_enig_document(alle_documenten: Path):
    manifesten = list(alle_documenten.rglob("manifest.json"))
    soorten: set[str] = set()
    gescand = 0
    for pad in manifesten:
        manifest = lees(pad.parent)
        assert manifest is not None
        for d in manifest.documenten:
            bestand = pad.parent / d.pad
            if bestand.suffix in FORMATEN:
                assert not bevat_bsn(teksten_van(bestand)), bestand
                soorten.add(d.soort)
                gescand += 1
    assert soorten == set(alle_soorten()) and gescand > 100


def test_de_scan_vindt_een_bsn(tmp_path: Path):
    docx = io.BytesIO()
    document = Document()
    document.add_paragraph("Cliënt 111222333 woont hier")
    document.save(docx)
    pad = tmp_path / "bsn.docx"
    pad.write_bytes(docx.getvalue())
    assert bevat_bsn(teksten_van(pad))


def test_elfproef():
    assert is_bsn("111222333") and is_bsn("123456782")
    assert not is_bsn("123456789") and not is_bsn("90000101") and not is_bsn("1112223334")
    assert bevat_bsn("cliënt 111222333 woont") and not bevat_bsn("kenmerk 1112223334")


def test_versiecode_bevat_nooit_cijfers():
    """A document's version code is printed in it: no digits, so never a BSN by accident."""
    for h in ("e646828721" + "0" * 54, "f" * 64, "0" * 64):
        code = versiecode(h)
        assert len(code) == 10 and code.isalpha()
    assert versiecode("f" * 64) != versiecode("0" * 64)
