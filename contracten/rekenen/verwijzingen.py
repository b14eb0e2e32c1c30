"""References to articles and leden of the overeenkomst ("artikel 3.19 lid 6", "artikel 3.19.6",
"de artikelen 1.4.2, 3.22 en 3.30.4"), found in a text and checked against the articles the
region's overeenkomst has. Pure: text in, findings out.

A reference followed by "van/uit" another document ("artikel 1.1 van de Jeugdwet", "artikel 9
van de algemene inkoopvoorwaarden") or by a law's name ("artikel 3.4 Wmo 2015"), or announced
by one ("uit de Aanbestedingswet 2012 gelden: artikel 2.163b"), is not ours. In
the overeenkomst every other reference is to itself; in other documents only those that say "van
de overeenkomst" (or "uit de overeenkomst") are."""

from __future__ import annotations

import re
from dataclasses import dataclass

VERWIJZING = re.compile(r"\bartikel(?:en)?\s+((?:\d\.\d+[a-z]?\b(?:\.\d+)?(?:\s+lid\s+\d+)?"
                        r"(?:\s*\([^)]{0,60}\))?"  # "(voor zover van toepassing)"
                        r"(?:\s*(?:,|\ben\b|\bof\b|/)\s*(?=\d\.\d))?)+)", re.I)
EEN = re.compile(r"(\d\.\d+[a-z]?)\b(?:\.(\d+)|\s+lid\s+(\d+))?")
ONS = re.compile(r"^[\s,;–-]*(?:(?:of|en)\b[^.;]{0,60}?)?\b(?:van|uit|in)\s+(?:de|deze)\s+"
                 r"overeenkomst\b", re.I)
# "De wijzigingsmogelijkheden uit de Aanbestedingswet 2012 gelden: artikel 2.163b, …": the
# clause before the reference names a law.
WET_ERVOOR = re.compile(r"(?:\w*wet\b|\bWmo\b)(?:\s+\d{4})?[^.;:]{0,40}:\s*$", re.I)
ANDER = re.compile(r"^[\s,;–-]*(?:(?:van|uit)\s+(?:de|het|die|dit|een)\s+(?!overeenkomst\b)"
                   r"|(?:Wmo|Wet|Jeugdwet|Awb|BW)\b)", re.I)


@dataclass(frozen=True)
class Verwijzing:
    tekst: str  # as written, e.g. "artikel 3.19 lid 6"
    artikel: str  # "3.19"
    lid: int | None  # 6


def verwijzingen(tekst: str, *, in_overeenkomst: bool) -> list[Verwijzing]:
    """The references to the overeenkomst in `tekst`."""
    uit = []
    for gevonden in VERWIJZING.finditer(tekst):
        rest = tekst[gevonden.end():gevonden.end() + 120]
        if ANDER.match(rest) or WET_ERVOOR.search(tekst[max(0, gevonden.start() - 120):
                                                         gevonden.start()]):
            continue
        if not in_overeenkomst and not _naar_overeenkomst(tekst, gevonden.end()):
            continue
        for een in EEN.finditer(gevonden.group(1)):
            lid = een.group(2) or een.group(3)
            uit.append(Verwijzing(f"artikel {een.group(0)}", een.group(1),
                                  int(lid) if lid else None))
    return uit


def _naar_overeenkomst(tekst: str, positie: int) -> bool:
    """Whether the clause after a reference names the overeenkomst ("… van de overeenkomst"),
    possibly after more references in the same enumeration."""
    rest = tekst[positie:positie + 200]
    while True:
        if ONS.match(rest):
            return True
        volgende = re.match(r"^[\s,;–-]*(?:of|en)?[\s,]*artikel(?:en)?\s+[\d.a-z\s]+?"
                            r"(?=\s*,|\s(?:van|uit|of|en)\b|$)", rest, re.I)
        if not volgende or not volgende.group(0):
            return False
        rest = rest[volgende.end():]


def bungelend(verwijzingen_: list[Verwijzing], leden: dict[str, int]) -> list[Verwijzing]:
    """The references to an article the overeenkomst lacks, or to a lid beyond its last."""
    return [v for v in verwijzingen_ if v.artikel not in leden
            or (v.lid is not None and not 1 <= v.lid <= leden[v.artikel])]
