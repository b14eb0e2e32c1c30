"""A calendar that imported the .ics takes a changed event over: each event has a SEQUENCE and
LAST-MODIFIED that go up exactly when what it shows changed (same UID), kept per UID in the
region's output folder; the same export gives the same events."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar
from starlette.testclient import TestClient

import contracten
from contracten.opdrachten import agenda as agenda_module
from contracten.weergave.kalender import Versie, als_ics, bijgewerkt

from .conftest import wijzig_yaml
from .webhulp import app_voor

T1 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
T2 = dt.datetime(2027, 1, 5, 14, 30, tzinfo=dt.UTC)
T3 = dt.datetime(2027, 2, 1, 8, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class A:
    datum: dt.date
    sleutel: str
    wat: str = "Einde overeenkomst"
    grondslag: str = "art. 1"
    markering: str | None = None


def test_nieuw_nul_ongewijzigd_blijft_gewijzigd_een_hoger():
    eerst = bijgewerkt({}, [A(dt.date(2029, 12, 31), "x"), A(dt.date(2028, 1, 1), "y")],
                       tijdstip=T1)
    assert {u: (v.sequence, v.gewijzigd) for u, v in eerst.items()} == {
        "x@contracten": (0, T1), "y@contracten": (0, T1)}
    zelfde = bijgewerkt(eerst, [A(dt.date(2029, 12, 31), "x")], tijdstip=T2)
    assert zelfde == eerst  # 'y' not exported now: kept as it was
    for ander in (A(dt.date(2030, 12, 31), "x"), A(dt.date(2029, 12, 31), "x", wat="Anders"),
                  A(dt.date(2029, 12, 31), "x", markering="zondag"),
                  A(dt.date(2029, 12, 31), "x", grondslag="art. 2")):
        na = bijgewerkt(eerst, [ander], tijdstip=T2)
        assert (na["x@contracten"].sequence, na["x@contracten"].gewijzigd) == (1, T2), ander
        assert na["y@contracten"] == eerst["y@contracten"]
    # back to the earlier date: still a change, so still up (never down)
    terug = bijgewerkt(bijgewerkt(eerst, [A(dt.date(2030, 12, 31), "x")], tijdstip=T2),
                       [A(dt.date(2029, 12, 31), "x")], tijdstip=T3)
    assert (terug["x@contracten"].sequence, terug["x@contracten"].gewijzigd) == (2, T3)


def test_zonder_versies_is_elk_event_nieuw():
    kalender = Calendar.from_ical(als_ics("K", [A(dt.date(2029, 12, 31), "x")], tijdstip=T1))
    [event] = kalender.walk("VEVENT")
    assert event["SEQUENCE"] == 0 and event.decoded("LAST-MODIFIED") == T1
    vast = {"x@contracten": Versie("oud", 4, T1)}
    [event] = Calendar.from_ical(als_ics("K", [A(dt.date(2029, 12, 31), "x")], tijdstip=T2,
                                         versies=vast)).walk("VEVENT")
    assert event["SEQUENCE"] == 5 and event.decoded("LAST-MODIFIED") == T2


def _events(regios: Path, tmp_path: Path, tijdstip: dt.datetime, binnen: int = 3650,
            naam: str = "a.ics") -> dict[str, object]:
    pad = tmp_path / naam
    uitkomst = contracten.agenda(contracten.laad_regio(regios / "assen"),
                                 vanaf=dt.date(2026, 1, 1), binnen=binnen, tijdstip=tijdstip,
                                 uitvoer=tmp_path / "uit", database=tmp_path / "r.sqlite",
                                 ics=pad)
    assert uitkomst.kalender == pad.read_bytes()
    return {str(e["UID"]): e for e in Calendar.from_ical(pad.read_bytes()).walk("VEVENT")}


def test_een_verschoven_termijn_gaat_een_versie_hoger_de_rest_niet(regios, tmp_path):
    eerst = _events(regios, tmp_path, T1)
    assert {e["SEQUENCE"] for e in eerst.values()} == {0}
    assert {e.decoded("LAST-MODIFIED") for e in eerst.values()} == {T1}
    bewaard = tmp_path / "uit/assen/agenda-versies.json"
    assert set(json.loads(bewaard.read_text("utf-8"))["afspraken"]) == set(eerst)
    opnieuw = _events(regios, tmp_path, T2)  # nothing changed: the same versions
    assert {u: (e["SEQUENCE"], e.decoded("LAST-MODIFIED")) for u, e in opnieuw.items()} == {
        u: (0, T1) for u in eerst}
    # one extension used: the end moves, so its event goes up; a short export in between
    # (fewer days) forgets nothing
    wijzig_yaml(regios / "assen/overeenkomst.yaml",
                lambda d: d["verlenging"].update(gebruikt=1))
    _events(regios, tmp_path, T2, binnen=30, naam="kort.ics")
    later = _events(regios, tmp_path, T3)
    einde = later["assen/einde@contracten"]
    assert einde.decoded("DTSTART") == dt.date(2030, 12, 31)
    assert (einde["SEQUENCE"], einde.decoded("LAST-MODIFIED")) == (1, T3)
    gebleven = [u for u in eerst if u in later and later[u]["SEQUENCE"] == 0]
    assert gebleven and all(later[u].decoded("LAST-MODIFIED") == T1 for u in gebleven)
    assert all(later[u].decoded("DTSTART") == eerst[u].decoded("DTSTART") for u in gebleven)


def test_een_beschadigd_of_onschrijfbaar_versiebestand_houdt_de_kalender_niet_tegen(
        regios, tmp_path, monkeypatch):
    bewaard = tmp_path / "uit/assen/agenda-versies.json"
    bewaard.parent.mkdir(parents=True)
    bewaard.write_text("{kapot", encoding="utf-8")
    events = _events(regios, tmp_path, T1)
    assert {e["SEQUENCE"] for e in events.values()} == {0}
    assert json.loads(bewaard.read_text("utf-8"))["afspraken"]  # repaired

    def weigert(pad: Path, inhoud: bytes) -> None:
        if pad.name == agenda_module.VERSIES:
            raise PermissionError(13, "Alleen-lezen")
        pad.write_bytes(inhoud)

    monkeypatch.setattr(agenda_module, "vervang_atomair", weigert)
    wijzig_yaml(regios / "assen/overeenkomst.yaml",
                lambda d: d["verlenging"].update(gebruikt=1))
    later = _events(regios, tmp_path, T2)
    assert later["assen/einde@contracten"]["SEQUENCE"] == 1  # the file, though not saved


def test_het_agendabestand_van_het_web_telt_mee(regios, tmp_path):
    uitvoer = tmp_path / "uit"
    client = TestClient(app_voor(regios, uitvoer, tmp_path / "r.sqlite"))
    eerst = client.get("/regio/assen/agenda.ics?binnen=365")
    assert eerst.status_code == 200 and b"SEQUENCE:0" in eerst.content
    assert b"LAST-MODIFIED:" in eerst.content
    assert client.get("/regio/assen/agenda.ics?binnen=365").content == eerst.content
    assert (uitvoer / "assen/agenda-versies.json").is_file()
