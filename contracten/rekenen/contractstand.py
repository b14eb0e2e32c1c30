"""Where a contract stands on a day, from what happened to it: the looptijd with the verlengingen
recorded as used, and an opzegging that ends it earlier. Pure: no files, no clock (the day is an
argument)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from contracten.rekenen.opzegging import Door
from contracten.rekenen.termijnregel import eerste_dag

LOPEND, OPGEZEGD, BEEINDIGD = "lopend", "opgezegd", "beëindigd"


@dataclass(frozen=True)
class Opzegfeit:
    """An opzegging of one contract as it was given (from its folder's manifest)."""

    ontvangen: dt.date  # the day the notice was received
    opzegtermijn_maanden: int
    einde: dt.date  # the contract's last day
    zorg_tot: dt.date  # the last day of the doorlevering
    door: Door = "aanbieder"  # who terminated

    @property
    def instroomstop(self) -> dt.date | None:
        """The first day of the opzegtermijn (a termijn of none ends on the day itself), from
        which an aanbieder that terminated takes no new clients (Assen § 1.6.1, where the region
        has that rule); None when the gemeente terminated."""
        if self.door == "gemeente":
            return None
        return eerste_dag(self.ontvangen, self.einde)


def eerste(opzeggingen: Iterable[Opzegfeit]) -> Opzegfeit | None:
    """Of several opzeggingen of one contract, the one that ends it first (then: received first)."""
    return min(opzeggingen, key=lambda o: (o.einde, o.ontvangen), default=None)


def einde_van(looptijd_einde: dt.date, opzegging: Opzegfeit | None) -> dt.date:
    """The contract's last day: the opzegging's, unless the looptijd ends first."""
    return min(looptijd_einde, opzegging.einde) if opzegging else looptijd_einde


def status(looptijd_einde: dt.date, opzegging: Opzegfeit | None, peildatum: dt.date) -> str:
    """'beëindigd' after the contract's last day, else 'opgezegd' while an opzegging runs, else
    'lopend'."""
    if peildatum > einde_van(looptijd_einde, opzegging):
        return BEEINDIGD
    return OPGEZEGD if opzegging else LOPEND
