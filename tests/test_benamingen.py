"""A region names its tariff units in its own words (regio.yaml: benamingen); every document
that shows a unit uses them, and a unit the profile does not know is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import contracten
from contracten.soorten.tabellen import tarieftabel
from tests.conftest import voer_uit, wijzig_yaml


def _dagdeel_van_vier_uur(regios: Path) -> None:
    def wijzig(data):
        data["benamingen"] = {"dagdeel": {"enkelvoud": "dagdeel (4 uur)",
                                          "meervoud": "dagdelen van 4 uur"}}
    wijzig_yaml(regios / "assen/regio.yaml", wijzig)


def _rij(profiel, naam: str) -> list[str]:
    peil = profiel.prijspeilen[2025]
    return next([c.tekst for c in rij] for rij in tarieftabel(profiel, peil, profiel.percelen[0])
                if rij[0].tekst.startswith(naam))


def test_zonder_benaming_het_woord_zelf(regios):
    rij = _rij(contracten.laad_regio(regios / "assen"), "Module dagbesteding")
    assert rij[0] == "Module dagbesteding\n4 tot 6 dagdelen per week"
    assert rij[-1] == "dagdeel"


def test_de_benaming_van_de_regio_in_tabel_en_intensiteit(regios):
    _dagdeel_van_vier_uur(regios)
    profiel = contracten.laad_regio(regios / "assen")
    rij = _rij(profiel, "Module dagbesteding")
    assert rij[0] == "Module dagbesteding\n4 tot 6 dagdelen van 4 uur per week"
    assert rij[-1] == "dagdeel (4 uur)"
    assert _rij(profiel, "Beschermd Wonen - Toezicht")[-1] == "etmaal"  # others unchanged


def test_de_benaming_in_het_programma_van_eisen(regios, tmp_path):
    _dagdeel_van_vier_uur(regios)
    contracten.genereer(contracten.laad_regio(regios / "assen"), uitvoer=tmp_path / "uit",
                        datum=dt.date(2025, 6, 1))
    md = (tmp_path / "uit/assen/2025/programma-van-eisen.md").read_text(encoding="utf-8")
    assert "| Module dagbesteding<br>4 tot 6 dagdelen van 4 uur per week |" in md
    assert "| € 48,50 (voorbeeld) | dagdeel (4 uur) |" in md


def test_een_onbekende_eenheid_in_benamingen_wordt_geweigerd(regios):
    wijzig_yaml(regios / "assen/regio.yaml", lambda data: data.update(
        benamingen={"dagdel": {"enkelvoud": "x", "meervoud": "y"}}))
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    assert "benamingen.dagdel" in uit.stderr and "'dagdeel'" in uit.stderr
