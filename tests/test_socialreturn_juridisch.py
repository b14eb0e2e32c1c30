"""What a lawyer found in the social-return documents: one last day for the verantwoording in
contract, agenda and letters; an advance notice that announces instead of reminding; a reminder
that sets both a term to explain and one to make up the shortfall (art. 1.9.5); letters without
doubled or dated sentences; amounts and counts that agree. Each test reads the documents' text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .conftest import REGIOS, voer_uit, wijzig_yaml

D = dt.date
ASSEN_2026 = "aanbieder,jaar,gerealiseerd\nstichting-westerhof,2026,1000.00\n"


def _lees(pad: Path) -> str:
    return pad.read_text(encoding="utf-8")


def _realisatie(regios: Path, regio: str, datum: str, uit: Path, regels: str, *extra: str):
    bestand = uit.parent / f"{uit.name}.csv"
    bestand.write_text(regels, encoding="utf-8")
    return voer_uit("--regios", str(regios), "socialreturn", regio, "--realisatie",
                    str(bestand), "--datum", datum, "--uitvoer", str(uit), *extra)


def _herinnering(uit: Path, aanbieder: str, jaar: int = 2026, regio: str = "assen") -> str:
    return _lees(uit / f"{regio}/socialreturn-realisatie/{jaar}/herinneringen/{aanbieder}.md")


# 1. "vóór 1 april" is uiterlijk op 31 maart: in the agenda, the letters and the refusal.

def test_agenda_vooraankondiging_en_weigering_noemen_dezelfde_laatste_dag(tmp_path):
    agenda = voer_uit("--regios", str(REGIOS), "agenda", "assen", "--vanaf", "2027-03-01",
                      "--binnen", "60", "--uitvoer", str(tmp_path / "leeg"), "--database",
                      str(tmp_path / "r.sqlite"))
    assert agenda.code == 0, agenda.stderr
    regels = [r for r in agenda.stdout.splitlines() if "verantwoording social return" in r]
    assert regels and all(r.strip().startswith("31 maart 2027") for r in regels)
    assert "1 april 2027" not in agenda.stdout

    uit = _realisatie(REGIOS, "assen", "2026-12-05", tmp_path / "vooraf", ASSEN_2026,
                      "--vooraankondiging")
    assert uit.code == 0, uit.stderr
    brief = _herinnering(tmp_path / "vooraf", "stichting-de-esch")
    assert "op 31 maart 2027" in brief and "1 april" not in brief

    # On the last day itself the report can still arrive: no reminder yet; the day after, yes.
    geweigerd = _realisatie(REGIOS, "assen", "2027-03-31", tmp_path / "op", ASSEN_2026)
    assert geweigerd.code == 1
    assert "de verantwoording over 2026 moet uiterlijk 2027-03-31 binnen zijn" \
        in geweigerd.stderr
    assert _realisatie(REGIOS, "assen", "2027-04-01", tmp_path / "na", ASSEN_2026).code == 0
    assert "Onderwerp: herinnering social return 2026" in _herinnering(tmp_path / "na",
                                                                        "stichting-de-esch")


def test_hoogeveld_vóór_1_maart_is_het_einde_van_februari(tmp_path):
    regels = "aanbieder,perceel,jaar,gerealiseerd\ndagcentrum-het-hooiland,2,2028,1.00\n"
    uit = _realisatie(REGIOS, "hoogeveld", "2028-12-01", tmp_path / "uit", regels,
                      "--vooraankondiging")
    assert uit.code == 0, uit.stderr
    brief = _herinnering(tmp_path / "uit", "perceel-2/dagcentrum-het-hooiland", 2028,
                         "hoogeveld")
    assert "op 28 februari 2029" in brief and "1 maart" not in brief


def test_valideer_waarschuwt_voor_de_dag_waarvoor_de_verantwoording_binnen_moet_zijn(regios):
    schoon = voer_uit("--regios", str(REGIOS), "valideer", "assen", "hoogeveld")
    assert schoon.code == 0 and "Let op" not in schoon.stderr
    wijzig_yaml(regios / "assen/overeenkomst.yaml",
                lambda d: d["socialreturn"].update(rapportage_vanaf=D(2027, 4, 1)))
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    # A warning, not an error: the profile of an earlier release keeps loading and validating.
    assert uit.code == 0 and "assen: geldig" in uit.stdout
    assert ("Let op: assen/overeenkomst.yaml:" in uit.stderr
            and "socialreturn.rapportage_vanaf: 2027-04-01 is de dag waarvóór de verantwoording "
                "binnen moet zijn (rapportage: 'vóór 1 april')" in uit.stderr
            and "Bedoelt u 2027-03-31 (31 maart 2027)?" in uit.stderr
            and "[rapportage_vanaf_dag_te_laat]" in uit.stderr), uit.stderr
    assert voer_uit("--regios", str(regios), "socialreturn", "assen", "--datum", "2026-12-05",
                    "--uitvoer", str(regios.parent / "uit")).code == 0
