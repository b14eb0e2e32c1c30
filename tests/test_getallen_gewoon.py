"""Numbers written plainly: an amount of a million is 1000000 in every csv the tool writes (not
1E+6), a number in every .xlsx, and 1000000 in a profile YAML that importeer writes; on the way
in, 1e6 is taken as a number where Excel stored a number, and refused with what to write where
it is text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest

import contracten
from contracten import InvoerFout
from contracten.lezen.tabelbestand import Invoerbestand
from contracten.profiel.yamlbewerking import rondgang
from contracten.soorten.socialreturn import KOLOMMEN
from contracten.weergave.spreadsheet import Kolom, als_csv, als_excel_csv, als_xlsx, csv_bestanden

from .conftest import REGIOS, voer_uit
from .werkmaphulp import exportwerkboek

MILJOEN = Decimal("1E+6")  # what Decimal makes of '1e6', and of 1000000.00 normalised
RIJ = {"id": "wonen-plus", "naam": "Wonen Plus", "jaaromzet": Decimal("1480250.00"),
       "aanneemsom": MILJOEN, "verplicht": True, "per_jaar": Decimal("12500.00"),
       "laatste_jaar": Decimal("12500.00"), "bedrag": Decimal("5E+4"), "voorbeeld": False}


def test_socialreturn_csv_schrijft_een_miljoen_als_1000000():
    rijen = list(csv.DictReader(io.StringIO(als_csv(KOLOMMEN, [RIJ]).decode("utf-8"))))
    assert rijen[0]["aanneemsom"] == "1000000" and rijen[0]["bedrag"] == "50000"
    assert rijen[0]["jaaromzet"] == "1480250.00"  # cents stay as they are


def test_de_csv_voor_mensen_opent_goed_in_nederlandse_excel():
    kolommen = [Kolom("naam", "Naam", "tekst"), Kolom("bedrag", "Bedrag", "bedrag"),
                Kolom("dag", "Datum", "datum"), Kolom("ja", "Verplicht", "ja/nee"),
                Kolom("leeg", "Leeg", "bedrag")]
    rij = {"naam": "Coöperatie; \"De Brug\"", "bedrag": Decimal("1234567.8"),
           "dag": dt.date(2026, 12, 31), "ja": True, "leeg": None}
    formule = {**rij, "naam": "=HYPERLINK(\"http://x\")", "bedrag": MILJOEN, "ja": False}
    inhoud = als_excel_csv(kolommen, [rij, formule])
    assert inhoud.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8, not ANSI
    tekst = inhoud.decode("utf-8-sig")
    assert tekst.splitlines()[0] == "Naam;Bedrag;Datum;Verplicht;Leeg"
    assert list(csv.reader(io.StringIO(tekst), delimiter=";")) == [
        ["Naam", "Bedrag", "Datum", "Verplicht", "Leeg"],
        ["Coöperatie; \"De Brug\"", "1234567,8", "31-12-2026", "ja", ""],
        ["'=HYPERLINK(\"http://x\")", "1000000", "31-12-2026", "nee", ""]]
    assert "\r\n" in tekst
    # beside it the same rows for scripts, as before
    assert csv_bestanden(kolommen, [rij]) == [("csv", als_excel_csv(kolommen, [rij])),
                                              ("machine.csv", als_csv(kolommen, [rij]))]
    machine = als_csv(kolommen, [rij]).decode("utf-8")
    assert machine.splitlines()[1] == '"Coöperatie; ""De Brug""",1234567.8,2026-12-31,true,'


def test_xlsx_schrijft_een_miljoen_als_getal():
    inhoud = als_xlsx("Social return", KOLOMMEN, [RIJ], totaal_van=["bedrag"],
                      tijdstip=dt.date(2026, 1, 1))
    blad = openpyxl.load_workbook(io.BytesIO(inhoud)).active
    kop = [c.value for c in blad[1]]
    cel = blad.cell(row=2, column=kop.index("Aanneemsom excl. btw") + 1)
    assert cel.data_type == "n" and cel.value == 1000000


@pytest.mark.parametrize("waarde", [Decimal("1E+6"), Decimal("1E-7"), 1e16])
def test_elke_csv_schrijft_getallen_zonder_exponent(waarde):
    tekst = als_csv([Kolom("x", "x", "bedrag")], [{"x": waarde}]).decode()
    assert "E" not in tekst.upper() and Decimal(tekst.split("\n")[1]) == Decimal(str(waarde))


def test_importeer_schrijft_een_miljoen_in_de_yaml_als_1000000():
    uit = io.StringIO()
    rondgang().dump({"aanneemsom": MILJOEN}, uit)
    assert uit.getvalue() == "aanneemsom: 1000000\n"


def test_een_bedrag_1e6_in_het_profiel_wordt_geweigerd_met_wat_wel_kan(regios):
    pad = regios / "assen/aanbieders.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("aanneemsom: 1234567.89", "aanneemsom: 1e6", 1),
                   encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1 and "[getal_notatie]" in uit.stderr and "aanneemsom" in uit.stderr
    assert "niet 1e6" in uit.stderr


def test_importeer_1e6_als_getal_wel_als_tekst_niet(regios, tmp_path):
    werkboek = exportwerkboek(regios, tmp_path / "assen.xlsx")
    boek = openpyxl.load_workbook(werkboek)
    blad = boek["Aanbieders"]
    kolom = [c.value for c in blad[1]].index("aanneemsom") + 1
    blad.cell(row=2, column=kolom, value=1e6)  # a number cell, as Excel stores 1E+6
    boek.save(werkboek)
    contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    assert "aanneemsom: 1000000.00\n" in (regios / "assen/aanbieders.yaml").read_text("utf-8")
    blad.cell(row=2, column=kolom, value="1e6")  # text: not a number as a person writes one
    boek.save(werkboek)
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    assert "verwacht een getal zoals 1.480.250,00 (gevonden: 1e6)" in str(fout.value)


def test_gerealiseerd_1e6_in_een_csv_wordt_geweigerd(tmp_path):
    invoer = Invoerbestand("realisatie.csv", b"aanbieder,jaar,gerealiseerd\n"
                                             b"zorg-welzijn-de-brug,2026,1e6\n")
    with pytest.raises(InvoerFout) as fout:
        contracten.socialreturn_realisatie(contracten.laad_regio(REGIOS, "assen"), invoer,
                                           datum=dt.date(2027, 4, 15),
                                           uitvoer=tmp_path / "uit")
    assert [(m.regel, m.veld, m.code) for m in fout.value.meldingen] == [
        (2, "gerealiseerd", "bedrag")]
