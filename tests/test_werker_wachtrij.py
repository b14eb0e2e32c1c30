"""The werkers' queue on PostgreSQL is procrastinate's (issue 30, item 4): a job and its place
in the queue come together or not at all, one per region; procrastinate's schema belongs to the
owner's role; a werker killed with -9 leaves a job that the next werker reports as afgebroken
and does not run again, and the region's next job runs."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

import contracten
from contracten.register import wachtrij
from contracten.register.verbinding import EIGENAAR

from . import test_web_taken
from .conftest import ROOT
from .test_web_taken import _LANGZAME_WERKER, _client, _start
from .webhulp import KLOK

postgres = test_web_taken.postgres  # the fixture: a fresh database, the application's URL


def _eigenaar() -> sa.Engine:
    return sa.create_engine(os.environ[EIGENAAR])


def _jobs(engine: sa.Engine) -> list[dict]:
    with engine.connect() as v:
        return [dict(r) for r in v.execute(sa.text(
            "SELECT id, status, queue_name, lock, queueing_lock, args, attempts "
            "FROM procrastinate_jobs ORDER BY id")).mappings()]


def _werker(postgres: str, *argumenten: str, code: str | None = None) -> subprocess.Popen:
    opdracht = [sys.executable, "-c", code, postgres] if code else [
        sys.executable, "-m", "contracten", "werker", *argumenten, "--database", postgres]
    return subprocess.Popen(opdracht, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ,
                                            "CONTRACTEN_DATABASE_EIGENAAR": os.environ[EIGENAAR]})


def test_een_taak_komt_met_haar_plek_in_de_wachtrij_of_niet(postgres, regios, tmp_path,
                                                            monkeypatch):
    client = _client(regios, tmp_path / "uit", postgres)
    adres = _start(client, "amersfoort")
    assert _start(client, "amersfoort") == adres  # one per region: no second job queued
    eigenaar = _eigenaar()
    try:
        (job,) = _jobs(eigenaar)
        assert job["status"] == "todo" and job["queue_name"] == "genereer"
        assert job["args"] == {"taak": adres.rsplit("/", 1)[1]}
        assert job["lock"] == job["queueing_lock"] == "genereer:amersfoort"

        def weg(*_: object) -> int:
            raise RuntimeError("de wachtrij is weg")

        monkeypatch.setattr(wachtrij, "zet_in_wachtrij", weg)
        taken = contracten.Taken(postgres, klok=lambda: KLOK)
        with pytest.raises(RuntimeError, match="de wachtrij is weg"):
            taken.start(regios, "assen", uitvoer=tmp_path / "uit", datum=dt.date(2026, 12, 1))
        assert taken.van("assen") is None  # no row in taken without a place in the queue
        assert len(_jobs(eigenaar)) == 1
    finally:
        eigenaar.dispose()


def test_het_schema_van_procrastinate_is_van_de_eigenaar(postgres):
    contracten.Taken(postgres).van("assen")  # opens the register: the owner migrates
    eigenaar = _eigenaar()
    app = sa.create_engine(postgres)
    try:
        with eigenaar.connect() as v:
            assert v.execute(sa.text("SELECT max(versie) FROM schemaversie")).scalar() == 12
            assert v.execute(sa.text(
                "SELECT tableowner FROM pg_tables WHERE tablename = 'procrastinate_jobs'"
            )).scalar() == eigenaar.url.username
        with app.connect() as v:  # the werker's role changes jobs, not the queue's tables
            v.execute(sa.text("UPDATE procrastinate_jobs SET priority = 0"))
            v.rollback()
            for opdracht in ("DROP TABLE procrastinate_jobs",
                             "ALTER TABLE procrastinate_jobs ADD COLUMN x INTEGER",
                             "DROP FUNCTION procrastinate_fetch_job_v2"):
                with pytest.raises(sa.exc.ProgrammingError, match="must be owner"):
                    v.execute(sa.text(opdracht))
                v.rollback()
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                v.execute(sa.text("DELETE FROM procrastinate_jobs"))  # the queue keeps its jobs
            v.rollback()
        with eigenaar.begin() as v:  # schema version 12 again, on a queue that is there
            wachtrij.v12_wachtrij(v)
    finally:
        eigenaar.dispose()
        app.dispose()


def _wacht_op(client, adres: str, tekst: str) -> str:
    for _ in range(600):
        pagina = client.get(adres).text
        if tekst in pagina:
            return pagina
        time.sleep(0.1)
    raise AssertionError(f"{tekst!r} niet op de pagina: {pagina}")


def test_de_taak_van_een_met_kill_9_gestopte_werker_wordt_gemeld_niet_herhaald(
        postgres, regios, tmp_path):
    """A werker killed with -9 while it runs a job: once its sign of life is a minute old, the
    next werker records that job as afgebroken in taken and as failed in procrastinate's
    queue, runs it not again, and runs the region's next job (its lock freed)."""
    uitvoer = tmp_path / "uit"
    client = _client(regios, uitvoer, postgres)
    adres = _start(client, "amersfoort")
    id_ = adres.rsplit("/", 1)[1]
    langzaam = _werker(postgres, code=_LANGZAME_WERKER)
    try:
        _wacht_op(client, adres, "Bezig: 1 van 5 documenten klaar")
    finally:
        langzaam.send_signal(signal.SIGKILL)
        langzaam.communicate(timeout=60)
    eigenaar = _eigenaar()
    try:
        (job,) = _jobs(eigenaar)
        assert job["status"] == "doing"  # nobody said it ended
        # a werker now (its dead colleague's sign of life is recent) leaves the job alone
        meteen = _werker(postgres, "--eenmaal")
        uit, fout = meteen.communicate(timeout=120)
        assert meteen.returncode == 0 and "0 uitgevoerd" in uit, (uit, fout)
        assert _jobs(eigenaar)[0]["status"] == "doing"
        with eigenaar.begin() as v:  # a minute and more passes without a sign of life
            v.execute(sa.text("UPDATE procrastinate_workers "
                              "SET last_heartbeat = last_heartbeat - interval '2 minutes'"))
        later = _werker(postgres, "--eenmaal")
        uit, fout = later.communicate(timeout=120)
        assert later.returncode == 0 and "0 uitgevoerd" in uit, (uit, fout)
        (job,) = _jobs(eigenaar)
        assert job["status"] == "failed" and job["attempts"] == 1  # not run again
        pagina = client.get(adres).text  # reported at once, not only after the web's minute
        assert "Afgebroken: het proces dat deze taak uitvoerde is gestopt" in pagina
        assert 'http-equiv="refresh"' not in pagina
        # the button starts a new job, which the next werker runs past the old lock
        opnieuw = _start(client, "amersfoort")
        assert opnieuw != adres
        werker = _werker(postgres, "--eenmaal")
        uit, fout = werker.communicate(timeout=300)
        assert werker.returncode == 0 and "1 uitgevoerd" in uit, (uit, fout)
        assert f"Taak {id_}" not in uit
        taak = contracten.Taken(postgres, klok=lambda: KLOK).taak(opnieuw.rsplit("/", 1)[1])
        assert taak is not None and taak.status == "klaar" and taak.klaar == taak.totaal
        assert [j["status"] for j in _jobs(eigenaar)] == ["failed", "succeeded"]
    finally:
        eigenaar.dispose()


def test_ctrl_c_stopt_een_werker_en_meldt_zijn_taak(postgres, regios, tmp_path):
    client = _client(regios, tmp_path / "uit", postgres)
    adres = _start(client, "amersfoort")
    werker = _werker(postgres, code=_LANGZAME_WERKER)
    try:
        _wacht_op(client, adres, "Bezig: 1 van 5 documenten klaar")
    finally:
        werker.send_signal(signal.SIGINT)
        uit, fout = werker.communicate(timeout=60)
    assert werker.returncode == 130 and "Werker gestopt." in fout, (uit, fout)
    assert "Afgebroken: de werker is gestopt." in client.get(adres).text
    eigenaar = _eigenaar()
    try:
        assert [j["status"] for j in _jobs(eigenaar)] == ["aborted"]  # not run again
    finally:
        eigenaar.dispose()


def test_wachtende_taken_van_een_eerdere_versie_komen_in_de_wachtrij(postgres, regios):
    """A register of schema version 11 with a job waiting for a werker of that version: the
    migration puts it in procrastinate's queue, so it is not left waiting for ever."""
    from contracten.register import schema

    from .test_register import tot_versie

    eigenaar = _eigenaar()
    try:
        with eigenaar.begin() as v:
            tot_versie(v, 11)
            v.execute(schema.taken.insert().values(
                id="oud", soort="genereer", regio="assen", regios=str(regios), uitvoer="uit",
                datum=dt.date(2026, 12, 1), status="wachtend", klaar=0,
                aangemaakt=dt.datetime(2026, 12, 1, 8, 0)))
        assert contracten.Taken(postgres).van("assen").status == "wachtend"  # migrates
        (job,) = _jobs(eigenaar)
        assert job["status"] == "todo" and job["args"] == {"taak": "oud"}
        assert job["queueing_lock"] == "genereer:assen"
    finally:
        eigenaar.dispose()


@pytest.mark.parametrize(("weg", "over"), [
    ("UPDATE procrastinate_jobs SET status = 'failed'", ["failed", "todo"]),
    ("DELETE FROM procrastinate_jobs", ["todo"]),
])
def test_een_taak_die_uit_de_wachtrij_verdween_houdt_de_regio_niet_vast(postgres, regios,
                                                                        tmp_path, weg, over):
    """The queue's job ended without running the job (a werker could not begin it) or someone
    with the owner's rights deleted it: the button records the waiting job as afgebroken and
    starts a new one, instead of waiting for it forever."""
    client = _client(regios, tmp_path / "uit", postgres)
    adres = _start(client, "amersfoort")
    eigenaar = _eigenaar()
    try:
        with eigenaar.begin() as v:
            v.execute(sa.text(weg))
        opnieuw = _start(client, "amersfoort")
        assert opnieuw != adres
        pagina = client.get(adres).text
        assert "Afgebroken: de taak verdween uit de wachtrij van de werkers" in pagina
        assert [j["status"] for j in _jobs(eigenaar)] == over
    finally:
        eigenaar.dispose()


def test_een_werker_komt_terug_na_een_verbroken_verbinding(postgres, regios, tmp_path):
    """The server ends the werker's connections to the queue (a restart of PostgreSQL, a
    network hiccup): the werker connects again and runs the next job."""
    client = _client(regios, tmp_path / "uit", postgres)
    client.get("/regio/amersfoort")  # the register made and migrated
    werker = _werker(postgres)
    try:
        assert werker.stdout is not None
        assert "Werker wacht op taken" in werker.stdout.readline()
        naam = sa.engine.make_url(postgres).database
        beheer = sa.create_engine(os.environ["CONTRACTEN_TEST_POSTGRES"])
        try:
            for _ in range(100):
                with beheer.begin() as v:
                    beeindigd = v.execute(sa.text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = :d AND query ILIKE '%listen%'"), {"d": naam}).scalar()
                if beeindigd:
                    break
                time.sleep(0.1)
            else:
                raise AssertionError("de werker luistert niet naar de wachtrij")
        finally:
            beheer.dispose()
        adres = _start(client, "amersfoort")
        pagina = test_web_taken._wacht_op_uitkomst(client, adres)
        assert "Klaar:" in pagina, pagina
    finally:
        werker.send_signal(signal.SIGTERM)
        uit, fout = werker.communicate(timeout=60)
    assert werker.returncode == 143 and "Werker gestopt." in fout, (uit, fout)


def test_een_taak_die_niet_meer_wacht_voert_een_werker_niet_uit(postgres, regios, tmp_path):
    """The queue hands a werker a job whose row in taken waits no longer (taken by a werker of
    an earlier version, recorded as afgebroken): it runs nothing, so nothing runs twice."""
    uitvoer = tmp_path / "uit"
    client = _client(regios, uitvoer, postgres)
    adres = _start(client, "amersfoort")
    eigenaar = _eigenaar()
    try:
        with eigenaar.begin() as v:
            v.execute(sa.text("UPDATE taken SET status = 'bezig', werker = 'oud:1:x'"))
        werker = _werker(postgres, "--eenmaal")
        uit, fout = werker.communicate(timeout=120)
        assert werker.returncode == 0 and "0 uitgevoerd" in uit, (uit, fout)
        assert not uitvoer.exists()  # nothing made
        assert [j["status"] for j in _jobs(eigenaar)] == ["succeeded"]
        taak = contracten.Taken(postgres, klok=lambda: KLOK).taak(adres.rsplit("/", 1)[1])
        assert taak is not None and taak.werker == "oud:1:x"
    finally:
        eigenaar.dispose()
