"""Findings of the second review, each kept fixed by a test."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import openpyxl
import pytest

from contracten import InvoerFout, genereer, laad_regio

from .conftest import REGIOS, voer_uit

DATUM = dt.date(2026, 11, 23)
KOP = "client,gemeente,product,einddatum_beschikking"


@pytest.mark.parametrize("waarde", ["client-111222333", "111 222 333", "111.222.333"])
def test_bsn_ook_in_een_langere_waarde_of_met_spaties(tmp_path, waarde):
    csv_pad = tmp_path / "c.csv"
    csv_pad.write_text(f"{KOP}\n{waarde},Assen,bw-toezicht,\n", encoding="utf-8")
    uit = voer_uit("opzegging", "assen", "--aanbieder", "zorg-welzijn-de-brug", "--datum",
                   "2026-08-31", "--clienten", str(csv_pad), "--uitvoer", str(tmp_path / "uit"),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and "[bsn]" in uit.stderr
    assert "222" not in uit.stderr and not (tmp_path / "uit").exists()


def test_bsn_in_het_profiel_wordt_geweigerd_zonder_herhaling(regios):
    pad = regios / "assen/aanbieders.yaml"
    pad.write_text(pad.read_text().replace("Brugstraat 12", "Brugstraat 111222333"))
    with pytest.raises(InvoerFout) as fout:
        laad_regio(regios, "assen")
    assert any(m.code == "bsn" for m in fout.value.meldingen)
    assert "111222333" not in str(fout.value)


@pytest.mark.parametrize(("regel", "code"), [
    ("C-1,Assen,dagbesteding,", "product_niet_gecontracteerd"),
    ("C-1,Assen,bw-toezicht,20270228", "datum"),
])
def test_strengere_clientregels(tmp_path, regel, code):
    csv_pad = tmp_path / "c.csv"
    csv_pad.write_text(f"{KOP}\n{regel}\n", encoding="utf-8")
    uit = voer_uit("opzegging", "assen", "--aanbieder", "zorg-welzijn-de-brug", "--datum",
                   "2026-08-31", "--clienten", str(csv_pad), "--uitvoer", str(tmp_path / "uit"),
                   env={"CONTRACTEN_REGIOS": str(REGIOS)})
    assert uit.code == 1 and f"[{code}]" in uit.stderr


def test_geen_formules_uit_gegevens(regios, tmp_path):
    pad = regios / "assen/aanbieders.yaml"
    pad.write_text(pad.read_text().replace('naam: "Stichting Één Thuis"',
                                           'naam: "=HYPERLINK(\\"http://x\\")"'))
    genereer(laad_regio(regios, "assen"), soorten=["socialreturn-overzicht"], uitvoer=tmp_path,
             datum=DATUM)
    map_ = tmp_path / "assen/2025"
    blad = openpyxl.load_workbook(map_ / "socialreturn-overzicht.xlsx").active
    cel = next(c for c in blad["B"] if str(c.value).startswith("=HYPERLINK"))
    assert cel.data_type == "s"
    assert "'=HYPERLINK" in (map_ / "socialreturn-overzicht.csv").read_text(encoding="utf-8")


def test_definitief_blijft_ook_zonder_manifest(regios, tmp_path):
    genereer(laad_regio(regios, "assen"), uitvoer=tmp_path, datum=DATUM)
    map_ = tmp_path / "assen/2025"
    uit = voer_uit("--regios", str(regios), "definitief", "assen", "--uitvoer", str(tmp_path),
                   "--aanbieder", "wonen-plus", "--document", "overeenkomst",
                   "--datum", DATUM.isoformat())
    assert uit.code == 0 and "1 document definitief" in uit.stdout
    getekend = (map_ / "overeenkomsten/wonen-plus.docx").read_bytes()
    opnieuw = genereer(laad_regio(regios, "assen"), uitvoer=tmp_path, datum=DATUM)
    assert opnieuw.geschreven == []  # marking changes nothing; an unchanged rerun stays a no-op
    (map_ / "manifest.json").write_text("kapot")
    pad = regios / "assen/tarieven/2025.yaml"
    pad.write_text(pad.read_text().replace("bedrag: 165.00", "bedrag: 166.00"))
    genereer(laad_regio(regios, "assen"), uitvoer=tmp_path, datum=DATUM)
    assert (map_ / "overeenkomsten/wonen-plus.docx").read_bytes() == getekend
    assert (map_ / "overeenkomsten/wonen-plus.md").is_file()


def test_vergelijk_weigert_paden_buiten_de_map(tmp_path):
    for naam in ("oud", "nieuw"):
        (tmp_path / naam).mkdir()
        (tmp_path / naam / "manifest.json").write_text(json.dumps({
            "regio": "assen", "versie": "a", "datum": "2026-01-05", "invoer": [],
            "documenten": [{"soort": "x", "formaat": "docx", "pad": "../../x.docx",
                            "sha256": naam, "aanbieder": None, "versie": "a"}]}))
    uit = voer_uit("vergelijk", str(tmp_path / "oud"), str(tmp_path / "nieuw"), "--uitvoer",
                   str(tmp_path / "r"))
    assert uit.code == 1 and "Ongeldig pad" in uit.stderr
    assert not (tmp_path / "r").exists()


def test_indexatie_boven_het_plafond_wordt_geweigerd(regios):
    pad = regios / "assen/tarieven/2025.yaml"
    pad.write_text(pad.read_text().replace("bedrag: 165.00", "bedrag: 990000000.00"))
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                   "--percentage", "3.5")
    assert uit.code == 1 and "prijspeil_ongeldig" in uit.stderr
    assert not (regios / "assen/tarieven/2026.yaml").exists()


@pytest.mark.parametrize("argumenten", [["--percentage", "nan"], ["--percentage", "1e400"],
                                        ["--percentage", "3", "--naar", "2101"]])
def test_onzinnige_indexcijfers_zijn_gebruiksfouten(regios, argumenten):
    naar = [] if "--naar" in argumenten else ["--naar", "2026"]
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", *naar, *argumenten)
    assert uit.code == 2 and "Interne fout" not in uit.stderr


def test_indexeer_geeft_zijn_datum_door_aan_alle_brieven(regios, tmp_path):
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                   "--percentage", "3.5", "--genereer", "--datum", "2025-11-01", "--uitvoer",
                   str(tmp_path))
    assert uit.code == 0, uit.stderr
    md = (tmp_path / "assen/2026/brieven/socialreturn/wonen-plus.md").read_text()
    assert "Datum: 1 november 2025" in md
    shutil.rmtree(tmp_path)
