"""What `genereer` says of a run, and `genereer --volg`: the run again after every change,
each said as it ends, until Ctrl+C."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

import contracten
from contracten.cli import snelstart
from contracten.cli.klok import vandaag
from contracten.cli.onderbreking import schoon
from contracten.cli.opties import toon_waarschuwingen, voortgangsbalk

GETOOND = 3  # changed files named; more are counted


def toon_gemaakt(resultaat: contracten.Resultaat) -> None:
    """What `genereer` says of a run: what it made and where, or that nothing changed."""
    if (niets := snelstart.bij_niets_veranderd(resultaat)) is not None:
        click.echo(niets)
        return
    manifest = resultaat.manifest
    for pad in resultaat.naast_definitief:
        click.echo(f"Let op: {pad} is definitief en blijft ongewijzigd; de nieuwe versie staat "
                   "ernaast (.nieuw-…).")
    docx = sum(1 for pad in resultaat.geschreven if pad.endswith(".docx"))
    aantal = contracten.als_aantal(docx, "Word-document", "Word-documenten")
    click.echo(f"{aantal} gemaakt in {resultaat.map} "
               f"(prijspeil {manifest.prijspeil}, versie {manifest.versie}); overzicht in "
               f"{resultaat.map / 'manifest.json'}.")


def volg(regios: Path, regio: str, *, datum: dt.date | None, uitvoer: Path,
         prijspeil: int | None, soorten: tuple[str, ...], aanbieders: tuple[str, ...],
         percelen: tuple[int, ...], formaten: tuple[str, ...], sjablonen: Path | None) -> None:
    """Follow REGIO (`contracten.volg`), saying each run as it ends; Ctrl+C while it waits
    stops it (exit status 0), during a run it is an interruption like any other. Without
    `datum`, each run has the date of its day."""
    with voortgangsbalk(False) as voortgang:
        contracten.volg(regios, regio, datum=datum or (lambda: vandaag(None)),
                        uitvoer=uitvoer, prijspeil=prijspeil, soorten=soorten,
                        aanbieders=aanbieders, percelen=percelen, formaten=formaten,
                        sjablonen=sjablonen, voortgang=voortgang, bij_ronde=_toon)
    click.echo("Gestopt met volgen.")


def _toon(ronde: contracten.Ronde) -> None:
    if ronde.gewijzigd:
        click.echo(schoon(f"Gewijzigd: {_genoemd(ronde.gewijzigd)}."))
    if ronde.fout is not None:
        tekst = str(ronde.fout)
        click.echo(schoon(tekst if isinstance(ronde.fout, contracten.InvoerFout)
                          else f"Fout: {tekst}"), err=True)
        click.echo("Niet gelukt; wacht op een wijziging (Ctrl+C stopt).")
        return
    assert ronde.resultaat is not None
    toon_waarschuwingen(ronde.resultaat.waarschuwingen)
    toon_gemaakt(ronde.resultaat)
    duur = f"{ronde.duur:.2f}".replace(".", ",")
    click.echo(f"Klaar in {duur} s; wacht op een wijziging (Ctrl+C stopt).")


def _genoemd(paden: tuple[str, ...]) -> str:
    """The changed files, relative to the working folder where they are inside it."""
    namen = [_vanaf_hier(p) for p in paden[:GETOOND]]
    rest = len(paden) - len(namen)
    if rest:
        namen.append(contracten.als_aantal(rest, "ander bestand", "andere bestanden"))
    return contracten.als_opsomming(namen)


def _vanaf_hier(pad: str) -> str:
    try:
        relatief = os.path.relpath(pad)
    except ValueError:  # Windows: another drive
        return pad
    return pad if relatief.startswith("..") else relatief
