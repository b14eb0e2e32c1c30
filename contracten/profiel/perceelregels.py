"""The percelen of a tender against its functies, producten, budgets and opdrachtnemers.

A taakgericht perceel is bought from one contractpartner: that party (a combinatie, or a
hoofdaannemer with onderaannemers) receives every functie of the perceel and its whole budget.
An outputgericht or inspanningsgericht perceel has any number of opdrachtnemers; an aanbieder
may hold several percelen, up to the tender's gunningsbeperking."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from contracten.lezen.bron import Pad
from contracten.lezen.meldingen import veldpad
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.percelen import Contract, Perceel, contracten_van, percelen_van
from contracten.profiel.tarieven import Prijspeil

Probleem = tuple[str, Pad, str, str, str]
REGIO, AANBIEDERS = "regio.yaml", "aanbieders.yaml"


def _p(bestand: str, loc: Pad, bericht: str, code: str) -> Probleem:
    return (bestand, loc, veldpad(loc), bericht, code)


def _perceel_loc(expliciet: bool, i: int, *veld: str | int) -> Pad:
    if not expliciet:
        return ("aanbesteding", "perceel")
    return ("aanbesteding", "percelen", i, *veld)


def percelen(percelen_: Sequence[Perceel], expliciet: bool, functies: set[str],
             producten: set[str], prijspeilen: dict[int, Prijspeil] | None
             ) -> Iterator[Probleem]:
    """regio.yaml: numbers and names once, known functies/producten, budgets where taakgericht."""
    for veld in ("nummer", "naam"):
        eerder: set[object] = set()
        for i, p in enumerate(percelen_):
            waarde = getattr(p, veld)
            if waarde in eerder:
                yield _p(REGIO, _perceel_loc(expliciet, i, veld),
                         f"'{waarde}' komt dubbel voor in percelen", "dubbel")
            eerder.add(waarde)
    eerste = prijspeilen[min(prijspeilen)] if prijspeilen else None
    for i, p in enumerate(percelen_):
        if p.bekostigingsvorm is None:
            yield _p(REGIO, _perceel_loc(expliciet, i, "bekostigingsvorm") if expliciet
                     else ("bekostigingsvorm",), f"de bekostigingsvorm van perceel {p.nummer} "
                     "ontbreekt: geef haar bij het perceel, of voor de hele regio (regio.yaml: "
                     "bekostigingsvorm)", "bekostigingsvorm_ontbreekt")
            continue
        bekend, woord = (functies, "functie") if p.taakgericht else (producten, "product")
        for j, sleutel in enumerate(p.producten if expliciet else []):
            if sleutel not in bekend:
                yield _p(REGIO, _perceel_loc(expliciet, i, "producten", j),
                         f"'{sleutel}' is geen bekend{'e' if woord == 'functie' else ''} "
                         f"{woord} voor een {p.bekostigingsvorm} perceel", "verwijzing_onbekend")
        if p.budget is None:
            continue
        if not p.taakgericht:
            yield _p(REGIO, _perceel_loc(expliciet, i, "budget"),
                     f"perceel {p.nummer} is {p.bekostigingsvorm}: een budget hoort alleen bij "
                     "een taakgericht perceel", "budget_niet_taakgericht")
        elif eerste is not None:
            som = sum((r.bedrag for r in eerste.bedragen if r.product in p.producten),
                      Decimal(0))
            if som != p.budget:
                yield _p(REGIO, _perceel_loc(expliciet, i, "budget"),
                         f"budget {p.budget} van perceel {p.nummer} is niet de som van de "
                         f"budgetten van zijn functies in tarieven/{eerste.prijspeil}.yaml "
                         f"({som})", "budget_ongelijk")


def opdrachtnemers(percelen_: Sequence[Perceel], expliciet: bool, aanbieders: list[Aanbieder],
                   max_percelen: int | None, drempel: Decimal | None = None
                   ) -> Iterator[Probleem]:
    """aanbieders.yaml against the percelen: each aanbieder in existing percelen, with
    something to deliver in each; each perceel with opdrachtnemers; one contractpartner for
    the whole task of a taakgericht perceel; the gunningsbeperking; with social return
    (`drempel`), the aanneemsom of each contract."""
    nummers = [p.nummer for p in percelen_]
    if len(set(nummers)) < len(nummers):
        return  # a number twice is reported in regio.yaml; any binding to it would be a guess
    # Every place an aanbieder names a perceel, as (where, number).
    verwijzingen = [(loc, nummer) for i, a in enumerate(aanbieders) for loc, nummer in (
        *((("aanbieders", i, "aanneemsom_per_perceel", n), n) for n in a.aanneemsom_per_perceel),
        *((("aanbieders", i, "percelen", j), n) for j, n in enumerate(a.percelen)))]
    onbekend = [(loc, nummer) for loc, nummer in verwijzingen if nummer not in nummers]
    for loc, nummer in onbekend:
        yield _p(AANBIEDERS, loc, f"perceel {nummer} bestaat niet (wel: "
                 f"{', '.join(str(n) for n in nummers)})", "perceel_onbekend")
    if onbekend:
        return
    per_nummer = {p.nummer: p for p in percelen_}
    for i, a in enumerate(aanbieders):
        gehouden = percelen_van(a, percelen_)
        for j, nummer in enumerate(a.percelen):
            perceel = per_nummer[nummer]
            if not set(a.producten) & set(perceel.producten):
                yield _p(AANBIEDERS, ("aanbieders", i, "percelen", j),
                         f"levert niets van perceel {nummer} ({perceel.naam}); geef bij "
                         f"producten zijn functies of producten in dat perceel "
                         f"({', '.join(perceel.producten)})", "perceel_geen")
        if not gehouden:
            yield _p(AANBIEDERS, ("aanbieders", i, "producten"), "levert niets van een perceel "
                     "van deze aanbesteding", "perceel_geen")
        if max_percelen is not None and len(gehouden) > max_percelen:
            yield _p(AANBIEDERS, ("aanbieders", i, "percelen" if a.percelen else "producten"),
                     f"heeft {len(gehouden)} percelen ({', '.join(map(str, gehouden))}); een "
                     f"opdrachtnemer krijgt er hoogstens {max_percelen} "
                     "(regio.yaml: aanbesteding.max_percelen_per_opdrachtnemer)",
                     "te_veel_percelen")
        yield from _aanneemsommen(i, a, gehouden, drempel)
        if len(percelen_) > 1:
            eigen = {s for p in percelen_ if p.nummer in gehouden for s in p.producten}
            for j, sleutel in enumerate(a.producten):
                if sleutel not in eigen:
                    yield _p(AANBIEDERS, ("aanbieders", i, "producten", j),
                             f"'{sleutel}' hoort bij geen van zijn percelen "
                             f"({', '.join(map(str, gehouden))})", "perceel_product")
    contracten = contracten_van(percelen_, aanbieders)
    index = {id(a): i for i, a in enumerate(aanbieders)}
    for i, p in enumerate(percelen_):
        van_perceel = [c for c in contracten if c.perceel.nummer == p.nummer]
        if not van_perceel:
            yield _p(REGIO, _perceel_loc(expliciet, i), f"perceel {p.nummer} ({p.naam}) heeft "
                     "geen opdrachtnemers in aanbieders.yaml", "perceel_zonder_opdrachtnemers")
        elif p.taakgericht:
            yield from _een_contractpartner(p, van_perceel, index)


def _aanneemsommen(i: int, a: Aanbieder, gehouden: list[int], drempel: Decimal | None
                   ) -> Iterator[Probleem]:
    """An aanneemsom per perceel only for percelen it holds; one for each when social return
    binds an aanbieder of several percelen (5 % of each contract, never of the whole twice)."""
    for nummer in a.aanneemsom_per_perceel:
        if nummer not in gehouden:
            yield _p(AANBIEDERS, ("aanbieders", i, "aanneemsom_per_perceel", nummer),
                     f"de aanbieder heeft geen contract in perceel {nummer} (wel: "
                     f"{', '.join(map(str, gehouden))})", "perceel_onbekend")
    if drempel is None or len(gehouden) < 2 or a.jaaromzet <= drempel:
        return
    ontbreekt = [n for n in gehouden if n not in a.aanneemsom_per_perceel]
    if ontbreekt:
        yield _p(AANBIEDERS, ("aanbieders", i, "aanneemsom_per_perceel"),
                 "verplicht voor social return (jaaromzet boven de drempel), per perceel van "
                 f"de aanbieder, maar ontbreekt voor perceel {', '.join(map(str, ontbreekt))}",
                 "aanneemsom_ontbreekt")


def _een_contractpartner(perceel: Perceel, contracten: list[Contract], index: dict[int, int]
                         ) -> Iterator[Probleem]:
    if len(contracten) != 1:
        namen = ", ".join(c.aanbieder.id for c in contracten)
        yield _p(AANBIEDERS, ("aanbieders", index[id(contracten[1].aanbieder)]),
                 f"een taakgericht perceel heeft één contractpartner (een combinatie of een "
                 f"hoofdaannemer met onderaannemers); perceel {perceel.nummer} heeft er "
                 f"{len(contracten)}: {namen}", "taakgericht_een_partner")
        return
    partner = contracten[0].aanbieder
    i = index[id(partner)]
    ontbreekt = [f for f in perceel.producten if f not in partner.producten]
    if ontbreekt:
        yield _p(AANBIEDERS, ("aanbieders", i, "producten"), "de contractpartner krijgt de hele "
                 f"taak van perceel {perceel.nummer}; ontbreekt: {', '.join(ontbreekt)}",
                 "taakgericht_hele_taak")
    gezien: dict[str, str] = {}
    for j, onder in enumerate(partner.onderaannemers):
        loc = ("aanbieders", i, "onderaannemers", j, "producten")
        vreemd = [p for p in onder.producten if p not in partner.producten]
        if vreemd:
            yield _p(AANBIEDERS, loc, f"geen functie van de contractpartner: {', '.join(vreemd)}",
                     "verwijzing_onbekend")
        for p in onder.producten:
            if p in gezien:
                yield _p(AANBIEDERS, loc, f"'{p}' heeft al een onderaannemer ({gezien[p]}); een "
                         "functie heeft er hoogstens één", "dubbel")
            gezien.setdefault(p, onder.naam)
