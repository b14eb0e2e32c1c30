"""The profile as spreadsheet columns: which column of the Excel workbook holds which field of
aanbieders.yaml and tarieven/<jaar>.yaml, and how a cell as Excel gives it (a number, a date,
Dutch text such as '1.480.250,00') becomes the value the YAML holds. Pure: no files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from contracten.lezen.tabelbestand import lees_getal

Soort = Literal["tekst", "nummer", "bedrag", "getal", "lijst", "nummers", "ja/nee"]


@dataclass(frozen=True)
class Veld:
    kop: str  # the column header, as the workbook and the docs name it
    pad: tuple[str | int, ...]  # where the value goes in one aanbieder or tariff mapping
    soort: Soort


AANBIEDERS = "Aanbieders"
AANBIEDER_VELDEN = [
    Veld("id", ("id",), "tekst"), Veld("naam", ("naam",), "tekst"),
    Veld("kvk", ("kvk",), "nummer"), Veld("agb", ("agb",), "nummer"),
    Veld("straat", ("adres", "straat"), "tekst"), Veld("postcode", ("adres", "postcode"), "tekst"),
    Veld("plaats", ("adres", "plaats"), "tekst"),
    Veld("contact_naam", ("contact", "naam"), "tekst"),
    Veld("contact_email", ("contact", "email"), "tekst"),
    Veld("contact_telefoon", ("contact", "telefoon"), "tekst"),
    Veld("producten", ("producten",), "lijst"),
    Veld("jaaromzet", ("jaaromzet",), "bedrag"), Veld("aanneemsom", ("aanneemsom",), "bedrag"),
    Veld("aanneemsom_incl_btw", ("aanneemsom_incl_btw",), "bedrag"),
    Veld("btw_percentage", ("btw_percentage",), "getal"),
    Veld("vertegenwoordiger_naam", ("vertegenwoordiger", "naam"), "tekst"),
    Veld("vertegenwoordiger_functie", ("vertegenwoordiger", "functie"), "tekst"),
    Veld("bestedingsruimte", ("bestedingsruimte",), "bedrag"),
    Veld("brief_tav", ("brief", "tav"), "tekst"),
    Veld("brief_aanhef", ("brief", "aanhef"), "tekst"),
    Veld("voorbeeld", ("voorbeeld",), "ja/nee"),
]
TARIEF_VELDEN = [
    Veld("sleutel", ("sleutel",), "tekst"), Veld("product", ("product",), "tekst"),
    Veld("omschrijving", ("omschrijving",), "tekst"), Veld("bedrag", ("bedrag",), "bedrag"),
    Veld("eenheid", ("eenheid",), "tekst"), Veld("voorbeeld", ("voorbeeld",), "ja/nee"),
    # In an indexed prijspeil: why an amount is not the indexation (empty: it is).
    Veld("afwijking", ("afwijking",), "tekst"),
]
TARIEVEN = "Tarieven "  # + the prijspeil: one sheet per tarieven/<jaar>.yaml
PERCEEL, OVERIG = " perceel ", " overig"  # a tender of several percelen: a sheet per perceel


def aanbieder_velden(percelen: list[int]) -> list[Veld]:
    """The columns of the Aanbieders sheet; with several percelen also which an aanbieder
    holds and its aanneemsom in each."""
    if len(percelen) < 2:
        return AANBIEDER_VELDEN
    return [*AANBIEDER_VELDEN[:-1], Veld("percelen", ("percelen",), "nummers"),
            *(Veld(f"aanneemsom perceel {n}", ("aanneemsom_per_perceel", n), "bedrag")
              for n in percelen), AANBIEDER_VELDEN[-1]]


def tariefbladen(jaar: int, percelen: dict[int, list[str]], bedragen: list[dict[str, Any]]
                 ) -> list[tuple[str, list[dict[str, Any]]]]:
    """The sheets of one prijspeil's amounts: one, or with several percelen (their products
    per number) one per perceel and one "overig" for amounts of no perceel's product. Each
    amount is on one sheet only: a product of two percelen (one tariff) on the first's."""
    if len(percelen) < 2:
        return [(f"{TARIEVEN}{jaar}", bedragen)]
    blad: dict[str, int] = {}  # product -> the number of the first perceel that has it
    for n, eigen in sorted(percelen.items()):
        for product in eigen:
            blad.setdefault(product, n)
    uit = [(f"{TARIEVEN}{jaar}{PERCEEL}{n}", [b for b in bedragen if blad.get(str(b.get("product")))
                                              == n]) for n in sorted(percelen)]
    overig = [b for b in bedragen if b.get("product") not in blad]
    return uit + ([(f"{TARIEVEN}{jaar}{OVERIG}", overig)] if overig else [])


class CelFout(ValueError):
    """A cell that is not what its column holds; the message is for the user."""


def lees_cel(waarde: Any, veld: Veld) -> Any:
    """The value a cell stands for, as YAML would hold it; None for an empty cell."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    if veld.soort in ("bedrag", "getal"):
        try:
            getal = lees_getal(waarde)
        except ValueError:
            raise CelFout(f"verwacht een getal zoals 1.480.250,00 (gevonden: {waarde})") from None
        exponent = getal.as_tuple().exponent
        if veld.soort == "bedrag" and isinstance(exponent, int) and exponent > -2:
            return getal.quantize(Decimal("0.01"))  # 166.5 in a cell is € 166,50: in cents
        return getal
    if veld.soort == "nummer" and isinstance(waarde, int | float) and float(waarde).is_integer():
        return f"{int(waarde):08d}"  # Excel drops a KvK-nummer's leading zero
    if veld.soort == "ja/nee":
        tekst = str(waarde).strip().lower()
        if waarde is True or tekst in ("ja", "true", "1", "waar"):
            return True
        if waarde is False or tekst in ("nee", "false", "0", "onwaar"):
            return False
        raise CelFout(f"verwacht ja of nee (gevonden: {waarde})")
    if isinstance(waarde, dt.datetime | dt.date):
        raise CelFout(f"verwacht tekst, geen datum (gevonden: {waarde:%d-%m-%Y})")
    tekst = str(int(waarde)) if isinstance(waarde, float) and waarde.is_integer() else str(waarde)
    if veld.soort in ("lijst", "nummers"):
        delen = [deel.strip() for deel in tekst.replace(";", ",").replace("\n", ",").split(",")
                 if deel.strip()]
        if veld.soort == "nummers":
            if not all(d.isdigit() for d in delen):
                raise CelFout(f"verwacht nummers zoals 1, 2 (gevonden: {waarde})")
            return [int(d) for d in delen]
        return delen
    return tekst.strip()


def als_cel(waarde: Any, veld: Veld) -> Any:
    """A YAML value as the cell shows it: a list as 'a, b', a yes/no as ja/nee."""
    if waarde is None:
        return None
    if veld.soort in ("lijst", "nummers"):
        return ", ".join(str(w) for w in waarde)
    if veld.soort == "ja/nee":
        return "ja" if waarde else "nee"
    if isinstance(waarde, Decimal | int) and veld.soort in ("bedrag", "getal"):
        return Decimal(waarde)
    return str(waarde)


def waarde_in(data: dict[str, Any], pad: tuple[str | int, ...]) -> Any:
    for sleutel in pad:
        if not isinstance(data, dict):
            return None
        if sleutel not in data:  # a number as key may have been read as text: 2 or "2"
            sleutel = str(sleutel)
            if sleutel not in data:
                return None
        data = data[sleutel]
    return data
