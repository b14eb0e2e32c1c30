"""The command line: parse arguments, call the library, print. Nothing else lives here."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from contracten.cli import taal as clitaal
from contracten.fouten import ContractenFout, InvoerFout
from contracten.opdrachten.regios import samenvatting
from contracten.opmaak import aantal
from contracten.profiel.laden import laad_regio, vind_regios
from contracten.soorten.register import FORMATEN, SOORTEN

# The commands import their library module when they run: a quick command (or an unchanged
# rerun of genereer) does not pay for loading the Word, Excel and holiday machinery.

clitaal.installeer()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _toon_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


class Jaar(click.ParamType):
    """A year on the command line, with a Dutch message when it isn't one."""

    name = "jaar"

    def convert(self, waarde: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(waarde, int):
            return waarde
        if not (isinstance(waarde, str) and waarde.isdigit() and len(waarde) == 4
                and 2000 <= int(waarde) <= 2100):
            self.fail(f"'{waarde}' is geen jaartal van 2000 tot en met 2100", param, ctx)
        return int(waarde)


@contextmanager
def voortgangsbalk(stil: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on a terminal; nothing with --json or when output goes elsewhere."""
    if stil or not sys.stderr.isatty():
        yield None
        return
    balk: Any = None
    gedaan = 0

    def bij(gemaakt: int) -> None:
        nonlocal balk, gedaan
        if balk is None:
            balk = click.progressbar(length=None, label="Documenten maken", file=sys.stderr,
                                     show_pos=True)
            balk.__enter__()
        balk.update(gemaakt - gedaan)
        gedaan = gemaakt

    try:
        yield bij
    finally:
        if balk is not None:
            balk.__exit__(None, None, None)


def json_optie(functie: Any) -> Any:
    return click.option("--json", "als_json", is_flag=True,
                        help="Toon het resultaat als JSON op stdout.")(functie)


def datum_optie(functie: Any) -> Any:
    return click.option("--datum", type=click.DateTime(["%Y-%m-%d"]), metavar="JJJJ-MM-DD",
                        help="Datum op de brieven (standaard vandaag).")(functie)


def _dag(datum: dt.datetime | None) -> dt.date:
    return datum.date() if datum else dt.date.today()


def prijspeil_optie(functie: Any) -> Any:
    return click.option("--prijspeil", type=Jaar(), metavar="JAAR",
                        help="Prijspeil (standaard: het nieuwste van de regio).")(functie)


def uitvoer_optie(functie: Any) -> Any:
    return click.option("--uitvoer", type=click.Path(file_okay=False, path_type=Path),
                        default=Path("output"), show_default=True,
                        help="Map voor de documenten.")(functie)


def sjablonen_optie(functie: Any) -> Any:
    return click.option(
        "--sjablonen", type=click.Path(file_okay=False, exists=True, path_type=Path),
        envvar="CONTRACTEN_SJABLONEN",
        help="Map met Word-sjablonen (standaard ./sjablonen, anders die van het pakket).")(functie)


@click.group(context_settings=CONTEXT, options_metavar="[OPTIES]",
             subcommand_metavar="OPDRACHT [ARGUMENTEN]...")
@click.option("--regios", "regios", type=click.Path(file_okay=False, path_type=Path),
              default=Path("regios"), envvar="CONTRACTEN_REGIOS", show_default=True,
              help="Map met regioprofielen (ook via CONTRACTEN_REGIOS).")
@click.version_option(package_name="contracten", message="%(prog)s %(version)s")
@click.pass_context
def main(ctx: click.Context, regios: Path) -> None:
    """Maak de documenten van Wmo-contracten uit regioprofielen."""
    ctx.obj = regios


@main.command("regios", options_metavar="[OPTIES]")
@json_optie
@click.pass_obj
def regios_(regios: Path, als_json: bool) -> None:
    """Toon de regioprofielen: naam, bekostigingsvorm, gemeenten, prijspeilen."""
    namen = vind_regios(regios)
    if not namen:
        raise ContractenFout(f"Geen regioprofielen gevonden in {regios}.")
    profielen = [laad_regio(regios, naam) for naam in namen]
    overzicht = [samenvatting(p) for p in profielen]
    if als_json:
        _toon_json(overzicht)
        return
    for regel in overzicht:
        click.echo(f"{regel['regio']}: {regel['naam']} ({regel['bekostigingsvorm']})")
        click.echo(f"  gemeenten:   {', '.join(regel['gemeenten'])}")
        click.echo(f"  prijspeilen: {', '.join(str(j) for j in regel['prijspeilen'])}")
        click.echo(f"  {'functies' if regel['bekostigingsvorm'] == 'taakgericht' else 'producten'}:"
                   f" {len(regel['producten'])}, aanbieders: {len(regel['aanbieders'])}")


@main.command(options_metavar="[OPTIES]")
@click.argument("regio", nargs=-1)
@sjablonen_optie
@click.pass_obj
def valideer(regios: Path, regio: tuple[str, ...], sjablonen: Path | None) -> None:
    """Controleer regioprofielen en sjablonen (alle regio's als er geen REGIO genoemd is)."""
    namen = list(regio) or vind_regios(regios)
    if not namen:
        raise ContractenFout(f"Geen regioprofielen gevonden in {regios}.")
    from contracten.opdrachten.valideer import valideer_regio

    fouten: list[ContractenFout] = []
    for naam in namen:
        try:
            profiel = valideer_regio(regios, naam, sjablonen)
        except ContractenFout as fout:
            fouten.append(fout)
            continue
        click.echo(f"{naam}: geldig ({len(profiel.aanbieders)} aanbieders, "
                   f"prijspeilen {', '.join(str(j) for j in profiel.prijspeilen)})")
    if fouten:
        for fout in fouten:
            click.echo(str(fout), err=True)
        sys.exit(1)


@main.command("genereer", options_metavar="[OPTIES]")
@click.argument("regio")
@prijspeil_optie
@click.option("--document", "soorten", multiple=True, type=click.Choice(list(SOORTEN)),
              metavar="SOORT", help=f"Alleen deze documentsoort ({', '.join(SOORTEN)}); "
                                    "herhaalbaar.")
@click.option("--aanbieder", "aanbieders", multiple=True, metavar="ID",
              help="Alleen de documenten van deze aanbieder; herhaalbaar.")
@click.option("--formaat", "formaten", multiple=True, type=click.Choice(FORMATEN),
              help="Extra formaat naast .docx en .md (html, pdf); herhaalbaar.")
@uitvoer_optie
@sjablonen_optie
@datum_optie
@json_optie
@click.pass_obj
def genereer_(regios: Path, regio: str, prijspeil: int | None, soorten: tuple[str, ...],
              aanbieders: tuple[str, ...], formaten: tuple[str, ...], uitvoer: Path,
              sjablonen: Path | None, datum: dt.datetime | None, als_json: bool) -> None:
    """Maak de documenten van REGIO: programma van eisen, overeenkomsten, brieven."""
    from contracten.pijplijn.genereer import genereer

    with voortgangsbalk(als_json) as voortgang:
        resultaat = genereer(regios, regio, prijspeil=prijspeil, soorten=soorten,
                             aanbieders=aanbieders, formaten=formaten, uitvoer=uitvoer,
                             sjablonen=sjablonen, datum=_dag(datum), voortgang=voortgang)
    manifest = resultaat.manifest
    if als_json:
        _toon_json(manifest)
        return
    if not resultaat.geschreven:
        click.echo(f"Niets veranderd sinds de vorige run: {resultaat.map} is bij.")
        return
    for pad in resultaat.naast_definitief:
        click.echo(f"Let op: {pad} is definitief en blijft ongewijzigd; de nieuwe versie staat "
                   "ernaast (.nieuw-…).")
    docx = sum(1 for pad in resultaat.geschreven if pad.endswith(".docx"))
    click.echo(f"{aantal(docx, 'Word-document', 'Word-documenten')} gemaakt in {resultaat.map} "
               f"(prijspeil {manifest['prijspeil']}, versie {manifest['versie']}); overzicht in "
               f"{resultaat.map / 'manifest.json'}.")


def _procent(waarde: str | None, optie: str) -> Decimal | None:
    if waarde is None:
        return None
    try:
        getal = Decimal(waarde.replace(",", "."))
    except ArithmeticError:
        getal = None
    if getal is None or not getal.is_finite() or abs(getal) > 1000:
        raise click.BadParameter(f"'{waarde}' is geen bruikbaar percentage (bijv. 3.5)",
                                 param_hint=optie)
    return getal


@main.command("indexeer", options_metavar="[OPTIES]")
@click.argument("regio")
@click.option("--naar", type=Jaar(), required=True, metavar="JAAR",
              help="Het nieuwe prijspeil (mag nog niet bestaan).")
@click.option("--ova", metavar="PCT", help="Loonindex OVA in procenten (VNG-methode).")
@click.option("--ppc", metavar="PCT", help="Prijsindex PPC in procenten (VNG-methode).")
@click.option("--nacalculatie", metavar="PCT", help="Nacalculatie in procentpunten (standaard 0).")
@click.option("--percentage", metavar="PCT", help="Eén indexcijfer in plaats van OVA en PPC.")
@datum_optie
@click.option("--genereer", "genereren", is_flag=True,
              help="Maak daarna alle documenten en de indexatiebrieven voor het nieuwe prijspeil.")
@uitvoer_optie
@sjablonen_optie
@json_optie
@click.pass_obj
def indexeer_(regios: Path, regio: str, naar: int, ova: str | None, ppc: str | None,
              nacalculatie: str | None, percentage: str | None, datum: dt.datetime | None,
              genereren: bool, uitvoer: Path, sjablonen: Path | None, als_json: bool) -> None:
    """Indexeer de bedragen van REGIO naar een nieuw prijspeil (VNG-methode of één percentage)."""
    from contracten.opdrachten.indexeer import als_json as indexering_als_json
    from contracten.opdrachten.indexeer import indexatietabel, indexeer_regio
    from contracten.opmaak import procent

    if percentage is not None and (ova or ppc or nacalculatie):
        raise click.UsageError("Geef --percentage óf --ova en --ppc (met --nacalculatie), niet "
                               "allebei.")
    if percentage is None and (ova is None or ppc is None):
        raise click.UsageError("Geef --ova en --ppc, of --percentage.")
    uitkomst = indexeer_regio(
        regios, regio, naar, datum=_dag(datum),
        ova=_procent(ova, "--ova"), ppc=_procent(ppc, "--ppc"),
        nacalculatie=_procent(nacalculatie, "--nacalculatie"),
        percentage=_procent(percentage, "--percentage"), genereren=genereren, uitvoer=uitvoer,
        sjablonen=sjablonen)
    resultaat = indexering_als_json(uitkomst)
    if als_json:
        _toon_json(resultaat)
        return
    click.echo(f"{regio}: prijspeil {resultaat['van']} → {resultaat['naar']}, index "
               f"{procent(uitkomst.indexering.prijspeil.indexatie.index)}; "  # type: ignore[union-attr]
               f"geschreven: {uitkomst.bestand}")
    click.echo(indexatietabel(uitkomst.indexering))
    if uitkomst.documenten:
        docx = sum(1 for p in uitkomst.documenten.geschreven if p.endswith(".docx"))
        click.echo(f"{aantal(docx, 'Word-document', 'Word-documenten')} (met indexatiebrieven) "
                   f"in {uitkomst.documenten.map}.")


@main.command("socialreturn", options_metavar="[OPTIES]")
@click.argument("regio")
@prijspeil_optie
@uitvoer_optie
@sjablonen_optie
@datum_optie
@json_optie
@click.pass_obj
def socialreturn_(regios: Path, regio: str, prijspeil: int | None, uitvoer: Path,
                  sjablonen: Path | None, datum: dt.datetime | None, als_json: bool) -> None:
    """Social return van REGIO: overzicht (Excel, csv, Word) en een brief per aanbieder."""
    from contracten.opdrachten.socialreturn import als_json as socialreturn_als_json
    from contracten.opdrachten.socialreturn import socialreturn_regio

    uitkomst = socialreturn_regio(regios, regio, prijspeil=prijspeil, uitvoer=uitvoer,
                                  sjablonen=sjablonen, datum=_dag(datum))
    resultaat = socialreturn_als_json(uitkomst)
    if als_json:
        _toon_json(resultaat)
        return
    if uitkomst.documenten is None:
        click.echo(f"{uitkomst.profiel.regio.naam} kent geen social return (regels.socialreturn "
                   f"ontbreekt in {regio}/regio.yaml); er is niets geschreven.")
        return
    verplicht = [a for a in resultaat["aanbieders"] if a["verplicht"]]
    click.echo(f"{len(verplicht)} van {len(resultaat['aanbieders'])} aanbieders zijn verplicht; "
               f"overzicht en brieven in {uitkomst.documenten.map}.")


@main.command("opzegging", options_metavar="[OPTIES]")
@click.argument("regio")
@click.option("--aanbieder", "aanbieder", required=True, metavar="ID",
              help="De aanbieder wiens overeenkomst is opgezegd.")
@click.option("--datum", required=True, metavar="JJJJ-MM-DD",
              help="De dag waarop de opzegtermijn ingaat (instroomstop).")
@click.option("--opzegtermijn", type=click.IntRange(0, 36), metavar="MAANDEN",
              help="Opzegtermijn in maanden (standaard die van het profiel).")
@click.option("--clienten", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              metavar="CSV", help="Cliënten: client,gemeente,product,einddatum_beschikking.")
@uitvoer_optie
@click.option("--briefdatum", type=click.DateTime(["%Y-%m-%d"]), metavar="JJJJ-MM-DD",
              help="Datum op de brief (standaard vandaag).")
@sjablonen_optie
@json_optie
@click.pass_obj
def opzegging_(regios: Path, regio: str, aanbieder: str, datum: str, opzegtermijn: int | None,
               clienten: Path | None, uitvoer: Path, briefdatum: dt.datetime | None,
               sjablonen: Path | None, als_json: bool) -> None:
    """Transitieschema en brief bij de opzegging van de overeenkomst met een aanbieder."""
    from contracten.opdrachten.opzegging import als_json as opzegging_als_json
    from contracten.opdrachten.opzegging import opzegging_regio

    uitkomst = opzegging_regio(regios, regio, aanbieder, datum, opzegtermijn=opzegtermijn,
                               clienten=clienten, uitvoer=uitvoer, sjablonen=sjablonen,
                               briefdatum=_dag(briefdatum))
    resultaat = opzegging_als_json(uitkomst)
    if als_json:
        _toon_json(resultaat)
        return
    for label, sleutel in (("instroomstop", "instroomstop"),
                           ("einde overeenkomst", "einde_overeenkomst"),
                           ("uiterste zorgdatum", "uiterste_zorgdatum")):
        waarde = resultaat[sleutel]
        vlag = resultaat["markeringen"].get(waarde)
        click.echo(f"{label:20} {waarde}{f'  ({vlag})' if vlag else ''}")
    clienten = aantal(len(resultaat["clienten"]), "cliënt", "cliënten")
    click.echo(f"{clienten}; transitieschema en brief in {uitkomst.documenten.map}.")


@main.command("definitief", options_metavar="[OPTIES]")
@click.argument("regio")
@prijspeil_optie
@click.option("--document", "soorten", multiple=True, type=click.Choice(list(SOORTEN)),
              metavar="SOORT", help="Alleen deze documentsoort; herhaalbaar.")
@click.option("--aanbieder", "aanbieders", multiple=True, metavar="ID",
              help="Alleen de documenten van deze aanbieder; herhaalbaar.")
@uitvoer_optie
@datum_optie
@click.pass_obj
def definitief_(regios: Path, regio: str, prijspeil: int | None, soorten: tuple[str, ...],
                aanbieders: tuple[str, ...], uitvoer: Path, datum: dt.datetime | None) -> None:
    """Markeer gegenereerde documenten als definitief (getekend): genereer overschrijft ze nooit."""
    from contracten.uitvoer.definitief import markeer

    profiel = laad_regio(regios, regio)
    jaar = prijspeil if prijspeil is not None else profiel.laatste_prijspeil()
    map_ = uitvoer / profiel.sleutel / str(jaar)
    gemarkeerd = markeer(map_, soorten=soorten, aanbieders=aanbieders, datum=_dag(datum))
    for pad in gemarkeerd:
        click.echo(f"definitief: {pad}")
    click.echo(f"{aantal(len(gemarkeerd), 'document', 'documenten')} definitief in {map_}.")


@main.command("vergelijk", options_metavar="[OPTIES]")
@click.argument("oud", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.argument("nieuw", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--uitvoer", type=click.Path(file_okay=False, path_type=Path),
              help="Map voor rapport en redlines (standaard naast NIEUW: vergelijking-OUD-NIEUW).")
@datum_optie
@click.pass_obj
def vergelijk_(regios: Path, oud: Path, nieuw: Path, uitvoer: Path | None,
               datum: dt.datetime | None) -> None:
    """Vergelijk twee uitvoermappen: rapport (html, md) en redlines met Word-revisies."""
    from contracten.opdrachten.vergelijk import vergelijk_mappen

    uitkomst = vergelijk_mappen(oud, nieuw, uitvoer=uitvoer, datum=_dag(datum))
    if not uitkomst.gewijzigd:
        click.echo(f"Geen wijzigingen; rapport in {uitkomst.map}.")
        return
    for document in uitkomst.documenten:
        if document.status != "ongewijzigd":
            n = len(document.wijzigingen)
            teller = f", {aantal(n, 'wijziging', 'wijzigingen')}" if n else ""
            click.echo(f"{document.status:11} {document.pad}{teller}")
    click.echo(f"Rapport en redlines in {uitkomst.map}.")


def run() -> None:
    try:
        main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Afgebroken.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except InvoerFout as fout:
        click.echo(str(fout), err=True)
        sys.exit(1)
    except ContractenFout as fout:
        click.echo(f"Fout: {fout}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Afgebroken; de vorige uitvoer is ongewijzigd.", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly; the details only on request
        if os.environ.get("CONTRACTEN_DEBUG"):
            raise
        click.echo(f"Interne fout in contracten ({type(exc).__name__}: {exc}). Meld dit met "
                   "de opdracht die u gaf; met CONTRACTEN_DEBUG=1 ziet u de details.", err=True)
        sys.exit(1)
