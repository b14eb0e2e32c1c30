"""Yearly indexation: a new prijspeil from the rounded previous amounts, letters per aanbieder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from contracten import laad_regio
from contracten.opmaak import rond_af
from contracten.profiel.tarieven import IndexatieRecord
from contracten.rekenen.indexatie import indexeer, vng_index

from .conftest import REGIOS, ROOT, voer_uit

DATUM = dt.date(2026, 11, 23)


def record(index: str, van: int) -> IndexatieRecord:
    return IndexatieRecord(van=van, methode="percentage", index=Decimal(index), datum=DATUM)


def vingerafdruk(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def test_39_60_met_3_5_procent_is_40_99():
    profiel = laad_regio(REGIOS, "assen")
    # From prijspeil 2024 (the source's € 39,60) as if 2025 did not exist yet.
    zonder_2025 = profiel.model_copy(update={"prijspeilen": {2024: profiel.prijspeilen[2024]}})
    uitkomst = indexeer(zonder_2025, 2025, record("3.5", 2024))
    huisvesting = uitkomst.prijspeil.bedrag("afwezigheid-huisvesting")
    assert huisvesting.bedrag == Decimal("40.99")


def alleen_2024(bedrag: str):
    profiel = laad_regio(REGIOS, "assen")
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


def test_vng_2025():
    assert vng_index(Decimal("0.9"), Decimal("4.18"), Decimal("1.82"), Decimal("1.013")) \
        == Decimal("4.957")


def test_vng_methode_op_de_opdrachtregel(regios):
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026", "--ova", "4.18",
                   "--ppc", "1.82", "--nacalculatie", "1.013", "--json")
    assert uit.code == 0, uit.stderr
    resultaat = json.loads(uit.stdout)
    assert resultaat["index"] == "4.957" and resultaat["methode"] == "vng"
    for regel in resultaat["bedragen"]:
        assert Decimal(regel["nieuw"]) == rond_af(Decimal(regel["oud"]) * Decimal("1.04957"))
    opgeslagen = laad_regio(regios, "assen").prijspeilen[2026].indexatie
    assert (opgeslagen.ova, opgeslagen.ppc, opgeslagen.gewicht_loon) == (
        Decimal("4.18"), Decimal("1.82"), Decimal("0.9"))


@pytest.mark.parametrize(("argumenten", "melding"), [
    (["--naar", "2025", "--percentage", "3"], "bestaat al"),
    (["--naar", "2023", "--percentage", "3"], "geen prijspeil vóór 2023"),
    (["--naar", "2026", "--percentage", "25.01"], "buiten"),
    (["--naar", "2026", "--percentage", "-10.5"], "buiten"),
])
def test_geweigerd_en_niets_geschreven(regios, argumenten, melding):
    voor = vingerafdruk(regios)
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", *argumenten)
    assert uit.code == 1 and melding in uit.stderr
    assert vingerafdruk(regios) == voor


def test_ongeldig_profiel_geweigerd(regios):
    pad = regios / "assen/regio.yaml"
    pad.write_text(pad.read_text().replace("percentage: 5", "percentage: 500"))
    voor = vingerafdruk(regios)
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                   "--percentage", "3")
    assert uit.code == 1 and vingerafdruk(regios) == voor


@pytest.mark.parametrize("argumenten", [
    ["--percentage", "3", "--ova", "4"], ["--ova", "4"], [], ["--percentage", "drie"]])
def test_verkeerd_gebruik(regios, argumenten):
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026", *argumenten)
    assert uit.code == 2


def test_mislukt_genereren_laat_geen_prijspeil_achter(regios, tmp_path):
    kapot = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", kapot)
    document = Document(kapot / "indexatiebrief.docx")
    document.add_paragraph("{{ bestaat_niet }}")
    document.save(kapot / "indexatiebrief.docx")
    voor = vingerafdruk(regios)
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026", "--percentage",
                   "3.5", "--genereer", "--sjablonen", str(kapot), "--uitvoer",
                   str(tmp_path / "uit"))
    assert uit.code == 1 and "indexatiebrief.docx" in uit.stderr
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

    voor = vingerafdruk(tmp_path)
    opnieuw = voer_uit(*opdracht)
    assert opnieuw.code == 1
    assert vingerafdruk(tmp_path) == voor
