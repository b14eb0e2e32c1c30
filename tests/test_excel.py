"""Excel in, Excel out: export → edit in Excel → import changes nothing but what was edited;
comments and order in the YAML stay; every problem is named by sheet, row and column."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

import contracten
from contracten import InvoerFout

from .conftest import REGIOS, ROOT, voer_uit

T = dt.datetime(2026, 12, 1, 9, 0)


def _exporteer(regios: Path, regio: str, tmp_path: Path) -> Path:
    pad = tmp_path / f"{regio}.xlsx"
    contracten.exporteer(contracten.laad_regio(regios / regio), pad, tijdstip=T,
                         uitvoer=tmp_path / "uit", database=tmp_path / "r.sqlite")
    return pad


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*.yaml"))}


@pytest.mark.parametrize("regio", ["assen", "amersfoort"])
def test_heen_en_terug_verandert_niets(regios, tmp_path, regio):
    voor = _bestanden(regios / regio)
    uitkomst = contracten.importeer(contracten.laad_regio(regios / regio),
                                    _exporteer(regios, regio, tmp_path))
    assert uitkomst.gewijzigd == [] and len(uitkomst.ongewijzigd) >= 2
    assert _bestanden(regios / regio) == voor


def _pas_aan(pad: Path, blad: str, rij: int, kolom: str, waarde) -> None:
    boek = load_workbook(pad)
    kop = [c.value for c in boek[blad][1]]
    boek[blad].cell(row=rij, column=kop.index(kolom) + 1, value=waarde)
    boek.save(pad)


def _diff(oud: bytes, nieuw: bytes) -> list[str]:
    return [r for r in difflib.unified_diff(oud.decode().splitlines(), nieuw.decode().splitlines(),
                                            lineterm="", n=0) if r[:1] in "+-"
            and not r.startswith(("+++", "---"))]


def test_alleen_wat_u_wijzigde_verandert(regios, tmp_path):
    werkboek = _exporteer(regios, "assen", tmp_path)
    _pas_aan(werkboek, "Aanbieders", 2, "jaaromzet", "1.500.000,00")  # Dutch text, as typed
    _pas_aan(werkboek, "Tarieven 2025", 3, "bedrag", 166.5)  # a number cell
    aanbieders = regios / "assen/aanbieders.yaml"
    tarieven = regios / "assen/tarieven/2025.yaml"
    oud_a, oud_t = aanbieders.read_bytes(), tarieven.read_bytes()
    uitkomst = contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    assert sorted(uitkomst.gewijzigd) == sorted([aanbieders, tarieven])
    assert _diff(oud_a, aanbieders.read_bytes()) == ["-    jaaromzet: 1480250.00",
                                                     "+    jaaromzet: 1500000.00"]
    assert _diff(oud_t, tarieven.read_bytes()) == ["-    bedrag: 165.00", "+    bedrag: 166.50"]
    assert aanbieders.read_text(encoding="utf-8").startswith("# Aanbieders regio Assen")
    profiel = contracten.laad_regio(regios / "assen")
    assert str(profiel.aanbieders[0].jaaromzet) == "1500000.00"


def test_een_nieuwe_en_een_verwijderde_aanbieder(regios, tmp_path):
    werkboek = _exporteer(regios, "assen", tmp_path)
    boek = load_workbook(werkboek)
    blad = boek["Aanbieders"]
    kop = [c.value for c in blad[1]]
    nieuw = {"id": "nieuw-thuis", "naam": "Nieuw Thuis B.V.", "kvk": 1234567, "straat": "Markt 1",
             "postcode": "9401 AA", "plaats": "Assen", "contact_naam": "A. Bakker",
             "contact_email": "info@nieuwthuis.voorbeeld.nl", "producten": "bw-toezicht; bw-nabij",
             "jaaromzet": "€ 250.000,00", "aanneemsom": 1000000, "voorbeeld": "ja"}
    blad.append([nieuw.get(k) for k in kop])
    blad.delete_rows(3)  # the second aanbieder
    boek.save(werkboek)
    contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    profiel = contracten.laad_regio(regios / "assen")
    ids = [a.id for a in profiel.aanbieders]
    assert ids[-1] == "nieuw-thuis" and len(ids) == 14
    toegevoegd = profiel.aanbieders[-1]
    assert toegevoegd.kvk == "01234567"  # Excel dropped the leading zero; put back
    assert toegevoegd.producten == ["bw-toezicht", "bw-nabij"]
    assert str(toegevoegd.jaaromzet) == "250000.00" and toegevoegd.voorbeeld
    tekst = (regios / "assen/aanbieders.yaml").read_text(encoding="utf-8")
    assert '  - id: "nieuw-thuis"\n    naam: "Nieuw Thuis B.V."\n    kvk: "01234567"' in tekst


@pytest.mark.parametrize(("blad", "kolom", "waarde", "verwacht"), [
    ("Aanbieders", "kvk", "123", "kolom C (kvk): verwacht precies 8 cijfers"),
    ("Aanbieders", "jaaromzet", "veel", "kolom L (jaaromzet): verwacht een getal zoals "
                                        "1.480.250,00 (gevonden: veel)"),
    ("Aanbieders", "producten", "bestaat-niet", "kolom K (producten): 'bestaat-niet' is geen "
                                                "bekend product"),
    ("Tarieven 2025", "bedrag", "12,345", "kolom D (bedrag): een bedrag heeft hoogstens 2 "
                                          "decimalen"),
])
def test_fouten_noemen_blad_rij_en_kolom_en_er_verandert_niets(regios, tmp_path, blad, kolom,
                                                               waarde, verwacht):
    werkboek = _exporteer(regios, "assen", tmp_path)
    _pas_aan(werkboek, blad, 4, kolom, waarde)
    voor = _bestanden(regios / "assen")
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    tekst = str(fout.value)
    assert f"assen.xlsx, blad {blad}:4: {verwacht}" in tekst, tekst
    assert _bestanden(regios / "assen") == voor


def test_een_bsn_in_een_cel_wordt_geweigerd_zonder_het_te_tonen(regios, tmp_path):
    werkboek = _exporteer(regios, "assen", tmp_path)
    _pas_aan(werkboek, "Aanbieders", 2, "contact_naam", "J. Jansen 111222333")
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    assert [m.code for m in fout.value.meldingen] == ["bsn"]
    assert "111222333" not in str(fout.value) and "kolom H (contact_naam)" in str(fout.value)


def test_onbekende_kolom_en_onbekend_blad(regios, tmp_path):
    werkboek = _exporteer(regios, "assen", tmp_path)
    boek = load_workbook(werkboek)
    boek["Aanbieders"].cell(row=1, column=30, value="jaaromzett")
    boek.create_sheet("Tarieven 2031")
    boek.save(werkboek)
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    assert sorted(m.code for m in fout.value.meldingen) == ["blad_onbekend", "kolom_onbekend"]
    assert "onbekende kolom 'jaaromzett' (wel: id, naam, kvk," in str(fout.value)


def test_export_bevat_register_en_documenten(assen_gegenereerd, tmp_path):
    pad = tmp_path / "assen.xlsx"
    assen = contracten.laad_regio(REGIOS, "assen")
    contracten.zet_stap(assen, "juridisch_akkoord", door="mr. J. Jansen", tijdstip=T,
                        uitvoer=assen_gegenereerd, database=tmp_path / "r.sqlite",
                        aanbieders=["wonen-plus"], soorten=["overeenkomst"])
    contracten.exporteer(assen, pad, tijdstip=T, uitvoer=assen_gegenereerd,
                         database=tmp_path / "r.sqlite")
    boek = load_workbook(pad)
    assert boek.sheetnames == ["Aanbieders", "Tarieven 2024", "Tarieven 2025", "Register",
                               "Documenten"]
    register = list(boek["Register"].iter_rows(values_only=True))
    assert register[0][:2] == ("aanbieder", "naam") and len(register) == 15
    documenten = {r[0]: r for r in boek["Documenten"].iter_rows(values_only=True)}
    rij = documenten["assen/2025/overeenkomsten/wonen-plus.docx"]
    assert rij[3:6] == ("juridisch_akkoord", "gelijk", "mr. J. Jansen")


def test_het_meegeleverde_werkboek_past_bij_het_voorbeeldprofiel(regios):
    """voorbeelden/assen.xlsx is what `exporteer` writes for Assen: importing it changes
    nothing (regenerate it with `contracten exporteer assen voorbeelden/assen.xlsx`)."""
    uitkomst = contracten.importeer(contracten.laad_regio(regios / "assen"),
                                    ROOT / "voorbeelden/assen.xlsx")
    assert uitkomst.gewijzigd == []


def test_opdrachtregel(regios, tmp_path):
    werkboek = tmp_path / "w.xlsx"
    basis = ["--regios", str(regios)]
    uit = voer_uit(*basis, "exporteer", "assen", str(werkboek), "--database",
                   str(tmp_path / "r.sqlite"), "--uitvoer", str(tmp_path / "uit"))
    assert uit.code == 0 and werkboek.is_file()
    uit = voer_uit(*basis, "importeer", "assen", str(werkboek))
    assert uit.code == 0 and "Niets veranderd" in uit.stdout
    shutil.copy(werkboek, tmp_path / "kapot.xlsx")
    (tmp_path / "kapot.xlsx").write_bytes(b"geen zip")
    uit = voer_uit(*basis, "importeer", "assen", str(tmp_path / "kapot.xlsx"))
    assert uit.code == 1 and "geen leesbaar Excel-bestand" in uit.stderr


def test_het_registerblad_noemt_wie_opzegde_en_tot_wanneer_de_zorg_loopt(regios, tmp_path):
    """An opzegging in the register shows in the export as in `status`: received on, last
    day, the last day of the doorlevering and who gave notice."""
    assen = contracten.laad_regio(regios, "assen")
    contracten.opzegging(assen, aanbieder="wonen-plus", ontvangen=dt.date(2027, 3, 15),
                         opzegtermijn=3, briefdatum=dt.date(2027, 3, 20), uitvoer=tmp_path)
    pad = tmp_path / "assen.xlsx"
    contracten.exporteer(assen, pad, tijdstip=T, uitvoer=tmp_path,
                         database=tmp_path / "r.sqlite")
    kop, *rijen = load_workbook(pad)["Register"].iter_rows(values_only=True)
    [rij] = [dict(zip(kop, r, strict=True)) for r in rijen if r[0] == "wonen-plus"]
    assert (rij["status"], rij["opgezegd_door"]) == ("opgezegd", "aanbieder")
    assert [rij[k].date() for k in ("opzegdatum", "einde", "zorg_tot")] == [
        dt.date(2027, 3, 15), dt.date(2027, 6, 15), dt.date(2027, 12, 15)]
