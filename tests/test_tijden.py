"""Times in the register (issue 28): taken by the server in UTC, stored in UTC, shown in
Europe/Amsterdam on every screen, whatever zone the computer keeps; steps from before the
register kept UTC are shown as they were taken, and their history still holds."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

import contracten
from contracten.cli.klok import nu as opdrachtregelklok
from contracten.register import keten
from contracten.register.verbinding import database_url, open_engine
from contracten.web.instellingen import nu as webklok

from .conftest import REGIOS, voer_uit, voer_uit_als_proces
from .test_register import database, tot_versie  # noqa: F401  (the fixture: SQLite and PostgreSQL)
from .webhulp import app_voor

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WONEN = {"aanbieders": ["wonen-plus"], "soorten": ["overeenkomst"]}


@pytest.mark.parametrize(("moment", "getoond", "dag"), [
    # winter (UTC+1), summer (UTC+2), and the hour past midnight in Amsterdam that is still
    # the previous day in UTC
    (dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC), "01-12-2026 09:30", dt.date(2026, 12, 1)),
    (dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC), "01-07-2026 10:00", dt.date(2026, 7, 1)),
    (dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC), "02-12-2026 00:30", dt.date(2026, 12, 2)),
    # a moment without a zone is Amsterdam time, not this computer's
    (dt.datetime(2026, 12, 1, 9, 30), "01-12-2026 09:30", dt.date(2026, 12, 1)),
])
def test_getoond_en_dag_in_amsterdam(moment, getoond, dag):
    assert contracten.als_tijdstip(moment) == getoond
    assert contracten.dag_van(moment) == dag


def test_de_klokken_van_opdrachtregel_en_web_lopen_in_utc():
    assert opdrachtregelklok().utcoffset() == dt.timedelta(0)
    assert webklok().utcoffset() == dt.timedelta(0)


def _akkoord(uitvoer, register, op: dt.datetime) -> None:
    contracten.zet_stap(contracten.laad_regio(REGIOS, "assen"), "juridisch_akkoord", door="J",
                        tijdstip=op, uitvoer=uitvoer, database=register, **WONEN)


def test_het_register_bewaart_utc_en_geeft_de_tijd_met_zone_terug(
        assen_gegenereerd, database):  # noqa: F811
    op = dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC)
    _akkoord(assen_gegenereerd, database, op)
    with open_engine(database).connect() as v:
        bewaard = v.execute(sa.text("SELECT op FROM stappen")).scalar_one()
    assert str(bewaard).startswith("2026-12-01 23:30:00")  # UTC, without a zone
    [d] = contracten.status(contracten.laad_regio(REGIOS, "assen"), tijdstip=op,
                            uitvoer=assen_gegenereerd, database=database, **WONEN).documenten
    assert d.stand.geschiedenis[0].op == op
    assert d.stand.geschiedenis[0].op.tzinfo is not None


def test_status_toont_amsterdamse_tijd_ook_op_een_computer_in_een_andere_zone(
        assen_gegenereerd, tmp_path):
    db = str(tmp_path / "r.sqlite")
    _akkoord(assen_gegenereerd, db, dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC))
    argumenten = ["--regios", str(REGIOS), "status", "assen", "--aanbieder", "wonen-plus",
                  "--uitvoer", str(assen_gegenereerd), "--database", db]
    uit = voer_uit_als_proces(*argumenten, env={"TZ": "America/New_York"})
    assert uit.code == 0, uit.stderr
    assert "(J, 02-12-2026 00:30)" in uit.stdout
    data = json.loads(voer_uit(*argumenten, "--json").stdout)
    [overeenkomst] = [d for d in data["documenten"] if d["soort"] == "overeenkomst"]
    assert overeenkomst["geschiedenis"][0]["op"] == "2026-12-01T23:30:00+00:00"


def test_de_geschiedenis_op_het_web_in_amsterdamse_tijd(assen_gegenereerd, tmp_path):
    db = tmp_path / "r.sqlite"
    _akkoord(assen_gegenereerd, db, dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC))
    client_app = app_voor(REGIOS, assen_gegenereerd, db, door="J")
    from starlette.testclient import TestClient

    with TestClient(client_app) as client:
        pagina = client.get("/regio/assen/geschiedenis",
                            params={"pad": "assen/2025/overeenkomsten/wonen-plus.docx"})
    assert pagina.status_code == 200, pagina.text
    assert "<td>J</td><td>01-07-2026 10:00</td>" in pagina.text


def _register_van_versie_9(url: str) -> dt.datetime:
    """A register as contracten kept it before version 10: a step taken at 11:00 on this
    (Dutch) computer, stored as 11:00 without a zone, in the chain; and a signed-in session."""
    engine = sa.create_engine(url)
    genomen = dt.datetime(2026, 11, 30, 11, 0)
    with engine.begin() as v:
        tot_versie(v, 9)
        v.execute(sa.text(
            "INSERT INTO documenten (regio, aanbieder, soort, pad, versie, sha256, "
            "geregistreerd) VALUES ('assen', 'wonen-plus', 'overeenkomst', "
            "'assen/2025/overeenkomsten/wonen-plus.docx', '1', 'abc', '2026-11-30 10:00:00')"))
        schakel = keten.schakel(None, document=1, stap="juridisch_akkoord", door="A",
                                op=genomen.replace(tzinfo=dt.UTC),  # hashed as stored
                                opmerking=None, sha256="abc", ondertekeningen=())
        v.execute(sa.text("INSERT INTO stappen (document, stap, door, op, sha256, keten) "
                          "VALUES (1, 'juridisch_akkoord', 'A', :op, 'abc', :keten)"),
                  {"op": genomen, "keten": schakel})
        v.execute(sa.text("INSERT INTO sessies (sleutel, gebruiker, begonnen, verloopt) VALUES "
                          "('s', 'A', '2026-11-30 10:00:00', '2026-11-30 18:00:00')"))
    engine.dispose()
    return genomen


def test_stappen_van_voor_versie_10_blijven_zoals_ze_genomen_werden(database):  # noqa: F811
    from contracten.register.register import Register

    genomen = _register_van_versie_9(database_url(database))
    register = Register(open_engine(database))
    [stand] = register.standen("assen")
    assert stand.geschiedenis[0].op == genomen.replace(tzinfo=AMSTERDAM)
    assert contracten.als_tijdstip(stand.geschiedenis[0].op) == "30-11-2026 11:00"
    assert register.controleer_keten() == []  # the history holds, hashes unchanged
    with register.engine.connect() as v:
        assert v.execute(sa.text("SELECT count(*) FROM sessies")).scalar() == 0
    # a step after the migration is kept in UTC and continues the chain
    later = dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)
    assert register.zet_stappen([(stand.id, "abc")], "definitief", "B", later, None) == 1
    [stand] = register.standen("assen")
    assert [contracten.als_tijdstip(s.op) for s in stand.geschiedenis] == [
        "30-11-2026 11:00", "01-12-2026 09:30"]
    assert register.controleer_keten() == []


def test_de_tijdzone_wordt_pas_geladen_als_een_moment_hem_nodig_heeft() -> None:
    """Reading a date (every command's --datum) loads no time zone; `tijd.ZONE` is still
    Europe/Amsterdam for whoever asks."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = ("import json, sys; from contracten import tijd; tijd.lees_datum('2026-11-23'); "
            "voor = 'zoneinfo' in sys.modules; zone = tijd.ZONE; "
            "print(json.dumps([voor, str(zone), tijd.ZONE is zone, "
            "tijd.getoond(tijd.dt.datetime(2026, 7, 1, 7, 30, tzinfo=tijd.dt.UTC))]))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=root, env={**os.environ, "PYTHONPATH": os.pathsep.join(
                             [str(root), *filter(None, [os.environ.get("PYTHONPATH")])])})
    assert json.loads(uit.stdout) == [False, "Europe/Amsterdam", True, "01-07-2026 09:30"]
