"""Word XML for numbered lists: a fresh numbering per list, so each starts at 1."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from contracten.weergave.stijlen import van_deel


def element(tag: str, attributen: dict[str, str], *kinderen: Any) -> Any:
    element = OxmlElement(tag)
    for naam, waarde in attributen.items():
        element.set(qn(naam), waarde)
    for kind in kinderen:
        element.append(kind)
    return element


def nieuwe_nummering(container: Any) -> int:
    """A fresh w:num on the List Number definition, so every numbered list starts at 1."""
    part = container.part  # the main document part, also for a Subdoc or a table cell
    numbering = part.numbering_part.element
    stijl = part.styles.element.get_by_id(van_deel(part).vereist("List Number"))
    abstract_id = _abstract_van_stijl(numbering, stijl)
    nieuw_id = max((int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))),
                   default=0) + 1
    numbering.append(element(
        "w:num", {"w:numId": str(nieuw_id)}, element("w:abstractNumId", {"w:val": abstract_id}),
        *(element("w:lvlOverride", {"w:ilvl": str(niveau)},
                  element("w:startOverride", {"w:val": "1"}))
          for niveau in range(3))))
    return nieuw_id


def _abstract_van_stijl(numbering: Any, stijl: Any) -> str:
    num_id = None
    num_pr = stijl.pPr.numPr if stijl.pPr is not None else None
    if num_pr is not None and num_pr.numId is not None:
        num_id = num_pr.numId.val
    for num in numbering.findall(qn("w:num")):
        if num_id is None or int(num.get(qn("w:numId"))) == num_id:
            abstract: str = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            return abstract
    raise LookupError("het sjabloon heeft geen nummering voor 'List Number'")


def zet_nummering(alinea: Paragraph, num: int, niveau: int) -> None:
    p_pr = alinea._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = niveau
    num_pr.get_or_add_numId().val = num
