"""The privacy gate for a table or workbook a user gives: its name, its header and every cell
that no caller reads (beyond the header, on another sheet) are looked at for a BSN. No message
repeats a value that holds one; it says where (sheet, row, column), never what."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contracten.fouten import InvoerFout, Melding
from contracten.privacy import bevat_bsn

BSN = "bevat een BSN (9 cijfers die de elfproef halen)"
KOP_BSN = "de kop bevat een BSN; gebruik alleen de kolomnamen die de handleiding noemt"


def kolomletter(nummer: int) -> str:
    """3 as 'C', 28 as 'AB': a column as a spreadsheet names it."""
    letters = ""
    while nummer > 0:
        nummer, rest = divmod(nummer - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def kolomnummer(cel: str | None, anders: int) -> int:
    """'AB12' as 28; `anders` for a reference that names no column."""
    letters = (cel or "").rstrip("0123456789")
    if not letters or len(letters) > 3 or not letters.isalpha() or not letters.isascii():
        return anders
    nummer = 0
    for letter in letters.upper():
        nummer = nummer * 26 + ord(letter) - ord("A") + 1
    return nummer


def controleer_naam(naam: str, titel: str, *, excel: bool) -> None:
    """A file's name goes into messages and the manifest: never one with a BSN."""
    if bevat_bsn(naam, excel=excel):
        raise InvoerFout([Melding("invoerbestand", None, "naam", "de bestandsnaam bevat een "
                                  "BSN; geef het bestand een andere naam", "bsn")], titel)


def heeft_bsn(waarde: object, *, excel: bool) -> bool:
    """Whether a cell's value holds a BSN: text, or a whole number (a BSN typed as a number).
    A number with a fraction (an amount such as 4755010.81), a date or a yes/no never does."""
    if isinstance(waarde, bool) or waarde is None:
        return False
    if isinstance(waarde, int):
        return bevat_bsn(str(waarde), excel=excel)
    if isinstance(waarde, float):
        return waarde.is_integer() and bevat_bsn(str(int(waarde)), excel=excel)
    return isinstance(waarde, str) and bevat_bsn(waarde, excel=excel)


def bsn_in_rij(plek: str, nummer: int, rij: tuple[Any, ...] | list[Any], kop: list[str], *,
               excel: bool, vanaf: int = 0, bericht: str = BSN) -> list[Melding]:
    """A message for each cell of `rij` from column `vanaf` (0-based) that holds a BSN, named
    by its column letter and, when the header is fit to show, the header."""
    uit = []
    for i, waarde in enumerate(rij[vanaf:], start=vanaf):
        if heeft_bsn(waarde, excel=excel):
            naam = kop[i] if i < len(kop) else ""
            veld = f"kolom {kolomletter(i + 1)}" + (f" ({naam})" if naam and not bevat_bsn(
                naam, excel=excel) else "")
            uit.append(Melding(plek, nummer, veld, bericht, "bsn"))
    return uit


def controleer_kop(naam: str, kop: list[str], titel: str) -> None:
    """A header is echoed in messages ('onbekende kolom ...'): never one with a BSN."""
    meldingen = bsn_in_rij(naam, 1, kop, [], excel=True, bericht=KOP_BSN)
    if meldingen:
        raise InvoerFout(meldingen, titel)


def na_de_kop(naam: str, breedte: int, rijen: Iterator[list[str]], titel: str
              ) -> Iterator[list[str]]:
    """The rows after the header; a cell beyond the header's columns (which no caller reads)
    is still looked at for a BSN."""
    for nummer, rij in enumerate(rijen, start=2):
        if len(rij) > breedte and (meldingen := bsn_in_rij(naam, nummer, rij, [], excel=True,
                                                           vanaf=breedte)):
            raise InvoerFout(meldingen, titel)
        yield rij
