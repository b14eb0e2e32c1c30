"""iWmo 3.2 code lists and the combinations the standard allows, for tables people can read and
for the checks in `iwmoregels`.

Source: the iWmo 3.2 information model of Zorginstituut Nederland
(informatiemodel.istandaarden.nl/informatiemodel/iwmo/3.2): code lists WMO020 (productcategorie),
WJ756 (eenheid) and WMO757 (frequentie), and the table of allocation variants per
uitvoeringsvariant ("Toewijzingsvarianten inspanningsgericht / outputgericht")."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

PRODUCTCATEGORIE: dict[str, str] = {
    "01": "Hulp bij het huishouden",
    "02": "Begeleiding",
    "03": "Persoonlijke verzorging",
    "04": "Kortdurend verblijf",
    "05": "Woondiensten",
    "06": "Overige ondersteuning gericht op het individu of huishouden/gezin",
    "07": "Dagbesteding",
    "08": "Vervoerdiensten",
    "09": "Overige groepsgerichte ondersteuning",
    "10": "Overige maatwerk arrangementen",
    "11": "Rolstoelen",
    "12": "Vervoervoorzieningen",
    "13": "Woonvoorzieningen",
    "14": "Overige hulpmiddelen",
    "15": "Beschermd wonen",
    "16": "Opvang",
    "17": "Spoedopvang",
    "18": "Overige beschermd wonen en opvang",
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

# The eenheden each uitvoeringsvariant allocates in (the table of allocation variants): time and
# "stuks (inspanning)" for inspanningsgericht, "stuks (output)" and euro's for outputgericht.
# Taakgericht work is not allocated per client, so it has no eenheid at all.
EENHEID_PER_VORM: dict[str, tuple[str, ...]] = {
    "inspanningsgericht": ("01", "04", "14", "16", "84"),
    "outputgericht": ("82", "83"),
}

# The frequenties each eenheid is allocated with; etmaal, dagdeel, euro's and stuks (inspanning)
# are never allocated per dag (constraint CS338 and the same table).
FREQUENTIE_PER_EENHEID: dict[str, tuple[str, ...]] = {
    "01": ("1", "2", "4", "6"),
    "04": ("1", "2", "4", "6"),
    "14": ("2", "4", "6"),
    "16": ("2", "4", "6"),
    "82": ("1", "2", "4", "6"),
    "83": ("2", "4", "6"),
    "84": ("2", "4", "6"),
}


def met_naam(code: str, lijst: dict[str, str]) -> str:
    naam = lijst.get(code)
    return f"{code} {naam}" if naam else code


def alle(lijst: dict[str, str], codes: tuple[str, ...] | None = None) -> str:
    """'01 minuut, 04 uur, …': every code (or the given ones) with its name, for a message."""
    return ", ".join(f"{code} {naam}" for code, naam in lijst.items()
                     if codes is None or code in codes)


def _codetype(lijst: dict[str, str], naam: str) -> Any:
    """A field holding one code of `lijst`; a wrong code is refused with the whole list, named.
    YAML reads an unquoted 14 as a number: it is taken as the code '14'."""
    breedte = max(len(code) for code in lijst)

    def als_tekst(waarde: Any) -> Any:
        return f"{waarde:0{breedte}d}" if isinstance(waarde, int) and waarde >= 0 else waarde

    def bekend(code: str) -> str:
        if code not in lijst:
            raise PydanticCustomError(
                "iwmo_code", "verwacht een {naam}: {toegestaan}",
                {"naam": naam, "toegestaan": alle(lijst)})
        return code

    return Annotated[str, BeforeValidator(als_tekst), AfterValidator(bekend)]


Productcategorie = _codetype(PRODUCTCATEGORIE, "iWmo-productcategorie (WMO020)")
Eenheid = _codetype(EENHEID, "iWmo-eenheid (WJ756)")
Frequentie = _codetype(FREQUENTIE, "iWmo-frequentie (WMO757)")
