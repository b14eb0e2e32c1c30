"""Social return (Assen §1.13): who is obliged, and for how much. Pure: no files, no clock."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from contracten.fouten import InvoerFout, Melding
from contracten.opmaak import bedrag, procent, rond_af, voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.regels import SocialReturn

HONDERD = Decimal(100)


@dataclass(frozen=True)
class Verplichting:
    aanbieder: str
    verplicht: bool
    bedrag: Decimal | None  # rounded half up to cents; None when not obliged
    jaaromzet: Decimal
    drempel: Decimal
    percentage: Decimal
    aanneemsom: Decimal | None  # excl. BTW
    omgerekend: bool = False  # the aanneemsom was given incl. BTW and converted


def bereken(regel: SocialReturn, aanbieder: Aanbieder) -> Verplichting:
    """Obliged only when the yearly turnover in the region is strictly above the threshold."""
    verplicht = aanbieder.jaaromzet > regel.drempel
    aanneemsom = aanbieder.aanneemsom_excl_btw()
    if verplicht and aanneemsom is None:
        raise InvoerFout([Melding("aanbieders.yaml", None, f"{aanbieder.id}.aanneemsom",
                                  "verplicht voor social return, maar ontbreekt",
                                  "aanneemsom_ontbreekt")])
    return Verplichting(
        aanbieder=aanbieder.id,
        verplicht=verplicht,
        bedrag=(rond_af(aanneemsom * regel.percentage / HONDERD)
                if verplicht and aanneemsom is not None else None),
        jaaromzet=aanbieder.jaaromzet,
        drempel=regel.drempel,
        percentage=regel.percentage,
        aanneemsom=aanneemsom,
        omgerekend=aanbieder.aanneemsom_incl_btw is not None,
    )


def toelichting(v: Verplichting, regel: SocialReturn, aanbieder_voorbeeld: bool) -> str:
    """The reason in words, with every example value marked."""
    omzet = voorbeeld(bedrag(v.jaaromzet), aanbieder_voorbeeld)
    drempel = voorbeeld(bedrag(v.drempel), regel.is_voorbeeld("drempel"))
    if not v.verplicht:
        return (f"De jaaromzet binnen de regio ({omzet}) ligt niet boven {drempel}; social return "
                f"wordt waar mogelijk toegepast, zonder harde verplichting.")
    assert v.aanneemsom is not None
    omgerekend = ", omgerekend uit het bedrag inclusief btw" if v.omgerekend else ""
    return (f"De jaaromzet binnen de regio ({omzet}) ligt boven {drempel}; de verplichting is "
            f"{voorbeeld(procent(v.percentage), regel.is_voorbeeld('percentage'))} van de "
            f"aanneemsom exclusief btw ({voorbeeld(bedrag(v.aanneemsom), aanbieder_voorbeeld)}"
            f"{omgerekend}).")
