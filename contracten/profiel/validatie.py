"""Checks across fields and files that types alone cannot express: references, uniqueness, order.

Each check runs when the files it needs loaded, so one run reports as many problems as it can.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from contracten.lezen.bron import Pad
from contracten.lezen.meldingen import veldpad
from contracten.profiel import iwmoregels, perceelregels
from contracten.profiel.inhoud import Blokdeel
from contracten.profiel.onderdelen import Onderdelen

# (file relative to the region folder, path in that file, field path, message, code)
Probleem = tuple[str, Pad, str, str, str]


def _p(bestand: str, loc: Pad, bericht: str, code: str) -> Probleem:
    return (bestand, loc, veldpad(loc), bericht, code)


def _uniek(bestand: str, lijst: str, items: Iterable[Any], veld: str,
           sleutel: Callable[[Any], Any] | None = None) -> Iterator[Probleem]:
    gezien: set[Any] = set()
    for i, item in enumerate(items):
        waarde = sleutel(item) if sleutel else getattr(item, veld)
        if waarde is None:
            continue
        if waarde in gezien:
            yield _p(bestand, (lijst, i, veld), f"'{waarde}' komt dubbel voor in {lijst}", "dubbel")
        gezien.add(waarde)


def controleer(o: Onderdelen) -> list[Probleem]:
    problemen: list[Probleem] = []
    if o.regio is not None:
        problemen += _regio(o)
    if o.inhoud is not None:
        problemen += _inhoud(o)
    if o.programma is not None and o.inhoud is not None:
        problemen += _programma(o)
    if o.aanbieders is not None and o.inhoud is not None:
        problemen += _aanbieders(o)
    if o.prijspeilen is not None and o.inhoud is not None:
        problemen += _tarieven(o)
    return problemen


def _regio(o: Onderdelen) -> Iterator[Probleem]:
    f = "regio.yaml"
    regio = o.regio
    assert regio is not None
    namen = [g.naam for g in regio.gemeenten]
    yield from _uniek(f, "gemeenten", regio.gemeenten, "naam")
    if regio.centrumgemeente not in namen:
        yield _p(f, ("centrumgemeente",),
                 f"'{regio.centrumgemeente}' staat niet in gemeenten ({', '.join(namen)})",
                 "centrumgemeente_onbekend")
    looptijd = regio.aanbesteding.looptijd
    if looptijd.einde <= looptijd.begin:
        yield _p(f, ("aanbesteding", "looptijd", "einde"),
                 f"einde {looptijd.einde} ligt niet na begin {looptijd.begin}", "datum_volgorde")
    if regio.aanbesteding.datum > looptijd.begin:
        yield _p(f, ("aanbesteding", "datum"),
                 f"datum {regio.aanbesteding.datum} ligt na het begin van de looptijd "
                 f"{looptijd.begin}", "datum_volgorde")
    afwezigheid = regio.regels.afwezigheid
    if o.inhoud is not None:
        yield from perceelregels.percelen(
            o.percelen(), bool(regio.aanbesteding.percelen),
            {f.sleutel for f in o.inhoud.functies}, {p.sleutel for p in o.inhoud.producten},
            o.prijspeilen)
        bekend = o.eenheden()
        for i, gemeente in enumerate(regio.gemeenten):
            for j, sleutel in enumerate(gemeente.alleen):
                if sleutel not in bekend:
                    yield _p(f, ("gemeenten", i, "alleen", j),
                             f"'{sleutel}' is geen {o.eenheid_woord()}",
                             "verwijzing_onbekend")
        for j, sleutel in enumerate(afwezigheid.producten if afwezigheid else []):
            if sleutel not in bekend:
                yield _p(f, ("regels", "afwezigheid", "producten", j),
                         f"'{sleutel}' is geen {o.eenheid_woord()}", "verwijzing_onbekend")
    if afwezigheid and o.prijspeilen is not None and not any(
            p.bedrag(afwezigheid.bedrag) for p in o.prijspeilen.values()):
        yield _p(f, ("regels", "afwezigheid", "bedrag"),
                 f"bedrag '{afwezigheid.bedrag}' staat in geen enkel tarieven/<jaar>.yaml",
                 "verwijzing_onbekend")


def _inhoud(o: Onderdelen) -> Iterator[Probleem]:
    f = "inhoud.yaml"
    inhoud = o.inhoud
    assert inhoud is not None
    if o.regio is not None:
        vormen = o.regio.vormen()
        if "taakgericht" in vormen and not inhoud.functies:
            yield _p(f, ("functies",), "een taakgerichte regio heeft functies nodig",
                     "functies_leeg")
        for vorm in sorted(vormen - {"taakgericht"}):
            if not inhoud.producten:
                yield _p(f, ("producten",), f"een {vorm}e regio heeft producten nodig",
                         "producten_leeg")
                break
        for loc, bericht, code in iwmoregels.productcodes_per_perceel(o.percelen(),
                                                                     inhoud.producten):
            yield _p(f, loc, bericht, code)
    yield from _uniek(f, "definities", inhoud.definities, "term")
    yield from _uniek(f, "eisen", inhoud.eisen, "code")
    yield from _uniek(f, "functies", inhoud.functies, "sleutel")
    yield from _uniek(f, "functies", inhoud.functies, "nummer")
    yield from _uniek(f, "transformatieopgaven", inhoud.transformatieopgaven, "nummer")
    yield from _uniek(f, "uitvoeringseisen", inhoud.uitvoeringseisen, "nummer",
                      lambda e: f"{e.groep} nr. {e.nummer}")
    yield from _uniek(f, "omvang", inhoud.omvang, "sleutel")
    yield from _uniek(f, "kaarten", inhoud.kaarten, "sleutel")
    yield from _uniek(f, "producten", inhoud.producten, "sleutel")
    functies = {fu.sleutel for fu in inhoud.functies}
    for i, rij in enumerate(inhoud.productfuncties):
        for j, verwijzing in enumerate(rij.wordt):
            if verwijzing.functie not in functies:
                yield _p(f, ("productfuncties", i, "wordt", j, "functie"),
                         f"'{verwijzing.functie}' is geen bekende functie", "verwijzing_onbekend")
    kaarten = {k.sleutel for k in inhoud.kaarten}
    for i, product in enumerate(inhoud.producten):
        if product.kaart and product.kaart not in kaarten:
            yield _p(f, ("producten", i, "kaart"), f"kaart '{product.kaart}' bestaat niet",
                     "verwijzing_onbekend")
        if product.intensiteit and product.intensiteit.minimum > product.intensiteit.maximum:
            yield _p(f, ("producten", i, "intensiteit", "maximum"),
                     "maximum is kleiner dan minimum", "volgorde")
        if product.afstand and product.afstand.van_km >= product.afstand.tot_km:
            yield _p(f, ("producten", i, "afstand", "tot_km"), "tot_km moet groter zijn dan van_km",
                     "volgorde")


def _programma(o: Onderdelen) -> Iterator[Probleem]:
    f = "programma.yaml"
    inhoud, programma = o.inhoud, o.programma
    assert inhoud is not None and programma is not None
    yield from _uniek(f, "secties", programma.secties, "nummer")
    keuzes = {
        "kaarten": {k.sleutel for k in inhoud.kaarten},
        "uitvoeringseisen": {e.groep for e in inhoud.uitvoeringseisen},
    }
    for i, sectie in enumerate(programma.secties):
        for j, deel in enumerate(sectie.inhoud):
            if not isinstance(deel, Blokdeel):
                continue
            blok = deel.blok
            if blok not in ("tarieven", "vervoer") and not getattr(inhoud, blok):
                yield _p(f, ("secties", i, "inhoud", j, "blok"),
                         f"blok '{blok}' plaatst niets: inhoud.yaml heeft geen {blok}", "blok_leeg")
            for k, keuze in enumerate(deel.selectie):
                if blok not in keuzes:
                    yield _p(f, ("secties", i, "inhoud", j, "selectie"),
                             f"blok '{blok}' kent geen selectie", "selectie_onbekend")
                    break
                if keuze not in keuzes[blok]:
                    yield _p(f, ("secties", i, "inhoud", j, "selectie", k),
                             f"'{keuze}' bestaat niet in {blok} "
                             f"(wel: {', '.join(sorted(keuzes[blok]))})", "verwijzing_onbekend")


def _aanbieders(o: Onderdelen) -> Iterator[Probleem]:
    f = "aanbieders.yaml"
    aanbieders = o.aanbieders
    assert aanbieders is not None
    yield from _uniek(f, "aanbieders", aanbieders, "id")
    yield from _uniek(f, "aanbieders", aanbieders, "kvk")
    yield from _uniek(f, "aanbieders", aanbieders, "agb")
    bekend = o.eenheden()
    laatste = o.prijspeilen[max(o.prijspeilen)] if o.prijspeilen else None
    met_bedrag = laatste.met_bedrag() if laatste is not None else set()
    socialreturn = o.regio.regels.socialreturn if o.regio else None
    if o.regio is not None and o.inhoud is not None:
        yield from perceelregels.opdrachtnemers(
            o.percelen(), bool(o.regio.aanbesteding.percelen), aanbieders,
            o.regio.aanbesteding.max_percelen_per_opdrachtnemer,
            socialreturn.drempel if socialreturn else None)
    for i, aanbieder in enumerate(aanbieders):
        if (socialreturn and aanbieder.jaaromzet > socialreturn.drempel
                and aanbieder.aanneemsom_excl_btw() is None
                and not aanbieder.aanneemsom_per_perceel):
            yield _p(f, ("aanbieders", i, "aanneemsom"),
                     "verplicht voor social return (jaaromzet boven de drempel), maar ontbreekt",
                     "aanneemsom_ontbreekt")
        gezien: set[str] = set()
        for j, sleutel in enumerate(aanbieder.producten):
            loc = ("aanbieders", i, "producten", j)
            if sleutel in gezien:
                yield _p(f, loc, f"'{sleutel}' staat dubbel in de producten", "dubbel")
            gezien.add(sleutel)
            if sleutel not in bekend:
                yield _p(f, loc, f"'{sleutel}' is geen {o.eenheid_woord()} "
                                 f"(wel: {', '.join(sorted(bekend))})", "verwijzing_onbekend")
            elif laatste is not None and sleutel not in met_bedrag:
                yield _p(f, loc, f"'{sleutel}' heeft geen bedrag in tarieven/"
                                 f"{laatste.prijspeil}.yaml", "bedrag_ontbreekt")


def _tarieven(o: Onderdelen) -> Iterator[Probleem]:
    assert o.prijspeilen is not None and o.inhoud is not None
    bekend, producten = o.eenheden(), o.inhoud.producten
    for jaar, prijspeil in o.prijspeilen.items():
        f = f"tarieven/{jaar}.yaml"
        yield from _uniek(f, "bedragen", prijspeil.bedragen, "sleutel")
        yield from _uniek(f, "bedragen", prijspeil.bedragen, "product")
        if prijspeil.ingangsdatum.year != jaar:
            yield _p(f, ("ingangsdatum",),
                     f"ingangsdatum {prijspeil.ingangsdatum} valt niet in prijspeil {jaar}",
                     "datum_volgorde")
        for i, regel in enumerate(prijspeil.bedragen):
            if regel.product is not None and regel.product not in bekend:
                yield _p(f, ("bedragen", i, "product"),
                         f"'{regel.product}' is geen {o.eenheid_woord()}",
                         "verwijzing_onbekend")
            for loc, bericht, code in iwmoregels.tariefeenheid(producten, i, regel):
                yield _p(f, loc, bericht, code)


