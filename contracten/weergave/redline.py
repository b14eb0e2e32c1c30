"""Compare two Word documents paragraph by paragraph and word by word, and write the differences
into the new document as real Word revisions (w:ins / w:del), so a lawyer can accept or reject
each one in Word or LibreOffice. Pure: bytes in, bytes out; the revision date is an argument."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from contracten.weergave.zipschrijver import vaste_zip

AUTEUR = "contracten"
WOORD = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Deel:
    soort: str  # "gelijk", "weg" or "nieuw"
    tekst: str


@dataclass
class Wijziging:
    artikel: str  # the nearest heading above the change
    delen: list[Deel] = field(default_factory=list)

    @property
    def weg(self) -> str:
        return "".join(d.tekst for d in self.delen if d.soort == "weg")

    @property
    def nieuw(self) -> str:
        return "".join(d.tekst for d in self.delen if d.soort == "nieuw")


def _alineas(document: Any) -> Iterator[tuple[Paragraph, str]]:
    """Every paragraph in document order, table cells included, with its heading."""
    kop = ""

    def door(container: Any) -> Iterator[tuple[Paragraph, str]]:
        nonlocal kop
        for blok in container.iter_inner_content():
            if isinstance(blok, Table):
                for rij in blok.rows:
                    gezien = set()
                    for cel in rij.cells:
                        if id(cel._tc) in gezien:  # a merged cell appears once
                            continue
                        gezien.add(id(cel._tc))
                        yield from door(cel)
            else:
                stijl = blok.style.name if blok.style is not None else ""
                if stijl.startswith("Heading") or stijl == "Title":
                    kop = blok.text
                yield blok, kop

    yield from door(document)


def woorden(oud: str, nieuw: str) -> list[Deel]:
    """A word-level diff; whitespace travels with the words so the text reads naturally."""
    a, b = WOORD.findall(oud), WOORD.findall(nieuw)
    delen: list[Deel] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            delen.append(Deel("gelijk", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            delen.append(Deel("weg", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            delen.append(Deel("nieuw", "".join(b[j1:j2])))
    return delen


class _Revisies:
    def __init__(self, datum: dt.datetime) -> None:
        self.datum = datum.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.volgnummer = 0

    def element(self, tag: str) -> Any:
        self.volgnummer += 1
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.volgnummer))
        el.set(qn("w:author"), AUTEUR)
        el.set(qn("w:date"), self.datum)
        return el


def _run(tekst: str, opmaak: Any, verwijderd: bool) -> Any:
    run = OxmlElement("w:r")
    if opmaak is not None:
        run.append(copy.deepcopy(opmaak))
    t = OxmlElement("w:delText" if verwijderd else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = tekst
    run.append(t)
    return run


def _herschrijf(alinea: Paragraph, delen: list[Deel], rev: _Revisies) -> None:
    """Replace the paragraph's runs by the diff: equal text plain, the rest as revisions."""
    eerste = alinea._p.find(qn("w:r"))
    opmaak = eerste.find(qn("w:rPr")) if eerste is not None else None
    for kind in list(alinea._p):
        if kind.tag != qn("w:pPr"):
            alinea._p.remove(kind)
    for deel in delen:
        if not deel.tekst:
            continue
        if deel.soort == "gelijk":
            alinea._p.append(_run(deel.tekst, opmaak, False))
            continue
        wrapper = rev.element("w:del" if deel.soort == "weg" else "w:ins")
        wrapper.append(_run(deel.tekst, opmaak, deel.soort == "weg"))
        alinea._p.append(wrapper)


def _verwijderde_alinea(na: Paragraph, tekst: str, rev: _Revisies) -> None:
    """Put a paragraph that only the old document has before `na`, wholly as a deletion."""
    p = copy.deepcopy(na._p)
    for kind in list(p):
        if kind.tag != qn("w:pPr"):
            p.remove(kind)
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        p.insert(0, p_pr)
    r_pr = p_pr.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        p_pr.append(r_pr)
    r_pr.append(rev.element("w:del"))  # the paragraph mark is deleted too
    wrapper = rev.element("w:del")
    wrapper.append(_run(tekst, None, True))
    p.append(wrapper)
    na._p.addprevious(p)


def _nieuwe_alinea(alinea: Paragraph, rev: _Revisies) -> None:
    for run in alinea._p.findall(qn("w:r")):
        wrapper = rev.element("w:ins")
        run.addprevious(wrapper)
        wrapper.append(run)


def vergelijk(oud: bytes, nieuw: bytes, datum: dt.datetime) -> tuple[bytes, list[Wijziging]]:
    """The redline (the new document with revisions) and the list of changes."""
    oud_doc = Document(io.BytesIO(oud))
    nieuw_doc = Document(io.BytesIO(nieuw))
    oude = list(_alineas(oud_doc))
    nieuwe = list(_alineas(nieuw_doc))
    a = [p.text for p, _ in oude]
    b = [p.text for p, _ in nieuwe]
    rev = _Revisies(datum)
    wijzigingen: list[Wijziging] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paren = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paren):  # changed paragraphs: word level
            alinea, kop = nieuwe[j1 + k]
            delen = woorden(a[i1 + k], b[j1 + k])
            _herschrijf(alinea, delen, rev)
            wijzigingen.append(Wijziging(kop, delen))
        for i in range(i1 + paren, i2):  # only in the old document
            anker = nieuwe[j1 + paren][0] if j1 + paren < len(nieuwe) else nieuwe[-1][0]
            _verwijderde_alinea(anker, a[i], rev)
            kop = nieuwe[j1 + paren][1] if j1 + paren < len(nieuwe) else ""
            wijzigingen.append(Wijziging(kop, [Deel("weg", a[i])]))
        for j in range(j1 + paren, j2):  # only in the new document
            alinea, kop = nieuwe[j]
            _nieuwe_alinea(alinea, rev)
            wijzigingen.append(Wijziging(kop, [Deel("nieuw", b[j])]))
    buffer = io.BytesIO()
    nieuw_doc.save(buffer)
    return vaste_zip(buffer.getvalue()), wijzigingen
