"""Tariff and budget tables with their iWmo codes, shared by the programma van eisen and the
overeenkomst. Pure: rows of cells, every example amount marked."""

from __future__ import annotations

from contracten.opmaak import bedrag, voorbeeld
from contracten.profiel import iwmo
from contracten.profiel.model import Profiel
from contracten.profiel.tarieven import BedragRegel, Prijspeil
from contracten.weergave.fragment import Letterlijk as L


def toon(regel: BedragRegel | None) -> str:
    return voorbeeld(bedrag(regel.bedrag), regel.voorbeeld) if regel else "—"


def tariefkop(profiel: Profiel, peil: Prijspeil) -> list[str]:
    if profiel.regio.bekostigingsvorm == "taakgericht":
        return ["Functie", "iWmo-productcategorie", f"Budget (prijspeil {peil.prijspeil})", "Per"]
    return ["Product", "iWmo-productcategorie", "iWmo-eenheid en frequentie",
            f"Tarief (prijspeil {peil.prijspeil})", "Per"]


def tarieftabel(profiel: Profiel, peil: Prijspeil) -> list[list[L]]:
    """One row per functie or product, with its iWmo codes and its amount in this prijspeil."""
    rijen = []
    if profiel.regio.bekostigingsvorm == "taakgericht":
        for functie in profiel.inhoud.functies:
            regel = peil.van_product(functie.sleutel)
            categorie = iwmo.met_naam(functie.productcategorie or "", iwmo.PRODUCTCATEGORIE)
            rijen.append([L(functie.naam), L(categorie or "—"), L(toon(regel)),
                          L(regel.eenheid if regel else "—")])
        return rijen
    for product in profiel.inhoud.producten:
        regel = peil.van_product(product.sleutel)
        rijen.append([L(product.naam), L(_categorie(product.iwmo.productcategorie)),
                      L(_eenheid(product.iwmo.eenheid, product.iwmo.frequentie)),
                      L(toon(regel)), L(regel.eenheid if regel else "—")])
    return rijen


def prestatietabel(profiel: Profiel, peil: Prijspeil, sleutels: list[str]
                   ) -> tuple[list[str], list[list[L]]]:
    """What one aanbieder is contracted for. A taakgericht contract lists its functies only:
    the regional budget per functie is not this aanbieder's budget."""
    if profiel.regio.bekostigingsvorm == "taakgericht":
        rijen = [[L(f.naam), L(_categorie(f.productcategorie or ""))]
                 for f in profiel.inhoud.functies if f.sleutel in sleutels]
        return ["Functie", "iWmo-productcategorie"], rijen
    kop = tariefkop(profiel, peil)
    namen = {p.sleutel for p in profiel.inhoud.producten if p.sleutel in sleutels}
    return kop, [r for r, p in zip(tarieftabel(profiel, peil), profiel.inhoud.producten,
                                   strict=True) if p.sleutel in namen]


def _categorie(code: str) -> str:
    return iwmo.met_naam(code, iwmo.PRODUCTCATEGORIE) if code else "—"


def _eenheid(eenheid: str, frequentie: str) -> str:
    return f"{iwmo.met_naam(eenheid, iwmo.EENHEID)}, {iwmo.FREQUENTIE[frequentie]}"
