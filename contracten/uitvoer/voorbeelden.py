"""Example values in a generated document: the marks "(voorbeeld)" that `opmaak.voorbeeld` puts
beside every value the sources do not give. A document with one is not to be signed, so
`definitief` refuses it and says where they are.

Pure text: the document's Markdown twin (its body, tables and footnotes) and the text of its
headers and footers. The note that explains the marks quotes one (‘(voorbeeld)’); that quote is
not a mark, but a note without any mark still says the document holds example values."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from contracten.opmaak import VOORBEELD

MERK = VOORBEELD.strip()  # "(voorbeeld)"
VERMELDING = f"‘{MERK}’"  # how the note (VOORBEELDMELDING) quotes the mark
PLEKKEN = 3  # places a refusal names; the count covers the rest
KOPVOET = "kop- of voettekst"
_VOOR = 60  # characters of context before a mark
_LID = re.compile(r"^(\d+(?:\.\d+)+)\t")
_KOP = re.compile(r"^(#{1,6}) (.*)$")
_CEL = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True, slots=True)
class Plek:
    """Where a mark stands: the heading (and lid, or table row) and the text just before it."""

    waar: str
    fragment: str

    def __str__(self) -> str:
        return f"{self.waar}: “{self.fragment}”"


@dataclass(frozen=True, slots=True)
class Voorbeelden:
    aantal: int  # marks in the whole document
    plekken: tuple[Plek, ...]  # the first PLEKKEN of them


def _tel(tekst: str) -> int:
    return tekst.count(MERK) - tekst.count(VERMELDING)


def tel(markdown: str, kopvoet: Sequence[str] = ()) -> int:
    """How many example values the document shows (1 for a note without any mark)."""
    aantal = _tel(markdown) + sum(_tel(t) for t in kopvoet)
    if aantal == 0 and (VERMELDING in markdown or any(VERMELDING in t for t in kopvoet)):
        return 1
    return aantal


def zoek(markdown: str, kopvoet: Sequence[str] = (), plekken: int = PLEKKEN) -> Voorbeelden:
    """The count and the first `plekken` places of the document's example values."""
    aantal = tel(markdown, kopvoet)
    if not aantal:
        return Voorbeelden(0, ())
    gevonden: list[Plek] = []
    for plek in _plekken(markdown, kopvoet, vermelding=False):
        gevonden.append(plek)
        if len(gevonden) == plekken:
            break
    if not gevonden:  # only the note
        gevonden = list(_plekken(markdown, kopvoet, vermelding=True))[:1]
    return Voorbeelden(aantal, tuple(gevonden))


def _plekken(markdown: str, kopvoet: Sequence[str], vermelding: bool) -> Iterator[Plek]:
    kop = "hoofdtekst"  # before the first heading (a letter has none)
    for regel in markdown.splitlines():
        gevonden = _KOP.match(regel)
        if gevonden:
            kop = leesbaar(gevonden.group(2)).removesuffix(" (samenvatting)")
        if MERK not in regel:
            continue
        if regel.startswith("|"):
            cellen = [c.strip() for c in _CEL.split(regel.strip().strip("|"))]
            rij = leesbaar(cellen[0])
            for i, cel in enumerate(cellen):
                waar = f"{kop}, tabel" + (f", rij ‘{_kort(rij)}’" if i and rij else "")
                yield from _in(leesbaar(cel), waar, vermelding)
            continue
        tekst = leesbaar(regel.lstrip("#").strip())
        lid = _LID.match(tekst)
        yield from _in(tekst, f"{kop}, lid {lid.group(1)}" if lid else kop, vermelding)
    for tekst in kopvoet:
        yield from _in(tekst, KOPVOET, vermelding)


def _in(tekst: str, waar: str, vermelding: bool) -> Iterator[Plek]:
    """A place for every mark in `tekst` (or, with `vermelding`, for every quote of one)."""
    start = 0
    while (i := tekst.find(MERK, start)) >= 0:
        start = i + len(MERK)
        is_vermelding = tekst[i - 1:i] == "‘" and tekst[start:start + 1] == "’"
        if is_vermelding == vermelding:
            yield Plek(waar, _fragment(tekst, i, start))


def _fragment(tekst: str, begin: int, eind: int) -> str:
    voor = tekst[:begin].replace("\t", " ")
    if len(voor) > _VOOR:
        voor = "…" + voor[-_VOOR:].split(" ", 1)[-1]
    na = " …" if tekst[eind:].strip(" .,;:’") else tekst[eind:].rstrip()
    return f"{voor}{tekst[begin:eind]}{na}".strip()


def _kort(tekst: str, lengte: int = 70) -> str:
    return tekst if len(tekst) <= lengte else tekst[:lengte].rsplit(" ", 1)[0] + " …"


def leesbaar(markdown: str) -> str:
    """A line of the Markdown twin as a person reads it: no emphasis, escapes or markup."""
    tekst = markdown.replace("<br>", " · ")
    tekst = re.sub(r"<sup>\d+</sup>", "", tekst)
    tekst = re.sub(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\([^)]*\)", r"\1", tekst)
    tekst = re.sub(r"(?<!\\)\*+", "", tekst)
    tekst = re.sub(r"\\(.)", r"\1", tekst)
    return tekst.replace("&lt;", "<")
