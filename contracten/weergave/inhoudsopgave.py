"""The table of contents: a template holds a Word TOC field (References > Table of Contents, or
a field `TOC \\o "1-3" \\h \\z \\u`); the engine fills its result with the document's headings, each
a link to a bookmark on its heading, so LibreOffice and a PDF show it without updating. Page
numbers only a word processor can know: the document asks Word to update its fields on opening
(`w:updateFields`), which fills them in.
"""

from __future__ import annotations

import copy
import html
import re
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NIVEAUS = re.compile(r'\\o\s+"(\d)-(\d)"')
_KOP = re.compile(r"Heading (\d)")
# The paragraphs that may be headings, found in C rather than one by one in Python (a contract
# has hundreds of paragraphs and a handful of headings); `_niveau` decides.
_KANDIDATEN = etree.XPath(
    ".//w:p[w:pPr/w:outlineLvl or w:pPr/w:pStyle[contains($koppen, concat(' ', @w:val, ' '))]]",
    namespaces={"w": W[1:-1]})


def _el(tag: str, attributen: dict[str, str] | None = None, *kinderen: Any) -> Any:
    element = etree.Element(f"{W}{tag}", {f"{W}{k}": v for k, v in (attributen or {}).items()})
    for kind in kinderen:
        element.append(kind)
    return element


def _veldteken(r: Any) -> str | None:
    teken = r.find(f"{W}fldChar")
    return teken.get(f"{W}fldCharType") if teken is not None else None


def _tekst(p: Any) -> str:
    """A heading's text as the entry shows it (no footnote references)."""
    delen = []
    for r in p.iter(f"{W}r"):
        for kind in r:
            if kind.tag == f"{W}t":
                delen.append(kind.text or "")
            elif kind.tag == f"{W}tab":
                delen.append(" ")
    return " ".join("".join(delen).split())


def _veld(body: Any) -> tuple[list[Any], str] | None:
    """The runs of the first TOC field in document order, from its begin to its end, and its
    instruction; None when the body has none."""
    runs = list(body.iter(f"{W}r"))
    for i, r in enumerate(runs):
        if _veldteken(r) != "begin":
            continue
        instructie, diepte = "", 0
        for j in range(i, len(runs)):
            teken = _veldteken(runs[j])
            if teken == "begin":
                diepte += 1
            elif teken == "end":
                diepte -= 1
                if diepte == 0:
                    if instructie.strip().upper().startswith("TOC"):
                        return runs[i:j + 1], instructie
                    break
            elif diepte == 1:
                instructie += "".join(t.text or "" for t in runs[j].iter(f"{W}instrText"))
    return None


def vul(body: Any, stijlen: dict[str, str], stijl_ids: dict[str, str | None]) -> bool:
    """Fill the first TOC field of `body` with its headings. `stijlen`: style id -> the name Word
    shows ('Heading 1', 'TOC 1'); `stijl_ids`: 'TOC 1'… -> the template's id for it, or None.
    Returns whether there was a TOC field."""
    gevonden = _veld(body)
    if gevonden is None:
        return False
    runs, instructie = gevonden
    niveaus = _NIVEAUS.search(instructie)
    laagste, hoogste = (int(niveaus.group(1)), int(niveaus.group(2))) if niveaus else (1, 3)
    links = "\\h" in instructie
    eerste_p, laatste_p = runs[0].getparent(), runs[-1].getparent()
    if eerste_p.tag != f"{W}p" or laatste_p.tag != f"{W}p" or \
            eerste_p.getparent() is not laatste_p.getparent():
        return True  # a field this engine did not make and cannot safely refill: leave it
    ouder = eerste_p.getparent()
    alineas = list(ouder)
    veld = alineas[alineas.index(eerste_p):alineas.index(laatste_p) + 1]
    # The runs that make the field: begin, instruction, separate (if any); and its end.
    kop_runs, scheiding = [], False
    for r in runs[:-1]:
        kop_runs.append(copy.deepcopy(r))
        if _veldteken(r) == "separate":
            scheiding = True
            break
    if not scheiding:
        kop_runs.append(_el("r", {}, _el("fldChar", {"fldCharType": "separate"})))
    eind_run = copy.deepcopy(runs[-1])

    in_veld = {id(p) for p in veld}
    ingangen = []
    bladwijzer = max((int(b.get(f"{W}id")) for b in body.iter(f"{W}bookmarkStart")
                      if (b.get(f"{W}id") or "").isdigit()), default=0)
    koppen = " ".join(k for k, naam in stijlen.items() if _KOP.fullmatch(naam))
    for p in _KANDIDATEN(body, koppen=f" {koppen} "):
        if id(p) in in_veld:
            continue
        niveau = _niveau(p, stijlen)
        tekst = _tekst(p) if niveau is not None else ""
        if niveau is None or not laagste <= niveau <= hoogste or not tekst:
            continue
        bladwijzer += 1
        naam = f"_Toc{bladwijzer:09d}"
        _zet_bladwijzer(p, bladwijzer, naam)
        ingangen.append((tekst, niveau, naam if links else None, stijl_ids.get(f"TOC {niveau}")))
    ingangen_xml = _ingangen(ingangen) if ingangen else [_el("p")]
    eerste, laatste = ingangen_xml[0], ingangen_xml[-1]
    plek = 1 if len(eerste) and eerste[0].tag == f"{W}pPr" else 0
    for i, r in enumerate(kop_runs):
        eerste.insert(plek + i, r)
    laatste.append(eind_run)
    plaats = ouder.index(veld[0])
    for p in veld:
        ouder.remove(p)
    for i, ingang in enumerate(ingangen_xml):
        ouder.insert(plaats + i, ingang)
    return True


def _niveau(p: Any, stijlen: dict[str, str]) -> int | None:
    stijl = p.find(f"{W}pPr/{W}pStyle")
    naam = stijlen.get(stijl.get(f"{W}val"), "") if stijl is not None else ""
    kop = _KOP.fullmatch(naam)
    if kop:
        return int(kop.group(1))
    niveau = p.find(f"{W}pPr/{W}outlineLvl")
    if niveau is not None and (niveau.get(f"{W}val") or "").isdigit():
        waarde = int(niveau.get(f"{W}val"))
        return waarde + 1 if waarde < 9 else None
    return None


def _zet_bladwijzer(p: Any, nummer: int, naam: str) -> None:
    p_pr = p.find(f"{W}pPr")
    plek = 1 if p_pr is not None else 0
    p.insert(plek, _el("bookmarkStart", {"id": str(nummer), "name": naam}))
    p.append(_el("bookmarkEnd", {"id": str(nummer)}))


def _ingangen(ingangen: list[tuple[str, int, str | None, str | None]]) -> list[Any]:
    """The entries' paragraphs: (text, level, bookmark or None, TOC style id or None) each.
    Written as XML and parsed at once: a contract has dozens of entries."""
    delen = []
    for tekst, niveau, anker, stijl_id in ingangen:
        opmaak = (f'<w:pStyle w:val="{_attr(stijl_id)}"/>' if stijl_id is not None else
                  f'<w:spacing w:after="60"/><w:ind w:left="{220 * (niveau - 1)}"/>')
        run = f'<w:r><w:t xml:space="preserve">{_attr(tekst)}</w:t></w:r>'
        if anker:
            run = f'<w:hyperlink w:anchor="{_attr(anker)}" w:history="1">{run}</w:hyperlink>'
        delen.append(f"<w:p><w:pPr>{opmaak}</w:pPr>{run}</w:p>")
    return list(etree.fromstring(f'<w:body xmlns:w="{W[1:-1]}">{"".join(delen)}</w:body>'))


def _attr(tekst: str) -> str:
    return html.escape(tekst, quote=True)
