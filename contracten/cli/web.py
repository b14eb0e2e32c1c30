"""`contracten web`: start the local web application."""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

import click

import contracten
from contracten import ContractenFout
from contracten.cli.goedkeuring import database_optie
from contracten.cli.groep import main
from contracten.cli.opties import uitvoer_optie

GEHEIM = "CONTRACTEN_WEB_GEHEIM"


def _lokaal(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@main.command("web", options_metavar="[OPTIES]")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adres waarop de server luistert; de server antwoordt alleen op dit adres "
                   "(en op --naam). Een ander adres dan deze computer vraagt om inloggen: met "
                   f"gebruikers in het register, anders met het wachtwoord in {GEHEIM}.")
@click.option("--naam", "namen", multiple=True, metavar="HOST",
              help="Nog een naam waaronder de server bereikbaar is (zoals "
                   "contracten.gemeente.nl); herhaalbaar. Andere namen krijgen een fout 400.")
@click.option("--tls-cert", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="BESTAND", help="Certificaat (PEM) om via https te serveren.")
@click.option("--tls-key", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="BESTAND", help="De sleutel (PEM) bij --tls-cert.")
@click.option("--poort", type=click.IntRange(1, 65535), default=8000, show_default=True,
              metavar="N", help="Poort van de server.")
@click.option("--door", metavar="NAAM", envvar="CONTRACTEN_DOOR",
              help="Uw naam voor de goedkeuringsstappen, als er niet wordt ingelogd (ook via "
                   "CONTRACTEN_DOOR).")
@uitvoer_optie
@database_optie
@click.pass_obj
def web(regios: Path, host: str, namen: tuple[str, ...], tls_cert: Path | None,
        tls_key: Path | None, poort: int, door: str | None, uitvoer: Path,
        database: str | None) -> None:
    """Start de webtoepassing: regio's, documenten, vergelijken, goedkeuren en termijnen."""
    import uvicorn

    if (tls_cert is None) != (tls_key is None):
        raise click.UsageError("Geef --tls-cert en --tls-key samen.")
    geheim = os.environ.get(GEHEIM) or None
    if not _lokaal(host) and not geheim and not contracten.heeft_gebruikers(database):
        raise ContractenFout(f"Op een ander adres dan deze computer ({host}) moet iedereen "
                             "inloggen: voeg gebruikers met een wachtwoord toe ('contracten "
                             f"gebruiker toevoegen NAAM --rol ROL --wachtwoord') of zet een "
                             f"wachtwoord in {GEHEIM}.")
    if host in ("0.0.0.0", "::") and not namen:
        raise click.UsageError("Op alle adressen luisteren kan alleen met --naam: de naam "
                               "waaronder de server bereikbaar is.")
    hosts = _hosts(host, namen)
    app = contracten.webtoepassing(contracten.WebInstellingen(
        regios=regios.resolve(), uitvoer=uitvoer.resolve(), database=database,
        door=None if geheim else door, geheim=geheim, sessiesleutel=secrets.token_urlsafe(32),
        hosts=hosts, tls=tls_cert is not None))
    schema = "https" if tls_cert else "http"
    click.echo(f"contracten web op {schema}://{namen[0] if namen else host}:{poort}/ "
               "(stoppen met Ctrl-C)")
    if not _lokaal(host) and not tls_cert:
        click.echo("Let op: zonder --tls-cert en --tls-key gaan wachtwoorden onversleuteld over "
                   "het netwerk; gebruik TLS of een reverse proxy met https.", err=True)
    uvicorn.run(app, host=host, port=poort, log_level="warning",
                ssl_certfile=str(tls_cert) if tls_cert else None,
                ssl_keyfile=str(tls_key) if tls_key else None)


def _hosts(host: str, namen: tuple[str, ...]) -> tuple[str, ...]:
    """The names the server answers to: the bound address (with localhost's other names),
    and every --naam."""
    eigen = [] if host in ("0.0.0.0", "::") else [host.strip("[]")]
    if _lokaal(host):
        eigen += ["127.0.0.1", "localhost", "::1"]
    return tuple(dict.fromkeys([*eigen, *namen]))
