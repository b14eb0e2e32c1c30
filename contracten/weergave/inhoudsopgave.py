"""The table of contents: a template holds a Word TOC field (References > Table of Contents, or
a field `TOC \\o "1-3" \\h \\z \\u`); the engine fills its result with the document's headings, each
a link to a bookmark on its heading, so LibreOffice shows it without updating. Page numbers only
a word processor can know: the document asks Word to update its fields on opening
(`w:updateFields`), which fills them in, and the conversion to PDF has LibreOffice update the
index before it exports (weergave/pdf.py).
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass
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
    instruction; None when the body has none. The runs are listed only as far as needed: the
    field is near the start of a document of thousands of runs."""
    alle = body.iter(f"{W}r")
    runs: list[Any] = []

    def run(k: int) -> Any | None:
        while len(runs) <= k:
            volgende = next(alle, None)
            if volgende is None:
                return None
            runs.append(volgende)
        return runs[k]

    i = 0
    while (r := run(i)) is not None:
        if _veldteken(r) == "begin":
            instructie, diepte, j = "", 0, i
            while (s := run(j)) is not None:
                teken = _veldteken(s)
                if teken == "begin":
                    diepte += 1
                elif teken == "end":
                    diepte -= 1
                    if diepte == 0:
                        if instructie.strip().upper().startswith("TOC"):
                            return runs[i:j + 1], instructie
                        break
                elif diepte == 1:
                    instructie += "".join(t.text or "" for t in s.iter(f"{W}instrText"))
                j += 1
        i += 1
    return None


@dataclass
class Veld:
    """A TOC field this engine can refill: its paragraphs, siblings under `ouder`."""

    ouder: Any
    alineas: list[Any]
    kop_runs: list[Any]  # begin, instruction, separate: copies, to open the first entry
    eind_run: Any  # a copy of its end, to close the last entry
    laagste: int
    hoogste: int
    links: bool  # entries link to their headings (\\h)


def veld_van(body: Any) -> tuple[bool, Veld | None]:
    """Whether `body` has a TOC field, and that field when this engine can safely refill it."""
    gevonden = _veld(body)
    if gevonden is None:
        return False, None
    runs, instructie = gevonden
    niveaus = _NIVEAUS.search(instructie)
    laagste, hoogste = (int(niveaus.group(1)), int(niveaus.group(2))) if niveaus else (1, 3)
    eerste_p, laatste_p = runs[0].getparent(), runs[-1].getparent()
    if eerste_p.tag != f"{W}p" or laatste_p.tag != f"{W}p" or \
            eerste_p.getparent() is not laatste_p.getparent():
        return True, None  # a field this engine did not make and cannot safely refill
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
    return True, Veld(ouder, veld, kop_runs, copy.deepcopy(runs[-1]), laagste, hoogste,
                      "\\h" in instructie)


def hoogste_bladwijzer(body: Any) -> int:
    """The highest numeric id of the bookmarks in `body` (0 when none)."""
    return max((int(b.get(f"{W}id")) for b in body.iter(f"{W}bookmarkStart")
                if (b.get(f"{W}id") or "").isdigit()), default=0)


def kopstijlen(stijlen: dict[str, str]) -> str:
    """The ids of the heading styles, as `kandidaten` takes them."""
    return " " + " ".join(k for k, naam in stijlen.items() if _KOP.fullmatch(naam)) + " "


def kandidaten(body: Any, stijlen: dict[str, str], behalve: list[Any] | None = None,
               koppen: str | None = None) -> list[tuple[Any, int, str]]:
    """The headings a table of contents may list, in document order: (paragraph, level, text),
    leaving out the paragraphs in `behalve` (the field's own). `koppen`: `kopstijlen(stijlen)`,
    when the caller has it already."""
    overslaan = {id(p) for p in behalve or []}
    uit = []
    for p in _KANDIDATEN(body, koppen=koppen or kopstijlen(stijlen)):
        if id(p) in overslaan:
            continue
        niveau = _niveau(p, stijlen)
        tekst = _tekst(p) if niveau is not None else ""
        if niveau is not None and tekst:
            uit.append((p, niveau, tekst))
    return uit


def bladwijzer(nummer: int) -> str:
    return f"_Toc{nummer:09d}"


def vul(body: Any, stijlen: dict[str, str], stijl_ids: dict[str, str | None]) -> bool:
    """Fill the first TOC field of `body` with its headings. `stijlen`: style id -> the name Word
    shows ('Heading 1', 'TOC 1'); `stijl_ids`: 'TOC 1'… -> the template's id for it, or None.
    Returns whether there was a TOC field."""
    gevonden, veld = veld_van(body)
    if veld is None:
        return gevonden
    nummer = hoogste_bladwijzer(body)
    ingangen = []
    for p, niveau, tekst in kandidaten(body, stijlen, veld.alineas):
        if veld.laagste <= niveau <= veld.hoogste:
            nummer += 1
            zet_bladwijzer(p, nummer, bladwijzer(nummer))
            ingangen.append((tekst, niveau, bladwijzer(nummer) if veld.links else None))
    vervang(veld, ingangen, stijl_ids)
    return True


def vervang(veld: Veld, ingangen: list[tuple[str, int, str | None]],
            stijl_ids: dict[str, str | None]) -> None:
    """Put the entries (text, level, bookmark or None) in the place of the field's paragraphs."""
    ingangen_xml = _ingangen([(tekst, niveau, anker, stijl_ids.get(f"TOC {niveau}"))
                              for tekst, niveau, anker in ingangen]) if ingangen else [_el("p")]
    eerste, laatste = ingangen_xml[0], ingangen_xml[-1]
    plek = 1 if len(eerste) and eerste[0].tag == f"{W}pPr" else 0
    for i, r in enumerate(veld.kop_runs):
        eerste.insert(plek + i, r)
    laatste.append(veld.eind_run)
    plaats = veld.ouder.index(veld.alineas[0])
    for p in veld.alineas:
        veld.ouder.remove(p)
    for i, ingang in enumerate(ingangen_xml):
        veld.ouder.insert(plaats + i, ingang)


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


def zet_bladwijzer(p: Any, nummer: int, naam: str) -> None:
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
