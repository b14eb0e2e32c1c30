"""Document context of the indexatiebrief: per contract, its amounts before and after indexation
(over several years in one run: since the prijspeil before the first, with each year's index).
Pure: no files, no Word objects."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from contracten.opmaak import bedrag, datum, decimalen, getal, procent, voorbeeld
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.profiel.tarieven import IndexatieRecord
from contracten.soorten.basis import ContractSoort, Uitvoering, basis
from contracten.soorten.brief import als_brief
from contracten.soorten.indexatieregels import Rij, regels


def beschikbaar(profiel: Profiel, prijspeil: int) -> bool:
    """A letter (and addendum) exists only for a prijspeil that was made by indexation and
    takes effect once the contracts run: one that takes effect before their start amends
    nothing (the overeenkomst's Deel 2 states the amounts it starts with)."""
    peil = profiel.prijspeilen[prijspeil]
    return (peil.indexatie is not None
            and peil.ingangsdatum >= profiel.regio.aanbesteding.looptijd.begin)


def _index(record: IndexatieRecord, afronding: int) -> dict[str, Any]:
    """One year's index as applied, and (VNG method) the figures it was computed from."""
    index: dict[str, Any] = {"jaar": None, "cijfer": procent(record.index),
                             "vng": record.methode == "vng", "loon": None, "prijs": None,
                             "ova": None, "ppc": None, "nacalculatie": None, "berekend": None,
                             "afronding": None}
    if record.methode == "vng":
        assert record.gewicht_loon is not None and record.ova is not None
        assert record.ppc is not None and record.nacalculatie is not None
        index |= {"loon": getal(record.gewicht_loon),
                  "prijs": getal(Decimal(1) - record.gewicht_loon),
                  "ova": procent(record.ova), "ppc": procent(record.ppc),
                  "nacalculatie": procent(record.nacalculatie)}
        if record.berekend is not None:  # the exact result, and how it was rounded
            index |= {"berekend": procent(record.berekend), "afronding": decimalen(afronding)}
    return index


def _jaren(profiel: Profiel, prijspeil: int, record: IndexatieRecord) -> list[dict[str, Any]]:
    """Over several years in one run: each year's index, from the year after the base on."""
    if record.reeks_van is None:
        return []
    afronding = profiel.regio.regels.indexatie.decimalen
    uit = []
    for jaar in range(record.basis + 1, prijspeil + 1):
        eigen = profiel.prijspeilen[jaar].indexatie if jaar in profiel.prijspeilen else None
        if eigen is not None:
            uit.append(_index(eigen, afronding) | {"jaar": jaar})
    return uit


def gegevens(profiel: Profiel, prijspeil: int, contract: Contract, versie: str
             ) -> dict[str, Any]:
    """What the letter and the addendum share: the index as applied (over several years: each
    year's) and this contract's own amounts, before and after, with any deviation from the
    indexation and its reason. Data only: the templates word the index and head the table."""
    peil = profiel.prijspeilen[prijspeil]
    record = peil.indexatie
    assert record is not None
    rijen = regels(profiel, prijspeil, contract)
    heeft_voorbeeld = contract.aanbieder.voorbeeld or any(r.voorbeeld for r in rijen)
    jaren = _jaren(profiel, prijspeil, record)

    def euro(waarde: Decimal, rij: Rij) -> str:
        return voorbeeld(bedrag(waarde), rij.voorbeeld)

    return {
        **basis(profiel, prijspeil, versie, heeft_voorbeeld, contract),
        "ingangsdatum": datum(peil.ingangsdatum),
        "vorig_prijspeil": record.basis,
        "taakgericht": contract.perceel.taakgericht,
        # The Contractstandaard's article on indexation, when the overeenkomst follows it.
        "grondslag": "artikel 3.2 van de overeenkomst" if profiel.overeenkomst else "",
        "terugwerkend": peil.terugwerkend,
        "index": _index(record, profiel.regio.regels.indexatie.decimalen),
        "jaren": jaren,
        "bedragen": [{"naam": r.naam, "eenheid": profiel.regio.benaming(r.eenheid).enkelvoud,
                      "oud": euro(r.oud, r), "nieuw": euro(r.nieuw, r),
                      "afwijkend": bool(r.afwijkingen)} for r in rijen],
        # The rows set apart from the indexation: their real change, and why.
        "afwijkingen": [{"naam": r.naam, "oud": euro(r.oud, r), "nieuw": euro(r.nieuw, r),
                         "procent": procent(r.procent, 2),
                         # The template ends the sentence: no second full stop.
                         "redenen": [{"jaar": a.jaar, "reden": a.reden.strip().removesuffix(".")}
                                     for a in r.afwijkingen]}
                        for r in rijen if r.afwijkingen],
    }


def context(profiel: Profiel, prijspeil: int, contract: Contract, versie: str) -> dict[str, Any]:
    """The letter: what `gegevens` holds, as a letter with the addendum as its enclosure."""
    record = profiel.prijspeilen[prijspeil].indexatie
    assert record is not None
    return als_brief(gegevens(profiel, prijspeil, contract, versie), profiel, contract,
                     soort="IDX", briefdatum=record.datum,
                     bijlagen=[f"addendum bij de overeenkomst (Deel 2, prijspeil {prijspeil})"])


class Indexatiebrief(ContractSoort):
    naam = "indexatiebrief"
    bundel = "brieven/indexatie/alle-brieven.pdf"
    volgorde = 30
    sjabloon = "indexatiebrief.docx"
    map = "brieven/indexatie"

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        return beschikbaar(profiel, prijspeil)

    def titel(self, profiel: Profiel, contract: Contract) -> str:
        wat = "budget" if contract.perceel.taakgericht else "tarieven"
        return f"Indexatie {wat} — {contract.naam}"

    def context(self, profiel: Profiel, prijspeil: int, contract: Contract,
                uitvoering: Uitvoering) -> dict[str, Any]:
        return context(profiel, prijspeil, contract, uitvoering.versie)

    def herkomst(self, profiel: Profiel, contract: Contract,
                 prijspeil: int) -> dict[str, list[str]]:
        aanbieder = contract.aanbieder
        return {"*": [f"{profiel.sleutel}/tarieven/{prijspeil}.yaml: indexatie, bedragen",
                      f"{profiel.sleutel}/aanbieders.yaml: aanbieders[{aanbieder.id}].producten, "
                      "adres, brief", f"{profiel.sleutel}/brieven.yaml"]}
