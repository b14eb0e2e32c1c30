"""A tender of several percelen, on the example region Hoogeveld: perceel 1 taakgericht (one
contractpartner with an onderaannemer), perceel 2 outputgericht (three opdrachtnemers, one of
which holds perceel 1 too). Its documents per contract, and the checks of percelen against the
aanbieders, each refused with file, line and field. No LibreOffice needed: the Markdown twins."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from contracten import genereer, laad_regio
from contracten.opmaak import bedrag

from .conftest import REGIOS, voer_uit, wijzig_yaml

DATUM = dt.date(2026, 11, 23)
BEIDE = "stichting-de-veldkamp"  # the contractpartner of perceel 1, opdrachtnemer of perceel 2
CONTRACTEN = [f"perceel-1/{BEIDE}", f"perceel-2/{BEIDE}", "perceel-2/dagcentrum-het-hooiland",
              "perceel-2/zorgboerderij-de-eikenhof"]


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory) -> Path:
    """Read only: Hoogeveld generated once, its prijspeil folder."""
    map_ = tmp_path_factory.mktemp("hoogeveld")
    genereer(laad_regio(REGIOS, "hoogeveld"), uitvoer=map_, datum=DATUM)
    return map_ / "hoogeveld" / "2026"


def _lees(pad: Path) -> str:
    return pad.read_text(encoding="utf-8")


def _deel2(overeenkomst: str) -> str:
    return overeenkomst.split("\n## Deel 2", 1)[1].split("\n## Deel 3", 1)[0]


def test_hoogeveld_heeft_twee_percelen_en_vier_contracten():
    profiel = laad_regio(REGIOS, "hoogeveld")
    assert [(p.nummer, p.naam, p.bekostigingsvorm) for p in profiel.percelen] == [
        (1, "Begeleiding individueel", "taakgericht"), (2, "Dagbesteding", "outputgericht")]
    assert [c.sleutel for c in profiel.contracten] == CONTRACTEN
    eerste = profiel.percelen[0]
    assert eerste.budget == Decimal("3450000.00") and profiel.percelen[1].budget is None
    assert all(p.voorbeeld for p in profiel.percelen)
    assert all(a.voorbeeld for a in profiel.aanbieders)


def test_elk_contract_een_overeenkomst_per_perceel_en_een_programma_van_eisen(uitvoer):
    for sleutel in CONTRACTEN:
        assert (uitvoer / "overeenkomsten" / f"{sleutel}.docx").is_file(), sleutel
        assert (uitvoer / "overeenkomsten" / f"{sleutel}.md").is_file(), sleutel
    assert sorted(p.relative_to(uitvoer / "overeenkomsten").as_posix()
                  for p in (uitvoer / "overeenkomsten").rglob("*.docx")) == sorted(
        f"{s}.docx" for s in CONTRACTEN)
    assert [p.name for p in uitvoer.rglob("programma-van-eisen*.docx")] == [
        "programma-van-eisen.docx"]
    manifest = json.loads(_lees(uitvoer / "manifest.json"))
    assert sum(d["soort"] == "programma-van-eisen" and d["pad"].endswith(".docx")
               for d in manifest["documenten"]) == 1


def test_programma_van_eisen_heeft_een_tariefbijlage_per_perceel(uitvoer):
    pve = _lees(uitvoer / "programma-van-eisen.md")
    bijlage = pve.split("## Bijlage: Budgetten en tarieven", 1)[1]
    # One heading level below the annex (## … ###), one table per perceel.
    een, twee = bijlage.split("\n### Perceel 1 – Begeleiding individueel\n", 1)[1].split(
        "\n### Perceel 2 – Dagbesteding\n", 1)
    assert "Begeleiding basis" in een and "€ 2.150.000,00 (voorbeeld)" in een
    assert "Dagbesteding basis" not in een
    assert "Dagbesteding basis" in twee and "€ 42,75 (voorbeeld)" in twee
    assert "Begeleiding basis" not in twee
    assert "naar schatting € 1.280.000,00 per jaar" in pve  # the estimate of perceel 2


def test_aanbieder_met_beide_percelen_heeft_twee_verschillende_overeenkomsten(uitvoer):
    een = _lees(uitvoer / "overeenkomsten" / "perceel-1" / f"{BEIDE}.md")
    twee = _lees(uitvoer / "overeenkomsten" / "perceel-2" / f"{BEIDE}.md")
    # The perceel's name on the title page, under the kind of contract.
    assert "Begeleiding individueel" in een.split("## Partijen", 1)[0]
    assert "Dagbesteding" in twee.split("## Partijen", 1)[0]
    budget, tarieven = _deel2(een), _deel2(twee)
    assert "Taakgericht budget van het perceel" in budget and "€ 3.450.000,00" in budget
    assert "€ 42,75" not in budget and "Dagbesteding basis" not in budget
    assert "€ 42,75 (voorbeeld)" in tarieven and "€ 61,20 (voorbeeld)" in tarieven
    assert "Taakgericht budget" not in tarieven and "Begeleiding basis" not in tarieven
    # The onderaannemer belongs to perceel 1 only.
    assert "Crisisdienst Hoogeveld B.V." in budget
    for sleutel in CONTRACTEN[1:]:
        assert "Crisisdienst Hoogeveld" not in _lees(uitvoer / "overeenkomsten" / f"{sleutel}.md")


def test_social_return_per_overeenkomst_van_de_aanneemsom_per_perceel(uitvoer):
    profiel = laad_regio(REGIOS, "hoogeveld")
    aanbieder = next(a for a in profiel.aanbieders if a.id == BEIDE)
    per_perceel = aanbieder.aanneemsom_per_perceel
    assert set(per_perceel) == {1, 2}
    with (uitvoer / "socialreturn-overzicht.machine.csv").open(encoding="utf-8", newline="") as f:
        rijen = {(r["id"], int(r["perceel"])): r for r in csv.DictReader(f)}
    assert len(rijen) == len(CONTRACTEN)
    for nummer, aanneemsom in per_perceel.items():
        verwacht = aanneemsom * Decimal("0.05")
        rij = rijen[(BEIDE, nummer)]
        assert (Decimal(rij["aanneemsom"]), Decimal(rij["bedrag"])) == (aanneemsom, verwacht)
        deel2 = _deel2(_lees(uitvoer / "overeenkomsten" / f"perceel-{nummer}" / f"{BEIDE}.md"))
        assert f"aanneemsom over de looptijd van {bedrag(aanneemsom)} (voorbeeld), dat is " \
               f"{bedrag(verwacht)} (voorbeeld) over de looptijd" in deel2
    # Below the threshold: no obligation, social return where possible.
    assert rijen[("zorgboerderij-de-eikenhof", 2)]["verplicht"] == "false"


def test_kenmerken_van_de_brieven_zijn_uniek(uitvoer):
    brieven = sorted((uitvoer / "brieven").rglob("*.md"))
    assert [p.relative_to(uitvoer / "brieven" / "socialreturn").with_suffix("").as_posix()
            for p in brieven] == sorted(CONTRACTEN)
    kenmerken = [re.search(r"Ons kenmerk: (\S+)", _lees(p)).group(1) for p in brieven]
    assert len(set(kenmerken)) == len(kenmerken)
    assert all(k.startswith("HGV/2026/SR/") for k in kenmerken)


def test_regios_toont_de_percelen_met_hun_bekostigingsvorm():
    uit = voer_uit("regios", "--json")
    assert uit.code == 0, uit.stderr
    hoogeveld = next(r for r in json.loads(uit.stdout) if r["regio"] == "hoogeveld")
    assert hoogeveld["bekostigingsvorm"] is None  # the percelen differ: see each
    assert hoogeveld["percelen"] == [
        {"nummer": 1, "naam": "Begeleiding individueel", "bekostigingsvorm": "taakgericht",
         "opdrachtnemers": [BEIDE]},
        {"nummer": 2, "naam": "Dagbesteding", "bekostigingsvorm": "outputgericht",
         "opdrachtnemers": [BEIDE, "dagcentrum-het-hooiland", "zorgboerderij-de-eikenhof"]}]
    assert "hoogeveld: Regio Hoogeveld (taakgericht en outputgericht)" in voer_uit("regios").stdout


def test_opzegging_van_een_aanbieder_met_twee_percelen_kiest_het_perceel(tmp_path):
    basis = ["opzegging", "hoogeveld", "--aanbieder", BEIDE, "--door", "gemeente", "--datum",
             "2027-06-30", "--briefdatum", "2026-12-01", "--uitvoer", str(tmp_path)]
    uit = voer_uit(*basis)
    assert uit.code == 1
    assert "heeft contracten in de percelen 1, 2" in uit.stderr and "[perceel_kiezen]" in uit.stderr
    uit = voer_uit(*basis, "--perceel", "2")
    assert uit.code == 0, uit.stderr
    map_ = tmp_path / "hoogeveld" / "opzeggingen" / "perceel-2" / BEIDE / "2027-06-30"
    assert "opzegging van de overeenkomst Dagbesteding" in _lees(map_ / "opzeggingsbrief.md")


# Bad input: each refused by `valideer` (exit 1) with the file, the line and the field.

def _melding(uit, bestand: str, veld: str, code: str) -> tuple[int, str]:
    """The one line of stderr about `veld` in `bestand` with `code`: its line number and
    message (the format of tests/test_validatie.py: 'regio/bestand:regel: veld: … [code]')."""
    assert uit.code == 1, uit.stdout + uit.stderr
    assert "Traceback" not in uit.stderr
    gevonden = re.findall(rf"^  hoogeveld/{re.escape(bestand)}:(\d+): {re.escape(veld)}: "
                          rf"(.*) \[{code}\]$", uit.stderr, re.M)
    assert len(gevonden) == 1, uit.stderr
    return int(gevonden[0][0]), gevonden[0][1]


def _regel(regios: Path, bestand: str, nummer: int) -> str:
    return (regios / "hoogeveld" / bestand).read_text(encoding="utf-8").splitlines()[nummer - 1]


def _bij_veld(regios: Path, bestand: str, nummer: int, veld: str) -> bool:
    """The line names `veld`, or is the first line of its value (a list or mapping starts on
    the line under its key)."""
    return any(_regel(regios, bestand, n).strip().startswith(f"{veld}:")
               for n in (nummer, nummer - 1))


def _valideer(regios: Path):
    return voer_uit("--regios", str(regios), "valideer", "hoogeveld")


def _aanbieder(data, id_: str) -> dict:
    return next(a for a in data["aanbieders"] if a["id"] == id_)


def test_contractpartner_van_twee_taakgerichte_percelen_boven_de_gunningsbeperking(regios):
    # Perceel 1 split in two taakgerichte percelen, both with De Veldkamp; at most one each.
    def regio(d):
        aanbesteding = d["aanbesteding"]
        aanbesteding["max_percelen_per_opdrachtnemer"] = 1
        een = aanbesteding["percelen"][0]
        een["producten"], een["budget"] = ["begeleiding-basis", "begeleiding-specialistisch"], \
            "3175000.00"
        aanbesteding["percelen"].append({
            "nummer": 3, "naam": "Crisisondersteuning", "bekostigingsvorm": "taakgericht",
            "producten": ["bereikbaarheid-crisis"], "budget": "275000.00", "voorbeeld": True})

    def aanbieders(d):
        veldkamp = _aanbieder(d, BEIDE)
        veldkamp["percelen"] = [1, 3]
        veldkamp["producten"] = ["begeleiding-basis", "begeleiding-specialistisch",
                                 "bereikbaarheid-crisis"]
        veldkamp["aanneemsom_per_perceel"] = {1: "12700000.00", 3: "1100000.00"}

    wijzig_yaml(regios / "hoogeveld/regio.yaml", regio)
    wijzig_yaml(regios / "hoogeveld/aanbieders.yaml", aanbieders)
    uit = _valideer(regios)
    regel, bericht = _melding(uit, "aanbieders.yaml", f"aanbieders[0: {BEIDE}].percelen",
                              "te_veel_percelen")
    assert _bij_veld(regios, "aanbieders.yaml", regel, "percelen")
    assert "heeft 2 percelen (1, 3)" in bericht and "hoogstens 1" in bericht
    assert len(re.findall(r"\[\w+\]$", uit.stderr, re.M)) == 1  # nothing else is wrong


def test_perceel_zonder_opdrachtnemers(regios):
    wijzig_yaml(regios / "hoogeveld/regio.yaml", lambda d: d["aanbesteding"]["percelen"].append(
        {"nummer": 3, "naam": "Vervoer", "bekostigingsvorm": "outputgericht",
         "producten": ["vervoer-dagbesteding"], "voorbeeld": True}))
    uit = _valideer(regios)
    regel, bericht = _melding(uit, "regio.yaml", "aanbesteding.percelen[2]",
                              "perceel_zonder_opdrachtnemers")
    assert _regel(regios, "regio.yaml", regel).strip() == "- nummer: 3"
    assert "perceel 3 (Vervoer) heeft geen opdrachtnemers in aanbieders.yaml" in bericht


def test_aanbieder_in_een_perceel_dat_niet_bestaat(regios):
    wijzig_yaml(regios / "hoogeveld/aanbieders.yaml",
                lambda d: _aanbieder(d, "zorgboerderij-de-eikenhof").update(percelen=[4]))
    uit = _valideer(regios)
    regel, bericht = _melding(uit, "aanbieders.yaml",
                              "aanbieders[2: zorgboerderij-de-eikenhof].percelen[0]",
                              "perceel_onbekend")
    assert _regel(regios, "aanbieders.yaml", regel).strip() == "- 4"
    assert bericht == "perceel 4 bestaat niet (wel: 1, 2)"


def test_budget_bij_een_outputgericht_perceel(regios):
    wijzig_yaml(regios / "hoogeveld/regio.yaml",
                lambda d: d["aanbesteding"]["percelen"][1].update(budget="1280000.00"))
    uit = _valideer(regios)
    regel, bericht = _melding(uit, "regio.yaml", "aanbesteding.percelen[1].budget",
                              "budget_niet_taakgericht")
    assert _regel(regios, "regio.yaml", regel).strip() == "budget: '1280000.00'"
    assert "perceel 2 is outputgericht" in bericht


def test_twee_contractpartners_in_een_taakgericht_perceel(regios):
    def aanbieders(d):
        hooiland = _aanbieder(d, "dagcentrum-het-hooiland")
        hooiland["percelen"] = [1, 2]
        hooiland["producten"].append("begeleiding-basis")

    wijzig_yaml(regios / "hoogeveld/aanbieders.yaml", aanbieders)
    uit = _valideer(regios)
    regel, bericht = _melding(uit, "aanbieders.yaml", "aanbieders[1: dagcentrum-het-hooiland]",
                              "taakgericht_een_partner")
    assert _regel(regios, "aanbieders.yaml", regel).strip() == "- id: dagcentrum-het-hooiland"
    assert f"perceel 1 heeft er 2: {BEIDE}, dagcentrum-het-hooiland" in bericht


def test_aanneemsom_per_perceel_ontbreekt_voor_een_perceel_met_social_return(regios):
    wijzig_yaml(regios / "hoogeveld/aanbieders.yaml",
                lambda d: _aanbieder(d, BEIDE)["aanneemsom_per_perceel"].pop(2))
    uit = _valideer(regios)
    regel, bericht = _melding(uit, "aanbieders.yaml", f"aanbieders[0: {BEIDE}]"
                              ".aanneemsom_per_perceel", "aanneemsom_ontbreekt")
    assert _bij_veld(regios, "aanbieders.yaml", regel, "aanneemsom_per_perceel")
    assert bericht.endswith("maar ontbreekt voor perceel 2")
