"""`socialreturn`: the obligations (overview and letters) and, with --realisatie, the state
of what was realised and the reminders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

import contracten
from contracten.cli.groep import main
from contracten.cli.klok import vandaag
from contracten.cli.opties import (
    datum_optie,
    formaat_optie,
    json_optie,
    prijspeil_optie,
    sjablonen_optie,
    toon_json,
    uitvoer_optie,
)


@main.command("socialreturn", options_metavar="[OPTIES]")
@click.argument("regio")
@prijspeil_optie
@click.option("--realisatie", type=click.Path(dir_okay=False, exists=True, allow_dash=True,
                                              path_type=Path),
              metavar="BESTAND", help="Wat de aanbieders als gerealiseerd opgaven (.csv met "
                                      "komma's of puntkomma's, of .xlsx; - leest van de invoer): "
                                      "aanbieder,jaar,gerealiseerd. Maakt de stand per aanbieder "
                                      "en herinneringen voor wie achterloopt.")
@click.option("--reactietermijn", type=click.IntRange(1, 26), default=4, show_default=True,
              metavar="WEKEN", help="Met --realisatie: binnen hoeveel weken een aanbieder op de "
                                    "herinnering antwoordt.")
@click.option("--inhaaltermijn", type=click.IntRange(1, 24), default=3, show_default=True,
              metavar="MAANDEN", help="Met --realisatie: binnen hoeveel maanden na de datum van de "
                                      "herinnering een aanbieder zijn tekort inhaalt (artikel "
                                      "1.9.5); daarna geldt het gevolg van een tekort.")
@click.option("--vooraankondiging", is_flag=True,
              help="Met --realisatie: ook als de verantwoording over een jaar nog niet "
                   "verschuldigd is (artikel 1.9.4), een brief die aankondigt wat wij uiterlijk "
                   "dan verwachten, in plaats van een herinnering (die wordt dan geweigerd).")
@formaat_optie
@uitvoer_optie
@sjablonen_optie
@datum_optie
@json_optie
@click.pass_obj
def socialreturn(regios: Path, regio: str, prijspeil: int | None, realisatie: Path | None,
                 reactietermijn: int, inhaaltermijn: int, vooraankondiging: bool,
                 formaten: tuple[str, ...],
                 uitvoer: Path, sjablonen: Path | None, datum: dt.date | None,
                 als_json: bool) -> None:
    """Social return van REGIO: overzicht (Excel, csv, Word) en een brief per aanbieder; met
    --realisatie de stand van de realisatie en herinneringen."""
    if realisatie is not None:
        _realisatie(regios, regio, realisatie, (reactietermijn, inhaaltermijn), vooraankondiging,
                    formaten, uitvoer, sjablonen, datum, als_json)
        return
    uitkomst = contracten.socialreturn(contracten.laad_regio(regios, regio), prijspeil=prijspeil,
                                       uitvoer=uitvoer, formaten=formaten,
                                       sjablonen=sjablonen, datum=vandaag(datum))
    resultaat = uitkomst.als_json()
    if als_json:
        toon_json(resultaat)
        return
    if uitkomst.documenten is None:
        click.echo(f"{uitkomst.profiel.regio.naam} kent geen social return (regels.socialreturn "
                   f"ontbreekt in {regio}/regio.yaml); er is niets geschreven.")
        return
    click.echo(f"{_verplicht(resultaat['aanbieders'], len(uitkomst.profiel.percelen) > 1)}; "
               f"overzicht en brieven in {uitkomst.documenten.map}.")


def _verplicht(rijen: list[dict[str, Any]], percelen: bool) -> str:
    """'8 van 14 aanbieders zijn verplicht'; with percelen the rows are contracts (one per
    perceel of an aanbieder): '3 van 4 contracten zijn verplicht (2 van 3 aanbieders)'."""
    verplicht = [r for r in rijen if r["verplicht"]]
    zijn = "is" if len(verplicht) == 1 else "zijn"
    if not percelen:
        return f"{len(verplicht)} van {len(rijen)} aanbieders {zijn} verplicht"
    wie = {r["id"] for r in verplicht}
    return (f"{len(verplicht)} van {len(rijen)} contracten {zijn} verplicht ({len(wie)} van "
            f"{len({r['id'] for r in rijen})} aanbieders)")


def _realisatie(regios: Path, regio: str, pad: Path, termijnen: tuple[int, int],
                vooraankondiging: bool,
                formaten: tuple[str, ...], uitvoer: Path, sjablonen: Path | None,
                datum: dt.date | None, als_json: bool) -> None:
    bron: Path | contracten.Invoerbestand = pad
    if str(pad) == "-":
        with click.open_file("-", "rb") as invoer:
            bron = contracten.Invoerbestand.van_stroom("invoer", invoer)
    uitkomst = contracten.socialreturn_realisatie(
        contracten.laad_regio(regios, regio), bron, datum=vandaag(datum), uitvoer=uitvoer,
        formaten=formaten, sjablonen=sjablonen, reactie_weken=termijnen[0],
        inhaal_maanden=termijnen[1], vooraankondiging=vooraankondiging)
    if als_json:
        toon_json(uitkomst.als_json())
        return
    achter = {r.aanbieder for r in uitkomst.standen if r.achter}  # aanbieders, not contracts
    verplicht = len({r.aanbieder for r in uitkomst.standen})
    jaren = ", ".join(str(j) for j in uitkomst.jaren)
    if verplicht == 0:
        wie = "Geen aanbieder heeft een social-returnverplichting"
    elif verplicht == 1:
        wie = f"De enige verplichte aanbieder loopt {'' if achter else 'niet '}achter over {jaren}"
    else:
        wie = (f"{len(achter)} van {verplicht} verplichte aanbieders "
               f"{'loopt' if len(achter) == 1 else 'lopen'} achter over {jaren}")
    click.echo(f"{wie}; stand en herinneringen in {uitkomst.documenten.map}.")
