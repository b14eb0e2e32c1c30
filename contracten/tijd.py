"""Moments: taken in UTC (the command line's and the web's clocks), stored in UTC, read and
shown in Europe/Amsterdam, wherever the computer that took them stands. A moment without a zone
is Amsterdam time (what a Dutch user means by "9:30"), never the computer's own zone, so the
same input gives the same record on every machine."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    ZONE: ZoneInfo  # Europe/Amsterdam


@functools.cache
def _zone() -> ZoneInfo:
    """Europe/Amsterdam, loaded when a moment is first placed in it: reading a date (the
    command line's --datum, every command's start) needs no time zone, and zoneinfo's import
    (with sysconfig) and the zone file are a good part of an unchanged rerun's start."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Amsterdam")


def __getattr__(naam: str) -> Any:
    if naam == "ZONE":
        return _zone()
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")


def in_utc(moment: dt.datetime) -> dt.datetime:
    """The moment with its zone, in UTC (a moment without a zone is Amsterdam time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_zone())
    return moment.astimezone(dt.UTC)


def opgeslagen(moment: dt.datetime) -> dt.datetime:
    """The moment as the register stores it: UTC without a zone, so what a step's hash covers
    is what is read back."""
    return in_utc(moment).replace(tzinfo=None)


def in_amsterdam(moment: dt.datetime) -> dt.datetime:
    return in_utc(moment).astimezone(_zone())


def dag(moment: dt.datetime) -> dt.date:
    """The day it was in Amsterdam at that moment (00:30 on 2 December there is 23:30 UTC on
    1 December)."""
    return in_amsterdam(moment).date()


def getoond(moment: dt.datetime) -> str:
    """01-12-2026 09:30, in Amsterdam time."""
    return f"{in_amsterdam(moment):%d-%m-%Y %H:%M}"


# The years a date in the input may have: whatever the toolkit computes from one (a looptijd
# with all its verlengingen, a term in months, the day after) is still a valid date.
EERSTE_JAAR, LAATSTE_JAAR = 1900, 2199
BEREIK = f"de jaren {EERSTE_JAAR} tot en met {LAATSTE_JAAR}"


def binnen_bereik(datum: dt.date) -> bool:
    return EERSTE_JAAR <= datum.year <= LAATSTE_JAAR


class OngeldigeDatum(ValueError):
    """A date from the input that cannot be used: its text is a Dutch message, `code` the
    stable code of the refusal ("datum": no date; "datum_buiten_bereik": outside BEREIK)."""

    def __init__(self, bericht: str, code: str) -> None:
        super().__init__(bericht)
        self.code = code

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.code))


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NL = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


def lees_datum(tekst: str) -> dt.date:
    """2026-12-31 or 31-12-2026 (also 1-2-2027), in the years `BEREIK`; anything else
    raises `OngeldigeDatum` (a ValueError) with a Dutch message and its code."""
    m = _ISO.fullmatch(tekst)
    n = None if m else _NL.fullmatch(tekst)
    try:
        datum = (dt.date(int(m[1]), int(m[2]), int(m[3])) if m
                 else dt.date(int(n[3]), int(n[2]), int(n[1])) if n else None)
    except ValueError:
        datum = None
    if datum is None:
        raise OngeldigeDatum(f"'{tekst}' is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)", "datum")
    if not binnen_bereik(datum):
        raise OngeldigeDatum(f"'{tekst}' ligt buiten {BEREIK}", "datum_buiten_bereik")
    return datum
