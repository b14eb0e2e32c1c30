"""`contracten opzegging`: the transition schedule (Word, csv, Excel) and the letter, written
atomically to <uitvoer>/<regio>/opzeggingen/<aanbieder>/<datum>/."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contracten.fouten import InvoerFout, Melding
from contracten.privacy import versiecode
from contracten.profiel.clienten import lees_clienten
from contracten.profiel.laden import laad_regio
from contracten.rekenen.opzegging import Schema, bereken, markering
from contracten.soorten.opzegging import (
    KOLOMMEN,
    brief_context,
    schema_rijen,
    transitieschema_context,
)
from contracten.soorten.register import sjablonenmap
from contracten.uitvoer.map import Bestand, Resultaat, schrijf, sha256
from contracten.weergave.sjabloon import render
from contracten.weergave.spreadsheet import als_csv, als_xlsx
from contracten.weergave.tekstversie import naar_markdown


@dataclass(frozen=True)
class Uitkomst:
    regio: str
    schema: Schema
    documenten: Resultaat


def _datum(tekst: str, optie: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise InvoerFout([Melding(optie, None, "", f"'{tekst}' is geen datum JJJJ-MM-DD",
                                  "datum")], "Ongeldige invoer") from None


def opzegging_regio(regios: Path, regio: str, aanbieder_id: str, datum: str, *,
                    opzegtermijn: int | None = None, clienten: Path | None = None,
                    uitvoer: Path = Path("output"), sjablonen: Path | None = None,
                    briefdatum: dt.date | None = None) -> Uitkomst:
    profiel = laad_regio(regios, regio)
    begin = _datum(datum, "--datum")
    aanbieder = next((a for a in profiel.aanbieders if a.id == aanbieder_id), None)
    if aanbieder is None:
        raise InvoerFout([Melding("--aanbieder", None, "", f"onbekende aanbieder '{aanbieder_id}'"
                                  f" in {regio}", "aanbieder_onbekend")], "Ongeldige invoer")
    if opzegtermijn is not None and not 0 <= opzegtermijn <= 36:
        raise InvoerFout([Melding("--opzegtermijn", None, "", "verwacht 0 tot en met 36 maanden",
                                  "opzegtermijn")], "Ongeldige invoer")
    lijst = lees_clienten(clienten, profiel, aanbieder) if clienten is not None else []
    regel = profiel.regio.regels.opzegging
    maanden = opzegtermijn if opzegtermijn is not None else regel.opzegtermijn_maanden
    termijn_voorbeeld = opzegtermijn is None and regel.is_voorbeeld("opzegtermijn_maanden")
    schema = bereken(aanbieder.id, begin, maanden, regel.doorlevering_maanden, lijst)

    sjablonen = sjablonenmap(sjablonen)
    invoer = [{"pad": p.relative_to(regios).as_posix(), "sha256": sha256(p.read_bytes())}
              for p in profiel.bestanden]
    if clienten is not None:
        invoer.append({"pad": clienten.name, "sha256": sha256(clienten.read_bytes())})
    dag = briefdatum or dt.date.today()
    versie = versiecode(sha256(("".join(i["sha256"] for i in invoer) + f"{maanden}{begin}{dag}")
                               .encode()))
    tijdstip = dt.datetime.combine(begin, dt.time())
    bestanden: list[Bestand] = []
    for naam, sjabloon, context in (
            ("transitieschema", "transitieschema.docx",
             transitieschema_context(profiel, aanbieder, schema, versie, termijn_voorbeeld)),
            ("opzeggingsbrief", "opzeggingsbrief.docx",
             brief_context(profiel, aanbieder, schema, versie, termijn_voorbeeld, dag))):
        docx = render(sjablonen / sjabloon, context, tijdstip=tijdstip,
                      titel=f"{naam.capitalize()} {aanbieder.naam}")
        bestanden += [Bestand(naam, "docx", f"{naam}.docx", aanbieder.id, docx),
                      Bestand(naam, "md", f"{naam}.md", aanbieder.id,
                              naar_markdown(docx).encode("utf-8"))]
    rijen = schema_rijen(schema)
    bestanden += [
        Bestand("transitieschema", "csv", "transitieschema.csv", aanbieder.id,
                als_csv(KOLOMMEN, rijen)),
        Bestand("transitieschema", "xlsx", "transitieschema.xlsx", aanbieder.id,
                als_xlsx(f"Transitieschema {aanbieder.id}", KOLOMMEN, rijen, totaal_van=[],
                         tijdstip=begin)),
    ]
    doel = uitvoer / profiel.sleutel / "opzeggingen" / aanbieder.id / begin.isoformat()
    manifest = schrijf(doel, bestanden, True, False, {
        "regio": profiel.sleutel, "aanbieder": aanbieder.id, "datum": begin.isoformat(),
        "versie": versie, "invoer": invoer})
    return Uitkomst(profiel.sleutel, schema, Resultaat(doel, manifest, [b.pad for b in bestanden]))


def als_json(uitkomst: Uitkomst) -> dict[str, Any]:
    """The result shape of ONTWERP.md (dates ISO), plus the weekend/holiday flags."""
    s = uitkomst.schema
    return {
        "regio": uitkomst.regio,
        "aanbieder": s.aanbieder,
        "datum": s.instroomstop.isoformat(),
        "opzegtermijn_maanden": s.opzegtermijn_maanden,
        "instroomstop": s.instroomstop.isoformat(),
        "einde_overeenkomst": s.einde_overeenkomst.isoformat(),
        "uiterste_zorgdatum": s.uiterste_zorgdatum.isoformat(),
        "clienten": [{"client": c.client.client, "gemeente": c.client.gemeente,
                      "product": c.client.product,
                      "einddatum_beschikking": (c.client.einddatum_beschikking.isoformat()
                                                if c.client.einddatum_beschikking else None),
                      "zorg_tot": c.zorg_tot.isoformat()} for c in s.clienten],
        "markeringen": {d.isoformat(): vlag for d in sorted(set(s.data()))
                        if (vlag := markering(d))},
        "documenten": uitkomst.documenten.manifest["documenten"],
    }
