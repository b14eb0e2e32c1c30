"""A table that comes in as a file: CSV as Dutch Excel writes it (comma or semicolon), or the
first sheet of an .xlsx workbook. Either way: a header and rows of text, so one set of checks
reads both. Dates as people type them: 2026-12-31 or 31-12-2026."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from contracten import tijd
from contracten.fouten import InvoerFout, Melding
from contracten.privacy import bevat_bsn

MAXIMUM_VELD = 10_000  # what the csv module reads as one field before it gives up
ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class Invoerbestand:
    """A file's name (for messages and the manifest) and its bytes: from disk or from stdin."""

    naam: str
    inhoud: bytes


def is_xlsx(bestand: Invoerbestand) -> bool:
    return bestand.inhoud.startswith(ZIP)


def lees_csv(naam: str, tekst: str, titel: str) -> tuple[list[str], Iterator[list[str]]]:
    """Header and rows of a CSV text; the delimiter is the one the header uses (';' from a
    Dutch Excel, ',' otherwise)."""
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    csv.field_size_limit(MAXIMUM_VELD)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    rijen = _rijen(lezer, naam, titel)
    return next(rijen, []), rijen


def _rijen(lezer: Iterator[list[str]], naam: str, titel: str) -> Iterator[list[str]]:
    """The rows, with a broken row (a field of megabytes, a NUL) as an input error."""
    while True:
        try:
            rij = next(lezer)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InvoerFout([Melding(naam, None, "", f"geen geldige csv ({exc})", "csv")],
                             titel) from None
        yield rij


def lees_xlsx(bestand: Invoerbestand, titel: str) -> tuple[list[str], Iterator[list[str]]]:
    """Header and rows of the workbook's first sheet, every cell as text (a date as
    JJJJ-MM-DD, a whole number without decimals, an empty cell as '')."""
    from openpyxl import load_workbook  # slow to import; only needed here

    try:
        boek = load_workbook(io.BytesIO(bestand.inhoud), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InvoerFout([Melding(bestand.naam, None, "", f"geen leesbaar Excel-bestand ({exc})",
                                  "xlsx")], titel) from None
    blad: Any = boek.worksheets[0]
    rijen = ([_als_tekst(cel) for cel in rij] for rij in blad.iter_rows(values_only=True))
    return next(rijen, []), rijen


def _als_tekst(cel: object) -> str:
    if cel is None:
        return ""
    if isinstance(cel, dt.datetime):
        return cel.date().isoformat()
    if isinstance(cel, dt.date):
        return cel.isoformat()
    if isinstance(cel, float) and cel.is_integer():
        return str(int(cel))
    return str(cel)


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NL = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


def lees_datum(tekst: str) -> dt.date:
    """2026-12-31 or 31-12-2026 (also 1-2-2027), in the years `tijd.BEREIK`; anything else
    raises `tijd.OngeldigeDatum` (a ValueError) with a Dutch message and its code."""
    m = _ISO.fullmatch(tekst)
    n = None if m else _NL.fullmatch(tekst)
    try:
        datum = (dt.date(int(m[1]), int(m[2]), int(m[3])) if m
                 else dt.date(int(n[3]), int(n[2]), int(n[1])) if n else None)
    except ValueError:
        datum = None
    if datum is None:
        raise tijd.OngeldigeDatum(f"'{tekst}' is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)", "datum")
    if not tijd.binnen_bereik(datum):
        raise tijd.OngeldigeDatum(f"'{tekst}' ligt buiten {tijd.BEREIK}", "datum_buiten_bereik")
    return datum


_GETAL = re.compile(r"[-+]?\d+(\.\d+)?")


def lees_getal(waarde: object) -> Decimal:
    """A number from a spreadsheet cell, exact: a number cell, or text as Dutch Excel writes it
    ('1.234.567,89', '€ 1.480.250,00', '4,96') or with a decimal point ('1234567.89').
    ValueError for anything else."""
    if isinstance(waarde, bool):
        raise ValueError(waarde)
    if isinstance(waarde, int):
        return Decimal(waarde)
    if isinstance(waarde, float):
        return Decimal(repr(waarde))  # the shortest text that is this float: 0.1, not 0.1000…
    tekst = re.sub(r"[\s\u00a0€]", "", str(waarde))
    if "," in tekst:
        tekst = tekst.replace(".", "").replace(",", ".")
    elif tekst.count(".") > 1:
        tekst = tekst.replace(".", "")  # thousands separators only
    if not _GETAL.fullmatch(tekst):
        raise ValueError(waarde)
    return Decimal(tekst)


def lees_werkboek(pad: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet of an .xlsx file: its rows of cell values as Excel stored them (numbers,
    dates, text), formulas by their last computed value. InvoerFout for a file that is no
    workbook."""
    from openpyxl import load_workbook  # slow to import; only needed here

    try:
        boek = load_workbook(pad, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InvoerFout([Melding(pad.name, None, "", f"geen leesbaar Excel-bestand ({exc})",
                                  "xlsx")], "Ongeldig werkboek") from None
    try:
        return {blad.title: list(blad.iter_rows(values_only=True)) for blad in boek.worksheets}
    finally:
        boek.close()


def lees_tabel(invoer: Invoerbestand, titel: str) -> tuple[list[str], Iterator[list[str]]]:
    """Header and rows of a CSV (comma or semicolon, UTF-8) or of an .xlsx's first sheet, all
    cells as text; InvoerFout (headed `titel`) for a file that is neither."""
    if is_xlsx(invoer):
        return lees_xlsx(invoer, titel)
    try:
        tekst = invoer.inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvoerFout([Melding(invoer.naam, None, "", "bestand is geen UTF-8-tekst; sla het "
                                  "op als CSV UTF-8 of als Excel-werkmap (.xlsx)", "codering")],
                         titel) from None
    return lees_csv(invoer.naam, tekst, titel)


def rijen_zonder_personen(naam: str, kop: list[str], rijen: Iterator[list[str]],
                          meldingen: list[Melding], *, maximum: int,
                          inhoud: str) -> Iterator[tuple[int, dict[str, str]]]:
    """The non-empty rows of a table that holds no personal data, each as {column: text} with
    its line number. A row with a BSN (the file holds `inhoud`: "indexcijfers") and the rows
    after the first `maximum` become messages in `meldingen` instead."""
    for nummer, rij in enumerate(rijen, start=2):
        if nummer > maximum + 1:
            meldingen.append(Melding(naam, nummer, "", f"meer dan {maximum} rijen",
                                     "te_veel_rijen"))
            return
        waarden = {k: (rij[i].strip() if i < len(rij) else "") for i, k in enumerate(kop)}
        if not any(waarden.values()):
            continue
        if any(bevat_bsn(w, excel=True) for w in waarden.values()):
            meldingen.append(Melding(naam, nummer, "", "bevat een BSN (9 cijfers die de "
                                     f"elfproef halen); dit bestand bevat alleen {inhoud}",
                                     "bsn"))
            continue
        yield nummer, waarden
