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


# 2. An advance notice announces; it calls nothing a shortfall and asks for no catch-up.

def test_de_vooraankondiging_noemt_geen_tekort_en_vraagt_niet_om_inhalen(tmp_path):
    uit = _realisatie(REGIOS, "assen", "2026-12-05", tmp_path / "uit", ASSEN_2026,
                      "--vooraankondiging")
    assert uit.code == 0, uit.stderr
    brief = _herinnering(tmp_path / "uit", "stichting-westerhof")
    assert "Onderwerp: vooraankondiging verantwoording social return 2026" in brief
    assert "| **Contractjaar** | **Verplichting** | **Gerealiseerd** | **Nog te realiseren** |" \
        in brief
    assert "| 2026 | € 3.125,00 (voorbeeld) | € 1.000,00 | € 2.125,00 (voorbeeld) |" in brief
    assert "Uw verantwoording over 2026 is nog niet verschuldigd" in brief
    # The contract year as art. 1.9.1 counts it (it ends on 31 December, not on the due date),
    # and when the verantwoording is due (1.9.4).
    assert ("Het contractjaar 2026 loopt tot en met 31 december 2026; voor 2026 telt wat u tot "
            "en met die dag realiseert (artikel 1.9.1 van de overeenkomst). Uw verantwoording "
            "over 2026 verwachten wij uiterlijk op 31 maart 2027 (artikel 1.9.4 van de "
            "overeenkomst).") in brief
    for fout in ("Volgens de verantwoording die wij tot nu toe van u ontvingen",
                 "tot die dag kunt u", "een tekort van", "hoe en wanneer", "Tekort",
                 "in te halen. Wij verzoeken", "2 januari 2027"):
        assert fout not in brief, fout
    esch = _herinnering(tmp_path / "uit", "stichting-de-esch")
    assert "| 2026 | € 3.515,63 (voorbeeld) | nog niet verantwoord | € 3.515,63 (voorbeeld) |" \
        in esch


def test_een_voorbij_contractjaar_is_nog_te_verantwoorden(tmp_path):
    uit = _realisatie(REGIOS, "assen", "2027-02-01", tmp_path / "uit", ASSEN_2026,
                      "--vooraankondiging")
    assert uit.code == 0, uit.stderr
    brief = _herinnering(tmp_path / "uit", "stichting-westerhof")
    assert "| **Nog te verantwoorden** |" in brief
    assert ("Het contractjaar 2026 liep tot en met 31 december 2026; voor 2026 telt wat u tot en "
            "met die dag realiseerde") in brief
    assert "Tekort" not in brief and "nog te realiseren" not in brief.lower()


def test_herinnering_en_vooraankondiging_in_een_brief_zeggen_per_bedrag_wat_het_is(tmp_path):
    regels = ASSEN_2026 + "stichting-westerhof,2027,1000.00\n"
    uit = _realisatie(REGIOS, "assen", "2027-12-01", tmp_path / "uit", regels,
                      "--vooraankondiging")
    assert uit.code == 0, uit.stderr
    brief = _herinnering(tmp_path / "uit", "stichting-westerhof", 2027)
    assert "Onderwerp: herinnering en vooraankondiging social return 2026 en 2027" in brief
    assert "| **Tekort of nog te realiseren** |" in brief
    assert "| 2026 | € 3.125,00 (voorbeeld) | € 1.000,00 | tekort: € 2.125,00 (voorbeeld) |" \
        in brief
    assert ("| 2027 | € 3.125,00 (voorbeeld) | € 1.000,00 | nog te realiseren: € 2.125,00 "
            "(voorbeeld) |") in brief
    assert "het tekort over 2026 van € 2.125,00 (voorbeeld) toe te lichten" in brief
    assert "Het contractjaar 2027 loopt tot en met 31 december 2027" in brief


# 3. The reminder sets a term to explain and one to make up the shortfall (art. 1.9.5).

def test_de_herinnering_stelt_een_termijn_om_te_reageren_en_een_om_in_te_halen(tmp_path):
    uit = _realisatie(REGIOS, "assen", "2027-04-01", tmp_path / "uit", ASSEN_2026)
    assert uit.code == 0, uit.stderr
    brief = _herinnering(tmp_path / "uit", "stichting-westerhof")
    assert ("Met deze brief stellen wij u in de gelegenheid het tekort over 2026 van € 2.125,00 "
            "(voorbeeld) toe te lichten en in te halen. Wij verzoeken u ons binnen vier weken na "
            "de datum van deze brief, uiterlijk op 29 april 2027, te laten weten hoe en wanneer "
            "u het tekort inhaalt") in brief
    assert ("Voor het inhalen geven wij u drie maanden na de datum van deze brief: het tekort "
            "moet uiterlijk op 1 juli 2027 zijn ingehaald.") in brief
    assert ("Blijft het tekort na 1 juli 2027 bestaan, dan kunnen wij volgens artikel 1.9 van de "
            "overeenkomst het niet gerealiseerde deel") in brief
    assert brief.count("in de gelegenheid") == 1
    assert "Hebt u vragen over deze brief" in brief
    assert "heeft u" not in brief.lower()  # 'hebt u', as in the other letters

    zes = _realisatie(REGIOS, "assen", "2027-04-01", tmp_path / "zes", ASSEN_2026,
                      "--inhaaltermijn", "6")
    assert zes.code == 0, zes.stderr
    brief = _herinnering(tmp_path / "zes", "stichting-westerhof")
    assert "geven wij u zes maanden na de datum van deze brief: het tekort moet uiterlijk op " \
           "1 oktober 2027 zijn ingehaald" in brief


def test_een_inhaaltermijn_die_niet_na_de_antwoordtermijn_eindigt_wordt_geweigerd(tmp_path):
    uit = _realisatie(REGIOS, "assen", "2027-04-01", tmp_path / "uit", ASSEN_2026,
                      "--inhaaltermijn", "1", "--reactietermijn", "6")
    assert uit.code == 1 and "[inhaaltermijn_te_kort]" in uit.stderr
    assert ("een inhaaltermijn van één maand eindigt op 2027-05-01, niet na de antwoordtermijn "
            "van zes weken (2027-05-13)") in uit.stderr
    assert not (tmp_path / "uit").exists()
    assert _realisatie(REGIOS, "assen", "2027-04-01", tmp_path / "nul", ASSEN_2026,
                       "--inhaaltermijn", "0").code == 2


# 4. The letter says the consequence once, spells the obligation one way, reads right on any
# date and puts no two brackets in a row.

def test_de_social_returnbrief_zegt_alles_een_keer_en_klopt_op_elke_datum(tmp_path):
    uit = voer_uit("--regios", str(REGIOS), "socialreturn", "assen", "--datum", "2026-12-05",
                   "--uitvoer", str(tmp_path))
    assert uit.code == 0, uit.stderr
    brieven = sorted((tmp_path / "assen/2025/brieven/socialreturn").glob("*.md"))
    assert len(brieven) == 14
    for pad in brieven:
        brief = _lees(pad)
        for fout in ("kan een sanctie worden opgelegd", "Social Returnverplichting",
                     "spoedig mogelijk", "gunning", ") ("):
            assert fout not in brief, (pad.name, fout)
    brief = _lees(tmp_path / "assen/2025/brieven/socialreturn/stichting-het-anker.md")
    assert brief.count("sanctie") == 0 and brief.count("kunnen wij volgens artikel 1.9") == 1
    assert "U bent zelf verantwoordelijk voor het nakomen van uw social-returnverplichting." \
        in brief
    assert ("Blijft de realisatie achter, dan kunnen wij volgens artikel 1.9 van de overeenkomst, "
            "nadat wij u in de gelegenheid hebben gesteld het tekort toe te lichten, het niet "
            "gerealiseerde deel van de verplichting in rekening brengen of verrekenen met de "
            "laatste betaling, als het tekort niet binnen een daarvoor gestelde redelijke termijn "
            "is ingehaald (voorbeeld).") in brief
    hoogeveld = voer_uit("--regios", str(REGIOS), "socialreturn", "hoogeveld", "--datum",
                         "2026-12-05", "--uitvoer", str(tmp_path))
    assert hoogeveld.code == 0, hoogeveld.stderr
    for pad in (tmp_path / "hoogeveld/2026/brieven/socialreturn").glob("*/*.md"):
        brief = _lees(pad)
        assert "sanctie" not in brief and ") (" not in brief, pad.name


# 5. The overview's amount per contract year agrees with the letter's last year.

def test_het_overzicht_noemt_het_laatste_jaar_als_dat_afwijkt(tmp_path):
    uit = voer_uit("--regios", str(REGIOS), "socialreturn", "assen", "--datum", "2026-12-05",
                   "--uitvoer", str(tmp_path))
    assert uit.code == 0, uit.stderr
    overzicht = _lees(tmp_path / "assen/2025/socialreturn-overzicht.md")
    assert ("| € 15.432,10 (voorbeeld); laatste jaar € 15.432,09 (voorbeeld) | € 61.728,39 "
            "(voorbeeld) |") in overzicht
    assert "| € 7.475,00 (voorbeeld) | € 29.900,00 (voorbeeld) |" in overzicht  # all equal
    brief = _lees(tmp_path / "assen/2025/brieven/socialreturn/zorg-welzijn-de-brug.md")
    assert "| 1 januari 2029 tot en met 31 december 2029 | € 15.432,09 (voorbeeld) |" in brief
    csv = _lees(tmp_path / "assen/2025/socialreturn-overzicht.machine.csv").splitlines()
    assert "per_jaar,laatste_jaar,bedrag" in csv[0]
    assert any(r.startswith("zorg-welzijn-de-brug,") and ",15432.10,15432.09,61728.39," in r
               for r in csv)


# 6. Counted in the unit the rows are: contracts where an aanbieder holds several percelen.

def test_op_het_scherm_tellen_contracten_en_aanbieders_apart(tmp_path):
    uit = voer_uit("--regios", str(REGIOS), "socialreturn", "hoogeveld", "--datum",
                   "2026-12-05", "--uitvoer", str(tmp_path))
    assert uit.code == 0, uit.stderr
    assert uit.stdout.startswith("3 van 4 contracten zijn verplicht (2 van 3 aanbieders); ")
    assen = voer_uit("--regios", str(REGIOS), "socialreturn", "assen", "--datum", "2026-12-05",
                     "--uitvoer", str(tmp_path))
    assert assen.stdout.startswith("8 van 14 aanbieders zijn verplicht; ")


# 7. "(voorbeeld)" marks the letters' signatory as the addendum and the overeenkomst do.

def test_de_ondertekening_van_de_brieven_is_gemarkeerd_zoals_in_het_addendum(regios, tmp_path):
    uit = voer_uit("--regios", str(REGIOS), "socialreturn", "assen", "--datum", "2026-12-05",
                   "--uitvoer", str(tmp_path))
    assert uit.code == 0, uit.stderr
    for pad in (tmp_path / "assen/2025/brieven/socialreturn").glob("*.md"):
        assert _lees(pad).rstrip().endswith(
            "mr. A.B. de Vries (voorbeeld)\n\nteammanager Inkoop Sociaal Domein (voorbeeld)"), pad
    assert _realisatie(REGIOS, "assen", "2027-04-01", tmp_path / "r", ASSEN_2026).code == 0
    assert _herinnering(tmp_path / "r", "stichting-westerhof").rstrip().endswith(
        "teammanager Inkoop Sociaal Domein (voorbeeld)")
    addendum = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                        "--percentage", "3.5", "--datum", "2025-11-20", "--genereer",
                        "--uitvoer", str(tmp_path / "i"))
    assert addendum.code == 0, addendum.stderr
    tekst = _lees(tmp_path / "i/assen/2026/addenda/zorg-welzijn-de-brug.md")
    assert "teammanager Inkoop Sociaal Domein (voorbeeld)" in tekst
    brief = _lees(tmp_path / "i/assen/2026/brieven/indexatie/zorg-welzijn-de-brug.md")
    assert brief.rstrip().endswith("teammanager Inkoop Sociaal Domein (voorbeeld)")
