"""The tariff addendum that goes with the indexatiebrief: Deel 2 of the overeenkomst as indexed,
dated and numbered, for both parties to sign, instead of a re-sent contract. Pure: data only."""

from __future__ import annotations

from typing import Any

from contracten.opmaak import VOORBEELDMELDING
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.soorten.basis import Soort, Uitvoering
from contracten.soorten.brief import als_brief
from contracten.soorten.indexatiebrief import beschikbaar, gegevens
from contracten.soorten.overeenkomst import comparitie
from contracten.uitvoer.indeling import document


class Tariefaddendum(Soort):
    naam = "tariefaddendum"
    bundel = "addenda/alle-addenda.pdf"
    volgorde = 31
    sjabloon = "tariefaddendum.docx"
    per = "aanbieder"

    def beschikbaar(self, profiel: Profiel, prijspeil: int) -> bool:
        return beschikbaar(profiel, prijspeil)

    def pad(self, contract: str | None) -> str:
        assert contract is not None
        return document("addenda", contract)

    def titel(self, profiel: Profiel, aanbieder: Aanbieder | None) -> str:
        assert aanbieder is not None
        return f"Addendum Deel 2 — {aanbieder.naam}"

    def context(self, profiel: Profiel, prijspeil: int, aanbieder: Aanbieder | None,
                uitvoering: Uitvoering) -> dict[str, Any]:
        assert aanbieder is not None
        record = profiel.prijspeilen[prijspeil].indexatie
        assert record is not None
        # Dated and numbered like the letter it goes with (ADD instead of IDX).
        uit = als_brief(gegevens(profiel, prijspeil, aanbieder, uitvoering.versie), profiel,
                        aanbieder, soort="ADD", briefdatum=record.datum, bijlagen=[])
        # The parties exactly as the overeenkomst states them, and its signatory.
        partijen = comparitie(profiel, aanbieder)
        uit["partijen"] = partijen
        if partijen is not None:
            uit["ondertekening"] = {**uit["ondertekening"],
                                    "naam": partijen["ondertekening"]["naam"],
                                    "functie": partijen["ondertekening"]["functie"]}
            if partijen["voorbeeld"]:
                uit["voorbeeldmelding"] = VOORBEELDMELDING
        return uit

    def herkomst(self, profiel: Profiel, aanbieder: Aanbieder | None,
                 prijspeil: int) -> dict[str, list[str]]:
        assert aanbieder is not None
        return {"*": [f"{profiel.sleutel}/tarieven/{prijspeil}.yaml: indexatie, bedragen",
                      f"{profiel.sleutel}/aanbieders.yaml: aanbieders[{aanbieder.id}].producten, "
                      "naam, kvk, agb, adres, vertegenwoordiger", f"{profiel.sleutel}/brieven.yaml",
                      f"{profiel.sleutel}/overeenkomst.yaml: opdrachtgever",
                      "artikelen/partijen.yaml"]}
