"""What the Markdown twin reads from one paragraph or table of the body, once: its text and
style, and the lines it adds to the twin. `tekstversie` keeps it per block between the
documents of one template, so joining a twin is little more than adding those lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contracten.weergave.geheugen import Geheugen
from contracten.weergave.markdownblok import (
    LABELLIJSTEN,
    alinea,
    gewone_alinea,
    platte_tekst,
    stijlnaam,
    tabel,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KOPPEN = {"Title": 1, **{f"Heading {n}": n + 1 for n in range(1, 6)}}
LIJSTEN = {"List Bullet": "- ", "List Bullet 2": "    - ", "List Bullet 3": "        - ",
           "List Number": "1. ", "List Number 2": "    1. ", "List Number 3": "        1. "}
# What a block is in the twin: left out (no text), a list item (no blank line between items),
# or anything else (a paragraph, heading or table, with blank lines around it).
OVERSLAAN, LIJST, ANDERS = -1, 1, 0


@dataclass(frozen=True, slots=True)
class Gelezen:
    """What the twin needs of one paragraph or table of the body."""

    tabel: tuple[str, ...] | None  # a table's lines
    tekst: str
    stijl: str
    begint_inhoudsopgave: bool
    veldbalans: int
    platte_tekst: str  # a paragraph's text as it stands (for the headings), else ""
    soort: int  # OVERSLAAN, LIJST or ANDERS
    regels: tuple[str, ...]  # its lines in the twin (a list item: without the blank before)


def lees(blok: Any, stijlen: dict[str, str], links: dict[str, str], nummers: dict[str, int],
         rijen: Geheugen[bytes, tuple[str, ...]] | None = None) -> Gelezen:
    if blok.tag == f"{W}tbl":
        regels = tuple(tabel(blok, stijlen, links, nummers, rijen))
        return Gelezen(regels, "", "", False, 0, "", ANDERS, ("", *regels, ""))
    tekst, stijl = alinea(blok, links, nummers), stijlnaam(blok, stijlen)
    return Gelezen(None, tekst, stijl, begint_inhoudsopgave(blok), veldbalans(blok),
                   platte_tekst(blok), *in_de_tweeling(tekst, stijl))


def in_de_tweeling(tekst: str, stijl: str) -> tuple[int, tuple[str, ...]]:
    if not tekst.strip() or stijl == "TOC Heading":
        return OVERSLAAN, ()
    if stijl in LABELLIJSTEN:  # a list item with its own label: "a.<tab>Vanaf …"
        tekst = tekst.replace("\t", " ", 1)
    if stijl in KOPPEN:
        return ANDERS, ("", "#" * KOPPEN[stijl] + " " + tekst, "")
    if stijl in LIJSTEN:
        return LIJST, (LIJSTEN[stijl] + tekst,)
    return ANDERS, ("", gewone_alinea(tekst), "")


def _velden(p: Any) -> list[str]:
    return [t.get(f"{W}fldCharType") for t in p.iter(f"{W}fldChar")]


def begint_inhoudsopgave(p: Any) -> bool:
    instructie = "".join(t.text or "" for t in p.iter(f"{W}instrText"))
    return "begin" in _velden(p) and instructie.strip().upper().startswith("TOC")


def veldbalans(p: Any) -> int:
    velden = _velden(p)
    return velden.count("begin") - velden.count("end")
