"""Regenerating from the web as a job in the register (issue 30, item 4): with SQLite run by the
web process itself, with PostgreSQL by `contracten werker` processes (procrastinate's queue:
test_werker_wachtrij); the job page shows the run's own count, a restarted web application
sees every job, and a job whose process died is reported as afgebroken."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from starlette.testclient import TestClient

import contracten
from contracten.register.verbinding import EIGENAAR

from .conftest import ROOT
from .webhulp import KLOK, app_voor, csrf


def _client(regios: Path, uitvoer: Path, database: object, **opties) -> TestClient:
    return TestClient(app_voor(regios, uitvoer, database, door="mr. J. Jansen", **opties))


def _start(client: TestClient, regio: str, soort: str | None = None) -> str:
    """Press the button of `regio` (the one of `soort`: genereer, pdf); the job page's
    address."""
    token = csrf(client.get(f"/regio/{regio}").text)
    antwoord = client.post(f"/regio/{regio}/genereer",
                           data={"csrf": token, **({"soort": soort} if soort else {})},
                           follow_redirects=False)
    assert antwoord.status_code == 303 and antwoord.headers["location"].startswith("/taak/")
    return antwoord.headers["location"]


def _word(uitvoer: Path) -> list[str]:
    """The Word documents of Amersfoort's one prijspeil, as a run lists them."""
    (jaar,) = (p for p in (uitvoer / "amersfoort").iterdir() if p.is_dir())
    return sorted(p.relative_to(jaar).as_posix() for p in jaar.rglob("*.docx"))


def _wacht_op_uitkomst(client: TestClient, adres: str, seconden: float = 240) -> str:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        pagina = client.get(adres).text
        if 'id="uitkomst"' in pagina:
            return pagina
        assert 'id="voortgang"' in pagina and 'http-equiv="refresh"' in pagina
        time.sleep(0.2)
    raise AssertionError(f"de taak is na {seconden} s niet klaar: {pagina}")


def test_met_sqlite_maakt_de_webserver_de_documenten_zelf_met_de_echte_telling(regios, tmp_path):
    database = tmp_path / "r.sqlite"
    client = _client(regios, tmp_path / "uit", database)
    adres = _start(client, "amersfoort")
    assert _start(client, "amersfoort") == adres  # one job per region at a time
    pagina = _wacht_op_uitkomst(client, adres)
    taak = contracten.Taken(database, klok=lambda: KLOK).taak(adres.rsplit("/", 1)[1])
    assert taak is not None and taak.status == "klaar" and taak.werker
    assert taak.werker.split(":")[1] == str(os.getpid())  # this process ran it
    # the run's own count: every document it made, of as many as it said it would make
    gemaakt = _word(tmp_path / "uit")
    assert taak.totaal is not None and taak.klaar == taak.totaal >= len(gemaakt) > 0
    assert list(taak.geschreven) == gemaakt
    assert f"({taak.klaar} van {taak.totaal} documenten opnieuw gemaakt)" in pagina
    assert f"Klaar: {len(gemaakt)} Word-documenten gemaakt" in pagina
    # a second press starts a new job, which has nothing to make
    tweede = _start(client, "amersfoort")
    assert tweede != adres
    assert "Klaar: 0 Word-documenten" in _wacht_op_uitkomst(client, tweede)


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) ontbreekt: pdf's maken kan niet")
def test_pdfs_maken_is_ook_een_taak(regios, tmp_path):
    """The second button: the documents and the pdf of each, as `genereer --formaat pdf`."""
    database = tmp_path / "r.sqlite"
    client = _client(regios, tmp_path / "uit", database)
    assert 'name="soort" value="pdf"' in client.get("/regio/amersfoort").text
    pagina = _wacht_op_uitkomst(client, _start(client, "amersfoort", "pdf"))
    gemaakt = _word(tmp_path / "uit")
    pdfs = sorted(str(p) for p in (tmp_path / "uit" / "amersfoort").rglob("*.pdf"))
    assert len(pdfs) == len(gemaakt) > 0
    assert all(Path(p).read_bytes().startswith(b"%PDF") for p in pdfs)
    assert "<h1>Pdf&#39;s maken: amersfoort</h1>" in pagina
    assert f"Klaar: {len(gemaakt)} Word-documenten en {len(pdfs)} pdf's gemaakt" in pagina
    token = csrf(client.get("/regio/amersfoort").text)
    antwoord = client.post("/regio/amersfoort/genereer", data={"csrf": token, "soort": "zip"},
                           follow_redirects=False)
    assert antwoord.status_code == 400


def test_een_taak_overleeft_een_herstart_van_de_webtoepassing(regios, tmp_path):
    database = tmp_path / "r.sqlite"
    eerste = _client(regios, tmp_path / "uit", database)
    adres = _start(eerste, "amersfoort")
    klaar = _wacht_op_uitkomst(eerste, adres)
    eerste.close()
    # a new application (a restart, or a second web process) on the same register
    tweede = _client(regios, tmp_path / "uit", database)
    pagina = tweede.get(adres)
    assert pagina.status_code == 200 and 'id="uitkomst"' in pagina.text
    lijst = klaar[klaar.index('<ul id="gewijzigd">'):]
    assert lijst.split("</ul>")[0] in pagina.text and "overeenkomsten/" in lijst
    regio = tweede.get("/regio/amersfoort").text
    assert f'<a href="{adres}">klaar</a>' in regio


def test_een_webserver_die_stopt_meldt_zijn_taak_meteen_als_afgebroken(regios, tmp_path,
                                                                       monkeypatch):
    """A web server shut down (a restart) while it runs a job: the job is recorded as
    afgebroken at once, so the restarted server shows it so without waiting a minute."""
    import threading

    from contracten.opdrachten import taken

    los = threading.Event()

    def langzaam(*_: object, voortgang, **__: object) -> None:
        voortgang(0, 7)
        los.wait(60)
        raise contracten.ContractenFout("losgelaten")

    monkeypatch.setattr(taken, "genereer", langzaam)
    database = tmp_path / "r.sqlite"
    try:
        with _client(regios, tmp_path / "uit", database) as client:  # runs the lifespan
            adres = _start(client, "amersfoort")
            assert "Bezig:" in client.get(adres).text
        pagina = _client(regios, tmp_path / "uit", database).get(adres).text
        assert "Afgebroken: de webserver is gestopt." in pagina
    finally:
        los.set()


_BEZIG = """
import datetime as dt, sys, time
import contracten
from contracten.opdrachten import taken

taken.genereer = lambda *a, **k: time.sleep(600)  # a run that takes long
klok = lambda: dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)
taak = contracten.Taken(sys.argv[1], klok=klok).start(sys.argv[2], "assen", uitvoer=sys.argv[3],
                                                      datum=dt.date(2026, 12, 1))
print(taak.id, flush=True)
time.sleep(600)
"""


def test_een_taak_van_een_gestopt_proces_wordt_als_afgebroken_gemeld(regios, tmp_path):
    """The web process that ran a job is killed (kill -9): a new one reports the job as
    afgebroken once no sign of life came for a minute, and the button starts a new job."""
    database, uitvoer = tmp_path / "r.sqlite", tmp_path / "uit"
    proces = subprocess.Popen([sys.executable, "-c", _BEZIG, str(database), str(regios),
                               str(uitvoer)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proces.stdout is not None
        id_ = proces.stdout.readline().strip()
        assert id_, "het proces startte geen taak"
        # while it lives, another process sees it running and starts no second one
        nu = contracten.Taken(database, klok=lambda: KLOK)
        assert nu.taak(id_).status == "bezig"  # type: ignore[union-attr]
        assert nu.start(regios, "assen", uitvoer=uitvoer, datum=dt.date(2026, 12, 1)).id == id_
    finally:
        proces.send_signal(signal.SIGKILL)
        proces.wait(timeout=30)
    adres = f"/taak/{id_}"
    meteen = _client(regios, uitvoer, database)
    assert 'id="voortgang"' in meteen.get(adres).text  # its last sign of life is recent
    later = _client(regios, uitvoer, database,
                    klok=lambda: KLOK + dt.timedelta(minutes=2))
    pagina = later.get(adres).text
    assert 'id="uitkomst"' in pagina and "Afgebroken: het proces dat deze taak uitvoerde is " \
        "gestopt (geen teken van leven sinds 01-12-2026 09:30)" in pagina
    assert 'http-equiv="refresh"' not in pagina
    assert '">afgebroken</a>' in later.get("/regio/assen").text
    opnieuw = _start(later, "assen")  # the old job is recorded as afgebroken, a new one runs
    assert opnieuw != adres
    with sa.create_engine(f"sqlite:///{database}").connect() as v:
        assert v.execute(sa.text("SELECT status FROM taken WHERE id = :id"),
                         {"id": id_}).scalar() == "afgebroken"


def test_een_werker_weigert_een_sqlite_register(tmp_path):
    from .conftest import voer_uit

    uit = voer_uit("werker", "--database", str(tmp_path / "r.sqlite"))
    assert uit.code == 1 and "register op PostgreSQL" in uit.stderr
    assert "wacht op taken" not in uit.stdout


SUPER = os.environ.get("CONTRACTEN_TEST_POSTGRES")
EIGEN = os.environ.get("CONTRACTEN_TEST_POSTGRES_EIGENAAR")
APP = os.environ.get("CONTRACTEN_TEST_POSTGRES_APP")


@pytest.fixture
def postgres(monkeypatch):
    """A fresh database owned by the owner's role; the application's role's URL (the role the
    web and the werker use; the owner's is in CONTRACTEN_DATABASE_EIGENAAR)."""
    if not (SUPER and EIGEN and APP):
        pytest.skip("geen PostgreSQL: .ci/postgres zet CONTRACTEN_TEST_POSTGRES, "
                    "CONTRACTEN_TEST_POSTGRES_EIGENAAR en CONTRACTEN_TEST_POSTGRES_APP")
    naam = f"taken_{uuid.uuid4().hex[:12]}"
    beheer = sa.create_engine(SUPER, isolation_level="AUTOCOMMIT")
    with beheer.connect() as v:
        v.execute(sa.text(f'CREATE DATABASE "{naam}" OWNER '
                          f'"{sa.engine.make_url(EIGEN).username}"'))
    eigenaar, app = (sa.engine.make_url(u).set(database=naam).render_as_string(
        hide_password=False) for u in (EIGEN, APP))
    monkeypatch.setenv(EIGENAAR, eigenaar)
    yield app
    from contracten.register import verbinding

    for url in (eigenaar, app):
        engine = verbinding._ENGINES.pop(url, None)
        if engine is not None:
            engine.dispose()
    with beheer.connect() as v:
        v.execute(sa.text(f'DROP DATABASE "{naam}" WITH (FORCE)'))
    beheer.dispose()


def test_met_postgresql_voert_een_werker_de_taak_uit(postgres, regios, tmp_path):
    """The web queues the job; a `contracten werker` process (the application's role) takes
    it, runs it and records it; the page shows the count; SIGTERM stops the werker."""
    uitvoer = tmp_path / "uit"
    client = _client(regios, uitvoer, postgres)
    adres = _start(client, "amersfoort")
    wachtend = client.get(adres).text
    assert "Wacht op een werker" in wachtend and 'http-equiv="refresh"' in wachtend
    assert not uitvoer.exists()  # the web process made nothing itself
    werker = subprocess.Popen(
        [sys.executable, "-m", "contracten", "werker", "--database", postgres], cwd=ROOT,
        env={**os.environ, "CONTRACTEN_DATABASE_EIGENAAR": os.environ[EIGENAAR]},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        pagina = _wacht_op_uitkomst(client, adres)
    finally:
        werker.send_signal(signal.SIGTERM)
        uit, fout = werker.communicate(timeout=60)
    assert werker.returncode == 143 and "Werker gestopt." in fout, (uit, fout)
    assert "wacht op taken" in uit and f"Taak {adres.rsplit('/', 1)[1]}: klaar" in uit
    taak = contracten.Taken(postgres, klok=lambda: KLOK).taak(adres.rsplit("/", 1)[1])
    assert taak is not None and taak.status == "klaar"
    assert taak.werker and taak.werker.split(":")[1] == str(werker.pid)
    assert taak.totaal is not None and taak.klaar == taak.totaal > 0
    assert f"({taak.klaar} van {taak.totaal} documenten opnieuw gemaakt)" in pagina
    assert _word(uitvoer) == list(taak.geschreven)


def test_twee_werkers_nemen_elk_een_andere_taak(postgres, regios, tmp_path):
    """Two waiting jobs, two werkers at once (--eenmaal): each job runs once (procrastinate
    locks the job it hands out), and both end."""
    client = _client(regios, tmp_path / "uit", postgres)
    adressen = [_start(client, regio) for regio in ("amersfoort", "assen")]
    omgeving = {**os.environ, "CONTRACTEN_DATABASE_EIGENAAR": os.environ[EIGENAAR]}
    werkers = [subprocess.Popen([sys.executable, "-m", "contracten", "werker", "--eenmaal",
                                 "--database", postgres], cwd=ROOT, env=omgeving,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for _ in range(2)]
    uitvoer = [w.communicate(timeout=300) for w in werkers]
    assert [w.returncode for w in werkers] == [0, 0], uitvoer
    taken = contracten.Taken(postgres, klok=lambda: KLOK)
    gedaan = [taken.taak(a.rsplit("/", 1)[1]) for a in adressen]
    assert all(t is not None and t.status == "klaar" for t in gedaan)
    gestart = sum(uit.count("opnieuw maken …") for uit, _ in uitvoer)
    assert gestart == 2  # each job taken once, by one of them


_LANGZAME_WERKER = """
import sys, time
from contracten.opdrachten import taken

def langzaam(*_, voortgang, **__):  # a run that counts 5 documents, makes 1, then takes long
    voortgang(0, 5)
    voortgang(1, 5)
    time.sleep(600)

taken.genereer = langzaam
from contracten.cli import run
sys.argv = ["contracten", "werker", "--database", sys.argv[1]]
run()
"""


def test_een_gestopte_werker_meldt_zijn_taak_als_afgebroken(postgres, regios, tmp_path):
    """While it runs, the page shows the run's own count; SIGTERM stops the werker, which
    records its job as afgebroken at once, and the button starts a new job."""
    client = _client(regios, tmp_path / "uit", postgres)
    adres = _start(client, "amersfoort")
    werker = subprocess.Popen(
        [sys.executable, "-c", _LANGZAME_WERKER, postgres], cwd=ROOT,
        env={**os.environ, "CONTRACTEN_DATABASE_EIGENAAR": os.environ[EIGENAAR]},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            pagina = client.get(adres).text
            if "1 van 5 documenten klaar" in pagina:
                break
            time.sleep(0.1)
        assert "Bezig: 1 van 5 documenten klaar" in pagina
    finally:
        werker.send_signal(signal.SIGTERM)
        uit, fout = werker.communicate(timeout=60)
    assert werker.returncode == 143 and "Werker gestopt." in fout, (uit, fout)
    pagina = client.get(adres).text
    assert "Afgebroken: de werker is gestopt." in pagina and 'http-equiv="refresh"' not in pagina
    assert _start(client, "amersfoort") != adres
