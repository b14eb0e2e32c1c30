"""`getekend --pdf`: the command line's side of a digitally signed contract (the check and
the recording are `contracten.getekend_pdf`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

import contracten
from contracten.cli.klok import nu


def met_pdf(regios: Path, regio: str, pdf: Path, vertrouw: tuple[Path, ...], door: str | None,
            opmerking: str | None, partijen: dict[str, Any], **keuze: Any) -> None:
    """Check and record the signed PDF; the signatories' names (if given) say which signature
    is whose, their functions are used instead of the certificate's title; a date is not
    asked (the signature carries it)."""
    if given := [f"--{p}-datum" for p in ("opdrachtgever", "opdrachtnemer")
                 if partijen[f"{p}_datum"]]:
        raise click.UsageError(f"Met --pdf komt de dag uit de handtekening; laat "
                               f"{' en '.join(given)} weg.")
    resultaat = contracten.getekend_pdf(
        contracten.laad_regio(regios, regio), pdf, door=door or "", tijdstip=nu(),
        vertrouw=vertrouw, opmerking=opmerking,
        namen={p: partijen[p] for p in ("opdrachtgever", "opdrachtnemer")},
        functies={p: partijen[f"{p}_functie"] for p in ("opdrachtgever", "opdrachtnemer")},
        **keuze)
    for partij, h in resultaat.handtekeningen:
        op = (contracten.als_datum(contracten.dag_van(h.getekend_op)) if h.getekend_op
              else "onbekend")
        vertrouwd = "vertrouwd" if h.vertrouwd else "NIET VERTROUWD"
        click.echo(f"  getekend voor de {partij} door {h.naam} op {op} ({vertrouwd}; "
                   f"certificaat van {h.uitgever})")
    for waarschuwing in resultaat.waarschuwingen:
        click.echo(f"Let op: {waarschuwing}.", err=True)
    click.echo(f"getekend: {resultaat.document.stand.pad}; de getekende pdf staat in "
               f"{resultaat.pdf} (sha256 {resultaat.sha256[:12]}…).")
