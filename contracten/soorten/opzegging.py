"""Document contexts of an opzegging: the transitieschema and the letter to the aanbieder, and the
schedule as rows for .csv and .xlsx. Pure: no files, no Word objects."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Any

from contracten.opmaak import aantal, datum, voorbeeld
from contracten.profiel.aanbieders import Aanbieder
from contracten.profiel.model import Profiel
from contracten.rekenen.opzegging import Client, Schema, bereken, markering
from contracten.soorten.basis import basis
from contracten.weergave.fragment import Fragment
from contracten.weergave.fragment import Letterlijk as L
from contracten.weergave.spreadsheet import Kolom


def met_markering(d: dt.date) -> str:
    """'28 februari 2027 (zondag)': flagged, never moved."""
    vlag = markering(d)
    return f"{datum(d)} ({vlag})" if vlag else datum(d)


def _kop(profiel: Profiel, aanbieder: Aanbieder, schema: Schema, versie: str,
         termijn_voorbeeld: bool) -> dict[str, Any]:
    regel = profiel.regio.regels.opzegging
    maanden = voorbeeld(aantal(schema.opzegtermijn_maanden, "maand", "maanden"),
                        termijn_voorbeeld)
    doorlevering = voorbeeld(aantal(schema.doorlevering_maanden, "maand", "maanden"),
                             regel.is_voorbeeld("doorlevering_maanden"))
    heeft_voorbeeld = aanbieder.voorbeeld or termijn_voorbeeld or \
        regel.is_voorbeeld("doorlevering_maanden")
    return {
        **basis(profiel, profiel.laatste_prijspeil(), versie, heeft_voorbeeld),
        "aanbieder": aanbieder,
        "bron": regel.bron or "het programma van eisen",
        "opzegtermijn": maanden,
        "doorlevering": doorlevering,
        "instroomstop": met_markering(schema.instroomstop),
        "einde_overeenkomst": met_markering(schema.einde_overeenkomst),
        "uiterste_zorgdatum": met_markering(schema.uiterste_zorgdatum),
        "aantal_clienten": len(schema.clienten),
    }


def transitieschema_context(profiel: Profiel, aanbieder: Aanbieder, schema: Schema, versie: str,
                            termijn_voorbeeld: bool) -> dict[str, Any]:
    kop = _kop(profiel, aanbieder, schema, versie, termijn_voorbeeld)
    tijdlijn = Fragment()
    tijdlijn.tabel([
        [L(kop["instroomstop"]), L("Begin van de opzegtermijn. Vanaf deze dag neemt de "
                                   "aanbieder geen nieuwe inwoners in zorg.")],
        [L(kop["einde_overeenkomst"]), L(f"Einde van de overeenkomst (na {kop['opzegtermijn']}). "
                                         "Tot deze dag levert de aanbieder zoals afgesproken.")],
        [L(kop["uiterste_zorgdatum"]), L(f"Uiterste zorgdatum ({kop['doorlevering']} na het "
                                         "einde): lopende ondersteuning stopt uiterlijk dan, of "
                                         "eerder als de beschikking eerder afloopt.")],
    ], kop=["Datum", "Wat er gebeurt"], breedtes=[2, 5])
    namen = {e.sleutel: e.naam for e in profiel.eenheden}
    clienten = Fragment()
    gesorteerd = sorted(schema.clienten, key=lambda c: (c.client.gemeente, c.client.client))
    for gemeente, groep in groupby(gesorteerd, key=lambda c: c.client.gemeente):
        rijen = list(groep)
        clienten.kop(f"Gemeente {gemeente} ({len(rijen)})", 2)
        clienten.tabel([[L(c.client.client), L(namen[c.client.product]),
                         L(datum(c.client.einddatum_beschikking)
                           if c.client.einddatum_beschikking else "geen einddatum"),
                         L(met_markering(c.zorg_tot)), L(c.reden)] for c in rijen],
                       kop=["Cliënt", "Product", "Einde beschikking", "Zorg tot", "Waarom"],
                       breedtes=[2, 3, 2, 3, 3])
    if not schema.clienten:
        clienten.tekst("Er zijn geen cliënten opgegeven; dit schema bevat de data op het niveau "
                       "van de overeenkomst en de regels.")
    return {**kop, "tijdlijn": tijdlijn, "clienten": clienten}


def brief_context(profiel: Profiel, aanbieder: Aanbieder, schema: Schema, versie: str,
                  termijn_voorbeeld: bool, briefdatum: dt.date) -> dict[str, Any]:
    return {**_kop(profiel, aanbieder, schema, versie, termijn_voorbeeld),
            "briefdatum": datum(briefdatum),
            "kenmerk": f"opzegging {schema.instroomstop.isoformat()} / {aanbieder.id}"}


KOLOMMEN = [
    Kolom("client", "Cliënt", "tekst"),
    Kolom("gemeente", "Gemeente", "tekst"),
    Kolom("product", "Product", "tekst"),
    Kolom("einddatum_beschikking", "Einde beschikking", "datum"),
    Kolom("zorg_tot", "Zorg tot", "datum"),
    Kolom("zorg_tot_valt_op", "Zorg tot valt op", "tekst"),
    Kolom("reden", "Waarom", "tekst"),
]


def proefcontexten(profiel: Profiel, versie: str, dag: dt.date) -> list[tuple[str, dict[str, Any]]]:
    """Contexts to try the opzegging templates on: one client per ending, for `valideer`."""
    aanbieder = profiel.aanbieders[0]
    product, gemeente = aanbieder.producten[0], profiel.regio.gemeenten[0].naam
    regel = profiel.regio.regels.opzegging
    clienten = [Client("proef-1", gemeente, product, None),
                Client("proef-2", gemeente, product, profiel.regio.aanbesteding.looptijd.begin)]
    schema = bereken(aanbieder.id, profiel.regio.aanbesteding.looptijd.begin,
                     regel.opzegtermijn_maanden, regel.doorlevering_maanden, clienten)
    return [("transitieschema.docx",
             transitieschema_context(profiel, aanbieder, schema, versie, False)),
            ("opzeggingsbrief.docx", brief_context(profiel, aanbieder, schema, versie, False, dag))]


def schema_rijen(schema: Schema) -> list[dict[str, Any]]:
    return [{"client": c.client.client, "gemeente": c.client.gemeente,
             "product": c.client.product, "einddatum_beschikking": c.client.einddatum_beschikking,
             "zorg_tot": c.zorg_tot, "zorg_tot_valt_op": markering(c.zorg_tot) or "",
             "reden": c.reden} for c in schema.clienten]
