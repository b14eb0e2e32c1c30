"""`agenda`: the termijnenkalender of a region from its profile and the register, as a list,
and optionally as .ics (for Outlook and Google Calendar) and .xlsx."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from contracten.opdrachten.goedkeuring import synchroniseer
from contracten.profiel.model import Profiel
from contracten.register.register import Register
from contracten.register.verbinding import open_engine
from contracten.rekenen.termijnen import Termijn, termijnen
from contracten.uitvoer.map import vervang_atomair
from contracten.weergave.kalender import als_ics
from contracten.weergave.spreadsheet import Kolom, als_xlsx

KOLOMMEN = [Kolom("datum", "Datum", "datum"), Kolom("wat", "Wat", "tekst"),
            Kolom("aanbieder", "Aanbieder", "tekst"), Kolom("grondslag", "Grondslag", "tekst"),
            Kolom("markering", "Let op (weekend of feestdag)", "tekst")]


@dataclass(frozen=True)
class Agenda:
    regio: str
    vanaf: dt.date
    tot: dt.date  # inclusive
    termijnen: list[Termijn]
    geschreven: list[Path]


def agenda(regio: Profiel, *, vanaf: dt.date, binnen: int = 365, tijdstip: dt.datetime,
           uitvoer: Path | str = "output", database: str | Path | None = None,
           ics: Path | None = None, xlsx: Path | None = None) -> Agenda:
    """The deadlines of `regio` from `vanaf` through `binnen` days later. Running opzeggingen
    come from the register (brought up to date from the output folders first)."""
    register = Register(open_engine(database))
    synchroniseer(register, regio, uitvoer=Path(uitvoer), prijspeil=regio.laatste_prijspeil(),
                  tijdstip=tijdstip)
    opzeggingen = {c.aanbieder: c.opzegdatum for c in register.contracten(regio.sleutel)
                   if c.opzegdatum is not None}
    tot = vanaf + dt.timedelta(days=binnen)
    gekozen = [t for t in termijnen(regio, opzeggingen) if vanaf <= t.datum <= tot]
    namen = {a.id: a.naam for a in regio.aanbieders}
    geschreven = []
    if ics is not None:
        vervang_atomair(ics, als_ics(f"Termijnen {regio.regio.naam}", gekozen,
                                     tijdstip=tijdstip))
        geschreven.append(ics)
    if xlsx is not None:
        rijen = [{"datum": t.datum, "wat": t.wat, "aanbieder": namen.get(t.aanbieder or "", ""),
                  "grondslag": t.grondslag, "markering": t.markering or ""} for t in gekozen]
        vervang_atomair(xlsx, als_xlsx("Termijnen", KOLOMMEN, rijen, totaal_van=[],
                                       tijdstip=tijdstip.date()))
        geschreven.append(xlsx)
    return Agenda(regio.sleutel, vanaf, tot, gekozen, geschreven)
