"""`valideer` fills a kind that lists every aanbieder (the social-return overview and the
realisation overview) for the region with at most two aanbieders per input shape, not with every
aanbieder (issue 31). A template error in the row part, reached by one row alone, is still
found; so is one that only a count of more than one aanbieder reaches."""

from __future__ import annotations

import copy
import shutil
from collections import Counter
from pathlib import Path

from docx import Document

import contracten
from contracten.opdrachten.invoervorm import PER_VORM, drempels, invoervorm, vertegenwoordigd

from .conftest import wijzig_yaml

ROOT = Path(__file__).resolve().parent.parent
OVERZICHT = "sjablonen/socialreturn-overzicht.docx"
REALISATIE = "sjablonen/socialreturn-realisatie.docx"
# In the overview's row: only a row without a social-return obligation reaches it (`verplicht`
# is a bool without attribute x: filling fails).
RIJFOUT = "{% if not rij.verplicht %}{{ rij.verplicht.x.y }}{% endif %}"
# In the realisation overview: only more than one obliged aanbieder reaches it.
TELFOUT = "{% if aantal > 1 %}{{ aantal.x.y }}{% endif %}"


def _sjablonen(tmp_path: Path) -> Path:
    sjablonen = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", sjablonen)
    return sjablonen


def _rijfout_in_overzicht(sjablonen: Path) -> None:
    """RIJFOUT in the name cell of the overview's row loop."""
    pad = sjablonen / "socialreturn-overzicht.docx"
    document = Document(str(pad))
    cellen = [c for t in document.tables for r in t.rows for c in r.cells
              if c.text == "{{ rij.naam }}"]
    assert len(cellen) == 1, "de rij van het overzicht is niet gevonden"
    cellen[0].paragraphs[0].add_run(RIJFOUT)
    document.save(str(pad))


def _telfout_in_realisatie(sjablonen: Path) -> None:
    pad = sjablonen / "socialreturn-realisatie.docx"
    document = Document(str(pad))
    document.add_paragraph(TELFOUT)
    document.save(str(pad))


def _verdubbeld(regios: Path, keer: int = 2) -> None:
    """Every aanbieder `keer` times: each copy with its own id, name, KvK and AGB number."""
    def wijzig(data: dict) -> None:
        origineel = list(data["aanbieders"])
        for k in range(1, keer):
            for i, aanbieder in enumerate(origineel):
                kopie = copy.deepcopy(aanbieder)
                kopie["id"] = f"{aanbieder['id']}-kopie{k}"
                kopie["naam"] = f"{aanbieder['naam']} (kopie {k})"
                kopie["kvk"] = f"{80000000 + 100 * k + i}"
                if kopie.get("agb"):
                    kopie["agb"] = f"{70000000 + 100 * k + i}"
                data["aanbieders"].append(kopie)
    wijzig_yaml(regios / "assen" / "aanbieders.yaml", wijzig)


def _omzet(regios: Path, boven: set[str]) -> None:
    """The aanbieders in `boven` above the social-return threshold, all others below it."""
    def wijzig(data: dict) -> None:
        for aanbieder in data["aanbieders"]:
            aanbieder["jaaromzet"] = "900000.00" if aanbieder["id"] in boven else "1000.00"
    wijzig_yaml(regios / "assen" / "aanbieders.yaml", wijzig)


def _meldingen(regios: Path, sjablonen: Path, bestand: str) -> list[contracten.Melding]:
    validatie = contracten.valideer(contracten.laad_regio(regios, "assen"), sjablonen=sjablonen)
    return [m for m in validatie.meldingen if m.bestand == bestand]


def _ids(regios: Path) -> list[str]:
    return [a.id for a in contracten.laad_regio(regios, "assen").aanbieders]


def test_een_fout_in_de_rij_van_het_overzicht_die_een_aanbieder_alleen_bereikt(regios,
                                                                                 tmp_path):
    """Every aanbieder three times, all above the threshold but the third copy of the last:
    only its row reaches the error, and the region holds far more aanbieders than valideer
    fills the overview with."""
    sjablonen = _sjablonen(tmp_path)
    _rijfout_in_overzicht(sjablonen)
    _verdubbeld(regios, 3)
    ids = _ids(regios)
    laatste = ids[-1]
    _omzet(regios, set(ids) - {laatste})
    profiel = contracten.laad_regio(regios, "assen")
    kleiner = vertegenwoordigd(profiel, {}, drempels(profiel))
    assert laatste in [a.id for a in kleiner.aanbieders]
    assert len(kleiner.aanbieders) < len(profiel.aanbieders)
    fouten = _meldingen(regios, sjablonen, OVERZICHT)
    assert [m.code for m in fouten] == ["sjabloon_render"], fouten
    assert "'x'" in fouten[0].bericht


def test_zonder_zo_een_rij_geen_fout_in_het_overzicht(regios, tmp_path):
    """The control: with every aanbieder above the threshold no row takes the branch."""
    sjablonen = _sjablonen(tmp_path)
    _rijfout_in_overzicht(sjablonen)
    _verdubbeld(regios, 3)
    _omzet(regios, set(_ids(regios)))
    assert _meldingen(regios, sjablonen, OVERZICHT) == []


def test_meer_dan_een_verplichte_aanbieder_van_dezelfde_vorm_blijft_meer_dan_een(regios,
                                                                                 tmp_path):
    """Two obliged aanbieders of the same input shape (an aanbieder and its copy), all others
    below the threshold: the realisation overview is filled with both, so its "van de 2
    aanbieders" branch, and the error in it, is reached."""
    sjablonen = _sjablonen(tmp_path)
    _telfout_in_realisatie(sjablonen)
    _verdubbeld(regios)
    eerste = _ids(regios)[0]
    _omzet(regios, {eerste, f"{eerste}-kopie1"})
    fouten = _meldingen(regios, sjablonen, REALISATIE)
    assert [m.code for m in fouten] == ["sjabloon_render"], fouten


def test_een_verplichte_aanbieder_neemt_de_tak_voor_meer_niet(regios, tmp_path):
    """The control: with one obliged aanbieder the branch for more is not taken."""
    sjablonen = _sjablonen(tmp_path)
    _telfout_in_realisatie(sjablonen)
    _verdubbeld(regios)
    _omzet(regios, {_ids(regios)[0]})
    assert _meldingen(regios, sjablonen, REALISATIE) == []


def test_vertegenwoordigd_houdt_elke_invoervorm_en_hoogstens_twee_per_vorm(regios):
    _verdubbeld(regios, 3)
    profiel = contracten.laad_regio(regios, "assen")
    grenzen = drempels(profiel)
    kleiner = vertegenwoordigd(profiel, {}, grenzen)
    alle = Counter(invoervorm(c, grenzen) for c in profiel.contracten)
    over = Counter(invoervorm(c, grenzen) for c in kleiner.contracten)
    assert set(over) == set(alle)
    assert all(over[v] == min(n, PER_VORM) for v, n in alle.items())
    # in the region's order, and the region itself untouched
    assert [a.id for a in kleiner.aanbieders] == [a.id for a in profiel.aanbieders
                                                  if a in kleiner.aanbieders]
    assert len(kleiner.contracten) < len(profiel.contracten)
    assert kleiner.contractnummers != profiel.contractnummers


def test_een_gewone_regio_valideert_nog_met_elk_overzicht(regios):
    """assen as shipped: valid, with both overviews filled."""
    validatie = contracten.valideer(contracten.laad_regio(regios, "assen"))
    assert validatie.geldig, validatie.meldingen
