"""Overviews as a spreadsheet people can work with (.xlsx), as a CSV that opens right in Dutch
Excel (`<naam>.csv`) and as plain data for scripts (`<naam>.machine.csv`)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from contracten.weergave.zipschrijver import vaste_zip

EURO = '"€" #,##0.00'
FORMATEN = {"bedrag": EURO, "datum": "dd-mm-yyyy"}


@dataclass(frozen=True)
class Kolom:
    sleutel: str
    kop: str
    soort: Literal["tekst", "bedrag", "ja/nee", "datum"]


@dataclass(frozen=True)
class Blad:
    titel: str
    kolommen: list[Kolom]
    rijen: Iterable[dict[str, Any]]  # gone through twice: a list, or what iterates again
    totaal_van: tuple[str, ...] = ()


def als_xlsx(titel: str, kolommen: list[Kolom], rijen: Iterable[dict[str, Any]], *,
             totaal_van: list[str], tijdstip: dt.date) -> bytes:
    """Amounts as numbers with a euro format, a totals row, filters on the header."""
    return als_werkboek([Blad(titel, kolommen, rijen, tuple(totaal_van))], tijdstip=tijdstip)


def als_werkboek(bladen: list[Blad], *, tijdstip: dt.date) -> bytes:
    """One sheet per Blad, each as `als_xlsx` makes it; the same input gives the same bytes.
    Written row by row (openpyxl's write-only mode): a sheet of 20,000 rows is never a grid of
    cell objects. Each Blad's rows are gone through twice (the column widths come first), so
    they are a list or anything else that can be iterated again."""
    from openpyxl import Workbook  # slow to import; only needed here

    boek = Workbook(write_only=True)
    dimensies = {}
    for nummer, blad in enumerate(bladen, start=1):
        dimensies[f"xl/worksheets/sheet{nummer}.xml"] = _vul_blad(
            boek.create_sheet(blad.titel[:31]), blad)
    vast = dt.datetime.combine(tijdstip, dt.time())
    boek.properties.creator = "contracten"
    boek.properties.created = boek.properties.modified = vast
    buffer = io.BytesIO()
    boek.save(buffer)
    # openpyxl stamps 'modified' with the clock on save; put the fixed time back. The
    # write-only mode leaves out the sheet's dimension (its used range): put it in, as the
    # ordinary mode writes it.
    stempel = vast.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    aanpassen: dict[str, Callable[[bytes], bytes]] = {
        "docProps/core.xml": lambda xml: re.sub(
            rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stempel, xml)}
    for naam, bereik in dimensies.items():
        aanpassen[naam] = functools.partial(_met_dimensie, bereik.encode())
    return vaste_zip(buffer.getvalue(), aanpassen, stroom=set(dimensies))


def _met_dimensie(bereik: bytes, begin: bytes) -> bytes:
    """The start of a sheet's XML with its dimension after the sheet's properties, where the
    ordinary mode puts it."""
    assert b"</sheetPr>" in begin, "openpyxl writes a sheet's properties first"
    return begin.replace(b"</sheetPr>", b"</sheetPr><dimension ref=\"" + bereik + b"\"/>", 1)


def _vul_blad(blad: Any, gegevens: Blad) -> str:
    """Write one sheet, row by row; its used range ('A1:D12', as the ordinary mode names it)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    kolommen, totaal_van = gegevens.kolommen, gegevens.totaal_van
    # First pass: the column widths (from every cell, head and totals included) and totals.
    breedtes = [len(k.kop) for k in kolommen]
    totalen: list[Any] = ["Totaal" if i == 0 else Decimal(0) if k.sleutel in totaal_van
                          else None for i, k in enumerate(kolommen)]
    aantal = 0
    for rij in gegevens.rijen:
        aantal += 1
        for i, k in enumerate(kolommen):
            waarde = _cel(rij[k.sleutel], k)
            breedtes[i] = max(breedtes[i], len(str(waarde or "")))
            if k.sleutel in totaal_van and i and rij[k.sleutel] is not None:
                totalen[i] += rij[k.sleutel]
    if totaal_van:
        breedtes = [max(b, len(str(t or ""))) for b, t in zip(breedtes, totalen, strict=True)]
    for i, breedte in enumerate(breedtes, start=1):
        blad.column_dimensions[get_column_letter(i)].width = min(max(breedte + 2, 12), 60)
    laatste = aantal + 1
    blad.auto_filter.ref = f"A1:{get_column_letter(len(kolommen))}{laatste}"
    blad.freeze_panes = "A2"
    vet = Font(bold=True)

    def cel(waarde: Any, kolom: Kolom | None = None, *, kop: bool = False) -> Any:
        uit = WriteOnlyCell(blad, waarde)
        if kop:
            uit.font = vet
        if kolom is not None and kolom.soort in FORMATEN:
            uit.number_format = FORMATEN[kolom.soort]
        return uit

    blad.append([cel(k.kop, kop=True) for k in kolommen])
    # One cell per column, its format set once, given each row's value: a write-only sheet
    # writes a row as it is appended, so the next row may fill the same cells.
    vormen = [cel(None, k) for k in kolommen]
    for rij in gegevens.rijen:
        for k, vorm in zip(kolommen, vormen, strict=True):
            vorm.value = waarde = _cel(rij[k.sleutel], k)
            if isinstance(waarde, str):  # text from data is never a formula (=HYPERLINK(...))
                vorm.data_type = "s"
        blad.append(vormen)
    if totaal_van:
        blad.append([cel(waarde, k, kop=True)
                     for k, waarde in zip(kolommen, totalen, strict=True)])
    return f"A1:{get_column_letter(len(kolommen))}{laatste + (1 if totaal_van else 0)}"


def _cel(waarde: Any, kolom: Kolom) -> Any:
    if kolom.soort == "ja/nee":
        return "ja" if waarde else "nee"
    return waarde  # Decimal stays an exact number in the sheet; None stays empty


def _geen_formule(tekst: str) -> str:
    """A spreadsheet opening the CSV must not run a formula that came in as a name: not at the
    start of the cell, nor after a ';' or tab, where Dutch Excel (which splits on ';') or
    another program would start a new cell."""
    tekst = re.sub(r"([;\t\r\n]\s*)([=+\-@])", r"\1'\2", tekst)
    return "'" + tekst if tekst[:1] in ("=", "+", "-", "@", "\t", "\r") else tekst


def getal(waarde: Any) -> str:
    """A number as plain digits with a decimal point, never in exponent notation: an amount
    of Decimal('1E+6') as 1000000, not 1E+6 (which a spreadsheet or script may read as text
    or as a formula)."""
    if isinstance(waarde, float):
        waarde = Decimal(repr(waarde))
    return format(waarde, "f") if isinstance(waarde, Decimal) else str(waarde)


MACHINE = "machine.csv"  # the format (and extension) of the CSV for scripts


def csv_bestanden(kolommen: list[Kolom], rijen: Iterable[dict[str, Any]]
                  ) -> list[tuple[str, bytes]]:
    """The two CSVs of an overview, as (formaat, inhoud): for people, `csv` (`als_excel_csv`),
    and for scripts, `machine.csv` (`als_csv`)."""
    return [("csv", als_excel_csv(kolommen, rijen)), (MACHINE, als_csv(kolommen, rijen))]


def als_excel_csv(kolommen: list[Kolom], rijen: Iterable[dict[str, Any]]) -> bytes:
    """For Dutch Excel, which splits on ';' and reads '1234,56' and '31-12-2026': separated by
    semicolons, UTF-8 with a byte-order mark (else Excel reads 'Coöperatie' as ANSI), the
    column names people read, amounts with a decimal comma (no thousands separator), dates
    as dd-mm-jjjj, ja/nee; text never starts a formula."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([k.kop for k in kolommen])
    for rij in rijen:
        schrijver.writerow(["" if rij[k.sleutel] is None else
                            ("ja" if rij[k.sleutel] else "nee") if k.soort == "ja/nee" else
                            rij[k.sleutel].strftime("%d-%m-%Y") if k.soort == "datum" else
                            _geen_formule(str(rij[k.sleutel])) if k.soort == "tekst" else
                            getal(rij[k.sleutel]).replace(".", ",") for k in kolommen])
    return buffer.getvalue().encode("utf-8-sig")


def als_csv(kolommen: list[Kolom], rijen: Iterable[dict[str, Any]]) -> bytes:
    """For scripts: UTF-8, comma-separated, the column keys, amounts with a decimal point and
    ISO dates (like the JSON)."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, lineterminator="\n")
    schrijver.writerow([k.sleutel for k in kolommen])
    for rij in rijen:
        schrijver.writerow(["" if rij[k.sleutel] is None else
                            ("true" if rij[k.sleutel] else "false") if k.soort == "ja/nee" else
                            rij[k.sleutel].isoformat() if k.soort == "datum" else
                            _geen_formule(str(rij[k.sleutel])) if k.soort == "tekst" else
                            getal(rij[k.sleutel]) for k in kolommen])
    return buffer.getvalue().encode("utf-8")
