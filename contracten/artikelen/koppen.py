"""The headings of the published standard: articles ("Artikel 3.1 – Titel", "[Optioneel:]
Artikel 1.4 – Titel", "Artikel 3.2: Titel"), its parts and chapters, Partijen, Overwegingen,
Definities, and the closing ondertekening."""

from __future__ import annotations

import re

ARTIKEL = re.compile(r"^(?:\[\s*optioneel:?\s*\]\s*)?artikel\s+(\d\.\d+a?)\.?\s*[–—:\-]\s*(.+)$",
                     re.I)
# A heading (by its Word style or '#') may leave out the dash: "Artikel 3.6 Cliëntenstop …".
ARTIKEL_KOP = re.compile(r"^(?:\[\s*optioneel:?\s*\]\s*)?artikel\s+(\d\.\d+a?)\.?\s+(\D.*)$",
                         re.I)
# "Artikel 3.6 Cliëntenstop …" without its dash, not a sentence ("Artikel 1.4.2 blijft …").
ARTIKEL_BEGIN = re.compile(r"^(?:\[\s*(?i:optioneel):?\s*\]\s*)?(?i:artikel)\s+\d\.\d+a?\.?\s+"
                           r"(?!lid\b)[A-ZÀ-Ý]")
SJABLOONARTIKEL = re.compile(r"^(?:\[\s*optioneel:?\s*\]\s*)?artikel\s+\d\.n\b", re.I)
LID = re.compile(r"^(\d\.\d+a?)\.(\d+)\.?(?:\s+(.+))?$")
DEEL = re.compile(r"^deel\s+([123])\s*:", re.I)
HOOFDSTUK = re.compile(r"^hoofdstuk\s+\d+\s*:", re.I)
AANHEF = {"partijen": "Partijen", "overwegingen": "Overwegingen", "definities": "Definities"}
ONDERTEKENING = re.compile(r"^opgemaakt\s+te\b", re.I)
PAGINANUMMER = re.compile(r"\t\s*\d{1,3}$")  # "Artikel 1.1 – Voorwerp<tab>11"


def is_kop(tekst: str, kop: bool) -> bool:
    """Whether `tekst` is a heading of the standard (`kop`: it has a heading's style)."""
    return bool(ARTIKEL.match(tekst) or SJABLOONARTIKEL.match(tekst) or DEEL.match(tekst)
                or HOOFDSTUK.match(tekst) or tekst.rstrip(":").lower() in AANHEF
                or (kop and ARTIKEL_KOP.match(tekst)))
