"""Write Fragments into a Word document: Markdown becomes real headings, lists, bold, italics and
links (parsed by the `markdown` package, never left as literal `*`, `#` or `-`)."""

from __future__ import annotations

import copy
import re
from html import escape
from typing import Any

import lxml.html
import markdown
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from markdown.extensions.sane_lists import SaneListExtension

from contracten.weergave import stijlen
from contracten.weergave.fragment import Afbeelding, Fragment, Kop, Letterlijk, Tabel, Tekst
from contracten.weergave.inline import inline, tekst_in, verwijzingsopmaak
from contracten.weergave.nummering import element as xml_element
from contracten.weergave.nummering import nieuwe_nummering, zet_nummering

# The extension as an object: named, Markdown would first look it up among the entry points of
# every installed package (some 25 ms at every start of a run that writes a Fragment).
_MD = markdown.Markdown(extensions=[SaneListExtension()], output_format="html")
# Profile texts are data: raw HTML in them is shown literally, never interpreted.
_MD.preprocessors.deregister("html_block")
_MD.inlinePatterns.deregister("html")
_LIJSTSTIJLEN = {("ul", 1): "List Bullet", ("ul", 2): "List Bullet 2", ("ul", 3): "List Bullet 3",
                 ("ol", 1): "List Number", ("ol", 2): "List Number 2", ("ol", 3): "List Number 3"}


def naar_html(tekst: str) -> str:
    _MD.reset()
    return _MD.convert(tekst)


def _alinea(container: Any, stijl: str | None, tekst: str = "") -> Paragraph:
    """A new paragraph in a named style. The name is looked up once per document: python-docx
    would scan all styles for every paragraph."""
    alinea = container.add_paragraph(tekst)
    if stijl is not None:
        alinea._p.style = _stijl_id(container.part, stijl)
    return alinea  # type: ignore[no-any-return]


def _stijl_id(deel: Any, naam: str, soort: str = "paragraph") -> str:
    """The id of a style the template must have, found however Word or LibreOffice named it."""
    return stijlen.van_deel(deel).vereist(naam, soort)


def vul(container: Any, fragment: Fragment) -> None:
    """Append the fragment's blocks to a Document, Subdoc or table cell."""
    for blok in fragment.blokken:
        if isinstance(blok, Kop):
            _alinea(container, f"Heading {min(blok.niveau, 9)}", blok.tekst)
        elif isinstance(blok, Tekst):
            schrijf_markdown(container, blok.markdown, blok.stijl)
        elif isinstance(blok, Tabel):
            _tabel(container, blok)
        elif isinstance(blok, Afbeelding):
            container.add_paragraph().add_run().add_picture(blok.pad, width=Mm(blok.breedte_mm))


def schrijf_markdown(container: Any, tekst: str, stijl: str | None = None) -> None:
    html = naar_html(tekst)
    if not html.strip():
        return
    for element in lxml.html.fragments_fromstring(html):
        if isinstance(element, str):  # loose text between blocks
            if element.strip():
                tekst_in(_alinea(container, stijl), element)
            continue
        _blok(container, element, stijl, lijstdiepte=0, nummering=None)


def _blok(container: Any, el: Any, stijl: str | None, lijstdiepte: int,
          nummering: int | None) -> None:
    tag = el.tag
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        inline(_alinea(container, f"Heading {tag[1]}"), el)
    elif tag in ("ul", "ol"):
        num = nieuwe_nummering(container) if tag == "ol" else None
        for li in el:
            if li.tag == "li":
                _lijstitem(container, li, tag, lijstdiepte + 1, num)
    elif tag == "blockquote":
        for kind in el:
            _blok(container, kind, "Quote", lijstdiepte, nummering)
    elif tag == "hr":
        container.add_paragraph()
    else:  # p, div, pre and anything else: one paragraph with inline formatting
        inline(_alinea(container, stijl), el)


# A bulleted item that brings its own label ("- a. Vanaf de datum…", "- b) Zelfstandig…", as a
# source's lettered list is often typed): the label, not a bullet as well.
EIGEN_LABEL = re.compile(r"\s*(\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])\s+")
_LABELSTIJLEN = {1: "List", 2: "List 2", 3: "List 3"}


def _lijstitem(container: Any, li: Any, soort: str, diepte: int, num: int | None) -> None:
    stijl = _LIJSTSTIJLEN[(soort, min(diepte, 3))]
    label = EIGEN_LABEL.match(li.text or "") if soort == "ul" else None
    if label:
        li = copy.copy(li)
        li.text = li.text[label.end():]
        alinea = _gelabeld(container, min(diepte, 3), label.group(1))
        if stijlen.van_deel(container.part).id_van(_LABELSTIJLEN[min(diepte, 3)]):
            stijl = _LABELSTIJLEN[min(diepte, 3)]  # its further paragraphs: no bullet either
    else:
        alinea = _alinea(container, stijl)
    if num is not None and not label:
        zet_nummering(alinea, num, min(diepte, 3) - 1)
    # A list item holds inline content, or (loose lists) paragraphs, and maybe a nested list.
    eigen = copy.copy(li)
    for kind in list(eigen):
        if kind.tag in ("ul", "ol", "p"):
            eigen.remove(kind)
    eigen.tail = None
    inline(alinea, eigen)
    eerste_p = True
    for kind in li:
        if kind.tag == "p":
            doel = alinea if eerste_p else _alinea(container, stijl)
            inline(doel, kind)
            eerste_p = False
        elif kind.tag in ("ul", "ol"):
            sub_num = nieuwe_nummering(container) if kind.tag == "ol" else None
            for sub in kind:
                if sub.tag == "li":
                    _lijstitem(container, sub, kind.tag, diepte + 1, sub_num)


def _gelabeld(container: Any, diepte: int, label: str) -> Paragraph:
    """A list paragraph with the item's own label and a tab, hanging like a list item."""
    stijl_id = stijlen.van_deel(container.part).id_van(_LABELSTIJLEN[diepte])
    alinea = container.add_paragraph()
    p_pr = alinea._p.get_or_add_pPr()
    if stijl_id is not None:
        alinea._p.style = stijl_id
    else:  # no "List" style: the bullet style's indent without its bullet
        alinea._p.style = _stijl_id(container.part, _LIJSTSTIJLEN[("ul", diepte)])
        p_pr.append(xml_element("w:numPr", {}, xml_element("w:ilvl", {"w:val": "0"}),
                                xml_element("w:numId", {"w:val": "0"})))
        p_pr.append(xml_element("w:ind", {"w:left": str(360 * diepte), "w:hanging": "360"}))
    alinea.add_run(label).add_tab()
    return alinea  # type: ignore[no-any-return]


def voetnoot(document: Any, nummer: int, tekst: str) -> Any:
    """A w:footnote with id `nummer` holding the Markdown `tekst`, written through `document`'s
    body (which it leaves empty again but for its sectPr)."""
    body = document.element.body
    stijl = "footnote text" if stijlen.van_deel(document.part).id_van("footnote text") else None
    schrijf_markdown(document, tekst, stijl)
    alineas = [kind for kind in body if kind.tag != qn("w:sectPr")]
    for kind in alineas:
        body.remove(kind)
    if not alineas or alineas[0].tag != qn("w:p"):
        alineas.insert(0, xml_element("w:p", {}))
    eerste = alineas[0]
    eigenschappen = verwijzingsopmaak(document.part)
    ruimte = xml_element("w:t", {"xml:space": "preserve"})
    ruimte.text = " "
    plek = 1 if len(eerste) and eerste[0].tag == qn("w:pPr") else 0
    eerste.insert(plek, xml_element("w:r", {}, eigenschappen, xml_element("w:footnoteRef", {})))
    eerste.insert(plek + 1, xml_element("w:r", {}, ruimte))
    return xml_element("w:footnote", {"w:id": str(nummer)}, *alineas)


TEKSTBREEDTE = 9072  # twips: 16 cm of text on A4 with 2.5 cm margins


def _tabel(container: Any, blok: Tabel) -> None:
    """A table written as WordprocessingML in one go (python-docx's row-by-row API is slow in
    bulk); Markdown cells are then filled through python-docx like any other container."""
    kolommen = len(blok.kop or blok.rijen[0])
    verhouding = blok.breedtes or [1.0] * kolommen
    breedtes = [int(TEKSTBREEDTE * d / sum(verhouding)) for d in verhouding]
    stijl = escape(_stijl_id(container.part, "Table Grid", "table"))
    rijen = []
    if blok.kop:
        cellen = "".join(_cel_xml(b, [tekst], vet=True, arceer=True)
                         for tekst, b in zip(blok.kop, breedtes, strict=True))
        rijen.append(f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{cellen}</w:tr>")
    for rij in blok.rijen:
        cellen = "".join(
            _cel_xml(b, inhoud.tekst.split("\n") if isinstance(inhoud, Letterlijk) else None,
                     vet=blok.eerste_kolom_vet and i == 0)
            for i, (inhoud, b) in enumerate(zip(rij, breedtes, strict=True)))
        rijen.append(f"<w:tr>{cellen}</w:tr>")
    indeling = '<w:tblLayout w:type="fixed"/>' if blok.breedtes else ""
    raster = "".join(f'<w:gridCol w:w="{b}"/>' for b in breedtes)
    tbl = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{stijl}"/>'
        f'<w:tblW w:type="auto" w:w="0"/>{indeling}<w:tblLook w:firstColumn="1" '
        'w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" '
        f'w:val="04A0"/></w:tblPr><w:tblGrid>{raster}</w:tblGrid>{"".join(rijen)}</w:tbl>')
    container._body._element._insert_tbl(tbl)
    tabel = Table(tbl, container._body)
    eerste = 1 if blok.kop else 0
    for r, rij in enumerate(blok.rijen):
        for i, inhoud in enumerate(rij):
            if not isinstance(inhoud, Letterlijk):
                cel = _Cell(tbl.tr_lst[eerste + r].tc_lst[i], tabel)
                _vul_markdown_cel(cel, inhoud, vet=blok.eerste_kolom_vet and i == 0)
    container.add_paragraph()  # breathing space, and Word needs a paragraph after a table


def _cel_xml(breedte: int, regels: list[str] | None, *, vet: bool, arceer: bool = False) -> str:
    """One cell; `regels` None leaves a single empty paragraph for Markdown to fill."""
    schaduw = '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' if arceer else ""
    opmaak = "<w:rPr><w:b/></w:rPr>" if vet else ""
    alineas = "".join(f'<w:p><w:r>{opmaak}<w:t xml:space="preserve">{escape(r)}</w:t></w:r></w:p>'
                      for r in regels) if regels else "<w:p/>"
    return (f'<w:tc><w:tcPr><w:tcW w:w="{breedte}" w:type="dxa"/>{schaduw}</w:tcPr>'
            f"{alineas}</w:tc>")


def _vul_markdown_cel(cel: _Cell, tekst: str, vet: bool) -> None:
    eerste = cel.paragraphs[0]
    schrijf_markdown(cel, tekst)
    # The cell's empty first paragraph goes once the cell has content of its own.
    if len(cel.paragraphs) > 1 and not eerste.text:
        eerste._p.getparent().remove(eerste._p)
    if vet:
        for alinea in cel.paragraphs:
            for run in alinea.runs:
                run.bold = True


