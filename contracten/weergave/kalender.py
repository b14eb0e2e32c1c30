"""A calendar file (RFC 5545, .ics) that Outlook and Google Calendar import: one all-day event
per deadline, with a UID that stays the same when its date moves (a re-import updates the
event instead of adding a second) and reminders ahead of it.

A calendar takes a changed event over only when its SEQUENCE went up. No counter can be read
from the content alone that only ever rises (a deadline may move back), so the sequence is
kept per UID with a hash of what the event shows (`Versie`, saved by `agenda` beside the
output): `bijgewerkt` raises it, and sets LAST-MODIFIED to the export's `tijdstip`, exactly
when that hash changed; an unchanged event keeps both, so the same export gives the same
bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Versie:
    """Of one event (by UID): a hash of what it shows, its SEQUENCE and LAST-MODIFIED."""

    inhoud: str
    sequence: int
    gewijzigd: dt.datetime  # in UTC


def uid(a: Afspraak) -> str:
    return f"{a.sleutel}@contracten"


def _beschrijving(a: Afspraak) -> str:
    tekst = f"Grondslag: {a.grondslag}."
    if a.markering:
        tekst += (f" Let op: deze dag is een {a.markering}; de termijn schuift niet op, handel "
                  "dus eerder.")
    return tekst


def inhoud(a: Afspraak) -> str:
    """A hash of everything the event shows: a change of any of it is a new version."""
    velden = [a.datum.isoformat(), a.wat, _beschrijving(a), [-h.days for h in HERINNERINGEN]]
    return hashlib.sha256(json.dumps(velden, ensure_ascii=False).encode()).hexdigest()


def bijgewerkt(vorige: Mapping[str, Versie], afspraken: Sequence[Afspraak], *,
               tijdstip: dt.datetime) -> dict[str, Versie]:
    """The versions after exporting `afspraken` at `tijdstip`: a new event starts at 0, a
    changed one goes one up (LAST-MODIFIED `tijdstip`), an unchanged one stays; the events not
    exported now (outside this export's days) are kept as they were."""
    stempel = tijd.in_utc(tijdstip)
    uit = dict(vorige)
    for a in afspraken:
        hash_, oud = inhoud(a), vorige.get(uid(a))
        if oud is None:
            uit[uid(a)] = Versie(hash_, 0, stempel)
        elif oud.inhoud != hash_:
            uit[uid(a)] = Versie(hash_, oud.sequence + 1, max(stempel, oud.gewijzigd))
    return uit


def als_ics(naam: str, afspraken: Sequence[Afspraak], *, tijdstip: dt.datetime,
            versies: Mapping[str, Versie] | None = None) -> bytes:
    """The deadlines (`Agenda.termijnen`) as a calendar file named `naam`, in bytes. `tijdstip` is
    the file's DTSTAMP (when it was made): an argument, so the same input gives the same bytes.
    `versies` (see `bijgewerkt`) give each event its SEQUENCE and LAST-MODIFIED; without them
    every event is new (SEQUENCE 0, LAST-MODIFIED `tijdstip`)."""
    versies = bijgewerkt(versies or {}, afspraken, tijdstip=tijdstip)
    kalender = Calendar()
    kalender.add("prodid", "-//contracten//Termijnenkalender//NL")
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("x-wr-calname", naam)
    stempel = tijd.in_utc(tijdstip)
    for a in afspraken:
        event = Event()
        versie = versies[uid(a)]
        event.add("uid", uid(a))
        event.add("dtstamp", stempel)
        event.add("sequence", versie.sequence)
        event.add("last-modified", versie.gewijzigd)
        event.add("dtstart", a.datum)
        event.add("dtend", a.datum + dt.timedelta(days=1))
        event.add("summary", a.wat)
        event.add("description", _beschrijving(a))
        event.add("transp", "TRANSPARENT")
        for vooraf in HERINNERINGEN:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", a.wat)
            alarm.add("trigger", -vooraf)
            event.add_component(alarm)
        kalender.add_component(event)
    return bytes(kalender.to_ical())
