"""From a sheet's rows to the items of a profile list, checked as the YAML would be: every
problem named with its sheet, row and column. Pure: rows in, items or messages out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from pydantic import BaseModel, ValidationError

from contracten.fouten import Melding
from contracten.lezen.bron import Bron, Pad
from contracten.lezen.meldingen import uit_validatie
from contracten.privacy import bevat_bsn
from contracten.profiel.werkboek import CelFout, Veld, lees_cel


@dataclass
class Blad:
    """One sheet read against its columns: the items, where each came from, what was wrong."""

    naam: str  # as messages show it: "aanbieders.xlsx, blad Aanbieders"
    kolommen: dict[str, int]  # header -> column number (1-based)
    rijen: list[int]  # the sheet row of each item
    items: list[dict[str, Any]]
    meldingen: list[Melding]
    # Of a list spread over several sheets (see `samengevoegd`): the sheet of each item.
    bladen: list[str] = field(default_factory=list)

    def waar(self, i: int) -> tuple[str, int]:
        """The sheet and row item `i` came from."""
        return (self.bladen[i] if self.bladen else self.naam), self.rijen[i]

    def plek(self, velden: list[Veld], loc: Pad) -> str:
        """'kolom E (postcode)' for a field path of an item; the path itself otherwise."""
        for veld in velden:
            if tuple(loc[:len(veld.pad)]) == veld.pad and veld.kop in self.kolommen:
                return f"kolom {get_column_letter(self.kolommen[veld.kop])} ({veld.kop})"
        return ".".join(str(p) for p in loc)


def _zet(item: dict[Any, Any], pad: tuple[str | int, ...], waarde: Any) -> None:
    for sleutel in pad[:-1]:
        item = item.setdefault(sleutel, {})
    item[pad[-1]] = waarde


def lees_blad(naam: str, rijen: list[tuple[Any, ...]], velden: list[Veld], sleutel: str,
              bestaand: dict[str, dict[str, Any]]) -> Blad:
    """The items of a sheet whose first row names the columns. An item starts from `bestaand`
    (the file's item with the same key), so what the sheet has no column for stays; an empty
    cell empties its field."""
    meldingen: list[Melding] = []
    kop = [str(c).strip() if c is not None else "" for c in (rijen[0] if rijen else ())]
    kolommen = {k: i for i, k in enumerate(kop, start=1) if k}
    bekend = {v.kop for v in velden}
    for k, i in kolommen.items():
        if k not in bekend:
            meldingen.append(Melding(naam, 1, f"kolom {get_column_letter(i)}", f"onbekende "
                                     f"kolom '{k}' (wel: {', '.join(v.kop for v in velden)})",
                                     "kolom_onbekend"))
    if sleutel not in kolommen:
        meldingen.append(Melding(naam, 1, "", f"kolom '{sleutel}' ontbreekt", "kolom_ontbreekt"))
        return Blad(naam, kolommen, [], [], meldingen)
    blad = Blad(naam, kolommen, [], [], meldingen)
    for nummer, rij in enumerate(rijen[1:], start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in rij):
            continue
        cel = {k: rij[i - 1] if i - 1 < len(rij) else None for k, i in kolommen.items()}
        met_bsn = [k for k, waarde in cel.items()
                   if waarde is not None and not _met_centen(waarde) and bevat_bsn(str(waarde))]
        for k in met_bsn:  # the privacy gate: never into a profile, never echoed
            meldingen.append(Melding(naam, nummer, f"kolom {get_column_letter(kolommen[k])} "
                                     f"({k})", "bevat een BSN (9 cijfers die de elfproef halen); "
                                     "gebruik geen persoonsgegevens", "bsn"))
        if met_bsn:
            continue
        try:
            id_ = lees_cel(cel[sleutel], velden[0])
        except CelFout:
            id_ = None
        item: dict[str, Any] = _kopie(bestaand.get(str(id_), {}))
        for veld in velden:
            if veld.kop not in kolommen:
                continue
            try:
                waarde = lees_cel(cel[veld.kop], veld)
            except CelFout as fout:
                meldingen.append(Melding(naam, nummer, blad.plek(velden, veld.pad), str(fout),
                                         "cel_ongeldig"))
                continue
            if waarde is None:
                _weg(item, veld.pad)
            else:
                _zet(item, veld.pad, waarde)
        blad.rijen.append(nummer)
        blad.items.append(item)
    return blad


def _met_centen(waarde: Any) -> bool:
    """A number cell with a fraction (an amount such as 4755010.81): never a BSN, whatever its
    nine digits would give in the elfproef."""
    return isinstance(waarde, int | float | Decimal) and not isinstance(waarde, bool) \
        and not float(waarde).is_integer()


def _kopie(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _kopie(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_kopie(v) for v in data]
    return data


def _weg(item: dict[Any, Any], pad: tuple[str | int, ...]) -> None:
    if len(pad) == 1:
        item.pop(pad[0], None)
        return
    groep = item.get(pad[0])
    if isinstance(groep, dict):
        _weg(groep, pad[1:])
        if not groep:
            del item[pad[0]]


def valideer_blad(blad: Blad, lijst: str, model: type[BaseModel], velden: list[Veld],
                  extra: dict[str, Any] | None = None) -> Any:
    """The sheet's items as the model of their file (`extra`: the file's other keys); the
    problems go to `blad.meldingen`, named by sheet, row and column."""
    # Items from several sheets are numbered 1, 2, … first, then put back in their sheet.
    bron = Bron(pad=Path(blad.naam), naam=blad.naam, data=None,
                _regels={(lijst, i): i + 1 if blad.bladen else rij
                         for i, rij in enumerate(blad.rijen)})

    def veld_van(loc: Pad) -> str:
        return blad.plek(velden, loc[2:])

    try:
        return model.model_validate({**(extra or {}), lijst: blad.items})
    except ValidationError as exc:
        meldingen = uit_validatie(exc, bron, veld_van=veld_van, model=model,
                                  pagina="aanbieders" if lijst == "aanbieders" else "tarieven")
        if blad.bladen:
            meldingen = [m if m.regel is None else replace(
                m, bestand=blad.bladen[m.regel - 1], regel=blad.rijen[m.regel - 1])
                for m in meldingen]
        blad.meldingen += meldingen
        return None


def samengevoegd(naam: str, bladen: list[Blad], sleutel: str, volgorde: list[str]) -> Blad:
    """One list read from several sheets (the tariffs of one prijspeil, a sheet per perceel):
    their items in the order of the file (`volgorde`: its keys; a new item last), each
    remembering its sheet."""
    plek = {k: i for i, k in enumerate(volgorde)}
    rijen = sorted(((b.naam, r, item) for b in bladen for r, item in zip(b.rijen, b.items,
                                                                        strict=True)),
                   key=lambda x: plek.get(str(x[2].get(sleutel)), len(plek)))
    return Blad(naam, bladen[0].kolommen, [r for _, r, _ in rijen], [i for _, _, i in rijen],
                [m for b in bladen for m in b.meldingen], [n for n, _, _ in rijen])
