"""Social return (Assen §1.13): who is obliged, and for how much. Pure: no files, no clock."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .aanbieders import Aanbieder
from .opmaak import bedrag as toon_bedrag
from .opmaak import procent, rond_af
from .regels import SocialReturn

HONDERD = Decimal(100)


@dataclass(frozen=True)
class Verplichting:
    aanbieder: str
    verplicht: bool
    bedrag: Decimal | None  # rounded half up to cents; None when not obliged
    reden: str  # in words, for letters and overviews


def bereken(regel: SocialReturn, aanbieder: Aanbieder) -> Verplichting:
    """Obliged only when the yearly turnover in the region is strictly above the threshold."""
    drempel = toon_bedrag(regel.drempel)
    omzet = toon_bedrag(aanbieder.jaaromzet)
    if aanbieder.jaaromzet <= regel.drempel:
        return Verplichting(
            aanbieder.id, False, None,
            f"De jaaromzet binnen de regio ({omzet}) ligt niet boven {drempel}; social return "
            f"wordt waar mogelijk toegepast, zonder harde verplichting.")
    if aanbieder.aanneemsom is None:
        raise ValueError(f"aanbieder {aanbieder.id} is verplicht maar heeft geen aanneemsom")
    verplichting = rond_af(aanbieder.aanneemsom * regel.percentage / HONDERD)
    return Verplichting(
        aanbieder.id, True, verplichting,
        f"De jaaromzet binnen de regio ({omzet}) ligt boven {drempel}; de verplichting is "
        f"{procent(regel.percentage)} van de aanneemsom exclusief btw "
        f"({toon_bedrag(aanbieder.aanneemsom)}).")
