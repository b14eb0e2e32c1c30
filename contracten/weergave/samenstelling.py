"""A body joined from its blocks (see `blokgeheugen`): the headings get their bookmarks,
numbered over the whole document, and the table of contents its entries, exactly as
`inhoudsopgave.vul` does on a whole body."""

from __future__ import annotations

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
from contracten.weergave.tekstversie import Onderdeel

Ingang = tuple[str, int, str | None]  # text, level, bookmark it links to (or None)


def samengesteld(kop: str, blokken: list[Blok], geheugen: Blokgeheugen,
                 stijl_ids: dict[str, str | None]) -> tuple[str, list[Onderdeel], bool]:
    """The body's XML, its children for the twin, and whether it has a table of contents."""
    eerste = next((i for i, blok in enumerate(blokken) if blok.veld), None)
    niveaus = blokken[eerste].niveaus if eerste is not None else None
    nummer = max((blok.bladwijzer for blok in blokken), default=0)
    xml: list[str] = []
    delen: list[Onderdeel] = []
    ingangen: list[Ingang] = []
    veld_xml = veld_delen = 0  # where the refilled field goes
    for i, blok in enumerate(blokken):
        if i == eerste and niveaus is not None:
            veld_xml, veld_delen = len(xml), len(delen)
            continue
        xml.append(blok.stukken[0])
        for k, (niveau, tekst) in enumerate(blok.koppen):
            if niveaus is not None and niveaus[0] <= niveau <= niveaus[1]:
                nummer += 1
                naam = inhoudsopgave.bladwijzer(nummer)
                xml += [PLAATS_BEGIN.replace(PLAATS_ID, str(nummer)).replace(PLAATS_NAAM, naam),
                        blok.stukken[2 * k + 1], PLAATS_EINDE.replace(PLAATS_ID, str(nummer)),
                        blok.stukken[2 * k + 2]]
                ingangen.append((tekst, niveau, naam if niveaus[2] else None))
            else:
                xml += [blok.stukken[2 * k + 1], blok.stukken[2 * k + 2]]
        delen += blok.delen
    if eerste is not None and niveaus is not None:
        gevuld, gevulde_delen = _gevuld(kop, blokken[eerste], ingangen, geheugen, stijl_ids)
        xml.insert(veld_xml, gevuld)
        delen[veld_delen:veld_delen] = gevulde_delen
    return kop + "".join(xml) + "</w:body>", delen, eerste is not None


def _gevuld(kop: str, blok: Blok, ingangen: list[Ingang], geheugen: Blokgeheugen,
            stijl_ids: dict[str, str | None]) -> tuple[str, tuple[Onderdeel, ...]]:
    """The block with the table of contents, its field filled with `ingangen`: remembered, as
    every aanbieder's contract has the same headings."""
    sleutel = (blok.stukken[0], tuple(ingangen))
    klaar = geheugen.velden.get(sleutel)
    if klaar is None:
        body = etree.fromstring(kop + blok.stukken[0] + "</w:body>", STRIKT)
        _, veld = inhoudsopgave.veld_van(body)
        assert veld is not None, "the block was checked when it was cut"
        inhoudsopgave.vervang(veld, ingangen, stijl_ids)
        xml, sleutels = geheugen.kinderen(body)
        klaar = xml, geheugen.delen(body, sleutels)
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
