"""Indexation per year (issue 27, item 3): one index never spans several years. Across a gap
`indexeer` refuses, unless each year's figures are given (`--cijfers`); then every year in
between is written, each from the rounded amounts of the year before, and the letter of the
last year shows each year's index. Deel 2 of an overeenkomst states the amounts of the
prijspeil it names."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

import contracten
from contracten import InvoerFout, laad_regio
from contracten.opmaak import rond_af

from .conftest import ROOT, voer_uit

DATUM = "2026-11-23"
# Amersfoort's one prijspeil is 2023: up to 2027 are four years, with VNG figures and a
# percentage mixed, as a region's own file may have them.
CIJFERS = ("jaar;ova;ppc;nacalculatie;percentage\n"
           "2024;4,18;1,82;1,013;\n"
           "2025;;;;3,5\n"
           "2026;3;2;;\n"
           "2027;;;;2,5\n")
INDEX = {2024: Decimal("4.96"), 2025: Decimal("3.5"), 2026: Decimal("2.9"),
         2027: Decimal("2.5")}


def vingerafdruk(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*"))
            if p.is_file() and not p.name.startswith(".contracten-")}  # its locks and caches


def _cijfers(tmp_path: Path, tekst: str = CIJFERS) -> Path:
    pad = tmp_path / "cijfers.csv"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _indexeer(regios: Path, *argumenten: str):
    return voer_uit("--regios", str(regios), "indexeer", *argumenten, "--datum", DATUM)


@pytest.mark.parametrize(("regio", "naar", "ontbreekt"), [
    ("amersfoort", "2027", "de prijspeilen 2024, 2025 en 2026 ontbreken"),
    ("assen", "2027", "prijspeil 2026 ontbreekt"),
])
def test_een_index_over_meer_jaren_wordt_geweigerd(regios, regio, naar, ontbreekt):
    voor = vingerafdruk(regios)
    uit = _indexeer(regios, regio, "--naar", naar, "--percentage", "3.5")
    assert uit.code == 1, uit.stderr
    assert ontbreekt in uit.stderr and "[indexatie_jaren_ontbreken]" in uit.stderr
    assert "Elk jaar wordt geïndexeerd met de cijfers van dat jaar" in uit.stderr
    assert "--cijfers" in uit.stderr  # and how to give them
    assert vingerafdruk(regios) == voor


def test_elk_jaar_uit_het_jaar_ervoor_zoals_een_indexeer_per_jaar(regios, tmp_path):
    """The file writes every year, each equal to what one `indexeer` per year makes."""
    uit = _indexeer(regios, "amersfoort", "--naar", "2027", "--cijfers",
                    str(_cijfers(tmp_path)), "--json")
    assert uit.code == 0, uit.stderr
    resultaat = json.loads(uit.stdout)
    assert [(j["jaar"], j["van"], Decimal(j["index"])) for j in resultaat["jaren"]] == [
        (j, j - 1, INDEX[j]) for j in range(2024, 2028)]
    assert resultaat["jaren"][0]["berekend"] == "4.957"  # applied as the VNG rounds it
    assert (resultaat["van"], resultaat["naar"]) == (2023, 2027)
    profiel = laad_regio(regios, "amersfoort")
    assert sorted(profiel.prijspeilen) == [2023, 2024, 2025, 2026, 2027]

    per_jaar = tmp_path / "per-jaar"
    shutil.copytree(ROOT / "regios", per_jaar)
    for jaar, argumenten in ((2024, ["--ova", "4.18", "--ppc", "1.82", "--nacalculatie",
                                     "1.013"]), (2025, ["--percentage", "3.5"]),
                             (2026, ["--ova", "3", "--ppc", "2"]),
                             (2027, ["--percentage", "2.5"])):
        assert _indexeer(per_jaar, "amersfoort", "--naar", str(jaar), *argumenten).code == 0
    los = laad_regio(per_jaar, "amersfoort")
    for jaar in range(2024, 2028):
        bedragen = [(b.sleutel, b.bedrag) for b in profiel.prijspeilen[jaar].bedragen]
        assert bedragen == [(b.sleutel, b.bedrag) for b in los.prijspeilen[jaar].bedragen]
        vorig = profiel.prijspeilen[jaar - 1]
        for regel in profiel.prijspeilen[jaar].bedragen:  # rounded per year, from the year before
            oud = vorig.bedrag(regel.sleutel).bedrag
            assert regel.bedrag == rond_af(oud * (1 + INDEX[jaar] / 100))
        record = profiel.prijspeilen[jaar].indexatie
        assert (record.van, record.index) == (jaar - 1, INDEX[jaar])
        assert record.reeks_van == (None if jaar == 2024 else 2023)
    # The table and the JSON go from the amounts of 2023 to those of 2027.
    for regel in resultaat["bedragen"]:
        assert Decimal(regel["oud"]) == profiel.prijspeilen[2023].bedrag(regel["sleutel"]).bedrag
        assert Decimal(regel["nieuw"]) == \
            profiel.prijspeilen[2027].bedrag(regel["sleutel"]).bedrag


def test_cijfers_uit_een_excelbestand(regios, tmp_path):
    boek = Workbook()
    blad = boek.active
    for rij in (["jaar", "percentage"], [2026, 3.5], [2027, "2,5"]):
        blad.append(rij)
    boek.save(tmp_path / "cijfers.xlsx")
    uit = _indexeer(regios, "assen", "--naar", "2027", "--cijfers", str(tmp_path / "cijfers.xlsx"))
    assert uit.code == 0, uit.stderr
    assert "prijspeil 2025 → 2026, index 3,5 %" in uit.stdout
    assert "prijspeil 2026 → 2027, index 2,5 %" in uit.stdout
    assert "Samen: prijspeil 2025 → 2027" in uit.stdout
    assert sorted(laad_regio(regios, "assen").prijspeilen) == [2024, 2025, 2026, 2027]


@pytest.mark.parametrize(("tekst", "verwacht"), [
    (CIJFERS.replace("2025;;;;3,5\n", ""), "cijfers.csv: jaar: het jaar 2025 ontbreekt; elk "
     "jaar wordt geïndexeerd met de cijfers van dat jaar, uit de afgeronde bedragen van het jaar "
     "ervoor, dus het bestand noemt elk jaar van 2024 tot en met 2027 [indexatie_jaren_ontbreken]"),
    ("jaar,percentage\n2027,2.5\n", "de jaren 2024, 2025 en 2026 ontbreken"),
    (CIJFERS + "2026;;;;1\n", "cijfers.csv:6: jaar: 2026 staat er al; één rij per jaar [dubbel]"),
    (CIJFERS.replace("2025;;;;3,5", "2025;4;;;"), "cijfers.csv:3: geef voor 2025 ova en ppc"),
    (CIJFERS.replace("2025;;;;3,5", "2025;4;1;;3,5"), "cijfers.csv:3: geef voor 2025 ova en ppc"),
    (CIJFERS.replace("3,5", "veel"), "cijfers.csv:3: percentage: 'veel' is geen percentage"),
    (CIJFERS.replace("2025;", "twintig;"), "cijfers.csv:3: jaar: 'twintig' is geen jaartal"),
    ("jaar;index\n2024;3\n", "cijfers.csv:1: index: onbekende kolom"),
    (CIJFERS.replace("2027;;;;2,5", "2027;;;;30"), "cijfers.csv:5: index: index 30 % (jaar "
     "2027) ligt buiten -10 … 25 %"),
])
def test_een_onvolledig_of_fout_bestand_schrijft_niets(regios, tmp_path, tekst, verwacht):
    voor = vingerafdruk(regios)
    uit = _indexeer(regios, "amersfoort", "--naar", "2027", "--cijfers",
                    str(_cijfers(tmp_path, tekst)))
    assert uit.code == 1 and verwacht in uit.stderr, uit.stderr
    assert vingerafdruk(regios) == voor  # no year written, not even the ones before


def test_andere_jaren_in_het_bestand_tellen_niet_mee(regios, tmp_path):
    """A region may keep every year's figures in one file: only the years indexed now count."""
    tekst = "jaar,percentage\n2019,9\n2025,9\n2026,3.5\n2030,9\n"
    uit = _indexeer(regios, "assen", "--naar", "2026", "--cijfers", str(_cijfers(tmp_path, tekst)),
                    "--json")
    assert uit.code == 0, uit.stderr
    assert [j["index"] for j in json.loads(uit.stdout)["jaren"]] == ["3.50"]


def test_mislukt_genereren_verwijdert_alle_nieuwe_jaren(regios, tmp_path):
    kapot = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", kapot)
    (kapot / "tariefaddendum.docx").write_bytes(b"geen docx")
    voor = vingerafdruk(regios)
    uit = _indexeer(regios, "amersfoort", "--naar", "2027", "--cijfers", str(_cijfers(tmp_path)),
                    "--genereer", "--sjablonen", str(kapot), "--uitvoer", str(tmp_path / "uit"))
    assert uit.code == 1
    assert vingerafdruk(regios) == voor


@pytest.mark.parametrize("argumenten", [["--percentage", "3"], ["--ova", "3", "--ppc", "2"]])
def test_cijfers_en_losse_cijfers_samen_is_gebruiksfout(regios, tmp_path, argumenten):
    uit = _indexeer(regios, "assen", "--naar", "2026", "--cijfers", str(_cijfers(tmp_path)),
                    *argumenten)
    assert uit.code == 2 and "Geef --cijfers óf" in uit.stderr


def test_python_weigert_cijfers_en_percentage_samen(regios):
    bestand = contracten.Invoerbestand("c.csv", b"jaar,percentage\n2026,3\n")
    with pytest.raises(InvoerFout) as fout:
        contracten.indexeer(laad_regio(regios, "assen"), naar=2026, datum=dt.date(2026, 11, 23),
                            percentage=Decimal(3), cijfers=bestand)
    assert [m.code for m in fout.value.meldingen] == ["index_dubbel"]


@pytest.fixture(scope="module")
def amersfoort_2027(tmp_path_factory) -> tuple[Path, Path]:
    """Amersfoort indexed from 2023 to 2027 in one run, with its documents: (regios, uitvoer)."""
    map_ = tmp_path_factory.mktemp("per-jaar")
    shutil.copytree(ROOT / "regios", map_ / "regios")
    contracten.indexeer(laad_regio(map_ / "regios", "amersfoort"), naar=2027,
                        datum=dt.date(2026, 11, 23),
                        cijfers=contracten.Invoerbestand("cijfers.csv", CIJFERS.encode()),
                        genereren=True, uitvoer=map_ / "uit")
    return map_ / "regios", map_ / "uit"


def _tabel(md: str) -> list[str]:
    return [r for r in md.splitlines() if r.startswith("| ") and "**" not in r]


def test_de_brief_toont_het_indexcijfer_van_elk_jaar(amersfoort_2027):
    regios, uitvoer = amersfoort_2027
    brief = (uitvoer / "amersfoort/2027/brieven/indexatie/stichting-samen-eemland.md").read_text(
        encoding="utf-8")
    assert "Sinds prijspeil 2023 is elk jaar geïndexeerd met het indexcijfer van dat jaar, uit " \
        "de afgeronde bedragen van het jaar ervoor:" in brief
    assert "- 2024: 4,96 %, berekend volgens de methode van de VNG: 0,9 × OVA (4,18 %) + 0,1 × " \
        "PPC (1,82 %) + nacalculatie (1,013 %) = 4,957 %, afgerond op twee decimalen;" in brief
    assert "- 2025: 3,5 %;" in brief and "- 2027: 2,5 %." in brief
    assert "- 2026: 2,9 %, berekend volgens de methode van de VNG" in brief
    assert "Het indexcijfer is" not in brief  # no single index over four years
    assert "| **Prijspeil 2023** | **Prijspeil 2027** |" in brief
    profiel = laad_regio(regios, "amersfoort")
    oud, nieuw = (sum((b.bedrag for b in profiel.prijspeilen[j].bedragen), Decimal(0))
                  for j in (2023, 2027))
    assert _tabel(brief) == [
        "| Taakgericht budget Wmo begeleiding en beschermd wonen | per jaar | "
        f"{contracten.als_bedrag(oud)} (voorbeeld) | {contracten.als_bedrag(nieuw)} (voorbeeld) |"]
    assert "elk per jaar vermenigvuldigd met (1 + het indexcijfer van dat jaar) en elk jaar " \
        "afgerond op hele centen" in brief
    addendum = (uitvoer / "amersfoort/2027/addenda/stichting-samen-eemland.md").read_text(
        encoding="utf-8")
    assert "De bedragen van prijspeil 2023 zijn sindsdien elk jaar geïndexeerd met het " \
        "indexcijfer van dat jaar, uit de afgeronde bedragen van het jaar ervoor (2024: 4,96 %; " \
        "2025: 3,5 %; 2026: 2,9 %; 2027: 2,5 %)." in addendum
    assert _tabel(addendum) == _tabel(brief)
    assert "Zij vervangen de bedragen van prijspeil 2023 in Deel 2" in addendum


def test_een_brief_van_een_jaar_toont_een_indexcijfer(regios, tmp_path):
    uit = _indexeer(regios, "assen", "--naar", "2026", "--percentage", "3.5", "--genereer",
                    "--uitvoer", str(tmp_path))
    assert uit.code == 0, uit.stderr
    brief = (tmp_path / "assen/2026/brieven/indexatie/wonen-plus.md").read_text(encoding="utf-8")
    assert "Het indexcijfer is 3,5 %." in brief and "Sinds prijspeil" not in brief
    assert "Elk nieuw bedrag is het bedrag van prijspeil 2025 vermenigvuldigd met (1 + " \
        "indexcijfer), afgerond op hele centen." in brief


def _deel2(md: str) -> tuple[str, list[tuple[str, str]]]:
    """The prijspeil the table of Deel 2 names, and its rows (name, amount)."""
    kop = re.search(r"\((prijspeil \d{4})\)\*\*", md).group(1)
    tabel = md.split(kop, 1)[1].split("\n\n", 1)[0]
    rijen = [[c.strip() for c in r.strip("|").split("|")] for r in tabel.splitlines()[2:]]
    return kop, [(cellen[0], next(c for c in cellen if c.startswith("€")))
                 for cellen in rijen if not cellen[0].startswith("**")]


@pytest.mark.parametrize("prijspeil", [2023, 2024, 2027])
def test_deel_2_noemt_het_prijspeil_van_zijn_bedragen(amersfoort_2027, tmp_path, prijspeil):
    """Deel 2 states the amounts of the contract's own prijspeil: that of its first year (2027)
    when the profile has it, also in a document set of an earlier prijspeil; every amount is
    that prijspeil's, as tarieven/2027.yaml holds it."""
    regios, _ = amersfoort_2027
    profiel = laad_regio(regios, "amersfoort")
    contracten.genereer(profiel, prijspeil=prijspeil, soorten=["overeenkomst"],
                        uitvoer=tmp_path, datum=dt.date(2026, 11, 23))
    md = (tmp_path / f"amersfoort/{prijspeil}/overeenkomsten/stichting-samen-eemland.md"
          ).read_text(encoding="utf-8")
    kop, rijen = _deel2(md)
    assert kop == "prijspeil 2027"
    namen = {f.sleutel: f.naam for f in profiel.inhoud.functies}
    verwacht = [(namen[b.product], f"{contracten.als_bedrag(b.bedrag)} (voorbeeld)")
                for b in profiel.prijspeilen[2027].bedragen]
    assert rijen == verwacht


def test_deel_2_van_een_later_prijspeil_noemt_dat_prijspeil(regios, tmp_path):
    """From the contract's first year on (Assen: 2026), Deel 2 of a document set is that set's
    own prijspeil, with exactly its amounts."""
    cijfers = contracten.Invoerbestand("c.csv", b"jaar,percentage\n2026,3.5\n2027,2.5\n")
    contracten.indexeer(laad_regio(regios, "assen"), naar=2027, datum=dt.date(2026, 11, 23),
                        cijfers=cijfers)
    profiel = laad_regio(regios, "assen")
    for prijspeil in (2026, 2027):
        contracten.genereer(profiel, prijspeil=prijspeil, soorten=["overeenkomst"],
                            aanbieders=["wonen-plus"], uitvoer=tmp_path,
                            datum=dt.date(2026, 11, 23))
        md = (tmp_path / f"assen/{prijspeil}/overeenkomsten/wonen-plus.md").read_text("utf-8")
        kop, rijen = _deel2(md)
        assert kop == f"prijspeil {prijspeil}"
        peil = profiel.prijspeilen[prijspeil]
        eigen = [b for b in peil.bedragen if b.product in ("begeleid-kamer-wonen-incl",
                                                           "begeleid-kamer-wonen-excl")]
        assert [bedrag for _, bedrag in rijen] == [
            f"{contracten.als_bedrag(b.bedrag)} (voorbeeld)" for b in eigen]
        afwezigheid = peil.bedrag("afwezigheid-huisvesting").bedrag
        assert f"{contracten.als_bedrag(afwezigheid)} (voorbeeld) per etmaal" in md
