"""`contracten agenda`: the termijnen of a region, as a list, JSON, .ics and .xlsx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

import contracten
from contracten.cli.goedkeuring import database_optie
from contracten.cli.groep import main
from contracten.cli.klok import nu, vandaag
from contracten.cli.opties import Datum, json_optie, toon_json, uitvoer_optie


@main.command("agenda", options_metavar="[OPTIES]")
@click.argument("regio")
@click.option("--vanaf", type=Datum(), metavar="JJJJ-MM-DD",
              help="Eerste dag van het overzicht (standaard vandaag).")
@click.option("--binnen", type=click.IntRange(0, 3650), default=365, show_default=True,
              metavar="DAGEN", help="Hoeveel dagen vooruit.")
@click.option("--ics", type=click.Path(dir_okay=False, path_type=Path), metavar="BESTAND",
              help="Schrijf ook een agendabestand (.ics) voor Outlook of Google Agenda.")
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), metavar="BESTAND",
              help="Schrijf ook een Excel-overzicht (.xlsx).")
@click.option("--perceel", "percelen", multiple=True, type=click.IntRange(1, 99), metavar="N",
              help="Alleen de termijnen van de contracten in dit perceel (en die van de hele "
                   "regio); herhaalbaar.")
@uitvoer_optie
@database_optie
@json_optie
@click.pass_obj
def agenda(regios: Path, regio: str, vanaf: dt.date | None, binnen: int, ics: Path | None,
           xlsx: Path | None, percelen: tuple[int, ...], uitvoer: Path, database: str | None,
           als_json: bool) -> None:
    """Toon de termijnen van REGIO: einde en verlenging, opzegtermijnen, indexatie, social
    return en lopende opzeggingen. Weekenden en feestdagen worden gemeld, nooit verschoven."""
    tijdstip = nu()
    uitkomst = contracten.agenda(contracten.laad_regio(regios, regio),
                                 vanaf=vandaag(vanaf), binnen=binnen,
                                 tijdstip=tijdstip, uitvoer=uitvoer, database=database,
                                 ics=ics, xlsx=xlsx, percelen=percelen)
    if als_json:
        toon_json({"regio": uitkomst.regio, "vanaf": uitkomst.vanaf.isoformat(),
                   "tot": uitkomst.tot.isoformat(),
                   "termijnen": [{"datum": t.datum.isoformat(), "soort": t.soort,
                                  "wat": t.wat, "aanbieder": t.aanbieder,
                                  **({"perceel": t.perceel} if t.perceel is not None else {}),
                                  "grondslag": t.grondslag, "markering": t.markering,
                                  "uid": f"{t.sleutel}@contracten"} for t in uitkomst.termijnen]})
        return
    for t in uitkomst.termijnen:
        let_op = f"  LET OP: {t.markering}" if t.markering else ""
        click.echo(f"  {contracten.als_datum(t.datum):<18} {t.wat}{let_op}")
    termijnen = contracten.als_aantal(len(uitkomst.termijnen), "termijn", "termijnen")
    click.echo(f"{termijnen} van {contracten.als_datum(uitkomst.vanaf)} tot en met "
               f"{contracten.als_datum(uitkomst.tot)}.")
    for pad in uitkomst.geschreven:
        click.echo(f"geschreven: {pad}")


@main.command("exporteer", options_metavar="[OPTIES]")
@click.argument("regio")
@click.argument("bestand", type=click.Path(dir_okay=False, path_type=Path))
@uitvoer_optie
@database_optie
@click.pass_obj
def exporteer(regios: Path, regio: str, bestand: Path, uitvoer: Path, database: str | None
              ) -> None:
    """Schrijf de aanbieders, de tarieven en het register van REGIO naar een Excel-werkboek."""
    pad = contracten.exporteer(contracten.laad_regio(regios, regio), bestand, tijdstip=nu(),
                               uitvoer=uitvoer, database=database)
    click.echo(f"geschreven: {pad} (bladen Aanbieders, Tarieven per prijspeil, Register, "
               "Documenten).")


@main.command("importeer", options_metavar="[OPTIES]")
@click.argument("regio")
@click.argument("bestand", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.pass_obj
def importeer(regios: Path, regio: str, bestand: Path) -> None:
    """Lees aanbieders en tarieven uit een Excel-werkboek in het profiel van REGIO; opmerkingen
    en volgorde in de YAML blijven staan."""
    uitkomst = contracten.importeer(contracten.laad_regio(regios, regio), bestand)
    for pad in uitkomst.gewijzigd:
        click.echo(f"bijgewerkt: {pad}")
    if not uitkomst.gewijzigd:
        click.echo("Niets veranderd: het profiel zegt al wat het werkboek zegt.")
