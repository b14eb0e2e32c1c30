"""Most of a contract is the same for every aanbieder. The prepared template carries a marker
between the body's children, so a filled body can be cut into its blocks (one child, or what a
loop or a fragment made of one); a block this template filled before is taken from memory with
the work that depends on its XML alone already done (docxtpl's clean-up, fitting its tables).

A body that cannot be cut safely (a marker at the wrong depth after a tag spanning paragraphs,
a block that does not parse on its own) is left to the caller's whole-body path: the result is
the same either way, this is only faster."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from contracten.weergave import tabelbreedte
from contracten.weergave.blokken import geserialiseerd

MARKERING = "contracten-blok"
GRENS = etree.tostring(etree.ProcessingInstruction(MARKERING), encoding="unicode")
GEHEUGEN_MAX = 20_000  # blocks remembered per template and layout; then it starts afresh
LAGEN_MAX = 16  # layouts remembered per template (fragments' lists make their own)
STRIKT = etree.XMLParser(recover=False, huge_tree=True, resolve_entities=False, no_network=True)


class NietTeSnijden(Exception):
    """A block that does not stand on its own."""


def markeer(body: Any) -> bool:
    """Put the marker before the body's first child and after each child; False (and the body
    left as it was) when a child has text after it, which a marker would move."""
    kinderen = list(body)
    if any((kind.tail or "").strip() for kind in kinderen) or (body.text or "").strip():
        return False
    body.insert(0, etree.ProcessingInstruction(MARKERING))
    for kind in kinderen:
        kind.addnext(etree.ProcessingInstruction(MARKERING))
    return True


def zonder_markering(xml: str) -> str:
    return xml.replace(GRENS, "")


class Blokgeheugen:
    """The blocks one template filled before: cleaned up, and with their tables fitted to a
    layout (blocks without a table look the same in every layout)."""

    def __init__(self, nabewerkt: Callable[[str], str]) -> None:
        self.nabewerkt = nabewerkt
        self._zonder_tabel: dict[str, tuple[str, list[str]]] = {}
        self._lagen: dict[tuple[Any, str], tuple[int, dict[str, tuple[str, list[str]]]]] = {}

    def verwerkt(self, gevuld: str, opmaak: tabelbreedte.Opmaak, sleutel: Any
                 ) -> tuple[str, list[str]] | None:
        """The filled body (`gevuld`, markers and all) as XML, cleaned up and with its tables
        fitted, and its children as serialised there; None when it cannot be cut safely.
        `sleutel` names the layout `opmaak` stands for (the same key, the same layout)."""
        kop, *stukken = gevuld.split(GRENS)
        if not stukken or not kop.startswith("<w:body") or not kop.endswith(">") \
                or "<" in kop[1:] or stukken[-1].strip() != "</w:body>":
            return None
        stukken.pop()
        sectie = next((s for s in reversed(stukken) if s.strip()), "")
        laag = self._lagen.get((sleutel, sectie))
        if laag is None:
            if len(self._lagen) >= LAGEN_MAX:
                self._lagen.clear()
            beschikbaar = tabelbreedte.tekstbreedte(self._ontleed(kop, self.nabewerkt(sectie)))
            laag = self._lagen[(sleutel, sectie)] = (beschikbaar, {})
        beschikbaar, met_tabel = laag
        delen: list[str] = []
        blokken: list[str] = []
        for stuk in stukken:
            if not stuk:
                continue
            geheugen = met_tabel if "<w:tbl" in stuk else self._zonder_tabel
            klaar = geheugen.get(stuk)
            if klaar is None:
                try:
                    klaar = self._verwerk(kop, stuk, opmaak, beschikbaar)
                except (etree.XMLSyntaxError, NietTeSnijden):
                    return None
                if len(geheugen) >= GEHEUGEN_MAX:
                    geheugen.clear()
                geheugen[stuk] = klaar
            delen.append(klaar[0])
            blokken += klaar[1]
        return kop + "".join(delen) + "</w:body>", blokken

    def _verwerk(self, kop: str, stuk: str, opmaak: tabelbreedte.Opmaak, beschikbaar: int
                 ) -> tuple[str, list[str]]:
        if "<w:tbl" in stuk and "instrText" in stuk:
            # A field in a table may be a table of contents, which is filled after the tables
            # are fitted: the whole-body path fits it with its entries.
            raise NietTeSnijden
        body = self._ontleed(kop, self.nabewerkt(stuk))
        if (body.text or "").strip():
            raise NietTeSnijden  # text between the body's children: not a block of its own
        tabelbreedte.pas_aan(body, opmaak, beschikbaar)
        if not len(body):
            return body.text or "", []
        _, blokken = geserialiseerd(body)
        if blokken is None:
            raise NietTeSnijden
        return "".join(blokken), blokken

    @staticmethod
    def _ontleed(kop: str, xml: str) -> Any:
        return etree.fromstring(kop + xml + "</w:body>", STRIKT)
