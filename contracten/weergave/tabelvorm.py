"""What fitting a table of a block's form (see `blokvorm`) depends on, so that it can be checked
per aanbieder: the width each column needs, measured again with the aanbieder's values where the
form has its placeholders (as `tabelbreedte` measures), and whether a row is short enough to stay
on one page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from contracten.weergave import tabelbreedte
from contracten.weergave.tabelindeling import kort, rijtekst

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEKENS = tuple(chr(0xE000 + i) for i in range(16))  # placeholders: Unicode's private use area
PRIVE = re.compile("[\ue000-\uf8ff]")


def ingevuld(tekst: str, waarden: tuple[str, ...]) -> str:
    """`tekst` with each placeholder replaced by its value (looked for in C, character by
    character only where there is one: str.translate would look up every character)."""
    for teken, waarde in zip(TEKENS, waarden, strict=False):
        if teken in tekst:
            tekst = tekst.replace(teken, waarde)
    return tekst


Cel = tuple[int, int, int] | tuple[int, int, int, tuple[tuple[tabelbreedte.Stukken, int], ...]]


@dataclass(frozen=True, slots=True)
class Tabelvorm:
    """What the fitting of one table with a placeholder in it depends on (see tabelbreedte)."""

    huidig: tuple[int, ...]  # its grid's widths before fitting ((): no grid)
    beschikbaar: int
    rijen: tuple[tuple[Cel, ...], ...]  # (column, span, need) or (column, span, margin, its
    # paragraphs as measured) for a cell with a placeholder
    breedtes: tuple[int, ...]  # the widths its form got
    korte: tuple[tuple[bool, str], ...]  # of each row with a placeholder: short or not, its text

    def past(self, waarden: tuple[str, ...]) -> bool:
        """Whether the table filled in with `waarden` gets the same widths and rows."""
        for is_kort, tekst in self.korte:
            if kort(ingevuld(tekst, waarden)) != is_kort:
                return False
        if not self.huidig:
            return True
        minima = tabelbreedte.minima_van(_gemeten(self.rijen, waarden), len(self.huidig))
        return tuple(tabelbreedte.verdeel(list(self.huidig), minima, self.beschikbaar)) \
            == self.breedtes


def _behoefte(cel: Any, waarden: tuple[str, ...]) -> int:
    """`tabelbreedte._cellen`'s need of a cell, its placeholders filled in."""
    return tabelbreedte.cel_nodig((tabelbreedte.nodig_voor(tuple(
        (ingevuld(t, waarden), grootte, vet) for t, grootte, vet in stukken), inspringen)
        for stukken, inspringen in cel[3]), cel[2])


def _gemeten(rijen: Any, waarden: tuple[str, ...]) -> list[list[tuple[int, int, int]]]:
    """The cells of `rijen` as (column, span, need), with `waarden` filled in."""
    return [[cel if len(cel) == 3 else (cel[0], cel[1], _behoefte(cel, waarden))
             for cel in rij] for rij in rijen]


def tabelvorm(tbl: Any, opmaak: tabelbreedte.Opmaak, beschikbaar: int) -> Tabelvorm:
    """The Tabelvorm of `tbl`, a table of a form not fitted yet."""
    links, rechts = tabelbreedte.cel_marges(tbl, opmaak)
    rijen, korte = [], []
    for tr in tbl.iterchildren(f"{W}tr"):
        tekst = rijtekst(tr)
        if PRIVE.search(tekst):
            korte.append((kort(tekst), tekst))
        rij: list[Cel] = []
        for kolom, span, tc in tabelbreedte.celindeling(tr):
            alineas = []
            for p in tc.iterchildren(f"{W}p"):
                stukken, stijl = tabelbreedte.alinea_stukken(p, opmaak)
                alineas.append((stukken, opmaak.inspringen(p, stijl)))
            cel = (kolom, span, links + rechts, tuple(alineas))
            met = any(PRIVE.search(t) for stukken, _ in alineas for t, _, _ in stukken)
            rij.append(cel if met else (kolom, span, _behoefte(cel, ())))
        rijen.append(tuple(rij))
    huidig = tuple(int(k.get(f"{W}w", "0") or 0) for k in tbl.findall(f"{W}tblGrid/{W}gridCol"))
    minima = tabelbreedte.minimale_breedtes(tbl, opmaak)
    if tabelbreedte.minima_van(_gemeten(rijen, ()), len(huidig)) != minima:
        raise ValueError("anders gemeten dan tabelbreedte")  # then not to be used
    eigen = tabelbreedte.tabel_beschikbaar(tbl, beschikbaar)
    breedtes = tuple(tabelbreedte.verdeel(list(huidig), minima, eigen)) if huidig else ()
    return Tabelvorm(huidig, eigen, tuple(rijen), breedtes, tuple(korte))
