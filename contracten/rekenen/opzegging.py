"""Opzegging (Assen §1.6.1, §1.5.3): the dates that follow a termination, per client.

Pure: no files, no clock. Every period follows the one rule for termijnen (`termijnregel`): the
opzegtermijn starts the day after the notice was received and ends on its last day; a chain of
periods is counted in one step from the day of receipt (or from the end it was given against).
A date on a weekend or Dutch public holiday is flagged, never moved: the Algemene termijnenwet
does not apply to contractual terms.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from contracten.profiel.clienten import Client
from contracten.rekenen.termijnregel import eerste_dag, laatste_dag, met_ingang_van

if TYPE_CHECKING:
    import holidays

Door = Literal["aanbieder", "gemeente"]
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """Calendar months later, clamped to the last day of the target month."""
    index = datum.month - 1 + maanden
    jaar, maand = datum.year + index // 12, index % 12 + 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


@cache
def _feestdagen(jaar: int) -> holidays.HolidayBase:
    from contracten.rekenen.feestdagen import nederland  # only when a date is looked at

    return nederland(jaar)


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
    einde_overeenkomst: dt.date  # the contract's last day
    doorlevering_maanden: int
    uiterste_zorgdatum: dt.date
    clienten: list[ClientSchema]
    door: Door = "aanbieder"  # who terminates: the aanbieder (Assen § 1.6.1) or the gemeente
    ontvangen: dt.date | None = None  # the day the notice was received
    tegen: dt.date | None = None  # the end it was given against, when one was named
    # Whether the rules of Assen § 1.6.1 apply: from `instroomstop` no new clients, and talks
    # at once about continuing the existing relations of care. Only where the region has them
    # (regels.opzegging.instroomstop) and the aanbieder terminated ("Indien Aanbieder de
    # overeenkomst … opzegt"); without, that day is only the opzegtermijn's first day.
    instroomstop_geldt: bool = True

    @property
    def met_ingang_van(self) -> dt.date:
        """The first day the contract no longer applies."""
        return met_ingang_van(self.einde_overeenkomst)

    @property
    def einde_opzegtermijn(self) -> dt.date:
        """The opzegtermijn's own last day: the contract's, unless it was given against a later
        end (`tegen`)."""
        if self.ontvangen is None:
            return self.einde_overeenkomst
        return laatste_dag(self.ontvangen, self.opzegtermijn_maanden)

    def data(self) -> list[dt.date]:
        return [self.instroomstop, self.einde_overeenkomst, self.uiterste_zorgdatum,
                *(c.zorg_tot for c in self.clienten)]


def bereken(aanbieder: str, ontvangen: dt.date, opzegtermijn_maanden: int,
            doorlevering_maanden: int, clienten: list[Client], door: Door = "aanbieder",
            tegen: dt.date | None = None, instroomstop: bool = True) -> Schema:
    """The schedule of a notice received on `ontvangen`, given against `tegen` (the contract's
    last day; default: the last day of the opzegtermijn, see `termijnregel`); `instroomstop`:
    whether the region has the rules of Assen § 1.6.1 (no new clients from the opzegtermijn's
    first day); they apply only to a notice by the aanbieder."""
    instroomstop = instroomstop and door == "aanbieder"
    # In one step from one day: a chain of steps would let each step's clamp to the end of a
    # month eat days (received 30 August, 6 + 6 months: 30 August, not 31 August via February).
    einde = tegen if tegen is not None else laatste_dag(ontvangen, opzegtermijn_maanden)
    uiterste = (laatste_dag(tegen, doorlevering_maanden) if tegen is not None
                else laatste_dag(ontvangen, opzegtermijn_maanden + doorlevering_maanden))
    # The instroomstop: the opzegtermijn's first day.
    datum = eerste_dag(ontvangen, einde)
    schema = []
    for client in clienten:
        eind = client.einddatum_beschikking
        if eind is None:
            schema.append(ClientSchema(client, uiterste, "beschikking zonder einddatum: tot de "
                                                         "uiterste zorgdatum"))
        elif eind < datum:
            schema.append(ClientSchema(client, eind, "de beschikking eindigde al vóór de "
                                       + ("instroomstop" if instroomstop
                                          else "opzegtermijn") + ": controleer de lijst", True))
        elif eind < uiterste:
            schema.append(ClientSchema(client, eind, "de beschikking eindigt eerder"))
        else:
            schema.append(ClientSchema(client, uiterste, "uiterste zorgdatum (de beschikking "
                                                         "loopt langer)"))
    return Schema(aanbieder, datum, opzegtermijn_maanden, einde, doorlevering_maanden, uiterste,
                  schema, door, ontvangen, tegen, instroomstop)
