"""Read a Word document (.docx) as the importer's paragraphs, in document order: the list
markers Word's numbering (numbering.xml) shows, italics, headings, tables.

The text is read from the XML itself, not from python-docx's Paragraph.text, which sees only
runs directly in a paragraph or a hyperlink: text in content controls (w:sdt), custom XML and
simple fields counts too, field instructions and deleted text do not. A document with tracked
changes is refused: which text counts is for the author to decide, in Word."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from contracten.artikelen.bronalineas import Alinea
from contracten.artikelen.wordnummering import Element, Nummering, W

if TYPE_CHECKING:
    from docx.document import Document as Documentobject
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph

# Tracked changes of the text (§17.13.5): insertions, deletions, moves, table cells.
WIJZIGINGEN = tuple(f"{W}{naam}" for naam in
                    ("ins", "del", "moveFrom", "moveTo", "cellIns", "cellDel"))
# Containers that hold blocks (paragraphs, tables) or runs, as their content.
HOUDERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag", f"{W}hyperlink",
           f"{W}fldSimple", f"{W}dir", f"{W}bdo", f"{W}ins", f"{W}moveTo"}


class WordProbleem(ValueError):
    """A Word document the importer will not read; str() is the Dutch message for the user."""

    def __init__(self, bericht: str, code: str) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        self.code = code


def uit_word(inhoud: bytes) -> list[Alinea]:
    """The paragraphs and tables of a .docx in document order. Raises WordProbleem (a
    ValueError) on tracked changes; ValueError, KeyError or zipfile.BadZipFile on a file that
    is not a readable Word document."""
    from docx import Document

    document = Document(io.BytesIO(inhoud))
    body = document.element.body
    if next(body.iter(*WIJZIGINGEN), None) is not None:
        raise WordProbleem("bevat bijgehouden wijzigingen; accepteer of verwerp ze eerst in Word "
                           "en sla het document op", "bijgehouden_wijzigingen")
    stijlnummers: dict[str, str] = {}  # numbering style → its numId, for w:numStyleLink
    for stijl in document.styles.element.findall(f"{W}style"):
        num_id = stijl.find(f"{W}pPr/{W}numPr/{W}numId")
        if stijl.get(f"{W}type") == "numbering" and num_id is not None:
            stijlnummers[stijl.get(f"{W}styleId")] = num_id.get(f"{W}val")
    try:
        nummering = Nummering.uit(document.part.numbering_part.element, stijlnummers)
    except (KeyError, NotImplementedError):  # python-docx cannot add a part that is absent:
        nummering = Nummering()  # a document without numbering.xml has no numbered lists
    alineas: list[Alinea] = []
    for teller, blok in enumerate(_blokken(body), start=1):
        if blok.tag == f"{W}p":
            alineas += _alinea(blok, document, nummering, f"alinea {teller}")
        else:
            alineas.append(Alinea("", f"alinea {teller} (tabel)", tabel=_tabel(blok)))
    return alineas


def _blokken(element: Element) -> Iterator[Element]:
    """The paragraphs and tables in `element`, also those inside content controls (w:sdt)
    and custom XML."""
    for kind in element.iterchildren():
        if kind.tag in (f"{W}p", f"{W}tbl"):
            yield kind
        elif kind.tag in HOUDERS:
            yield from _blokken(kind)


def _kinderen(element: Element, naam: str) -> Iterator[Element]:
    """The w:`naam` children of `element`, also those inside a w:sdt or w:customXml (rows,
    cells)."""
    for kind in element.iterchildren():
        if kind.tag == f"{W}{naam}":
            yield kind
        elif kind.tag in HOUDERS:
            yield from _kinderen(kind, naam)


def _tabel(tabel: Element) -> list[list[str]]:
    """The rows of a table, one text per grid column: an empty cell stays an empty string, a
    cell spanning columns is followed by empty strings, a vertically merged cell has its text
    in the top row only. So the columns of all rows line up."""
    rijen: list[list[str]] = []
    for rij in _kinderen(tabel, "tr"):
        eigenschappen = rij.find(f"{W}trPr")
        cellen = [""] * _aantal(eigenschappen, "gridBefore", 0)
        for cel in _kinderen(rij, "tc"):
            opmaak = cel.find(f"{W}tcPr")
            samengevoegd = opmaak.find(f"{W}vMerge") if opmaak is not None else None
            vervolg = samengevoegd is not None and samengevoegd.get(f"{W}val") != "restart"
            tekst = "" if vervolg else " ".join(" ".join(_celtekst(cel)).split())
            cellen += [tekst] + [""] * (_aantal(opmaak, "gridSpan", 1) - 1)
        rijen.append(cellen + [""] * _aantal(eigenschappen, "gridAfter", 0))
    return rijen


def _aantal(eigenschappen: Element | None, naam: str, standaard: int) -> int:
    kind = eigenschappen.find(f"{W}{naam}") if eigenschappen is not None else None
    try:
        return max(int(kind.get(f"{W}val")), 0) if kind is not None else standaard
    except (TypeError, ValueError):
        return standaard


def _celtekst(cel: Element) -> Iterator[str]:
    for blok in _blokken(cel):
        if blok.tag == f"{W}p":
            yield "".join(tekst for tekst, _ in _runs(blok))
        else:  # a table inside the cell
            yield from (" ".join(rij) for rij in _tabel(blok))


def _runs(element: Element) -> Iterator[tuple[str, Element]]:
    """(text, w:r) of each run of a paragraph in order, in whatever container (hyperlink,
    content control, field, custom XML); not deleted text (w:del), not text boxes."""
    for kind in element.iterchildren():
        if kind.tag == f"{W}r":
            yield _runtekst(kind), kind
        elif kind.tag in HOUDERS:
            yield from _runs(kind)


def _runtekst(run: Element) -> str:
    """A run's text: w:t, a tab for w:tab, a line break for w:br and w:cr; field instructions
    (w:instrText) and deleted text (w:delText) are no text."""
    delen: list[str] = []
    for kind in run.iterchildren():
        if kind.tag == f"{W}t":
            delen.append(kind.text or "")
        elif kind.tag in (f"{W}tab", f"{W}ptab"):
            delen.append("\t")
        elif kind.tag in (f"{W}br", f"{W}cr"):
            delen.append("\n")
        elif kind.tag == f"{W}noBreakHyphen":
            delen.append("-")
    return "".join(delen)


def _alinea(p: Element, document: Documentobject, nummering: Nummering, plaats: str,
            ) -> Iterator[Alinea]:
    from docx.text.paragraph import Paragraph

    alinea = Paragraph(p, document)
    stijlen = _stijlen(alinea)
    stijlnaam = (stijlen[0].name or "").lower() if stijlen else ""
    kop = stijlnaam.startswith(("heading", "kop", "title", "titel"))
    toc = stijlnaam.startswith(("toc", "inhopg")) or stijlnaam in ("table of contents",)
    marker = _nummer_van(p, stijlen, nummering)
    runs = list(_runs(p))
    cursief = _cursief(alinea, runs, stijlen)
    regels = "".join(tekst for tekst, _ in runs).split("\n")  # line breaks: "3.9.6" ⏎ text
    for i, regel in enumerate(regels, start=1):
        if regel.strip() or (marker and i == len(regels)):
            yield Alinea(regel.strip(), plaats, cursief=cursief, kop=kop, marker=marker,
                         inhoudsopgave=toc)
            marker = None  # the marker goes with the first line that has text


def _stijlen(alinea: Paragraph) -> list[ParagraphStyle]:
    """The paragraph's style and the styles it is based on, nearest first."""
    uit: list[ParagraphStyle] = []
    stijl = alinea.style
    while stijl is not None and stijl not in uit and len(uit) < 20:
        uit.append(stijl)
        stijl = stijl.base_style
    return uit


def _nummer_van(p: Element, stijlen: list[ParagraphStyle], nummering: Nummering,
                ) -> str | None:
    """The marker Word's list numbering gives the paragraph, directly or through its style.
    numId and ilvl are inherited each on their own: a paragraph may give only the level of
    the list its style sets (§17.9.9). Without a level, a style's list uses the level that
    names the style (w:pStyle), else level 0. numId 0 switches numbering off."""
    num_id: str | None = None
    ilvl: str | None = None
    bron: ParagraphStyle | None = None
    for stijl, eigenschappen in [(None, p.pPr), *((s, s.element.pPr) for s in stijlen)]:
        num_pr = eigenschappen.find(f"{W}numPr") if eigenschappen is not None else None
        if num_pr is None:
            continue
        if num_id is None and num_pr.find(f"{W}numId") is not None:
            num_id, bron = num_pr.find(f"{W}numId").get(f"{W}val"), stijl
        if ilvl is None and num_pr.find(f"{W}ilvl") is not None:
            ilvl = num_pr.find(f"{W}ilvl").get(f"{W}val")
    if num_id in (None, "0"):
        return None
    assert num_id is not None
    niveau: int | None = None
    try:
        niveau = int(ilvl) if ilvl is not None else None
    except ValueError:
        niveau = None
    if niveau is None and bron is not None:
        gekoppeld = (nummering.niveau_van_stijl(num_id, s.style_id) for s in stijlen)
        niveau = next((n for n in gekoppeld if n is not None), None)
    return nummering.marker(num_id, niveau or 0)


def _cursief(alinea: Paragraph, runs: list[tuple[str, Element]],
             stijlen: list[ParagraphStyle]) -> bool:
    """Whether every run with text is italic (directly, by its character style or by the
    paragraph's style): the standard's guidance lines are set in italics."""
    from docx.text.run import Run

    stijl_cursief = next((bool(s.font.italic) for s in stijlen if s.font.italic is not None),
                         False)
    gezien = False
    for tekst, r in runs:
        if not tekst.strip():
            continue
        gezien = True
        run = Run(r, alinea)
        cursief = run.italic
        if cursief is None and run.style is not None and run.style.font.italic is not None:
            cursief = run.style.font.italic
        if not (cursief if cursief is not None else stijl_cursief):
            return False
    return gezien
