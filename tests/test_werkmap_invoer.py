"""What comes in as a workbook or CSV: an .xls, .ods or text where a workbook is expected is
refused in Dutch with how to save it as .xlsx (known by its content, not its name), and every
file is checked against the limits of `contracten.lezen.grenzen` before it is unpacked or read
further: a zip bomb, 100,000 rows, a row of hundreds of columns, a sheet that lies about its
size, a cell of megabytes, a DTD, a stream without end."""

from __future__ import annotations

import io
import random
import string
import time
import zipfile

import pytest

import contracten
from contracten import InvoerFout
from contracten.lezen import tabelbestand, werkmapscan
from contracten.lezen.tabelbestand import Invoerbestand, lees_tabel
from contracten.profiel.clienten import lees_clienten

from .conftest import REGIOS, voer_uit
from .werkmaphulp import (
    BLAD1,
    CLIENTKOP,
    blad,
    cel,
    clientenwerkmap,
    exportwerkboek,
    met_delen,
    opzeggen,
    rij,
    zipbom,
)

XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # the header of every .xls (OLE2)
ZO = "sla het op als Excel-werkmap (.xlsx)"
KOP_ZONDER_PROLOOG = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                      b'2006/main">')


def _ods() -> bytes:
    """An OpenDocument spreadsheet as LibreOffice writes it: 'mimetype' first, unpacked."""
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:'
                   'names:tc:opendocument:xmlns:manifest:1.0"/>')
        z.writestr("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:"
                   "opendocument:xmlns:office:1.0\"/>")
    return uit.getvalue()


@pytest.mark.parametrize(("naam", "inhoud", "wat"), [
    ("aanbieders.xls", XLS, "oud Excel-bestand (.xls)"),
    ("aanbieders.ods", _ods(), "OpenDocument-rekenblad (.ods)"),
    ("aanbieders.csv", b"id,naam\nwonen-plus,Wonen Plus\n", "tekst (zoals een .csv)"),
    ("aanbieders.xlsx", _ods(), "OpenDocument-rekenblad (.ods)"),  # by content, not by name
])
def test_importeer_weigert_xls_ods_en_csv_met_hoe_het_wel_kan(regios, tmp_path, naam, inhoud,
                                                              wat):
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    uit = voer_uit("--regios", str(regios), "importeer", "assen", str(pad))
    assert uit.code == 1 and "Interne fout" not in uit.stderr
    assert f"{naam}: " in uit.stderr and wat in uit.stderr and "[formaat]" in uit.stderr
    assert "alleen een Excel-werkmap (.xlsx)" in uit.stderr and ZO in uit.stderr


def test_een_werkmap_met_een_andere_naam_wordt_gewoon_gelezen(regios, tmp_path):
    pad = exportwerkboek(regios, tmp_path / "assen.xlsx")
    pad = pad.rename(tmp_path / "assen.xls")  # an .xlsx, whatever its name says
    uit = voer_uit("--regios", str(regios), "importeer", "assen", str(pad))
    assert uit.code == 0 and "Niets veranderd" in uit.stdout


@pytest.mark.parametrize(("naam", "inhoud", "wat"), [
    ("clienten.xls", XLS, "oud Excel-bestand (.xls)"),
    ("clienten.ods", _ods(), "OpenDocument-rekenblad (.ods)"),
])
def test_clientenlijst_als_xls_of_ods_wordt_geweigerd(tmp_path, naam, inhoud, wat):
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    with pytest.raises(InvoerFout) as fout:
        opzeggen(pad, tmp_path / "uit")
    tekst = str(fout.value)
    assert [m.code for m in fout.value.meldingen] == ["formaat"] and f"{naam}: " in tekst
    assert wat in tekst and "een .csv of een Excel-werkmap (.xlsx)" in tekst and ZO in tekst


def _geopend(monkeypatch) -> list[str]:
    """The parts of any zip that are unpacked from here on."""
    namen: list[str] = []
    origineel = zipfile.ZipFile.open

    def open_(self, naam, *args, **kwargs):
        namen.append(naam if isinstance(naam, str) else naam.filename)
        return origineel(self, naam, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", open_)
    return namen


@pytest.mark.parametrize(("megabytes", "code"), [(150, "uitgepakt_te_groot"), (10, "zipbom")])
def test_zipbom_in_importeer_wordt_geweigerd_voor_het_uitpakken(regios, tmp_path, monkeypatch,
                                                                megabytes, code):
    echt = exportwerkboek(regios, tmp_path / "assen.xlsx").read_bytes()
    pad = tmp_path / "bom.xlsx"
    pad.write_bytes(met_delen(echt, {BLAD1: zipbom(megabytes)}))
    assert pad.stat().st_size < megabytes * 2000  # a thousandth, or near it
    geopend = _geopend(monkeypatch)
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios / "assen"), pad)
    assert [m.code for m in fout.value.meldingen] == [code]
    assert "niets is uitgepakt" in str(fout.value).lower() and geopend == []


def test_zipbom_als_clientenlijst_wordt_geweigerd_voor_het_uitpakken(tmp_path, monkeypatch):
    pad = tmp_path / "clienten.xlsx"
    pad.write_bytes(met_delen(clientenwerkmap(), {BLAD1: zipbom(150)}))
    geopend = _geopend(monkeypatch)
    with pytest.raises(InvoerFout) as fout:
        opzeggen(pad, tmp_path / "uit")
    assert [m.code for m in fout.value.meldingen] == ["uitgepakt_te_groot"]
    assert "100 MB" in str(fout.value) and geopend == []


def test_een_werkboek_van_100000_rijen_stopt_bij_de_grens(regios, tmp_path):
    echt = exportwerkboek(regios, tmp_path / "assen.xlsx").read_bytes()
    kop = ["sleutel", "product", "omschrijving", "bedrag", "eenheid", "voorbeeld", "afwijking"]
    rijen = (rij(n, [f"x-{n}", "bw-toezicht", "x", "12,50", "uur", "nee"]) if n > 1 else
             rij(1, kop) for n in range(1, 100_002))
    pad = tmp_path / "groot.xlsx"
    pad.write_bytes(met_delen(echt, {"xl/worksheets/sheet2.xml": blad(rijen)}))
    begin = time.monotonic()
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios / "assen"), pad)
    assert time.monotonic() - begin < 20  # it took over 60 s and 1.7 GB
    [melding] = fout.value.meldingen
    assert (melding.bestand, melding.regel, melding.code) == (
        "groot.xlsx, blad Tarieven 2024", None, "te_veel_rijen")
    assert ("rij 50.002 ligt voorbij de grens van 50.000 rijen (en een kop) (grens "
            "MAXIMUM_RIJEN_WERKBOEK; hoger met de omgevingsvariabele "
            "CONTRACTEN_MAXIMUM_RIJEN_WERKBOEK)") in melding.bericht


def test_een_rij_op_regel_1048576_wordt_niet_opgevuld_met_lege_rijen(tmp_path):
    rijen = [rij(1, CLIENTKOP), rij(2, ["C-1", "Assen", "bw-toezicht", ""]),
             f'<row r="1048576">{cel("A", 1048576, "C-2")}</row>']
    inhoud = met_delen(clientenwerkmap(), {BLAD1: blad(rijen)})
    with pytest.raises(InvoerFout) as fout:
        lees_tabel(Invoerbestand("clienten.xlsx", inhoud), "Cliëntbestand is ongeldig")
    assert [m.code for m in fout.value.meldingen] == ["te_veel_rijen"]
    assert "rij 1.048.576" in str(fout.value) and "100.000 rijen" in str(fout.value)


def test_een_blad_dat_liegt_over_zijn_afmeting_wordt_niet_opgevuld(tmp_path):
    """A sheet that claims A1:XFD1048576 was padded to 16,384 columns a row (67 s for 50,000
    rows); its rows are as wide as their values."""
    rijen = [rij(1, CLIENTKOP)] + [rij(n, [f"C-{n}", "Assen", "bw-toezicht"])
                                   for n in range(2, 20_002)]
    pad = tmp_path / "clienten.xlsx"
    pad.write_bytes(met_delen(clientenwerkmap(), {BLAD1: blad(rijen, "A1:XFD1048576")}))
    begin = time.monotonic()
    clienten = lees_clienten(pad, contracten.laad_regio(REGIOS, "assen"))
    assert len(clienten) == 20_000 and clienten[0].einddatum_beschikking is None
    assert time.monotonic() - begin < 20


def test_een_rij_met_te_veel_kolommen(tmp_path):
    willekeurig = random.Random(29)
    waarden = ["".join(willekeurig.choices(string.ascii_letters, k=12)) for _ in range(250)]
    inhoud = met_delen(clientenwerkmap(), {BLAD1: blad([rij(1, CLIENTKOP), rij(2, waarden)])})
    with pytest.raises(InvoerFout) as fout:
        lees_tabel(Invoerbestand("clienten.xlsx", inhoud), "x")
    [melding] = fout.value.meldingen
    assert (melding.regel, melding.veld, melding.code) == (2, "kolom GS", "te_veel_kolommen")
    assert "200 kolommen" in melding.bericht


def test_een_te_lange_cel_in_werkmap_en_csv(tmp_path):
    lang = "".join(random.Random(29).choices(string.ascii_letters, k=10_001))
    inhoud = met_delen(clientenwerkmap(), {BLAD1: blad([rij(1, CLIENTKOP),
                                                        rij(2, ["C-1", lang])])})
    with pytest.raises(InvoerFout) as fout:
        list(lees_tabel(Invoerbestand("clienten.xlsx", inhoud), "x")[1])
    [melding] = fout.value.meldingen
    assert (melding.regel, melding.veld, melding.code) == (2, "kolom B", "te_lang")
    assert "10.000 tekens" in melding.bericht and lang[:20] not in str(fout.value)
    csv = f"client,gemeente\nC-1,Assen\nC-2,{lang}\n".encode()
    with pytest.raises(InvoerFout) as fout:
        list(lees_tabel(Invoerbestand("clienten.csv", csv), "x")[1])
    [melding] = fout.value.meldingen
    assert (melding.regel, melding.code) == (3, "te_lang") and "10.000 tekens" in melding.bericht


def test_een_csv_regel_met_te_veel_kolommen():
    csv = ("client;gemeente\n" + ";" * 5000 + "\n").encode()
    with pytest.raises(InvoerFout) as fout:
        list(lees_tabel(Invoerbestand("clienten.csv", csv), "x")[1])
    [melding] = fout.value.meldingen
    assert (melding.regel, melding.code) == (2, "te_veel_kolommen")


def test_een_dtd_in_een_werkmap_is_een_invoerfout(tmp_path):
    lachen = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + KOP_ZONDER_PROLOOG +
              b'<sheetData><row r="1">' + cel("A", 1, "&b;").encode() +
              b"</row></sheetData></worksheet>")
    pad = tmp_path / "clienten.xlsx"
    pad.write_bytes(met_delen(clientenwerkmap(), {BLAD1: lachen}))
    uit = voer_uit("--regios", str(REGIOS), "opzegging", "assen", "--aanbieder",
                   "zorg-welzijn-de-brug", "--datum", "2026-08-31", "--briefdatum", "2026-09-01",
                   "--clienten", str(pad),
                   "--uitvoer", str(tmp_path / "uit"))
    assert uit.code == 1 and "DTD" in uit.stderr and "[xlsx]" in uit.stderr
    assert "Interne fout" not in uit.stderr


def test_een_onderdeel_met_te_veel_elementen(monkeypatch):
    """Formats, names, column widths: openpyxl makes an object of each (a million <xf/> took
    45 s and 826 MB). The real limit is 100,000; here lowered, to test with a real workbook."""
    monkeypatch.setattr(werkmapscan, "MAXIMUM_ELEMENTEN", 20)
    with pytest.raises(InvoerFout) as fout:
        lees_tabel(Invoerbestand("clienten.xlsx", clientenwerkmap()), "x")
    assert [m.code for m in fout.value.meldingen] == ["te_veel_elementen"]


def test_de_standaardinvoer_wordt_niet_verder_gelezen_dan_de_grens(monkeypatch):
    class Eindeloos(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    monkeypatch.setattr(tabelbestand, "MAXIMUM_BESTAND", 1000)
    invoer = Invoerbestand.van_stroom("invoer", io.BufferedReader(Eindeloos()))
    assert len(invoer.inhoud) == 1001
    with pytest.raises(InvoerFout) as fout:
        lees_tabel(invoer, "x")
    assert [m.code for m in fout.value.meldingen] == ["te_groot"]
