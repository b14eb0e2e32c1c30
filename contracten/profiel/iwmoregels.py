"""The iWmo rules a product's codes must meet beyond the code lists: the eenheid belongs to the
region's uitvoeringsvariant, the frequentie to the eenheid, and a time unit to the tariff's unit.
Pure: (field path, message, code) for each breach; `validatie` adds the file."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from contracten.lezen.bron import Pad
from contracten.profiel import iwmo
from contracten.profiel.inhoud import Product
from contracten.profiel.percelen import Perceel
from contracten.profiel.tarieven import BedragRegel

Breuk = tuple[Pad, str, str]


def productcodes(vorm: str, producten: Sequence[Product]) -> Iterator[Breuk]:
    """inhoud.yaml: each product's eenheid and frequentie against the uitvoeringsvariant."""
    toegestaan = iwmo.EENHEID_PER_VORM.get(vorm)
    for i, product in enumerate(producten):
        codes = product.iwmo
        if toegestaan is not None and codes.eenheid not in toegestaan:
            yield (("producten", i, "iwmo", "eenheid"),
                   f"iWmo-eenheid {iwmo.met_naam(codes.eenheid, iwmo.EENHEID)} hoort niet bij "
                   f"een {vorm}e regio (regio.yaml: bekostigingsvorm); toegestaan: "
                   f"{iwmo.alle(iwmo.EENHEID, toegestaan)}", "eenheid_bekostigingsvorm")
        frequenties = iwmo.FREQUENTIE_PER_EENHEID[codes.eenheid]
        if codes.frequentie not in frequenties:
            yield (("producten", i, "iwmo", "frequentie"),
                   f"iWmo-frequentie {iwmo.met_naam(codes.frequentie, iwmo.FREQUENTIE)} kan niet "
                   f"bij eenheid {iwmo.met_naam(codes.eenheid, iwmo.EENHEID)}; toegestaan: "
                   f"{iwmo.alle(iwmo.FREQUENTIE, frequenties)}", "frequentie_eenheid")


def productcodes_per_perceel(percelen: Sequence[Perceel], producten: Sequence[Product]
                            ) -> Iterator[Breuk]:
    """Each product's codes against the bekostigingsvorm of the (first) perceel it is in."""
    vorm_van: dict[str, str] = {}
    for p in percelen:
        if not p.taakgericht:
            for sleutel in p.producten:
                vorm_van.setdefault(sleutel, str(p.bekostigingsvorm))
    for vorm in dict.fromkeys(vorm_van.values()):
        eigen = [i for i, p in enumerate(producten) if vorm_van.get(p.sleutel) == vorm]
        for (_, j, *rest), bericht, code in productcodes(vorm, [producten[i] for i in eigen]):
            yield (("producten", eigen[int(j)], *rest), bericht, code)


def tariefeenheid(producten: Sequence[Product], i: int, regel: BedragRegel) -> Iterator[Breuk]:
    """tarieven/<jaar>.yaml: a tariff of a product allocated in a unit of time is priced per
    that unit."""
    product = next((p for p in producten if p.sleutel == regel.product), None)
    verwacht = iwmo.TIJDSEENHEID.get(product.iwmo.eenheid) if product else None
    if product is not None and verwacht is not None and regel.eenheid != verwacht:
        yield (("bedragen", i, "eenheid"),
               f"'{regel.eenheid}' past niet bij product '{product.sleutel}', dat in "
               f"inhoud.yaml de iWmo-eenheid {product.iwmo.eenheid} ({verwacht}) heeft; "
               f"verwacht eenheid: {verwacht}, of een andere iWmo-eenheid in inhoud.yaml "
               f"(toegestaan: {iwmo.alle(iwmo.EENHEID)})", "eenheid_iwmo")
