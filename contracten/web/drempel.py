"""Sign-in throttled per account and per address: after a few failed attempts each next one
waits twice as long (up to a quarter of an hour), whether the name exists or not, so guessing
is slow and the answer tells nothing about who is registered."""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

GRATIS = {"naam": 3, "adres": 10}  # failed attempts before the wait starts, per kind of key
LANGSTE = 15 * 60  # seconds
BEWAARD = 10_000  # keys remembered at most (the oldest go first)


class Drempel:
    def __init__(self, klok: Callable[[], float]) -> None:
        self._klok = klok
        self._pogingen: OrderedDict[tuple[str, str], tuple[int, float]] = OrderedDict()
        self._slot = threading.Lock()

    def wachten(self, sleutels: Sequence[tuple[str, str]]) -> int:
        """Seconds before another attempt for these keys (kind, value) is heard; 0: now."""
        nu = self._klok()
        with self._slot:
            tot = max((self._pogingen.get(s, (0, 0.0))[1] for s in sleutels), default=0.0)
        return max(0, math.ceil(tot - nu))

    def mislukt(self, sleutels: Sequence[tuple[str, str]]) -> None:
        nu = self._klok()
        with self._slot:
            for sleutel in sleutels:
                aantal = self._pogingen.pop(sleutel, (0, 0.0))[0] + 1
                over = aantal - GRATIS[sleutel[0]]
                self._pogingen[sleutel] = (aantal, nu + min(2 ** over, LANGSTE) if over >= 0
                                           else 0.0)
            while len(self._pogingen) > BEWAARD:
                self._pogingen.popitem(last=False)

    def gelukt(self, naam: tuple[str, str]) -> None:
        """A successful sign-in clears its account (not its address)."""
        with self._slot:
            self._pogingen.pop(naam, None)
