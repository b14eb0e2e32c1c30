"""Whether the amounts of an indexed prijspeil are its indexation: each amount the latest
earlier amount times (1 + index), rounded half up to cents, unless the row gives a reason
(`afwijking`). The indexatiebrief and its addendum state the index and both amounts; an amount
changed afterwards without a reason would make them contradict themselves. Pure: no files."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from contracten.opmaak import rond_af
from contracten.profiel.tarieven import BedragRegel, Prijspeil

HONDERD = Decimal(100)

Soort = Literal[
    "afwijking_zonder_reden",  # differs from the indexation, and no reason given
    "afwijking_zonder_verschil",  # a reason, but the amount is the indexation
    "afwijking_niet_geindexeerd",  # a reason in a prijspeil not made by indexation
]


@dataclass(frozen=True)
class Bevinding:
    soort: Soort
    jaar: int  # the prijspeil
    positie: int  # of the amount in its `bedragen`
    regel: BedragRegel
    verwacht: Decimal | None = None  # the indexation of `oud`
    oud: Decimal | None = None
    van: int | None = None  # the prijspeil `oud` comes from
    index: Decimal | None = None


def _vorig(prijspeilen: dict[int, Prijspeil], jaar: int, sleutel: str
           ) -> tuple[int, BedragRegel] | None:
    for eerder in sorted((j for j in prijspeilen if j < jaar), reverse=True):
        regel = prijspeilen[eerder].bedrag(sleutel)
        if regel is not None:
            return eerder, regel
    return None


def controleer_indexatie(prijspeilen: dict[int, Prijspeil], jaren: set[int] | None = None
                         ) -> list[Bevinding]:
    """Every amount of the prijspeilen `jaren` (default: all) that is not its indexation and
    gives no reason, and every reason that has nothing to explain."""
    uit = []
    for jaar in sorted(prijspeilen):
        if jaren is not None and jaar not in jaren:
            continue
        peil = prijspeilen[jaar]
        record = peil.indexatie
        for positie, regel in enumerate(peil.bedragen):
            if record is None:
                if regel.afwijking:
                    uit.append(Bevinding("afwijking_niet_geindexeerd", jaar, positie, regel))
                continue
            vorig = _vorig(prijspeilen, jaar, regel.sleutel)
            if vorig is None:  # a new amount: nothing it was indexed from, nothing to contradict
                continue
            verwacht = rond_af(vorig[1].bedrag * (1 + record.index / HONDERD))
            soort: Soort | None = None
            if regel.bedrag != verwacht and not regel.afwijking:
                soort = "afwijking_zonder_reden"
            elif regel.bedrag == verwacht and regel.afwijking:
                soort = "afwijking_zonder_verschil"
            if soort is not None:
                uit.append(Bevinding(soort, jaar, positie, regel, verwacht, vorig[1].bedrag,
                                     vorig[0], record.index))
    return uit
