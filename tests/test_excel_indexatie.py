"""Excel and an indexed prijspeil (issue 27, item 4): an import keeps each YAML file's own
indentation, and an amount of an indexed prijspeil is its indexation unless its row says why
not (`afwijking`); the letter and the addendum then show the deviation as such."""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

import contracten
from contracten import InvoerFout
from contracten.profiel.werkboek import TARIEF_VELDEN
from contracten.profiel.yamlbewerking import inspringing

from .conftest import ROOT, voer_uit

DATUM = dt.date(2026, 11, 23)
T = dt.datetime(2026, 12, 1, 9, 0)


def _indexeer(regios: Path, percentage: str = "3.5") -> None:
    contracten.indexeer(contracten.laad_regio(regios, "assen"), naar=2026, datum=DATUM,
                        percentage=Decimal(percentage))


def _exporteer(regios: Path, tmp_path: Path) -> Path:
    pad = tmp_path / "assen.xlsx"
    contracten.exporteer(contracten.laad_regio(regios, "assen"), pad, tijdstip=T,
                         uitvoer=tmp_path / "uit", database=tmp_path / "r.sqlite")
    return pad


def _zet(pad: Path, blad: str, sleutel: str, kolom: str, waarde) -> int:
    """Set `kolom` of the row of `sleutel`; the row number."""
    boek = load_workbook(pad)
    kop = [c.value for c in boek[blad][1]]
    rij = next(r[0].row for r in boek[blad].iter_rows(min_row=2) if r[0].value == sleutel)
    boek[blad].cell(row=rij, column=kop.index(kolom) + 1, value=waarde)
    boek.save(pad)
    return rij


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*.yaml"))}


def _diff(oud: bytes, nieuw: bytes) -> list[str]:
    return [r for r in difflib.unified_diff(oud.decode().splitlines(), nieuw.decode().splitlines(),
                                            lineterm="", n=0) if r[:1] in "+-"
            and not r.startswith(("+++", "---"))]


# The indentation of a file, as ruamel.yaml's indent() takes it.

@pytest.mark.parametrize(("tekst", "verwacht"), [
    # the example regions: list items two in, their keys four in
    ("bedragen:\n  - sleutel: a\n    bedrag: 1.00\n", (2, 4, 2)),
    # indexeer writes as PyYAML does: the dash under the key
    ("indexatie:\n  van: 2025\nbedragen:\n- sleutel: a\n  bedrag: 1.00\n", (2, 2, 0)),
    ("a:\n    b: 1\nc:\n    - d\n", (4, 6, 4)),
    # a block scalar's lines ("Wat wij vragen:" then "- …") are text, not structure
    ("t: |\n  Wat wij vragen:\n    - iets\nl:\n- x\n", (2, 2, 0)),
    ("prijspeil: 2026\n", (2, 4, 2)),  # nothing nested: the example regions' style
])
def test_inspringing_van_een_bestand(tekst, verwacht):
    assert inspringing(tekst) == verwacht


def test_heen_en_terug_laat_een_geindexeerd_prijspeil_ongemoeid(regios, tmp_path):
    _indexeer(regios)
    voor = _bestanden(regios / "assen")
    uitkomst = contracten.importeer(contracten.laad_regio(regios, "assen"),
                                    _exporteer(regios, tmp_path))
    assert uitkomst.gewijzigd == []
    assert _bestanden(regios / "assen") == voor


def test_een_wijziging_in_een_geindexeerd_prijspeil_raakt_alleen_die_regel(regios, tmp_path):
    """indexeer writes its files with the dash under the key (not as the example regions): an
    import keeps that, and changes only the line it must."""
    _indexeer(regios)
    pad = regios / "assen/tarieven/2026.yaml"
    assert "\nbedragen:\n- sleutel: afwezigheid-huisvesting\n" in pad.read_text(encoding="utf-8")
    werkboek = _exporteer(regios, tmp_path)
    _zet(werkboek, "Tarieven 2026", "bw-nabij", "omschrijving", "Beschermd Wonen - Nabij (24/7)")
    oud = pad.read_bytes()
    contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    assert _diff(oud, pad.read_bytes()) == ["-  omschrijving: Beschermd Wonen - Nabij",
                                            '+  omschrijving: "Beschermd Wonen - Nabij (24/7)"']


def test_een_bedrag_met_centen_is_geen_bsn(regios, tmp_path):
    """4.755.010,81: nine digits that pass the elfproef, but an amount in an amount column."""
    werkboek = _exporteer(regios, tmp_path)
    _zet(werkboek, "Tarieven 2025", "bw-toezicht", "bedrag", 4755010.81)
    contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    peil = contracten.laad_regio(regios, "assen").prijspeilen[2025]
    assert peil.bedrag("bw-toezicht").bedrag == Decimal("4755010.81")
    # A whole number is still checked: a BSN typed into an amount cell stays out.
    _zet(werkboek, "Tarieven 2025", "bw-toezicht", "bedrag", 111222333)
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    assert [m.code for m in fout.value.meldingen] == ["bsn"]


# An amount of an indexed prijspeil is its indexation, unless the row says why not.

REDEN = "Hogere huur na verbouwing, besluit van 1 december 2026."


def test_een_gewijzigd_geindexeerd_bedrag_wordt_geweigerd(regios, tmp_path):
    _indexeer(regios)
    werkboek = _exporteer(regios, tmp_path)
    rij = _zet(werkboek, "Tarieven 2026", "bw-toezicht", "bedrag", 175)
    voor = _bestanden(regios / "assen")
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    assert [m.code for m in fout.value.meldingen] == ["afwijking_zonder_reden"]
    tekst = str(fout.value)
    assert f"assen.xlsx, blad Tarieven 2026:{rij}: kolom D (bedrag): cel Tarieven 2026!D{rij}: " \
        "bw-toezicht is € 175,00, maar prijspeil 2026 is geïndexeerd: verwacht € 170,78 " \
        "(prijspeil 2025: € 165,00 × (1 + 3,5 %), afgerond op hele centen)" in tekst
    assert "geef dan de reden in de kolom afwijking" in tekst
    assert _bestanden(regios / "assen") == voor
    uit = voer_uit("--regios", str(regios), "importeer", "assen", str(werkboek))
    assert uit.code == 1 and f"Tarieven 2026!D{rij}" in uit.stderr
    assert _bestanden(regios / "assen") == voor


def test_een_wijziging_van_het_vorige_prijspeil_wordt_geweigerd(regios, tmp_path):
    """The letter of 2026 compares with 2025: changing 2025 afterwards contradicts it too."""
    _indexeer(regios)
    werkboek = _exporteer(regios, tmp_path)
    _zet(werkboek, "Tarieven 2025", "bw-nabij", "bedrag", 150)
    rij = _zet(werkboek, "Tarieven 2026", "bw-nabij", "bedrag", 144.9)  # unchanged: 140 × 1,035
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    assert [m.code for m in fout.value.meldingen] == ["afwijking_zonder_reden"]
    assert f"cel Tarieven 2026!D{rij}: bw-nabij is € 144,90, maar prijspeil 2026 is " \
        "geïndexeerd: verwacht € 155,25 (prijspeil 2025: € 150,00" in str(fout.value)


def test_met_een_reden_staat_de_afwijking_in_het_prijspeil(regios, tmp_path):
    _indexeer(regios)
    werkboek = _exporteer(regios, tmp_path)
    _zet(werkboek, "Tarieven 2026", "bw-toezicht", "bedrag", 175)
    _zet(werkboek, "Tarieven 2026", "bw-toezicht", "afwijking", REDEN)
    pad = regios / "assen/tarieven/2026.yaml"
    oud = pad.read_bytes()
    uitkomst = contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    assert uitkomst.gewijzigd == [pad]
    assert _diff(oud, pad.read_bytes()) == ["-  bedrag: 170.78", "+  bedrag: 175.00",
                                            f'+  afwijking: "{REDEN}"']
    regel = contracten.laad_regio(regios, "assen").prijspeilen[2026].bedrag("bw-toezicht")
    assert (regel.bedrag, regel.afwijking) == (Decimal("175.00"), REDEN)
    # The export shows the reason, so the workbook goes round unchanged.
    opnieuw = _exporteer(regios, tmp_path / "opnieuw")
    boek = load_workbook(opnieuw)["Tarieven 2026"]
    kop = [c.value for c in boek[1]]
    assert kop[-1] == "afwijking"
    assert REDEN in [r[kop.index("afwijking")] for r in boek.iter_rows(values_only=True)]
    assert contracten.importeer(contracten.laad_regio(regios, "assen"), opnieuw).gewijzigd == []
    # The next indexation starts from the deviating amount, and does not deviate itself.
    contracten.indexeer(contracten.laad_regio(regios, "assen"), naar=2027, datum=DATUM,
                        percentage=Decimal("2"))
    volgend = contracten.laad_regio(regios, "assen").prijspeilen[2027].bedrag("bw-toezicht")
    assert (volgend.bedrag, volgend.afwijking) == (Decimal("178.50"), None)


@pytest.mark.parametrize(("blad", "sleutel", "code"), [
    ("Tarieven 2026", "bw-nabij", "afwijking_zonder_verschil"),  # the amount is the indexation
    ("Tarieven 2025", "bw-nabij", "afwijking_niet_geindexeerd"),  # nothing to deviate from
])
def test_een_reden_zonder_afwijking_wordt_geweigerd(regios, tmp_path, blad, sleutel, code):
    _indexeer(regios)
    werkboek = _exporteer(regios, tmp_path)
    rij = _zet(werkboek, blad, sleutel, "afwijking", REDEN)
    voor = _bestanden(regios / "assen")
    with pytest.raises(InvoerFout) as fout:
        contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    assert [m.code for m in fout.value.meldingen] == [code]
    assert f"kolom G (afwijking): cel {blad}!G{rij}: " in str(fout.value)
    assert "laat de afwijking leeg" in str(fout.value)
    assert _bestanden(regios / "assen") == voor


def _aanbieder_met(regios: Path, product: str) -> str:
    return next(a.id for a in contracten.laad_regio(regios, "assen").aanbieders
                if product in a.producten)


def _tabel(md: str) -> list[str]:
    return [r for r in md.splitlines() if r.startswith("| ") and "**" not in r]


def test_brief_en_addendum_tonen_de_afwijking_met_haar_reden(regios, tmp_path):
    _indexeer(regios)
    werkboek = _exporteer(regios, tmp_path)
    _zet(werkboek, "Tarieven 2026", "bw-toezicht", "bedrag", 175)
    _zet(werkboek, "Tarieven 2026", "bw-toezicht", "afwijking", REDEN)
    contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    profiel = contracten.laad_regio(regios, "assen")
    met = _aanbieder_met(regios, "bw-toezicht")
    contracten.genereer(profiel, prijspeil=2026, soorten=["indexatiebrief", "tariefaddendum"],
                        uitvoer=tmp_path / "uit", datum=DATUM)
    naam = next(p.naam for p in profiel.inhoud.producten if p.sleutel == "bw-toezicht")
    map_ = tmp_path / "uit/assen/2026"
    for pad in (map_ / f"brieven/indexatie/{met}.md", map_ / f"addenda/{met}.md"):
        md = pad.read_text(encoding="utf-8")
        assert f"| {naam} (afwijkend) | per etmaal | € 165,00 (voorbeeld) | € 175,00 " \
            "(voorbeeld) |" in _tabel(md), pad
        assert sum("(afwijkend)" in r for r in _tabel(md)) == 1  # the other rows are indexed
        # Its real change, not the index, and why.
        assert f"{naam} (afwijkend) gaat van € 165,00 (voorbeeld) naar € 175,00 (voorbeeld), " \
            "een verandering van 6,06 % in plaats van het indexcijfer van 3,5 %; afwijkend van " \
            "de indexatie: Hogere huur na verbouwing, besluit van 1 december 2026." in md, pad
    brief = (map_ / f"brieven/indexatie/{met}.md").read_text(encoding="utf-8")
    assert "afgerond op hele centen, behalve de bedragen die hierboven als afwijkend staan." \
        in brief
    zonder = next(a.id for a in profiel.aanbieders if "bw-toezicht" not in a.producten)
    for pad in (map_ / f"brieven/indexatie/{zonder}.md", map_ / f"addenda/{zonder}.md"):
        md = pad.read_text(encoding="utf-8")
        assert _tabel(md) and "afwijkend" not in md, pad


def test_een_afwijking_in_een_reeks_noemt_haar_prijspeil(regios, tmp_path):
    cijfers = contracten.Invoerbestand("c.csv", b"jaar,percentage\n2026,3.5\n2027,2\n")
    contracten.indexeer(contracten.laad_regio(regios, "assen"), naar=2027, datum=DATUM,
                        cijfers=cijfers)
    werkboek = _exporteer(regios, tmp_path)
    _zet(werkboek, "Tarieven 2027", "bw-toezicht", "bedrag", 180)
    _zet(werkboek, "Tarieven 2027", "bw-toezicht", "afwijking", "Nieuwe cao")
    contracten.importeer(contracten.laad_regio(regios, "assen"), werkboek)
    profiel = contracten.laad_regio(regios, "assen")
    met = _aanbieder_met(regios, "bw-toezicht")
    contracten.genereer(profiel, prijspeil=2027, soorten=["indexatiebrief"], aanbieders=[met],
                        uitvoer=tmp_path / "uit", datum=DATUM)
    brief = (tmp_path / f"uit/assen/2027/brieven/indexatie/{met}.md").read_text(encoding="utf-8")
    # From 2025 (the last prijspeil told) to 2027: 165,00 → 180,00 is 9,09 %, against two
    # indexes (3,5 % and 2 %), so no single index to compare with.
    assert "gaat van € 165,00 (voorbeeld) naar € 180,00 (voorbeeld), een verandering van " \
        "9,09 %; afwijkend van de indexatie in prijspeil 2027: Nieuwe cao." in brief


def test_het_meegeleverde_werkboek_heeft_de_kolommen_van_de_export():
    """voorbeelden/assen.xlsx is what `exporteer` writes, the column afwijking included."""
    boek = load_workbook(ROOT / "voorbeelden/assen.xlsx")
    for titel in ("Tarieven 2024", "Tarieven 2025"):
        assert [c.value for c in boek[titel][1]] == [v.kop for v in TARIEF_VELDEN]
