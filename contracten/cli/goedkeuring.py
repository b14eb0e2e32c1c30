"""The commands of contract management: status, akkoord and getekend (definitief, which also
marks the files, is in `beheer`; the agenda in `agenda`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import contracten
from contracten.cli.groep import main
from contracten.cli.klok import nu
from contracten.cli.opties import (
    Datum,
    Soortkeuze,
    json_optie,
    prijspeil_optie,
    toon_json,
    uitvoer_optie,
)

if TYPE_CHECKING:
    from contracten import DocumentStatus, Stap, StatusResultaat

SOORTEN = Soortkeuze("genereer", "opzegging")


def database_optie(functie: Any) -> Any:
    return click.option(
        "--database", metavar="URL",
        help="Het register: een SQLite-bestand of een database-URL zoals "
             "postgresql+psycopg://gebruiker@server/contracten (ook via CONTRACTEN_DATABASE; "
             "standaard ./register.sqlite).")(functie)


def keuze_opties(functie: Any) -> Any:
    functie = click.option("--document", "soorten", multiple=True, type=SOORTEN,
                           metavar="SOORT", help="Alleen deze documentsoort; herhaalbaar.")(functie)
    functie = perceel_optie(functie)
    return click.option("--aanbieder", "aanbieders", multiple=True, metavar="ID",
                        help="Alleen de documenten van deze aanbieder; herhaalbaar.")(functie)


def perceel_optie(functie: Any) -> Any:
    return click.option("--perceel", "percelen", multiple=True, type=click.IntRange(1, 99),
                        metavar="N", help="Alleen de contracten (en hun documenten) in dit "
                                          "perceel; herhaalbaar.")(functie)


def door_opties(functie: Any) -> Any:
    functie = click.option("--opmerking", metavar="TEKST",
                           help="Een toelichting bij deze stap (komt in de geschiedenis).")(functie)
    return click.option("--door", metavar="NAAM", envvar="CONTRACTEN_DOOR",
                        help="Wie deze stap zet (ook via CONTRACTEN_DOOR).")(functie)


def _json(resultaat: StatusResultaat, meer_percelen: bool) -> dict[str, Any]:
    """The status as JSON; the perceel of a contract and of its documents only in a tender of
    several percelen (as in the manifest)."""
    return {
        "regio": resultaat.regio, "database": resultaat.database,
        "register_klopt": not resultaat.keten, "register_fouten": list(resultaat.keten),
        "contracten": [{k: v for k, v in {
            **c.__dict__, "begin": c.begin.isoformat(), "einde": c.einde.isoformat(),
            "opzegdatum": c.opzegdatum.isoformat() if c.opzegdatum else None,
            "zorg_tot": c.zorg_tot.isoformat() if c.zorg_tot else None}.items()
            if k != "perceelnummer" or meer_percelen} for c in resultaat.contracten],
        "documenten": [{"aanbieder": d.stand.aanbieder,
                        **({"perceel": d.stand.perceel} if d.stand.perceel is not None else {}),
                        "soort": d.stand.soort,
                        "pad": d.stand.pad, "versie": d.stand.versie,
                        "sha256": d.stand.sha256, "status": d.status, "op_schijf": d.op_schijf,
                        "geschiedenis": [{"stap": s.stap, "door": s.door,
                                          "op": s.op.isoformat(), "opmerking": s.opmerking,
                                          "sha256": s.sha256,
                                          **({"ondertekeningen": [
                                              {**o.__dict__, "datum": o.datum.isoformat()}
                                              for o in s.ondertekeningen]}
                                             if s.ondertekeningen else {}),
                                          **_getekende_pdf(s)}
                                         for s in d.stand.geschiedenis]}
                       for d in resultaat.documenten],
    }


def _getekende_pdf(stap: Stap) -> dict[str, Any]:
    """Of a step 'getekend' from a signed PDF: the file kept and each signature in it."""
    if not stap.handtekeningen:
        return {}
    eerste = stap.handtekeningen[0]
    return {"getekende_pdf": {"pad": eerste.pad, "sha256": eerste.sha256, "handtekeningen": [
        {"partij": h.partij, "naam": h.naam, "onderwerp": h.onderwerp, "uitgever": h.uitgever,
         "vertrouwd": h.vertrouwd,
         "getekend_op": h.getekend_op.isoformat() if h.getekend_op else None}
        for h in stap.handtekeningen]}}


def _regel(d: DocumentStatus) -> str:
    laatste = d.stand.geschiedenis[-1] if d.stand.geschiedenis else None
    wie = f"  ({laatste.door}, {contracten.als_tijdstip(laatste.op)})" if laatste else ""
    schijf = {"gewijzigd": "  LET OP: bestand gewijzigd sinds deze versie",
              "ontbreekt": "  LET OP: bestand ontbreekt"}.get(d.op_schijf, "")
    getekend = "".join(f"\n{'':<20} getekend voor de {o.partij} door {o.naam} ({o.functie}) "
                       f"op {contracten.als_datum(o.datum)}"
                       for o in (laatste.ondertekeningen if laatste else ()))
    if laatste and laatste.handtekeningen:
        getekend += f"\n{'':<20} getekende pdf: {laatste.handtekeningen[0].pad}" + "".join(
            f"\n{'':<20} handtekening van {h.naam} ({h.partij}; "
            f"{'vertrouwd' if h.vertrouwd else 'NIET vertrouwd'})"
            for h in laatste.handtekeningen)
    return f"  {contracten.STAP_NAMEN[d.status]:<18} {d.stand.pad}{wie}{schijf}{getekend}"


@main.command("status", options_metavar="[OPTIES]")
@click.argument("regio")
@prijspeil_optie
@keuze_opties
@uitvoer_optie
@database_optie
@json_optie
@click.pass_obj
def status(regios: Path, regio: str, prijspeil: int | None, aanbieders: tuple[str, ...],
           percelen: tuple[int, ...], soorten: tuple[str, ...], uitvoer: Path,
           database: str | None, als_json: bool) -> None:
    """Toon waar elk gegenereerd document van REGIO staat: concept, juridisch akkoord,
    definitief of getekend."""
    profiel = contracten.laad_regio(regios, regio)
    resultaat = contracten.status(profiel, tijdstip=nu(), uitvoer=uitvoer, prijspeil=prijspeil,
                                  aanbieders=aanbieders, percelen=percelen, soorten=soorten,
                                  database=database)
    meer_percelen = len(profiel.percelen) > 1
    for fout in resultaat.keten:
        click.echo(f"LET OP: de geschiedenis in het register klopt niet meer: {fout}.", err=True)
    if als_json:
        toon_json(_json(resultaat, meer_percelen))
        return
    for c in resultaat.contracten:
        if not meer_percelen and c.status == "lopend":
            continue  # a tender of one perceel names only what happened to a contract
        opgezegd = (f" (opzegging ontvangen {contracten.als_datum(c.opzegdatum)})" if c.opzegdatum
                    else "")
        wie = f"perceel {c.perceelnummer} ({c.perceel}), " if meer_percelen else ""
        click.echo(f"  {wie}{c.aanbieder}: {c.status}{opgezegd}, laatste dag "
                   f"{contracten.als_datum(c.einde)}")
    for d in resultaat.documenten:
        click.echo(_regel(d))
    telling = {n: sum(1 for d in resultaat.documenten if d.status == s)
               for s, n in contracten.STAP_NAMEN.items()}
    click.echo(f"{contracten.als_aantal(len(resultaat.documenten), 'document', 'documenten')}: "
               + ", ".join(f"{t} {n}" for n, t in telling.items() if t)
               + f" (register: {resultaat.database}).")


def _zet(regios: Path, regio: str, stap: str, door: str | None, opmerking: str | None,
         **keuze: Any) -> None:
    documenten = contracten.zet_stap(contracten.laad_regio(regios, regio), stap,
                                     door=contracten.wie_handelt(door, keuze.get("database")),
                                     opmerking=opmerking, tijdstip=nu(),
                                     **keuze)
    for d in documenten:
        click.echo(f"{contracten.STAP_NAMEN[stap]}: {d.stand.pad}")
    click.echo(f"{contracten.als_aantal(len(documenten), 'document', 'documenten')} vastgelegd als "
               f"{contracten.STAP_NAMEN[stap]}.")


def _stapopdracht(naam: str, stap: str, uitleg: str) -> None:
    """A command that moves the chosen documents to `stap` (akkoord, getekend)."""

    @main.command(naam, options_metavar="[OPTIES]", help=uitleg)
    @click.argument("regio")
    @prijspeil_optie
    @keuze_opties
    @door_opties
    @uitvoer_optie
    @database_optie
    @click.pass_obj
    def opdracht(regios: Path, regio: str, prijspeil: int | None, aanbieders: tuple[str, ...],
                 percelen: tuple[int, ...], soorten: tuple[str, ...], door: str | None,
                 opmerking: str | None, uitvoer: Path, database: str | None) -> None:
        _zet(regios, regio, stap, door, opmerking, prijspeil=prijspeil, aanbieders=aanbieders,
             percelen=percelen, soorten=soorten, uitvoer=uitvoer, database=database)


_stapopdracht("akkoord", "juridisch_akkoord",
              "Leg juridisch akkoord vast voor documenten van REGIO die nog concept zijn.")


def ondertekenaar_opties(functie: Any) -> Any:
    for partij, wie in (("opdrachtnemer", "de aanbieder"), ("opdrachtgever", "de gemeente")):
        functie = click.option(f"--{partij}-datum", type=Datum(), metavar="JJJJ-MM-DD",
                               help=f"De dag waarop {wie} tekende.")(functie)
        functie = click.option(f"--{partij}-functie", metavar="FUNCTIE",
                               help=f"De functie van wie tekende voor {wie}.")(functie)
        functie = click.option(f"--{partij}", metavar="NAAM",
                               help=f"Wie tekende voor {wie} ({partij}).")(functie)
    return functie


@main.command("getekend", options_metavar="[OPTIES]")
@click.argument("regio")
@click.option("--pdf", type=click.Path(dir_okay=False, path_type=Path), metavar="GETEKEND.pdf",
              help="De digitaal getekende pdf: de handtekeningen en de tekst worden gecontroleerd "
                   "en de ondertekenaars komen uit de certificaten.")
@click.option("--vertrouw", type=click.Path(dir_okay=False, path_type=Path), multiple=True,
              metavar="CA.pem", help="Vertrouw certificaten van deze uitgever (naast de "
                                     "certificaten van het systeem); herhaalbaar.")
@prijspeil_optie
@keuze_opties
@ondertekenaar_opties
@door_opties
@uitvoer_optie
@database_optie
@click.pass_obj
def getekend(regios: Path, /, regio: str, prijspeil: int | None,
             aanbieders: tuple[str, ...], percelen: tuple[int, ...], soorten: tuple[str, ...],
             door: str | None, opmerking: str | None, uitvoer: Path, database: str | None,
             pdf: Path | None, vertrouw: tuple[Path, ...], **partijen: Any) -> None:
    """Leg vast dat de definitieve documenten van één contract van REGIO door beide partijen
    zijn getekend: wie tekende voor de gemeente (opdrachtgever) en voor de aanbieder
    (opdrachtnemer), in welke functie en op welke dag. Met --pdf: uit de digitaal getekende
    pdf, na controle van de handtekeningen en de tekst."""
    if pdf is not None:
        from contracten.cli.getekend import met_pdf

        met_pdf(regios, regio, pdf, vertrouw, door, opmerking, partijen, prijspeil=prijspeil,
                aanbieders=aanbieders, percelen=percelen, soorten=soorten, uitvoer=uitvoer,
                database=database)
        return
    ondertekeningen = [contracten.Ondertekening(
        partij, partijen[partij] or "", partijen[f"{partij}_functie"] or "",
        partijen[f"{partij}_datum"]) for partij in ("opdrachtgever", "opdrachtnemer")
        if partijen[partij] or partijen[f"{partij}_functie"] or partijen[f"{partij}_datum"]]
    if any(o.datum is None for o in ondertekeningen):
        ontbreekt = [f"--{o.partij}-datum" for o in ondertekeningen if o.datum is None]
        raise click.UsageError(f"Geef ook {' en '.join(ontbreekt)}.")
    _zet(regios, regio, "getekend", door, opmerking, prijspeil=prijspeil,
         aanbieders=aanbieders, percelen=percelen, soorten=soorten, uitvoer=uitvoer,
         database=database, ondertekeningen=ondertekeningen)
