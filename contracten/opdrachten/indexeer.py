"""`contracten indexeer`: compute a new prijspeil, write it, and optionally regenerate everything.

All or nothing: a refused or failed run leaves the profile files as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from contracten.opmaak import procent
from contracten.pijplijn.draai import draai
from contracten.pijplijn.keuze import kies
from contracten.pijplijn.opties import Opties
from contracten.pijplijn.uitvoeren import Resultaat
from contracten.profiel.laden import TARIEVEN, laad_regio
from contracten.profiel.model import Profiel
from contracten.profiel.tariefbestand import als_yaml, schrijf_nieuw
from contracten.rekenen.indexatie import Indexering, cijfers, vorig_prijspeil
from contracten.rekenen.indexatie import indexeer as bereken
from contracten.uitvoer.indeling import Indeling


@dataclass(frozen=True)
class IndexeerResultaat:
    indexering: Indexering
    bestand: Path  # the new tarieven/<jaar>.yaml
    documenten: Resultaat | None  # with `genereren`: the documents of the new prijspeil

    @property
    def waarschuwingen(self) -> list[str]:
        """A letter dated after the new prijspeil takes effect: its amounts apply retroactively."""
        peil = self.indexering.prijspeil
        record = peil.indexatie
        if record is None or not peil.terugwerkend:
            return []
        return [f"de brieven zijn gedateerd op {record.datum.isoformat()}, na de ingangsdatum "
                f"{peil.ingangsdatum.isoformat()}: de nieuwe bedragen gelden met terugwerkende "
                "kracht, en de brief wijst op correctiedeclaraties"]

    def als_json(self) -> dict[str, Any]:
        """The result shape of ONTWERP.md: amounts as strings, so no precision is lost."""
        ix = self.indexering
        record = ix.prijspeil.indexatie
        assert record is not None
        exponent = record.index.as_tuple().exponent
        index = record.index if isinstance(exponent, int) and exponent <= -2 else \
            record.index.quantize(Decimal("0.01"))
        return {
            "regio": ix.regio,
            "van": ix.van,
            "naar": ix.naar,
            "index": str(index),
            "berekend": str(record.berekend) if record.berekend is not None else None,
            "methode": record.methode,
            "bestand": self.bestand.as_posix(),
            "bedragen": [{"sleutel": w.regel.sleutel, "omschrijving": w.regel.omschrijving,
                          "eenheid": w.regel.eenheid, "oud": str(w.oud),
                          "nieuw": str(w.regel.bedrag), "verschil": str(w.verschil),
                          "procent": str(w.procent), "voorbeeld": w.regel.voorbeeld}
                         for w in ix.wijzigingen],
            "documenten": (self.documenten.manifest.als_json()["documenten"]
                           if self.documenten else []),
            "waarschuwingen": self.waarschuwingen,
        }


def indexeer(regio: Profiel, *, naar: int, datum: dt.date, ova: Decimal | None = None,
             ppc: Decimal | None = None, nacalculatie: Decimal | None = None,
             percentage: Decimal | None = None, genereren: bool = False,
             uitvoer: Path | str = "output", formaten: Sequence[str] = (),
             sjablonen: Path | None = None) -> IndexeerResultaat:
    """Write prijspeil `naar` (VNG method with `ova`, `ppc` and `nacalculatie`, or one
    `percentage`) as a new tarieven file; with `genereren`, also make every document for it.
    All or nothing: a refused or failed run leaves the profile files as they were."""
    van = vorig_prijspeil(regio, naar)
    record = cijfers(regio, ova=ova, ppc=ppc, nacalculatie=nacalculatie,
                     percentage=percentage, van=van, datum=datum)
    indexering = bereken(regio, naar, record)
    pad = regio.map / TARIEVEN / f"{naar}.yaml"
    kop = (f"Prijspeil {naar} van {regio.regio.naam}, gemaakt met 'contracten indexeer' op "
           f"{datum.isoformat()}:\nelk bedrag is het bedrag uit het vorige prijspeil maal "
           f"(1 + {procent(record.index)}), afgerond op hele centen.\nWijzig dit bestand niet "
           f"achteraf: brieven en overeenkomsten verwijzen ernaar.")
    schrijf_nieuw(pad, als_yaml(indexering.prijspeil, kop))
    documenten = None
    if genereren:
        try:
            nieuw = laad_regio(regio.map.parent, regio.sleutel)
            keuze = kies(nieuw, opdracht="genereer", prijspeil=naar)
            documenten = draai(Opties(
                nieuw, keuze.soorten, keuze.contracten, naar,
                doel=Indeling(Path(uitvoer)).prijspeil(nieuw.sleutel, naar), datum=datum,
                formaten=formaten, sjablonen=sjablonen, volledig=True))
        except BaseException:
            pad.unlink()  # all or nothing: no new prijspeil without its documents
            raise
    return IndexeerResultaat(indexering, pad, documenten)
