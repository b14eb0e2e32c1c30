"""`contracten artikelen`: list the article library; `artikelen importeer`: import the
official text of the Contractstandaard Wmo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

import contracten
from contracten.cli.groep import main
from contracten.cli.opties import json_optie, toon_json

STATUS = {"verplicht": "verplicht", "optioneel": "optioneel", "verbatim": "letterlijk"}


def artikelen_optie(functie: Any) -> Any:
    return click.option(
        "--artikelen", "map_", type=click.Path(file_okay=False, path_type=Path),
        envvar="CONTRACTEN_ARTIKELEN", metavar="MAP",
        help="Map van de artikelbibliotheek (standaard ./artikelen, anders die van het pakket; "
             "ook via CONTRACTEN_ARTIKELEN).")(functie)


@main.group("artikelen", invoke_without_command=True, options_metavar="[OPTIES]",
            subcommand_metavar="[importeer BESTAND]")
@artikelen_optie
@click.option("--versie", metavar="VERSIE",
              help="Toon de bibliotheek onder deze geïmporteerde versie van de standaard "
                   "(standaard: de nieuwste).")
@json_optie
@click.pass_context
def artikelen(ctx: click.Context, map_: Path | None, versie: str | None,
              als_json: bool) -> None:
    """Toon de artikelbibliotheek van de Contractstandaard Wmo: nummer, titel, status, bron."""
    ctx.obj = map_
    if ctx.invoked_subcommand is not None:
        return
    bibliotheek = contracten.artikelbibliotheek(map_, versie)
    per_versie = contracten.officiele_versies_per_artikel(map_)
    rijen = [{"nummer": a.nummer, "titel": a.titel, "status": a.status, "bron": a.bron,
              "versie": a.versie, "officieel_in": per_versie.get(a.nummer, [])}
             for a in bibliotheek.in_volgorde()]
    if als_json:
        toon_json(rijen)
        return
    if bibliotheek.versies:
        click.echo(f"Geïmporteerde versies: {', '.join(bibliotheek.versies)}; hieronder "
                   f"{bibliotheek.standaard}.")
    for a in bibliotheek.in_volgorde():
        bron = f"officieel ({a.versie})" if a.bron == "officieel" else f"samenvatting ({a.versie})"
        if a.nummer in bibliotheek.index.regiotekst:
            bron = "tekst van de regio"
        elders = [v for v in per_versie.get(a.nummer, []) if v != a.versie]
        if elders:
            bron += f"; officieel ook in {', '.join(elders)}"
        click.echo(f"{a.nummer:13} {a.titel[:52]:52} {STATUS[a.status]:10} {bron}")
    for waarschuwing in bibliotheek.waarschuwingen:
        click.echo(f"Let op: {waarschuwing}.", err=True)
    samenvattingen = [a for a in bibliotheek.samenvattingen()
                      if a.genummerd and a.nummer not in bibliotheek.index.regiotekst]
    if samenvattingen:
        click.echo(f"\n{len(samenvattingen)} artikelen zijn nog een samenvatting in eigen "
                   "woorden; importeer vóór ondertekening de officiële tekst met 'contracten "
                   "artikelen importeer BESTAND'.")


@artikelen.command("importeer", options_metavar="[OPTIES]")
@click.argument("bestand", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--versie", metavar="VERSIE",
              help="Versie van de standaard, bijv. '1.3' (standaard: uit de tabel "
                   "'Versiebeheer' of de bestandsnaam).")
@click.option("--vervang", is_flag=True,
              help="Vervang een eerder geïmporteerde tekst van dezelfde versie (de overeenkomsten "
                   "onder die versie krijgen de nieuwe tekst).")
@click.pass_obj
def importeer(map_: Path | None, bestand: Path, versie: str | None, vervang: bool) -> None:
    """Importeer de officiële tekst van de Contractstandaard Wmo (.docx of .md)."""
    uitkomst = contracten.importeer_artikelen(bestand, map_=map_, versie=versie,
                                              vervang=vervang)
    verslag = uitkomst.verslag
    officieel = verslag.officieel
    click.echo(f"{len(officieel.artikelen)} artikelen gelezen uit {bestand.name} "
               f"({officieel.versie}); opgeslagen in {uitkomst.bestand}.")
    click.echo(f"Geïmporteerde versies: {', '.join(uitkomst.versies)}.")
    for a in verslag.artikelen:
        uitleg = f" — {a.toelichting}" if a.toelichting else ""
        click.echo(f"  {a.nummer:13} {a.titel[:44]:44} {a.status}{uitleg}")
    if uitkomst.gewijzigd:
        click.echo(f"Vervangen; andere tekst in: {', '.join(uitkomst.gewijzigd)}.")
    for probleem in verslag.problemen:
        click.echo(f"Niet gelezen: {probleem}", err=True)
    for afwijking in verslag.afwijkingen:
        click.echo(f"Open plek: {afwijking}", err=True)
    for regel in verslag.weggelaten:
        click.echo(f"Toelichting van de standaard weggelaten: {regel}", err=True)
