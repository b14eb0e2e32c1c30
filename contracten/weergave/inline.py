"""Inline Markdown in a Word paragraph: bold, italics, code, links, line breaks and footnote
references, as runs."""

from __future__ import annotations

import re
from typing import Any

from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from contracten.weergave import stijlen
from contracten.weergave.fragment import VOETNOOT
from contracten.weergave.nummering import element as xml_element

LINKKLEUR = RGBColor(0x1F, 0x4E, 0x79)


def inline(alinea: Paragraph, el: Any) -> None:
    """The inline content of HTML element `el` (bold, italics, links, line breaks) as runs."""
    if el.text:
        tekst_in(alinea, el.text)
    for kind in el:
        _inline_element(alinea, kind, vet=False, cursief=False)
        if kind.tail:
            tekst_in(alinea, kind.tail)


def _inline_element(alinea: Paragraph, el: Any, vet: bool, cursief: bool) -> None:
    tag = el.tag
    if tag == "br":
        alinea.add_run().add_break(WD_BREAK.LINE)
        return
    vet = vet or tag in ("strong", "b")
    cursief = cursief or tag in ("em", "i")
    if tag == "a" and veilige_link(el.get("href") or ""):
        _link(alinea, el.get("href"), el.text_content())
        return
    if el.text:
        _run(alinea, el.text, vet, cursief, code=tag == "code")
    for kind in el:
        _inline_element(alinea, kind, vet, cursief)
        if kind.tail:
            _run(alinea, kind.tail, vet, cursief)


def tekst_in(alinea: Paragraph, tekst: str) -> None:
    """Plain text (it may hold footnote markers) as runs."""
    _run(alinea, tekst, False, False)


def _run(alinea: Paragraph, tekst: str, vet: bool, cursief: bool, code: bool = False) -> None:
    tekst = re.sub(r"[ \t]*\n\s*", " ", tekst)  # a wrapped source line is one line of text
    delen = VOETNOOT.split(tekst)
    for i, deel in enumerate(delen):
        if i % 2:
            if i > 1 and not delen[i - 1]:  # right after another: "¹,²", never "¹²"
                _superscript(alinea, ",")
            voetnootverwijzing(alinea, int(deel))
        elif deel:
            _tekstrun(alinea, deel, vet, cursief, code)


def _superscript(alinea: Paragraph, tekst: str) -> None:
    run = alinea.add_run(tekst)
    run.font.superscript = True


def voetnootverwijzing(alinea: Paragraph, nummer: int) -> None:
    """A footnote reference: the motor renumbers `nummer` (the note's place in its fragment) to
    the note's id in the document."""
    alinea._p.append(xml_element("w:r", {}, verwijzingsopmaak(alinea.part),
                                 xml_element("w:footnoteReference", {"w:id": str(nummer)})))


def verwijzingsopmaak(deel: Any) -> Any:
    """The w:rPr of a footnote's number: the template's footnote reference style, and raised
    however the template styles it."""
    eigenschappen = xml_element("w:rPr", {})
    stijl_id = stijlen.van_deel(deel).id_van("footnote reference", "character")
    if stijl_id is not None:
        eigenschappen.append(xml_element("w:rStyle", {"w:val": stijl_id}))
    eigenschappen.append(xml_element("w:vertAlign", {"w:val": "superscript"}))
    return eigenschappen


def _tekstrun(alinea: Paragraph, tekst: str, vet: bool, cursief: bool, code: bool) -> None:
    if _BIJZONDER.search(tekst):  # python-docx makes tabs and breaks of these
        run = alinea.add_run(tekst)
    else:  # the same w:t python-docx makes, without its walk over every character
        run = alinea.add_run()
        if tekst:
            run._r.add_t(tekst)
    if vet:
        run.bold = True
    if cursief:
        run.italic = True
    if code:
        run.font.name = "Courier New"


_BIJZONDER = re.compile(r"[\t\r\n]")
LINKSCHEMA = ("http", "https", "mailto")


def veilige_link(url: str) -> bool:
    """Only web and mail links become live links; javascript:, data:, file: (any letter case,
    with stray whitespace) stay plain text."""
    schema = url.strip().split(":", 1)[0].strip().lower() if ":" in url else ""
    return schema in LINKSCHEMA


def _link(alinea: Paragraph, url: str, tekst: str) -> None:
    rid = alinea.part.relate_to(url, RT.HYPERLINK, is_external=True)
    t = xml_element("w:t", {"xml:space": "preserve"})
    t.text = tekst
    eigenschappen = xml_element("w:rPr", {}, xml_element("w:color", {"w:val": str(LINKKLEUR)}),
                        xml_element("w:u", {"w:val": "single"}))
    run = xml_element("w:r", {}, eigenschappen, t)
    alinea._p.append(xml_element("w:hyperlink", {"r:id": rid}, run))
