"""Where the register lives and how to open it: an SQLite file by default (no server to start),
or any database URL (PostgreSQL for a team sharing one server)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError, SQLAlchemyError

from contracten.fouten import ContractenFout
from contracten.register.migraties import LAATSTE, migreer

# Beside the regios folder, never in output/: people delete and regenerate that folder, and an
# approval cannot be regenerated.
STANDAARD = Path("register.sqlite")
OMGEVING = "CONTRACTEN_DATABASE"
# PostgreSQL: the URL of the role that owns the tables and runs the migrations; the application
# then connects with its own role (CONTRACTEN_DATABASE), which runs no DDL.
EIGENAAR = "CONTRACTEN_DATABASE_EIGENAAR"


class RegisterFout(ContractenFout):
    """The register cannot be opened or used (wrong URL, no server, a newer schema)."""

    code = "register"


def database_url(database: str | Path | None = None) -> str:
    """The URL to use: the one given, else $CONTRACTEN_DATABASE, else ./register.sqlite. A plain
    path is an SQLite file."""
    gekozen = database if database is not None else os.environ.get(OMGEVING) or STANDAARD
    tekst = str(gekozen)
    return tekst if "://" in tekst else f"sqlite:///{Path(tekst).as_posix()}"


def _verborgen(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(ongeldige URL)"


_ENGINES: dict[str, Engine] = {}  # per process: an engine keeps its pool of connections
_SLOT = threading.Lock()


def open_engine(database: str | Path | None = None) -> Engine:
    """An engine on the register, created and migrated to the latest schema version; one per
    database per process (the web application opens it on every page)."""
    url = database_url(database)
    with _SLOT:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = _ENGINES[url] = _maak(url)
        else:
            _controleer_versie(engine, url)
    return engine


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
    try:
        opties: dict[str, Any] = {}
        if url.startswith("sqlite"):
            bestand = make_url(url).database
            if bestand and bestand != ":memory:":
                Path(bestand).parent.mkdir(parents=True, exist_ok=True)
            opties["connect_args"] = {"timeout": 30}
        engine = create_engine(url, **opties)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise RegisterFout(f"Database-URL {_verborgen(url)} is niet bruikbaar ({exc}).") from None
    if engine.dialect.name == "sqlite":
        _sqlite(engine)
    eigenaar = os.environ.get(EIGENAAR) if engine.dialect.name == "postgresql" else None
    try:
        if eigenaar and eigenaar != url:
            _migreer_als_eigenaar(eigenaar, engine.url.username)
            _controleer_versie(engine, url)
            return engine
        gehad = migreer(engine)
    except OperationalError as exc:
        raise RegisterFout(f"Het register {_verborgen(url)} is niet te openen: "
                           f"{exc.orig}") from None
    except ProgrammingError as exc:  # a role that may not run the migrations
        raise RegisterFout(f"Het register {_verborgen(url)} kan niet worden bijgewerkt met deze "
                           f"rol ({exc.orig}); zet {EIGENAAR} op de URL van de rol die de "
                           "tabellen bezit.") from None
    if gehad > LAATSTE:
        raise _te_nieuw(url, gehad)
    return engine


def _migreer_als_eigenaar(eigenaar: str, app_rol: str | None) -> None:
    """Migrate with the owner's role and grant the application's role what it needs."""
    try:
        engine = create_engine(eigenaar)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise RegisterFout(f"{EIGENAAR} {_verborgen(eigenaar)} is niet bruikbaar "
                           f"({exc}).") from None
    try:
        gehad = migreer(engine, app_rol=app_rol)
    finally:
        engine.dispose()
    if gehad > LAATSTE:
        raise _te_nieuw(eigenaar, gehad)


def _sqlite(engine: Engine) -> None:
    """One writer at a time, waiting for the other instead of failing: every transaction takes
    the write lock when it begins (BEGIN IMMEDIATE), in WAL mode so readers never wait."""

    @event.listens_for(engine, "connect")
    def _verbonden(dbapi: Any, _: Any) -> None:
        dbapi.isolation_level = None  # SQLAlchemy's begin event below opens the transaction
        cursor = dbapi.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(verbinding: Any) -> None:
        verbinding.exec_driver_sql("BEGIN IMMEDIATE")
