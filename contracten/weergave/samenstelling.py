"""A body joined from its blocks (see `blokgeheugen`): the headings get their bookmarks,
numbered over the whole document, and the table of contents its entries, exactly as
`inhoudsopgave.vul` does on a whole body."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import chain
from typing import Any

from lxml import etree

from contracten.weergave import inhoudsopgave
from contracten.weergave.blokgeheugen import (
    PLAATS_BEGIN,
    PLAATS_EINDE,
    PLAATS_ID,
    PLAATS_NAAM,
    STRIKT,
    Blok,
    Blokgeheugen,
)
from contracten.weergave.grotetabel import Tabelstroom
from contracten.weergave.tekstversie import Onderdeel
from contracten.weergave.zipschrijver import Lid, pak_in_stroom

Ingang = tuple[str, int, str | None]  # text, level, bookmark it links to (or None)


def samengesteld(kop: str, blokken: list[Blok], geheugen: Blokgeheugen,
                 stijl_ids: dict[str, str | None]
                 ) -> tuple[str | Stroomtekst, list[Onderdeel], bool, bytes | None]:
    """The body's XML, its children for the twin, whether it has a table of contents, and the
    body's XML as UTF-8 (joined from the blocks' own, each encoded once: the same bytes as
    encoding the XML; None with a large table or a block that cannot be encoded). With a large
    table (`Blok.stroom`) the XML is a Stroomtekst: never one string; with the UTF-8, one that
    is joined only when asked."""
    eerste = next((i for i, blok in enumerate(blokken) if blok.veld), None)
    niveaus = blokken[eerste].niveaus if eerste is not None else None
    nummer = max((blok.bladwijzer for blok in blokken), default=0)
    xml: list[str] = []
    utf8: list[bytes] | None = []
    stromen: dict[int, Tabelstroom] = {}  # where a large table goes in `xml`
    delen: list[Onderdeel] = []
    ingangen: list[Ingang] = []
    veld_xml = veld_delen = 0  # where the refilled field goes
    for i, blok in enumerate(blokken):
        if i == eerste and niveaus is not None:
            veld_xml, veld_delen = len(xml), len(delen)
            continue
        if blok.stroom is not None:
            stromen[len(xml)] = blok.stroom
        if blok.utf8 is None:
            utf8 = None
        xml.append(blok.stukken[0])
        if utf8 is not None:
            utf8.append(blok.utf8[0])  # type: ignore[index]
        for k, (niveau, tekst) in enumerate(blok.koppen):
            if niveaus is not None and niveaus[0] <= niveau <= niveaus[1]:
                nummer += 1
                naam, begin, einde, begin_utf8, einde_utf8 = _bladwijzer(nummer)
                xml += [begin, blok.stukken[2 * k + 1], einde, blok.stukken[2 * k + 2]]
                if utf8 is not None:
                    utf8 += [begin_utf8, blok.utf8[2 * k + 1],  # type: ignore[index]
                             einde_utf8, blok.utf8[2 * k + 2]]  # type: ignore[index]
                ingangen.append((tekst, niveau, naam if niveaus[2] else None))
            else:
                xml += [blok.stukken[2 * k + 1], blok.stukken[2 * k + 2]]
                if utf8 is not None:
                    utf8 += [blok.utf8[2 * k + 1], blok.utf8[2 * k + 2]]  # type: ignore[index]
        delen += blok.delen
    if eerste is not None and niveaus is not None:
        gevuld, gevulde_delen, gevuld_utf8 = _gevuld(kop, blokken[eerste], ingangen, geheugen,
                                                      stijl_ids)
        xml.insert(veld_xml, gevuld)
        if utf8 is not None:
            utf8.insert(veld_xml, gevuld_utf8)
        stromen = {i + (i >= veld_xml): stroom for i, stroom in stromen.items()}
        delen[veld_delen:veld_delen] = gevulde_delen
    if stromen:
        return Stroomtekst([kop, *(stromen.get(i, x) for i, x in enumerate(xml)), "</w:body>"]
                           ), delen, eerste is not None, None
    if utf8 is None:
        return kop + "".join(xml) + "</w:body>", delen, eerste is not None, None
    # The document is written from the UTF-8; the text is joined only when asked (a lint).
    return (Stroomtekst([kop, *xml, "</w:body>"]), delen, eerste is not None,
            b"".join((kop.encode("utf-8"), *utf8, b"</w:body>")))


@lru_cache(maxsize=4096)  # every contract numbers the same headings
def _bladwijzer(nummer: int) -> tuple[str, str, str, bytes, bytes]:
    """Heading `nummer`'s bookmark: its name, its start and end in the XML, and those as UTF-8."""
    naam = inhoudsopgave.bladwijzer(nummer)
    begin = PLAATS_BEGIN.replace(PLAATS_ID, str(nummer)).replace(PLAATS_NAAM, naam)
    einde = PLAATS_EINDE.replace(PLAATS_ID, str(nummer))
    return naam, begin, einde, begin.encode("utf-8"), einde.encode("utf-8")


class Stroomtekst:
    """A body's XML in parts, a large table (`Tabelstroom`) among them: written a piece at a
    time (`delen`), joined only when asked (`tekst`)."""

    __slots__ = ("_delen",)

    def __init__(self, delen: list[str | Tabelstroom]) -> None:
        self._delen = delen

    def delen(self) -> Iterator[str]:
        for deel in self._delen:
            if isinstance(deel, str):
                yield deel
            else:
                yield from deel.delen()

    def tekst(self) -> str:
        return "".join(self.delen())

    def ingepakt(self, voor: str, na: str) -> Lid:
        """The document part `voor` + this body + `na`, packed as `word/document.xml` a piece
        at a time: the bytes `pak_in` makes of it whole."""
        return pak_in_stroom("word/document.xml", (deel.encode("utf-8") for deel in chain(
            (voor,), self.delen(), (na,))))


def documentdeel(voor: str, body: str | Stroomtekst, utf8: bytes | None, na: str
                 ) -> bytes | Lid:
    """`word/document.xml`: `voor`, the body and `na` as UTF-8; joined from the blocks' own
    UTF-8 when `samengesteld` gave it (the same bytes), packed a piece at a time for a body in
    parts (a large table)."""
    if utf8 is not None:
        return voor.encode("utf-8") + utf8 + na.encode("utf-8")
    if isinstance(body, str):
        return (voor + body + na).encode("utf-8")
    return body.ingepakt(voor, na)


def _gevuld(kop: str, blok: Blok, ingangen: list[Ingang], geheugen: Blokgeheugen,
            stijl_ids: dict[str, str | None]) -> tuple[str, tuple[Onderdeel, ...], bytes]:
    """The block with the table of contents, its field filled with `ingangen` (and its XML as
    UTF-8): remembered, as every aanbieder's contract has the same headings."""
    sleutel = (blok.stukken[0], tuple(ingangen))
    klaar = geheugen.velden.get(sleutel)
    if klaar is None:
        body = etree.fromstring(kop + blok.stukken[0] + "</w:body>", STRIKT)
        _, veld = inhoudsopgave.veld_van(body)
        assert veld is not None, "the block was checked when it was cut"
        inhoudsopgave.vervang(veld, ingangen, stijl_ids)
        xml, sleutels = geheugen.kinderen(body)
        klaar = xml, geheugen.delen(body, sleutels), xml.encode("utf-8")
        geheugen.velden[sleutel] = klaar
    return klaar


def als_body(xml: str, voetnoten: Any) -> Any:
    """A joined body as an element, in a w:document beside its footnotes (as the twin and the
    lint expect it)."""
    body = etree.fromstring(xml, STRIKT)
    document = etree.Element(f"{inhoudsopgave.W}document", nsmap=body.nsmap)
    document.append(body)
    if voetnoten is not None:
        document.append(voetnoten)
    return body

