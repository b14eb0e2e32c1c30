"""Yearly indexation: a new prijspeil from the rounded previous amounts, letters per aanbieder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from contracten import laad_regio
from contracten.opmaak import rond_af
from contracten.profiel.tarieven import BedragRegel, IndexatieRecord, Prijspeil
from contracten.rekenen.indexatie import afgerond_index, indexeer, vng_index

from .conftest import REGIOS, ROOT, indexeer_tot, voer_uit

DATUM = dt.date(2026, 11, 23)


@cache
def assen():
    """The shipped Assen profile, loaded once; read only (tests that change one use `regios`)."""
    return laad_regio(REGIOS, "assen")


def record(index: str, van: int) -> IndexatieRecord:
    return IndexatieRecord(van=van, methode="percentage", index=Decimal(index), datum=DATUM)


def vingerafdruk(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*"))
            if p.is_file() and not p.name.startswith(".contracten-")}  # its locks and caches


def test_39_60_met_3_5_procent_is_40_99():
    profiel = assen()
    # From prijspeil 2024 (the source's € 39,60) as if 2025 did not exist yet.
    zonder_2025 = profiel.model_copy(update={"prijspeilen": {2024: profiel.prijspeilen[2024]}})
    uitkomst = indexeer(zonder_2025, 2025, record("3.5", 2024))
    huisvesting = uitkomst.prijspeil.bedrag("afwezigheid-huisvesting")
    assert huisvesting.bedrag == Decimal("40.99")


def alleen_2024(bedrag: str):
    profiel = assen()
    peil = profiel.prijspeilen[2024]
    regel = peil.bedragen[0].model_copy(update={"bedrag": Decimal(bedrag)})
    return profiel.model_copy(
        update={"prijspeilen": {2024: peil.model_copy(update={"bedragen": [regel]})}})


def test_half_up_bij_precies_een_halve_cent():
    nieuw = indexeer(alleen_2024("1.00"), 2025, record("0.5", 2024)).prijspeil.bedragen[0].bedrag
    assert nieuw == Decimal("1.01")  # 1.005: half up; half-even would give 1.00


def test_keten_gaat_telkens_uit_van_het_afgeronde_bedrag():
    profiel = alleen_2024("1.00")
    for jaar in (2025, 2026):
        nieuw = indexeer(profiel, jaar, record("0.5", jaar - 1)).prijspeil
        profiel = profiel.model_copy(update={"prijspeilen": {**profiel.prijspeilen, jaar: nieuw}})
    bedragen = [profiel.prijspeilen[j].bedragen[0].bedrag for j in (2024, 2025, 2026)]
    # 1.00 -> 1.005 -> 1.01; 1.01 x 1.005 = 1.01505 -> 1.02 (an unrounded chain gives 1.01)
    assert bedragen == [Decimal("1.00"), Decimal("1.01"), Decimal("1.02")]


@settings(max_examples=200, database=None, deadline=None)
@given(st.lists(st.decimals(min_value=Decimal("0"), max_value=Decimal("10000000"), places=2,
                            allow_nan=False, allow_infinity=False), min_size=1, max_size=5),
       st.decimals(min_value=Decimal("0.001"), max_value=Decimal("25"), places=3))
def test_positieve_index_verlaagt_nooit_een_bedrag(bedragen, index):
    peil = Prijspeil(prijspeil=2024, ingangsdatum=dt.date(2024, 1, 1), bedragen=[
        BedragRegel(sleutel=f"b{i}", omschrijving="x", bedrag=b, eenheid="uur")
        for i, b in enumerate(bedragen)])
    proef = assen().model_copy(update={"prijspeilen": {2024: peil}})
    nieuw = indexeer(proef, 2025, record(str(index), 2024)).prijspeil.bedragen
    for oud, regel in zip(bedragen, nieuw, strict=True):
        assert regel.bedrag >= oud
        assert regel.bedrag == rond_af(oud * (1 + index / 100))
        assert isinstance(regel.bedrag, Decimal)


def test_vng_2025():
    assert vng_index(Decimal("0.9"), Decimal("4.18"), Decimal("1.82"), Decimal("1.013")) \
        == Decimal("4.957")


@pytest.mark.parametrize(("decimalen", "toegepast"), [
    (2, "4.96"), (1, "5.0"), (0, "5"), (3, "4.957"), (4, "4.9570")])
def test_de_regio_bepaalt_hoe_de_index_wordt_afgerond(decimalen, toegepast):
    assert afgerond_index(Decimal("4.957"), decimalen) == Decimal(toegepast)
    assert str(afgerond_index(Decimal("4.957"), decimalen)) == toegepast
    assert afgerond_index(Decimal("-0.125"), 2) == Decimal("-0.13")  # half up, away from zero


def test_een_regio_die_op_drie_decimalen_rondt_past_het_exacte_cijfer_toe(regios):
    pad = regios / "assen/regio.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(
        "gewicht_loon: 0.9", "gewicht_loon: 0.9\n    decimalen: 3", 1), encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026", "--ova", "4.18",
                   "--ppc", "1.82", "--nacalculatie", "1.013", "--json", "--datum", "2026-11-23")
    assert uit.code == 0, uit.stderr
    resultaat = json.loads(uit.stdout)
    assert (resultaat["index"], resultaat["berekend"]) == ("4.957", None)


def test_vng_methode_op_de_opdrachtregel(regios):
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026", "--ova", "4.18",
                   "--ppc", "1.82", "--nacalculatie", "1.013", "--json", "--datum", "2026-11-23")
    assert uit.code == 0, uit.stderr
    resultaat = json.loads(uit.stdout)
    # Applied as the VNG published it for 2025: 4,96 %, not the exact 4,957 %.
    assert (resultaat["index"], resultaat["berekend"]) == ("4.96", "4.957")
    assert resultaat["methode"] == "vng"
    for regel in resultaat["bedragen"]:
        assert Decimal(regel["nieuw"]) == rond_af(Decimal(regel["oud"]) * Decimal("1.0496"))
    opgeslagen = laad_regio(regios, "assen").prijspeilen[2026].indexatie
    assert (opgeslagen.ova, opgeslagen.ppc, opgeslagen.gewicht_loon) == (
        Decimal("4.18"), Decimal("1.82"), Decimal("0.9"))
    assert (opgeslagen.index, opgeslagen.berekend) == (Decimal("4.96"), Decimal("4.957"))
    assert opgeslagen.datum == DATUM


@pytest.mark.parametrize(("argumenten", "melding"), [
    (["--naar", "2025", "--percentage", "3"], "bestaat al"),
    (["--naar", "2023", "--percentage", "3"], "geen prijspeil vóór 2023"),
    (["--naar", "2026", "--percentage", "25.01"], "buiten"),
    (["--naar", "2026", "--percentage", "-10.5"], "buiten"),
])
def test_geweigerd_en_niets_geschreven(regios, argumenten, melding):
    voor = vingerafdruk(regios)
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", *argumenten, "--datum",
                   "2026-11-23")
    assert uit.code == 1 and melding in uit.stderr
    assert vingerafdruk(regios) == voor


def test_ongeldig_profiel_geweigerd(regios):
    pad = regios / "assen/regio.yaml"
    pad.write_text(pad.read_text().replace("percentage: 5", "percentage: 500"))
    voor = vingerafdruk(regios)
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                   "--percentage", "3", "--datum", "2026-11-23")
    assert uit.code == 1 and "regels.socialreturn.percentage" in uit.stderr
    assert vingerafdruk(regios) == voor


@pytest.mark.parametrize(("argumenten", "melding"), [
    (["--naar", "2026", "--percentage", "3", "--ova", "4"], "niet allebei"),
    (["--naar", "2026", "--ova", "4"], "Geef --ova en --ppc, of --percentage"),
    (["--naar", "2026"], "Geef --ova en --ppc, of --percentage"),
    (["--naar", "2026", "--percentage", "drie"], "'drie' is geen bruikbaar percentage"),
    (["--naar", "2026", "--percentage", "nan"], "'nan' is geen bruikbaar percentage"),
    (["--naar", "2026", "--percentage", "1e400"], "'1e400' is geen bruikbaar percentage"),
    (["--naar", "2101", "--percentage", "3"], "'2101' is geen jaartal"),
])
def test_verkeerd_gebruik_is_gebruiksfout(regios, argumenten, melding):
    voor = vingerafdruk(regios)
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", *argumenten, "--datum",
                   "2026-11-23")
    assert uit.code == 2 and melding in uit.stderr and "Interne fout" not in uit.stderr
    assert vingerafdruk(regios) == voor


def test_indexatie_boven_het_plafond_wordt_geweigerd(regios):
    pad = regios / "assen/tarieven/2025.yaml"
    pad.write_text(pad.read_text().replace("bedrag: 165.00", "bedrag: 990000000.00"))
    voor = vingerafdruk(regios)
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                   "--percentage", "3.5", "--datum", "2026-11-23")
    assert uit.code == 1 and "prijspeil_ongeldig" in uit.stderr
    assert vingerafdruk(regios) == voor


def test_indexeer_geeft_zijn_datum_door_aan_alle_brieven(regios, tmp_path):
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                   "--percentage", "3.5", "--genereer", "--datum", "2025-11-01", "--uitvoer",
                   str(tmp_path))
    assert uit.code == 0, uit.stderr
    brieven = sorted((tmp_path / "assen/2026/brieven").rglob("*.md"))
    assert {p.parent.name for p in brieven} == {"indexatie", "socialreturn"}
    for pad in brieven:
        assert "Datum: 1 november 2025" in pad.read_text(encoding="utf-8"), pad


def test_mislukt_genereren_laat_geen_prijspeil_achter(regios, tmp_path):
    kapot = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", kapot)
    document = Document(kapot / "indexatiebrief.docx")
    document.add_paragraph("{{ bestaat_niet }}")
    document.save(kapot / "indexatiebrief.docx")
    voor = vingerafdruk(regios)
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026", "--percentage",
                   "3.5", "--genereer", "--sjablonen", str(kapot), "--uitvoer",
                   str(tmp_path / "uit"), "--datum", "2026-11-23")
    assert uit.code == 1 and "indexatiebrief.docx" in uit.stderr and "bestaat_niet" in uit.stderr
    assert vingerafdruk(regios) == voor


def brieftekst(pad: Path) -> str:
    document = Document(pad)
    delen = [p.text for p in document.paragraphs]
    for tabel in document.tables:
        delen += [" | ".join(c.text for c in rij.cells) for rij in tabel.rows]
    return "\n".join(delen)


def test_klaar_als(regios, tmp_path):
    """The issue's 'done when', run as a user would."""
    uitvoer = tmp_path / "uit"
    vorig = (regios / "assen/tarieven/2025.yaml").read_bytes()
    opdracht = ["--regios", str(regios), "indexeer", "assen", "--naar", "2026", "--percentage",
                "3.5", "--genereer", "--json", "--uitvoer", str(uitvoer), "--datum", "2026-11-23"]
    uit = voer_uit(*opdracht)
    assert uit.code == 0, uit.stderr
    resultaat = json.loads(uit.stdout)
    assert (resultaat["van"], resultaat["naar"], resultaat["index"]) == (2025, 2026, "3.50")
    for regel in resultaat["bedragen"]:
        assert Decimal(regel["nieuw"]) == rond_af(Decimal(regel["oud"]) * Decimal("1.035"))
    assert (regios / "assen/tarieven/2025.yaml").read_bytes() == vorig

    nieuw = {r["omschrijving"]: r for r in resultaat["bedragen"]}
    profiel = laad_regio(regios, "assen")
    namen = {p.sleutel: p.naam for p in profiel.inhoud.producten}
    map_ = uitvoer / "assen/2026"
    for aanbieder in profiel.aanbieders:
        brief = brieftekst(map_ / "brieven/indexatie" / f"{aanbieder.id}.docx")
        assert "Datum: 23 november 2026" in brief and "Onderwerp: indexatie" in brief
        assert "Per 1 januari 2026 worden de bedragen" in brief
        assert aanbieder.naam in brief and "Het indexcijfer is 3,5 %." in brief
        for sleutel in aanbieder.producten:
            regel = next(r for r in resultaat["bedragen"] if r["sleutel"] == sleutel)
            oud = f"€ {Decimal(regel['oud']):,.2f}".replace(",", "X").replace(".", ",")\
                .replace("X", ".")
            nw = f"€ {Decimal(regel['nieuw']):,.2f}".replace(",", "X").replace(".", ",")\
                .replace("X", ".")
            assert re.search(rf"{re.escape(namen[sleutel])} \| per \w[\w ]* \| "
                             rf"{re.escape(oud)} \(voorbeeld\) \| {re.escape(nw)} \(voorbeeld\)",
                             brief), (aanbieder.id, sleutel)
    assert nieuw  # the table was not empty
    manifest = json.loads((map_ / "manifest.json").read_text())
    brieven = {d["aanbieder"] for d in manifest["documenten"] if d["soort"] == "indexatiebrief"}
    assert brieven == {a.id for a in profiel.aanbieders}

    # The same command again (as after a run killed past its commit, which the next command
    # finished): no error, nothing overwritten, nothing made again. Other figures: refused.
    voor = vingerafdruk(tmp_path)
    opnieuw = voer_uit(*opdracht)
    assert opnieuw.code == 0, opnieuw.stderr
    assert "prijspeil 2026 bestond al" in json.loads(opnieuw.stdout)["waarschuwingen"][0]
    assert vingerafdruk(tmp_path) == voor
    anders = voer_uit(*["3.6" if a == "3.5" else a for a in opdracht])
    assert anders.code == 1 and "bestaat al" in anders.stderr
    assert vingerafdruk(tmp_path) == voor


def test_taakgerichte_brief_toont_alleen_het_budget_van_de_contractpartner(regios, tmp_path):
    """Taakgericht (Amersfoort): the letter indexes the contract partner's own budget, the sum
    of its functie budgets as Deel 2 shows it, and names no functie budget or other party."""
    # the contracts start in 2027: the years before it are indexed first, 3,5 % each
    indexeer_tot(regios, "amersfoort", 2026, percentage=Decimal("3.5"),
                 datum=dt.date(2026, 11, 23))
    uit = voer_uit("--regios", str(regios), "indexeer", "amersfoort", "--naar", "2027",
                   "--ova", "4.18", "--ppc", "1.82", "--nacalculatie", "1.013", "--json",
                   "--datum", "2026-11-23", "--genereer", "--uitvoer", str(tmp_path))
    assert uit.code == 0, uit.stderr
    bedragen = json.loads(uit.stdout)["bedragen"]
    oud = sum(Decimal(b["oud"]) for b in bedragen)
    nieuw = sum(Decimal(b["nieuw"]) for b in bedragen)
    assert (oud, nieuw) == (Decimal("60314252.41"), Decimal("63305839.33"))
    brief = (tmp_path / "amersfoort/2027/brieven/indexatie/stichting-samen-eemland.md"
             ).read_text(encoding="utf-8")
    rijen = [r for r in brief.splitlines() if r.startswith("| ") and "**" not in r]
    assert rijen == ["| Taakgericht budget Wmo begeleiding en beschermd wonen | per jaar | "
                     "€ 60.314.252,41 (voorbeeld) | € 63.305.839,33 (voorbeeld) |"]
    profiel = laad_regio(regios, "amersfoort")
    for woord in [b["omschrijving"] for b in bedragen] + [
            o.naam for o in profiel.aanbieders[0].onderaannemers]:
        assert woord not in brief
    assert "Onderwerp: indexatie van het taakgerichte budget per 1 januari 2027" in brief
    assert "U declareert" not in brief  # a budget is not declared per unit



@pytest.mark.parametrize(("datum", "terugwerkend"), [("2026-11-23", True), ("2025-11-23", False)])
def test_een_brief_na_de_ingangsdatum_wijst_op_correctiedeclaraties(regios, tmp_path, datum,
                                                                   terugwerkend):
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                   "--percentage", "3.5", "--datum", datum, "--genereer", "--uitvoer",
                   str(tmp_path))
    assert uit.code == 0, uit.stderr
    assert ("Let op: de brieven zijn gedateerd op" in uit.stderr) is terugwerkend
    brief = (tmp_path / "assen/2026/brieven/indexatie/wonen-plus.md").read_text(encoding="utf-8")
    assert ("dan kunt u die declaraties corrigeren met een correctiedeclaratie" in brief) \
        is terugwerkend
