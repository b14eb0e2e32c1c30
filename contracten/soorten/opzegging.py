"""Document contexts of an opzegging: the transitieschema and the letter to the aanbieder, and the
schedule as rows for .csv and .xlsx. Pure: no files, no Word objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from contracten.opmaak import aantal, datum, voorbeeld
from contracten.profiel.clienten import Client
from contracten.profiel.model import Profiel
from contracten.profiel.percelen import Contract
from contracten.rekenen.opzegging import Schema, bereken, markering
from contracten.soorten.basis import ContractSoort, Uitvoering, basis
from contracten.soorten.brief import als_brief
from contracten.uitvoer.indeling import document
from contracten.weergave.spreadsheet import Kolom, als_xlsx, csv_bestanden


def met_markering(d: dt.date) -> str:
    """'28 februari 2027 (zondag)': flagged, never moved."""
    vlag = markering(d)
    return f"{datum(d)} ({vlag})" if vlag else datum(d)


OVERDRACHT = "3.19.6"  # the Contractstandaard's lid on handing clients over when a contract ends


def opzeglid(profiel: Profiel) -> str:
    """'artikel 1.3.4': the lid of article 1.3 that holds the tussentijdse opzegging (the
    region's opzegoptie), as the region's article library numbers it; the standard's lid 4."""
    artikel = profiel.bibliotheek.artikelen.get("1.3") if profiel.bibliotheek else None
    leden = artikel.leden if artikel is not None else []
    lid = next((i for i, deel in enumerate(leden, start=1) if "opzegoptie" in deel.keuzes()), 4)
    return f"artikel 1.3.{lid}"


def _kop(profiel: Profiel, contract: Contract, schema: Schema, versie: str,
         termijn_voorbeeld: bool) -> dict[str, Any]:
    regel = profiel.regio.regels.opzegging
    maanden = voorbeeld(aantal(schema.opzegtermijn_maanden, "maand", "maanden"),
                        termijn_voorbeeld)
    doorlevering = voorbeeld(aantal(schema.doorlevering_maanden, "maand", "maanden"),
                             regel.is_voorbeeld("doorlevering_maanden"))
    heeft_voorbeeld = contract.aanbieder.voorbeeld or termijn_voorbeeld or \
        regel.is_voorbeeld("doorlevering_maanden")
    # The lid the termination rests on: the Contractstandaard's 1.3.4 (tussentijdse
    # opzegging), when the region's overeenkomst follows it.
    grondslag = f"{opzeglid(profiel)} van de overeenkomst" if profiel.overeenkomst else ""
    return {
        **basis(profiel, profiel.laatste_prijspeil(), versie, heeft_voorbeeld, contract),
        "bron": regel.bron,
        "opzegtermijn": maanden,
        "doorlevering": doorlevering,
        "instroomstop": met_markering(schema.instroomstop),
        "einde_overeenkomst": met_markering(schema.einde_overeenkomst),
        # The first day without contract, and the day the notice arrived (one rule for
        # termijnen: the opzegtermijn starts the day after).
        "met_ingang_van": datum(schema.met_ingang_van),
        # Given against a later end: the opzegtermijn's own last day, so the letter says the
        # termijn is kept (else empty: the contract's last day is the termijn's).
        "einde_opzegtermijn": (datum(schema.einde_opzegtermijn)
                               if schema.einde_opzegtermijn < schema.einde_overeenkomst else ""),
        "ontvangen": datum(schema.ontvangen) if schema.ontvangen else "",
        # Derived from the doorlevering: an example date when that is an example value.
        "uiterste_zorgdatum": voorbeeld(met_markering(schema.uiterste_zorgdatum),
                                        regel.is_voorbeeld("doorlevering_maanden")),
        "aantal_clienten": len(schema.clienten),
        "grondslag": grondslag,
        # Where the region's rules after a notice come from, when it says so; else `bron` of
        # the programma van eisen where its rules (Assen § 1.6.1) apply, and the overeenkomst
        # (opzegging and the handing over of clients) where they do not (notice by the
        # gemeente). And whether the rules of Assen § 1.6.1
        # apply (the region has them and the aanbieder terminated): no new clients, talks about
        # the relations of care.
        "regels_grondslag": regel.grondslag or (
            "" if schema.instroomstop_geldt or not profiel.overeenkomst
            else f"{opzeglid(profiel)} en artikel {OVERDRACHT} van de overeenkomst"),
        "instroomstop_geldt": schema.instroomstop_geldt,
        # Whether any date falls on a weekend or holiday: only then the documents explain it.
        "gemarkeerd": any(markering(d) for d in schema.data()),
        "door": schema.door,  # who terminates: "aanbieder" or "gemeente"
    }


def transitieschema_context(profiel: Profiel, contract: Contract, schema: Schema, versie: str,
                            termijn_voorbeeld: bool) -> dict[str, Any]:
    """Data only: the timeline's dates (`instroomstop`, `einde_overeenkomst`,
    `uiterste_zorgdatum`) and the clients grouped per gemeente, every date formatted. The
    template words the timeline and heads the tables."""
    kop = _kop(profiel, contract, schema, versie, termijn_voorbeeld)
    namen = {e.sleutel: e.naam for e in profiel.eenheden}
    gesorteerd = sorted(schema.clienten, key=lambda c: (c.client.gemeente, c.client.client))
    per_gemeente = [
        {"naam": gemeente,
         "clienten": [{"client": c.client.client, "product": namen[c.client.product],
                       "einddatum_beschikking": (datum(c.client.einddatum_beschikking)
                                                 if c.client.einddatum_beschikking else None),
                       "zorg_tot": met_markering(c.zorg_tot), "reden": c.reden}
                      for c in groep]}
        for gemeente, groep in groupby(gesorteerd, key=lambda c: c.client.gemeente)]
    return {**kop, "clienten_per_gemeente": per_gemeente}


def brief_context(profiel: Profiel, contract: Contract, opzegging: Opzegging, versie: str,
                  briefdatum: dt.date) -> dict[str, Any]:
    """The letter; confirming an aanbieder's notice, it cites that notice's own letter (its
    kenmerk and date) where they were given."""
    kop = _kop(profiel, contract, opzegging.schema, versie, opzegging.termijn_voorbeeld)
    brief = opzegging.brief_aanbieder
    return als_brief({**kop, "kenmerk_aanbieder": opzegging.kenmerk_aanbieder or "",
                      "brief_aanbieder": datum(brief) if brief else ""}, profiel,
                     contract, soort="OPZ", briefdatum=briefdatum, bijlagen=["transitieschema"])


KOLOMMEN = [
    Kolom("client", "Cliënt", "tekst"),
    Kolom("gemeente", "Gemeente", "tekst"),
    Kolom("product", "Product", "tekst"),
    Kolom("einddatum_beschikking", "Einde beschikking", "datum"),
    Kolom("zorg_tot", "Zorg tot", "datum"),
    Kolom("zorg_tot_valt_op", "Zorg tot valt op", "tekst"),
    Kolom("reden", "Waarom", "tekst"),
]


def schema_rijen(schema: Schema) -> list[dict[str, Any]]:
    return [{"client": c.client.client, "gemeente": c.client.gemeente,
             "product": c.client.product, "einddatum_beschikking": c.client.einddatum_beschikking,
             "zorg_tot": c.zorg_tot, "zorg_tot_valt_op": markering(c.zorg_tot) or "",
             "reden": c.reden} for c in schema.clienten]


@dataclass(frozen=True)
class Opzegging:
    """What an opzegging's documents are about: its schedule, whether the opzegtermijn is
    the profile's example value, and the aanbieder's own letter of notice (kenmerk, date)."""

    schema: Schema
    termijn_voorbeeld: bool
    kenmerk_aanbieder: str | None = None
    brief_aanbieder: dt.date | None = None


class _OpzeggingSoort(ContractSoort):
    opdracht = "opzegging"

    def pad(self, contract: Contract) -> str:
        return document(self.naam, None)  # in the folder of this one contract's opzegging

    def proeven(self, profiel: Profiel, prijspeil: int, versie: str,
                dag: dt.date) -> list[tuple[Contract | None, Uitvoering]]:
        """One client whose beschikking runs on, one whose ends early."""
        contract = profiel.contracten[0]
        aanbieder = contract.aanbieder
        product, gemeente = contract.producten[0], profiel.regio.gemeenten[0].naam
        regel = profiel.regio.regels.opzegging
        begin = profiel.regio.aanbesteding.looptijd.begin
        clienten = [Client("proef-1", gemeente, product, None),
                    Client("proef-2", gemeente, product, begin)]
        schema = bereken(aanbieder.id, begin, regel.opzegtermijn_maanden,
                         regel.doorlevering_maanden, clienten, instroomstop=regel.instroomstop)
        return [(contract, Uitvoering(versie, dag, Opzegging(schema, False, "2026-17", begin)))]

    @staticmethod
    def _onderwerp(uitvoering: Uitvoering) -> Opzegging:
        assert isinstance(uitvoering.onderwerp, Opzegging)
        return uitvoering.onderwerp


class Transitieschema(_OpzeggingSoort):
    naam = "transitieschema"
    volgorde = 60
    sjabloon = "transitieschema.docx"

    def titel(self, profiel: Profiel, contract: Contract) -> str:
        return f"Transitieschema {contract.naam}"

    def context(self, profiel: Profiel, prijspeil: int, contract: Contract,
                uitvoering: Uitvoering) -> dict[str, Any]:
        o = self._onderwerp(uitvoering)
        return transitieschema_context(profiel, contract, o.schema, uitvoering.versie,
                                       o.termijn_voorbeeld)

    def extra(self, profiel: Profiel, prijspeil: int, contract: Contract,
              uitvoering: Uitvoering) -> list[tuple[str, bytes]]:
        aanbieder = contract.aanbieder
        schema = self._onderwerp(uitvoering).schema
        rijen = schema_rijen(schema)
        return [*csv_bestanden(KOLOMMEN, rijen),
                ("xlsx", als_xlsx(f"Transitieschema {aanbieder.id}", KOLOMMEN, rijen,
                                  totaal_van=[], tijdstip=schema.instroomstop))]


class Opzeggingsbrief(_OpzeggingSoort):
    naam = "opzeggingsbrief"
    volgorde = 70
    sjabloon = "opzeggingsbrief.docx"
    met_datum = True

    def titel(self, profiel: Profiel, contract: Contract) -> str:
        return f"Opzeggingsbrief {contract.naam}"

    def context(self, profiel: Profiel, prijspeil: int, contract: Contract,
                uitvoering: Uitvoering) -> dict[str, Any]:
        return brief_context(profiel, contract, self._onderwerp(uitvoering), uitvoering.versie,
                             uitvoering.datum)
