"""The termijnenkalender: every dated obligation from the profile and the register, flagged
(never moved) when it falls on a weekend or public holiday, as a list, JSON, .ics and .xlsx."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

import contracten
from contracten.rekenen.termijnen import termijnen

from .conftest import REGIOS, voer_uit, wijzig_yaml

T = dt.datetime(2026, 12, 1, 9, 0)


def _per_soort(lijst):
    uit: dict[str, list] = {}
    for t in lijst:
        uit.setdefault(t.soort, []).append(t)
    return uit


def test_termijnen_van_assen_uit_het_profiel():
    assen = contracten.laad_regio(REGIOS, "assen")
    soorten = _per_soort(termijnen(assen, {}))
    [einde] = soorten["einde"]
    assert einde.datum == dt.date(2029, 12, 31) and einde.markering is None
    [verlenging] = soorten["verlenging"]
    # art. 1.3: at least six months before the end; 30 June 2029 is a Saturday: flagged, kept
    assert (verlenging.datum, verlenging.markering) == (dt.date(2029, 6, 30), "zaterdag")
    assert "(2 van 2 over)" in verlenging.wat and verlenging.wat.endswith("(voorbeeld)")
    assert [t.datum for t in soorten["opzeggen-opdrachtgever"]] == [dt.date(2029, 6, 30)]
    assert [t.datum for t in soorten["indexatie"]] == [dt.date(j, 1, 1) for j in (2027, 2028,
                                                                                 2029)]
    assert all(t.markering is None for t in soorten["indexatie"])  # takes effect: no action
    verplicht = [a for a in assen.aanbieders if a.jaaromzet > assen.regio.regels.socialreturn
                 .drempel]
    assert len(soorten["socialreturn-plan"]) == len(verplicht) > 0
    # "vóór 1 april" (art. 1.9.4): the last day is 31 March, every year
    rapportages = sorted({t.datum for t in soorten["socialreturn-rapportage"]})
    assert rapportages == [dt.date(j, 3, 31) for j in range(2027, 2031)]
    markeringen = {t.datum.year: t.markering for t in soorten["socialreturn-rapportage"]}
    assert markeringen == {2027: None, 2028: None, 2029: "zaterdag", 2030: "zondag"}
    assert "indexatie-aankondigen" not in soorten  # Assen sets no announcement date


def test_een_verantwoording_op_een_feestdag_staat_gemarkeerd_en_schuift_niet(regios):
    # A contract whose last day is 1 April itself ("uiterlijk op 1 april"): no warning, and in
    # 2029 that day is Easter Sunday: flagged, kept.
    wijzig_yaml(regios / "assen/overeenkomst.yaml", lambda d: d["socialreturn"].update(
        rapportage="jaarlijks uiterlijk op 1 april over het voorgaande kalenderjaar",
        rapportage_vanaf=dt.date(2027, 4, 1)))
    assen = contracten.laad_regio(regios / "assen")
    assert assen.waarschuwingen == []
    rapportages = {t.datum: t.markering for t in termijnen(assen, {})
                   if t.soort == "socialreturn-rapportage"}
    assert rapportages[dt.date(2029, 4, 1)] == "eerste paasdag"


def test_gebruikte_verlenging_en_aankondiging_van_de_indexatie(regios):
    wijzig_yaml(regios / "assen/overeenkomst.yaml",
                lambda d: d["verlenging"].update(gebruikt=1))
    wijzig_yaml(regios / "assen/regio.yaml",
                lambda d: d["regels"]["indexatie"].update(aankondiging_maanden=3))
    soorten = _per_soort(termijnen(contracten.laad_regio(regios / "assen"), {}))
    assert soorten["einde"][0].datum == dt.date(2030, 12, 31)
    assert "(1 van 2 over)" in soorten["verlenging"][0].wat
    assert soorten["verlenging"][0].datum == dt.date(2030, 6, 30)
    # Three months' notice before 1 January: received by 30 September, the termijn ends on 31
    # December (the one rule for termijnen).
    assert [t.datum for t in soorten["indexatie-aankondigen"]] == [
        dt.date(j, 9, 30) for j in (2026, 2027, 2028, 2029)]


def test_meer_verlengingen_gebruikt_dan_er_zijn_wordt_geweigerd(regios):
    wijzig_yaml(regios / "assen/overeenkomst.yaml",
                lambda d: d["verlenging"].update(gebruikt=3))
    uit = voer_uit("--regios", str(regios), "valideer", "assen")
    assert uit.code == 1
    assert "verlenging.gebruikt: gebruikt (3) is meer dan aantal (2)" in uit.stderr


def test_lopende_opzegging_uit_het_register(assen_gegenereerd, tmp_path):
    assen = contracten.laad_regio(REGIOS, "assen")
    contracten.opzegging(assen, aanbieder="wonen-plus", datum=dt.date(2027, 3, 31),
                         briefdatum=dt.date(2027, 4, 1), uitvoer=assen_gegenereerd)
    uitkomst = contracten.agenda(assen, vanaf=dt.date(2027, 1, 1), binnen=500, tijdstip=T,
                                 uitvoer=assen_gegenereerd, database=tmp_path / "r.sqlite")
    opzegging = [t for t in uitkomst.termijnen if t.soort == "opzegging"]
    assert [(t.datum, t.sleutel.rsplit("/", 1)[1]) for t in opzegging] == [
        (dt.date(2027, 4, 1), "instroomstop"), (dt.date(2027, 9, 30), "einde"),
        (dt.date(2028, 3, 31), "zorg-tot")]
    assert all(t.aanbieder == "wonen-plus" for t in opzegging)
    assert all(dt.date(2027, 1, 1) <= t.datum <= dt.date(2028, 5, 15)
               for t in uitkomst.termijnen)
    stand = contracten.status(assen, tijdstip=T, uitvoer=assen_gegenereerd,
                              database=tmp_path / "r.sqlite", aanbieders=["wonen-plus"])
    assert (stand.contracten[0].status, stand.contracten[0].opzegdatum) == (
        "opgezegd", dt.date(2027, 3, 31))


def _ics(regios: Path, tmp_path: Path, naam: str) -> Calendar:
    pad = tmp_path / naam
    contracten.agenda(contracten.laad_regio(regios / "assen"), vanaf=dt.date(2026, 1, 1),
                      binnen=3650, tijdstip=T, uitvoer=tmp_path / "uit",
                      database=tmp_path / "r.sqlite", ics=pad)
    return Calendar.from_ical(pad.read_bytes())


def test_ics_met_vaste_uid_herinneringen_en_hele_dagen(regios, tmp_path):
    kalender = _ics(regios, tmp_path, "a.ics")
    events = list(kalender.walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)) > 10
    einde = next(e for e in events if str(e["UID"]) == "assen/einde@contracten")
    assert einde.decoded("DTSTART") == dt.date(2029, 12, 31)  # a date: an all-day event
    assert einde.decoded("DTEND") == dt.date(2030, 1, 1)
    triggers = sorted(a.decoded("TRIGGER") for a in einde.walk("VALARM"))
    assert triggers == [-dt.timedelta(days=14), -dt.timedelta(days=2)]
    verlenging = next(e for e in events if str(e["UID"]) == "assen/verlenging@contracten")
    assert "zaterdag" in str(verlenging["DESCRIPTION"])
    # one extension used: the same events move, so a re-import updates them
    wijzig_yaml(regios / "assen/overeenkomst.yaml",
                lambda d: d["verlenging"].update(gebruikt=1))
    later = {str(e["UID"]): e for e in _ics(regios, tmp_path, "b.ics").walk("VEVENT")}
    assert later["assen/einde@contracten"].decoded("DTSTART") == dt.date(2030, 12, 31)
    assert set(uids) <= set(later)


def test_opdrachtregel_tabel_json_en_xlsx(tmp_path):
    xlsx = tmp_path / "termijnen.xlsx"
    basis = ["--regios", str(REGIOS), "agenda", "assen", "--database", str(tmp_path / "r.db"),
             "--uitvoer", str(tmp_path / "uit"), "--vanaf", "2029-06-01", "--binnen", "60"]
    uit = voer_uit(*basis)
    assert uit.code == 0, uit.stderr
    assert "30 juni 2029" in uit.stdout and "LET OP: zaterdag" in uit.stdout
    assert "3 termijnen van 1 juni 2029 tot en met 31 juli 2029." in uit.stdout
    data = json.loads(voer_uit(*basis, "--json", "--xlsx", str(xlsx)).stdout)
    assert [t["soort"] for t in data["termijnen"]] == [
        "opzeggen-opdrachtgever", "opzeggen-opdrachtnemer", "verlenging"]
    assert data["termijnen"][0]["markering"] == "zaterdag"
    blad = load_workbook(xlsx).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0] == ("Datum", "Wat", "Aanbieder", "Grondslag", "Let op (weekend of feestdag)")
    assert rijen[1][0] == dt.datetime(2029, 6, 30) and rijen[1][4] == "zaterdag"
    assert len(rijen) == 4


@pytest.mark.parametrize("argumenten", [["--binnen", "-1"], ["--vanaf", "morgen"]])
def test_verkeerde_keuze_is_exit_2(argumenten, tmp_path):
    uit = voer_uit("--regios", str(REGIOS), "agenda", "assen", "--database",
                   str(tmp_path / "r.db"), *argumenten)
    assert uit.code == 2


def test_bestedingsruimte_waar_de_regio_haar_gebruikt(regios):
    """Art. 1.5: for each calendar year, the intention six months, the decision three months
    and the plan two months before 1 January."""
    assert "bestedingsruimte-voornemen" not in _per_soort(
        termijnen(contracten.laad_regio(regios / "assen"), {}))
    wijzig_yaml(regios / "assen/overeenkomst.yaml",
                lambda d: d["artikelen"].update(bestedingsruimte=True))
    soorten = _per_soort(termijnen(contracten.laad_regio(regios / "assen"), {}))
    # At least 6, 3 and 2 months before 1 January: the termijn ends on 31 December at the latest.
    assert [t.datum for t in soorten["bestedingsruimte-voornemen"]] == [
        dt.date(j - 1, 6, 30) for j in (2027, 2028, 2029)]
    assert soorten["bestedingsruimte-besluit"][0].datum == dt.date(2026, 9, 30)
    assert soorten["bestedingsruimte-plan"][0].datum == dt.date(2026, 10, 31)
    assert soorten["bestedingsruimte-plan"][0].markering == "zaterdag"  # 31 October 2026
