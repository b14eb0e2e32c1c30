"""`agenda`: the termijnenkalender of a region from its profile and the register, as a list,
and optionally as .ics (for Outlook and Google Calendar) and .xlsx."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from contracten import tijd, vastlegging
from contracten.fouten import InvoerFout
from contracten.opdrachten.goedkeuring import synchroniseer
from contracten.pijplijn.keuze import onbekende_percelen
from contracten.profiel.model import Profiel
from contracten.register.register import Register
from contracten.register.verbinding import open_engine
from contracten.rekenen.contractstand import Opzegfeit
from contracten.rekenen.termijnen import Termijn, termijnen
from contracten.uitvoer.indeling import Indeling
from contracten.uitvoer.map import vervang_atomair
from contracten.weergave.kalender import Versie, als_ics, bijgewerkt
from contracten.weergave.spreadsheet import Kolom, als_xlsx

KOLOMMEN = [Kolom("datum", "Datum", "datum"), Kolom("wat", "Wat", "tekst"),
            Kolom("aanbieder", "Aanbieder", "tekst"), Kolom("grondslag", "Grondslag", "tekst"),
            Kolom("markering", "Let op (weekend of feestdag)", "tekst")]
PERCEEL = Kolom("perceel", "Perceel", "tekst")  # in a tender of several percelen
VERSIES = "agenda-versies.json"  # in the region's output folder: each event's SEQUENCE


@dataclass(frozen=True)
class Agenda:
    regio: str
    vanaf: dt.date
    tot: dt.date  # inclusive
    termijnen: list[Termijn]
    geschreven: list[Path]
    kalender: bytes | None = None  # the .ics, when asked for (`kalender=True` or `ics`)


def agenda(regio: Profiel, *, vanaf: dt.date, binnen: int = 365, tijdstip: dt.datetime,
           uitvoer: Path | str = "output", database: str | Path | None = None,
           ics: Path | None = None, xlsx: Path | None = None,
           percelen: Sequence[int] = (), kalender: bool = False) -> Agenda:
    """The deadlines of `regio` from `vanaf` through `binnen` days later, per contract where
    they concern one. Running opzeggingen come from the register (brought up to date from the
    output folders first). `percelen` leaves out the deadlines of contracts in other percelen
    (those of the whole region stay). With `ics` or `kalender` the calendar file too, each
    event with the SEQUENCE of its last change (kept in the region's output folder,
    `agenda-versies.json`, so a calendar that imported it takes a changed event over)."""
    if onbekend := onbekende_percelen(regio, percelen):
        raise InvoerFout(onbekend, "Ongeldige keuze")
    register = Register(open_engine(database))
    _, contracten = synchroniseer(register, regio, uitvoer=Path(uitvoer),
                                  prijspeil=regio.laatste_prijspeil(), tijdstip=tijdstip)
    sleutels = {(c.perceel.nummer, c.aanbieder.id): c.sleutel for c in regio.contracten}
    opzeggingen = {sleutels[(c.perceelnummer, c.aanbieder)]: Opzegfeit(
        c.opzegdatum, c.opzegtermijn_maanden, c.einde, c.zorg_tot or c.einde,
        "gemeente" if c.opgezegd_door == "gemeente" else "aanbieder")
        for c in contracten
        if c.opzegdatum is not None and (c.perceelnummer, c.aanbieder) in sleutels}
    tot = vanaf + dt.timedelta(days=binnen)
    gekozen = [t for t in termijnen(regio, opzeggingen) if vanaf <= t.datum <= tot
               and (not percelen or t.perceel is None or t.perceel in percelen)]
    namen = {a.id: a.naam for a in regio.aanbieders}
    meer_percelen = len(regio.percelen) > 1
    geschreven = []
    ics_inhoud = None
    if ics is not None or kalender:
        bewaard = Indeling(Path(uitvoer)).regio(regio.sleutel) / VERSIES
        versies = bijgewerkt(_versies(bewaard), gekozen, tijdstip=tijdstip)
        ics_inhoud = als_ics(f"Termijnen {regio.regio.naam}", gekozen, tijdstip=tijdstip,
                             versies=versies)
        _bewaar(bewaard, versies)
    if ics is not None and ics_inhoud is not None:
        vervang_atomair(ics, ics_inhoud)
        vastlegging.bestand(ics)
        geschreven.append(ics)
    if xlsx is not None:
        rijen = [{"datum": t.datum, "wat": t.wat, "aanbieder": namen.get(t.aanbieder or "", ""),
                  "perceel": "" if t.perceel is None else str(t.perceel),
                  "grondslag": t.grondslag,
                  "markering": t.markering or ""} for t in gekozen]
        kolommen = [*KOLOMMEN[:3], PERCEEL, *KOLOMMEN[3:]] if meer_percelen else KOLOMMEN
        vervang_atomair(xlsx, als_xlsx("Termijnen", kolommen, rijen, totaal_van=[],
                                       tijdstip=tijd.dag(tijdstip)))
        vastlegging.bestand(xlsx)
        geschreven.append(xlsx)
    return Agenda(regio.sleutel, vanaf, tot, gekozen, geschreven, ics_inhoud)


def _versies(pad: Path) -> dict[str, Versie]:
    """The versions saved by the last export; none when there is no (readable) file: every
    event then starts again at SEQUENCE 0."""
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
        return {uid: Versie(str(v["inhoud"]), int(v["sequence"]),
                            dt.datetime.fromisoformat(v["gewijzigd"]))
                for uid, v in data["afspraken"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _bewaar(pad: Path, versies: dict[str, Versie]) -> None:
    """Saved when they changed; a read-only output folder keeps the old ones (the file is
    made all the same)."""
    data = {"afspraken": {uid: {"inhoud": v.inhoud, "sequence": v.sequence,
                                "gewijzigd": v.gewijzigd.isoformat()}
                          for uid, v in sorted(versies.items())}}
    tekst = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()
    try:
        if pad.read_bytes() == tekst:
            return
    except OSError:
        pass
    with contextlib.suppress(OSError):
        vervang_atomair(pad, tekst)
