"""How Word lays a table out, apart from its column widths (see `tabelbreedte`): a fixed layout,
so Word and LibreOffice take the grid's widths as they are, and short rows kept on one page.
Each element goes in its place in the schema's order."""

from __future__ import annotations

from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

KORTE_RIJ = 400  # characters: a row this short never needs two pages
# The children of w:trPr after w:cantSplit, in the schema's order.
_NA_CANTSPLIT = ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del",
                 "trPrChange")


def rijtekst(tr: Any) -> str:
    """The text of table row `tr`: what decides whether it is short."""
    return "".join(t.text or "" for t in tr.iter(f"{W}t"))


def kort(tekst: str) -> bool:
    """Whether a row with text `tekst` (`rijtekst`) is kept on one page."""
    return len(tekst) <= KORTE_RIJ


def niet_splitsen(tr: Any) -> None:
    """A row that does not break across pages (a tariff with its "(voorbeeld)" stays whole)."""
    tr_pr = tr.find(f"{W}trPr")
    if tr_pr is None:
        tr_pr = etree.Element(f"{W}trPr")
        tblpr_ex = tr.find(f"{W}tblPrEx")  # w:tr holds w:tblPrEx?, w:trPr?, then its cells
        tr.insert(tr.index(tblpr_ex) + 1 if tblpr_ex is not None else 0, tr_pr)
    if tr_pr.find(f"{W}cantSplit") is not None:
        return
    _voeg_in(tr_pr, etree.Element(f"{W}cantSplit"), voor=_NA_CANTSPLIT)


def _voeg_in(ouder: Any, element: Any, *, voor: tuple[str, ...]) -> None:
    """Put `element` into `ouder` before its first child named in `voor` (the children that
    follow it in the schema's order), else last."""
    volgende = next((k for k in ouder if etree.QName(k).localname in voor), None)
    if volgende is None:
        ouder.append(element)
    else:
        volgende.addprevious(element)


# The children of w:tblPr that come after w:tblLayout, in the schema's order.
_NA_INDELING = ("tblCellMar", "tblLook", "tblCaption", "tblDescription")


def vaste_indeling(tbl: Any) -> None:
    """Fixed layout: Word and LibreOffice both take the grid's widths as they are."""
    tbl_pr = tbl.find(f"{W}tblPr")
    if tbl_pr is None:
        tbl_pr = etree.Element(f"{W}tblPr")
        tbl.insert(0, tbl_pr)
    indeling = tbl_pr.find(f"{W}tblLayout")
    if indeling is None:
        indeling = etree.Element(f"{W}tblLayout")
        _voeg_in(tbl_pr, indeling, voor=_NA_INDELING)
    indeling.set(f"{W}type", "fixed")
