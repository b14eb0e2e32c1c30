"""How far each aanbieder is with its social return: per reported year the obligation, what it
reported as realised, and the shortfall; over the years, whether it is behind. Pure.

Per contract year (the overeenkomst's `periode: contractjaar`), each year stands alone: a surplus
in one year does not make up for a shortfall in another. Over the looptijd, it does: only the
total counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from contracten.rekenen.socialreturn import Verplichting, contractjaren
from contracten.rekenen.termijnregel import laatste_dag

NUL = Decimal(0)


@dataclass(frozen=True)
class Jaarstand:
    jaar: int  # the calendar year the contract year begins in
    verplicht: Decimal
    gerealiseerd: Decimal | None  # None: nothing reported for this year
    tekort: Decimal


@dataclass(frozen=True)
class Realisatie:
    aanbieder: str
    jaren: tuple[Jaarstand, ...]
    verplicht: Decimal
    gerealiseerd: Decimal
    tekort: Decimal
    contract: str = ""  # its key (the aanbieder's id in a tender of one perceel)

    @property
    def achter(self) -> bool:
        return self.tekort > 0

    @property
    def niet_gemeld(self) -> list[int]:
        return [j.jaar for j in self.jaren if j.gerealiseerd is None]


def realisatie(verplichting: Verplichting, gemeld: Mapping[int, Decimal], jaren: Sequence[int],
               per_contractjaar: bool = True) -> Realisatie:
    """The state of an obliged aanbieder over `jaren` (the years being assessed); `gemeld`: its
    reported realisation per year."""
    per_jaar = {j.begin.year: j.bedrag for j in verplichting.jaren}
    standen = []
    for jaar in jaren:
        verplicht = per_jaar.get(jaar, NUL)
        gerealiseerd = gemeld.get(jaar)
        standen.append(Jaarstand(jaar, verplicht, gerealiseerd,
                                 max(NUL, verplicht - (gerealiseerd or NUL))))
    verplicht = sum((s.verplicht for s in standen), NUL)
    gerealiseerd = sum((s.gerealiseerd or NUL for s in standen), NUL)
    tekort = (sum((s.tekort for s in standen), NUL) if per_contractjaar
              else max(NUL, verplicht - gerealiseerd))
    return Realisatie(verplichting.aanbieder, tuple(standen), verplicht, gerealiseerd, tekort,
                      verplichting.contract)


def verantwoordingsdag(rapportage_vanaf: dt.date, jaren_later: int) -> dt.date:
    """The last day a yearly report may arrive, `jaren_later` years after the first
    (`rapportage_vanaf`, itself the last day, inclusive), counted in one step from it under the
    one rule for termijnen: a month's last day stays its month's last day (29 februari 2028,
    then 28 februari 2029 … 29 februari 2032), so "vóór 1 maart" stays the end of February."""
    return laatste_dag(rapportage_vanaf, 12 * jaren_later)


def verantwoording_uiterlijk(begin: dt.date, einde: dt.date, rapportage_vanaf: dt.date | None
                             ) -> dict[int, dt.date]:
    """Per contract year (the calendar year it begins in) the last day its report may arrive
    (art. 1.9.4, inclusive): the first on `rapportage_vanaf`, each next one a year later (see
    `verantwoordingsdag`, as the termijnenkalender counts); without that date, the contract
    year's last day. A reminder about a year is made only after this day."""
    return {jaar_begin.year: (verantwoordingsdag(rapportage_vanaf, i) if rapportage_vanaf
                              else jaar_einde)
            for i, (jaar_begin, jaar_einde, _) in enumerate(contractjaren(begin, einde))}
