"""`contracten socialreturn`: the obligations of a region, written as overview and letters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contracten.pijplijn.genereer import genereer
from contracten.profiel.laden import laad_regio
from contracten.profiel.model import Profiel
from contracten.soorten.socialreturn import verplichtingen
from contracten.uitvoer.map import Resultaat

SOORTEN = ("socialreturn-overzicht", "socialreturn-brief")


@dataclass(frozen=True)
class Uitkomst:
    profiel: Profiel
    prijspeil: int
    documenten: Resultaat | None  # None: the region has no social-return rule; nothing written


def socialreturn_regio(regios: Path, regio: str, *, prijspeil: int | None = None,
                       uitvoer: Path = Path("output"), sjablonen: Path | None = None,
                       datum: dt.date | None = None) -> Uitkomst:
    profiel = laad_regio(regios, regio)
    jaar = prijspeil if prijspeil is not None else profiel.laatste_prijspeil()
    if profiel.regio.regels.socialreturn is None:
        return Uitkomst(profiel, jaar, None)
    documenten = genereer(regios, regio, prijspeil=jaar, soorten=SOORTEN, uitvoer=uitvoer,
                          sjablonen=sjablonen, datum=datum)
    return Uitkomst(profiel, jaar, documenten)


def als_json(uitkomst: Uitkomst) -> dict[str, Any]:
    """The result shape of ONTWERP.md: amounts as strings with a decimal point."""
    regel = uitkomst.profiel.regio.regels.socialreturn
    resultaat: dict[str, Any] = {"regio": uitkomst.profiel.sleutel,
                                 "prijspeil": uitkomst.prijspeil}
    if regel is None:
        return {**resultaat, "regel": None, "aanbieders": [], "documenten": []}
    return {
        **resultaat,
        "regel": {"percentage": str(regel.percentage), "drempel": str(regel.drempel),
                  "basis": regel.basis},
        "aanbieders": [{"id": a.id, "naam": a.naam, "jaaromzet": str(v.jaaromzet),
                        "aanneemsom": None if v.aanneemsom is None else str(v.aanneemsom),
                        "verplicht": v.verplicht,
                        "bedrag": None if v.bedrag is None else str(v.bedrag)}
                       for a, v in verplichtingen(uitkomst.profiel)],
        "documenten": uitkomst.documenten.manifest["documenten"] if uitkomst.documenten else [],
    }
