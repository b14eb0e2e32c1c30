"""A table that comes in as CSV text, as Dutch Excel writes it (comma or semicolon), read with
bounded work: a field or a line too long for a table is refused when it is met, before the csv
module builds a row of it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from contracten.lezen.grenzen import MAXIMUM_KOLOMMEN, MAXIMUM_TEKENS_PER_CEL
from contracten.lezen.tabelpoort import controleer_kop, na_de_kop
from contracten.lezen.werkmap import fout
from contracten.opmaak import getal


def lees_csv(naam: str, tekst: str, titel: str) -> tuple[list[str], Iterator[list[str]]]:
    """Header and rows of a CSV text; the delimiter is the one the header uses (';' from a
    Dutch Excel, ',' otherwise). A line with more than MAXIMUM_KOLOMMEN delimiters is refused
    before the csv module makes a row of it, a field longer than MAXIMUM_TEKENS_PER_CEL
    when it meets it; neither repeats what was refused."""
    einde = tekst.find("\n")
    eerste = tekst if einde < 0 else tekst[:einde]  # not a copy of all the rest
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    csv.field_size_limit(MAXIMUM_TEKENS_PER_CEL)
    regels = _regels(io.StringIO(tekst, newline=""), scheiding, naam, titel)
    lezer = csv.reader(regels, delimiter=scheiding)
    rijen = _rijen(lezer, naam, titel)
    kop = next(rijen, [])
    controleer_kop(naam, kop, titel)
    return kop, na_de_kop(naam, len(kop), rijen, titel)


def _regels(bron: Iterator[str], scheiding: str, naam: str, titel: str) -> Iterator[str]:
    for nummer, regel in enumerate(bron, start=1):
        if regel.count(scheiding) >= MAXIMUM_KOLOMMEN:
            raise fout(naam, f"meer dan {MAXIMUM_KOLOMMEN} kolommen (de grens voor een tabel)",
                       "te_veel_kolommen", titel, regel=nummer)
        yield regel


def _rijen(lezer: Any, naam: str, titel: str) -> Iterator[list[str]]:
    """The rows, with a broken row (a field of megabytes, a NUL) as an input error."""
    while True:
        try:
            rij = next(lezer)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise fout(naam, f"een cel is langer dan {getal(MAXIMUM_TEKENS_PER_CEL)} tekens "
                           "(de grens voor een cel)", "te_lang", titel,
                           regel=lezer.line_num) from None
            raise fout(naam, f"geen geldige csv ({exc})", "csv", titel) from None
        yield rij
