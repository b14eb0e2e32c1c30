"""When the register itself fails — damaged, read-only, busy, on a full disk, a server that does
not answer or cannot be reached — the command stops with a Dutch message naming the register
(its password hidden) and what to do, exit status 1: no traceback, no "Interne fout", no
command that hangs. It waits CONTRACTEN_DATABASE_WACHTTIJD seconds at most (default 10). A
read-only SQLite register is opened read-only: what only reads still works."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from contracten.register import storingen
from contracten.register.verbinding import RegisterFout, open_engine

from .conftest import REGIOS, voer_uit, voer_uit_als_proces
from .schijven import alleen_lezen, tmpfs, vul

POSTGRES = os.environ.get("CONTRACTEN_TEST_POSTGRES")
BASIS = ("--regios", str(REGIOS))


def _geen_interne_fout(stderr: str) -> None:
    assert "Interne fout" not in stderr and "Traceback" not in stderr, stderr


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _status(uitvoer: Path, database: str, **env: str):
    return voer_uit_als_proces(*BASIS, "status", "assen", "--uitvoer", str(uitvoer),
                               "--database", database, env=env)


def _akkoord(uitvoer: Path, database: str, **env: str):
    return voer_uit_als_proces(*BASIS, "akkoord", "assen", "--aanbieder", "wonen-plus",
                               "--door", "mr. J. Jansen", "--uitvoer", str(uitvoer),
                               "--database", database, env=env)


# --- SQLite -------------------------------------------------------------------------------


def test_een_register_van_willekeurige_bytes_is_beschadigd(assen_gegenereerd, tmp_path):
    register = tmp_path / "register.sqlite"
    register.write_bytes(os.urandom(64 * 1024))
    voor = _sha(register)
    uit = voer_uit(*BASIS, "status", "assen", "--uitvoer", str(assen_gegenereerd),
                   "--database", str(register))
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert (f"Fout: Het register sqlite:///{register.as_posix()} is beschadigd of geen "
            "SQLite-database (file is not a database). Zet een reservekopie") in uit.stderr
    assert _sha(register) == voor  # not touched


def test_een_register_met_beschadigde_paginas_is_beschadigd(assen_gegenereerd,
                                                           tmp_path):
    """A real register whose pages after the first were overwritten: SQLite opens it and finds
    the damage when it reads a table."""
    register = tmp_path / "register.sqlite"
    assert _status(assen_gegenereerd, str(register)).code == 0
    inhoud = bytearray(register.read_bytes())
    inhoud[4096:] = os.urandom(len(inhoud) - 4096)
    register.write_bytes(bytes(inhoud))
    uit = _status(assen_gegenereerd, str(register))
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert "is beschadigd of geen SQLite-database" in uit.stderr


@pytest.fixture
def register_op_eigen_schijf(tmp_path, assen_gegenereerd) -> Iterator[tuple[Path, Path]]:
    """(output folder, register) on a tmpfs of their own, the register up to date with the
    output (made by a process of its own, which closed it: no -wal or -shm left)."""
    with tmpfs(tmp_path / "schijf", "40m") as schijf:
        uitvoer = schijf / "uit"
        shutil.copytree(assen_gegenereerd, uitvoer)
        register = schijf / "register.sqlite"
        assert _status(uitvoer, str(register)).code == 0
        yield uitvoer, register


def test_een_alleen_lezen_register_toont_de_status_en_weigert_een_stap(
        register_op_eigen_schijf):
    uitvoer, register = register_op_eigen_schijf
    voor = _sha(register)
    alleen_lezen(register.parent)
    uit = _status(uitvoer, str(register))
    assert uit.code == 0, uit.stderr
    assert "30 documenten: 30 concept" in uit.stdout
    uit = _akkoord(uitvoer, str(register))
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert (f"Het register sqlite:///{register.as_posix()} is alleen-lezen (de schijf is "
            "alleen-lezen): wat deze opdracht moet vastleggen, kan er niet in; er is niets "
            "vastgelegd.") in uit.stderr
    assert _sha(register) == voor


def test_een_alleen_lezen_register_weigert_nieuwe_versies_vast_te_leggen(
        tmp_path, assen_gegenereerd):
    """`status` on a register that does not know the region's documents yet must record them:
    refused with the reason, nothing half done."""
    with tmpfs(tmp_path / "schijf") as schijf:
        register = schijf / "register.sqlite"
        uit = voer_uit_als_proces(*BASIS, "gebruiker", "lijst", "--database", str(register))
        assert uit.code == 0, uit.stderr  # an empty register, at the latest schema version
        alleen_lezen(schijf)
        uit = _status(assen_gegenereerd, str(register))
        assert uit.code == 1
        _geen_interne_fout(uit.stderr)
        assert "is alleen-lezen (de schijf is alleen-lezen)" in uit.stderr


def test_een_beschermd_registerbestand_is_alleen_lezen(register_op_eigen_schijf):
    """chattr +i: not even root may change the file."""
    uitvoer, register = register_op_eigen_schijf
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(register)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i kan hier niet (geen root of geen ondersteuning)")
    try:
        assert _status(uitvoer, str(register)).code == 0
        uit = _akkoord(uitvoer, str(register))
        assert uit.code == 1
        _geen_interne_fout(uit.stderr)
        assert "is alleen-lezen (het bestand is beschermd tegen wijzigen)" in uit.stderr
    finally:
        subprocess.run(["chattr", "-i", str(register)], check=False)


def test_een_nieuw_register_op_een_alleen_lezen_schijf(tmp_path, assen_gegenereerd):
    with tmpfs(tmp_path / "schijf") as schijf:
        alleen_lezen(schijf)
        uit = _status(assen_gegenereerd, str(schijf / "register.sqlite"))
        assert uit.code == 1
        _geen_interne_fout(uit.stderr)
        assert (f"kan niet worden geopend: het bestand bestaat nog niet en kan in {schijf} niet "
                "worden gemaakt (alleen-lezen); kies een plek waar geschreven kan "
                "worden.") in uit.stderr


def test_een_volle_schijf_onder_het_register(register_op_eigen_schijf):
    uitvoer, register = register_op_eigen_schijf
    vul(register.parent)
    uit = _akkoord(uitvoer, str(register))
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert (f"De schijf onder het register sqlite:///{register.as_posix()} is vol "
            f"({register.parent}); er is niets vastgelegd. Maak ruimte vrij") in uit.stderr
    (register.parent / "vulsel").unlink()
    uit = _status(uitvoer, str(register))
    assert uit.code == 0 and "30 documenten: 30 concept" in uit.stdout


@pytest.fixture
def bezet_register(tmp_path, assen_gegenereerd) -> Iterator[str]:
    """A register whose write lock another process holds until the test ends."""
    register = tmp_path / "register.sqlite"
    assert _status(assen_gegenereerd, str(register)).code == 0
    houder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\n"
         f"v = sqlite3.connect({str(register)!r}, isolation_level=None)\n"
         "v.execute('BEGIN IMMEDIATE'); print('bezet', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert houder.stdout is not None and houder.stdout.readline() == "bezet\n"
        yield str(register)
    finally:
        houder.kill()
        houder.wait()


def test_een_bezet_register_wacht_de_ingestelde_tijd_en_zegt_het(bezet_register,
                                                                 assen_gegenereerd):
    begin = time.monotonic()
    uit = _akkoord(assen_gegenereerd, bezet_register, CONTRACTEN_DATABASE_WACHTTIJD="1")
    duur = time.monotonic() - begin
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert ("is bezet: een ander proces schrijft erin en gaf het niet binnen 1 s vrij; er is "
            "niets vastgelegd.") in uit.stderr
    assert "CONTRACTEN_DATABASE_WACHTTIJD=<seconden> (nu 1 s)" in uit.stderr
    assert duur < 9  # not the 10 s of the default


@pytest.mark.parametrize("waarde", ["0", "tien", "3601", "-5", "1.5"])
def test_een_onbruikbare_wachttijd_wordt_gemeld(tmp_path, waarde):
    uit = voer_uit(*BASIS, "gebruiker", "lijst", "--database", str(tmp_path / "r.sqlite"),
                   env={"CONTRACTEN_DATABASE_WACHTTIJD": waarde})
    assert uit.code == 1
    assert (f"Fout: CONTRACTEN_DATABASE_WACHTTIJD moet een aantal seconden zijn van 1 tot en met "
            f"3600 (gevonden: '{waarde}').") in uit.stderr


def test_de_wachttijd_staat_standaard_op_tien_seconden():
    assert storingen.wachttijd({}) == 10
    assert storingen.wachttijd({"CONTRACTEN_DATABASE_WACHTTIJD": " 25 "}) == 25


# --- PostgreSQL -----------------------------------------------------------------------------


@pytest.fixture
def zwijgende_server() -> Iterator[int]:
    """A TCP server that accepts every connection and never says a word: a database server
    that hangs. Its port."""
    server = socket.create_server(("127.0.0.1", 0))
    verbindingen: list[socket.socket] = []
    stop = threading.Event()

    def aannemen() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                verbindingen.append(server.accept()[0])
            except TimeoutError:
                continue

    draad = threading.Thread(target=aannemen, daemon=True)
    draad.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        draad.join()
        for v in verbindingen:
            v.close()
        server.close()


def test_een_server_die_niet_antwoordt_laat_de_opdracht_niet_hangen(zwijgende_server,
                                                                     assen_gegenereerd):
    url = f"postgresql+psycopg://contracten:geheim@127.0.0.1:{zwijgende_server}/contracten"
    begin = time.monotonic()
    uit = voer_uit(*BASIS, "status", "assen", "--uitvoer", str(assen_gegenereerd),
                   "--database", url, env={"CONTRACTEN_DATABASE_WACHTTIJD": "2"})
    duur = time.monotonic() - begin
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert (f"Fout: Het register postgresql+psycopg://contracten:***@127.0.0.1:{zwijgende_server}"
            "/contracten antwoordt niet: binnen 2 s kwam er geen verbinding tot stand.") \
        in uit.stderr
    assert "geheim" not in uit.stderr
    assert duur < 9


def test_een_onbereikbare_server_noemt_het_register_zonder_wachtwoord():
    with socket.create_server(("127.0.0.1", 0)) as vrij:
        poort = vrij.getsockname()[1]
    # closed again: nothing listens on `poort`
    with pytest.raises(RegisterFout) as fout:
        open_engine(f"postgresql+psycopg://jan:geheim@127.0.0.1:{poort}/contracten?"
                    "sslpassword=geheim2")
    tekst = str(fout.value)
    assert tekst.startswith(f"Het register postgresql+psycopg://jan:***@127.0.0.1:{poort}/"
                            "contracten?sslpassword=*** is niet te bereiken: ")
    assert "geheim" not in tekst and "Controleer de URL" in tekst and "\n" not in tekst


def test_de_wachttijd_gaat_naar_postgresql_en_de_url_gaat_voor():
    url = sa.engine.make_url("postgresql+psycopg://u@h/db")
    assert storingen.postgres_opties(url, 10) == {
        "connect_timeout": 10, "options": "-c statement_timeout=10000"}
    assert storingen.postgres_opties(url, 1) == {
        "connect_timeout": 2, "options": "-c statement_timeout=1000"}  # libpq: 2 s at least
    eigen = url.update_query_dict({"connect_timeout": "30",
                                   "options": "-c statement_timeout=0 -c search_path=x"})
    assert storingen.postgres_opties(eigen, 10) == {
        "options": "-c statement_timeout=10000 -c statement_timeout=0 -c search_path=x"}


@pytest.fixture
def postgres() -> Iterator[str]:
    if not POSTGRES:
        pytest.skip("geen PostgreSQL: zet CONTRACTEN_TEST_POSTGRES op een database-URL "
                    "(.ci/postgres start er een)")
    naam = f"register_{uuid.uuid4().hex[:12]}"
    beheer = sa.create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with beheer.connect() as v:
        v.execute(sa.text(f'CREATE DATABASE "{naam}"'))
    yield sa.engine.make_url(POSTGRES).set(database=naam).render_as_string(hide_password=False)
    with beheer.connect() as v:
        v.execute(sa.text(f'DROP DATABASE "{naam}" WITH (FORCE)'))
    beheer.dispose()


def test_postgresql_een_opdracht_die_te_lang_wacht_wordt_afgebroken(postgres,
                                                                    assen_gegenereerd):
    """Another session holds the register's write lock: the statement waiting for it is
    cancelled after CONTRACTEN_DATABASE_WACHTTIJD (statement_timeout)."""
    from contracten.register.register import SCHRIJFSLOT

    assert _status(assen_gegenereerd, postgres).code == 0
    houder = sa.create_engine(postgres)
    try:
        with houder.begin() as v:
            v.execute(sa.text("SELECT pg_advisory_xact_lock(:slot)"), {"slot": SCHRIJFSLOT})
            uit = _akkoord(assen_gegenereerd, postgres,
                           CONTRACTEN_DATABASE_WACHTTIJD="2")
    finally:
        houder.dispose()
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert ("gaf binnen 2 s geen antwoord: de databaseserver is overbelast of een ander proces "
            "houdt het register bezet; er is niets vastgelegd.") in uit.stderr


def test_postgresql_alleen_lezen_toont_de_status_en_weigert_een_stap(
        postgres, assen_gegenereerd):
    assert _status(assen_gegenereerd, postgres).code == 0
    alleen = sa.engine.make_url(postgres).update_query_dict(
        {"options": "-c default_transaction_read_only=on"}).render_as_string(hide_password=False)
    uit = _status(assen_gegenereerd, alleen)
    assert uit.code == 0 and "30 documenten: 30 concept" in uit.stdout, uit.stderr
    uit = _akkoord(assen_gegenereerd, alleen)
    assert uit.code == 1
    _geen_interne_fout(uit.stderr)
    assert "is alleen-lezen (een alleen-lezen databaseserver" in uit.stderr
