"""Document context of the indexatiebrief: per contract, its amounts before and after indexation.
Pure: no files, no Word objects."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from contracten.opmaak import bedrag, datum, decimalen, getal, procent, voorbeeld
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.profiel.tarieven import BedragRegel, Eenheid
from contracten.rekenen.indexatie import vorig_bedrag
from contracten.soorten.basis import ContractSoort, Uitvoering, basis
from contracten.soorten.brief import als_brief


def beschikbaar(profiel: Profiel, prijspeil: int) -> bool:
    """A letter exists only for a prijspeil that was made by indexation."""
    return profiel.prijspeilen[prijspeil].indexatie is not None


@dataclass(frozen=True)
class Rij:
    """One amount of the letter: before and after indexation."""

    naam: str
    eenheid: Eenheid
    oud: Decimal
    nieuw: Decimal
    voorbeeld: bool


def regels(profiel: Profiel, prijspeil: int, contract: Contract) -> list[Rij]:
    """This contract's own amounts, before and after. Taakgericht: one row, the contract
    partner's budget of the perceel (the sum of its functie budgets, as Deel 2 of its
    overeenkomst shows it), never the budget of a functie or of any other party."""
    peil = profiel.prijspeilen[prijspeil]
    namen = {e.sleutel: e.naam for e in profiel.eenheden}
    producten = contract.producten
    sleutels = [b.sleutel for b in peil.bedragen if b.product in producten]
    afwezigheid = profiel.regio.regels.afwezigheid
    if afwezigheid and (not afwezigheid.producten
                        or set(afwezigheid.producten) & set(producten)):
        sleutels.append(afwezigheid.bedrag)
    paren: list[tuple[BedragRegel, BedragRegel]] = []
    for sleutel in sleutels:
        nieuw, oud = peil.bedrag(sleutel), vorig_bedrag(profiel, prijspeil, sleutel)
        if nieuw is not None and oud is not None:
            paren.append((oud[1], nieuw))
    if contract.perceel.taakgericht:
        budget = [(o, n) for o, n in paren if n.product in producten]
        if not budget:
            return []
        return [Rij(f"Taakgericht budget {contract.perceel.naam}", budget[0][1].eenheid,
                    sum((o.bedrag for o, _ in budget), Decimal(0)),
                    sum((n.bedrag for _, n in budget), Decimal(0)),
                    any(o.voorbeeld or n.voorbeeld for o, n in budget))]
    return [Rij(namen.get(n.product or "", n.omschrijving), n.eenheid, o.bedrag, n.bedrag,
                o.voorbeeld or n.voorbeeld) for o, n in paren]


def gegevens(profiel: Profiel, prijspeil: int, contract: Contract, versie: str
             ) -> dict[str, Any]:
    """What the letter and the addendum share: the index as applied and this contract's own
    amounts, before and after. Data only: the templates word the index and head the table."""
    peil = profiel.prijspeilen[prijspeil]
    record = peil.indexatie
    assert record is not None
    rijen = regels(profiel, prijspeil, contract)
    index: dict[str, Any] = {"cijfer": procent(record.index), "vng": record.methode == "vng",
                             "loon": None, "prijs": None, "ova": None, "ppc": None,
                             "nacalculatie": None, "berekend": None, "afronding": None}
    if record.methode == "vng":
        assert record.gewicht_loon is not None and record.ova is not None
        assert record.ppc is not None and record.nacalculatie is not None
        index |= {"loon": getal(record.gewicht_loon),
                  "prijs": getal(Decimal(1) - record.gewicht_loon),
                  "ova": procent(record.ova), "ppc": procent(record.ppc),
                  "nacalculatie": procent(record.nacalculatie)}
        if record.berekend is not None:  # the exact result, and how it was rounded
            index |= {"berekend": procent(record.berekend),
                      "afronding": decimalen(profiel.regio.regels.indexatie.decimalen)}
    heeft_voorbeeld = contract.aanbieder.voorbeeld or any(r.voorbeeld for r in rijen)
    return {
        **basis(profiel, prijspeil, versie, heeft_voorbeeld, contract),
        "ingangsdatum": datum(peil.ingangsdatum),
        "vorig_prijspeil": record.van,
        "taakgericht": contract.perceel.taakgericht,
        # The Contractstandaard's article on indexation, when the overeenkomst follows it.
        "grondslag": "artikel 3.2 van de overeenkomst" if profiel.overeenkomst else "",
        "terugwerkend": peil.terugwerkend,
        "index": index,
        "bedragen": [{"naam": r.naam, "eenheid": profiel.regio.benaming(r.eenheid).enkelvoud,
                      "oud": voorbeeld(bedrag(r.oud), r.voorbeeld),
                      "nieuw": voorbeeld(bedrag(r.nieuw), r.voorbeeld)}
                     for r in rijen],
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
