"""What can go wrong with the register itself — it cannot be reached, does not answer in time,
is damaged, read-only, busy or full — as one Dutch message naming the register and saying what
to do; and how long the toolkit waits for it (CONTRACTEN_DATABASE_WACHTTIJD). A refusal by the
register's own rules (a constraint, a trigger, a missing right) is not a fault of this kind and
stays what it is."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from contracten.register.sqlitebestand import reden_niet_te_openen

WACHTTIJD = "CONTRACTEN_DATABASE_WACHTTIJD"
STANDAARD_WACHTTIJD = 10  # seconds
_LANGER = f"langer wachten kan met {WACHTTIJD}=<seconden> (nu {{s}} s)"
_ANDER = "of wijs met --database of CONTRACTEN_DATABASE een ander register aan"


def wachttijd(omgeving: Mapping[str, str] = os.environ) -> int:
    """The seconds to wait for the register: to connect, for one statement, for another
    process's write lock. ValueError (a Dutch message) for anything but 1 to 3600."""
    tekst = omgeving.get(WACHTTIJD, "").strip()
    if not tekst:
        return STANDAARD_WACHTTIJD
    if not (tekst.isdigit() and 1 <= int(tekst) <= 3600):
        raise ValueError(f"{WACHTTIJD} moet een aantal seconden zijn van 1 tot en met 3600 "
                         f"(gevonden: '{tekst[:20]}')")
    return int(tekst)


def postgres_opties(url: URL, seconden: int) -> dict[str, Any]:
    """The connect arguments for PostgreSQL: give up connecting after `seconden` (libpq takes
    at least 2), cancel a statement after `seconden` (also one waiting for a lock). What the URL
    sets itself (connect_timeout, options) stays and wins."""
    opties: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        opties["connect_timeout"] = max(2, seconden)
    eigen = url.query.get("options")
    eigen = " ".join(eigen) if isinstance(eigen, tuple) else eigen
    opties["options"] = " ".join(
        filter(None, [f"-c statement_timeout={seconden * 1000}", eigen]))
    return opties


def bericht(fout: BaseException, naam: str, tekst: str, *, seconden: int,
            bestand: Path | None = None, alleen_lezen: str | None = None,
            bij_verbinden: bool = False, verbroken: bool = False) -> str | None:
    """The message for `fout` (the driver's exception; `tekst` its text without secrets) of
    register `naam` (its URL, password hidden), or None when it is not a fault of the register
    itself. `bestand`: an SQLite register's file; `alleen_lezen`: why it cannot be written."""
    tekst = " ".join(tekst.split())  # on one line
    if isinstance(fout, sqlite3.Error):
        return _sqlite(fout, naam, tekst, seconden, bestand, alleen_lezen)
    sqlstate = getattr(fout, "sqlstate", None) or ""
    klasse = type(fout).__name__
    if klasse == "ConnectionTimeout":
        return (f"Het register {naam} antwoordt niet: binnen {seconden} s kwam er geen "
                "verbinding tot stand. Controleer of de databaseserver draait en bereikbaar is "
                f"(adres, poort, firewall); {_LANGER.format(s=seconden)}.")
    if sqlstate == "57014":  # query_canceled: the statement_timeout
        return (f"Het register {naam} gaf binnen {seconden} s geen antwoord: de databaseserver "
                "is overbelast of een ander proces houdt het register bezet; er is niets "
                f"vastgelegd. Probeer het opnieuw; {_LANGER.format(s=seconden)}.")
    if sqlstate == "25006":  # read_only_sql_transaction
        return (f"Het register {naam} is alleen-lezen (een alleen-lezen databaseserver, zoals "
                "een reservekopie): wat deze opdracht moet vastleggen, kan er niet in; er is "
                "niets vastgelegd. Wijs de server aan waarop geschreven kan worden, "
                f"{_ANDER}.")
    if sqlstate == "53100":  # disk_full
        return (f"De databaseserver van het register {naam} heeft geen schijfruimte meer; er "
                "is niets vastgelegd. Meld het de beheerder van de database.")
    if sqlstate.startswith("53"):  # insufficient resources: memory, connections
        return (f"De databaseserver van het register {naam} kan het nu niet aan ({tekst}); "
                "probeer het later opnieuw of meld het de beheerder van de database.")
    if not _operationeel(fout):
        return None
    if bij_verbinden:
        return (f"Het register {naam} is niet te bereiken: {_zin(tekst)} Controleer de URL "
                "(--database of CONTRACTEN_DATABASE) en of de databaseserver draait.")
    if verbroken:
        return (f"De verbinding met het register {naam} is verbroken ({tekst}); wat nog niet "
                "klaar was, is niet vastgelegd. Probeer het opnieuw.")
    return f"Het register {naam} gaf een fout: {_zin(tekst)}"


def _zin(tekst: str) -> str:
    """The driver's text ending as a sentence."""
    return tekst if tekst.endswith((".", "?", "!")) else f"{tekst}."


def _operationeel(fout: BaseException) -> bool:
    """A DB-API OperationalError: about the database's operation, not the program's SQL."""
    return any(k.__name__ == "OperationalError" for k in type(fout).__mro__)


def _sqlite(fout: sqlite3.Error, naam: str, tekst: str, seconden: int, bestand: Path | None,
            alleen_lezen: str | None) -> str | None:
    code = (getattr(fout, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return (f"Het register {naam} is beschadigd of geen SQLite-database ({tekst}). Zet een "
                f"reservekopie van het register terug, {_ANDER}; een nieuw register begint "
                "zonder de geschiedenis van het oude.")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return (f"Het register {naam} is bezet: een ander proces schrijft erin en gaf het niet "
                f"binnen {seconden} s vrij; er is niets vastgelegd. Probeer het zo opnieuw; "
                "blijft het bezet, kijk dan welk programma het register openhoudt; "
                f"{_LANGER.format(s=seconden)}.")
    if code == sqlite3.SQLITE_READONLY:
        reden = alleen_lezen or "het bestand of de map ernaast is niet beschrijfbaar"
        return (f"Het register {naam} is alleen-lezen ({reden}): wat deze opdracht moet "
                "vastleggen, kan er niet in; er is niets vastgelegd. Geef schrijfrecht op het "
                f"bestand en de map ernaast, {_ANDER} (een kopie). Alleen lezen gaat wel "
                "(status, agenda), zolang er niets nieuws vast te leggen is.")
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and _vol(bestand)):
        waar = f" ({bestand.parent})" if bestand is not None else ""
        return (f"De schijf onder het register {naam} is vol{waar}; er is niets vastgelegd. "
                "Maak ruimte vrij en probeer het opnieuw.")
    if code == sqlite3.SQLITE_IOERR:
        return (f"Het register {naam} kon niet worden gelezen of geschreven: de schijf gaf een "
                f"fout ({tekst}). Controleer de schijf en probeer het opnieuw.")
    if code == sqlite3.SQLITE_CANTOPEN:
        reden = reden_niet_te_openen(bestand) if bestand is not None else tekst
        return f"Het register {naam} kan niet worden geopend: {reden}."
    if isinstance(fout, sqlite3.OperationalError):
        return f"Het register {naam} gaf een fout: {_zin(tekst)}"
    return None


def _vol(bestand: Path | None) -> bool:
    """Whether the disk under the register is (all but) full: SQLite reports a full disk under
    its shared-memory file as an I/O error."""
    if bestand is None:
        return False
    try:
        return shutil.disk_usage(bestand.parent).free < 256 * 1024
    except OSError:
        return False
