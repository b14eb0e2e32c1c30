"""Web passwords: long enough, not a common one, kept only as an Argon2 hash (argon2-cffi, its
recommended parameters), and checked in the same time whether the user exists or not."""

from __future__ import annotations

import functools
import string
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from contracten.fouten import Melding

MINIMUM = 12
_HASHER = PasswordHasher()
_RAND = string.digits + string.punctuation + string.whitespace


@functools.cache
def _veelgebruikt() -> frozenset[str]:
    tekst = (resources.files("contracten.opdrachten") / "veelgebruikte-wachtwoorden.txt"
             ).read_text(encoding="utf-8")
    return frozenset(r.strip() for r in tekst.splitlines()
                     if r.strip() and not r.startswith("#"))


@functools.cache
def _onbekende_hash() -> str:
    return _HASHER.hash("een wachtwoord dat niemand heeft")


def zwakheden(naam: str, wachtwoord: str) -> list[Melding]:
    """Why `wachtwoord` is not good enough for `naam` (empty: it is)."""
    klein = wachtwoord.casefold()
    kern = klein.strip(_RAND)
    if len(wachtwoord) < MINIMUM:
        bericht = f"het wachtwoord is te kort: minstens {MINIMUM} tekens"
        code = "wachtwoord_te_kort"
    elif (not kern or klein in _veelgebruikt() or kern in _veelgebruikt()
          or len(set(klein)) <= 2 or kern in (naam.casefold(), naam.casefold().replace(" ", ""))):
        bericht = ("dit wachtwoord is te makkelijk te raden (een veelgebruikt woord, alleen "
                   "cijfers, de naam of steeds hetzelfde teken); kies een zin van een paar "
                   "woorden")
        code = "wachtwoord_veelgebruikt"
    else:
        return []
    return [Melding(naam, None, "wachtwoord", bericht, code)]


def versleutel(wachtwoord: str) -> str:
    return _HASHER.hash(wachtwoord)


def klopt(hash_: str | None, wachtwoord: str) -> bool:
    """Whether `wachtwoord` is the one of `hash_`; without a hash (no such user, or no web
    password) a hash is checked all the same, so the answer takes as long."""
    try:
        return bool(_HASHER.verify(hash_ or _onbekende_hash(), wachtwoord)) and hash_ is not None
    except (VerificationError, InvalidHashError):
        return False
