"""Most articles of an overeenkomst read the same for every aanbieder: only the few whose text
names the aanbieder (Partijen, an amount of its own) differ. Within one run (`onthouden`, set by
the pipeline around each document's context) an article built before is taken from memory when
it is the same article, built the same way (perceel, region's choices, level, whether it is
used) and every value its text looked up has the same value now: what it would build again is
what it built then. Outside a run nothing is remembered. Pure: no files."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

VARIANTEN = 4  # builds remembered per article (one that names the aanbieder keeps changing)
_GEEN = object()  # a name looked up that had no value


class Opgezocht(Mapping[str, str]):
    """The values, noting every name looked up and what it had (or that it had none). Going
    over all of them (iter, len) makes the build depend on all: it is not remembered."""

    __slots__ = ("alles", "gelezen", "waarden")

    def __init__(self, waarden: Mapping[str, str]) -> None:
        self.waarden = waarden
        self.gelezen: dict[str, object] = {}
        self.alles = False

    def __getitem__(self, naam: str) -> str:
        waarde = self.waarden.get(naam, _GEEN)
        self.gelezen[naam] = waarde
        if waarde is _GEEN:
            raise KeyError(naam)
        return waarde  # type: ignore[return-value]

    def __contains__(self, naam: object) -> bool:
        if not isinstance(naam, str):
            return False
        waarde = self.waarden.get(naam, _GEEN)
        self.gelezen[naam] = waarde
        return waarde is not _GEEN

    def __iter__(self) -> Iterator[str]:
        self.alles = True
        return iter(self.waarden)

    def __len__(self) -> int:
        self.alles = True
        return len(self.waarden)


@dataclass
class Bouwsel:
    """What building one article added to an Opbouw."""

    blokken: list[dict[str, Any]] = field(default_factory=list)
    ontbreekt: list[tuple[str, str]] = field(default_factory=list)
    samenvattingen: list[str] = field(default_factory=list)
    leden: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Onthouden:
    bronnen: tuple[Any, ...]  # the objects the build read (kept: their ids are in the key)
    gelezen: dict[str, object]
    bouwsel: Bouwsel


class Opbouwgeheugen:
    """The articles built in one run."""

    def __init__(self) -> None:
        self._artikelen: dict[tuple[Any, ...], list[_Onthouden]] = {}

    def bouwsel(self, bronnen: tuple[Any, ...], rest: tuple[Any, ...],
                waarden: Mapping[str, str], bouw: Callable[[Mapping[str, str]], Bouwsel]
                ) -> Bouwsel:
        """What `bouw(waarden)` builds: from memory when an earlier build had the same
        `bronnen` (the same objects), the same `rest` (equal values) and the same value for
        every name it looked up in `waarden`."""
        sleutel = (*map(id, bronnen), *rest)
        eerder = self._artikelen.setdefault(sleutel, [])
        for onthouden in eerder:
            if all(a is b for a, b in zip(onthouden.bronnen, bronnen, strict=True)):
                for naam, waarde in onthouden.gelezen.items():  # a loop: no generator per name
                    if waarden.get(naam, _GEEN) != waarde:
                        break
                else:
                    return onthouden.bouwsel
        opgezocht = Opgezocht(waarden)
        gebouwd = bouw(opgezocht)
        if not opgezocht.alles:
            if len(eerder) >= VARIANTEN:
                eerder.pop(0)
            eerder.append(_Onthouden(bronnen, opgezocht.gelezen, gebouwd))
        return gebouwd


_GEHEUGEN: ContextVar[Opbouwgeheugen | None] = ContextVar("opbouwgeheugen", default=None)


def huidig() -> Opbouwgeheugen | None:
    """The memory of the run this document is made in, if any."""
    return _GEHEUGEN.get()


@contextmanager
def onthouden(geheugen: Opbouwgeheugen) -> Iterator[None]:
    """Build within `with onthouden(geheugen):` with the articles of earlier documents of the
    same run at hand."""
    teken = _GEHEUGEN.set(geheugen)
    try:
        yield
    finally:
        _GEHEUGEN.reset(teken)
