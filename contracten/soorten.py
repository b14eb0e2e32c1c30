"""The document kinds: which template, one per region or per aanbieder, and which context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from . import indexatiebrief, overeenkomst, programma_van_eisen
from .aanbieders import Aanbieder
from .profiel import Profiel

FORMATEN = ("docx", "md", "html", "pdf")
PAKKET_SJABLONEN = Path(str(files("contracten.sjablonen")))


@dataclass(frozen=True)
class Soort:
    """A document kind: its template, whether there is one per aanbieder, and its context."""

    sjabloon: str
    per_aanbieder: bool
    pad: Callable[[Aanbieder | None], str]  # relative path without extension
    titel: Callable[[Profiel, Aanbieder | None], str]
    context: Callable[[Profiel, int, Aanbieder | None, str], dict[str, Any]]
    beschikbaar: Callable[[Profiel, int], bool] = lambda profiel, prijspeil: True


SOORTEN: dict[str, Soort] = {
    "programma-van-eisen": Soort(
        sjabloon="programma-van-eisen.docx",
        per_aanbieder=False,
        pad=lambda a: "programma-van-eisen",
        titel=lambda p, a: p.programma.titel,
        context=lambda p, jaar, a, versie: programma_van_eisen.context(p, jaar, versie),
    ),
    "overeenkomst": Soort(
        sjabloon="overeenkomst.docx",
        per_aanbieder=True,
        pad=lambda a: f"overeenkomsten/{a.id}",  # type: ignore[union-attr]
        titel=lambda p, a: f"Overeenkomst {p.regio.aanbesteding.perceel} — {a.naam}",  # type: ignore[union-attr]
        context=lambda p, jaar, a, versie: overeenkomst.context(p, jaar, a, versie),  # type: ignore[arg-type]
    ),
    "indexatiebrief": Soort(
        sjabloon="indexatiebrief.docx",
        per_aanbieder=True,
        pad=lambda a: f"brieven/indexatie/{a.id}",  # type: ignore[union-attr]
        titel=lambda p, a: f"Indexatie tarieven — {a.naam}",  # type: ignore[union-attr]
        context=lambda p, jaar, a, versie: indexatiebrief.context(p, jaar, a, versie),  # type: ignore[arg-type]
        beschikbaar=indexatiebrief.beschikbaar,
    ),
}


def sjablonenmap(sjablonen: Path | None) -> Path:
    if sjablonen is not None:
        return sjablonen
    lokaal = Path("sjablonen")
    return lokaal if lokaal.is_dir() else PAKKET_SJABLONEN
