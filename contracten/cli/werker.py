"""`contracten werker`: run the web's jobs (regenerating a region) from a register on
PostgreSQL, on any computer that sees the regios and output folders under the same paths."""

from __future__ import annotations

import signal
from pathlib import Path

import click

import contracten
from contracten.cli.goedkeuring import database_optie
from contracten.cli.groep import main
from contracten.cli.onderbreking import schoon


def _meld(taak: contracten.Taak) -> None:
    if taak.status == "bezig":
        click.echo(f"Taak {taak.id}: {taak.regio} opnieuw maken …")
    elif taak.status == "klaar":
        click.echo(f"Taak {taak.id}: klaar, {len(taak.geschreven)} Word-documenten gemaakt of "
                   f"bijgewerkt, {len(taak.verwijderd)} bestanden verwijderd.")
    else:
        click.echo(schoon(f"Taak {taak.id}: {taak.status}: {taak.fout}"), err=True)


@main.command("werker", options_metavar="[OPTIES]")
@click.option("--eenmaal", is_flag=True,
              help="Voer de wachtende taken uit en stop dan (anders: blijf op nieuwe wachten).")
@database_optie
@click.pass_obj
def werker(_: Path, eenmaal: bool, database: str | None) -> None:
    """Voer de taken van de webtoepassing uit (documenten opnieuw maken) als het register op
    PostgreSQL staat. Start er één of meer, op elke computer die de regiomap en de uitvoermap
    onder dezelfde paden ziet als de webserver. Stoppen met Ctrl-C: een lopende taak wordt dan
    als afgebroken gemeld."""
    taken = contracten.Taken(database)
    if taken.zelf():
        raise contracten.ContractenFout(
            "Een werker is er voor een register op PostgreSQL; met een SQLite-register maakt "
            "contracten web de documenten zelf.")
    if not eenmaal:
        click.echo("Werker wacht op taken (stoppen met Ctrl-C).")
    try:
        aantal = taken.werk(eenmaal=eenmaal, melding=_meld)
    except KeyboardInterrupt as gestopt:
        click.echo("Werker gestopt.", err=True)
        raise click.exceptions.Exit(128 + getattr(gestopt, "signaal", signal.SIGINT)) from None
    click.echo(f"Geen wachtende taken meer; {aantal} uitgevoerd.")
