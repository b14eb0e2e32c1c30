"""Social-return follow-up: what the aanbieders report as realised against their obligation,
an overview of where each stands, and a reminder in house style to each one that is behind."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

import contracten
from contracten import InvoerFout
from contracten.lezen.tabelbestand import Invoerbestand
from contracten.rekenen.realisatie import realisatie
from contracten.rekenen.socialreturn import Contractjaar, Verplichting

from .conftest import REGIOS, voer_uit

DATUM = dt.date(2027, 4, 15)
D = Decimal


def _verplichting(*bedragen: str) -> Verplichting:
    jaren = tuple(Contractjaar(dt.date(2026 + i, 1, 1), dt.date(2026 + i, 12, 31), 12, D(b))
                  for i, b in enumerate(bedragen))
    return Verplichting(aanbieder="x", contract="x", verplicht=True,
                        bedrag=sum((j.bedrag for j in jaren), D(0)), jaaromzet=D(1),
                        drempel=D(0), percentage=D(5), aanneemsom=D(1), jaren=jaren)


def test_per_contractjaar_telt_een_overschot_niet_mee_over_de_looptijd_wel():
    v = _verplichting("100.00", "100.00")
    gemeld = {2026: D("150.00"), 2027: D("40.00")}
    per_jaar = realisatie(v, gemeld, (2026, 2027), per_contractjaar=True)
    assert [(j.jaar, j.tekort) for j in per_jaar.jaren] == [(2026, D(0)), (2027, D("60.00"))]
    assert (per_jaar.verplicht, per_jaar.gerealiseerd, per_jaar.tekort) == (
        D("200.00"), D("190.00"), D("60.00"))
    looptijd = realisatie(v, gemeld, (2026, 2027), per_contractjaar=False)
    assert looptijd.tekort == D("10.00") and looptijd.achter
    niets = realisatie(v, {}, (2026,))
    assert niets.niet_gemeld == [2026] and niets.tekort == D("100.00")


def _csv(tekst: str) -> Invoerbestand:
    return Invoerbestand("realisatie.csv", tekst.encode("utf-8"))


def _assen():
    return contracten.laad_regio(REGIOS, "assen")


def test_stand_en_herinneringen_alleen_voor_wie_achterloopt(tmp_path):
    uit = tmp_path / "uit"
    resultaat = contracten.socialreturn_realisatie(
        _assen(), _csv("aanbieder;jaar;gerealiseerd\n"
                       "zorg-welzijn-de-brug;2026;15.432,10\n"  # exactly its obligation
                       "stichting-westerhof;2026;1.000,00\n"), datum=DATUM, uitvoer=uit)
    standen = {r.aanbieder: r for r in resultaat.standen}
    assert not standen["zorg-welzijn-de-brug"].achter
    westerhof = standen["stichting-westerhof"]
    assert (westerhof.verplicht, westerhof.gerealiseerd, westerhof.tekort) == (
        D("3125.00"), D("1000.00"), D("2125.00"))
    map_ = uit / "assen/socialreturn-realisatie/2026"
    brieven = sorted(p.stem for p in (map_ / "herinneringen").glob("*.docx"))
    achter = sorted(r.aanbieder for r in resultaat.standen if r.achter)
    assert brieven == achter and "zorg-welzijn-de-brug" not in brieven and len(brieven) == 7
    brief = (map_ / "herinneringen/stichting-westerhof.md").read_text(encoding="utf-8")
    assert "Ons kenmerk: ASN/2027/SRH/" in brief
    assert "Onderwerp: herinnering social return 2026, overeenkomst Wmo Verblijf" in brief
    assert "| 2026 | € 3.125,00 (voorbeeld) | € 1.000,00 | € 2.125,00 (voorbeeld) |" in brief
    assert "het tekort over 2026 van € 2.125,00 (voorbeeld) toe te lichten en in te halen" in brief
    assert "binnen vier weken na de datum van deze brief" in brief
    assert "geen verantwoording van u ontvangen" not in brief  # it did report
    # One voice: "wij" and "u", never the contract's "Opdrachtnemer".
    assert "kunnen wij volgens artikel 1.9 van de overeenkomst het niet gerealiseerde deel" \
        in brief
    assert "Opdrachtnemer" not in brief and "de gemeente volgens" not in brief
    stil = (map_ / "herinneringen/stichting-de-esch.md").read_text(encoding="utf-8")
    assert "Over 2026 hebben wij geen verantwoording van u ontvangen" in stil
    overzicht = (map_ / "socialreturn-realisatie.md").read_text(encoding="utf-8")
    assert "Van de 8 aanbieders met een social-returnverplichting blijven er 7 achter" in overzicht
    assert "| Zorg & Welzijn 'De Brug' B.V. | € 15.432,10 (voorbeeld) | € 15.432,10 | — | " \
           "op schema |" in overzicht
    blad = load_workbook(map_ / "socialreturn-realisatie.xlsx").active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[-1][0] == "Totaal" and rijen[-1][4] == pytest.approx(
        float(sum((r.tekort for r in resultaat.standen), D(0))))


def test_opnieuw_met_hetzelfde_bestand_verandert_niets_met_een_ander_wel(tmp_path):
    uit, assen = tmp_path / "uit", _assen()
    bestand = _csv("aanbieder,jaar,gerealiseerd\nstichting-westerhof,2026,1000.00\n")
    eerst = contracten.socialreturn_realisatie(assen, bestand, datum=DATUM, uitvoer=uit)
    assert eerst.documenten.geschreven
    opnieuw = contracten.socialreturn_realisatie(assen, bestand, datum=DATUM, uitvoer=uit)
    assert not opnieuw.documenten.geschreven
    anders = contracten.socialreturn_realisatie(
        assen, _csv("aanbieder,jaar,gerealiseerd\nstichting-westerhof,2026,3125.00\n"),
        datum=DATUM, uitvoer=uit)
    assert "herinneringen/stichting-westerhof.docx" in anders.documenten.verwijderd
    assert not (uit / "assen/socialreturn-realisatie/2026/herinneringen/"
                "stichting-westerhof.docx").exists()


@pytest.mark.parametrize(("regel", "code", "tekst"), [
    ("bestaat-niet;2026;10,00", "aanbieder_onbekend", "onbekende aanbieder 'bestaat-niet' (wel: "),
    ("wonen-plus;2031;10,00", "jaar_onbekend", "'2031' is geen jaar waarin een contractjaar "
                                               "begint (wel: 2026, 2027, 2028, 2029)"),
    ("wonen-plus;2026;-5", "bedrag", "'-5' is geen bedrag van nul of meer"),
    ("wonen-plus;2026;1,234", "bedrag", "'1,234' is geen bedrag"),
    ("wonen-plus;2026;10,00\nwonen-plus;2026;11,00", "dubbel", "wonen-plus 2026 staat er al"),
    ("wonen-plus;2026;111222333", "bsn", "bevat een BSN"),
])
def test_een_fout_in_het_bestand_noemt_rij_en_kolom_en_er_komt_niets(tmp_path, regel, code,
                                                                     tekst):
    with pytest.raises(InvoerFout) as fout:
        contracten.socialreturn_realisatie(
            _assen(), _csv(f"aanbieder;jaar;gerealiseerd\n{regel}\n"), datum=DATUM,
            uitvoer=tmp_path / "uit")
    assert code in [m.code for m in fout.value.meldingen]
    assert tekst in str(fout.value) and "realisatie.csv:" in str(fout.value)
    assert "111222333" not in str(fout.value)
    assert not (tmp_path / "uit").exists()


def test_ook_uit_excel(tmp_path):
    boek = Workbook()
    blad = boek.active
    blad.append(["aanbieder", "jaar", "gerealiseerd"])
    blad.append(["stichting-westerhof", 2026, 3125])
    pad = tmp_path / "realisatie.xlsx"
    boek.save(pad)
    resultaat = contracten.socialreturn_realisatie(_assen(), pad, datum=DATUM,
                                                   uitvoer=tmp_path / "uit")
    westerhof = next(r for r in resultaat.standen if r.aanbieder == "stichting-westerhof")
    assert westerhof.gerealiseerd == D("3125.00") and not westerhof.achter


def test_opdrachtregel_met_json_en_van_de_invoer(tmp_path):
    uit = voer_uit("--regios", str(REGIOS), "socialreturn", "assen", "--realisatie", "-",
                   "--datum", "2027-04-15", "--uitvoer", str(tmp_path / "uit"), "--json",
                   "--reactietermijn", "6", invoer=b"aanbieder,jaar,gerealiseerd\n"
                                                b"stichting-westerhof,2026,1000.00\n")
    assert uit.code == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert data["jaren"] == [2026]
    westerhof = next(a for a in data["aanbieders"] if a["id"] == "stichting-westerhof")
    assert (westerhof["tekort"], westerhof["achter"]) == ("2125.00", True)
    brief = (tmp_path / "uit/assen/socialreturn-realisatie/2026/herinneringen/"
             "stichting-westerhof.md").read_text(encoding="utf-8")
    assert "binnen zes weken" in brief
