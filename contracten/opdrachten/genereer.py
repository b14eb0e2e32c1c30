"""`genereer`: a region's document set (programma van eisen, overeenkomsten, letters) in
<uitvoer>/<regio>/<prijspeil>/. Only documents whose inputs changed are made again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from contracten.pijplijn.draai import draai
from contracten.pijplijn.keuze import kies
from contracten.pijplijn.opties import Opties, Voortgang
from contracten.pijplijn.uitvoeren import Resultaat
from contracten.profiel.model import Profiel
from contracten.uitvoer.indeling import Indeling


def genereer(regio: Profiel, *, datum: dt.date, uitvoer: Path | str = "output",
             prijspeil: int | None = None, soorten: Sequence[str] = (),
             aanbieders: Sequence[str] = (), percelen: Sequence[int] = (),
             formaten: Sequence[str] = (), sjablonen: Path | None = None,
             voortgang: Voortgang | None = None,
             processen: int | None = None) -> Resultaat:
    """Make and write the documents of `regio`; letters carry `datum`.

    `soorten`, `aanbieders` and `percelen` narrow the run (the other documents in the folder
    stay);
    `formaten` adds 'html' and/or 'pdf' to .docx and .md. Raises ContractenFout (InvoerFout for
    a wrong choice) and writes nothing then. `voortgang(klaar, totaal)` is called as documents
    are made: `totaal` is how many this run makes (documents whose inputs did not change are
    not made again, nor counted), `klaar` how many of them are done; first with (0, totaal).
    A run that makes nothing does not call it."""
    keuze = kies(regio, opdracht="genereer", prijspeil=prijspeil, soorten=soorten,
                 aanbieders=aanbieders, percelen=percelen)
    return draai(Opties(
        regio, keuze.soorten, keuze.contracten, keuze.prijspeil,
        doel=Indeling(Path(uitvoer)).prijspeil(regio.sleutel, keuze.prijspeil), datum=datum,
        formaten=formaten, sjablonen=sjablonen, volledig=keuze.volledig,
        # kinds chosen for every contract: what they no longer make goes
        opruimen=frozenset(s.naam for s in keuze.soorten)
        if not aanbieders and not percelen else frozenset(),
        processen=processen, voortgang=voortgang))
