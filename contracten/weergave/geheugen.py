"""A bounded memory for what a template made before. Two rules keep it small however many
documents a run makes:

- What is made once is not kept: an entry is stored from its second use on (or its first,
  with `bewaar`, where the caller knows it recurs). What only one aanbieder needed (its name,
  its amounts, an overview of them all) leaves no trace but a hash.
- Two generations: what keeps being used stays, what is no longer used goes. Memory stays under
  `2 × per_generatie` entries (and as many hashes, a few dozen bytes each).

Looking up and storing cost a dict or set operation or two."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Geheugen(Generic[K, V]):
    def __init__(self, per_generatie: int) -> None:
        self.per_generatie = per_generatie
        self._jong: dict[K, V] = {}
        self._oud: dict[K, V] = {}
        # Hashes of the keys seen once (two generations as well). Two keys with the same hash
        # only mean that one of them is stored a use early.
        self._gezien: set[int] = set()
        self._eerder_gezien: set[int] = set()

    def get(self, sleutel: K) -> V | None:
        waarde = self._jong.get(sleutel)
        if waarde is None:
            waarde = self._oud.get(sleutel)
            if waarde is not None:  # still in use: into the young generation
                self._bewaar(sleutel, waarde)
        return waarde

    def __setitem__(self, sleutel: K, waarde: V) -> None:
        kenmerk = hash(sleutel)
        if kenmerk in self._gezien or kenmerk in self._eerder_gezien:
            self._bewaar(sleutel, waarde)
            return
        if len(self._gezien) >= self.per_generatie:
            self._eerder_gezien, self._gezien = self._gezien, set()
        self._gezien.add(kenmerk)

    def bewaar(self, sleutel: K, waarde: V) -> None:
        """Keep `waarde` from its first use: for what is known to recur."""
        self._bewaar(sleutel, waarde)

    def _bewaar(self, sleutel: K, waarde: V) -> None:
        if len(self._jong) >= self.per_generatie:
            self._oud, self._jong = self._jong, {}
        self._jong[sleutel] = waarde

    def __len__(self) -> int:
        return len(self._jong) + len(self._oud)
