"""Table columns that fit their content: every column at least as wide as its longest piece
that may not break over two lines (a word, an amount with its €, a number with its %), so Word
and LibreOffice never split "productcategorie" or "€ 1.480.250,00". Widths are estimated by
`lettermaten`. A table that already fits keeps the widths its template or builder gave it; one
that does not gets each column its minimum and shares the rest of the text width in the
proportions it had. Short rows are kept on one page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from lxml import etree

from contracten.weergave.alineaopmaak import CELMARGE, Opmaak, letter, marges
from contracten.weergave.kolomverdeling import verdeel
from contracten.weergave.lettermaten import (
    breedte,
    onbreekbare_stukken,
    stukken_met_plek,
    tekenbreedte,
)
from contracten.weergave.tabelindeling import kort, niet_splitsen, rijtekst, vaste_indeling

__all__ = ["Opmaak", "breedte", "minimale_breedtes", "onbreekbare_stukken", "pas_aan", "verdeel"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEKSTBREEDTE = 9072  # twips: 16 cm of text on A4 with 2.5 cm margins, when a body says nothing
RUIMTE = 1.04  # 4 % to spare on every estimate …
SPEELRUIMTE = 40  # … and a little for the borders
Stukken = tuple[tuple[str, float, bool], ...]  # a paragraph's runs' text, size and boldness


def nodig(stuk: int, inspringen: int = 0, marges: int = 2 * CELMARGE) -> int:
    """The width a column needs for a piece `stuk` twips wide."""
    return math.ceil(stuk * RUIMTE) + inspringen + marges + SPEELRUIMTE


def _alinea_nodig(p: Any, opmaak: Opmaak) -> int:
    """The width the widest unbreakable piece of paragraph `p` needs, with its indent."""
    stukken, stijl = alinea_stukken(p, opmaak)
    return nodig_voor(stukken, opmaak.inspringen(p, stijl))


def nodig_voor(stukken: Stukken, inspringen: int) -> int:
    """`_alinea_nodig` of a paragraph measured as `stukken` with indent `inspringen`."""
    breedst = _breedst(stukken)
    if not breedst:
        return 0
    return nodig(math.ceil(breedst), inspringen, marges=0)


def alinea_stukken(p: Any, opmaak: Opmaak) -> tuple[Stukken, Any]:
    """What `_alinea_nodig` measures of paragraph `p`: its runs' pieces as (text, size, bold),
    and its paragraph style (for its indent)."""
    stijl_el = p.find(f"{W}pPr/{W}pStyle")
    stijl = opmaak.stijl(stijl_el.get(f"{W}val") if stijl_el is not None else None)
    grootte = stijl.grootte or opmaak.standaard_grootte
    stukken: list[tuple[str, float, bool]] = []  # (text, size, bold)
    for r in p.iter(f"{W}r"):
        eigen_grootte, eigen_vet = letter(r)
        r_grootte = eigen_grootte if eigen_grootte is not None else grootte
        r_vet = eigen_vet if eigen_vet is not None else bool(stijl.vet)
        for kind in r:
            if kind.tag == f"{W}t":
                stukken.append((kind.text or "", r_grootte, r_vet))
            elif kind.tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                stukken.append(("99", r_grootte * 0.65, r_vet))  # a superscript number
            elif kind.tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                stukken.append((" ", r_grootte, r_vet))
    return tuple(stukken), stijl


@lru_cache(maxsize=8192)  # cells repeat: labels, units, dates
def _breedst(stukken: Stukken) -> float:
    """The width of the widest unbreakable piece of a paragraph given as (text, size, bold)
    runs, in twips."""
    breedtes = [tekenbreedte(teken, vet) * schaal / 50
                for tekst, schaal, vet in stukken for teken in tekst]  # twips per character
    return max((sum(breedtes[begin:begin + len(stuk)])
                for begin, stuk in stukken_met_plek("".join(t for t, _, _ in stukken))),
               default=0.0)


def pas_aan(body: Any, opmaak: Opmaak, beschikbaar: int | None = None, *,
            onthouden: bool = True) -> None:
    """Give every table of `body` (not tables nested in a cell) columns that fit its content,
    and keep each short row on one page. `beschikbaar`: the text width in twips, by default
    that of the body's own section. `onthouden` False: a table's minima are not looked up or
    kept per table (its rows' still are), for a caller that keeps the fitted table itself."""
    if beschikbaar is None:
        beschikbaar = tekstbreedte(body)
    for tbl in list(body.iter(f"{W}tbl")):
        if any(voorouder.tag == f"{W}tc" for voorouder in tbl.iterancestors()):
            continue
        pas_tabel_aan(tbl, opmaak, beschikbaar,
                      None if onthouden else minimale_breedtes(tbl, opmaak))


def pas_tabel_aan(tbl: Any, opmaak: Opmaak, beschikbaar: int,
                  minima: list[int] | None = None) -> None:
    """`pas_aan` of one table; `minima`: those of the whole table, of which `tbl` has rows."""
    _pas_tabel_aan(tbl, opmaak, beschikbaar, minima)
    for tr in tbl.iterchildren(f"{W}tr"):
        if kort(rijtekst(tr)):
            niet_splitsen(tr)


def minimale_breedtes(tbl: Any, opmaak: Opmaak) -> list[int]:
    """Per grid column of `tbl`: the width its widest unbreakable piece needs, cell margins
    included."""
    kolommen = tbl.findall(f"{W}tblGrid/{W}gridCol")
    links, rechts = cel_marges(tbl, opmaak)
    rijen = []
    for tr in tbl.iterchildren(f"{W}tr"):
        # A row's cells depend on its own XML alone: most rows repeat from table to table.
        sleutel = (etree.tostring(tr), links, rechts)
        cellen = opmaak.rijen.get(sleutel)
        if cellen is None:
            cellen = opmaak.rijen[sleutel] = _cellen(tr, opmaak, links + rechts)
        rijen.append(cellen)
    return minima_van(rijen, len(kolommen))


def minima_van(rijen: Iterable[Iterable[tuple[int, int, int]]], aantal: int) -> list[int]:
    """`minimale_breedtes` of a table of `aantal` grid columns whose rows' cells need
    (first grid column, span, width)."""
    minima = [0] * aantal
    breed: list[tuple[int, int, int]] = []  # cells spanning columns: (first, span, need)
    for cellen in rijen:
        for kolom, span, behoefte in cellen:
            if span == 1 and kolom < len(minima):
                minima[kolom] = max(minima[kolom], behoefte)
            elif span > 1:
                breed.append((kolom, span, behoefte))
    for eerste, span, behoefte in breed:
        tekort = behoefte - sum(minima[eerste:eerste + span])
        for i in range(eerste, min(eerste + span, len(minima))):
            minima[i] += max(tekort, 0) // span + 1 if tekort > 0 else 0
    return minima


def _cellen(tr: Any, opmaak: Opmaak, marge: int) -> tuple[tuple[int, int, int], ...]:
    """(first grid column, span, width needed) of each cell of row `tr`."""
    uit = []
    for kolom, span, tc in celindeling(tr):
        uit.append((kolom, span, cel_nodig(
            (_alinea_nodig(p, opmaak) for p in tc.iterchildren(f"{W}p")), marge)))
    return tuple(uit)


def cel_nodig(alineas: Iterable[int], marge: int) -> int:
    """The width a cell needs: its widest paragraph's (`alineas`) with the cell's margins; 0
    for a cell without text."""
    behoefte = max(alineas, default=0)
    return behoefte + marge if behoefte else 0


def celindeling(tr: Any) -> Iterator[tuple[int, int, Any]]:
    """(first grid column, span, cell) of each cell of row `tr`."""
    kolom = 0
    voor = tr.find(f"{W}trPr/{W}gridBefore")
    if voor is not None and voor.get(f"{W}val", "").isdigit():
        kolom = int(voor.get(f"{W}val"))
    for tc in tr.iterchildren(f"{W}tc"):
        span_el = tc.find(f"{W}tcPr/{W}gridSpan")
        span = int(span_el.get(f"{W}val")) if span_el is not None else 1
        yield kolom, span, tc
        kolom += span


def _minima(tbl: Any, opmaak: Opmaak) -> list[int]:
    """`minimale_breedtes`, remembered per table content for the documents of one template:
    most tables are the same for every aanbieder."""
    sleutel = etree.tostring(tbl)
    minima = opmaak.minima.get(sleutel)
    if minima is None:
        minima = opmaak.minima[sleutel] = minimale_breedtes(tbl, opmaak)
    return list(minima)


def _pas_tabel_aan(tbl: Any, opmaak: Opmaak, beschikbaar: int, minima: list[int] | None
                   ) -> None:
    kolommen = tbl.findall(f"{W}tblGrid/{W}gridCol")
    if not kolommen:
        return
    huidig = [int(k.get(f"{W}w", "0") or 0) for k in kolommen]
    beschikbaar = tabel_beschikbaar(tbl, beschikbaar)
    nieuw = verdeel(huidig, _minima(tbl, opmaak) if minima is None else minima, beschikbaar)
    for kolom, b in zip(kolommen, nieuw, strict=True):
        kolom.set(f"{W}w", str(b))
    for tr in tbl.iterchildren(f"{W}tr"):
        kolom = 0
        for tc in tr.iterchildren(f"{W}tc"):
            span_el = tc.find(f"{W}tcPr/{W}gridSpan")
            span = int(span_el.get(f"{W}val")) if span_el is not None else 1
            tc_pr = tc.find(f"{W}tcPr")
            if tc_pr is None:
                tc_pr = etree.Element(f"{W}tcPr")
                tc.insert(0, tc_pr)
            tc_w = tc_pr.find(f"{W}tcW")
            if tc_w is None:
                tc_w = etree.Element(f"{W}tcW")
                span_na = tc_pr.find(f"{W}cnfStyle")
                tc_pr.insert(1 if span_na is not None else 0, tc_w)
            tc_w.set(f"{W}w", str(sum(nieuw[kolom:kolom + span])))
            tc_w.set(f"{W}type", "dxa")
            kolom += span
    vaste_indeling(tbl)


def tabel_beschikbaar(tbl: Any, beschikbaar: int) -> int:
    """The width table `tbl` may take of the text width `beschikbaar`: less its indent."""
    ind = tbl.find(f"{W}tblPr/{W}tblInd")
    if ind is not None and (ind.get(f"{W}w") or "").lstrip("-").isdigit():
        beschikbaar -= int(ind.get(f"{W}w"))
    return beschikbaar


def cel_marges(tbl: Any, opmaak: Opmaak) -> tuple[int, int]:
    """The left and right margins of the cells of `tbl`."""
    eigen = marges(tbl.find(f"{W}tblPr/{W}tblCellMar"))
    if eigen is not None:
        return eigen
    stijl = tbl.find(f"{W}tblPr/{W}tblStyle")
    if stijl is not None and stijl.get(f"{W}val") in opmaak.cel_marges:
        return opmaak.cel_marges[stijl.get(f"{W}val")]
    return CELMARGE, CELMARGE


def tekstbreedte(body: Any) -> int:
    """The width between the margins of the body's (last) section, in twips."""
    sect = body.find(f"{W}sectPr")
    if sect is None:
        return TEKSTBREEDTE
    grootte, marge = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    try:
        return (int(grootte.get(f"{W}w")) - int(marge.get(f"{W}left"))
                - int(marge.get(f"{W}right")) - int(marge.get(f"{W}gutter", "0")))
    except (AttributeError, TypeError, ValueError):
        return TEKSTBREEDTE
