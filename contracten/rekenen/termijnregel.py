"""The one rule for termijnen (docs/ontwikkelaars/ontwerp.md, Termijnen), used by the
opzegging, the agenda, the verlenging and every reply term. Pure: no files, no clock.

A notice received on day D starts its termijn the next day. A termijn of N months ends at the end
of the day with D's number in the Nth month after D, or on that month's last day when it has no
such day, or when D itself is the last day of its month. That day is the contract's last day; "met
ingang van" the day after, it no longer applies. Worked examples (6 months):

    received 1 januari 2027     -> laatste dag 1 juli 2027
    received 30 juni 2029       -> laatste dag 31 december 2029
    received 31 augustus 2026   -> laatste dag 28 februari 2027
    received 28 februari 2027   -> laatste dag 31 augustus 2027

A notice "tegen E" (to end on E) is in time when the termijn's last day falls on or before E; the
last day it can be received is `uiterste_ontvangst(E, N)`.
"""

from __future__ import annotations

import calendar
import datetime as dt

EEN_DAG = dt.timedelta(days=1)


def _laatste_van_de_maand(jaar: int, maand: int) -> int:
    return calendar.monthrange(jaar, maand)[1]


def laatste_dag(ontvangen: dt.date, maanden: int) -> dt.date:
    """The last day of a termijn of `maanden` months for a notice received on `ontvangen`."""
    if maanden < 0:
        raise ValueError("een termijn is nul maanden of meer")
    if maanden == 0:
        return ontvangen
    index = ontvangen.month - 1 + maanden
    jaar, maand = ontvangen.year + index // 12, index % 12 + 1
    laatste = _laatste_van_de_maand(jaar, maand)
    if ontvangen.day == _laatste_van_de_maand(ontvangen.year, ontvangen.month):
        return dt.date(jaar, maand, laatste)
    return dt.date(jaar, maand, min(ontvangen.day, laatste))


def eerste_dag(ontvangen: dt.date, laatste: dt.date) -> dt.date:
    """The first day of a termijn received on `ontvangen` and ending on `laatste`: the day after
    receipt (a termijn of none ends on the day itself)."""
    return min(ontvangen + EEN_DAG, laatste)


def met_ingang_van(laatste: dt.date) -> dt.date:
    """The first day the contract no longer applies: the day after its last day."""
    return laatste + EEN_DAG


def op_tijd(ontvangen: dt.date, maanden: int, tegen: dt.date) -> bool:
    """Whether a notice received on `ontvangen` may end the contract on `tegen`."""
    return laatste_dag(ontvangen, maanden) <= tegen


def uiterste_ontvangst(tegen: dt.date, maanden: int) -> dt.date:
    """The last day a notice of `maanden` months can be received to end the contract on
    `tegen`: the latest D with `laatste_dag(D, maanden) <= tegen` (the rule is monotone in D)."""
    if maanden == 0:
        return tegen
    index = tegen.month - 1 - maanden
    jaar, maand = tegen.year + index // 12, index % 12 + 1
    # Start in the day's neighbourhood N months back and step down to the first that fits.
    kandidaat = dt.date(jaar, maand, _laatste_van_de_maand(jaar, maand))
    while not op_tijd(kandidaat, maanden, tegen):
        kandidaat -= EEN_DAG
    return kandidaat


def na_weken(dagtekening: dt.date, weken: int) -> dt.date:
    """The last day of a reply term of `weken` weeks "na dagtekening" of a letter dated
    `dagtekening`: like a termijn in months, it starts the next day and ends on the same weekday
    `weken` weeks later (dated Saturday 5 December 2026, four weeks: Saturday 2 January 2027;
    shown, never moved)."""
    if weken < 1:
        raise ValueError("een antwoordtermijn is één week of meer")
    return dagtekening + dt.timedelta(weeks=weken)
