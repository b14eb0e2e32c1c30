"""The commands that make documents: genereer, indexeer, opzegging (socialreturn: its own
module)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

import contracten
from contracten import InvoerFout, Melding
from contracten.cli import snelstart
from contracten.cli.groep import main, opdrachtregel
from contracten.cli.klok import vandaag
from contracten.cli.opties import (
    Jaar,
    Soortkeuze,
    Soortoptie,
    datum_optie,
    formaat_optie,
    json_optie,
    prijspeil_optie,
    procent,
    sjablonen_optie,
    toon_json,
    toon_waarschuwingen,
    uitvoer_optie,
    voortgangsbalk,
)


@main.command("genereer", options_metavar="[OPTIES]")
@click.argument("regio")
@prijspeil_optie
@click.option("--document", "soorten", multiple=True, type=Soortkeuze("genereer"),
              cls=Soortoptie, metavar="SOORT",
              help="Alleen deze documentsoort ({soorten}); herhaalbaar.")
@click.option("--aanbieder", "aanbieders", multiple=True, metavar="ID",
              help="Alleen de documenten van deze aanbieder; herhaalbaar.")
@click.option("--perceel", "percelen", multiple=True, type=click.IntRange(1, 99), metavar="N",
              help="Alleen de documenten van de contracten in dit perceel; herhaalbaar.")
@formaat_optie
@uitvoer_optie
@sjablonen_optie
@datum_optie
@json_optie
@click.option("--volg", is_flag=True,
              help="Blijf wachten en maak de documenten opnieuw na elke wijziging van de regio, "
                   "de sjablonen of de artikelbibliotheek (alleen wat verandert); Ctrl+C stopt.")
@click.pass_obj
def genereer(regios: Path, regio: str, prijspeil: int | None, soorten: tuple[str, ...],
             aanbieders: tuple[str, ...], percelen: tuple[int, ...], formaten: tuple[str, ...],
             uitvoer: Path, sjablonen: Path | None, datum: dt.date | None, als_json: bool,
             volg: bool) -> None:
    """Maak de documenten van REGIO: programma van eisen, overeenkomsten, brieven."""
    if volg:
        if als_json:
            raise click.UsageError("--volg en --json gaan niet samen.")
        from contracten.cli.volgen import volg as volgen

        volgen(regios, regio, datum=datum, uitvoer=uitvoer, prijspeil=prijspeil,
               soorten=soorten, aanbieders=aanbieders, percelen=percelen, formaten=formaten,
               sjablonen=sjablonen)
        return
    dag, regel = vandaag(datum), opdrachtregel()
    # Remembered by its command line, an unchanged rerun starts without click (`snelstart`).
    onthoud = None if als_json or regel is None \
        else snelstart.sleutel(regel, None if datum is not None else dag)
    with voortgangsbalk(als_json) as voortgang:
        # The region's folder, not its loaded profile: an unchanged rerun loads nothing.
        resultaat = contracten.genereer(
            regios, regio, prijspeil=prijspeil, soorten=soorten, aanbieders=aanbieders,
            percelen=percelen, formaten=formaten, uitvoer=uitvoer, sjablonen=sjablonen,
            datum=dag, voortgang=voortgang, onthoud=onthoud)
    toon_waarschuwingen(resultaat.waarschuwingen)
    if als_json:
        toon_json(resultaat.manifest_als_json())
        return
    if (niets := snelstart.bij_niets_veranderd(resultaat)) is not None:
        click.echo(niets)
        return
    from contracten.cli.volgen import toon_gemaakt  # not for an unchanged rerun: it loads less

    toon_gemaakt(resultaat)


@main.command("indexeer", options_metavar="[OPTIES]")
@click.argument("regio")
@click.option("--naar", type=Jaar(), required=True, metavar="JAAR",
              help="Het nieuwe prijspeil (mag nog niet bestaan).")
@click.option("--ova", metavar="PCT", help="Loonindex OVA in procenten (VNG-methode).")
@click.option("--ppc", metavar="PCT", help="Prijsindex PPC in procenten (VNG-methode).")
@click.option("--nacalculatie", metavar="PCT", help="Nacalculatie in procentpunten (standaard 0).")
@click.option("--percentage", metavar="PCT", help="Eén indexcijfer in plaats van OVA en PPC.")
@click.option("--cijfers", type=click.Path(dir_okay=False, exists=True, allow_dash=True,
                                           path_type=Path), metavar="BESTAND",
              help="De cijfers per jaar (.csv met komma's of puntkomma's, of .xlsx; - leest van "
                   "de invoer): jaar,ova,ppc[,nacalculatie] of jaar,percentage, een rij voor "
                   "elk jaar na het laatste prijspeil tot en met --naar. Elk jaar wordt "
                   "geschreven, uit het jaar ervoor.")
@datum_optie
@click.option("--genereer", "genereren", is_flag=True,
              help="Maak daarna alle documenten en de indexatiebrieven voor het nieuwe prijspeil.")
@formaat_optie
@uitvoer_optie
@sjablonen_optie
@json_optie
@click.pass_obj
def indexeer(regios: Path, regio: str, naar: int, ova: str | None, ppc: str | None,
             nacalculatie: str | None, percentage: str | None, cijfers: Path | None,
             datum: dt.date | None, genereren: bool, formaten: tuple[str, ...], uitvoer: Path,
             sjablonen: Path | None, als_json: bool) -> None:
    """Indexeer de bedragen van REGIO naar een nieuw prijspeil (VNG-methode of één percentage);
    over meer jaren met --cijfers, elk jaar met zijn eigen cijfers."""
    if cijfers is not None and (ova or ppc or nacalculatie or percentage):
        raise click.UsageError("Geef --cijfers óf --ova en --ppc óf --percentage, niet meer "
                               "dan één.")
    if percentage is not None and (ova or ppc or nacalculatie):
        raise click.UsageError("Geef --percentage óf --ova en --ppc (met --nacalculatie), niet "
                               "allebei.")
    if cijfers is None and percentage is None and (ova is None or ppc is None):
        raise click.UsageError("Geef --ova en --ppc, of --percentage (of --cijfers BESTAND).")
    bron: Path | contracten.Invoerbestand | None = cijfers
    if cijfers is not None and str(cijfers) == "-":
        with click.open_file("-", "rb") as invoer:
            bron = contracten.Invoerbestand.van_stroom("invoer", invoer)
    uitkomst = contracten.indexeer(
        contracten.laad_regio(regios, regio), naar=naar, datum=vandaag(datum),
        ova=procent(ova, "--ova"), ppc=procent(ppc, "--ppc"),
        nacalculatie=procent(nacalculatie, "--nacalculatie"),
        percentage=procent(percentage, "--percentage"), cijfers=bron, genereren=genereren,
        uitvoer=uitvoer, formaten=formaten, sjablonen=sjablonen)
    resultaat = uitkomst.als_json()
    toon_waarschuwingen(uitkomst.waarschuwingen)
    if als_json:
        toon_json(resultaat)
        return
    for stap, pad in zip(uitkomst.stappen, uitkomst.bestanden, strict=True):
        record = stap.prijspeil.indexatie
        assert record is not None
        click.echo(f"{regio}: prijspeil {stap.van} → {stap.naar}, index "
                   f"{contracten.als_procent(record.index)}; geschreven: {pad}")
    if len(uitkomst.stappen) > 1:
        click.echo(f"Samen: prijspeil {resultaat['van']} → {resultaat['naar']}, elk jaar uit het "
                   "jaar ervoor:")
    click.echo(indexatietabel(uitkomst.indexering))
    if uitkomst.documenten:
        docx = [p for p in uitkomst.documenten.geschreven if p.endswith(".docx")]
        brieven = " (met indexatiebrieven)" if any("/indexatie/" in p for p in docx) else ""
        aantal = contracten.als_aantal(len(docx), "Word-document", "Word-documenten")
        click.echo(f"{aantal}{brieven} "
                   f"in {uitkomst.documenten.map}.")


def indexatietabel(ix: contracten.Indexering) -> str:
    """The table for the terminal: sleutel, omschrijving, eenheid, oud, nieuw, verschil, %."""
    kop = ("sleutel", "omschrijving", "eenheid", "oud", "nieuw", "verschil", "%")
    bedrag = contracten.als_bedrag
    rijen = [(w.regel.sleutel, w.regel.omschrijving[:40], w.regel.eenheid, bedrag(w.oud),
              bedrag(w.regel.bedrag), bedrag(w.verschil), contracten.als_procent(w.procent, 2))
             for w in ix.wijzigingen]
    breedtes = [max(len(r[i]) for r in (kop, *rijen)) for i in range(len(kop))]
    rechts = {3, 4, 5, 6}

    def regel(cellen: tuple[str, ...]) -> str:
        return "  ".join(c.rjust(b) if i in rechts else c.ljust(b)
                         for i, (c, b) in enumerate(zip(cellen, breedtes, strict=True))).rstrip()

    return "\n".join([regel(kop), regel(tuple("-" * b for b in breedtes)),
                      *(regel(r) for r in rijen)])


def _datum(tekst: str, optie: str) -> dt.date:
    """A date typed as text: a wrong one is an input error (exit 1), as it always was."""
    try:
        return contracten.lees_datum(tekst)
    except ValueError as fout:
        raise InvoerFout([Melding(optie, None, "", str(fout), getattr(fout, "code", "datum"))],
                         "Ongeldige invoer") from None


@main.command("opzegging", options_metavar="[OPTIES]")
@click.argument("regio")
@click.option("--aanbieder", "aanbieder", required=True, metavar="ID",
              help="De aanbieder wiens overeenkomst is opgezegd.")
@click.option("--perceel", type=click.IntRange(1, 99), metavar="N",
              help="Het perceel van die overeenkomst; nodig als de aanbieder er meer heeft.")
@click.option("--ontvangen", "--datum", "ontvangen", required=True, metavar="DATUM",
              help="De dag waarop de opzegging is ontvangen (--datum is dezelfde optie): "
                   "JJJJ-MM-DD of DD-MM-JJJJ. De opzegtermijn gaat de dag erna in.")
@click.option("--tegen", metavar="DATUM",
              help="Opzeggen tegen deze dag: de laatste dag van de overeenkomst (standaard de "
                   "laatste dag van de opzegtermijn). Geweigerd als de opzegtermijn er niet in "
                   "past.")
@click.option("--opzegtermijn", type=click.IntRange(0, 36), metavar="MAANDEN",
              help="Opzegtermijn in maanden (standaard die van het profiel).")
@click.option("--clienten", type=click.Path(dir_okay=False, exists=True, allow_dash=True,
                                            path_type=Path),
              metavar="BESTAND", help="Cliënten (.csv met komma's of puntkomma's, of .xlsx; - "
                                      "leest van de invoer): client,gemeente,product,"
                                      "einddatum_beschikking.")
@click.option("--door", type=click.Choice(["aanbieder", "gemeente"]), default="aanbieder",
              show_default=True, help="Wie opzegt: de aanbieder (de brief bevestigt dat en noemt "
                                      "zijn verplichtingen) of de gemeente (de brief zegt op).")
@click.option("--terugwerkend", is_flag=True,
              help="Sta bij een opzegging door de gemeente een ontvangstdag vóór de briefdatum "
                   "toe (terugwerkende kracht).")
@click.option("--kenmerk-aanbieder", metavar="TEKST",
              help="Het kenmerk van de brief waarin de aanbieder opzegde; de bevestiging noemt "
                   "het.")
@click.option("--brief-aanbieder", metavar="DATUM",
              help="De datum van die brief (JJJJ-MM-DD of DD-MM-JJJJ; uiterlijk de dag van "
                   "--ontvangen); de bevestiging noemt hem.")
@formaat_optie
@uitvoer_optie
@click.option("--briefdatum", type=click.DateTime(["%Y-%m-%d"]), metavar="JJJJ-MM-DD",
              help="Datum op de brief (standaard vandaag).")
@sjablonen_optie
@json_optie
@click.pass_obj
def opzegging(regios: Path, regio: str, aanbieder: str, perceel: int | None, ontvangen: str,
              tegen: str | None,
              opzegtermijn: int | None, clienten: Path | None, door: str, terugwerkend: bool,
              kenmerk_aanbieder: str | None, brief_aanbieder: str | None,
              formaten: tuple[str, ...], uitvoer: Path, briefdatum: dt.datetime | None,
              sjablonen: Path | None, als_json: bool) -> None:
    """Transitieschema en brief bij de opzegging van de overeenkomst met een aanbieder."""
    profiel = contracten.laad_regio(regios, regio)
    bron: Path | contracten.Invoerbestand | None = clienten
    if clienten is not None and str(clienten) == "-":
        with click.open_file("-", "rb") as invoer:
            bron = contracten.Invoerbestand.van_stroom("invoer", invoer)
    uitkomst = contracten.opzegging(
        profiel, aanbieder=aanbieder, perceel=perceel,
        ontvangen=_datum(ontvangen, "--ontvangen"),
        tegen=_datum(tegen, "--tegen") if tegen is not None else None,
        opzegtermijn=opzegtermijn, clienten=bron, uitvoer=uitvoer, formaten=formaten,
        sjablonen=sjablonen,
        briefdatum=vandaag(briefdatum.date() if briefdatum else None), terugwerkend=terugwerkend,
        door="gemeente" if door == "gemeente" else "aanbieder",
        kenmerk_aanbieder=kenmerk_aanbieder,
        brief_aanbieder=(_datum(brief_aanbieder, "--brief-aanbieder")
                         if brief_aanbieder is not None else None))
    resultaat = uitkomst.als_json()
    toon_waarschuwingen(uitkomst.waarschuwingen)
    if als_json:
        toon_json(resultaat)
        return
    begin = ("instroomstop", "instroomstop") if resultaat["instroomstop"] \
        else ("begin opzegtermijn", "begin_opzegtermijn")
    for label, sleutel in (("ontvangen", "ontvangen"), begin,
                           ("laatste dag", "einde_overeenkomst"),
                           ("met ingang van", "met_ingang_van"),
                           ("uiterste zorgdatum", "uiterste_zorgdatum")):
        waarde = resultaat[sleutel]
        vlag = resultaat["markeringen"].get(waarde)
        click.echo(f"{label:20} {waarde}{f'  ({vlag})' if vlag else ''}")
    aantal_clienten = contracten.als_aantal(len(resultaat["clienten"]), "cliënt", "cliënten")
    click.echo(f"{aantal_clienten}; transitieschema en brief in {uitkomst.documenten.map}.")
