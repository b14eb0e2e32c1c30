"""`valideer` builds contexts only for contracts whose input differs in shape (issue 31): of
aanbieders that differ only in names, numbers, addresses and amounts on the same side of the
region's thresholds, one. Every error a template can reach is still found, also when only one
aanbieder reaches it."""

from __future__ import annotations

import copy
import dataclasses
import shutil
from pathlib import Path

from docx import Document

import contracten
from contracten.opdrachten.invoervorm import drempels, invoervorm

from .conftest import wijzig_yaml

ROOT = Path(__file__).resolve().parent.parent
# An error only a contract without a social-return obligation reaches: `verplicht` is a bool,
# it has no attribute x, so filling fails (StrictUndefined) in that branch alone.
FOUT = "{% if not verplicht %}{{ verplicht.x.y }}{% endif %}"


def _sjablonen_met_fout(tmp_path: Path) -> Path:
    sjablonen = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", sjablonen)
    pad = sjablonen / "socialreturn-brief.docx"
    document = Document(str(pad))
    document.add_paragraph(FOUT)
    document.save(str(pad))
    return sjablonen


def _boven_de_drempel_behalve(regios: Path, uitzondering: str | None) -> None:
    def wijzig(data: dict) -> None:
        for aanbieder in data["aanbieders"]:
            if aanbieder["id"] != uitzondering:
                aanbieder["jaaromzet"] = "900000.00"
            else:
                aanbieder["jaaromzet"] = "1000.00"
    wijzig_yaml(regios / "assen" / "aanbieders.yaml", wijzig)


def _fouten(regios: Path, sjablonen: Path) -> list[contracten.Melding]:
    validatie = contracten.valideer(contracten.laad_regio(regios, "assen"), sjablonen=sjablonen)
    return [m for m in validatie.meldingen if m.bestand == "sjablonen/socialreturn-brief.docx"]


def test_een_fout_die_een_aanbieder_alleen_bereikt_wordt_gevonden(regios, tmp_path):
    """Every aanbieder twice; only one copy is below the threshold, its original above: the
    copy differs from its original in its jaaromzet alone, and it alone reaches the error."""
    sjablonen = _sjablonen_met_fout(tmp_path)
    _verdubbeld(regios)
    _boven_de_drempel_behalve(regios, "klein-maar-fijn-begeleiding-kopie")
    fouten = _fouten(regios, sjablonen)
    assert [m.code for m in fouten] == ["sjabloon_render"], fouten


def test_zonder_die_aanbieder_is_dezelfde_tak_niet_bereikbaar(regios, tmp_path):
    """The control: with every aanbieder above the threshold no case takes the branch."""
    sjablonen = _sjablonen_met_fout(tmp_path)
    _verdubbeld(regios)
    _boven_de_drempel_behalve(regios, None)
    assert _fouten(regios, sjablonen) == []


def _verdubbeld(regios: Path) -> None:
    """Every aanbieder twice: the copy with its own id, name, KvK and AGB number."""
    def wijzig(data: dict) -> None:
        kopieen = []
        for i, aanbieder in enumerate(data["aanbieders"]):
            kopie = copy.deepcopy(aanbieder)
            kopie["id"] = f"{aanbieder['id']}-kopie"
            kopie["naam"] = f"{aanbieder['naam']} (kopie)"
            kopie["kvk"] = f"{80000000 + i}"
            if kopie.get("agb"):
                kopie["agb"] = f"{70000000 + i}"
            kopieen.append(kopie)
        data["aanbieders"] += kopieen
    wijzig_yaml(regios / "assen" / "aanbieders.yaml", wijzig)


def test_aanbieders_die_alleen_in_naam_en_nummers_verschillen_zijn_een_geval(regios):
    enkel = contracten.valideer(contracten.laad_regio(regios, "assen"))
    _verdubbeld(regios)
    profiel = contracten.laad_regio(regios, "assen")
    dubbel = contracten.valideer(profiel)
    assert len(profiel.aanbieders) == 2 * len(enkel.profiel.aanbieders)
    assert dubbel.geldig and enkel.geldig
    assert dubbel.gevallen == enkel.gevallen
    grenzen = drempels(profiel)
    helft = len(profiel.contracten) // 2
    for origineel, kopie in zip(profiel.contracten[:helft], profiel.contracten[helft:],
                                strict=True):
        assert invoervorm(origineel, grenzen) == invoervorm(kopie, grenzen)


def test_een_ander_bedrag_aan_dezelfde_kant_van_de_drempel_is_dezelfde_vorm(regios):
    profiel = contracten.laad_regio(regios, "assen")
    grenzen = drempels(profiel)
    assert grenzen
    contract = profiel.contracten[0]
    a = contract.aanbieder
    drempel = grenzen[0]

    def met(omzet: str) -> object:
        return invoervorm(dataclasses.replace(contract, aanbieder=dataclasses.replace(
            a, jaaromzet=type(a.jaaromzet)(omzet))), grenzen)

    boven, ook_boven = met(str(drempel + 1)), met(str(drempel * 3))
    onder, precies = met(str(drempel - 1)), met(str(drempel))
    assert boven == ook_boven
    assert onder == precies != boven  # social return is owed strictly above the drempel
    # a product more or less is another shape: its tables and articles differ
    assert len(a.producten) > 1
    minder = dataclasses.replace(a, producten=a.producten[:1])
    ander = dataclasses.replace(contract, aanbieder=minder)
    assert invoervorm(ander, grenzen) != invoervorm(contract, grenzen)
