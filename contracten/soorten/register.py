"""Every document kind, found by looking through this package: a new kind is a new module
holding a `Soort` subclass (and its template), and nothing else needs to change."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from importlib.resources import files
from pathlib import Path

import contracten.soorten as pakket
from contracten.soorten.basis import Soort

PAKKET_SJABLONEN = Path(str(files("contracten.sjablonen")))


@cache
def soorten() -> dict[str, Soort]:
    """All document kinds by name, in the order their modules and classes are defined."""
    for module in pkgutil.iter_modules(pakket.__path__):
        importlib.import_module(f"{pakket.__name__}.{module.name}")
    return dict(sorted(Soort._register.items(), key=lambda paar: paar[1].volgorde))


def soort(naam: str) -> Soort:
    return soorten()[naam]


def van_opdracht(opdracht: str) -> dict[str, Soort]:
    """The kinds one command makes (`genereer` makes all of its own by default)."""
    return {naam: s for naam, s in soorten().items() if s.opdracht == opdracht}


def documentsoorten(opdracht: str | None = None) -> list[str]:
    """The names of the document kinds, in their order: those one command makes (`genereer`,
    `opzegging`, `socialreturn-realisatie`), or all of them with no command. For `genereer`:
    what its `soorten=` accepts, and what `--document` offers."""
    return [naam for naam, s in soorten().items() if opdracht is None or s.opdracht == opdracht]


def sjablonenmap(sjablonen: Path | None) -> Path:
    if sjablonen is not None:
        return sjablonen
    lokaal = Path("sjablonen")
    return lokaal if lokaal.is_dir() else PAKKET_SJABLONEN
