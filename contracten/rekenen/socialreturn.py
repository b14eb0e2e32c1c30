"""Social return (Assen §1.13): who is obliged, and for how much per contract year and in total.
Pure: no files, no clock.

The region says what an aanbieder's aanneemsom covers (`aanneemsom_per`): one contract year (the
percentage of it every year) or the whole looptijd (the percentage of it once, spread over the
years by their length in months, the last year taking the cents that rounding leaves). A last
contract year shorter than twelve months owes pro rata."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from contracten.fouten import InvoerFout, Melding
from contracten.opmaak import bedrag, procent, rond_af, voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Looptijd
from contracten.profiel.percelen import Contract
from contracten.profiel.regels import SocialReturn
from contracten.rekenen.opzegging import plus_maanden

HONDERD = Decimal(100)


@dataclass(frozen=True)
class Contractjaar:
    begin: dt.date
    einde: dt.date  # inclusive
    maanden: int  # 12, or fewer for a last, shorter year
    bedrag: Decimal  # this year's obligation, rounded half up to cents


@dataclass(frozen=True)
class Verplichting:
    aanbieder: str
    verplicht: bool
    bedrag: Decimal | None  # over the whole looptijd, the sum of `jaren`; None when not obliged
    jaaromzet: Decimal
    drempel: Decimal
    percentage: Decimal
    aanneemsom: Decimal | None  # excl. BTW
    omgerekend: bool = False  # the aanneemsom was given incl. BTW and converted
    jaren: tuple[Contractjaar, ...] = ()  # empty when not obliged
    contract: str = ""  # its key (the aanbieder's id in a tender of one perceel)


def contractjaren(begin: dt.date, einde: dt.date) -> list[tuple[dt.date, dt.date, int]]:
    """(begin, last day, months) of each contract year from `begin` up to and including
    `einde`; each begins on the same day of the month as the contract, in one step from it."""
    return list(_contractjaren(begin, einde))


@lru_cache(maxsize=64)  # the same looptijd for every contract of a region
def _contractjaren(begin: dt.date, einde: dt.date) -> tuple[tuple[dt.date, dt.date, int], ...]:
    jaren: list[tuple[dt.date, dt.date, int]] = []
    k = 0
    while True:
        start = plus_maanden(begin, 12 * k)
        if start > einde:
            return tuple(jaren)
        volgende = plus_maanden(begin, 12 * (k + 1))
        laatste = min(volgende - dt.timedelta(days=1), einde)
        maanden = 12 if laatste == volgende - dt.timedelta(days=1) else _maanden(start, laatste)
        jaren.append((start, laatste, maanden))
        k += 1


def _maanden(begin: dt.date, laatste: dt.date) -> int:
    """Whole months from `begin` to the day after `laatste`, a started month counting as one."""
    n = 0
    while plus_maanden(begin, n) <= laatste:
        n += 1
    return n


def _per_jaar(regel: SocialReturn, aanneemsom: Decimal, looptijd: Looptijd
              ) -> tuple[Contractjaar, ...]:
    perioden = contractjaren(looptijd.begin, looptijd.einde)
    fractie = regel.percentage / HONDERD
    if regel.aanneemsom_per == "jaar":
        bedragen = [rond_af(aanneemsom * fractie * m / 12) for _, _, m in perioden]
    else:
        totaal = rond_af(aanneemsom * fractie)
        alle = sum(m for _, _, m in perioden)
        bedragen = [rond_af(totaal * m / alle) for _, _, m in perioden[:-1]]
        bedragen.append(totaal - sum(bedragen, Decimal(0)))
    return tuple(Contractjaar(b, e, m, bedrag)
                 for (b, e, m), bedrag in zip(perioden, bedragen, strict=True))


def bereken(regel: SocialReturn, contract: Contract, looptijd: Looptijd) -> Verplichting:
    """Obliged only when the opdrachtnemer's yearly turnover in the region is strictly above
    the threshold; the percentage is of this contract's value."""
    aanbieder = contract.aanbieder
    verplicht = aanbieder.jaaromzet > regel.drempel
    aanneemsom = contract.aanneemsom_excl_btw()
    if verplicht and aanneemsom is None:
        veld = "aanneemsom" if not aanbieder.aanneemsom_per_perceel \
            else f"aanneemsom_per_perceel.{contract.perceel.nummer}"
        raise InvoerFout([Melding("aanbieders.yaml", None, f"{aanbieder.id}.{veld}",
                                  "verplicht voor social return, maar ontbreekt",
                                  "aanneemsom_ontbreekt")])
    jaren = _per_jaar(regel, aanneemsom, looptijd) if verplicht and aanneemsom is not None \
        else ()
    return Verplichting(
        aanbieder=aanbieder.id,
        contract=contract.sleutel,
        verplicht=verplicht,
        bedrag=sum((j.bedrag for j in jaren), Decimal(0)) if jaren else None,
        jaaromzet=aanbieder.jaaromzet,
        drempel=regel.drempel,
        percentage=regel.percentage,
        aanneemsom=aanneemsom,
        omgerekend=contract.omgerekend,
        jaren=jaren,
    )


def op_voorbeelden(regel: SocialReturn, aanbieder: Aanbieder) -> bool:
    """Whether an obligation is built on an example value: the aanbieder's figures, the
    percentage, or what the aanneemsom is taken to cover."""
    return aanbieder.voorbeeld or regel.is_voorbeeld("percentage") \
        or regel.is_voorbeeld("aanneemsom_per")


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
