"""The documents that list every aanbieder are written as a stream of rows (issue 31): the table
of the social-return overview is kept compressed while it is filled and written into the
document a few hundred rows at a time (`weergave.stroomblok`, `grotetabel.Tabelstroom`), its
workbook row by row (openpyxl's write-only mode). Byte for byte what the whole way gives, and
the memory it takes does not grow with the number of aanbieders."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import zipfile
from decimal import Decimal

import pytest

from contracten.weergave import grotetabel, stroomblok
from contracten.weergave.blokgeheugen import GRENS
from contracten.weergave.motor import Motor
from contracten.weergave.spreadsheet import Blad, Kolom, als_werkboek
from contracten.weergave.zipschrijver import pak_in, pak_in_stroom

from .conftest import ROOT
from .test_grote_tabel import SJABLOON, TIJDSTIP, _context


def _render(context: dict) -> tuple[bytes, str, str]:
    gerenderd = Motor(SJABLOON, "sjablonen/socialreturn-overzicht.docx").render(
        context, titel="Social return", tijdstip=TIJDSTIP)
    body = gerenderd.body_xml if isinstance(gerenderd.body_xml, str) \
        else gerenderd.body_xml.tekst()
    return gerenderd.docx, gerenderd.markdown(), body


@pytest.mark.parametrize("per_stuk", [1, 7, 250])
def test_als_stroom_byte_voor_byte_wat_de_hele_tabel_geeft(per_stuk, monkeypatch):
    context = _context(120)
    monkeypatch.setattr(grotetabel, "VANAF", 10**9)
    heel = _render(context)
    monkeypatch.setattr(grotetabel, "VANAF", 50)
    monkeypatch.setattr(grotetabel, "PER_STUK", per_stuk)
    monkeypatch.setattr(stroomblok, "DREMPEL", 5_000)
    monkeypatch.setattr(stroomblok, "BUFFER", 333)
    monkeypatch.setattr(stroomblok, "LEZEN", 97)
    gestroomd: list[bool] = []
    echt = grotetabel.in_stukken_stroom

    def geteld(*args):
        uit = echt(*args)
        gestroomd.append(uit is not None)
        return uit

    monkeypatch.setattr(grotetabel, "in_stukken_stroom", geteld)
    stroom = _render(context)
    assert gestroomd == [True]  # the table went the stream's way
    assert stroom == heel
    assert "| Aanbieder 119 |" in stroom[1]


def test_een_groot_blok_dat_geen_gewone_tabel_is_gaat_de_gewone_weg(monkeypatch):
    """A large block the stream's way cannot take (here a cell spanning columns) is joined and
    goes the usual way: the same document as without the stream."""
    context = _context(80)
    echt = stroomblok.uit_begin

    def met_span(begin, rest, grens):
        tekst = "".join([*begin, *(rest or ())]).replace(
            "<w:tcPr>", "<w:tcPr><w:gridSpan w:val=\"1\"/>", 1)
        return echt([tekst], None if len(tekst) < stroomblok.DREMPEL else iter(()), grens)

    monkeypatch.setattr(stroomblok, "uit_begin", met_span)
    monkeypatch.setattr(grotetabel, "VANAF", 50)
    heel = _render(context)
    gezien: list[bool] = []
    stroom = grotetabel.in_stukken_stroom

    def geteld(*args):
        uit = stroom(*args)
        gezien.append(uit is None)
        return uit

    monkeypatch.setattr(grotetabel, "in_stukken_stroom", geteld)
    monkeypatch.setattr(stroomblok, "DREMPEL", 5_000)
    assert _render(context) == heel
    assert gezien == [True]  # looked at, and left to the usual way
    assert "gridSpan" in heel[2]


@pytest.mark.parametrize("tekst", ["", "a", "a" + GRENS, GRENS * 3, "x" * 50 + GRENS + "y" * 7])
@pytest.mark.parametrize("snede", [1, 2, 5, 1000])
@pytest.mark.parametrize("drempel", [3, 10**9])
def test_gesplitst_is_split(tekst, snede, drempel, monkeypatch):
    monkeypatch.setattr(stroomblok, "DREMPEL", drempel)
    monkeypatch.setattr(stroomblok, "BUFFER", 4)
    delen = [tekst[i:i + snede] for i in range(0, len(tekst), snede)]
    uit = stroomblok.gesplitst(delen, GRENS)
    assert [s if isinstance(s, str) else s.tekst() for s in uit] == tekst.split(GRENS)
    assert stroomblok.heel(uit) == tekst.replace(GRENS, "")


def test_in_stukken_ingepakt_is_in_een_keer_ingepakt():
    delen = [f"<w:tr>€ {i}</w:tr>".encode() * (i % 7) for i in range(3000)]
    assert pak_in_stroom("word/document.xml", iter(delen)) == \
        pak_in("word/document.xml", b"".join(delen))


def test_werkboek_rij_voor_rij_houdt_de_breedtes_en_totalen_van_alle_rijen():
    """The widths and totals come from every row, the last one included: the sheet is written
    row by row, its rows gone through twice."""
    kolommen = [Kolom("naam", "Naam", "tekst"), Kolom("bedrag", "Bedrag", "bedrag"),
                Kolom("ja", "Ja", "ja/nee"), Kolom("dag", "Dag", "datum")]
    rijen = [{"naam": f"n{i}", "bedrag": Decimal("1.25"), "ja": i % 2 == 0,
              "dag": dt.date(2026, 1, 1 + i % 28)} for i in range(40)]
    rijen[-1]["naam"] = "=" + "x" * 70  # the widest, and no formula
    rijen[3]["bedrag"] = None
    inhoud = als_werkboek([Blad("Blad", kolommen, rijen, ("bedrag",))],
                          tijdstip=dt.date(2026, 1, 1))
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        blad = z.read("xl/worksheets/sheet1.xml").decode()
    assert '<dimension ref="A1:D42"/>' in blad
    assert '<col width="60" customWidth="1" min="1" max="1"/>' in blad
    assert "<v>48.75</v>" in blad  # 39 × 1.25: the total of every row with an amount
    assert "<f>" not in blad
    assert '<autoFilter ref="A1:D41"/>' in blad


def test_werkboek_elke_rij_haar_eigen_waarden_en_opmaak():
    """The sheet fills the same cells row after row: no value, type or format of one row may
    carry over into the next (text after a formula-like text, empty after an amount)."""
    from openpyxl import load_workbook

    kolommen = [Kolom("naam", "Naam", "tekst"), Kolom("bedrag", "Bedrag", "bedrag")]
    rijen = [{"naam": "=1+1", "bedrag": Decimal("2.50")}, {"naam": None, "bedrag": None},
             {"naam": "12", "bedrag": Decimal("-1")}, {"naam": "x", "bedrag": None}]
    inhoud = als_werkboek([Blad("Blad", kolommen, rijen)], tijdstip=dt.date(2026, 1, 1))
    blad = load_workbook(io.BytesIO(inhoud)).active
    assert [[c.value for c in rij] for rij in blad.iter_rows(min_row=2)] == [
        ["=1+1", Decimal("2.5")], [None, None], ["12", -1], ["x", None]]
    assert [blad.cell(r, 1).data_type for r in range(2, 6)] == ["s", "n", "s", "s"]
    assert blad.cell(2, 2).number_format == blad.cell(4, 2).number_format != "General"


METEN = """
import json, sys, tracemalloc
sys.path[:0] = [{wortel!r}]
from tests.test_grote_tabel import _context, SJABLOON, TIJDSTIP
from contracten.weergave import grotetabel, stroomblok
from contracten.weergave.motor import Motor
from contracten.weergave.spreadsheet import als_xlsx
from contracten.soorten.socialreturn import KOLOMMEN
from contracten.weergave import alineaopmaak
# The streaming way from a few hundred rows on, so that the test stays quick; and the memory of
# rows measured before (bounded, some thousands) small, so that it does not count.
grotetabel.VANAF, stroomblok.DREMPEL, alineaopmaak.RIJEN_PER_GENERATIE = 100, 50_000, 64
motor = Motor(SJABLOON, "x")
motor.render(_context(10), titel="x", tijdstip=TIJDSTIP)
uit = {{}}
for n in map(int, sys.argv[1:]):
    context = _context(n)
    rijen = [{{k.sleutel: None for k in KOLOMMEN}} | {{"naam": r["naam"]}}
             for r in context["aanbieders"]]
    tracemalloc.start()
    motor.render(context, titel="x", tijdstip=TIJDSTIP)
    docx = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    als_xlsx("x", KOLOMMEN, rijen, totaal_van=["bedrag"], tijdstip=TIJDSTIP.date())
    xlsx = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    uit[n] = (docx, xlsx)
print(json.dumps(uit))
"""


def test_het_geheugen_van_het_overzicht_groeit_niet_met_het_aantal_rijen(tmp_path):
    """Measured in a process of its own (tracemalloc's peak, not the clock): the overview's
    Word document and workbook at 4,000 rows against 1,000. The rows of the context itself
    are left out (made before the measurement). Made whole, the table took some 10 KB a row
    (see test_grote_tabel); as a stream what grows is the twin's line per row and the
    compressed rows, under 2 KB a row. The workbook, row by row, does not grow at all
    (openpyxl's ordinary mode held a cell object per value)."""
    script = tmp_path / "meten.py"
    script.write_text(METEN.format(wortel=str(ROOT)), encoding="utf-8")
    uit = subprocess.run([sys.executable, str(script), "1000", "4000"], capture_output=True,
                         text=True, timeout=600, cwd=ROOT)
    assert uit.returncode == 0, uit.stderr
    piek = {int(n): waarden for n, waarden in json.loads(uit.stdout).items()}
    (docx_klein, xlsx_klein), (docx_groot, xlsx_groot) = piek[1000], piek[4000]
    assert (docx_groot - docx_klein) / 3000 < 4000, (docx_klein, docx_groot)
    assert xlsx_groot < 1.5 * xlsx_klein, (xlsx_klein, xlsx_groot)
