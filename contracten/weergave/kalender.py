"""A calendar file (RFC 5545, .ics) that Outlook and Google Calendar import: one all-day event
per deadline, with a UID that stays the same when its date moves (a re-import updates the
event instead of adding a second) and reminders ahead of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from icalendar import Alarm, Calendar, Event

from contracten import tijd

HERINNERINGEN = (dt.timedelta(days=14), dt.timedelta(days=2))


class Afspraak(Protocol):
    @property
    def datum(self) -> dt.date: ...
    @property
    def sleutel(self) -> str: ...
    @property
    def wat(self) -> str: ...
    @property
    def grondslag(self) -> str: ...
    @property
    def markering(self) -> str | None: ...


def als_ics(naam: str, afspraken: Sequence[Afspraak], *, tijdstip: dt.datetime) -> bytes:
    """The deadlines (`Agenda.termijnen`) as a calendar file named `naam`, in bytes. `tijdstip` is
    the file's DTSTAMP (when it was made): an argument, so the same input gives the same bytes."""
    kalender = Calendar()
    kalender.add("prodid", "-//contracten//Termijnenkalender//NL")
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("x-wr-calname", naam)
    stempel = tijd.in_utc(tijdstip)
    for a in afspraken:
        event = Event()
        event.add("uid", f"{a.sleutel}@contracten")
        event.add("dtstamp", stempel)
        event.add("dtstart", a.datum)
        event.add("dtend", a.datum + dt.timedelta(days=1))
        event.add("summary", a.wat)
        beschrijving = f"Grondslag: {a.grondslag}."
        if a.markering:
            beschrijving += (f" Let op: deze dag is een {a.markering}; de termijn schuift niet "
                             "op, handel dus eerder.")
        event.add("description", beschrijving)
        event.add("transp", "TRANSPARENT")
        for vooraf in HERINNERINGEN:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", a.wat)
            alarm.add("trigger", -vooraf)
            event.add_component(alarm)
        kalender.add_component(event)
    return bytes(kalender.to_ical())
