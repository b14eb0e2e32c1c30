"""What a run of the pipeline is asked to do: one value, `Opties`, that every command which
makes documents (genereer, indexeer, opzegging, socialreturn and its realisatie) fills in and
hands to `contracten.pijplijn.draai.draai`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.profiel.wissel import Profielwissel
from contracten.soorten.basis import Soort
from contracten.uitvoer.manifest import Opzegfeiten

# Called with (klaar, totaal): documents made so far, and how many this run makes.
Voortgang = Callable[[int, int], None]


@dataclass(frozen=True)
class Opties:
    """One run: which documents (kinds × contracts) of which profile, where, and how.

    `doel` is the output folder of the run (see `uitvoer.indeling.Indeling`); `formaten` are
    as the caller gave them (checked by `draai`); `sjablonen` None is the default folder."""

    profiel: Profiel
    soorten: Sequence[Soort]
    contracten: Sequence[Contract]  # of the kinds made per contract
    prijspeil: int
    doel: Path
    datum: dt.date  # the date letters carry
    formaten: Sequence[str] = ()
    sjablonen: Path | None = None
    # For kinds made by one command (an opzegging): what the documents are about, and a
    # string that changes with it (part of every document's input hash).
    onderwerp: object = None
    onderwerp_sleutel: str = ""
    extra_invoer: tuple[tuple[str, bytes], ...] = ()  # more input files: (name, content)
    volledig: bool = False  # a run of every kind for every contract: all it doesn't make goes
    opruimen: frozenset[str] = frozenset()  # kinds whose documents this run no longer makes go
    per_contract: Contract | None = None  # a folder of one contract: its manifest names it
    opzegging: Opzegfeiten | None = None  # an opzegging's folder: its manifest records it
    processen: int | None = None  # worker processes; None: as many as sensible
    wissel: Profielwissel | None = None  # a change of the profile that commits with the run
    voortgang: Voortgang | None = None
