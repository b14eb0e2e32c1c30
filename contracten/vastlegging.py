"""What the current command has committed so far, for its last word after Ctrl-C or SIGTERM:
an interruption that comes after a commit must not say that nothing changed. What counts: an
output folder (`uitvoer.map`), a change of a region's profile (`profiel.wissel`), a register
transaction that wrote (`register.verbinding`), and a file the user asked for (an agenda, an
export, an imported official text, the marking of definitive documents); not the tool's own
caches. Process-wide; a front end starts each command afresh (`begin`)."""

from __future__ import annotations

import dataclasses
from pathlib import Path


@dataclasses.dataclass(frozen=True)
class Vastgelegd:
    """What the current command has committed so far: nothing, or any of these."""

    uitvoer: Path | None = None  # the output folder committed last
    profiel: Path | None = None  # the region folder whose profile was changed last
    register: bool = False  # a register transaction that wrote was committed (or committing)
    bestanden: tuple[Path, ...] = ()  # files the user asked for, written in full


_stand = Vastgelegd()


def begin() -> None:
    """A command begins: nothing of it is committed yet (a front end calls this before each
    command it runs, so that `stand` tells only of that command)."""
    global _stand
    _stand = Vastgelegd()


def stand() -> Vastgelegd:
    """What the current command has committed so far: what a front end tells its user when
    the command is interrupted (it stays, the rest was discarded)."""
    return _stand


def uitvoer(doel: Path) -> None:
    """Output folder `doel` has been committed (moved into place as a whole)."""
    global _stand
    _stand = dataclasses.replace(_stand, uitvoer=doel)


def profiel(map_: Path) -> None:
    """A change of the profile in region folder `map_` has been committed (its files move in
    even when the command is interrupted now)."""
    global _stand
    _stand = dataclasses.replace(_stand, profiel=map_)


def bestand(pad: Path) -> None:
    """File `pad`, which the user asked for, has been written in full (atomically)."""
    global _stand
    if pad not in _stand.bestanden:
        _stand = dataclasses.replace(_stand, bestanden=(*_stand.bestanden, pad))


def register() -> None:
    """A register transaction that wrote is being committed. Said just before the database
    commits, so an interruption in between says too much, never too little."""
    global _stand
    _stand = dataclasses.replace(_stand, register=True)
