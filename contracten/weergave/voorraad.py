"""Prepared templates kept between the runs of a process that stays (`contracten genereer
--volg`): the next run after a small change finds its templates ready instead of reading,
cleaning up and compiling them again (some 35 ms for each).

A template is found again only by its exact bytes (the sha256 of the file as read now, through
the same size limits as always) and its name; a changed template is prepared anew. A prepared
template is one run's at a time: `neem` takes it out, `terug` puts it back, so two runs in two
threads never share one (the second prepares its own). It keeps what it remembered of the
blocks it filled (bounded per template: see `blokgeheugen`), which the same blocks of the next
run find again: what a block becomes depends only on its XML, its layout and the template.
Not kept: a prepared template that put an image into a document (a letter's logo). What it
remembers of a fragment names the image by its path, and python-docx keeps the image it read:
a logo replaced between two runs would come out as the old one, or under another part name
than a fresh run gives it.

Off unless a caller turns it on (`houd_voorbereid`): a command that runs once has nothing to
keep, and a run that goes kind by kind lets go of each template before the next (see
`pijplijn.werk`), so its memory stays flat."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from contracten.weergave.motor import Motor
from contracten.weergave.sjabloonbestand import begrensd

MAXIMUM = 8  # prepared templates kept, each with its block memory (at most tens of MB)


class Voorraad:
    """Prepared templates by (name, sha256 of the bytes), the least recently used first."""

    def __init__(self, maximum: int = MAXIMUM) -> None:
        self.maximum = maximum
        self._klaar: OrderedDict[tuple[str, str], Motor] = OrderedDict()
        self._slot = threading.Lock()

    def __len__(self) -> int:
        return len(self._klaar)

    def neem(self, pad: Path, naam: str) -> Motor:
        """The prepared template of the file at `pad` as it is now: kept, or prepared."""
        inhoud = begrensd(pad, naam)
        sleutel = (naam, hashlib.sha256(inhoud).hexdigest())
        with self._slot:
            motor = self._klaar.pop(sleutel, None)
            if motor is None:  # a template changed: its earlier versions are not needed
                for oud in [k for k in self._klaar if k[0] == naam]:
                    del self._klaar[oud]
        if motor is None:
            motor = Motor(pad, naam, inhoud=inhoud)
            motor.voorraadsleutel = sleutel
        return motor

    def terug(self, motor: Motor) -> None:
        """Keep `motor` for a next run (the least recently used goes when there are more
        than `maximum`)."""
        sleutel = motor.voorraadsleutel
        if sleutel is None or motor.kladblok.met_afbeelding:
            return
        with self._slot:
            self._klaar[sleutel] = motor
            self._klaar.move_to_end(sleutel)
            while len(self._klaar) > self.maximum:
                self._klaar.popitem(last=False)


class _Houders:
    """The one stock of this process, while at least one caller holds it."""

    def __init__(self) -> None:
        self.slot = threading.Lock()
        self.voorraad: Voorraad | None = None
        self.aantal = 0


_HOUDERS = _Houders()


def actief() -> Voorraad | None:
    """The stock of prepared templates, while a caller keeps one (`houd_voorbereid`)."""
    return _HOUDERS.voorraad


@contextmanager
def houd_voorbereid(maximum: int = MAXIMUM) -> Iterator[Voorraad]:
    """Within: runs of this process keep their prepared templates for each other. Nested or
    from several threads: one stock, let go when the last one leaves."""
    with _HOUDERS.slot:
        if _HOUDERS.voorraad is None:
            _HOUDERS.voorraad = Voorraad(maximum)
        _HOUDERS.aantal += 1
        voorraad = _HOUDERS.voorraad
    try:
        yield voorraad
    finally:
        with _HOUDERS.slot:
            _HOUDERS.aantal -= 1
            if not _HOUDERS.aantal:
                _HOUDERS.voorraad = None
