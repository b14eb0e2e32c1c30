"""Read what the aanbieders reported as realised social return: a CSV (comma or semicolon) or
the first sheet of an .xlsx with the columns `aanbieder,jaar,gerealiseerd`, one row per
contract and year; in a tender of several percelen a column `perceel` says which contract a row
is about (needed only for an aanbieder with several). Every problem with its row and column;
nothing read half."""

from __future__ import annotations

from decimal import Decimal

from contracten.fouten import InvoerFout, Melding
from contracten.lezen.tabelbestand import (
    Invoerbestand,
    lees_getal,
    lees_tabel,
    rijen_zonder_personen,
)
from contracten.profiel.model import Profiel

KOLOMMEN = ("aanbieder", "jaar", "gerealiseerd")
TITEL = "Realisatiebestand is ongeldig"
MAXIMUM_RIJEN = 100_000

Gemeld = dict[str, dict[int, Decimal]]  # contract key -> year -> amount reported as realised


def lees_realisatie(invoer: Invoerbestand, profiel: Profiel, jaren: list[int]) -> Gemeld:
    """The reported amounts; `jaren`: the calendar years in which the contract years begin."""
    naam = invoer.naam
    ruwe_kop, rijen = lees_tabel(invoer, TITEL)
    kop = [k.strip().lower() for k in ruwe_kop]
    meldingen = [Melding(naam, 1, k, f"kolom ontbreekt; verwacht de kop {','.join(KOLOMMEN)}",
                         "kolom_ontbreekt") for k in KOLOMMEN if k not in kop]
    if meldingen:
        raise InvoerFout(meldingen, TITEL)
    ids = [a.id for a in profiel.aanbieders]
    contracten: dict[str, dict[str, str]] = {}  # aanbieder -> perceel number -> contract key
    for c in profiel.contracten:
        contracten.setdefault(c.aanbieder.id, {})[str(c.perceel.nummer)] = c.sleutel
    gemeld: Gemeld = {}
    for nummer, waarden in rijen_zonder_personen(
            naam, kop, rijen, meldingen, maximum=MAXIMUM_RIJEN,
            inhoud="wat aanbieders realiseerden"):
        aanbieder, jaar_tekst, bedrag_tekst = (waarden[k] for k in KOLOMMEN)
        if aanbieder not in ids:
            meldingen.append(Melding(naam, nummer, "aanbieder", f"onbekende aanbieder "
                                     f"'{aanbieder}' (wel: {', '.join(ids)})",
                                     "aanbieder_onbekend"))
        jaar = int(jaar_tekst) if jaar_tekst.isdigit() else None
        if jaar not in jaren:
            meldingen.append(Melding(naam, nummer, "jaar", f"'{jaar_tekst}' is geen jaar waarin "
                                     f"een contractjaar begint (wel: "
                                     f"{', '.join(str(j) for j in jaren)})", "jaar_onbekend"))
        try:
            bedrag = lees_getal(bedrag_tekst)
            if bedrag < 0 or bedrag != bedrag.quantize(Decimal("0.01")):
                raise ValueError(bedrag_tekst)
        except (ValueError, ArithmeticError):
            meldingen.append(Melding(naam, nummer, "gerealiseerd", f"'{bedrag_tekst}' is geen "
                                     "bedrag van nul of meer in euro's en centen, zoals "
                                     "12.500,00", "bedrag"))
            continue
        if aanbieder not in ids or jaar is None or jaar not in jaren:
            continue
        eigen = contracten[aanbieder]
        perceel = waarden.get("perceel", "")
        if not perceel and len(eigen) == 1:
            perceel = next(iter(eigen))
        if perceel not in eigen:
            meldingen.append(Melding(naam, nummer, "perceel", (
                f"'{perceel}' is geen perceel van {aanbieder}" if perceel else
                f"{aanbieder} heeft meer percelen; geef de kolom perceel") +
                f" (wel: {', '.join(eigen)})", "perceel_onbekend"))
            continue
        sleutel = eigen[perceel]
        if jaar in gemeld.get(sleutel, {}):
            meldingen.append(Melding(naam, nummer, "", f"{aanbieder} {jaar} staat er al; één rij "
                                     "per contract en jaar", "dubbel"))
            continue
        gemeld.setdefault(sleutel, {})[jaar] = bedrag.quantize(Decimal("0.01"))
    if meldingen:
        raise InvoerFout(meldingen, TITEL)
    return gemeld
