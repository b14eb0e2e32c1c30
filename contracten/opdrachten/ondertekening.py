"""`getekend`: who signed a contract's documents for each party. Both parties sign (the
gemeente as opdrachtgever, the aanbieder as opdrachtnemer), each with a name, a function and
the day it signed; the step is recorded only when all of that is given and can be true."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from contracten import tijd
from contracten.fouten import Melding
from contracten.register.gegevens import Ondertekening

if TYPE_CHECKING:
    from contracten.opdrachten.goedkeuring import DocumentStatus

PARTIJEN = {"opdrachtgever": "de gemeente", "opdrachtnemer": "de aanbieder"}


def _van_partij(regio: str, partij: str, ondertekeningen: Sequence[Ondertekening],
                vandaag: dt.date) -> list[Melding]:
    eigen = [o for o in ondertekeningen if o.partij == partij]
    if len(eigen) != 1:
        wat = "ontbreekt" if not eigen else "staat er meer dan eens"
        return [Melding(regio, None, partij, f"wie tekende voor {PARTIJEN[partij]} ({partij}) "
                        f"{wat}: geef naam, functie en datum (--{partij}, --{partij}-functie, "
                        f"--{partij}-datum)", "ondertekenaar_ontbreekt")]
    o = eigen[0]
    meldingen = [Melding(regio, None, f"{partij}-{veld}", f"de {veld} van wie tekende voor "
                         f"{PARTIJEN[partij]} ontbreekt", "ondertekenaar_ontbreekt")
                 for veld, waarde in (("naam", o.naam), ("functie", o.functie))
                 if not waarde.strip()]
    if o.datum > vandaag:
        meldingen.append(Melding(regio, None, f"{partij}-datum", f"{o.datum.isoformat()} ligt "
                                 f"na vandaag ({vandaag.isoformat()}): leg een ondertekening vast "
                                 "nadat zij is gezet", "ondertekening_in_de_toekomst"))
    return meldingen


def controleer(regio: str, documenten: Sequence[DocumentStatus],
               ondertekeningen: Sequence[Ondertekening], vandaag: dt.date) -> list[Melding]:
    """Every reason the chosen documents cannot be recorded as signed with these signatories:
    a party missing (or given twice), a blank name or function, a day after today or before
    the document was made definitief, documents of more than one contract or of none."""
    meldingen = [m for partij in PARTIJEN
                 for m in _van_partij(regio, partij, ondertekeningen, vandaag)]
    meldingen += [Melding(regio, None, "partij", f"'{o.partij}': verwacht opdrachtgever of "
                          "opdrachtnemer", "partij_onbekend")
                  for o in ondertekeningen if o.partij not in PARTIJEN]
    contracten = {(d.stand.aanbieder, d.stand.perceel) for d in documenten}
    if len(contracten) != 1 or None in {a for a, _ in contracten}:
        meldingen.append(Melding(regio, None, "aanbieder", "een ondertekening geldt voor de "
                                 "documenten van één contract: kies de aanbieder met --aanbieder "
                                 "(en het perceel met --perceel)", "een_contract_kiezen"))
    for d in documenten:
        definitief = [tijd.dag(s.op) for s in d.stand.geschiedenis if s.stap == "definitief"]
        for o in ondertekeningen:
            if definitief and o.datum < definitief[-1]:
                meldingen.append(Melding(d.stand.pad, None, f"{o.partij}-datum",
                                         f"{o.datum.isoformat()} ligt vóór de dag waarop het "
                                         f"document definitief werd ({definitief[-1]})",
                                         "ondertekening_voor_definitief"))
    return meldingen
