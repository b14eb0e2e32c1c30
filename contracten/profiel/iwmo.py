"""iWmo 3.2 code lists (the parts our profiles use), for tariff tables people can read."""

from __future__ import annotations

PRODUCTCATEGORIE: dict[str, str] = {
    "02": "Begeleiding",
    "04": "Kortdurend verblijf",
    "07": "Dagbesteding",
    "08": "Vervoerdiensten",
    "15": "Beschermd wonen",
}

EENHEID: dict[str, str] = {
    "01": "minuut",
    "04": "uur",
    "14": "etmaal",
    "16": "dagdeel (4 uur)",
    "82": "stuks (output)",
    "83": "euro's",
    "84": "stuks (inspanning)",
}

# An iWmo eenheid that is a unit of time fixes the tariff's unit: a product declared to iWmo
# per uur cannot be priced per dagdeel.
TIJDSEENHEID: dict[str, str] = {"01": "minuut", "04": "uur", "14": "etmaal", "16": "dagdeel"}

FREQUENTIE: dict[str, str] = {
    "1": "per dag",
    "2": "per week",
    "4": "per maand",
    "6": "totaal binnen geldigheidsduur",
}


def met_naam(code: str, lijst: dict[str, str]) -> str:
    naam = lijst.get(code)
    return f"{code} {naam}" if naam else code


def alle(lijst: dict[str, str]) -> str:
    """'01 minuut, 04 uur, …': every code with its name, for a message."""
    return ", ".join(f"{code} {naam}" for code, naam in lijst.items())
