"""Where the register lives and how to open it: an SQLite file by default (no server to start),
or any database URL (PostgreSQL for a team sharing one server)."""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError, SQLAlchemyError

from contracten.fouten import ContractenFout, os_reden
from contracten.register import sqlitebestand, storingen, transacties
from contracten.register.migraties import LAATSTE, migreer

# Beside the regios folder, never in output/: people delete and regenerate that folder, and an
# approval cannot be regenerated.
STANDAARD = Path("register.sqlite")
OMGEVING = "CONTRACTEN_DATABASE"
# PostgreSQL: the URL of the role that owns the tables and runs the migrations; the application
# then connects with its own role (CONTRACTEN_DATABASE), which runs no DDL.
EIGENAAR = "CONTRACTEN_DATABASE_EIGENAAR"


class RegisterFout(ContractenFout):
    """The register cannot be opened or used (wrong URL, no server, a newer schema, damaged,
    read-only, busy, full, no answer in time)."""

    code = "register"


def database_url(database: str | Path | None = None) -> str:
    """The URL to use: the one given, else $CONTRACTEN_DATABASE, else ./register.sqlite. A plain
    path is an SQLite file."""
    gekozen = database if database is not None else os.environ.get(OMGEVING) or STANDAARD
    tekst = str(gekozen)
    return tekst if "://" in tekst else f"sqlite:///{Path(tekst).as_posix()}"


def bestaat(database: str | Path | None = None) -> bool:
    """Whether the register may hold anything: an SQLite file that is there, or a server."""
    url = make_url(database_url(database))
    return url.get_backend_name() != "sqlite" or bool(
        url.database and url.database != ":memory:" and Path(url.database).is_file())


_GEHEIM = ("password", "passwd", "wachtwoord", "sslpassword", "secret", "token")


def verberg_wachtwoord(url: object) -> str:
    """A database URL (text or SQLAlchemy URL) fit to print: its password, in the URL or as a
    query parameter (`?password=`), replaced by ***."""
    try:
        gelezen = make_url(url if isinstance(url, URL) else str(url))
    except ArgumentError:
        return "(ongeldige URL)"
    verborgen = [k for k in gelezen.query if k.lower() in _GEHEIM]
    tekst = gelezen.difference_update_query(verborgen).render_as_string(hide_password=True)
    return tekst + "".join(f"{'&' if '?' in tekst or i else '?'}{k}=***"
                           for i, k in enumerate(verborgen))


def _verborgen(url: str) -> str:
    return verberg_wachtwoord(url)


def _zonder_geheimen(tekst: str, url: str) -> str:
    """An error's text without any password of `url` in it."""
    try:
        gelezen = make_url(url)
    except ArgumentError:
        return tekst
    tekst = tekst.replace(url, _verborgen(url))
    geheimen = [gelezen.password, *(v for k, v in gelezen.query.items()
                                     if k.lower() in _GEHEIM)]
    for geheim in geheimen:
        for waarde in ([geheim] if isinstance(geheim, str) else list(geheim or ())):
            if waarde:
                tekst = tekst.replace(str(waarde), "***")
    return tekst


_ENGINES: dict[str, Engine] = {}  # per process: an engine keeps its pool of connections
_BIJ_HET_EINDE: list[bool] = []  # sluit_alle is registered to run at the exit
_SLOT = threading.Lock()


def open_engine(database: str | Path | None = None) -> Engine:
    """An engine on the register, created and migrated to the latest schema version; one per
    database per process (the web application opens it on every page)."""
    url = database_url(database)
    with _SLOT:
        engine = _ENGINES.get(url)
        if engine is None:
            if not _BIJ_HET_EINDE:
                atexit.register(sluit_alle)
                _BIJ_HET_EINDE.append(True)
            engine = _ENGINES[url] = _maak(url)
        else:
            _controleer_versie(engine, url)
    return engine


def sluit_alle() -> None:
    """Close every connection of every engine this process opened, as the program exits: the
    last close of an SQLite register moves its write-ahead log into the register file, and
    PostgreSQL ends its sessions. Then the command line may end without the interpreter's
    finalization (`cli.einde`). A connection still in use is not closed."""
    with _SLOT:
        engines = list(_ENGINES.values())
        _ENGINES.clear()
    for engine in engines:
        with contextlib.suppress(Exception):  # at the exit: nothing left to report it to
            engine.dispose()


def _controleer_versie(engine: Engine, url: str) -> None:
    """A register another process moved to a newer schema is not touched."""
    with engine.connect() as verbinding:
        versie = verbinding.execute(text("SELECT max(versie) FROM schemaversie")).scalar() or 0
    if versie > LAATSTE:
        raise _te_nieuw(url, versie)


def _te_nieuw(url: str, versie: int) -> RegisterFout:
    return RegisterFout(f"Het register {_verborgen(url)} heeft schemaversie {versie}; deze "
                        f"versie van contracten kent er tot en met {LAATSTE}. Werk contracten "
                        "bij.")


def _maak(url: str) -> Engine:
    engine = _engine(url)
    try:
        return _gemigreerd(engine, url)
    except BaseException:  # not kept (nor closed by sluit_alle): its connections close now
        engine.dispose()
        raise


def _gemigreerd(engine: Engine, url: str) -> Engine:
    eigenaar = os.environ.get(EIGENAAR) if engine.dialect.name == "postgresql" else None
    try:
        if eigenaar and eigenaar != url:
            _migreer_als_eigenaar(eigenaar, engine.url.username)
            _controleer_versie(engine, url)
            return engine
        gehad = migreer(engine)
    except OperationalError as exc:
        raise RegisterFout(f"Het register {_verborgen(url)} is niet te openen: "
                           f"{_zonder_geheimen(str(exc.orig), url)}") from None
    except ProgrammingError as exc:  # a role that may not run the migrations
        raise RegisterFout(f"Het register {_verborgen(url)} kan niet worden bijgewerkt met deze "
                           f"rol ({_zonder_geheimen(str(exc.orig), url)}); zet {EIGENAAR} op de "
                           "URL van de rol die de tabellen bezit.") from None
    if gehad > LAATSTE:
        raise _te_nieuw(url, gehad)
    return engine


def _engine(url: str, wie: str = "Database-URL") -> Engine:
    """An engine on `url` that waits CONTRACTEN_DATABASE_WACHTTIJD seconds at most (to connect,
    for a statement, for another's write lock) and reports a fault of the register itself
    (unreachable, too slow, damaged, read-only, busy, full) as a RegisterFout."""
    try:
        seconden = storingen.wachttijd()
    except ValueError as exc:
        raise RegisterFout(f"{exc}.") from None
    bestand, toegang = None, sqlitebestand.Toegang()
    try:
        gelezen = make_url(url)
        opties: dict[str, Any] = {}
        if gelezen.get_backend_name() == "sqlite":
            if gelezen.database and gelezen.database != ":memory:":
                bestand = Path(gelezen.database)
                _maak_map(bestand, url)
                toegang = sqlitebestand.toegang(bestand)
            opties["connect_args"] = {"timeout": seconden}
        elif gelezen.get_driver_name() in ("psycopg", "psycopg2"):
            opties["connect_args"] = storingen.postgres_opties(gelezen, seconden)
        engine = create_engine(url, **opties)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise RegisterFout(f"{wie} {_verborgen(url)} is niet bruikbaar "
                           f"({_zonder_geheimen(str(exc), url)}).") from None
    if engine.dialect.name == "sqlite":
        _sqlite(engine, seconden, bestand, toegang)

    @event.listens_for(engine, "handle_error")
    def _storing(context: ExceptionContext) -> None:
        fout = context.original_exception
        melding = storingen.bericht(
            fout, _verborgen(url), _zonder_geheimen(str(fout).strip(), url), seconden=seconden,
            bestand=bestand, alleen_lezen=toegang.reden,
            bij_verbinden=context.connection is None, verbroken=context.is_disconnect)
        if melding is not None:
            raise RegisterFout(melding)

    transacties.houd_bij(engine)
    return engine


def _maak_map(bestand: Path, url: str) -> None:
    """The folder of a new SQLite register."""
    try:
        bestand.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RegisterFout(f"Het register {_verborgen(url)} kan niet worden gemaakt: de map "
                           f"{bestand.parent}: {os_reden(exc)}. Kies een plek waar geschreven "
                           "kan worden (--database of CONTRACTEN_DATABASE).") from None


def _migreer_als_eigenaar(eigenaar: str, app_rol: str | None) -> None:
    """Migrate with the owner's role and grant the application's role what it needs."""
    engine = _engine(eigenaar, EIGENAAR)
    try:
        gehad = migreer(engine, app_rol=app_rol)
    finally:
        engine.dispose()
    if gehad > LAATSTE:
        raise _te_nieuw(eigenaar, gehad)


def _sqlite(engine: Engine, seconden: int, bestand: Path | None,
            toegang: sqlitebestand.Toegang) -> None:
    """One writer at a time, waiting for the other (`seconden` at most) instead of failing:
    every transaction takes the write lock when it begins (BEGIN IMMEDIATE), in WAL mode so
    readers never wait. A register this process cannot write is opened read-only: what only
    reads still works, a write is refused as a RegisterFout (see `storingen`)."""
    alleen_lezen = bestand is not None and toegang.reden is not None

    @event.listens_for(engine, "do_connect")
    def _open(dialect: Any, record: Any, argumenten: list[Any], opties: dict[str, Any]) -> None:
        if alleen_lezen and bestand is not None:
            argumenten[:1] = [sqlitebestand.uri(bestand, toegang)]
            opties["uri"] = True

    @event.listens_for(engine, "connect")
    def _verbonden(dbapi: Any, _: Any) -> None:
        dbapi.isolation_level = None  # SQLAlchemy's begin event below opens the transaction
        cursor = dbapi.cursor()
        if not alleen_lezen:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={seconden * 1000}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(verbinding: Any) -> None:
        verbinding.exec_driver_sql("BEGIN" if alleen_lezen else "BEGIN IMMEDIATE")
