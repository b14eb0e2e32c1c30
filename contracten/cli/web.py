"""`contracten web`: start the local web application."""

from __future__ import annotations

import ipaddress
import os
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


def _proxy(_: click.Context, __: click.Parameter, waarde: str | None) -> str | None:
    """One or more addresses or networks (comma-separated); never everyone ('*')."""
    if waarde is None:
        return None
    for deel in waarde.split(","):
        try:
            ipaddress.ip_network(deel.strip(), strict=False)
        except ValueError:
            raise click.BadParameter(f"'{deel.strip()}' is geen IP-adres of netwerk (zoals "
                                     "127.0.0.1 of 10.0.0.0/24)") from None
    return waarde


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
@click.option("--proxy", metavar="ADRES", callback=_proxy,
              help="Het adres van de reverse proxy die https afhandelt (zoals 127.0.0.1): "
                   "de server neemt het adres van de bezoeker en https over uit diens "
                   "X-Forwarded-For en X-Forwarded-Proto, en iedereen logt in.")
@click.option("--poort", type=click.IntRange(1, 65535), default=8000, show_default=True,
              metavar="N", help="Poort van de server.")
@click.option("--door", metavar="NAAM", envvar="CONTRACTEN_DOOR",
              help="Uw naam voor de goedkeuringsstappen, als er niet wordt ingelogd (ook via "
                   "CONTRACTEN_DOOR).")
@click.option("--vertrouw", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              multiple=True, metavar="CA.pem",
              help="Vertrouw bij een geüploade getekende pdf ook certificaten van deze "
                   "uitgever (naast die van het systeem); herhaalbaar.")
@uitvoer_optie
@database_optie
@click.pass_obj
def web(regios: Path, host: str, namen: tuple[str, ...], tls_cert: Path | None,
        tls_key: Path | None, proxy: str | None, poort: int, door: str | None,
        vertrouw: tuple[Path, ...], uitvoer: Path, database: str | None) -> None:
    """Start de webtoepassing: regio's, documenten, vergelijken, goedkeuren en termijnen."""
    import uvicorn

    if (tls_cert is None) != (tls_key is None):
        raise click.UsageError("Geef --tls-cert en --tls-key samen.")
    geheim = os.environ.get(GEHEIM) or None
    if (proxy or not _lokaal(host)) and not geheim and not contracten.heeft_gebruikers(database):
        waar = "Achter een proxy" if proxy else f"Op een ander adres dan deze computer ({host})"
        raise ContractenFout(f"{waar} moet iedereen inloggen: voeg gebruikers met een "
                             "wachtwoord toe ('contracten gebruiker toevoegen NAAM --rol ROL "
                             f"--wachtwoord') of zet een wachtwoord in {GEHEIM}.")
    if host in ("0.0.0.0", "::") and not namen:
        raise click.UsageError("Op alle adressen luisteren kan alleen met --naam: de naam "
                               "waaronder de server bereikbaar is.")
    import secrets  # with hmac and base64: only for this command, not on every start

    hosts = _hosts(host, namen)
    app = contracten.webtoepassing(contracten.WebInstellingen(
        regios=regios.resolve(), uitvoer=uitvoer.resolve(), database=database,
        door=None if geheim else door, geheim=geheim, sessiesleutel=secrets.token_urlsafe(32),
        hosts=hosts, tls=tls_cert is not None or proxy is not None,
        vertrouw=tuple(p.resolve() for p in vertrouw)))
    schema = "https" if tls_cert else "http"
    click.echo(f"contracten web op {schema}://{namen[0] if namen else host}:{poort}/ "
               "(stoppen met Ctrl-C)")
    if not _lokaal(host) and not tls_cert and not proxy:
        click.echo("Let op: zonder --tls-cert en --tls-key gaan wachtwoorden onversleuteld over "
                   "het netwerk; gebruik TLS of een reverse proxy met https.", err=True)
    uvicorn.run(app, host=host, port=poort, log_level="warning",
                ssl_certfile=str(tls_cert) if tls_cert else None,
                ssl_keyfile=str(tls_key) if tls_key else None,
                # forwarded headers only from the named proxy (uvicorn trusts 127.0.0.1 by
                # default: any local program could then pose as any address)
                proxy_headers=proxy is not None, forwarded_allow_ips=proxy)


def _hosts(host: str, namen: tuple[str, ...]) -> tuple[str, ...]:
    """The names the server answers to: the bound address (with localhost's other names),
    and every --naam."""
    eigen = [] if host in ("0.0.0.0", "::") else [host.strip("[]")]
    if _lokaal(host):
        eigen += ["127.0.0.1", "localhost", "::1"]
    return tuple(dict.fromkeys([*eigen, *namen]))
