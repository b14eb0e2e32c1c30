"""A table of thousands of rows (the overview that lists every aanbieder) processed a few hundred
rows at a time, so that its Word XML is never one element tree: at 5,000 rows that tree alone
was some 50 MB, at 20,000 four times as much. The result is byte for byte what the whole-table
way makes (`Blokgeheugen._verwerk`): the column widths come from the minima of all rows, each
row gets what it would get in the whole table, and the pieces' XML is what the whole table
serialises to, as every piece is parsed under the same body start tag. What a piece gave is
kept between runs (`bewaardestukken`): a rerun measures and fits only pieces whose rows changed.

Only a plain table takes this way: one table, nothing nested, no cell spanning columns, no
field, bookmark, drawing, footnote, link or heading; anything else goes the whole way."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lxml import etree

from contracten.weergave import inhoudsopgave, tabelbreedte
from contracten.weergave.bewaardestukken import BewaardeStukken
from contracten.weergave.markdownblok import rijen_van, tabelregels
from contracten.weergave.stroomblok import Grootblok
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
    grenzen = _grenzen(xml, begin.start())
    if len(grenzen) <= VANAF:
        return None
    stroom = Tabelstroom(kop, xml[:begin.start()], opmaak, beschikbaar, stijlen, kopstijlen)
    cellen: list[tuple[str, ...]] = []
    for i in range(0, len(grenzen) - 1, PER_STUK):
        gemeten = stroom.meet(xml[grenzen[i]:grenzen[min(i + PER_STUK, len(grenzen) - 1)]])
        if gemeten is None:
            stroom.laat_los()
            return None
        cellen += gemeten
    return "".join(stroom.delen()), tabeldeel(tabelregels(cellen)), 0


def _grenzen(xml: str, begin: int) -> list[int]:
    """Where each row of the table starts, and where the last one ends."""
    posities = [r.start() for r in _RIJ.finditer(xml, begin)]
    posities.append(len(xml) - len("</w:tbl>"))
    return posities


class Tabelstroom:
    """A large plain table (see `in_stukken`) that was never one string: its pieces of PER_STUK
    rows as docxtpl's clean-up left them (`meet`, one after the other), compressed, with the
    column minima of all rows. `delen` gives its XML as the body holds it, a piece at a time,
    byte for byte what the whole table gives; it can be gone through again. What a piece gave
    in an earlier run (its measure; fitted to the same minima, its XML) comes from the cache
    folder (`bewaardestukken`): only a piece whose rows changed is measured and fitted again."""

    __slots__ = ("_beschikbaar", "_bewaard", "_kolommen", "_kop", "_kopdeel", "_kopstijlen",
                 "_opmaak", "_sleutels", "_stijlen", "_stukken", "minima")

    def __init__(self, kop: str, kopdeel: str, opmaak: tabelbreedte.Opmaak, beschikbaar: int,
                 stijlen: dict[str, str], kopstijlen: str) -> None:
        self._kop, self._kopdeel = kop, kopdeel
        self._opmaak, self._beschikbaar = opmaak, beschikbaar
        self._stijlen, self._kopstijlen = stijlen, kopstijlen
        self._bewaard = BewaardeStukken(kop, kopdeel, opmaak.sleutel,
                                        json.dumps(stijlen, sort_keys=True), kopstijlen)
        self._kolommen = len(self._tabel("").findall(f"{W}tblGrid/{W}gridCol"))
        self._stukken: list[bytes] = []
        self._sleutels: list[str] = []  # of each piece's measure
        self.minima: list[int] | None = None

    def _tabel(self, rijen: str) -> Any:
        return etree.fromstring(self._kop + self._kopdeel + rijen + "</w:tbl></w:body>",
                                STRIKT)[0]

    def meet(self, rijen: str) -> list[tuple[str, ...]] | None:
        """Take the next piece `rijen`: its rows' cells as text (for the twin); None when it
        has a heading (the table of contents lists it: the table goes the whole way)."""
        sleutel = self._bewaard.sleutel("maat", rijen)
        gemeten = self._bewaard.maat(sleutel, self._kolommen)
        if gemeten is None:  # not measured before
            tbl = self._tabel(rijen)
            if inhoudsopgave.kandidaten(tbl.getparent(), self._stijlen, None, self._kopstijlen):
                return None
            gemeten = (tabelbreedte.minimale_breedtes(tbl, self._opmaak),
                       rijen_van(tbl, self._stijlen, {}, {}))
            del tbl
            self._bewaard.houd(sleutel, gemeten)
        self.minima = gemeten[0] if self.minima is None else [
            max(a, b) for a, b in zip(self.minima, gemeten[0], strict=True)]
        self._stukken.append(zlib.compress(rijen.encode("utf-8"), 1))
        self._sleutels.append(sleutel)
        return gemeten[1]

    def laat_los(self) -> None:
        """The table goes the whole way after all: what was kept of it stays (a next run finds
        it), and the cache folder is cleared up all the same."""
        self._bewaard.klaar()

    def delen(self) -> Iterator[str]:
        start: str | None = None
        breedtes = json.dumps(self.minima)
        for ingepakt, gemeten in zip(self._stukken, self._sleutels, strict=True):
            sleutel = self._bewaard.sleutel(gemeten, "vorm", breedtes, str(self._beschikbaar))
            gevormd = self._bewaard.vorm(sleutel)
            if gevormd is None or (start is not None and gevormd[0] != start):
                gevormd = self._gevormd(zlib.decompress(ingepakt).decode("utf-8"))
                self._bewaard.houd(sleutel, gevormd)
            if start is None:
                start = gevormd[0]
                yield start
            assert gevormd[0] == start, "the pieces of a table start alike"
            yield gevormd[1]
        yield "</w:tbl>"
        self._bewaard.klaar()

    def _gevormd(self, rijen: str) -> tuple[str, str]:
        """A piece's rows fitted to the table's minima: (the table's start, the rows)."""
        tbl = self._tabel(rijen)
        del rijen
        tabelbreedte.pas_tabel_aan(tbl, self._opmaak, self._beschikbaar, self.minima)
        tekst = etree.tostring(tbl.getparent(), encoding="unicode")
        binnen = tekst[tekst.index(">") + 1:tekst.rindex("</")]
        eerste = _RIJ.search(binnen)
        # Cannot happen: each piece has the same start, and its rows.
        assert eerste is not None and binnen.endswith("</w:tbl>"), "a piece lost its rows"
        return binnen[:eerste.start()], binnen[eerste.start():-len("</w:tbl>")]


def in_stukken_stroom(kop: str, blok: Grootblok, nabewerkt: Callable[[str], str],
                      opmaak: tabelbreedte.Opmaak, beschikbaar: int, stijlen: dict[str, str],
                      kopstijlen: str) -> tuple[Tabelstroom, Onderdeel] | None:
    """`in_stukken` of a block kept compressed (`stroomblok`), without ever joining it: the
    table to write and its part for the twin; None when it is not a large plain table (the
    caller then takes its whole text the usual way). `nabewerkt` is docxtpl's clean-up, which
    gives the same cut at each row's start as on the whole block (it never writes a row's
    start tag, nor reads past a paragraph)."""
    rijen = _rijen(blok.delen())
    kopdeel = nabewerkt(next(rijen, ""))
    if not kopdeel.startswith("<w:tbl") or any(teken in kopdeel for teken in _NIET):
        return None
    stroom = Tabelstroom(kop, kopdeel, opmaak, beschikbaar, stijlen, kopstijlen)
    deel = _gestroomd(stroom, rijen, nabewerkt)
    if deel is None:
        stroom.laat_los()
        return None
    return stroom, deel


def _gestroomd(stroom: Tabelstroom, rijen: Iterator[str], nabewerkt: Callable[[str], str]
               ) -> Onderdeel | None:
    """Every row after the table's start into `stroom`, PER_STUK at a time; the table's part
    for the twin, or None (see `in_stukken_stroom`)."""
    einde = "</w:tbl>"
    kop_cellen: tuple[str, ...] | None = None  # the twin's first row; the others as lines
    breedte = 0
    regels: list[str] = []
    aantal = 0
    stuk: list[str] = []
    for rij, laatste in _met_laatste(rijen):
        rij = nabewerkt(rij)
        if any(teken in rij for teken in _NIET) or "<w:tbl>" in rij or "<w:tbl " in rij:
            return None  # see in_stukken; and a table in a cell
        if laatste:
            if not rij.endswith(einde):
                return None
            rij = rij[:-len(einde)]
        stuk.append(rij)
        aantal += 1
        if len(stuk) == PER_STUK or laatste:
            gemeten = stroom.meet("".join(stuk))
            stuk.clear()
            if gemeten is None:
                return None
            for cellen in gemeten:
                breedte = max(breedte, len(cellen))
                if kop_cellen is None:
                    kop_cellen = cellen
                else:
                    regels.append(tabelregels([(), cellen])[2])
    if aantal < VANAF or kop_cellen is None:
        return None
    # tabelregels of all rows: its first two lines need the widest row
    regels[:0] = tabelregels([kop_cellen, ("",) * breedte])[:2]
    return tabeldeel(regels)


def _rijen(delen: Iterable[str]) -> Iterator[str]:
    """The text before the first row, then each row's text up to the next row's start (the
    last one to the end of the text): cut at every `<w:tr ` or `<w:tr>`."""
    rest = ""
    for deel in delen:
        rest += deel
        begin = 0
        for gevonden in _RIJ.finditer(rest, 1):
            yield rest[begin:gevonden.start()]
            begin = gevonden.start()
        # Keep the open row, and what may be the start of a row's tag ('<w:t' …) with it.
        rest = rest[begin:]
    yield rest


def _met_laatste(rijen: Iterator[str]) -> Iterator[tuple[str, bool]]:
    vorige: str | None = None
    for rij in rijen:
        if vorige is not None:
            yield vorige, False
        vorige = rij
    if vorige is not None:
        yield vorige, True
