"""Opzegging (Assen §1.6.1, §1.5.3): the dates that follow a termination, per client.

Pure: no files, no clock. Month arithmetic clamps to the end of the month (31 augustus + 6
maanden = 28 of 29 februari), and a chain of periods is added in one step from the original
date. A date on a weekend or Dutch public holiday is flagged, never moved: the Algemene
termijnenwet does not apply to contractual terms.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Literal

import holidays

from contracten.profiel.clienten import Client

Door = Literal["aanbieder", "gemeente"]
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """Calendar months later, clamped to the last day of the target month."""
    index = datum.month - 1 + maanden
    jaar, maand = datum.year + index // 12, index % 12 + 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


@cache
def _feestdagen(jaar: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NL", years=jaar, language="nl")


def markering(datum: dt.date) -> str | None:
    """'zaterdag', 'zondag' or the holiday's Dutch name when people cannot act that day."""
    feestdag = _feestdagen(datum.year).get(datum)
    if feestdag:
        return str(feestdag).lower()
    if datum.weekday() >= 5:
        return WEEKDAGEN[datum.weekday()]
    return None


@dataclass(frozen=True)
class ClientSchema:
    client: Client
    zorg_tot: dt.date
    reden: str  # why this date, in words
    al_afgelopen: bool = False  # the beschikking ended before the instroomstop


@dataclass(frozen=True)
class Schema:
    aanbieder: str
    instroomstop: dt.date  # the day the opzegtermijn starts: no new clients from then
    opzegtermijn_maanden: int
    einde_overeenkomst: dt.date
    doorlevering_maanden: int
    uiterste_zorgdatum: dt.date
    clienten: list[ClientSchema]
    door: Door = "aanbieder"  # who terminates: the aanbieder (Assen § 1.6.1) or the gemeente

    def data(self) -> list[dt.date]:
        return [self.instroomstop, self.einde_overeenkomst, self.uiterste_zorgdatum,
                *(c.zorg_tot for c in self.clienten)]


def bereken(aanbieder: str, datum: dt.date, opzegtermijn_maanden: int,
            doorlevering_maanden: int, clienten: list[Client], door: Door = "aanbieder"
            ) -> Schema:
    # Every date in one step from the original date: a chain of steps would let each step's
    # clamp to the end of the month eat days (31 August + 6 + 3 months is 31 May, not 29 May).
    einde = plus_maanden(datum, opzegtermijn_maanden)
    uiterste = plus_maanden(datum, opzegtermijn_maanden + doorlevering_maanden)
    schema = []
    for client in clienten:
        eind = client.einddatum_beschikking
        if eind is None:
            schema.append(ClientSchema(client, uiterste, "beschikking zonder einddatum: tot de "
                                                         "uiterste zorgdatum"))
        elif eind < datum:
            schema.append(ClientSchema(client, eind, "de beschikking eindigde al vóór de "
                                                     "instroomstop: controleer de lijst", True))
        elif eind < uiterste:
            schema.append(ClientSchema(client, eind, "de beschikking eindigt eerder"))
        else:
            schema.append(ClientSchema(client, uiterste, "uiterste zorgdatum (de beschikking "
                                                         "loopt langer)"))
    return Schema(aanbieder, datum, opzegtermijn_maanden, einde, doorlevering_maanden, uiterste,
                  schema, door)
