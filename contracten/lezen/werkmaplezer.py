"""A workbook opened for reading only after every check passed (`werkmap`, `werkmapscan`), its
rows read as a stream, and the privacy gate (`tabelpoort`) on what it holds: every sheet's
title and cells (hidden sheets too), and what `werkmapscan` found outside the cells."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Iterator
from typing import Any

from contracten.fouten import InvoerFout, Melding
from contracten.lezen.grenzen import MAXIMUM_RIJEN, MAXIMUM_TEKENS_PER_CEL
from contracten.lezen.tabelpoort import BSN, bsn_in_rij, controleer_kop, kolomletter, na_de_kop
from contracten.lezen.werkmap import (
    ALLEEN_XLSX,
    CSV_OF_XLSX,
    ONLEESBAAR,
    bladen,
    boekdeel,
    fout,
    open_werkmap,
    reden,
)
from contracten.lezen.werkmapscan import controleer_xml, scan
from contracten.opmaak import getal
from contracten.privacy import bevat_bsn

ALLEEN_PERSONEN = "; dit blad wordt niet gelezen, maar ook daar hoort geen BSN"


def open_boek(naam: str, inhoud: bytes, titel: str, *, excel: bool, maximum_rijen: int,
              aanvaard: str = ALLEEN_XLSX) -> tuple[Any, dict[str, str]]:
    """The workbook (openpyxl, read-only) and how messages name each of its sheets, after every
    check; InvoerFout with every BSN outside the cells, or at the first limit passed."""
    werkmap = open_werkmap(naam, inhoud, titel, aanvaard)
    rels = [p for p in werkmap.xml if p.endswith(".rels")]
    try:
        controleer_xml(werkmap, rels, titel)
        boek = boekdeel(werkmap.archief)
        controleer_xml(werkmap, [boek], titel)
        lijst = bladen(werkmap, excel=excel)
    except (*ONLEESBAAR, SyntaxError) as exc:  # ElementTree's ParseError is a SyntaxError
        raise fout(naam, f"geen leesbaar Excel-bestand{reden(exc)}", "xlsx", titel) from None
    meldingen = [Melding(naam, None, f"blad {b.nummer}", "de naam van het blad bevat een BSN; "
                         "geef het blad een andere naam", "bsn")
                 for b in lijst if bevat_bsn(b.titel, excel=excel)]
    overige = [p for p in werkmap.xml if p not in rels]
    meldingen += scan(werkmap, lijst, overige, titel, excel=excel, maximum_rijen=maximum_rijen)
    if meldingen:
        raise InvoerFout(meldingen, titel)
    from openpyxl import load_workbook  # slow to import; only needed here

    try:
        with warnings.catch_warnings():  # openpyxl's warnings may name a sheet; ours say enough
            warnings.simplefilter("ignore")
            geopend = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True,
                                    keep_links=False)
    except Exception as exc:  # anything a broken part makes openpyxl raise
        raise fout(naam, f"geen leesbaar Excel-bestand{reden(exc)}", "xlsx", titel) from None
    plekken: dict[str, str] = {}
    for b in lijst:
        plekken.setdefault(b.titel, b.plek)
    return geopend, plekken


def rijen(blad: Any, plek: str, titel: str) -> Iterator[tuple[Any, ...]]:
    """The rows of a sheet as openpyxl reads them, without the empty cells at their end (not
    padded to the width the sheet claims); a cell longer than MAXIMUM_TEKENS_PER_CEL is an
    InvoerFout."""
    blad.reset_dimensions()  # the sheet's stated size may lie; `werkmapscan` counted the real
    bron = blad.iter_rows(values_only=True)
    nummer = 0
    while True:
        nummer += 1
        try:
            rij = next(bron)
        except StopIteration:
            return
        except Exception as exc:  # a cell openpyxl cannot read (a number that is none)
            raise fout(plek, f"geen leesbaar Excel-bestand{reden(exc)}", "xlsx", titel,
                       regel=nummer) from None
        lengte = len(rij)
        while lengte and rij[lengte - 1] is None:
            lengte -= 1
        for kolom, waarde in enumerate(rij[:lengte], start=1):
            if isinstance(waarde, str) and len(waarde) > MAXIMUM_TEKENS_PER_CEL:
                raise InvoerFout([Melding(plek, nummer, f"kolom {kolomletter(kolom)}",
                                          f"langer dan {getal(MAXIMUM_TEKENS_PER_CEL)} tekens "
                                          "(de grens voor een cel)", "te_lang")], titel)
        yield rij[:lengte]


def als_tekst(cel: object) -> str:
    """A cell as text: a date as JJJJ-MM-DD, a whole number without decimals, empty as ''."""
    if cel is None:
        return ""
    if isinstance(cel, dt.datetime):
        return cel.date().isoformat()
    if isinstance(cel, dt.date):
        return cel.isoformat()
    if isinstance(cel, float) and cel.is_integer():
        return str(int(cel))
    return str(cel)


def lees_xlsx(naam: str, inhoud: bytes, titel: str) -> tuple[list[str], Iterator[list[str]]]:
    """Header and rows of the workbook's first sheet, every cell as text (a date as
    JJJJ-MM-DD, a whole number without decimals, an empty cell as ''); a row as wide as the
    header or as its last value. The other sheets, hidden ones too, are not read but looked at
    for a BSN: the privacy gate covers the whole file."""
    boek, plekken = open_boek(naam, inhoud, titel, excel=True, maximum_rijen=MAXIMUM_RIJEN,
                              aanvaard=CSV_OF_XLSX)
    if not boek.worksheets:
        raise fout(naam, "de werkmap heeft geen blad met cellen", "xlsx", titel)
    meldingen: list[Melding] = []
    for blad in boek.worksheets[1:]:
        plek = plekken.get(blad.title, naam)
        for nummer, rij in enumerate(rijen(blad, plek, titel), start=1):
            meldingen += bsn_in_rij(plek, nummer, rij, [], excel=True,
                                   bericht=BSN + ALLEEN_PERSONEN)
    if meldingen:
        raise InvoerFout(meldingen, titel)
    tekst = ([als_tekst(cel) for cel in rij]
             for rij in rijen(boek.worksheets[0], naam, titel))
    kop = next(tekst, [])
    controleer_kop(naam, kop, titel)
    breed = (rij + [""] * (len(kop) - len(rij)) for rij in tekst)
    return kop, na_de_kop(naam, len(kop), breed, titel)
