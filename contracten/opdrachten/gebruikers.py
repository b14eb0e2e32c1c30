"""`contracten gebruiker`: the people who may take steps, each with a role (inkoper, jurist,
contractmanager, beheerder), kept in the register. A user with a password may also sign in to
the web; one without acts on the command line only. A user is disabled, never removed, so every
name in the history stays someone's. With no users at all, anyone names themselves (`--door`),
as for one person working alone."""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path

from contracten.fouten import InvoerFout, Melding
from contracten.lezen.tekens import verboden_teken
from contracten.opdrachten import wachtwoord as ww
from contracten.register.gebruikers import Gebruiker, Gebruikers
from contracten.register.rolnamen import ROLLEN
from contracten.register.verbinding import bestaat, open_engine


def _register(database: str | Path | None) -> Gebruikers:
    return Gebruikers(open_engine(database))


def _naam(naam: str) -> str:
    schoon = " ".join(naam.split())
    if not schoon or len(schoon) > 128 or verboden_teken(schoon):
        raise InvoerFout([Melding(naam, None, "naam", "geef een naam van 1 tot 128 gewone "
                                  "tekens", "naam_ongeldig")], "Ongeldige gebruiker")
    return schoon


def _rol(naam: str, rol: str) -> str:
    if rol not in ROLLEN:
        raise InvoerFout([Melding(naam, None, "rol", f"onbekende rol '{rol}'; kies uit "
                                  f"{', '.join(ROLLEN)}", "rol_onbekend")], "Ongeldige gebruiker")
    return rol


def _bestaand(register: Gebruikers, naam: str) -> Gebruiker:
    gevonden = register.zoek(_naam(naam))
    if gevonden is None:
        raise InvoerFout([Melding(naam, None, "naam", "is geen gebruiker in het register",
                                  "gebruiker_onbekend")], "Onbekende gebruiker")
    return gevonden


def _hash(naam: str, wachtwoord: str | None) -> str | None:
    if wachtwoord is None:
        return None
    if zwak := ww.zwakheden(naam, wachtwoord):
        raise InvoerFout(zwak, "Wachtwoord niet gezet")
    return ww.versleutel(wachtwoord)


def voeg_gebruiker_toe(naam: str, rol: str, *, tijdstip: dt.datetime,
                       wachtwoord: str | None = None,
                       database: str | Path | None = None) -> Gebruiker:
    """Register a user with `rol`; with `wachtwoord` (at least 12 characters, not a common
    one) they may also sign in to the web. Refused for a name already registered."""
    schoon, register = _naam(naam), _register(database)
    _rol(schoon, rol)
    if register.zoek(schoon) is not None:
        raise InvoerFout([Melding(schoon, None, "naam", "is al een gebruiker; wijzig de rol "
                                  "met 'contracten gebruiker rol'", "gebruiker_bestaat")],
                         "Gebruiker niet toegevoegd")
    register.voeg_toe(schoon, rol, _hash(schoon, wachtwoord), tijdstip)
    return _bestaand(register, schoon)


def wijzig_rol(naam: str, rol: str, *, tijdstip: dt.datetime,
               database: str | Path | None = None) -> Gebruiker:
    """Give a user another role; their web sessions end."""
    register = _register(database)
    gebruiker = _bestaand(register, naam)
    register.wijzig(gebruiker.naam, tijdstip, rol=_rol(gebruiker.naam, rol))
    return _bestaand(register, gebruiker.naam)


def zet_wachtwoord(naam: str, wachtwoord: str, *, tijdstip: dt.datetime,
                   database: str | Path | None = None) -> Gebruiker:
    """Set (or change) a user's web password; their web sessions end."""
    register = _register(database)
    gebruiker = _bestaand(register, naam)
    register.wijzig(gebruiker.naam, tijdstip, wachtwoord=_hash(gebruiker.naam, wachtwoord))
    return _bestaand(register, gebruiker.naam)


def schakel_gebruiker_uit(naam: str, *, tijdstip: dt.datetime,
                database: str | Path | None = None) -> Gebruiker:
    """Disable a user: no more steps, no sign-in, their web sessions end; their name stays in
    the history."""
    register = _register(database)
    gebruiker = _bestaand(register, naam)
    register.wijzig(gebruiker.naam, tijdstip, actief=False)
    return _bestaand(register, gebruiker.naam)


def gebruikers(database: str | Path | None = None) -> list[Gebruiker]:
    """Every registered user, disabled ones too, by name."""
    return _register(database).alle()


def wie_handelt(door: str | None, database: str | Path | None = None) -> str:
    """Whom a step of the command line records: with no users registered, `door` as given
    (one person working alone); with users, `door` when given (it must be an active user:
    `zet_stap` checks), else the operating-system user."""
    if door or not bestaat(database) or _register(database).aantal() == 0:
        return door or ""
    return getpass.getuser()
