"""`genereer`: a region's document set (programma van eisen, overeenkomsten, letters) in
<uitvoer>/<regio>/<prijspeil>/. Only documents whose inputs changed are made again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from contracten.pijplijn.keuze import kies
from contracten.pijplijn.plan import extra_formaten, maak_plan
from contracten.pijplijn.uitvoeren import Resultaat, voer_uit
from contracten.profiel.model import Profiel
from contracten.soorten.register import sjablonenmap


def genereer(regio: Profiel, *, datum: dt.date, uitvoer: Path | str = "output",
             prijspeil: int | None = None, soorten: Sequence[str] = (),
             aanbieders: Sequence[str] = (), percelen: Sequence[int] = (),
             formaten: Sequence[str] = (),
             sjablonen: Path | None = None, voortgang: Callable[[int], None] | None = None,
             processen: int | None = None) -> Resultaat:
    """Make and write the documents of `regio`; letters carry `datum`.

    `soorten`, `aanbieders` and `percelen` narrow the run (the other documents in the folder
    stay);
    `formaten` adds 'html' and/or 'pdf' to .docx and .md. Raises ContractenFout (InvoerFout for
    a wrong choice) and writes nothing then. `voortgang` is called with the number of documents
    made so far."""
    keuze = kies(regio, opdracht="genereer", prijspeil=prijspeil, soorten=soorten,
                 aanbieders=aanbieders, percelen=percelen)
    extra = extra_formaten(formaten)
    plan = maak_plan(regio, keuze.soorten, keuze.contracten, prijspeil=keuze.prijspeil,
                     sjablonen=sjablonenmap(sjablonen),
                     doel=Path(uitvoer) / regio.sleutel / str(keuze.prijspeil), datum=datum,
                     formaten=extra, volledig=keuze.volledig,
                     # kinds chosen for every aanbieder: what they no longer make goes
                     opruimen=frozenset(s.naam for s in keuze.soorten)
                     if not aanbieders and not percelen else frozenset())
    return voer_uit(plan, processen=processen, voortgang=voortgang)
