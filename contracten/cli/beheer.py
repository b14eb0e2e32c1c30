"""The commands around the documents: regios, valideer, definitief, vergelijk."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

import contracten
from contracten import ContractenFout
from contracten.cli.goedkeuring import database_optie, door_opties, perceel_optie
from contracten.cli.groep import main
from contracten.cli.klok import nu, vandaag
from contracten.cli.opties import (
    Soortkeuze,
    datum_optie,
    json_optie,
    prijspeil_optie,
    sjablonen_optie,
    toon_json,
    toon_waarschuwingen,
    uitvoer_optie,
)


@main.command("regios", options_metavar="[OPTIES]")
@json_optie
@click.pass_obj
def regios(regios: Path, als_json: bool) -> None:
    """Toon de regioprofielen: naam, bekostigingsvorm, gemeenten, prijspeilen, percelen."""
    namen = contracten.vind_regios(regios)
    if not namen:
        raise ContractenFout(f"Geen regioprofielen gevonden in {regios}.")
    # From the region folders, not loaded profiles: an unchanged profile is not loaded again.
    overzicht = [contracten.regio_samenvatting(regios, naam) for naam in namen]
    if als_json:
        toon_json(overzicht)
        return
    for regel in overzicht:
        percelen = regel["percelen"]
        taakgericht = {p["bekostigingsvorm"] == "taakgericht" for p in percelen}
        wat = {frozenset({True}): "functies", frozenset({False}): "producten"}.get(
            frozenset(taakgericht), "functies en producten")
        vormen = contracten.als_opsomming(
            list(dict.fromkeys(str(p["bekostigingsvorm"]) for p in percelen)))
        click.echo(f"{regel['regio']}: {regel['naam']} ({vormen})")
        click.echo(f"  gemeenten:   {', '.join(regel['gemeenten'])}")
        click.echo(f"  prijspeilen: {', '.join(str(j) for j in regel['prijspeilen'])}")
        click.echo(f"  {wat}: {len(regel['producten'])}, aanbieders: {len(regel['aanbieders'])}")
        for p in percelen:
            click.echo(f"  perceel {p['nummer']}:   {p['naam']} ({p['bekostigingsvorm']}), "
                       + contracten.als_aantal(len(p["opdrachtnemers"]), "opdrachtnemer",
                                    "opdrachtnemers"))


@main.command(options_metavar="[OPTIES]")
@click.argument("regio")
@click.option("--ja", is_flag=True, help="Schrijf zonder te vragen (het verschil wordt wel "
                                          "getoond).")
@click.pass_obj
def bijwerken(regios: Path, regio: str, ja: bool) -> None:
    """Breng het profiel van REGIO naar het huidige formaat: toont eerst het verschil en
    schrijft na bevestiging. Opmerkingen, volgorde en notatie blijven staan."""
    voorstel = contracten.bijwerken(regios, regio)
    if not voorstel.omzettingen:
        click.echo(f"{regio} heeft al formaat {voorstel.formaat}; er is niets te doen.")
        return
    click.echo(voorstel.verschil(), nl=False)
    for o in voorstel.omzettingen:
        for stap in o.stappen:
            click.echo(f"  {o.bestand}: {stap}")
    if not ja and not (sys.stdin.isatty() and click.confirm("Schrijven?", default=False)):
        click.echo("Niets geschreven" + ("." if sys.stdin.isatty() else
                                         "; bevestig met --ja om te schrijven."))
        return
    gedaan = contracten.bijwerken(regios, regio, schrijven=True)
    for o in gedaan.omzettingen:
        click.echo(f"bijgewerkt: {gedaan.map / o.bestand}")


@main.command(options_metavar="[OPTIES]")
@click.argument("regio", nargs=-1)
@sjablonen_optie
@click.pass_obj
def valideer(regios: Path, regio: tuple[str, ...], sjablonen: Path | None) -> None:
    """Controleer regioprofielen en sjablonen (alle regio's als er geen REGIO genoemd is)."""
    namen = list(regio) or contracten.vind_regios(regios)
    if not namen:
        raise ContractenFout(f"Geen regioprofielen gevonden in {regios}.")
    fouten: list[str] = []
    for naam in namen:
        try:
            validatie = contracten.valideer(contracten.laad_regio(regios, naam),
                                            sjablonen=sjablonen)
        except ContractenFout as fout:
            fouten.append(str(fout))
            continue
        if not validatie.geldig:
            fouten.append(str(contracten.InvoerFout(
                validatie.meldingen, f"Sjablonen passen niet bij regio '{naam}'")))
            continue
        profiel = validatie.profiel
        aanbieders = contracten.als_aantal(len(profiel.aanbieders), "aanbieder", "aanbieders")
        click.echo(f"{naam}: geldig ({aanbieders}, "
                   f"prijspeilen {', '.join(str(j) for j in profiel.prijspeilen)})")
        toon_waarschuwingen([str(m) for m in validatie.waarschuwingen])
    if fouten:
        for bericht in fouten:
            click.echo(bericht, err=True)
        sys.exit(1)


@main.command("definitief", options_metavar="[OPTIES]")
@click.argument("regio")
@prijspeil_optie
@click.option("--document", "soorten", multiple=True,
              type=Soortkeuze("genereer"), metavar="SOORT",
              help="Alleen deze documentsoort; herhaalbaar.")
@click.option("--aanbieder", "aanbieders", multiple=True, metavar="ID",
              help="Alleen de documenten van deze aanbieder; herhaalbaar.")
@perceel_optie
@click.option("--ook-samenvattingen", is_flag=True,
              help="Ook een overeenkomst die nog samenvattingen van de Contractstandaard bevat "
                   "(in plaats van de officiële tekst).")
@click.option("--ook-voorbeelden", is_flag=True,
              help="Ook een document met voorbeeldwaarden, gemarkeerd met ‘(voorbeeld)’: "
                   "waarden die de bron niet geeft en die niet zijn vastgesteld.")
@door_opties
@uitvoer_optie
@datum_optie
@database_optie
@click.pass_obj
def definitief(regios: Path, regio: str, prijspeil: int | None, soorten: tuple[str, ...],
               aanbieders: tuple[str, ...], percelen: tuple[int, ...], ook_samenvattingen: bool,
               ook_voorbeelden: bool,
               door: str | None, opmerking: str | None, uitvoer: Path, datum: dt.date | None,
               database: str | None) -> None:
    """Markeer gegenereerde documenten als definitief: genereer overschrijft ze nooit. Een
    document met samenvattingen van de Contractstandaard of met voorbeeldwaarden wordt
    geweigerd, met de plekken. Met --door komt de stap ook in het register (na juridisch
    akkoord)."""
    door = contracten.wie_handelt(door, database) or None  # with users: who runs this
    map_, gemarkeerd = contracten.markeer_definitief(
        contracten.laad_regio(regios, regio), prijspeil=prijspeil, soorten=soorten,
        aanbieders=aanbieders, percelen=percelen, uitvoer=uitvoer, datum=vandaag(datum),
        ook_samenvattingen=ook_samenvattingen, ook_voorbeelden=ook_voorbeelden, door=door,
        opmerking=opmerking, tijdstip=nu() if door is not None else None, database=database)
    for pad in gemarkeerd:
        click.echo(f"definitief: {pad}")
    aantal = contracten.als_aantal(len(gemarkeerd), "document", "documenten")
    click.echo(f"{aantal} definitief in {map_}"
               + (" en in het register." if door is not None else "."))


@main.command("vergelijk", options_metavar="[OPTIES]")
@click.argument("oud", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.argument("nieuw", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--uitvoer", type=click.Path(file_okay=False, path_type=Path),
              help="Map voor rapport en redlines (standaard naast NIEUW: vergelijking-OUD-NIEUW).")
@datum_optie
def vergelijk(oud: Path, nieuw: Path, uitvoer: Path | None, datum: dt.date | None) -> None:
    """Vergelijk twee uitvoermappen: rapport (html, md) en redlines met Word-revisies."""
    uitkomst = contracten.vergelijk(oud, nieuw, uitvoer=uitvoer, datum=vandaag(datum))
    if not uitkomst.gewijzigd:
        click.echo(f"Geen wijzigingen; rapport in {uitkomst.map}.")
        return
    for document in uitkomst.documenten:
        if document.status != "ongewijzigd":
            n = len(document.wijzigingen)
            teller = f", {contracten.als_aantal(n, 'wijziging', 'wijzigingen')}" if n else ""
            click.echo(f"{document.status:11} {document.pad}{teller}")
    click.echo(f"Rapport en redlines in {uitkomst.map}.")
