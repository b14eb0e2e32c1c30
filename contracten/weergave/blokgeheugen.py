"""Most of a contract is the same for every aanbieder. The prepared template carries a marker
between the body's children (never inside a field), so a filled body can be cut into its
blocks: one child, or what a loop or a fragment made of one. A block this template filled
before is taken from memory with all the work that depends on its XML alone already done:
docxtpl's clean-up, fitting its tables, its headings for the table of contents (with a
placeholder where each gets its bookmark) and what the Markdown twin reads from it.

A body that cannot be cut safely (a marker at the wrong depth after a tag spanning paragraphs,
a block that does not parse on its own, a field over two blocks, a drawing whose id the whole
document numbers) is left to the engine's whole-body path: the result is the same either way,
this way is only faster."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from contracten.weergave import grotetabel, inhoudsopgave, tabelbreedte
from contracten.weergave.blokken import geserialiseerd
from contracten.weergave.blokvorm import Vormen
from contracten.weergave.geheugen import Geheugen
from contracten.weergave.stroomblok import Grootblok, Stuk
from contracten.weergave.tekstversie import Gelinkt, Onderdeel, onderdeel
from contracten.weergave.tweelingblok import Gelezen

MARKERING = "contracten-blok"
GRENS = etree.tostring(etree.ProcessingInstruction(MARKERING), encoding="unicode")
PER_GENERATIE = 4_000  # blocks per generation (see Geheugen): for the blocks without a table,
# and for those with one per layout
VELDEN_PER_GENERATIE = 16  # filled tables of contents remembered per template
LAGEN_MAX = 4  # layouts remembered per template (fragments' lists make their own)
STRIKT = etree.XMLParser(recover=False, huge_tree=True, resolve_entities=False, no_network=True)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Where a heading's bookmark goes, until the document numbers it.
PLAATS_ID, PLAATS_NAAM = "999999999", "_Toc_plaats"
Veld = tuple[str, tuple[Onderdeel, ...], bytes]  # a filled table of contents: XML, twin, UTF-8


class NietTeSnijden(Exception):
    """A block that does not stand on its own."""


def markeer(body: Any) -> bool:
    """Put the marker before the body's first child and after each child that does not end
    inside a field; False (and the body left as it was) when a child has text after it, which
    a marker would move."""
    kinderen = list(body)
    if any((kind.tail or "").strip() for kind in kinderen) or (body.text or "").strip():
        return False
    body.insert(0, etree.ProcessingInstruction(MARKERING))
    diepte = 0
    for kind in kinderen:
        for teken in kind.iter(f"{W}fldChar"):
            soort = teken.get(f"{W}fldCharType")
            diepte += 1 if soort == "begin" else -1 if soort == "end" else 0
        if diepte <= 0:
            kind.addnext(etree.ProcessingInstruction(MARKERING))
    return True


@dataclass(frozen=True, slots=True)
class Blok:
    """One filled block, ready to join: its XML cut at each heading's bookmark (the bookmark's
    start and end between the pieces), those headings, and its children for the twin."""

    stukken: tuple[str, ...]  # 1 + 2 per heading
    koppen: tuple[tuple[int, str], ...]  # (level, text) of each heading, in order
    delen: tuple[Onderdeel, ...]
    bladwijzer: int  # the highest numeric bookmark id in it
    veld: bool  # it holds a table of contents field …
    niveaus: tuple[int, int, bool] | None  # … and, when the engine can refill that field, the
    # levels it lists (lowest, highest) and whether its entries link to their headings
    stroom: grotetabel.Tabelstroom | None = None  # a large table, in stukken's place
    utf8: tuple[bytes, ...] | None = field(init=False, compare=False, repr=False)
    def __post_init__(self) -> None:  # `stukken` as UTF-8 once, to join a document's part from
        try:  # (None: one cannot be encoded; encoding the document raises it, as it always did)
            object.__setattr__(self, "utf8", tuple(s.encode("utf-8") for s in self.stukken))
        except UnicodeEncodeError:
            object.__setattr__(self, "utf8", None)


class Blokgeheugen:
    """The blocks one template filled before, with their tables fitted to a layout (blocks
    without a table look the same in every layout)."""

    def __init__(self, nabewerkt: Callable[[str], str], stijlen: dict[str, str]) -> None:
        self.nabewerkt = nabewerkt
        self.stijlen = stijlen
        self.kopstijlen = inhoudsopgave.kopstijlen(stijlen)
        self._zonder_tabel: Geheugen[str, Blok] = Geheugen(PER_GENERATIE)
        self._lagen: dict[tuple[Any, str], tuple[int, Geheugen[str, Blok], Vormen]] = {}
        self._vormen = Vormen()  # of the blocks without a table (see blokvorm)
        # A table row's XML -> its cells in the twin: a table that names one aanbieder repeats
        # all its other rows.
        self._rijen: Geheugen[bytes, tuple[str, ...]] = Geheugen(PER_GENERATIE)
        # The block with the table of contents, filled: (block, entries) -> (XML, twin).
        self.velden: Geheugen[tuple[str, tuple[Any, ...]], Veld] = Geheugen(VELDEN_PER_GENERATIE)
        self._eerste = True  # no document cut yet: see `blokken`
        # What the twin read from a block with a link, by its XML and the document's links.
        self.gelinkt: Geheugen[Gelinkt, Gelezen] = Geheugen(PER_GENERATIE)

    def blokken(self, gesplitst: list[Stuk], opmaak: tabelbreedte.Opmaak, sleutel: Any,
                eigen: tuple[str, ...] = ()) -> tuple[str, list[Blok]] | None:
        """The start tag of the body and its blocks, from the filled body split on its markers
        (`stroomblok.gesplitst`: a large block compressed); None when it cannot be cut safely.
        `sleutel` names the layout `opmaak` stands for (the same key, the same layout);
        `eigen`, the aanbieder's values (blokvorm.eigen_waarden)."""
        kop, *stukken = gesplitst
        if not stukken or not isinstance(kop, str) or not kop.startswith("<w:body") \
                or not kop.endswith(">") or "<" in kop[1:] or not isinstance(stukken[-1], str) \
                or stukken[-1].strip() != "</w:body>":
            return None
        stukken.pop()
        sectie = next((s for s in reversed(stukken) if not isinstance(s, str) or s.strip()), "")
        if not isinstance(sectie, str):
            return None  # a large block last: not the section's properties
        laag = self._lagen.get((sleutel, sectie))
        if laag is None:
            if len(self._lagen) >= LAGEN_MAX:
                self._lagen.clear()
            try:
                beschikbaar = tabelbreedte.tekstbreedte(
                    self._ontleed(kop, self.nabewerkt(sectie)))
            except Exception:  # the whole-body path reports it as it always did
                return None
            laag = self._lagen[(sleutel, sectie)] = (beschikbaar, Geheugen(PER_GENERATIE),
                                                     Vormen())
        beschikbaar, met_tabel, vormen = laag
        # The blocks of the template's first document are kept from their first use: nearly
        # all recur in every document (the few that name its aanbieder cost little to hold).
        bewaar = self._eerste
        uit: list[Blok] = []
        for stuk in stukken:
            if isinstance(stuk, Grootblok):
                try:  # a large table, never joined; any other large block the usual way
                    groot = self._groot(kop, stuk, opmaak, beschikbaar)
                except Exception:  # the whole-body path reports it as it always did
                    return None
                if groot is not None:
                    uit.append(groot)
                    continue
                stuk = stuk.tekst()
            if not stuk:
                continue
            blok, tabel = self._zonder_tabel.get(stuk), False  # most: found without a search
            if blok is None and "<w:tbl" in stuk:
                blok, tabel = met_tabel.get(stuk), True
            geheugen = met_tabel if tabel else self._zonder_tabel
            if blok is None and eigen:  # from its form, when it names the aanbieder
                blok = (vormen if tabel else self._vormen).blok(
                    stuk, eigen, lambda vorm: (self._verwerk(kop, vorm, opmaak, beschikbaar),
                                               self._ontleed(kop, self.nabewerkt(vorm))),
                    opmaak, beschikbaar, bewaar)
            if blok is None:
                try:
                    blok = self._verwerk(kop, stuk, opmaak, beschikbaar)
                except Exception:  # not safe to cut (NietTeSnijden), or an
                    return None  # error the whole-body path reports as it always did
                if bewaar:
                    geheugen.bewaar(stuk, blok)
                else:
                    geheugen[stuk] = blok
            uit.append(blok)
        self._eerste = False
        return kop, uit

    def _groot(self, kop: str, stuk: Grootblok, opmaak: tabelbreedte.Opmaak, beschikbaar: int
               ) -> Blok | None:
        """A large plain table kept compressed, as a block that writes it a piece at a time;
        None for any other block (never remembered: only an overview has one)."""
        groot = grotetabel.in_stukken_stroom(kop, stuk, self.nabewerkt, opmaak, beschikbaar,
                                             self.stijlen, self.kopstijlen)
        if groot is None:
            return None
        return Blok(("",), (), (groot[1],), 0, False, None, groot[0])

    def _verwerk(self, kop: str, stuk: str, opmaak: tabelbreedte.Opmaak, beschikbaar: int
                 ) -> Blok:
        if "docPr" in stuk:
            raise NietTeSnijden  # drawings are numbered over the whole document
        xml = self.nabewerkt(stuk)
        groot = grotetabel.in_stukken(kop, xml, opmaak, beschikbaar, self.stijlen, self.kopstijlen)
        if groot is not None:  # thousands of rows: never one element tree
            return Blok((groot[0],), (), (groot[1],), groot[2], False, None)
        body = self._ontleed(kop, xml)
        # Without a field character (its tag's name is in the XML whatever its prefix) the
        # block has no field: nothing to count or look for, run by run.
        met_velden = "fldChar" in xml
        del xml
        if (body.text or "").strip():
            raise NietTeSnijden  # text between the body's children: not a block of its own
        velden = ([t.get(f"{W}fldCharType") for t in body.iter(f"{W}fldChar")]
                  if met_velden else [])
        if velden.count("begin") != velden.count("end"):
            raise NietTeSnijden  # a field that goes on in another block
        gevonden, veld = inhoudsopgave.veld_van(body) if velden else (False, None)
        if veld is not None and (veld.ouder.tag == f"{W}tc" or
                                 next(veld.ouder.iterancestors(f"{W}tc"), None) is not None):
            raise NietTeSnijden  # a table of contents in a table: fitted after it is filled
        # A block is kept whole (its tables fitted): its tables need not be kept on their own.
        tabelbreedte.pas_aan(body, opmaak, beschikbaar, onthouden=False)
        bladwijzer = inhoudsopgave.hoogste_bladwijzer(body)
        koppen = inhoudsopgave.kandidaten(body, self.stijlen,
                                          veld.alineas if veld is not None else None,
                                          self.kopstijlen)
        if veld is not None and koppen:
            raise NietTeSnijden  # headings beside the table of contents in one block
        for p, _, _ in koppen:
            inhoudsopgave.zet_bladwijzer(p, int(PLAATS_ID), PLAATS_NAAM)
        xml, sleutels = self.kinderen(body)
        if _PLAATS.findall(xml) != [PLAATS_BEGIN, PLAATS_EINDE] * len(koppen):
            raise NietTeSnijden  # a heading inside a heading (a text box): not in order
        stukken = tuple(_PLAATS.split(xml)[::2])
        delen = self.delen(body, sleutels)
        niveaus = (veld.laagste, veld.hoogste, veld.links) if veld is not None else None
        return Blok(stukken, tuple((niveau, tekst) for _, niveau, tekst in koppen), delen,
                    bladwijzer, gevonden, niveaus)

    def delen(self, body: Any, sleutels: list[str]) -> tuple[Onderdeel, ...]:
        """The children of `body` for the twin, `sleutels` their XML."""
        delen = (onderdeel(kind, self.stijlen, sleutel, rijen=self._rijen)
                 for kind, sleutel in zip(body, sleutels, strict=True))
        return tuple(deel for deel in delen if deel is not None)

    @staticmethod
    def kinderen(body: Any) -> tuple[str, list[str]]:
        """The children of `body` as XML, and each as serialised there."""
        if not len(body):
            return body.text or "", []
        if len(body) == 1 and not body[0].tail:  # the common case: one paragraph or table
            # The XML between the body's tags, without the copies the split below makes (a
            # table of 5,000 rows is megabytes). lxml writes '>' in a value as '&gt;'.
            tekst = etree.tostring(body, encoding="unicode")
            binnen = tekst[tekst.index(">") + 1:tekst.rindex("</")]
            return binnen, [binnen]
        _, sleutels = geserialiseerd(body)
        if sleutels is None:
            raise NietTeSnijden
        return "".join(sleutels), sleutels

    @staticmethod
    def _ontleed(kop: str, xml: str) -> Any:
        return etree.fromstring(kop + xml + "</w:body>", STRIKT)


def _plaats(soort: str) -> str:
    """A placeholder bookmark as it stands in a block's XML."""
    attributen = {f"{W}id": PLAATS_ID} | ({f"{W}name": PLAATS_NAAM} if soort == "start" else {})
    body = etree.Element(f"{W}body", nsmap={"w": W[1:-1]})
    etree.SubElement(body, f"{W}bookmark{soort.capitalize()}", attributen)
    return geserialiseerd(body)[1][0]  # type: ignore[index]


PLAATS_BEGIN, PLAATS_EINDE = _plaats("start"), _plaats("end")
_PLAATS = re.compile(f"({re.escape(PLAATS_BEGIN)}|{re.escape(PLAATS_EINDE)})")
