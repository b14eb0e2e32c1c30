"""Deel 2 of the overeenkomst of one contract (perceel and opdrachtnemer): its tariffs, or
(taakgericht) the budget of the perceel per functie and its onderaannemers, with social return
and the amount for absence; every example value marked. Pure: no files, no Word objects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from contracten.opmaak import bedrag, datum, getal, opsomming, procent, voorbeeld
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.rekenen import socialreturn
from contracten.soorten.contractopbouw import Blok
from contracten.soorten.tabellen import prestaties


def deel2(profiel: Profiel, prijspeil: int, contract: Contract) -> tuple[list[Blok], bool]:
    """The tables of Deel 2: the opdrachtnemer's tariffs in this perceel, or (taakgericht) the
    budget of the perceel per functie and its onderaannemers; and whether an amount is an
    example."""
    aanbieder = contract.aanbieder
    producten = contract.producten
    begin = profiel.regio.aanbesteding.looptijd.begin
    # A contract states the amounts of its first year: those of the start year's prijspeil when
    # the profile has it, else the run's, with the way they are indexed up to the start.
    start = profiel.prijspeilen.get(begin.year)
    if prijspeil < begin.year and start is not None \
            and all(start.van_product(s) for s in producten):
        prijspeil = begin.year
    peil = profiel.prijspeilen[prijspeil]
    rijen = prestaties(profiel, peil, contract)
    vb = any(r.voorbeeld for s in producten if (r := peil.van_product(s)))
    codes_vb = {p.sleutel for p in profiel.inhoud.producten if p.iwmo.voorbeeld} \
        | {f.sleutel for f in profiel.inhoud.functies if f.voorbeeld}  # iWmo codes not sourced
    vb_codes = bool(codes_vb & set(producten))
    blokken: list[Blok] = []
    if contract.perceel.taakgericht:
        totaal = sum((r.bedrag for s in producten if (r := peil.van_product(s))), Decimal(0))
        blokken.append({"soort": "budget", "rijen": rijen, "prijspeil": prijspeil,
                        "totaal": voorbeeld(bedrag(totaal), vb)})
        blokken += _indexatie(prijspeil, begin)
        # The onderaannemers of this perceel, each with its functies in it.
        onder = [(o, [p for p in o.producten if p in producten])
                 for o in aanbieder.onderaannemers]
        onder = [(o, eigen) for o, eigen in onder if eigen]
        if onder:
            namen = {e.sleutel: e.naam for e in profiel.eenheden}
            budget = {s: r.bedrag for s in producten if (r := peil.van_product(s))}
            blokken.append({"soort": "onderaannemers", "rijen": [
                {"naam": voorbeeld(o.naam, aanbieder.voorbeeld),
                 "kvk": voorbeeld(o.kvk, aanbieder.voorbeeld),
                 "functies": "; ".join(namen[p] for p in eigen),
                 # Computed from the budget: an example whenever the budget or the split is.
                 "aandeel": voorbeeld(_deel(sum((budget.get(p, Decimal(0)) for p in eigen),
                                                Decimal(0)), totaal), vb or aanbieder.voorbeeld)}
                for o, eigen in onder]})
    else:
        blokken.append({"soort": "tarieven", "rijen": rijen, "prijspeil": prijspeil})
        blokken += _indexatie(prijspeil, begin)
    vb = vb or vb_codes
    sr = _socialreturn(profiel, contract)
    if sr is not None:
        blokken.append(sr)
        vb = vb or sr["voorbeeld"]
    afwezigheid = _afwezigheid(profiel, prijspeil, producten)
    if afwezigheid is not None:
        blokken.append(afwezigheid)
        vb = vb or afwezigheid["voorbeeld"]
    return blokken, vb


def _indexatie(prijspeil: int, begin: dt.date) -> list[Blok]:
    """Amounts of an earlier prijspeil than the contract's first year say how they move on: by
    every yearly indexation of article 3.2 from the year after the prijspeil up to the start."""
    if prijspeil >= begin.year:
        return []
    return [{"soort": "indexatie", "prijspeil": prijspeil, "begin": datum(begin),
             "startjaar": begin.year, "eerste": prijspeil + 1,
             "jaren": begin.year - prijspeil}]


def _socialreturn(profiel: Profiel, contract: Contract) -> Blok | None:
    """Whether article 1.9.1 binds this contract, and for how much (only where 1.9 is used)."""
    aanbieder = contract.aanbieder
    regel = profiel.regio.regels.socialreturn
    keuzes = profiel.overeenkomst
    if regel is None or keuzes is None or not keuzes.gebruikt("socialreturn"):
        return None
    uitkomst = socialreturn.bereken(regel, contract, profiel.regio.aanbesteding.looptijd)
    vb = aanbieder.voorbeeld
    vb_bedrag = socialreturn.op_voorbeelden(regel, aanbieder)
    return {"soort": "socialreturn", "verplicht": uitkomst.verplicht,
            "jaaromzet": voorbeeld(bedrag(uitkomst.jaaromzet), vb),
            "drempel": voorbeeld(bedrag(uitkomst.drempel), regel.is_voorbeeld("drempel")),
            "percentage": voorbeeld(procent(uitkomst.percentage),
                                    regel.is_voorbeeld("percentage")),
            "aanneemsom": voorbeeld(bedrag(uitkomst.aanneemsom), vb)
            if uitkomst.aanneemsom is not None else "",
            # What the aanneemsom covers: one contract year ('jaar') or the whole 'looptijd'.
            "aanneemsom_per": regel.aanneemsom_per,
            "bedrag": voorbeeld(bedrag(uitkomst.bedrag), vb_bedrag)
            if uitkomst.bedrag is not None else "", "voorbeeld": vb,
            # "€ 15.432,10 vanaf 1 januari 2026, …": what each contract year owes (art. 1.9.1).
            "jaren": opsomming([f"{voorbeeld(bedrag(j.bedrag), vb_bedrag)} vanaf {datum(j.begin)}"
                                for j in uitkomst.jaren])}


def _deel(deel: Decimal, geheel: Decimal) -> str:
    """A share in percent, to one decimal (informative: the budget is one whole)."""
    return f"{getal((deel * 100 / geheel).quantize(Decimal('0.1')) if geheel else Decimal(0))} %"


def _afwezigheid(profiel: Profiel, prijspeil: int, producten: list[str]) -> Blok | None:
    """The amount for housing during a client's temporary absence, where the region has one
    and this contract includes a product it applies to."""
    regel = profiel.regio.regels.afwezigheid
    if regel is None or (regel.producten and not set(regel.producten) & set(producten)):
        return None
    bedragregel = profiel.prijspeilen[prijspeil].bedrag(regel.bedrag)
    if bedragregel is None:
        return None
    maanden_vb = regel.is_voorbeeld("maximum_maanden_per_kalenderjaar")
    return {"soort": "afwezigheid", "bedrag": voorbeeld(bedrag(bedragregel.bedrag),
                                                        bedragregel.voorbeeld),
            "eenheid": profiel.regio.benaming(bedragregel.eenheid).enkelvoud,
            "maanden": voorbeeld(str(regel.maximum_maanden_per_kalenderjaar), maanden_vb),
            "gronden": "; ".join(g[0].lower() + g[1:] for g in regel.gronden),
            "bron": regel.bron or "", "voorbeeld": bedragregel.voorbeeld or maanden_vb}
