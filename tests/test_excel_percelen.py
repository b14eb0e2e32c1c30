"""Excel with several percelen: the tariffs of a prijspeil on a sheet per perceel, the
aanbieders with their percelen and aanneemsom per perceel; back in, nothing changes but what
was edited, and a problem names the sheet of its row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import yaml
from openpyxl import load_workbook

import contracten
from contracten import InvoerFout

from .percelen import PERCELEN, in_twee_percelen

T = dt.datetime(2026, 12, 1, 9, 0)


def _werkboek(regios: Path, tmp_path: Path) -> Path:
    pad = tmp_path / "assen.xlsx"
    contracten.exporteer(contracten.laad_regio(regios / "assen"), pad, tijdstip=T,
                         uitvoer=tmp_path / "uit", database=tmp_path / "r.sqlite")
    return pad


def _cel(werkboek: Path, blad: str, kolom: str, waar: tuple[str, str], waarde: object
         ) -> object:
    """Set a cell in the row whose column `waar[0]` holds `waar[1]`; returns its old value."""
    boek = load_workbook(werkboek)
    rijen = boek[blad]
    kop = [c.value for c in rijen[1]]
    rij = next(r for r in range(2, rijen.max_row + 1)
               if rijen.cell(r, kop.index(waar[0]) + 1).value == waar[1])
    cel = rijen.cell(rij, kop.index(kolom) + 1)
    oud, cel.value = cel.value, waarde
    boek.save(werkboek)
    return oud


def _yaml(regio: Path) -> dict[str, object]:
    """What the profile's files say (the fixture wrote them in PyYAML's layout, which an
    import may lay out anew: the content is what must not change)."""
    return {p.relative_to(regio).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted(regio.rglob("*.yaml"))}


def test_een_blad_per_perceel_en_heen_en_terug_verandert_niets(regios, tmp_path):
    in_twee_percelen(regios)
    werkboek = _werkboek(regios, tmp_path)
    boek = load_workbook(werkboek)
    assert "Tarieven 2025 perceel 1" in boek.sheetnames
    assert "Tarieven 2025 perceel 2" in boek.sheetnames
    assert "Tarieven 2025" not in boek.sheetnames
    producten = {c.value for c in boek["Tarieven 2025 perceel 1"]["B"][1:]}
    assert producten == set(PERCELEN[0]["producten"])
    # begeleiding-complex is in both percelen: one tariff, on the first perceel's sheet only
    tweede = {c.value for c in boek["Tarieven 2025 perceel 2"]["B"][1:]}
    assert "begeleiding-complex" not in tweede and "dagbesteding" in tweede
    overig = [c.value for c in boek["Tarieven 2025 overig"]["A"][1:]]
    assert overig == ["afwezigheid-huisvesting"]  # no perceel's product: a sheet of its own
    register = [c.value for c in boek["Register"][1]]
    assert register[:4] == ["aanbieder", "naam", "perceelnummer", "perceel"]
    kop = [c.value for c in boek["Aanbieders"][1]]
    assert {"percelen", "aanneemsom perceel 1", "aanneemsom perceel 2"} <= set(kop)
    voor = _yaml(regios / "assen")
    contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    assert _yaml(regios / "assen") == voor
    # Laid out once by the import, a second round trip changes no byte.
    nogmaals = contracten.importeer(contracten.laad_regio(regios / "assen"),
                                    _werkboek(regios, tmp_path))
    assert nogmaals.gewijzigd == []


def test_een_wijziging_op_het_blad_van_perceel_2_komt_in_het_prijspeil(regios, tmp_path):
    in_twee_percelen(regios)
    werkboek = _werkboek(regios, tmp_path)
    _cel(werkboek, "Tarieven 2025 perceel 2", "bedrag", ("product", "dagbesteding"), "61,25")
    contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    peil = contracten.laad_regio(regios / "assen").prijspeilen[2025]
    assert str(peil.van_product("dagbesteding").bedrag) == "61.25"
    assert len(peil.bedragen) == len(contracten.laad_regio(regios / "assen")
                                     .prijspeilen[2025].bedragen)


def test_een_ontbrekend_perceelblad_verwijdert_niets(regios, tmp_path):
    in_twee_percelen(regios)
    werkboek = _werkboek(regios, tmp_path)
    boek = load_workbook(werkboek)
    del boek["Tarieven 2025 perceel 1"]
    boek.save(werkboek)
    voor = _yaml(regios / "assen")
    try:
        contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    except InvoerFout as fout:
        assert [m.code for m in fout.meldingen] == ["blad_ontbreekt"]
        assert "Tarieven 2025 perceel 1" in fout.meldingen[0].bericht
    else:
        raise AssertionError("een ontbrekend blad had geweigerd moeten worden")
    assert _yaml(regios / "assen") == voor


def test_een_fout_noemt_het_blad_van_zijn_rij(regios, tmp_path):
    in_twee_percelen(regios)
    werkboek = _werkboek(regios, tmp_path)
    boek = load_workbook(werkboek)
    blad = boek["Tarieven 2025 perceel 2"]
    kop = [c.value for c in blad[1]]
    blad.cell(3, kop.index("eenheid") + 1, value="maandje")
    boek.save(werkboek)
    try:
        contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    except InvoerFout as fout:
        melding = next(m for m in fout.meldingen if "eenheid" in m.veld)
        assert melding.bestand == "assen.xlsx, blad Tarieven 2025 perceel 2"
        assert melding.regel == 3
    else:
        raise AssertionError("een ongeldige eenheid had geweigerd moeten worden")


def test_aanneemsom_per_perceel_in_het_werkboek(regios, tmp_path):
    in_twee_percelen(regios)
    werkboek = _werkboek(regios, tmp_path)
    brug = ("id", "zorg-welzijn-de-brug")
    assert _cel(werkboek, "Aanbieders", "percelen", brug, "1, 2") == "1, 2"
    _cel(werkboek, "Aanbieders", "aanneemsom perceel 2", brug, "500.000,00")
    contracten.importeer(contracten.laad_regio(regios / "assen"), werkboek)
    profiel = contracten.laad_regio(regios / "assen")
    a = next(a for a in profiel.aanbieders if a.id == "zorg-welzijn-de-brug")
    assert str(a.aanneemsom_per_perceel[2]) == "500000.00"

def test_het_realisatiebestand_is_een_bestand_voor_de_regio_met_een_rij_per_contract(
        regios, tmp_path):
    """One file for the whole tender: a `perceel` column says which contract a row is about,
    needed only for an aanbieder that holds several percelen."""
    in_twee_percelen(regios)
    profiel = contracten.laad_regio(regios / "assen")
    tekst = ("aanbieder;perceel;jaar;gerealiseerd\n"
             "zorg-welzijn-de-brug;1;2026;100,00\n"
             "zorg-welzijn-de-brug;2;2026;200,00\n"
             "stichting-het-anker;;2026;1.000,00\n")
    resultaat = contracten.socialreturn_realisatie(
        profiel, contracten.Invoerbestand("r.csv", tekst.encode()), datum=dt.date(2027, 4, 15),
        uitvoer=tmp_path / "uit")
    per_contract = {r.contract: r for r in resultaat.standen}
    assert per_contract["perceel-1/zorg-welzijn-de-brug"].gerealiseerd == Decimal("100.00")
    assert per_contract["perceel-2/zorg-welzijn-de-brug"].gerealiseerd == Decimal("200.00")
    assert per_contract["perceel-2/stichting-het-anker"].gerealiseerd == Decimal("1000.00")
    herinneringen = tmp_path / "uit/assen/socialreturn-realisatie/2026/herinneringen"
    assert (herinneringen / "perceel-1/zorg-welzijn-de-brug.docx").is_file()
    zonder = "aanbieder;jaar;gerealiseerd\nzorg-welzijn-de-brug;2026;100,00\n"
    try:
        contracten.socialreturn_realisatie(
            profiel, contracten.Invoerbestand("r.csv", zonder.encode()),
            datum=dt.date(2027, 4, 15), uitvoer=tmp_path / "uit2")
    except InvoerFout as fout:
        melding = fout.meldingen[0]
        assert (melding.bestand, melding.regel, melding.veld, melding.code) == (
            "r.csv", 2, "perceel", "perceel_onbekend")
        assert "meer percelen; geef de kolom perceel (wel: 1, 2)" in melding.bericht
    else:
        raise AssertionError("een rij zonder perceel bij twee contracten had geweigerd moeten "
                             "worden")
