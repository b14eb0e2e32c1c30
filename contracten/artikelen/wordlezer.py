"""Read a Word document (.docx) as the importer's paragraphs, in document order: the list
markers Word's numbering (numbering.xml) shows, italics, headings, tables."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from contracten.artikelen.bronalineas import STREEPJES, Alinea

# Word list formats: decimal, letters, roman numerals; bullets become a dash or a dot.
ROMEINS = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _romeins(n: int) -> str:
    uit = ""
    for waarde, teken in ROMEINS:
        while n >= waarde:
            uit += teken
            n -= waarde
    return uit


def _letter(n: int) -> str:
    uit = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        uit = chr(ord("a") + rest) + uit
    return uit


def _opmaak(n: int, formaat: str) -> str:
    if formaat == "lowerLetter":
        return _letter(n)
    if formaat == "upperLetter":
        return _letter(n).upper()
    if formaat == "lowerRoman":
        return _romeins(n)
    if formaat == "upperRoman":
        return _romeins(n).upper()
    return str(n)


@dataclass
class _Niveau:
    formaat: str = "decimal"
    tekst: str = "%1."
    start: int = 1


@dataclass
class _Nummering:
    """numbering.xml: per numId its levels, and the counters while the body is read."""

    niveaus: dict[str, dict[int, _Niveau]] = field(default_factory=dict)
    tellers: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def uit(cls, element: Any) -> _Nummering:
        nummering = cls()
        if element is None:
            return nummering
        abstract: dict[str, dict[int, _Niveau]] = {}
        for a in element.iter(f"{W}abstractNum"):
            abstract[a.get(f"{W}abstractNumId")] = {
                int(lvl.get(f"{W}ilvl")): _niveau(lvl) for lvl in a.iter(f"{W}lvl")}
        for num in element.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            niveaus = dict(abstract.get(ref.get(f"{W}val") if ref is not None else "", {}))
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl"))
                lvl = override.find(f"{W}lvl")
                start = override.find(f"{W}startOverride")
                basis = lvl if lvl is not None else None
                niveau = _niveau(basis) if basis is not None else niveaus.get(ilvl, _Niveau())
                if start is not None:
                    niveau = _Niveau(niveau.formaat, niveau.tekst, int(start.get(f"{W}val")))
                niveaus[ilvl] = niveau
            nummering.niveaus[num.get(f"{W}numId")] = niveaus
        return nummering

    def marker(self, num_id: str, ilvl: int) -> str | None:
        niveaus = self.niveaus.get(num_id)
        if not niveaus or ilvl not in niveaus:
            return None
        tellers = self.tellers.setdefault(num_id, {})
        niveau = niveaus[ilvl]
        tellers[ilvl] = tellers.get(ilvl, niveau.start - 1) + 1
        for dieper in [k for k in tellers if k > ilvl]:
            del tellers[dieper]  # a new item restarts the levels below it
        if niveau.formaat == "bullet":
            return "–" if niveau.tekst.strip() and niveau.tekst.strip()[0] in STREEPJES else "•"
        if niveau.formaat == "none":
            return None

        def vervang(gevonden: re.Match[str]) -> str:
            k = int(gevonden.group(1)) - 1
            n = niveaus.get(k, _Niveau())
            return _opmaak(tellers.get(k, n.start), n.formaat)

        return re.sub(r"%(\d)", vervang, niveau.tekst).strip() or None


def _niveau(lvl: Any) -> _Niveau:
    def waarde(naam: str, standaard: str) -> str:
        kind = lvl.find(f"{W}{naam}")
        return kind.get(f"{W}val", standaard) if kind is not None else standaard

    try:
        start = int(waarde("start", "1"))
    except ValueError:
        start = 1
    return _Niveau(waarde("numFmt", "decimal"), waarde("lvlText", "%1."), start)


def uit_word(inhoud: bytes) -> list[Alinea]:
    """The paragraphs and tables of a .docx in document order. Raises ValueError,
    KeyError or zipfile.BadZipFile on a file that is not a readable Word document."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(inhoud))
    try:
        nummering = _Nummering.uit(document.part.numbering_part.element)
    except (KeyError, NotImplementedError):
        nummering = _Nummering()
    alineas: list[Alinea] = []
    teller = 0
    for kind in document.element.body.iterchildren():
        if kind.tag == f"{W}p":
            teller += 1
            alineas += _alinea(Paragraph(kind, document), nummering, f"alinea {teller}")
        elif kind.tag == f"{W}tbl":
            teller += 1
            rijen = [_cellen(rij) for rij in Table(kind, document).rows]
            alineas.append(Alinea("", f"alinea {teller} (tabel)", tabel=rijen))
    return alineas


def _cellen(rij: Any) -> list[str]:
    uit: list[str] = []
    gezien: set[int] = set()
    for cel in rij.cells:  # a merged cell appears once per grid column
        if id(cel._tc) in gezien:
            continue
        gezien.add(id(cel._tc))
        uit.append(" ".join(cel.text.split()))
    return uit


def _alinea(alinea: Any, nummering: _Nummering, plaats: str) -> Iterator[Alinea]:
    stijl = alinea.style
    stijlnaam = (stijl.name or "").lower() if stijl is not None else ""
    kop = stijlnaam.startswith(("heading", "kop", "title", "titel"))
    toc = stijlnaam.startswith(("toc", "inhopg")) or stijlnaam in ("table of contents",)
    marker = _nummer_van(alinea, nummering)
    regels = alinea.text.split("\n")  # a line break inside a paragraph ("3.9.6" ⏎ text)
    cursief = _cursief(alinea)
    for i, regel in enumerate(regels):
        if regel.strip() or (i == 0 and marker):
            yield Alinea(regel.strip(), plaats,
                         cursief=cursief, kop=kop, marker=marker if i == 0 else None,
                         inhoudsopgave=toc)


def _nummer_van(alinea: Any, nummering: _Nummering) -> str | None:
    """The marker Word's list numbering gives the paragraph, directly or through its style."""
    bronnen = [alinea._p.pPr]
    stijl = alinea.style
    while stijl is not None:
        bronnen.append(stijl.element.pPr)
        stijl = stijl.base_style
    for ppr in bronnen:
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{W}numId")
        ilvl = num_pr.find(f"{W}ilvl")
        if num_id is None or num_id.get(f"{W}val") in (None, "0"):
            return None
        return nummering.marker(num_id.get(f"{W}val"),
                                int(ilvl.get(f"{W}val")) if ilvl is not None else 0)
    return None


def _cursief(alinea: Any) -> bool:
    """Whether every run with text is italic (directly, by its character style or by the
    paragraph's style): the standard's guidance lines are set in italics."""
    stijl_cursief = False
    stijl = alinea.style
    while stijl is not None:
        if stijl.font.italic is not None:
            stijl_cursief = bool(stijl.font.italic)
            break
        stijl = stijl.base_style
    gezien = False
    for run in alinea.runs:
        if not run.text.strip():
            continue
        gezien = True
        cursief = run.italic
        if cursief is None and run.style is not None and run.style.font.italic is not None:
            cursief = run.style.font.italic
        if not (cursief if cursief is not None else stijl_cursief):
            return False
    return gezien
