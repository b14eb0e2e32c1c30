"""A table of thousands of rows (the overview that lists every aanbieder) processed a few hundred
rows at a time, so that its Word XML is never one element tree: at 5,000 rows that tree alone
was some 50 MB, at 20,000 four times as much. The result is byte for byte what the whole-table
way makes (`Blokgeheugen._verwerk`): the column widths come from the minima of all rows, each
row gets what it would get in the whole table, and the pieces' XML is what the whole table
serialises to, as every piece is parsed under the same body start tag.

Only a plain table takes this way: one table, nothing nested, no cell spanning columns, no
field, bookmark, drawing, footnote, link or heading; anything else goes the whole way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from contracten.weergave import inhoudsopgave, tabelbreedte
from contracten.weergave.markdownblok import rijen_van, tabelregels
from contracten.weergave.tekstversie import Onderdeel, tabeldeel

VANAF = 1_000  # rows from which a table is processed in pieces
PER_STUK = 250  # rows per piece
STRIKT = etree.XMLParser(recover=False, huge_tree=True, resolve_entities=False, no_network=True)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RIJ = re.compile(r"<w:tr[ >]")
# What needs the whole table or the whole document: left to the whole way.
_NIET = ("docPr", "fldChar", "fldSimple", "bookmarkStart", "footnoteReference", "endnoteReference",
         "r:id=", "gridSpan", "<w:sdt", "customXml", "outlineLvl")


def in_stukken(kop: str, xml: str, opmaak: tabelbreedte.Opmaak, beschikbaar: int,
               stijlen: dict[str, str], kopstijlen: str
               ) -> tuple[str, Onderdeel, int] | None:
    """A block `xml` (docxtpl's clean-up done) that is one large plain table: its XML as the
    body holds it, its part for the twin and its highest bookmark id (0); None for any other
    block, which the caller processes whole."""
    if not xml.startswith("<w:tbl") or not xml.endswith("</w:tbl>") \
            or xml.count("<w:tr") < VANAF:
        return None
    begin = _RIJ.search(xml)
    if begin is None or any(teken in xml for teken in _NIET) \
            or xml.find("<w:tbl>", begin.start()) >= 0 or xml.find("<w:tbl ", begin.start()) >= 0:
        return None  # see above; and a table in a cell
    kopdeel = xml[:begin.start()]
    grenzen = _grenzen(xml, begin.start())
    if len(grenzen) <= VANAF:
        return None
    einde = "</w:tbl>"
    minima: list[int] | None = None
    for tbl in _stukken(kop, kopdeel, xml, grenzen, einde):
        if inhoudsopgave.kandidaten(tbl.getparent(), stijlen, None, kopstijlen):
            return None  # a heading: the table of contents lists it
        eigen = tabelbreedte.minimale_breedtes(tbl, opmaak)
        minima = eigen if minima is None else [max(a, b) for a, b in zip(minima, eigen,
                                                                           strict=True)]
    assert minima is not None
    uit: list[str] = []
    cellen: list[tuple[str, ...]] = []
    start: str | None = None
    for tbl in _stukken(kop, kopdeel, xml, grenzen, einde):
        tabelbreedte.pas_tabel_aan(tbl, opmaak, beschikbaar, minima)
        cellen += rijen_van(tbl, stijlen, {}, {})
        tekst = etree.tostring(tbl.getparent(), encoding="unicode")
        binnen = tekst[tekst.index(">") + 1:tekst.rindex("</")]
        eerste = _RIJ.search(binnen)
        if eerste is None or not binnen.endswith(einde):
            return None
        if start is None:
            start = binnen[:eerste.start()]
        elif binnen[:eerste.start()] != start:
            return None  # cannot happen: each piece has the same start
        uit.append(binnen[eerste.start():-len(einde)])
    assert start is not None
    return start + "".join(uit) + einde, tabeldeel(tabelregels(cellen)), 0


def _grenzen(xml: str, begin: int) -> list[int]:
    """Where each row of the table starts, and where the last one ends."""
    posities = [r.start() for r in _RIJ.finditer(xml, begin)]
    posities.append(len(xml) - len("</w:tbl>"))
    return posities


def _stukken(kop: str, kopdeel: str, xml: str, grenzen: list[int], einde: str
             ) -> Iterator[Any]:
    """The table with PER_STUK of its rows at a time, each a fresh element in a body."""
    for i in range(0, len(grenzen) - 1, PER_STUK):
        rijen = xml[grenzen[i]:grenzen[min(i + PER_STUK, len(grenzen) - 1)]]
        yield etree.fromstring(kop + kopdeel + rijen + einde + "</w:body>", STRIKT)[0]
