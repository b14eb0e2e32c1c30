"""Letters that can be sent (issue 27, item 5): no due date before the letter's own date, a
reminder only after the report was due (else refused, or an advance notice), one voice, no
enclosure that is not enclosed, amounts that say what they are, counts that agree in number, and
a term for returning the signed addendum."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx import Document

from contracten.opmaak import datum as als_datum
from contracten.opmaak import weken
from contracten.rekenen.realisatie import verantwoording_uiterlijk
from contracten.rekenen.termijnregel import na_weken

from .conftest import REGIOS, voer_uit, wijzig_yaml

D = dt.date
UITERLIJK = re.compile(r"uiterlijk op (\d{1,2}) ([a-z]+) (\d{4})")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def _datums_na_uiterlijk(tekst: str) -> list[dt.date]:
    """Every date a letter names as a deadline ("uiterlijk op 2 januari 2027")."""
    return [D(int(j), MAANDEN.index(m) + 1, int(d)) for d, m, j in UITERLIJK.findall(tekst)]


def _lees(pad: Path) -> str:
    return pad.read_text(encoding="utf-8")


def _socialreturn(regios: Path, regio: str, datum: str, uit: Path, *extra: str):
    return voer_uit("--regios", str(regios), "socialreturn", regio, "--datum", datum,
                    "--uitvoer", str(uit), *extra)


def test_een_antwoordtermijn_telt_hele_weken_na_dagtekening():
    assert na_weken(D(2026, 12, 5), 4) == D(2027, 1, 2)  # a Saturday: shown, never moved
    assert na_weken(D(2027, 4, 15), 1) == D(2027, 4, 22)
    assert (weken(1), weken(4), weken(13)) == ("één week", "vier weken", "13 weken")
    with pytest.raises(ValueError):
        na_weken(D(2026, 1, 1), 0)


@pytest.mark.parametrize("datum", ["2026-12-05", "2026-04-01", "2025-12-01"])
def test_de_social_returnbrief_noemt_geen_uiterste_datum_voor_zijn_eigen_datum(tmp_path, datum):
    uit = _socialreturn(REGIOS, "assen", datum, tmp_path)
    assert uit.code == 0, uit.stderr
    briefdatum = D.fromisoformat(datum)
    for pad in (tmp_path / "assen/2025/brieven/socialreturn").glob("*.md"):
        brief = _lees(pad)
        assert all(d > briefdatum for d in _datums_na_uiterlijk(brief)), pad.name
    brief = _lees(tmp_path / "assen/2025/brieven/socialreturn/zorg-welzijn-de-brug.md")
    if briefdatum >= D(2026, 4, 1):  # the plan van aanpak was due on 1 April 2026
        termijn = na_weken(briefdatum, 4)
        assert ("Hebt u nog geen plan van aanpak ter goedkeuring aan ons voorgelegd, doe dat dan "
                "binnen vier weken na dagtekening van deze brief, uiterlijk op "
                f"{als_datum(termijn)}.") in brief
        assert "uiterlijk op 1 april 2026" not in brief
    else:
        assert "U legt uiterlijk op 1 april 2026 (voorbeeld) een plan van aanpak" in brief


def test_de_social_returnbrief_spreekt_een_taal_en_zegt_wat_de_bedragen_zijn(tmp_path):
    assert _socialreturn(REGIOS, "hoogeveld", "2026-12-05", tmp_path).code == 0
    brief = _lees(tmp_path / "hoogeveld/2026/brieven/socialreturn/perceel-1/"
                             "stichting-de-veldkamp.md")
    assert ("de verplichting is 5 % (voorbeeld) van de aanneemsom exclusief btw over de looptijd "
            "(€ 13.800.000,00 (voorbeeld))") in brief
    assert "Uw social-returnverplichting bedraagt € 690.000,00 (voorbeeld) over de looptijd" \
        in brief
    assert ("Blijft de realisatie achter, dan kunnen wij volgens artikel 1.9 van de overeenkomst, "
            "nadat wij u in de gelegenheid hebben gesteld het tekort toe te lichten, het deel van "
            "de verplichting dat niet is ingevuld in rekening brengen, als het tekort niet binnen "
            "een daarvoor gestelde redelijke termijn is ingehaald") in brief
    assert brief.count("in de gelegenheid") == 1
    assert "Opdrachtnemer" not in brief and "Opdrachtgever" not in brief
    # The plan van aanpak has one date (1 April 2027), not a second, competing term.
    assert "U legt uiterlijk op 1 april 2027 (voorbeeld) een plan van aanpak" in brief
    assert "na de gunning" not in brief


def test_noemt_het_gevolg_een_partij_dan_verwijst_de_brief_naar_het_artikel(regios, tmp_path):
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d["socialreturn"].update(
        sanctie="het tekort verrekenen, na Opdrachtnemer te hebben gehoord"))
    assert _socialreturn(regios, "assen", "2026-01-05", tmp_path).code == 0
    brief = _lees(tmp_path / "assen/2025/brieven/socialreturn/zorg-welzijn-de-brug.md")
    assert ("Blijft de realisatie achter, dan kunnen wij de gevolgen toepassen die artikel 1.9 "
            "van de overeenkomst aan een tekort verbindt.") in brief
    assert "Opdrachtnemer" not in brief


def test_geen_verwijzing_naar_een_bijlage_die_er_niet_bij_zit(tmp_path):
    assert _socialreturn(REGIOS, "assen", "2026-12-05", tmp_path).code == 0
    for pad in (tmp_path / "assen/2025/brieven/socialreturn").glob("*.docx"):
        tekst = "\n".join(p.text for p in Document(pad).paragraphs)
        assert "Bijlage(n): geen" in tekst
        assert not re.search(r"\b[Dd]e bijlage\b", tekst), pad.name


def test_deel_2_zegt_of_de_aanneemsom_over_de_looptijd_of_per_jaar_geldt(regios, tmp_path):
    wijzig_yaml(regios / "hoogeveld/regio.yaml",
                lambda d: d["regels"]["socialreturn"].update(aanneemsom_per="jaar"))
    uit = voer_uit("--regios", str(regios), "genereer", "hoogeveld", "--document",
                   "overeenkomst", "--datum", "2026-12-05", "--uitvoer", str(tmp_path))
    assert uit.code == 0, uit.stderr
    deel2 = _lees(tmp_path / "hoogeveld/2026/overeenkomsten/perceel-2/"
                             "dagcentrum-het-hooiland.md")
    assert ("bedraagt per contractjaar 5 % (voorbeeld) van de aanneemsom per contractjaar van "
            "€ 1.880.000,00 (voorbeeld): € 94.000,00 (voorbeeld) vanaf 1 januari 2027") in deel2


def _realisatie(regios: Path, regio: str, datum: str, uit: Path, regels: str, *extra: str):
    bestand = uit.parent / f"{uit.name}.csv"
    bestand.write_text(regels, encoding="utf-8")
    return voer_uit("--regios", str(regios), "socialreturn", regio, "--realisatie",
                    str(bestand), "--datum", datum, "--uitvoer", str(uit), *extra)


ASSEN_2026 = "aanbieder,jaar,gerealiseerd\nstichting-westerhof,2026,1000.00\n"


def test_de_verantwoording_is_verschuldigd_zoals_de_overeenkomst_zegt():
    # Assen, "vóór 1 april" (art. 1.9.4): the first report by 31 March 2027 (the last day,
    # inclusive), then every year a year later.
    assert verantwoording_uiterlijk(D(2026, 1, 1), D(2029, 12, 31), D(2027, 3, 31)) == {
        2026: D(2027, 3, 31), 2027: D(2028, 3, 31), 2028: D(2029, 3, 31), 2029: D(2030, 3, 31)}
    # "vóór 1 maart": the end of February stays the end of February (the one rule for
    # termijnen), from a leap day and to one.
    assert verantwoording_uiterlijk(D(2027, 1, 1), D(2031, 12, 31), D(2028, 2, 29)) == {
        2027: D(2028, 2, 29), 2028: D(2029, 2, 28), 2029: D(2030, 2, 28), 2030: D(2031, 2, 28),
        2031: D(2032, 2, 29)}
    assert verantwoording_uiterlijk(D(2026, 1, 1), D(2026, 12, 31), D(2027, 2, 28))[2026] == \
        D(2027, 2, 28)
    assert verantwoording_uiterlijk(D(2026, 1, 1), D(2027, 12, 31), D(2027, 2, 28))[2027] == \
        D(2028, 2, 29)
    # Without a date in the overeenkomst: not before the contract year is over.
    assert verantwoording_uiterlijk(D(2026, 7, 1), D(2027, 12, 31), None) == {
        2026: D(2027, 6, 30), 2027: D(2027, 12, 31)}


@pytest.mark.parametrize(("regio", "datum", "uiterlijk"), [
    ("assen", "2026-12-05", "2027-03-31"), ("assen", "2027-03-31", "2027-03-31"),
    ("hoogeveld", "2028-02-29", "2028-02-29")])
def test_een_herinnering_voor_de_uiterste_datum_wordt_geweigerd(tmp_path, regio, datum,
                                                                 uiterlijk):
    regels = ASSEN_2026 if regio == "assen" else \
        "aanbieder,perceel,jaar,gerealiseerd\ndagcentrum-het-hooiland,2,2027,1.00\n"
    uit = _realisatie(REGIOS, regio, datum, tmp_path / "uit", regels)
    assert uit.code == 1 and "[herinnering_te_vroeg]" in uit.stderr
    jaar = "2026" if regio == "assen" else "2027"
    assert f"de verantwoording over {jaar} moet uiterlijk {uiterlijk} binnen zijn" in uit.stderr
    assert "--vooraankondiging" in uit.stderr and f"gedateerd {datum}" in uit.stderr
    assert not (tmp_path / "uit").exists()


def test_de_dag_na_de_uiterste_datum_is_het_een_herinnering(tmp_path):
    uit = _realisatie(REGIOS, "assen", "2027-04-01", tmp_path / "uit", ASSEN_2026)
    assert uit.code == 0, uit.stderr
    brief = _lees(tmp_path / "uit/assen/socialreturn-realisatie/2026/herinneringen/"
                             "stichting-de-esch.md")
    assert "Onderwerp: herinnering social return 2026" in brief
    assert "Over 2026 hebben wij geen verantwoording van u ontvangen" in brief
    assert ("binnen vier weken na de datum van deze brief, uiterlijk op 29 april 2027, te laten "
            "weten") in brief
    assert brief.count("in de gelegenheid") == 1 and "Opdrachtnemer" not in brief


def test_met_vooraankondiging_zegt_de_brief_wat_wij_uiterlijk_verwachten(tmp_path):
    uit = _realisatie(REGIOS, "assen", "2026-12-05", tmp_path / "uit", ASSEN_2026,
                      "--vooraankondiging")
    assert uit.code == 0, uit.stderr
    map_ = tmp_path / "uit/assen/socialreturn-realisatie/2026"
    brief = _lees(map_ / "herinneringen/stichting-de-esch.md")
    assert "Onderwerp: vooraankondiging verantwoording social return 2026" in brief
    assert "Uw verantwoording over 2026 verwachten wij uiterlijk op 31 maart 2027" in brief
    assert "| 2026 | € 3.515,63 (voorbeeld) | nog niet verantwoord |" in brief
    assert "geen verantwoording van u ontvangen" not in brief and "herinnering" not in brief
    assert all(d > D(2026, 12, 5) for d in _datums_na_uiterlijk(brief))
    overzicht = _lees(map_ / "socialreturn-realisatie.md")
    assert "achter (nog niet verantwoord: 2026)" in overzicht
    assert "krijgt een vooraankondiging in plaats van een herinnering" in overzicht


def test_een_verschuldigd_en_een_aangekondigd_jaar_in_een_brief(tmp_path):
    regels = "aanbieder,jaar,gerealiseerd\nstichting-westerhof,2026,1000.00\n" \
             "stichting-westerhof,2027,1000.00\n"
    assert _realisatie(REGIOS, "assen", "2027-12-01", tmp_path / "uit", regels).code == 1
    uit = _realisatie(REGIOS, "assen", "2027-12-01", tmp_path / "uit", regels,
                      "--vooraankondiging")
    assert uit.code == 0, uit.stderr
    brief = _lees(tmp_path / "uit/assen/socialreturn-realisatie/2027/herinneringen/"
                             "stichting-de-esch.md")
    assert "Over 2026 hebben wij geen verantwoording van u ontvangen" in brief
    assert "Uw verantwoording over 2027 verwachten wij uiterlijk op 31 maart 2028" in brief
    assert "| 2027 | € 3.515,63 (voorbeeld) | nog niet verantwoord |" in brief


def test_aantallen_kloppen_in_enkelvoud_en_meervoud(tmp_path):
    alles = ("aanbieder,jaar,gerealiseerd\nzorg-welzijn-de-brug,2026,15432.10\n"
             "stichting-een-thuis,2026,7475.00\nstichting-het-anker,2026,2556.25\n"
             "stichting-drentse-horizon,2026,10750.00\nveldzicht-begeleiding,2026,4062.50\n"
             "stichting-de-esch,2026,3515.63\nstichting-westerhof,2026,3125.00\n"
             "stichting-aa-en-hunze-wonen,2026,6750.00\n")
    uit = _realisatie(REGIOS, "assen", "2027-04-15", tmp_path / "uit", alles)
    assert uit.code == 0, uit.stderr
    assert uit.stdout.startswith("0 van 8 verplichte aanbieders lopen achter")
    overzicht = _lees(tmp_path / "uit/assen/socialreturn-realisatie/2026/"
                                 "socialreturn-realisatie.md")
    assert "Van de 8 aanbieders met een social-returnverplichting blijft er geen achter bij " \
           "hun verplichting over 2026." in overzicht
    assert "Van de 0" not in overzicht and "over die jaren" not in overzicht
    een = alles.replace("stichting-westerhof,2026,3125.00", "stichting-westerhof,2026,3000.00")
    uit = _realisatie(REGIOS, "assen", "2027-04-15", tmp_path / "een", een,
                      "--reactietermijn", "1")
    assert uit.stdout.startswith("1 van 8 verplichte aanbieders loopt achter")
    overzicht = _lees(tmp_path / "een/assen/socialreturn-realisatie/2026/"
                                 "socialreturn-realisatie.md")
    assert "blijft er één achter bij zijn verplichting over 2026." in overzicht
    brief = _lees(tmp_path / "een/assen/socialreturn-realisatie/2026/herinneringen/"
                             "stichting-westerhof.md")
    assert "binnen één week na de datum van deze brief, uiterlijk op 22 april 2027" in brief


@pytest.mark.parametrize(("weken_", "woorden", "uiterlijk"), [
    (None, "vier weken", "18 december 2025"), (2, "twee weken", "4 december 2025")])
def test_het_addendum_noemt_wanneer_het_ondertekend_terug_moet(regios, tmp_path, weken_,
                                                               woorden, uiterlijk):
    if weken_ is not None:
        wijzig_yaml(regios / "assen/brieven.yaml",
                    lambda d: d.update(reactietermijn_weken=weken_))
    uit = voer_uit("--regios", str(regios), "indexeer", "assen", "--naar", "2026",
                   "--percentage", "3.5", "--datum", "2025-11-20", "--genereer", "--uitvoer",
                   str(tmp_path))
    assert uit.code == 0, uit.stderr
    addendum = _lees(tmp_path / "assen/2026/addenda/zorg-welzijn-de-brug.md")
    assert (f"Ondertekend terugsturen: binnen {woorden} na dagtekening, uiterlijk op "
            f"{uiterlijk}") in addendum
    brief = _lees(tmp_path / "assen/2026/brieven/indexatie/zorg-welzijn-de-brug.md")
    assert (f"Wij verzoeken u het addendum binnen {woorden} na dagtekening van deze brief, "
            f"uiterlijk op {uiterlijk}, ondertekend aan ons terug te sturen.") in brief


def test_de_indexatiebrief_zegt_hoe_de_aanbieder_ons_bereikt(regios, tmp_path):
    """As the other letters: telephone and e-mail of brieven.yaml (Amersfoort's, example
    values), not only 'de afdeling inkoop'."""
    cijfers = tmp_path / "cijfers.csv"
    cijfers.write_text("jaar,percentage\n2024,3.5\n2025,3.1\n2026,2.9\n2027,3.0\n",
                       encoding="utf-8")
    uit = voer_uit("--regios", str(regios), "indexeer", "amersfoort", "--naar", "2027",
                   "--cijfers", str(cijfers), "--datum", "2026-11-20", "--genereer",
                   "--uitvoer", str(tmp_path))
    assert uit.code == 0, uit.stderr
    [brief] = (tmp_path / "amersfoort/2027/brieven/indexatie").glob("*.md")
    assert ("neem dan contact met ons op via 033 469 49 49 of "
            "inkoop.sociaaldomein@amersfoort.voorbeeld.nl") in _lees(brief)


def test_geen_indexatiebrief_voor_een_overeenkomst_die_nog_niet_loopt(regios, tmp_path):
    """Amersfoort's contracts start on 1 January 2027: a prijspeil 2024 amends nothing, so no
    letter or addendum says 'met ingang van 1 januari 2024'; the command says why."""
    uit = voer_uit("--regios", str(regios), "indexeer", "amersfoort", "--naar", "2024",
                   "--percentage", "3.5", "--datum", "2023-11-20", "--genereer", "--uitvoer",
                   str(tmp_path))
    assert uit.code == 0, uit.stderr
    assert "vóór het begin van de overeenkomsten (2027-01-01): er zijn geen indexatiebrieven " \
           "of addenda gemaakt" in uit.stderr
    assert "(met indexatiebrieven)" not in uit.stdout
    assert not (tmp_path / "amersfoort/2024/brieven").exists()
    assert not (tmp_path / "amersfoort/2024/addenda").exists()
    assert (tmp_path / "amersfoort/2024/overeenkomsten").is_dir()
