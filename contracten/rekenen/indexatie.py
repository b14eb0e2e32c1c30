"""Yearly indexation (VNG method): a new prijspeil from the previous published amounts.

Pure: no files, no clock. index = w x OVA + (1 - w) x PPC + nacalculatie, in percentage points,
rounded half up as the region says (default two decimals, as the VNG publishes it); each new
amount = the latest earlier published amount x (1 + index / 100), rounded half up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pydantic import ValidationError

from contracten.fouten import InvoerFout, Melding
from contracten.opmaak import opsomming, rond_af
from contracten.profiel.model import Profiel
from contracten.profiel.tarieven import (
    BedragRegel,
    IndexatieRecord,
    Prijspeil,
    toelichting_geindexeerd,
)

HONDERD = Decimal(100)
MINIMUM, MAXIMUM = Decimal(-10), Decimal(25)


@dataclass(frozen=True)
class Wijziging:
    regel: BedragRegel  # the new amount
    oud: Decimal
    van: int  # the prijspeil the old amount comes from

    @property
    def verschil(self) -> Decimal:
        return self.regel.bedrag - self.oud

    @property
    def procent(self) -> Decimal:
        """The actual change, after rounding, in percent (two decimals)."""
        if self.oud == 0:
            return Decimal("0.00")
        return rond_af(self.verschil / self.oud * HONDERD)


@dataclass(frozen=True)
class Indexering:
    """A new prijspeil computed from the latest earlier one (`van`): the new amounts with their
    record of how they were made, and per amount the change (`wijzigingen`)."""

    regio: str
    van: int  # the latest earlier prijspeil
    prijspeil: Prijspeil  # the new one, with its record of how it was made
    wijzigingen: list[Wijziging]

    @property
    def naar(self) -> int:
        return self.prijspeil.prijspeil


def vng_index(gewicht_loon: Decimal, ova: Decimal, ppc: Decimal,
              nacalculatie: Decimal = Decimal(0)) -> Decimal:
    """The VNG index in percentage points, exact (no rounding)."""
    return gewicht_loon * ova + (1 - gewicht_loon) * ppc + nacalculatie


def cijfers(profiel: Profiel, *, ova: Decimal | None = None, ppc: Decimal | None = None,
            nacalculatie: Decimal | None = None, percentage: Decimal | None = None,
            van: int, datum: dt.date) -> IndexatieRecord:
    """The record of the figures used. Either OVA and PPC (VNG method) or one percentage."""
    gegeven = {"ova": ova, "ppc": ppc, "nacalculatie": nacalculatie, "percentage": percentage}
    buiten = [f"{naam} {waarde} %" for naam, waarde in gegeven.items()
              if waarde is not None and abs(waarde) > HONDERD]
    if buiten:  # what a prijspeil can hold; the index itself is checked in `indexeer`
        raise InvoerFout([Melding("opdrachtregel", None, "index", f"{', '.join(buiten)} ligt "
                                  "buiten -100 … 100 %", "index_buiten_bereik")])
    if percentage is not None:
        return IndexatieRecord(van=van, methode="percentage", index=percentage, datum=datum)
    if ova is None or ppc is None:
        raise InvoerFout([Melding(profiel.sleutel, None, "ova, ppc",
                                  "geef ova en ppc (VNG-methode), of één percentage",
                                  "index_ontbreekt")])
    regel = profiel.regio.regels.indexatie
    nac = nacalculatie if nacalculatie is not None else Decimal(0)
    berekend = vng_index(regel.gewicht_loon, ova, ppc, nac)
    index = afgerond_index(berekend, regel.decimalen)
    if abs(berekend) > HONDERD:
        raise InvoerFout([Melding("opdrachtregel", None, "index", f"index {berekend} % ligt "
                                  f"buiten {MINIMUM} … {MAXIMUM} %", "index_buiten_bereik")])
    return IndexatieRecord(van=van, methode="vng", ova=ova, ppc=ppc, nacalculatie=nac,
                           gewicht_loon=regel.gewicht_loon, index=index,
                           berekend=berekend if berekend != index else None, datum=datum)


def afgerond_index(index: Decimal, decimalen: int) -> Decimal:
    """The index as applied: half up to `decimalen` decimals (4,957 % -> 4,96 % at two, as the
    VNG published it for 2025)."""
    return index.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def laatste_voor(profiel: Profiel, naar: int) -> int:
    """The latest prijspeil before `naar`; refuses an existing target or no earlier year."""
    bestand = f"{profiel.sleutel}/tarieven/{naar}.yaml"
    if naar in profiel.prijspeilen:
        raise InvoerFout([Melding(bestand, None, "naar", f"prijspeil {naar} bestaat al; een "
                                  "prijspeil wordt nooit overschreven", "prijspeil_bestaat")])
    eerder = [j for j in profiel.prijspeilen if j < naar]
    if not eerder:
        raise InvoerFout([Melding(bestand, None, "naar", f"er is geen prijspeil vóór {naar} om "
                                  "van uit te gaan", "geen_vorig_prijspeil")])
    return max(eerder)


def ontbrekende_jaren(profiel: Profiel, naar: int) -> list[int]:
    """The years between the latest prijspeil before `naar` and `naar` itself."""
    return list(range(laatste_voor(profiel, naar) + 1, naar))


def vorig_prijspeil(profiel: Profiel, naar: int) -> int:
    """The prijspeil `naar` is indexed from: the year before it. Refuses a gap: every year is
    indexed with its own figures, from the rounded amounts of the year before (article 3.2),
    so one index can never span several years."""
    van = laatste_voor(profiel, naar)
    ontbreekt = ontbrekende_jaren(profiel, naar)
    if ontbreekt:
        jaren = opsomming([str(j) for j in ontbreekt])
        wat = f"prijspeil {jaren} ontbreekt" if len(ontbreekt) == 1 else \
            f"de prijspeilen {jaren} ontbreken"
        raise InvoerFout([Melding(
            f"{profiel.sleutel}/tarieven/{naar}.yaml", None, "naar",
            f"{naar} volgt niet op het laatste prijspeil {van}: {wat}. Elk jaar wordt "
            "geïndexeerd met de cijfers van dat jaar, uit de afgeronde bedragen van het jaar "
            f"ervoor; één indexcijfer over meer jaren kan niet. Indexeer eerst naar {van + 1}, "
            f"of geef de cijfers van elk jaar {van + 1} tot en met {naar} in één bestand "
            "(indexeer --cijfers)", "indexatie_jaren_ontbreken")])
    return van


def indexeer(profiel: Profiel, naar: int, record: IndexatieRecord) -> Indexering:
    """Every amount known before `naar`, from its latest earlier prijspeil, times (1 + index)."""
    van = vorig_prijspeil(profiel, naar)
    if not MINIMUM <= record.index <= MAXIMUM:
        raise InvoerFout([Melding("opdrachtregel", None, "index",
                                  f"index {record.index} % ligt buiten {MINIMUM} … {MAXIMUM} %",
                                  "index_buiten_bereik")])
    factor = 1 + record.index / HONDERD
    laatste: dict[str, tuple[int, BedragRegel]] = {}
    for jaar in sorted(j for j in profiel.prijspeilen if j < naar):
        for regel in profiel.prijspeilen[jaar].bedragen:
            laatste[regel.sleutel] = (jaar, regel)
    wijzigingen = [
        # A deviation of the year before is that year's; the new amount is the indexation.
        Wijziging(regel.model_copy(update={"bedrag": rond_af(regel.bedrag * factor),
                                           "afwijking": None}),
                  oud=regel.bedrag, van=jaar)
        for jaar, regel in laatste.values()]
    try:  # validated like a hand-written file: e.g. no amount above the ceiling
        prijspeil = Prijspeil.model_validate({
            "prijspeil": naar,
            "ingangsdatum": dt.date(naar, 1, 1),
            "toelichting": toelichting_geindexeerd(van),
            "indexatie": record,
            "bedragen": [w.regel.model_dump() for w in wijzigingen],
        })
    except ValidationError as exc:
        fouten = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                           for e in exc.errors(include_url=False)[:3])
        raise InvoerFout([Melding(f"{profiel.sleutel}/tarieven/{naar}.yaml", None, "",
                                  f"het nieuwe prijspeil zou ongeldig zijn ({fouten})",
                                  "prijspeil_ongeldig")]) from None
    return Indexering(profiel.sleutel, van, prijspeil, wijzigingen)


def vorig_bedrag(profiel: Profiel, naar: int, sleutel: str) -> tuple[int, BedragRegel] | None:
    """The amount `sleutel` had in the latest prijspeil before `naar` that lists it."""
    for jaar in sorted((j for j in profiel.prijspeilen if j < naar), reverse=True):
        regel = profiel.prijspeilen[jaar].bedrag(sleutel)
        if regel is not None:
            return jaar, regel
    return None
