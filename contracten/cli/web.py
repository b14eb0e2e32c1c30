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
              help="Adres waarop de server luistert. Een ander adres dan deze computer vraagt "
                   f"om inloggen met het wachtwoord in {GEHEIM}.")
@click.option("--poort", type=click.IntRange(1, 65535), default=8000, show_default=True,
              metavar="N", help="Poort van de server.")
@click.option("--door", metavar="NAAM", envvar="CONTRACTEN_DOOR",
              help="Uw naam voor de goedkeuringsstappen, als er niet wordt ingelogd (ook via "
                   "CONTRACTEN_DOOR).")
@uitvoer_optie
@database_optie
@click.pass_obj
def web(regios: Path, host: str, poort: int, door: str | None, uitvoer: Path,
        database: str | None) -> None:
    """Start de webtoepassing: regio's, documenten, vergelijken, goedkeuren en termijnen."""
    import uvicorn

    geheim = os.environ.get(GEHEIM) or None
    if not _lokaal(host) and not geheim:
        raise ContractenFout(f"Op een ander adres dan deze computer ({host}) moet iedereen "
                             f"inloggen: zet eerst een wachtwoord in {GEHEIM}.")
    app = contracten.webtoepassing(contracten.WebInstellingen(
        regios=regios.resolve(), uitvoer=uitvoer.resolve(), database=database,
        door=None if geheim else door, geheim=geheim, sessiesleutel=secrets.token_urlsafe(32)))
    click.echo(f"contracten web op http://{host}:{poort}/ (stoppen met Ctrl-C)")
    uvicorn.run(app, host=host, port=poort, log_level="warning")
