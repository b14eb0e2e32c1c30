"""`contracten indexeer`: compute a new prijspeil, write it, and optionally regenerate everything.
Across several years (`cijfers`: a file with each year's figures) every year in between is
written too, each from the one before.

All or nothing: a refused or failed run leaves the profile files as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from contracten.fouten import InvoerFout, Melding
from contracten.lezen.tabelbestand import Invoerbestand
from contracten.opmaak import procent
from contracten.pijplijn.draai import draai
from contracten.pijplijn.keuze import kies
from contracten.pijplijn.opties import Opties
from contracten.pijplijn.uitvoeren import Resultaat
from contracten.profiel.indexatiecijfers import Cijfers, bestand, lees_cijfers
from contracten.profiel.laden import TARIEVEN, laad_regio
from contracten.profiel.model import Profiel
from contracten.profiel.tariefbestand import als_yaml, schrijf_nieuw
from contracten.rekenen.indexatie import Indexering, laatste_voor
from contracten.rekenen.indexatiereeks import indexeer_reeks
from contracten.uitvoer.indeling import Indeling


@dataclass(frozen=True)
class IndexeerResultaat:
    # From the latest earlier prijspeil to the new one: over several years, from the prijspeil
    # before the first year (old) to the last (new), as the letter shows it.
    indexering: Indexering
    bestand: Path  # the new tarieven/<jaar>.yaml (of the last year)
    documenten: Resultaat | None  # with `genereren`: the documents of the new prijspeil
    stappen: tuple[Indexering, ...] = ()  # each year's prijspeil, in order
    bestanden: tuple[Path, ...] = ()  # each year's file, in order
    begin: dt.date = dt.date.min  # the first day of the contracts' looptijd

    @property
    def waarschuwingen(self) -> list[str]:
        """A prijspeil that takes effect before the contracts start: no letters (there is no
        contract to amend yet). A letter dated after the new prijspeil takes effect: its
        amounts apply retroactively."""
        peil = self.indexering.prijspeil
        record = peil.indexatie
        if peil.ingangsdatum < self.begin:
            return [f"prijspeil {peil.prijspeil} gaat in op {peil.ingangsdatum.isoformat()}, vóór "
                    f"het begin van de overeenkomsten ({self.begin.isoformat()}): er zijn geen "
                    "indexatiebrieven of addenda gemaakt; de overeenkomst (Deel 2) noemt de "
                    "bedragen waarmee zij begint"]
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
        return {
            "regio": ix.regio,
            "van": ix.van,
            "naar": ix.naar,
            "index": _index(record.index),  # of the last year; each year's: "jaren"
            "berekend": str(record.berekend) if record.berekend is not None else None,
            "methode": record.methode,
            "bestand": self.bestand.as_posix(),
            "bedragen": [{"sleutel": w.regel.sleutel, "omschrijving": w.regel.omschrijving,
                          "eenheid": w.regel.eenheid, "oud": str(w.oud),
                          "nieuw": str(w.regel.bedrag), "verschil": str(w.verschil),
                          "procent": str(w.procent), "voorbeeld": w.regel.voorbeeld}
                         for w in ix.wijzigingen],
            "jaren": [_jaar(stap, pad) for stap, pad in zip(self.stappen, self.bestanden,
                                                             strict=True)],
            "documenten": (self.documenten.manifest.als_json()["documenten"]
                           if self.documenten else []),
            "waarschuwingen": self.waarschuwingen,
        }


def _jaar(stap: Indexering, pad: Path) -> dict[str, Any]:
    record = stap.prijspeil.indexatie
    assert record is not None
    return {"jaar": stap.naar, "van": stap.van, "index": _index(record.index),
            "berekend": str(record.berekend) if record.berekend is not None else None,
            "methode": record.methode, "bestand": pad.as_posix()}


def _index(index: Decimal) -> str:
    exponent = index.as_tuple().exponent
    return str(index if isinstance(exponent, int) and exponent <= -2 else
               index.quantize(Decimal("0.01")))


def _per_jaar(regio: Profiel, naar: int, cijfers: Path | Invoerbestand | None,
              gegeven: Cijfers) -> dict[int, Cijfers]:
    """Each year's figures: from the file, or the options' for the one year `naar`."""
    if cijfers is None:
        return {naar: gegeven}
    if any(v is not None for v in (gegeven.ova, gegeven.ppc, gegeven.nacalculatie,
                                   gegeven.percentage)):
        raise InvoerFout([Melding("opdrachtregel", None, "cijfers", "geef de cijfers in een "
                                  "bestand, of ova en ppc, of één percentage; niet allebei",
                                  "index_dubbel")])
    invoer = cijfers if isinstance(cijfers, Invoerbestand) else bestand(Path(cijfers))
    return lees_cijfers(invoer, range(laatste_voor(regio, naar) + 1, naar + 1))


def indexeer(regio: Profiel, *, naar: int, datum: dt.date, ova: Decimal | None = None,
             ppc: Decimal | None = None, nacalculatie: Decimal | None = None,
             percentage: Decimal | None = None, cijfers: Path | Invoerbestand | None = None,
             genereren: bool = False, uitvoer: Path | str = "output",
             formaten: Sequence[str] = (), sjablonen: Path | None = None) -> IndexeerResultaat:
    """Write prijspeil `naar` (VNG method with `ova`, `ppc` and `nacalculatie`, or one
    `percentage`) as a new tarieven file; with `genereren`, also make every document for it.
    From a prijspeil more than a year before `naar`: `cijfers` (a CSV or .xlsx with each year's
    figures) gives every year in between, and each is written, from the year before; without
    it, refused. All or nothing: a refused or failed run leaves the profile files as they
    were."""
    reeks = indexeer_reeks(regio, naar, _per_jaar(regio, naar, cijfers, Cijfers(
        ova=ova, ppc=ppc, nacalculatie=nacalculatie, percentage=percentage)), datum)
    paden: list[Path] = []
    try:
        for stap in reeks.stappen:
            pad = regio.map / TARIEVEN / f"{stap.naar}.yaml"
            record = stap.prijspeil.indexatie
            assert record is not None
            kop = (f"Prijspeil {stap.naar} van {regio.regio.naam}, gemaakt met 'contracten "
                   f"indexeer' op {datum.isoformat()}:\nelk bedrag is het bedrag uit het vorige "
                   f"prijspeil maal (1 + {procent(record.index)}), afgerond op hele centen.\n"
                   "Wijzig dit bestand niet achteraf: brieven en overeenkomsten verwijzen ernaar.")
            schrijf_nieuw(pad, als_yaml(stap.prijspeil, kop))
            paden.append(pad)
        documenten = None
        if genereren:
            nieuw = laad_regio(regio.map.parent, regio.sleutel)
            keuze = kies(nieuw, opdracht="genereer", prijspeil=naar)
            documenten = draai(Opties(
                nieuw, keuze.soorten, keuze.contracten, naar,
                doel=Indeling(Path(uitvoer)).prijspeil(nieuw.sleutel, naar), datum=datum,
                formaten=formaten, sjablonen=sjablonen, volledig=True))
    except BaseException:
        for pad in paden:  # all or nothing: no new prijspeil without the others and documents
            pad.unlink(missing_ok=True)
        raise
    return IndexeerResultaat(reeks.totaal, paden[-1], documenten, tuple(reeks.stappen),
                             tuple(paden), regio.regio.aanbesteding.looptijd.begin)
