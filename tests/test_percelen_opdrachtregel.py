"""The command line in a tender of several percelen: `--perceel` narrows genereer, chooses the
contract of an opzegging, and `regios` shows the percelen with their opdrachtnemers."""

from __future__ import annotations

import json

from .conftest import voer_uit
from .percelen import EEN, TWEE


def test_genereer_met_perceel_maakt_alleen_dat_perceel(percelen_gegenereerd, tmp_path):
    regios, _ = percelen_gegenereerd
    uit = tmp_path / "alleen-2"
    uitkomst = voer_uit("--regios", str(regios), "genereer", "assen", "--perceel", "2",
                        "--aanbieder", TWEE, "--document", "overeenkomst", "--uitvoer",
                        str(uit), "--datum", "2026-11-23", "--json")
    assert uitkomst.code == 0, uitkomst.stderr
    gemaakt = sorted(p.relative_to(uit / "assen/2025").as_posix()
                     for p in uit.rglob("*.docx"))
    assert gemaakt == [f"overeenkomsten/perceel-2/{TWEE}.docx"]
    assert {(d["aanbieder"], d["perceel"]) for d in json.loads(uitkomst.stdout)["documenten"]
            if d["soort"] == "overeenkomst"} == {(TWEE, 2)}
    uitkomst = voer_uit("--regios", str(regios), "genereer", "assen", "--perceel", "2",
                        "--aanbieder", EEN, "--uitvoer", str(uit), "--datum", "2026-11-23")
    assert uitkomst.code == 1 and f"{EEN} heeft geen contract in perceel 2" in uitkomst.stderr


def test_opzegging_vraagt_het_perceel_van_een_aanbieder_met_twee(percelen_gegenereerd):
    regios, uit = percelen_gegenereerd
    opzeggen = ["--regios", str(regios), "opzegging", "assen", "--aanbieder", TWEE, "--datum",
                "2027-03-31", "--briefdatum", "2027-04-01", "--uitvoer", str(uit)]
    uitkomst = voer_uit(*opzeggen)
    assert uitkomst.code == 1
    assert f"{TWEE} heeft contracten in de percelen 1, 2; kies er één met perceel" \
        in uitkomst.stderr
    uitkomst = voer_uit(*opzeggen, "--perceel", "2", "--json")
    assert uitkomst.code == 0, uitkomst.stderr
    data = json.loads(uitkomst.stdout)
    assert (data["aanbieder"], data["perceel"]) == (TWEE, 2)
    assert (uit / f"assen/opzeggingen/perceel-2/{TWEE}/2027-03-31/manifest.json").is_file()
    uitkomst = voer_uit("--regios", str(regios), "opzegging", "assen", "--aanbieder", EEN,
                        "--datum", "2027-03-31", "--briefdatum", "2027-04-01", "--uitvoer",
                        str(uit))
    assert uitkomst.code == 0, uitkomst.stderr  # one contract: no perceel needed
    assert (uit / f"assen/opzeggingen/perceel-1/{EEN}/2027-03-31").is_dir()


def test_definitief_met_perceel(percelen_gegenereerd):
    regios, uit = percelen_gegenereerd
    uitkomst = voer_uit("--regios", str(regios), "definitief", "assen", "--perceel", "1",
                        "--aanbieder", TWEE, "--document", "overeenkomst",
                        "--ook-samenvattingen", "--ook-voorbeelden", "--uitvoer", str(uit),
                        "--datum", "2026-12-01")
    assert uitkomst.code == 0, uitkomst.stderr
    assert f"definitief: overeenkomsten/perceel-1/{TWEE}.docx" in uitkomst.stdout
    assert "1 document definitief" in uitkomst.stdout


def test_agenda_per_contract_met_het_perceel(percelen_gegenereerd, tmp_path):
    regios, uit = percelen_gegenereerd
    assert voer_uit("--regios", str(regios), "opzegging", "assen", "--aanbieder", TWEE,
                    "--perceel", "2", "--datum", "2027-03-31", "--briefdatum", "2027-04-01",
                    "--uitvoer", str(uit)).code == 0
    agenda = ["--regios", str(regios), "agenda", "assen", "--vanaf", "2027-01-01", "--binnen",
              "500", "--uitvoer", str(uit), "--database", str(tmp_path / "r.sqlite")]
    uitkomst = voer_uit(*agenda, "--json", "--ics", str(tmp_path / "a.ics"))
    assert uitkomst.code == 0, uitkomst.stderr
    termijnen = json.loads(uitkomst.stdout)["termijnen"]
    opzegging = [t for t in termijnen if t["soort"] == "opzegging"]
    assert [(t["aanbieder"], t["perceel"]) for t in opzegging] == [(TWEE, 2)] * 3
    assert all("Zorg & Welzijn 'De Brug' B.V., perceel 2" in t["wat"] for t in opzegging)
    assert opzegging[0]["uid"] == f"assen/opzegging/perceel-2/{TWEE}/instroomstop@contracten"
    plannen = {t["perceel"] for t in termijnen if t["soort"] == "socialreturn-rapportage"
               and t["aanbieder"] == TWEE}
    assert plannen == {1, 2}  # social return is owed per contract
    ics = (tmp_path / "a.ics").read_text(encoding="utf-8")
    assert f"UID:assen/opzegging/perceel-2/{TWEE}/instroomstop@contracten" in ics
    assert "perceel 2" in ics
    alleen_1 = json.loads(voer_uit(*agenda, "--perceel", "1", "--json").stdout)["termijnen"]
    assert {t.get("perceel") for t in alleen_1} == {None, 1}
    assert not [t for t in alleen_1 if t["soort"] == "opzegging"]
    assert any(t["soort"] == "indexatie" for t in alleen_1)  # the region's stay
    tekst = voer_uit(*agenda, "--perceel", "2").stdout
    assert "instroomstop: geen nieuwe cliënten meer (Zorg & Welzijn 'De Brug' B.V., perceel 2)" \
        in tekst


def test_regios_met_de_percelen_en_hun_opdrachtnemers(percelen_gegenereerd):
    regios, _ = percelen_gegenereerd
    uitkomst = voer_uit("--regios", str(regios), "regios", "--json")
    assen = next(r for r in json.loads(uitkomst.stdout) if r["regio"] == "assen")
    assert [(p["nummer"], p["naam"], p["bekostigingsvorm"]) for p in assen["percelen"]] == [
        (1, "Beschermd wonen", "outputgericht"), (2, "Thuis en dagbesteding", "outputgericht")]
    een, twee = (set(p["opdrachtnemers"]) for p in assen["percelen"])
    assert TWEE in een & twee and EEN in een - twee
    tekst = voer_uit("--regios", str(regios), "regios").stdout
    assert f"  perceel 1:   Beschermd wonen (outputgericht), {len(een)} opdrachtnemers" in tekst
    assert f"  perceel 2:   Thuis en dagbesteding (outputgericht), {len(twee)} opdrachtnemers" \
        in tekst
