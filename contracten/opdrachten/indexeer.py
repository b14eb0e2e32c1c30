"""`contracten indexeer`: compute a new prijspeil, write it, and optionally regenerate everything.
Across several years (`cijfers`: a file with each year's figures) every year in between is
written too, each from the one before.

All or nothing: the new files and (with --genereer) the documents are one change, see
`profiel.wissel`.
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
from contracten.profiel.tariefbestand import als_yaml
from contracten.profiel.wissel import Profielwissel
from contracten.rekenen.indexatie import Indexering, laatste_voor
from contracten.rekenen.indexatiereeks import Reeks, indexeer_reeks
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
    herhaald: bool = False  # the prijspeil was there already, exactly so: nothing written

    @property
    def waarschuwingen(self) -> list[str]:
        """A prijspeil that takes effect before the contracts start: no letters (there is no
        contract to amend yet). A letter dated after the new prijspeil takes effect: its
        amounts apply retroactively."""
        peil = self.indexering.prijspeil
        record = peil.indexatie
        uit = [f"prijspeil {peil.prijspeil} bestond al, precies zoals deze opdracht hem maakt "
               "(dezelfde opdracht nog eens): er is niets overschreven"] if self.herhaald else []
        if peil.ingangsdatum < self.begin:
            return [*uit, f"prijspeil {peil.prijspeil} gaat in op "
                    f"{peil.ingangsdatum.isoformat()}, vóór het begin van de overeenkomsten "
                    f"({self.begin.isoformat()}): er zijn geen indexatiebrieven of addenda "
                    "gemaakt; de overeenkomst (Deel 2) noemt de bedragen waarmee zij begint"]
        if record is None or not peil.terugwerkend:
            return uit
        return [*uit, f"de brieven zijn gedateerd op {record.datum.isoformat()}, na de "
                f"ingangsdatum {peil.ingangsdatum.isoformat()}: de nieuwe bedragen gelden met "
                "terugwerkende kracht, en de brief wijst op correctiedeclaraties"]

    def als_json(self) -> dict[str, Any]:
        """The result shape of docs/ontwikkelaars/ontwerp.md: amounts as strings, so no
        precision is lost."""
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
    it, refused.

    All or nothing (see `profiel.wissel`): the files and the documents are one change; a
    refused, failed or killed run leaves the profile and the output as they were, or (killed
    after its commit) is finished by the next command. The same command again is no error
    when it would write exactly what is there: nothing is overwritten, and the documents are
    made as far as they are not yet."""
    gegeven = Cijfers(ova=ova, ppc=ppc, nacalculatie=nacalculatie, percentage=percentage)
    reeks = _herhaling(regio, naar, cijfers, gegeven, datum)
    herhaald = reeks is not None
    if reeks is None:  # refused before the profile is touched (its lock taken)
        reeks = indexeer_reeks(regio, naar, _per_jaar(regio, naar, cijfers, gegeven), datum)
    with Profielwissel(regio.map) as wissel:
        if not herhaald:  # a year written meanwhile by another command is refused: bestaat al
            for stap in reeks.stappen:
                wissel.schrijf(f"{TARIEVEN}/{stap.naar}.yaml",
                               _tekst(regio, stap, datum).encode("utf-8"), nieuw=True)
        paden = [regio.map / TARIEVEN / f"{stap.naar}.yaml" for stap in reeks.stappen]
        documenten = None
        if genereren:
            wissel.controleer()  # refused now rather than after making every document
            # The profile as it will be, from the staged files: nothing moves before the
            # documents are made, and then all moves in one commit.
            nieuw = laad_regio(wissel.als_regiomap() if wissel.bestanden else regio.map.parent,
                               regio.sleutel)
            keuze = kies(nieuw, opdracht="genereer", prijspeil=naar)
            documenten = draai(Opties(
                nieuw, keuze.soorten, keuze.contracten, naar,
                doel=Indeling(Path(uitvoer)).prijspeil(nieuw.sleutel, naar), datum=datum,
                formaten=formaten, sjablonen=sjablonen, volledig=True,
                wissel=wissel if wissel.bestanden else None))
        wissel.voltooi()  # without documents, or when none changed
    return IndexeerResultaat(reeks.totaal, paden[-1], documenten, tuple(reeks.stappen),
                             tuple(paden), regio.regio.aanbesteding.looptijd.begin, herhaald)


def _tekst(regio: Profiel, stap: Indexering, datum: dt.date) -> str:
    """The tarieven file of one year's prijspeil."""
    record = stap.prijspeil.indexatie
    assert record is not None
    kop = (f"Prijspeil {stap.naar} van {regio.regio.naam}, gemaakt met 'contracten "
           f"indexeer' op {datum.isoformat()}:\nelk bedrag is het bedrag uit het vorige "
           f"prijspeil maal (1 + {procent(record.index)}), afgerond op hele centen.\n"
           "Wijzig dit bestand niet achteraf: brieven en overeenkomsten verwijzen ernaar.")
    return als_yaml(stap.prijspeil, kop)


def _herhaling(regio: Profiel, naar: int, cijfers: Path | Invoerbestand | None,
               gegeven: Cijfers, datum: dt.date) -> Reeks | None:
    """The same command again (one killed after its commit and finished by the next, or simply
    twice): prijspeil `naar`, and the years before it the same run wrote, are there exactly as
    this run would write them. None otherwise; then `naar` is refused as ever (`bestaat al`)."""
    record = regio.prijspeilen[naar].indexatie if naar in regio.prijspeilen else None
    if record is None:
        return None
    van = record.reeks_van if record.reeks_van is not None else max(
        (j for j in regio.prijspeilen if j < naar), default=None)
    if van is None:
        return None
    basis = regio.model_copy(update={"prijspeilen": {
        j: p for j, p in regio.prijspeilen.items() if j <= van}})
    try:
        reeks = indexeer_reeks(basis, naar, _per_jaar(basis, naar, cijfers, gegeven), datum)
        if all((regio.map / TARIEVEN / f"{stap.naar}.yaml").read_bytes()
               == _tekst(regio, stap, datum).encode("utf-8") for stap in reeks.stappen):
            return reeks
    except (InvoerFout, OSError):
        pass
    return None
