"""A bounded memory for what a template made before: two generations, so that what keeps
being used stays and what one aanbieder alone needed (its name, its amounts) goes. Looking up
and storing cost a dict operation or two; memory stays under `2 × per_generatie` entries however
many documents a run makes."""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Geheugen(Generic[K, V]):
    def __init__(self, per_generatie: int) -> None:
        self.per_generatie = per_generatie
        self._jong: dict[K, V] = {}
        self._oud: dict[K, V] = {}

    def get(self, sleutel: K) -> V | None:
        waarde = self._jong.get(sleutel)
        if waarde is None:
            waarde = self._oud.get(sleutel)
            if waarde is not None:  # still in use: into the young generation
                self[sleutel] = waarde
        return waarde

    def __setitem__(self, sleutel: K, waarde: V) -> None:
        if len(self._jong) >= self.per_generatie:
            self._oud, self._jong = self._jong, {}
        self._jong[sleutel] = waarde

    def __len__(self) -> int:
        return len(self._jong) + len(self._oud)
