"""The kenmerk of the social-return overview (what the plan compares to decide whether to make
it again): it changes with everything the overview shows of an aanbieder, and only with that."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contracten.profiel.laden import laad_regio
from contracten.soorten.register import soorten

from .conftest import wijzig_yaml


def _herschreven(regios: Path) -> Path:
    """regios, with aanbieders.yaml and regio.yaml written as `wijzig_yaml` writes them
    (amounts as floats: their text, and so their Decimal, differs from the shipped file)."""
    for bestand in ("aanbieders.yaml", "regio.yaml"):
        wijzig_yaml(regios / "assen" / bestand, lambda data: None)
    return regios


def _kenmerk(regios: Path) -> str:
    profiel = laad_regio(regios, "assen")
    kenmerk = soorten()["socialreturn-overzicht"].kenmerk_alle(profiel,
                                                              profiel.laatste_prijspeil())
    assert kenmerk is not None
    return kenmerk


def _zet(veld: str, waarde: Any):
    def wijziging(data: dict[str, Any]) -> None:
        aanbieder = data["aanbieders"][1]
        *pad, laatste = veld.split(".")
        for deel in pad:
            aanbieder = aanbieder[deel]
        aanbieder[laatste] = waarde
    return wijziging


@pytest.mark.parametrize(("veld", "waarde"), [
    ("naam", "Stichting Twee Thuis"),
    ("jaaromzet", "612400.01"),
    ("aanneemsom", "598000.01"),
    ("voorbeeld", False),
])
def test_wat_het_overzicht_toont_verandert_het_kenmerk(regios, veld, waarde):
    voor = _kenmerk(_herschreven(regios))
    wijzig_yaml(regios / "assen/aanbieders.yaml", _zet(veld, waarde))
    assert _kenmerk(regios) != voor


@pytest.mark.parametrize(("veld", "waarde"), [
    ("contact.telefoon", "0592 799 999"),
    ("contact.naam", "Iemand Anders"),
    ("adres.straat", "Andere Straat 1"),
])
def test_wat_het_overzicht_niet_toont_laat_het_kenmerk(regios, veld, waarde):
    voor = _kenmerk(_herschreven(regios))
    wijzig_yaml(regios / "assen/aanbieders.yaml", _zet(veld, waarde))
    assert _kenmerk(regios) == voor


def test_een_andere_drempel_verandert_het_kenmerk_via_de_rijen(regios):
    """The threshold comes from regio.yaml (whose hash the plan adds itself), but what it makes
    of the rows (obliged or not, the amounts) is in the kenmerk too."""
    voor = _kenmerk(_herschreven(regios))
    wijzig_yaml(regios / "assen/regio.yaml",
                lambda d: d["regels"]["socialreturn"].update(drempel="10000000.00"))
    assert _kenmerk(regios) != voor
