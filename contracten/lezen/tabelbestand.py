"""A table that comes in as a file: CSV as Dutch Excel writes it (comma or semicolon), or the
first sheet of an .xlsx workbook. Either way: a header and rows of text, so one set of checks
reads both. Dates as people type them: 2026-12-31 or 31-12-2026. Every file within the limits
of `grenzen`, checked before it is unpacked or read further (`werkmap`, `csvbestand`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from contracten.fouten import InvoerFout, Melding, os_reden
from contracten.lezen.csvbestand import lees_csv
from contracten.lezen.grenzen import MAXIMUM_BESTAND, MAXIMUM_RIJEN_WERKBOEK, megabytes
from contracten.lezen.tabelpoort import KOP_BSN, bsn_in_rij, controleer_naam
from contracten.lezen.werkmap import CSV_OF_XLSX, fout, is_werkmap
from contracten.lezen.werkmaplezer import lees_xlsx, open_boek, rijen
from contracten.privacy import bevat_bsn
from contracten.tijd import lees_datum as lees_datum  # where it is imported from elsewhere


@dataclass(frozen=True)
class Invoerbestand:
    """A file's name (for messages and the manifest) and its bytes: from disk or from stdin."""

    naam: str
    inhoud: bytes

    @classmethod
    def van_stroom(cls, naam: str, stroom: IO[bytes]) -> Invoerbestand:
        """Read from a stream (stdin) no more than one byte past MAXIMUM_BESTAND, so that a
        stream without end is refused, not read into memory."""
        return cls(naam, stroom.read(MAXIMUM_BESTAND + 1))


BSN_PROFIEL = "bevat een BSN (9 cijfers die de elfproef halen); gebruik geen persoonsgegevens"


def _te_groot(naam: str, titel: str) -> InvoerFout:
    return fout(naam, f"groter dan {megabytes(MAXIMUM_BESTAND)} (de grens voor een "
                "invoerbestand)", "te_groot", titel)


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
    workbook, passes a limit (see `grenzen`) or holds a BSN anywhere (every sheet, hidden or
    not, its title, header and cells; comments, text boxes, properties)."""
    controleer_naam(pad.name, "Werkboek niet ingelezen; er is niets gewijzigd", excel=False)
    titel = f"Werkboek {pad.name} niet ingelezen; er is niets gewijzigd"
    try:
        if pad.stat().st_size > MAXIMUM_BESTAND:
            raise _te_groot(pad.name, titel)
        inhoud = pad.read_bytes()
    except OSError as exc:
        raise fout(pad.name, f"bestand kan niet worden gelezen: {os_reden(exc)}", "onleesbaar",
                   titel) from None
    boek, plekken = open_boek(pad.name, inhoud, titel, excel=False,
                              maximum_rijen=MAXIMUM_RIJEN_WERKBOEK)
    uit: dict[str, list[tuple[Any, ...]]] = {}
    meldingen: list[Melding] = []
    try:
        for blad in boek.worksheets:
            plek = plekken.get(blad.title, pad.name)
            lijst = list(rijen(blad, plek, titel))
            kop = [str(c).strip() if c is not None else "" for c in (lijst[0] if lijst else ())]
            meldingen += bsn_in_rij(plek, 1, lijst[0] if lijst else (), [], excel=False,
                                    bericht=KOP_BSN)
            for nummer, rij in enumerate(lijst[1:], start=2):
                meldingen += bsn_in_rij(plek, nummer, rij, kop, excel=False, bericht=BSN_PROFIEL)
            uit[blad.title] = lijst
    finally:
        boek.close()
    if meldingen:
        raise InvoerFout(meldingen, titel)
    return uit


def lees_tabel(invoer: Invoerbestand, titel: str) -> tuple[list[str], Iterator[list[str]]]:
    """Header and rows of a CSV (comma or semicolon, UTF-8) or of an .xlsx's first sheet, all
    cells as text; InvoerFout (headed `titel`) for a file that is neither (an .xls or .ods:
    how to save it as .xlsx), that passes a limit (see `grenzen`), or whose name or header
    holds a BSN."""
    controleer_naam(invoer.naam, titel, excel=True)
    if len(invoer.inhoud) > MAXIMUM_BESTAND:
        raise _te_groot(invoer.naam, titel)
    if is_werkmap(invoer.inhoud):
        return lees_xlsx(invoer.naam, invoer.inhoud, titel)
    try:
        tekst = invoer.inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise fout(invoer.naam, f"bestand is geen UTF-8-tekst; sla het op als CSV UTF-8 of als "
                   f"Excel-werkmap (.xlsx); {CSV_OF_XLSX}", "codering", titel) from None
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
