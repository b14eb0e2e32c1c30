"""The rows of the indexatiebrief and its addendum: per amount of one contract, the amount the
aanbieder was last told of and the new one, and whether (and why) the new one deviates from
the indexation. Pure: no files, no Word objects."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from contracten.opmaak import rond_af
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.profiel.tarieven import BedragRegel, Eenheid
from contracten.rekenen.indexatie import vorig_bedrag


@dataclass(frozen=True)
class Afwijking:
    """An amount set apart from the indexation in prijspeil `jaar`, and why."""

    jaar: int
    reden: str


@dataclass(frozen=True)
class Rij:
    """One amount of the letter: before (at the letter's base prijspeil) and after."""

    naam: str
    eenheid: Eenheid
    oud: Decimal
    nieuw: Decimal
    voorbeeld: bool
    afwijkingen: tuple[Afwijking, ...] = ()

    @property
    def procent(self) -> Decimal:
        """The real change from old to new, in percent (two decimals, half up)."""
        if self.oud == 0:
            return Decimal("0.00")
        return rond_af((self.nieuw - self.oud) / self.oud * 100)


def afwijkingen(profiel: Profiel, van: int, tot: int, sleutel: str) -> tuple[Afwijking, ...]:
    """The deviations of amount `sleutel` in the prijspeilen after `van` up to `tot`."""
    return tuple(Afwijking(jaar, regel.afwijking)
                 for jaar in sorted(profiel.prijspeilen) if van < jaar <= tot
                 if (regel := profiel.prijspeilen[jaar].bedrag(sleutel)) is not None
                 and regel.afwijking)


def regels(profiel: Profiel, prijspeil: int, contract: Contract) -> list[Rij]:
    """This contract's own amounts, from the prijspeil the aanbieder was last told of (the
    record's `basis`: over several years in one run, the one before the first) to this one.
    Taakgericht: one row, the contract partner's budget of the perceel (the sum of its functie
    budgets, as Deel 2 of its overeenkomst shows it), never the budget of a functie or of any
    other party."""
    peil = profiel.prijspeilen[prijspeil]
    assert peil.indexatie is not None
    basis = peil.indexatie.basis
    namen = {e.sleutel: e.naam for e in profiel.eenheden}
    producten = contract.producten
    sleutels = [b.sleutel for b in peil.bedragen if b.product in producten]
    afwezigheid = profiel.regio.regels.afwezigheid
    if afwezigheid and (not afwezigheid.producten
                        or set(afwezigheid.producten) & set(producten)):
        sleutels.append(afwezigheid.bedrag)
    paren: list[tuple[BedragRegel, BedragRegel]] = []
    for sleutel in sleutels:
        nieuw, oud = peil.bedrag(sleutel), vorig_bedrag(profiel, basis + 1, sleutel)
        if nieuw is not None and oud is not None:
            paren.append((oud[1], nieuw))
    if contract.perceel.taakgericht:
        budget = [(o, n) for o, n in paren if n.product in producten]
        if not budget:
            return []
        return [Rij(f"Taakgericht budget {contract.perceel.naam}", budget[0][1].eenheid,
                    sum((o.bedrag for o, _ in budget), Decimal(0)),
                    sum((n.bedrag for _, n in budget), Decimal(0)),
                    any(o.voorbeeld or n.voorbeeld for o, n in budget),
                    tuple(a for _, n in budget
                          for a in afwijkingen(profiel, basis, prijspeil, n.sleutel)))]
    return [Rij(namen.get(n.product or "", n.omschrijving), n.eenheid, o.bedrag, n.bedrag,
                o.voorbeeld or n.voorbeeld, afwijkingen(profiel, basis, prijspeil, n.sleutel))
            for o, n in paren]
