"""Document context of the overeenkomst with one aanbieder. Pure: no files, no Word objects."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import socialreturn
from .aanbieders import Aanbieder
from .fragment import Fragment
from .opmaak import VOORBEELDMELDING, bedrag, getal, opsomming, voorbeeld
from .profiel import Profiel
from .programma_van_eisen import tariefkop, tarieftabel

UITLEG = {
    "taakgericht": "de Aanbieder voert de opgedragen taak uit binnen een taakgericht budget per "
                   "jaar en bepaalt samen met de inwoner welke ondersteuning passend is.",
    "outputgericht": "de Aanbieder levert de gecontracteerde producten en declareert per product "
                     "per periode het tarief dat daarvoor geldt.",
    "inspanningsgericht": "de Aanbieder levert de gecontracteerde producten en declareert de "
                          "geleverde tijdseenheden tegen het tarief per eenheid.",
}


def context(profiel: Profiel, prijspeil: int, aanbieder: Aanbieder, versie: str) -> dict[str, Any]:
    regio = profiel.regio
    regels = regio.regels
    peil = profiel.prijspeilen[prijspeil]
    taakgericht = regio.bekostigingsvorm == "taakgericht"
    namen = {e.sleutel: e.naam for e in profiel.eenheden}

    prestaties = Fragment()
    kop = tariefkop(profiel, peil)
    prestaties.tabel(tarieftabel(profiel, peil, aanbieder.producten), kop=kop,
                     breedtes=[4, 2, 2, 2, 2][:len(kop)])
    if taakgericht and aanbieder.aanneemsom is not None:
        prestaties.tekst(f"Het taakgerichte budget van de Aanbieder bedraagt "
                         f"{voorbeeld(bedrag(aanbieder.aanneemsom), aanbieder.voorbeeld)} per "
                         f"jaar; de bedragen hierboven zijn de budgetten voor de hele regio.")

    beperkingen = [
        f"Voor de gemeente {g.naam} geldt deze overeenkomst alleen voor "
        f"{opsomming([namen[s].lower() for s in g.alleen])}."
        for g in regio.gemeenten if g.alleen]

    return {
        "regio": regio,
        "aanbesteding": regio.aanbesteding,
        "programma": profiel.programma,
        "aanbieder": aanbieder,
        "prijspeil": prijspeil,
        "versie": versie,
        "voorbeeldmelding": VOORBEELDMELDING,  # the shipped aanbieders and amounts are examples
        "gemeenten": opsomming([voorbeeld(g.naam, g.voorbeeld) for g in regio.gemeenten]),
        "beperkingen": beperkingen,
        "uitvoeringsvariant": f"{regio.bekostigingsvorm}e",  # "de outputgerichte …"
        "uitvoeringsvariant_uitleg": UITLEG[regio.bekostigingsvorm],
        "looptijd_voorbeeld": " (voorbeeld)" if regio.aanbesteding.looptijd.voorbeeld else "",
        "prestaties_titel": ("Prestaties en het taakgerichte budget" if taakgericht
                             else "Prestaties en tarieven"),
        "eenheden_naam": "functies" if taakgericht else "producten",
        "prestaties": prestaties,
        "afwezigheid": _afwezigheid(profiel, prijspeil),
        "indexatie": {
            "loon": getal(regels.indexatie.gewicht_loon),
            "prijs": getal(Decimal(1) - regels.indexatie.gewicht_loon),
            "voorbeeld": (" (weging: voorbeeld)" if regels.indexatie.is_voorbeeld("gewicht_loon")
                          else ""),
        },
        "socialreturn": _socialreturn(profiel, aanbieder),
        "opzegging": {
            "termijn": voorbeeld(_maanden(regels.opzegging.opzegtermijn_maanden),
                                 regels.opzegging.is_voorbeeld("opzegtermijn_maanden")),
            "doorlevering": voorbeeld(_maanden(regels.opzegging.doorlevering_maanden),
                                      regels.opzegging.is_voorbeeld("doorlevering_maanden")),
        },
        "weigeren": _weigeren(profiel),
    }


def _maanden(aantal: int) -> str:
    return f"{aantal} {'maand' if aantal == 1 else 'maanden'}"


def _socialreturn(profiel: Profiel, aanbieder: Aanbieder) -> dict[str, Any] | None:
    regel = profiel.regio.regels.socialreturn
    if regel is None:
        return None
    uitkomst = socialreturn.bereken(regel, aanbieder)
    return {
        "verplicht": uitkomst.verplicht,
        "bedrag": (voorbeeld(bedrag(uitkomst.bedrag), aanbieder.voorbeeld)
                   if uitkomst.bedrag is not None else ""),
        "reden": uitkomst.reden,
    }


def _afwezigheid(profiel: Profiel, prijspeil: int) -> dict[str, Any] | None:
    regel = profiel.regio.regels.afwezigheid
    if regel is None:
        return None
    bedragregel = profiel.prijspeilen[prijspeil].bedrag(regel.bedrag)
    if bedragregel is None:
        return None
    gronden = [g[0].lower() + g[1:] for g in regel.gronden]
    return {
        "bedrag": voorbeeld(bedrag(bedragregel.bedrag), bedragregel.voorbeeld),
        "eenheid": bedragregel.eenheid,
        "maanden": regel.maximum_maanden_per_kalenderjaar,
        "gronden": " of ".join(gronden),
        "bron": regel.bron or "het programma van eisen",
    }


def _weigeren(profiel: Profiel) -> dict[str, Any] | None:
    regel = profiel.regio.regels.weigeren
    if regel is None:
        return None
    dagen = regel.meldtermijn_dagen
    return {"termijn": voorbeeld(f"{dagen} {'dag' if dagen == 1 else 'dagen'}",
                                 regel.is_voorbeeld("meldtermijn_dagen")),
            "bron": regel.bron or "het programma van eisen"}
