"""`contracten gebruiker`: the people who may take steps, and their roles."""

from __future__ import annotations

import sys

import click

import contracten
from contracten.cli.goedkeuring import database_optie
from contracten.cli.groep import main
from contracten.cli.klok import nu

ROL = click.Choice(contracten.ROLLEN)


@main.group("gebruiker", options_metavar="[OPTIES]",
            subcommand_metavar="OPDRACHT [ARGUMENTEN]...")
def gebruiker() -> None:
    """Beheer wie stappen mag zetten en met welke rol: inkoper, jurist, contractmanager of
    beheerder. Zolang er geen gebruikers zijn, legt --door elke naam vast (voor wie alleen
    werkt)."""


def _wachtwoord(naam: str) -> str:
    """The web password: asked twice without showing it at a terminal, else one line read from
    standard input."""
    if sys.stdin.isatty():
        return str(click.prompt(f"Wachtwoord voor {naam}", hide_input=True,
                                confirmation_prompt="Nog een keer"))
    return sys.stdin.readline().rstrip("\r\n")


def _toon(g: contracten.Gebruiker) -> str:
    web = "web en opdrachtregel" if g.heeft_wachtwoord else "alleen opdrachtregel"
    return f"  {g.naam}: {g.rol}, {web}" + ("" if g.actief else " (uitgeschakeld)")


@gebruiker.command("toevoegen", options_metavar="[OPTIES]")
@click.argument("naam")
@click.option("--rol", type=ROL, required=True, help="De rol van deze gebruiker.")
@click.option("--wachtwoord", "met_wachtwoord", is_flag=True,
              help="Geef een wachtwoord voor de webtoepassing (gevraagd, of één regel van de "
                   "standaardinvoer); zonder werkt deze gebruiker alleen op de opdrachtregel.")
@database_optie
def toevoegen(naam: str, rol: str, met_wachtwoord: bool, database: str | None) -> None:
    """Voeg gebruiker NAAM toe met een rol."""
    g = contracten.voeg_gebruiker_toe(naam, rol, tijdstip=nu(), database=database,
                                      wachtwoord=_wachtwoord(naam) if met_wachtwoord else None)
    click.echo(f"Toegevoegd:\n{_toon(g)}")


@gebruiker.command("rol", options_metavar="[OPTIES]")
@click.argument("naam")
@click.argument("rol", type=ROL)
@database_optie
def rol(naam: str, rol: str, database: str | None) -> None:
    """Geef gebruiker NAAM de rol ROL; wie is ingelogd, moet opnieuw inloggen."""
    g = contracten.wijzig_rol(naam, rol, tijdstip=nu(), database=database)
    click.echo(f"Gewijzigd:\n{_toon(g)}")


@gebruiker.command("wachtwoord", options_metavar="[OPTIES]")
@click.argument("naam")
@database_optie
def wachtwoord(naam: str, database: str | None) -> None:
    """Zet of wijzig het webwachtwoord van gebruiker NAAM (gevraagd, of één regel van de
    standaardinvoer); wie is ingelogd, moet opnieuw inloggen."""
    g = contracten.zet_wachtwoord(naam, _wachtwoord(naam), tijdstip=nu(), database=database)
    click.echo(f"Wachtwoord gezet:\n{_toon(g)}")


@gebruiker.command("uitschakelen", options_metavar="[OPTIES]")
@click.argument("naam")
@database_optie
def uitschakelen(naam: str, database: str | None) -> None:
    """Schakel gebruiker NAAM uit: geen stappen en geen inloggen meer; de naam blijft in de
    geschiedenis."""
    g = contracten.schakel_gebruiker_uit(naam, tijdstip=nu(), database=database)
    click.echo(f"Uitgeschakeld:\n{_toon(g)}")


@gebruiker.command("lijst", options_metavar="[OPTIES]")
@database_optie
def lijst(database: str | None) -> None:
    """Toon alle gebruikers met hun rol."""
    alle = contracten.gebruikers(database)
    if not alle:
        click.echo("Nog geen gebruikers: --door legt elke naam vast.")
    for g in alle:
        click.echo(_toon(g))
