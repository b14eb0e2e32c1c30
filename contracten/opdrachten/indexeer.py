"""`contracten indexeer`: compute a new prijspeil, write it, and optionally regenerate everything.

All or nothing: a refused or failed run leaves the profile files as they were.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from contracten.opmaak import bedrag, procent
from contracten.pijplijn.genereer import genereer
from contracten.profiel.laden import TARIEVEN, laad_regio
from contracten.profiel.tariefbestand import als_yaml, schrijf_nieuw
from contracten.rekenen.indexatie import Indexering, cijfers, indexeer, vorig_prijspeil
from contracten.uitvoer.map import Resultaat


@dataclass(frozen=True)
class Uitkomst:
    indexering: Indexering
    bestand: Path
    documenten: Resultaat | None


def indexeer_regio(regios: Path, regio: str, naar: int, *, datum: dt.date,
                   ova: Decimal | None = None, ppc: Decimal | None = None,
                   nacalculatie: Decimal | None = None, percentage: Decimal | None = None,
                   genereren: bool = False, uitvoer: Path = Path("output"),
                   sjablonen: Path | None = None) -> Uitkomst:
    profiel = laad_regio(regios, regio)
    van = vorig_prijspeil(profiel, naar)
    record = cijfers(profiel, ova=ova, ppc=ppc, nacalculatie=nacalculatie,
                     percentage=percentage, van=van, datum=datum)
    indexering = indexeer(profiel, naar, record)
    pad = profiel.map / TARIEVEN / f"{naar}.yaml"
    kop = (f"Prijspeil {naar} van {profiel.regio.naam}, gemaakt met 'contracten indexeer' op "
           f"{datum.isoformat()}:\nelk bedrag is het bedrag uit het vorige prijspeil maal "
           f"(1 + {procent(record.index)}), afgerond op hele centen.\nWijzig dit bestand niet "
           f"achteraf: brieven en overeenkomsten verwijzen ernaar.")
    schrijf_nieuw(pad, als_yaml(indexering.prijspeil, kop))
    documenten = None
    if genereren:
        try:
            documenten = genereer(regios, regio, prijspeil=naar, uitvoer=uitvoer,
                                  sjablonen=sjablonen, datum=datum)
        except BaseException:
            pad.unlink()  # all or nothing: no new prijspeil without its documents
            raise
    return Uitkomst(indexering, pad, documenten)


def als_json(uitkomst: Uitkomst) -> dict[str, Any]:
    """The result shape of ONTWERP.md: amounts as strings, so no precision is lost."""
    ix = uitkomst.indexering
    record = ix.prijspeil.indexatie
    assert record is not None
    index = record.index if record.index.as_tuple().exponent <= -2 else \
        record.index.quantize(Decimal("0.01"))  # type: ignore[operator]
    return {
        "regio": ix.regio,
        "van": ix.van,
        "naar": ix.naar,
        "index": str(index),
        "methode": record.methode,
        "bestand": uitkomst.bestand.as_posix(),
        "bedragen": [{"sleutel": w.regel.sleutel, "omschrijving": w.regel.omschrijving,
                      "eenheid": w.regel.eenheid, "oud": str(w.oud), "nieuw": str(w.regel.bedrag),
                      "verschil": str(w.verschil), "procent": str(w.procent),
                      "voorbeeld": w.regel.voorbeeld} for w in ix.wijzigingen],
        "documenten": uitkomst.documenten.manifest["documenten"] if uitkomst.documenten else [],
    }


def indexatietabel(ix: Indexering) -> str:
    """The table for the terminal: sleutel, omschrijving, eenheid, oud, nieuw, verschil, %."""
    kop = ("sleutel", "omschrijving", "eenheid", "oud", "nieuw", "verschil", "%")
    rijen = [(w.regel.sleutel, w.regel.omschrijving[:40], w.regel.eenheid, bedrag(w.oud),
              bedrag(w.regel.bedrag), bedrag(w.verschil), procent(w.procent, 2))
             for w in ix.wijzigingen]
    breedtes = [max(len(r[i]) for r in (kop, *rijen)) for i in range(len(kop))]
    rechts = {3, 4, 5, 6}

    def regel(cellen: tuple[str, ...]) -> str:
        return "  ".join(c.rjust(b) if i in rechts else c.ljust(b)
                         for i, (c, b) in enumerate(zip(cellen, breedtes, strict=True))).rstrip()

    return "\n".join([regel(kop), regel(tuple("-" * b for b in breedtes)),
                      *(regel(r) for r in rijen)])
