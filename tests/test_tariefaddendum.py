"""The addendum that goes with the indexatiebrief: Deel 2 as indexed, for both parties to sign."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import contracten

from .conftest import REGIOS, indexeer_tot

DATUM = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def geindexeerd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    basis = tmp_path_factory.mktemp("addendum")
    shutil.copytree(REGIOS, basis / "regios")
    for regio, naar in (("assen", 2026), ("amersfoort", 2027)):
        indexeer_tot(basis / "regios", regio, naar, ova=Decimal("4.18"), ppc=Decimal("1.82"),
                     nacalculatie=Decimal("1.013"), genereren=True, datum=DATUM,
                     uitvoer=basis / "uit")
    return basis / "uit"


def _tabel(md: str) -> list[str]:
    return [r for r in md.splitlines() if r.startswith("| ") and "**" not in r]


def test_elk_addendum_hoort_bij_zijn_brief(geindexeerd):
    profiel = contracten.laad_regio(REGIOS, "assen")
    for aanbieder in profiel.aanbieders:
        brief = (geindexeerd / f"assen/2026/brieven/indexatie/{aanbieder.id}.md").read_text("utf-8")
        addendum = (geindexeerd / f"assen/2026/addenda/{aanbieder.id}.md").read_text("utf-8")
        nummer = re.search(r"Ons kenmerk: ASN/2026/IDX/(\d{4})", brief).group(1)
        assert f"Ons kenmerk: ASN/2026/ADD/{nummer}" in addendum
        # The same amounts as the letter, as the new Deel 2 (old column 'was', new 'wordt').
        assert _tabel(addendum) == _tabel(brief) and _tabel(addendum)
        assert "Bijlage(n): addendum bij de overeenkomst (Deel 2, prijspeil 2026)" in brief
        assert "Zij vervangen de bedragen van prijspeil 2025 in Deel 2 van de overeenkomst." \
            in addendum
        assert "Voor het overige blijft de overeenkomst ongewijzigd." in addendum
        # The parties as the overeenkomst states them (its comparitie, test_ondertekenbaar).
        assert f"Handelsregister onder KvK-nummer {aanbieder.kvk}" in addendum
        assert addendum.count("Handtekening: ") == 2  # both parties sign


def test_taakgericht_addendum_toont_alleen_het_budget(geindexeerd):
    addendum = (geindexeerd / "amersfoort/2027/addenda/stichting-samen-eemland.md").read_text(
        encoding="utf-8")
    assert _tabel(addendum) == [
        "| Taakgericht budget Wmo begeleiding en beschermd wonen | per jaar | "
        "€ 60.314.252,41 (voorbeeld) | € 63.305.839,33 (voorbeeld) |"]  # 3 × 3,5 %, then 4,96 %
    assert "Deel 2: het taakgerichte budget per 1 januari 2027" in addendum


def test_geen_addendum_zonder_indexatie(assen_eenmaal_gegenereerd):
    # The shipped 2025 prijspeil was not made by indexeer: no letter, so no addendum either.
    map_ = assen_eenmaal_gegenereerd / "assen/2025"
    assert (map_ / "overeenkomsten").is_dir()
    assert not (map_ / "addenda").exists() and not (map_ / "brieven/indexatie").exists()
