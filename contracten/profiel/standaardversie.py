"""What a region's overeenkomst.yaml says against the version of the Contractstandaard it
contracts under: an optional article it switches on that this version does not have (1.10 and
3.9a came with 1.3), and its own texts that name another version."""

from __future__ import annotations

import re

from contracten.artikelen.model import Bibliotheek
from contracten.artikelen.officieel import versienummer
from contracten.fouten import Melding
from contracten.profiel.overeenkomst import OvereenkomstKeuzes

# "versie 1.3 van de contractstandaard", "CSW 1.3", "Contractstandaard Wmo 1.3"
GENOEMD = re.compile(r"(?:\bversie\s+(\d+\.\d+)\s+van\s+de\s+contractstandaard|\bCSW\s*(\d+\.\d+)"
                     r"|\bcontractstandaard(?:\s+wmo)?\s+(?:versie\s+)?(\d+\.\d+))", re.I)


def tegen_de_versie(bestand: str, keuzes: OvereenkomstKeuzes,
                    bibliotheek: Bibliotheek) -> list[Melding]:
    """The problems, each naming the field in `bestand`."""
    versie = versienummer(bibliotheek.standaard)
    meldingen = []
    for nummer in bibliotheek.niet_in_versie:
        schakelaar = bibliotheek.index.optionele_artikelen.get(nummer)
        if schakelaar is not None and keuzes.gebruikt(schakelaar):
            meldingen.append(Melding(
                bestand, None, f"artikelen.{schakelaar}", f"artikel {nummer} bestaat niet in "
                f"{bibliotheek.standaard}, waaronder deze regio contracteert; zet het uit en neem "
                "de afspraak zo nodig op als eigen artikel (eigen_artikelen)",
                "artikel_niet_in_versie"))
    teksten = [(f"overwegingen[{i}]", t) for i, t in enumerate(keuzes.overwegingen)]
    teksten += [(f"definities[{i}].betekenis", d.betekenis)
                for i, d in enumerate(keuzes.definities)]
    teksten += [(f"eigen_artikelen[{i}].leden[{j}]", lid)
                for i, a in enumerate(keuzes.eigen_artikelen) for j, lid in enumerate(a.leden)]
    for veld, tekst in teksten:
        for gevonden in GENOEMD.finditer(tekst):
            genoemd = next(g for g in gevonden.groups() if g)
            if genoemd != versie:
                meldingen.append(Melding(
                    bestand, None, veld, f"noemt versie {genoemd} van de Contractstandaard, maar "
                    f"de overeenkomst volgt {bibliotheek.standaard} (csw_versie)",
                    "csw_versie_tegenstrijdig"))
    return meldingen
