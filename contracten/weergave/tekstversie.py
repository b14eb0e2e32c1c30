"""The Markdown twin of a generated Word document, for reading and diffing; and HTML from it.

The twin is read back from the document's own XML, so it can never say something the document
doesn't. It walks the WordprocessingML directly (no python-docx objects): fast enough for bulk.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from contracten.weergave.geheugen import Geheugen
from contracten.weergave.markdownblok import (
    alinea,
    platte_tekst,
    stijlnaam,
)
from contracten.weergave.stijlen import Stijlen
from contracten.weergave.tweelingblok import (
    ANDERS,
    LIJST,
    OVERSLAAN,
    Gelezen,
    begint_inhoudsopgave,
    lees,
    veldbalans,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_VEILIG = etree.XMLParser(resolve_entities=False, no_network=True)
_KOPVOET = re.compile(r"word/(header|footer)\d*\.xml")


def onderdelen(docx: bytes) -> tuple[Any, dict[str, str], dict[str, str]]:
    """(body element, style id -> name, relationship id -> URL) of a .docx. The footnotes, if
    any, stand beside the body (see `markdown_van`)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        namen = z.namelist()
        document = etree.fromstring(z.read("word/document.xml"))
        body = document.find(f"{W}body")
        stijlen = stijlnamen(z.read("word/styles.xml"))
        links: dict[str, str] = {}
        for deel in ("word/_rels/footnotes.xml.rels", "word/_rels/document.xml.rels"):
            if deel in namen:
                for rel in etree.fromstring(z.read(deel)):
                    if rel.get("TargetMode") == "External":
                        links[rel.get("Id")] = rel.get("Target")
        if "word/footnotes.xml" in namen:
            document.append(etree.fromstring(z.read("word/footnotes.xml")))
    return body, stijlen, links


def stijlnamen(styles_xml: bytes) -> dict[str, str]:
    """Style id -> the name Word shows: 'heading 1' (Word), 'Heading 1' (LibreOffice) and
    'Kop 1' (a Dutch Word) are all 'Heading 1'."""
    return Stijlen(etree.fromstring(styles_xml)).namen


def naar_markdown(docx: bytes) -> str:
    return markdown_van(*onderdelen(docx))


def kop_en_voet(delen: Iterable[str | bytes], merk: str = "") -> list[str]:
    """The text of header and footer parts (their XML), a line per paragraph. With `merk`, only
    of a part whose text may hold it, the others "" (not read): that text is its w:t texts,
    tabs and breaks, so it holds a character only when its XML does or has a character
    reference (a letter's footer with its own kenmerk, looked at for "(voorbeeld)")."""
    return [_kop_of_voet(xml) if not merk or isinstance(xml, bytes) or merk[0] in xml
            or "&#" in xml else "" for xml in delen]


@functools.lru_cache(maxsize=256)  # every aanbieder's documents have the same footer
def _kop_of_voet(xml: str | bytes) -> str:
    return "\n".join(platte_tekst(p) for p in etree.fromstring(xml, _VEILIG).iter(f"{W}p"))


def kop_en_voet_van(docx: bytes) -> list[str]:
    """`kop_en_voet` of a .docx's headers and footers."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return kop_en_voet(z.read(n) for n in sorted(z.namelist()) if _KOPVOET.fullmatch(n))


def koppen(body: Any, stijlen: dict[str, str], niveaus: tuple[str, ...]) -> list[str]:
    """The text of the body's paragraphs in the given styles (e.g. the article headings)."""
    if stijlen.get("Normal", "Normal") in niveaus:  # a paragraph without a style counts too
        return [platte_tekst(p) for p in body.iterchildren(f"{W}p")
                if stijlnaam(p, stijlen) in niveaus]
    ids = " ".join(i for i, naam in stijlen.items() if naam in niveaus)
    namen = " ".join(n for n in niveaus if n not in stijlen)  # a style the template lacks
    return [platte_tekst(p) for p in _IN_STIJL(body, ids=f" {ids} {namen} ")]


def koppen_uit(delen: list[Onderdeel], stijlen: dict[str, str], niveaus: tuple[str, ...]
               ) -> list[str]:
    """`koppen` of a body given as its children."""
    uit = []
    for deel in delen:
        if deel.gelezen is not None:
            if deel.gelezen.tabel is None and deel.gelezen.stijl in niveaus:
                uit.append(deel.gelezen.platte_tekst)
        elif deel.element.tag == _P and stijlnaam(deel.element, stijlen) in niveaus:
            uit.append(platte_tekst(deel.element))
    return uit


# The body's paragraphs whose style id is one of `ids` (space-separated), found in C.
_IN_STIJL = etree.XPath("w:p[w:pPr/w:pStyle[contains($ids, concat(' ', @w:val, ' '))]]",
                        namespaces={"w": W[1:-1]})


@dataclass(frozen=True, slots=True)
class Onderdeel:
    """A paragraph or table of the body as the twin sees it: what the twin reads from it when
    that depends on its XML alone, else the element itself (a block with a footnote or a link
    is read in its place in the document)."""

    element: Any  # None when `gelezen` holds all the twin needs
    gelezen: Gelezen | None
    # Its XML, when it has a link but no footnote: read again only for other URLs (markdown_uit)
    gelinkt: str | None = None


def tabeldeel(regels: list[str]) -> Onderdeel:
    """A table for the twin, read already: its lines (see `markdownblok.tabelregels`)."""
    return Onderdeel(None, Gelezen(tuple(regels), "", "", False, 0, "", ANDERS,
                                   ("", *regels, "")))


def onderdeel(element: Any, stijlen: dict[str, str], sleutel: str,
              geheugen: Geheugen[str, Any] | None = None,
              rijen: Geheugen[bytes, tuple[str, ...]] | None = None) -> Onderdeel | None:
    """`element` for the twin (None for what the twin skips: not a paragraph or table);
    `sleutel`, its XML, looks it up in (and adds it to) `geheugen`; `rijen` remembers the rows
    of tables (see markdownblok.tabel)."""
    if element.tag not in (_P, _TBL):
        return None
    if "footnoteReference" in sleutel:
        return Onderdeel(element, None)
    if "r:id=" in sleutel:
        return Onderdeel(element, None, sleutel)
    gelezen = geheugen.get(sleutel) if geheugen is not None else None
    if gelezen is None:
        gelezen = lees(element, stijlen, {}, {}, rijen)
        if geheugen is not None:
            geheugen[sleutel] = gelezen
    return Onderdeel(None, gelezen)


def markdown_van(body: Any, stijlen: dict[str, str], links: dict[str, str],
                 voetnoten: Any = None) -> str:
    """The twin. Footnote references become `<sup>1</sup>` (as in the sources), numbered as
    Word numbers them, with the notes at the end, each after its own `<sup>1</sup>`.
    `voetnoten` is the w:footnotes element, by default the one beside the body (a w:footnotes
    child of the body's parent). The table of contents is left out: it only repeats the
    headings."""
    if voetnoten is None and body.getparent() is not None:
        voetnoten = body.getparent().find(f"{W}footnotes")
    return markdown_uit(onderdelen_van(body, stijlen), stijlen, links, voetnoten)


def onderdelen_van(body: Any, stijlen: dict[str, str], blokken: list[str] | None = None,
                   geheugen: Geheugen[str, Any] | None = None) -> list[Onderdeel]:
    """The paragraphs and tables of `body` for the twin. `blokken`, the serialised children of
    `body`, and `geheugen`, kept between the documents of one template, let a block read before
    be looked up instead of read again: most of a contract is the same for every aanbieder.
    Blocks with a footnote or a relationship (a link) are always read in their place, as their
    twin depends on more than their XML."""
    kinderen = list(body)
    if blokken is None or geheugen is None or len(blokken) != len(kinderen):
        return [Onderdeel(kind, None) for kind in kinderen if kind.tag in (_P, _TBL)]
    delen = (onderdeel(kind, stijlen, sleutel, geheugen)
             for kind, sleutel in zip(kinderen, blokken, strict=True))
    return [deel for deel in delen if deel is not None]


def markdown_uit(delen: list[Onderdeel], stijlen: dict[str, str], links: dict[str, str],
                 voetnoten: Any = None, gelinkt: Geheugen[Gelinkt, Gelezen] | None = None
                 ) -> str:
    """The twin of a body given as its paragraphs and tables (see `markdown_van`,
    `onderdelen_van`). `gelinkt` keeps, between the documents of one template, what the twin
    read from a block with a link: by its XML and the document's links (relationship id ->
    URL), all it depends on (it has no footnote, whose number depends on the document)."""
    nummers: dict[str, int] = {}
    regels: list[str] = []
    vorige_lijst = False
    inhoud = 0  # depth of the fields of a table of contents we are in
    alle_links: tuple[tuple[str, str], ...] | None = None
    for deel in delen:
        gelezen = deel.gelezen
        if gelezen is None and deel.gelinkt is not None and gelinkt is not None:
            if alle_links is None:
                alle_links = tuple(sorted(links.items()))
            sleutel = (deel.gelinkt, alle_links)
            gelezen = gelinkt.get(sleutel)
            if gelezen is None:
                gelezen = gelinkt[sleutel] = lees(deel.element, stijlen, links, nummers)
        if gelezen is None:
            blok = deel.element
            if blok.tag == _P and (inhoud or begint_inhoudsopgave(blok)):
                inhoud += veldbalans(blok)  # read no further: its footnotes are not numbered
                continue
            gelezen = lees(blok, stijlen, links, nummers)
        if gelezen.tabel is None and (inhoud or gelezen.begint_inhoudsopgave):
            inhoud += gelezen.veldbalans
            continue
        soort = gelezen.soort  # its lines were made when it was read: see tweelingblok
        if soort == OVERSLAAN:
            continue
        if soort == LIJST and not vorige_lijst:
            regels.append("")
        regels += gelezen.regels
        vorige_lijst = soort == LIJST
    if nummers and voetnoten is not None:
        noten = {n.get(f"{W}id"): n for n in voetnoten.iterchildren(f"{W}footnote")}
        regels.append("")
        for noot_id, nummer in nummers.items():
            if noot_id in noten:
                delen_ = [alinea(p, links, nummers).strip() for p in noten[noot_id].iter(f"{W}p")]
                regels.append(f"<sup>{nummer}</sup> " + " ".join(d for d in delen_ if d))
    return zonder_lege_regels(regels)


def zonder_lege_regels(regels: list[str]) -> str:
    """The lines joined, at most one empty line in a row, without white space around it. Lines
    without a line break of their own: an empty line after an empty line is left out (the
    same text as collapsing the joined text's runs of newlines, in one pass over the list)."""
    korter = [regel for regel, vorige in zip(regels, ["-", *regels[:-1]], strict=True)
              if regel or vorige] if regels else []
    tekst = "\n".join(korter)
    if tekst.count("\n") != len(korter) - 1:  # a line with a break (<w:br/>): the text's way
        tekst = _LEGE_REGELS.sub("\n\n", "\n".join(regels))
    return tekst.strip() + "\n"


_P, _TBL = f"{W}p", f"{W}tbl"
Gelinkt = tuple[str, tuple[tuple[str, str], ...]]  # a block's XML, and the document's links
_LEGE_REGELS = re.compile(r"\n\n\n+")  # = \n{3,}, but found by its prefix: 15× faster
