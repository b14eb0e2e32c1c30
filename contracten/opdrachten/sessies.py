"""The web's sign-in and sessions, kept in the register: the browser holds only a random id,
the register its sha256, so logging out, disabling a user or changing their role or password
ends the session everywhere, and a cookie saved before no longer works."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from pathlib import Path

from contracten.opdrachten import wachtwoord as ww
from contracten.register.gebruikers import Gebruikers
from contracten.register.verbinding import bestaat, open_engine


def _sleutel(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def heeft_gebruikers(database: str | Path | None = None) -> bool:
    """Whether users are registered (then the web signs in with their own passwords)."""
    return bestaat(database) and Gebruikers(open_engine(database)).aantal() > 0


def meld_aan(naam: str, wachtwoord: str, *,
             database: str | Path | None = None) -> str | None:
    """The registered name of the active user `naam` with web password `wachtwoord`; None
    otherwise, whatever the reason (no such user, disabled, no web password, wrong password),
    in about the same time."""
    gebruiker = Gebruikers(open_engine(database)).zoek(" ".join(naam.split()))
    hash_ = gebruiker.wachtwoord if gebruiker and gebruiker.actief else None
    return gebruiker.naam if ww.klopt(hash_, wachtwoord) and gebruiker else None


def begin_sessie(gebruiker: str, *, tijdstip: dt.datetime, geldig: dt.timedelta,
                 database: str | Path | None = None) -> str:
    """A new session of `gebruiker` (a registered user's name, or with none registered the
    name given at sign-in), valid for `geldig`; returns the random id for the cookie."""
    token = secrets.token_urlsafe(32)
    Gebruikers(open_engine(database)).begin_sessie(_sleutel(token), gebruiker, tijdstip,
                                                   tijdstip + geldig)
    return token


def sessie_van(token: str, *, tijdstip: dt.datetime,
               database: str | Path | None = None) -> str | None:
    """Whose session `token` is, while it runs; None once ended or expired."""
    if not token:
        return None
    return Gebruikers(open_engine(database)).sessie(_sleutel(token), tijdstip)


def beeindig_sessie(token: str, *, tijdstip: dt.datetime,
                    database: str | Path | None = None) -> None:
    """End the session `token` (and every expired one)."""
    Gebruikers(open_engine(database)).beeindig_sessie(_sleutel(token), tijdstip)
