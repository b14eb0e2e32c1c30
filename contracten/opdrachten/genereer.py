"""`genereer`: a region's document set (programma van eisen, overeenkomsten, letters) in
<uitvoer>/<regio>/<prijspeil>/. Only documents whose inputs changed are made again; a rerun in
which nothing changed is decided before the profile is loaded (see `snelpad`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from contracten.pijplijn.resultaat import Resultaat

from . import onthouden
from .snelpad import Snelpad

if TYPE_CHECKING:
    from contracten.pijplijn.opties import Voortgang
    from contracten.profiel.model import Profiel


def genereer(regio: Profiel | Path | str, naam: str | None = None, *, datum: dt.date,
             uitvoer: Path | str = "output", prijspeil: int | None = None,
             soorten: Sequence[str] = (), aanbieders: Sequence[str] = (),
             percelen: Sequence[int] = (), formaten: Sequence[str] = (),
             sjablonen: Path | None = None, voortgang: Voortgang | None = None,
             processen: int | None = None, onthoud: str | None = None,
             vastleggen: bool = True) -> Resultaat:
    """Make and write the documents of `regio`; letters carry `datum`.

    `regio` is a loaded profile (`laad_regio`), or a region folder as `laad_regio` takes it:
    `genereer("regios/assen", ...)`, or the folder `naam` in it (`genereer("regios", "assen",
    ...)`). Given a folder, the profile is loaded only when something may have changed since
    the previous run with the same arguments: when the region's files, the templates, the
    article library, this program, the arguments and every file of the output folder are as
    that run left them (by size, times and inode; see `opdrachten.snelpad`), the result is the
    one of a run that changes nothing, at once, and its `manifest` is read only when asked for.
    Anything else takes the usual way, which is also the only way for a loaded profile.

    `soorten`, `aanbieders` and `percelen` narrow the run (the other documents in the folder
    stay);
    `formaten` adds 'html' and/or 'pdf' to .docx and .md. Raises ContractenFout (InvoerFout for
    a wrong choice, or an invalid profile) and writes nothing then. `voortgang(klaar, totaal)`
    is called as documents are made: `totaal` is how many this run makes (documents whose
    inputs did not change are not made again, nor counted), `klaar` how many of them are done;
    first with (0, totaal). A run that makes nothing does not call it.

    `onthoud` (for a region folder): remember this call under that key of the caller's own
    once the same call again would change nothing, so that `ongewijzigd(onthoud)` can answer
    that call at once later (see `opdrachten.onthouden`; the command line's key is the command
    line as typed).

    `vastleggen=False` (for a region folder): do not record the run's fingerprint for a next
    unchanged run (`genereer --volg` makes its next run itself); a record from before stays,
    and no longer matches what changed."""
    if not isinstance(regio, (str, os.PathLike)):
        return _genereer(regio, datum, uitvoer, prijspeil, soorten, aanbieders, percelen,
                         formaten, sjablonen, voortgang, processen)[0]
    regios, naam = (Path(regio), naam) if naam is not None \
        else (Path(regio).parent, Path(regio).name)
    snel = Snelpad(regios, naam, uitvoer=uitvoer, datum=datum, prijspeil=prijspeil,
                   soorten=soorten, aanbieders=aanbieders, percelen=percelen,
                   formaten=formaten, sjablonen=sjablonen)
    resultaat = snel.probeer()
    if resultaat is not None:
        if onthoud is not None:
            onthouden.onthoud(onthoud, snel)
        return resultaat
    from contracten.pijplijn.draai import geladen
    from contracten.profiel.laden import laad_regio

    voor = snel.neem_waar() if vastleggen else None
    with geladen(lambda: laad_regio(regios, naam)) as profiel:
        resultaat, herhaling = _genereer(profiel, datum, uitvoer, prijspeil, soorten,
                                         aanbieders, percelen, formaten, sjablonen, voortgang,
                                         processen, herhaal=vastleggen)
        # The same run again would change nothing: record it (and, asked to, remember the
        # call).
        if herhaling is not None and snel.leg_vast(voor, profiel, resultaat, herhaling) \
                and onthoud is not None:
            onthouden.onthoud(onthoud, snel)
    # what it saw of the files served the record only (at 10,000 aanbieders some 16 MB)
    return dataclasses.replace(resultaat, gezien=None) if resultaat.gezien else resultaat


def _genereer(regio: Profiel, datum: dt.date, uitvoer: Path | str, prijspeil: int | None,
              soorten: Sequence[str], aanbieders: Sequence[str], percelen: Sequence[int],
              formaten: Sequence[str], sjablonen: Path | None, voortgang: Voortgang | None,
              processen: int | None, herhaal: bool = False
              ) -> tuple[Resultaat, list[str] | None]:
    """The run; with `herhaal`, also what the same run again would keep (see
    `draai_en_herhaal`)."""
    from contracten.pijplijn.draai import draai, draai_en_herhaal
    from contracten.pijplijn.keuze import kies
    from contracten.pijplijn.opties import Opties
    from contracten.uitvoer.indeling import Indeling

    keuze = kies(regio, opdracht="genereer", prijspeil=prijspeil, soorten=soorten,
                 aanbieders=aanbieders, percelen=percelen)
    opties = Opties(
        regio, keuze.soorten, keuze.contracten, keuze.prijspeil,
        doel=Indeling(Path(uitvoer)).prijspeil(regio.sleutel, keuze.prijspeil), datum=datum,
        formaten=formaten, sjablonen=sjablonen, volledig=keuze.volledig,
        # kinds chosen for every contract: what they no longer make goes
        opruimen=frozenset(s.naam for s in keuze.soorten)
        if not aanbieders and not percelen else frozenset(),
        processen=processen, voortgang=voortgang)
    return draai_en_herhaal(opties) if herhaal else (draai(opties), None)
