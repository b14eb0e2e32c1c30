"""Odd percelen in a profile: each is refused with file, line and field in plain Dutch, never
with an internal error, and one mistake gives one message (no follow-ups built on a guess)."""

from __future__ import annotations

from .conftest import voer_uit, wijzig_yaml
from .test_percelen import BEIDE, _aanbieder, _melding, _valideer


def test_een_aanbieder_in_een_perceel_waarvan_hij_niets_levert(regios):
    """A third perceel De Eikenhof is bound to without any of its products: refused, not a
    contract without anything in it."""
    def regio(d):
        percelen = d["aanbesteding"]["percelen"]
        percelen[1]["producten"].remove("vervoer-dagbesteding")
        percelen.append({"nummer": 3, "naam": "Vervoer", "bekostigingsvorm": "outputgericht",
                         "producten": ["vervoer-dagbesteding"]})
    wijzig_yaml(regios / "hoogeveld/regio.yaml", regio)

    def aanbieders(d):
        for a in d["aanbieders"]:
            if "vervoer-dagbesteding" in a["producten"]:
                a["producten"].remove("vervoer-dagbesteding")
        _aanbieder(d, "zorgboerderij-de-eikenhof")["percelen"] = [2, 3]
        # Vervoer needs an opdrachtnemer of its own, so that only the binding is wrong.
        _aanbieder(d, "dagcentrum-het-hooiland")["producten"].append("vervoer-dagbesteding")
    wijzig_yaml(regios / "hoogeveld/aanbieders.yaml", aanbieders)
    uit = _valideer(regios)
    _, bericht = _melding(uit, "aanbieders.yaml",
                          "aanbieders[2: zorgboerderij-de-eikenhof].percelen[1]", "perceel_geen")
    assert bericht.startswith("levert niets van perceel 3 (Vervoer)")
    assert "Interne fout" not in uit.stderr


def test_een_perceel_zonder_bekostigingsvorm_noemt_het_perceel(regios):
    def regio(d):
        del d["aanbesteding"]["percelen"][1]["bekostigingsvorm"]
        d.pop("bekostigingsvorm", None)
    wijzig_yaml(regios / "hoogeveld/regio.yaml", regio)
    uit = _valideer(regios)
    _, bericht = _melding(uit, "regio.yaml", "aanbesteding.percelen[1].bekostigingsvorm",
                          "bekostigingsvorm_ontbreekt")
    assert len([r for r in uit.stderr.splitlines() if r.startswith("  hoogeveld/")]) == 1
    assert bericht.startswith("de bekostigingsvorm van perceel 2 ontbreekt")


def test_geen_perceel_en_beide_zijn_twee_verschillende_fouten(regios):
    wijzig_yaml(regios / "hoogeveld/regio.yaml",
                lambda d: d["aanbesteding"].update(percelen=[]))
    _, bericht = _melding(_valideer(regios), "regio.yaml", "aanbesteding", "perceel_ontbreekt")
    assert bericht.startswith("het perceel ontbreekt") and "gevonden" not in bericht
    wijzig_yaml(regios / "assen/regio.yaml", lambda d: d["aanbesteding"].update(
        percelen=[{"nummer": 1, "naam": "Wmo Verblijf"}]))
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    regel = next(r for r in uit.stderr.splitlines() if "[perceel_of_percelen]" in r)
    assert "niet allebei" in regel and "gevonden" not in regel


def test_een_dubbel_perceelnummer_geeft_een_melding(regios):
    wijzig_yaml(regios / "hoogeveld/regio.yaml",
                lambda d: d["aanbesteding"]["percelen"][1].update(nummer=1))
    uit = _valideer(regios)
    assert uit.code == 1
    regels = [r for r in uit.stderr.splitlines() if r.startswith("  hoogeveld/")]
    assert len(regels) == 1 and "[dubbel]" in regels[0] and "percelen[1].nummer" in regels[0]


def test_de_realisatie_telt_aanbieders_niet_contracten(tmp_path):
    """De Veldkamp has two contracts with social return: it is one aanbieder behind."""
    bestand = tmp_path / "r.csv"
    bestand.write_text(f"aanbieder,perceel,jaar,gerealiseerd\n{BEIDE},1,2027,1.00\n"
                       f"{BEIDE},2,2027,1.00\ndagcentrum-het-hooiland,2,2027,1.00\n",
                       encoding="utf-8")
    uit = voer_uit("socialreturn", "hoogeveld", "--realisatie", str(bestand), "--datum",
                   "2028-03-15", "--uitvoer", str(tmp_path / "uit"))
    assert uit.code == 0, uit.stderr
    assert uit.stdout.startswith("2 van 2 verplichte aanbieders lopen achter over 2027")
    overzicht = (tmp_path / "uit/hoogeveld/socialreturn-realisatie/2027/"
                 "socialreturn-realisatie.md").read_text(encoding="utf-8")
    assert "Van de 2 aanbieders met een social-returnverplichting blijven er 2 achter" \
        in overzicht


def test_een_enkele_verplichte_aanbieder_in_het_enkelvoud(tmp_path):
    """Not "Van de 1 aanbieders": one obliged aanbieder is named in the singular."""
    bestand = tmp_path / "r.csv"
    bestand.write_text("aanbieder,perceel,jaar,gerealiseerd\n"
                       "dagcentrum-het-hooiland,2,2027,1.00\n", encoding="utf-8")
    regios = tmp_path / "regios"
    import shutil

    from .conftest import REGIOS
    shutil.copytree(REGIOS / "hoogeveld", regios / "hoogeveld")
    # Only Het Hooiland stays above the threshold.
    wijzig_yaml(regios / "hoogeveld/aanbieders.yaml",
                lambda d: _aanbieder(d, BEIDE).update(jaaromzet=150000.00))
    uit = voer_uit("--regios", str(regios), "socialreturn", "hoogeveld", "--realisatie",
                   str(bestand), "--datum", "2028-03-15", "--uitvoer", str(tmp_path / "uit"))
    assert uit.code == 0, uit.stderr
    overzicht = (tmp_path / "uit/hoogeveld/socialreturn-realisatie/2027/"
                 "socialreturn-realisatie.md").read_text(encoding="utf-8")
    assert ("De enige aanbieder met een social-returnverplichting blijft achter bij zijn "
            "verplichting over 2027.") in overzicht
    assert "Van de 1 aanbieders" not in overzicht
