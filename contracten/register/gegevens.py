"""What the register holds, as the rest of the program reads it: contracts, document versions,
steps and who signed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection

from contracten.register.handtekeningen import VastgelegdeHandtekening


@dataclass(frozen=True)
class Contract:
    """One contract (a perceel with one opdrachtnemer) as the register keeps it."""

    aanbieder: str
    naam: str
    perceel: str  # the perceel's name
    variant: str
    begin: dt.date
    einde: dt.date  # the last day: of the looptijd, or of the opzegging that ends it
    verlengingen_gebruikt: int
    verlengingen_over: int
    verlenging_maanden: int
    opzegtermijn_maanden: int
    status: str = "lopend"  # "opgezegd" (an opzegging runs), "beëindigd" (after the last day)
    opzegdatum: dt.date | None = None  # the day the opzegging was received
    perceelnummer: int = 1
    zorg_tot: dt.date | None = None  # of an opzegging: the last day of the doorlevering
    opgezegd_door: str | None = None  # ... and who gave it: "aanbieder" or "gemeente"


@dataclass(frozen=True)
class Versie:
    """A generated document as made by one run: its path in the output folder and its hash."""

    aanbieder: str | None
    soort: str
    pad: str
    versie: str
    sha256: str
    perceel: int | None = None  # a contract's document in a tender of several percelen


# What belongs to a new step besides it, added in its transaction: (connection, the step's id).
Bijlage = Callable[[Connection, int], None]


@dataclass(frozen=True)
class Ondertekening:
    """Who signed for one party (opdrachtgever: the gemeente; opdrachtnemer: the aanbieder),
    in which function, and on which day."""

    partij: str
    naam: str
    functie: str
    datum: dt.date


@dataclass(frozen=True)
class Stap:
    stap: str
    door: str
    op: dt.datetime  # with its zone; show it with `tijd.getoond` (in Amsterdam time)
    opmerking: str | None
    ondertekeningen: tuple[Ondertekening, ...] = ()  # of a step 'getekend': each party's
    sha256: str | None = None  # the version the person saw (none before schema version 6)
    # of a step 'getekend' from a signed PDF: each signature in it, with the file kept
    handtekeningen: tuple[VastgelegdeHandtekening, ...] = ()


@dataclass(frozen=True)
class Stand:
    """Where the newest version of one document stands, and how it got there."""

    id: int
    aanbieder: str | None
    soort: str
    pad: str
    versie: str
    sha256: str
    geschiedenis: list[Stap]
    perceel: int | None = None  # a contract's document in a tender of several percelen

    @property
    def status(self) -> str:
        return self.geschiedenis[-1].stap if self.geschiedenis else "concept"
