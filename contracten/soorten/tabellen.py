"""Tariff and budget rows with their iWmo codes, shared by the programma van eisen and the
overeenkomst. Pure: rows of formatted values, every example amount marked."""

from __future__ import annotations

from contracten.opmaak import bedrag, voorbeeld
from contracten.profiel import iwmo
from contracten.profiel.inhoud import Intensiteit
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract, Perceel
from contracten.profiel.tarieven import BedragRegel, Prijspeil
from contracten.weergave.fragment import Letterlijk as L


def toon(regel: BedragRegel | None) -> str:
    return voorbeeld(bedrag(regel.bedrag), regel.voorbeeld) if regel else "—"


def tariefrijen(profiel: Profiel, peil: Prijspeil, perceel: Perceel) -> list[dict[str, str]]:
    """One row per functie or product of the perceel: `sleutel`, `naam`, `categorie`
    (iWmo-productcategorie), for a product `eenheid` (iWmo-eenheid and frequentie) and
    `intensiteit` ("4 tot 6 uur per week", or empty), `bedrag` in this prijspeil and `per`."""
    rijen = []
    eigen = set(perceel.producten)
    if perceel.taakgericht:
        for functie in (f for f in profiel.inhoud.functies if f.sleutel in eigen):
            regel = peil.van_product(functie.sleutel)
            rijen.append({"sleutel": functie.sleutel, "naam": functie.naam,
                          "categorie": voorbeeld(_categorie(functie.productcategorie or ""),
                                                 "productcategorie" in functie.voorbeeld),
                          "bedrag": toon(regel), "per": _per(profiel, regel)})
        return rijen
    for product in (p for p in profiel.inhoud.producten if p.sleutel in eigen):
        regel = peil.van_product(product.sleutel)
        rijen.append({"sleutel": product.sleutel, "naam": product.naam,
                      "intensiteit": _intensiteit(profiel, product.intensiteit),
                      "categorie": voorbeeld(_categorie(product.iwmo.productcategorie),
                                             product.iwmo.voorbeeld),
                      "eenheid": voorbeeld(_eenheid(product.iwmo.eenheid, product.iwmo.frequentie),
                                           product.iwmo.voorbeeld),
                      "bedrag": toon(regel), "per": _per(profiel, regel)})
    return rijen


def _per(profiel: Profiel, regel: BedragRegel | None) -> str:
    return profiel.regio.benaming(regel.eenheid).enkelvoud if regel else "—"


def tariefkop(profiel: Profiel, peil: Prijspeil, perceel: Perceel) -> list[str]:
    if perceel.taakgericht:
        return ["Functie", "iWmo-productcategorie", f"Budget (prijspeil {peil.prijspeil})", "Per"]
    return ["Product", "iWmo-productcategorie", "iWmo-eenheid en frequentie",
            f"Tarief (prijspeil {peil.prijspeil})", "Per"]


def tarieftabel(profiel: Profiel, peil: Prijspeil, perceel: Perceel) -> list[list[L]]:
    """The rows of `tariefrijen` as table cells, in the columns of `tariefkop`."""
    kolommen = (("naam", "categorie", "bedrag", "per") if perceel.taakgericht
                else ("naam", "categorie", "eenheid", "bedrag", "per"))
    return [[L(_met_intensiteit(rij) if k == "naam" else rij[k]) for k in kolommen]
            for rij in tariefrijen(profiel, peil, perceel)]


def _met_intensiteit(rij: dict[str, str]) -> str:
    """The product's name, and under it its usual intensiteit ("4 tot 6 uur per week")."""
    return f"{rij['naam']}\n{rij['intensiteit']}" if rij.get("intensiteit") else rij["naam"]


def _intensiteit(profiel: Profiel, intensiteit: Intensiteit | None) -> str:
    if intensiteit is None:
        return ""
    benaming = profiel.regio.benaming(intensiteit.eenheid)
    eenheid = benaming.meervoud
    if intensiteit.minimum == intensiteit.maximum:
        if intensiteit.minimum == 1:
            eenheid = benaming.enkelvoud
        return f"{intensiteit.minimum} {eenheid} per {intensiteit.per}"
    return f"{intensiteit.minimum} tot {intensiteit.maximum} {eenheid} per {intensiteit.per}"


def prestaties(profiel: Profiel, peil: Prijspeil, contract: Contract) -> list[dict[str, str]]:
    """What one contract is for: the rows of `tariefrijen` of its perceel it has."""
    sleutels = set(contract.producten)
    return [rij for rij in tariefrijen(profiel, peil, contract.perceel)
            if rij["sleutel"] in sleutels]


def _categorie(code: str) -> str:
    return iwmo.met_naam(code, iwmo.PRODUCTCATEGORIE) if code else "—"


def _eenheid(eenheid: str, frequentie: str) -> str:
    return f"{iwmo.met_naam(eenheid, iwmo.EENHEID)}, {iwmo.FREQUENTIE[frequentie]}"
