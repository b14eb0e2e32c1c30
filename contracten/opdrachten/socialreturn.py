"""`socialreturn`: the social-return obligations of a region, as an overview (Word, Excel, csv)
and a letter per aanbieder, in the region's output folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contracten.pijplijn.draai import draai
from contracten.pijplijn.keuze import kies
from contracten.pijplijn.opties import Opties
from contracten.pijplijn.uitvoeren import Resultaat
from contracten.profiel.model import Profiel
from contracten.soorten.socialreturn import verplichtingen
from contracten.uitvoer.indeling import Indeling

SOORTEN = ("socialreturn-overzicht", "socialreturn-brief")


@dataclass(frozen=True)
class SocialReturnResultaat:
    profiel: Profiel
    prijspeil: int
    documenten: Resultaat | None  # None: the region has no social-return rule; nothing written

    def als_json(self) -> dict[str, Any]:
        """The result shape of docs/ontwikkelaars/ontwerp.md: amounts as strings with a
        decimal point."""
        regel = self.profiel.regio.regels.socialreturn
        uit: dict[str, Any] = {"regio": self.profiel.sleutel, "prijspeil": self.prijspeil}
        if regel is None:
            return {**uit, "regel": None, "aanbieders": [], "documenten": []}
        return {
            **uit,
            "regel": {"percentage": str(regel.percentage), "drempel": str(regel.drempel),
                      "basis": regel.basis, "aanneemsom_per": regel.aanneemsom_per},
            "aanbieders": [{"id": c.aanbieder.id, "perceel": c.perceel.nummer,
                            "naam": c.aanbieder.naam, "jaaromzet": str(v.jaaromzet),
                            "aanneemsom": None if v.aanneemsom is None else str(v.aanneemsom),
                            "verplicht": v.verplicht,
                            "bedrag": None if v.bedrag is None else str(v.bedrag),
                            "per_jaar": [{"begin": j.begin.isoformat(),
                                          "einde": j.einde.isoformat(), "maanden": j.maanden,
                                          "bedrag": str(j.bedrag)} for j in v.jaren]}
                           for c, v in verplichtingen(self.profiel)],
            "documenten": (self.documenten.manifest.als_json()["documenten"]
                           if self.documenten else []),
        }


def socialreturn(regio: Profiel, *, datum: dt.date, uitvoer: Path | str = "output",
                 prijspeil: int | None = None, formaten: Sequence[str] = (),
                 sjablonen: Path | None = None) -> SocialReturnResultaat:
    """Write the overview and the letters (dated `datum`) beside the region's other documents."""
    jaar = prijspeil if prijspeil is not None else regio.laatste_prijspeil()
    if regio.regio.regels.socialreturn is None:
        return SocialReturnResultaat(regio, jaar, None)
    keuze = kies(regio, opdracht="genereer", prijspeil=jaar, soorten=SOORTEN)
    documenten = draai(Opties(
        regio, keuze.soorten, keuze.contracten, keuze.prijspeil,
        doel=Indeling(Path(uitvoer)).prijspeil(regio.sleutel, keuze.prijspeil), datum=datum,
        formaten=formaten, sjablonen=sjablonen, opruimen=frozenset(SOORTEN)))
    return SocialReturnResultaat(regio, keuze.prijspeil, documenten)
