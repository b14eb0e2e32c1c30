"""What the width of a paragraph's text depends on, read from a document's styles and
numbering: font size, bold, indent (also the indent of its list level), and the cell margins of
table styles."""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from typing import Any

from lxml import etree

from contracten.weergave.geheugen import Geheugen

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VEILIG = etree.XMLParser(resolve_entities=False, no_network=True)
CELMARGE = 108  # twips each side: Word's default cell margin
MINIMA_PER_GENERATIE = 256  # tables' column minima remembered (see Geheugen)
RIJEN_PER_GENERATIE = 4_096  # and their rows' cells


@dataclass(frozen=True)
class Stijl:
    grootte: float | None  # points
    vet: bool | None
    inspringen: int | None
    nummering: tuple[str, int] | None  # (numId, ilvl)


def _sleutel(stijlbron: bytes, numbering_xml: bytes | None) -> str:
    """The sha256 of a styles part's sha256 and a numbering part (or none)."""
    return hashlib.sha256(stijlbron + (b"\x01" + numbering_xml if numbering_xml else b"\x00")
                          ).hexdigest()


def aan(el: Any) -> bool:
    return el.get(f"{W}val", "true") not in ("0", "false", "off")


def letter(el: Any) -> tuple[float | None, bool | None]:
    """The size (points) and bold that the w:rPr of `el` (a style, run or default) sets; None
    for what it leaves to others."""
    sz = el.find(f"{W}rPr/{W}sz")
    grootte = (int(sz.get(f"{W}val")) / 2
               if sz is not None and sz.get(f"{W}val", "").isdigit() else None)
    b = el.find(f"{W}rPr/{W}b")
    return grootte, aan(b) if b is not None else None


def eigen(stijl: Any) -> Stijl:
    inspringen = nummering = None
    grootte, vet = letter(stijl)
    ind = stijl.find(f"{W}pPr/{W}ind")
    if ind is not None:
        waarde = ind.get(f"{W}left") or ind.get(f"{W}start")
        if waarde and waarde.lstrip("-").isdigit():
            inspringen = int(waarde)
    num_id = stijl.find(f"{W}pPr/{W}numPr/{W}numId")
    if num_id is not None:
        ilvl = stijl.find(f"{W}pPr/{W}numPr/{W}ilvl")
        niveau = ilvl.get(f"{W}val") if ilvl is not None else "0"
        nummering = (num_id.get(f"{W}val", "0"), int(niveau) if niveau.isdigit() else 0)
    return Stijl(grootte, vet, inspringen, nummering)


class Opmaak:
    """The styles and numbering of one document, as far as text width goes."""

    def __init__(self, styles_xml: bytes | Any, numbering_xml: bytes | None, *,
                 bron: bytes | None = None) -> None:
        """Of word/styles.xml as bytes or as read already (only read here; `bron`: the bytes
        it was read from, else it is written out again for `sleutel`)."""
        styles = etree.fromstring(styles_xml, _VEILIG) if isinstance(styles_xml, bytes) \
            else styles_xml
        if isinstance(styles_xml, bytes):
            bron = styles_xml
        # What this Opmaak is made of, for what is kept between runs (bewaardestukken).
        self._stijlbron = hashlib.sha256(bron if bron is not None
                                         else etree.tostring(styles)).digest()
        self.sleutel = _sleutel(self._stijlbron, numbering_xml)
        standaard = styles.find(f"{W}docDefaults/{W}rPrDefault")
        grootte = letter(standaard)[0] if standaard is not None else None
        self.standaard_grootte = grootte if grootte is not None else 11.0
        self._eigen: dict[str, Stijl] = {}
        self._basis: dict[str, str] = {}
        self.standaardstijl: str | None = None
        self.cel_marges: dict[str, tuple[int, int]] = {}
        for stijl in styles.iter(f"{W}style"):
            stijl_id = stijl.get(f"{W}styleId")
            if stijl_id is None:
                continue
            self._eigen[stijl_id] = eigen(stijl)
            basis = stijl.find(f"{W}basedOn")
            if basis is not None:
                self._basis[stijl_id] = basis.get(f"{W}val")
            if stijl.get(f"{W}type") == "paragraph" and _aan_attr(stijl, "default"):
                self.standaardstijl = stijl_id
            cel = marges(stijl.find(f"{W}tblPr/{W}tblCellMar"))
            if cel is not None:
                self.cel_marges[stijl_id] = cel
        self._niveaus: dict[tuple[str, int], int] = {}
        if numbering_xml:
            self._lees_nummering(etree.fromstring(numbering_xml, _VEILIG))
        self._opgelost: dict[str | None, Stijl] = {}
        # A table's XML -> its columns' minima; a table that names one aanbieder is not kept.
        self.minima: Geheugen[bytes, list[int]] = Geheugen(MINIMA_PER_GENERATIE)
        # A row's XML and the table's cell margins -> (column, span, need) of each cell.
        self.rijen: Geheugen[tuple[bytes, int, int], tuple[tuple[int, int, int], ...]] = \
            Geheugen(RIJEN_PER_GENERATIE)

    def met_nummering(self, numbering_xml: bytes) -> Opmaak:
        """The same styles with another numbering part (lists a document added)."""
        kopie = copy.copy(self)
        kopie._niveaus = {}
        kopie.sleutel = _sleutel(self._stijlbron, numbering_xml)
        # A list's indent counts in a column's minimum: not shared.
        kopie.minima = Geheugen(MINIMA_PER_GENERATIE)
        kopie.rijen = Geheugen(RIJEN_PER_GENERATIE)
        kopie._lees_nummering(etree.fromstring(numbering_xml, _VEILIG))
        return kopie

    def _lees_nummering(self, numbering: Any) -> None:
        abstract: dict[str, dict[int, int]] = {}
        for definitie in numbering.iter(f"{W}abstractNum"):
            niveaus = {}
            for lvl in definitie.iter(f"{W}lvl"):
                ind = lvl.find(f"{W}pPr/{W}ind")
                waarde = None if ind is None else (ind.get(f"{W}left") or ind.get(f"{W}start"))
                if waarde and waarde.lstrip("-").isdigit():
                    niveaus[int(lvl.get(f"{W}ilvl", "0"))] = int(waarde)
            abstract[definitie.get(f"{W}abstractNumId", "")] = niveaus
        for num in numbering.iter(f"{W}num"):
            verwijzing = num.find(f"{W}abstractNumId")
            if verwijzing is None:
                continue
            for niveau, inspringen in abstract.get(verwijzing.get(f"{W}val", ""), {}).items():
                self._niveaus[(num.get(f"{W}numId", ""), niveau)] = inspringen

    def stijl(self, stijl_id: str | None) -> Stijl:
        """A paragraph style with what it inherits resolved (its basedOn chain)."""
        if stijl_id not in self._opgelost:
            keten, gezien = [], set()
            huidig = stijl_id if stijl_id is not None else self.standaardstijl
            while huidig is not None and huidig in self._eigen and huidig not in gezien:
                gezien.add(huidig)
                keten.append(self._eigen[huidig])
                huidig = self._basis.get(huidig)
            velden = {}
            for veld in ("grootte", "vet", "inspringen", "nummering"):
                velden[veld] = next((getattr(s, veld) for s in keten
                                     if getattr(s, veld) is not None), None)
            self._opgelost[stijl_id] = Stijl(**velden)
        return self._opgelost[stijl_id]

    def inspringen(self, p: Any, stijl: Stijl) -> int:
        direct = eigen(p)  # a paragraph's pPr has the same shape as a style's
        nummering = direct.nummering or stijl.nummering
        lijst = self._niveaus.get(nummering, 0) if nummering and nummering[0] != "0" else 0
        return max(direct.inspringen if direct.inspringen is not None else
                   (stijl.inspringen or 0), lijst)


def _aan_attr(el: Any, naam: str) -> bool:
    return el.get(f"{W}{naam}") in ("1", "true", "on")


def marges(mar: Any) -> tuple[int, int] | None:
    if mar is None:
        return None
    waarden = []
    for kanten in (("left", "start"), ("right", "end")):
        el = next((m for k in kanten if (m := mar.find(f"{W}{k}")) is not None), None)
        w = el.get(f"{W}w") if el is not None else None
        waarden.append(int(w) if w and w.isdigit() else CELMARGE)
    return waarden[0], waarden[1]
