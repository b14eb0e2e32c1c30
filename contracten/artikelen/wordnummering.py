"""Word list numbering (numbering.xml, ECMA-376 Part 1 §17.9): the marker Word shows before a
numbered paragraph ("a)", "ii)", "3.1.", "–").

How Word counts: a w:num points to a w:abstractNum (the list definition) and may override some
of its levels (w:lvlOverride). Word keeps one counter per abstractNum, so several w:num on the
same abstractNum continue one list, unless a w:num restarts a level with w:startOverride: that
happens when the num is first used. An abstractNum with w:numStyleLink takes its definition
(and its counter) from the abstractNum of that numbering style (the one with the w:styleLink).
A level restarts after an item of a higher level, unless w:lvlRestart says otherwise."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from contracten.artikelen.bronalineas import STREEPJES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# An lxml element (python-docx's oxml classes derive from lxml's, which has no type stubs).
Element = Any

ROMEINS = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _romeins(n: int) -> str:
    uit = ""
    for waarde, teken in ROMEINS:
        while n >= waarde:
            uit += teken
            n -= waarde
    return uit


def _letter(n: int) -> str:
    """Word's letters: a … z, then aa … zz, aaa … (§17.18.59 lowerLetter)."""
    if n < 1:
        return str(n)
    keer, rest = divmod(n - 1, 26)
    return chr(ord("a") + rest) * (keer + 1)


def _opmaak(n: int, formaat: str) -> str:
    if formaat == "lowerLetter":
        return _letter(n)
    if formaat == "upperLetter":
        return _letter(n).upper()
    if formaat == "lowerRoman":
        return _romeins(n)
    if formaat == "upperRoman":
        return _romeins(n).upper()
    if formaat == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass(frozen=True)
class Niveau:
    """One level (w:lvl) of a list definition."""

    formaat: str = "decimal"  # w:numFmt
    tekst: str = "%1."  # w:lvlText
    start: int = 1  # w:start
    herstart: int | None = None  # w:lvlRestart: 0 never; n: after an item of level n (1-based)
    wettelijk: bool = False  # w:isLgl: the levels it shows are written as decimals
    stijl: str | None = None  # w:pStyle: the paragraph style that has this level


def _waarde(element: Element, naam: str) -> str | None:
    kind = element.find(f"{W}{naam}")
    return kind.get(f"{W}val") if kind is not None else None


def _getal(tekst: str | None, standaard: int | None) -> int | None:
    try:
        return int(tekst) if tekst is not None else standaard
    except ValueError:
        return standaard


def _niveau(lvl: Element) -> Niveau:
    return Niveau(formaat=_waarde(lvl, "numFmt") or "decimal",
                  tekst=_waarde(lvl, "lvlText") or "",
                  start=_getal(_waarde(lvl, "start"), 1) or 0,
                  herstart=_getal(_waarde(lvl, "lvlRestart"), None),
                  wettelijk=lvl.find(f"{W}isLgl") is not None and
                  _waarde(lvl, "isLgl") not in ("0", "false", "off"),
                  stijl=_waarde(lvl, "pStyle"))


def _niveaus(element: Element) -> dict[int, Niveau]:
    return {_getal(lvl.get(f"{W}ilvl"), 0) or 0: _niveau(lvl)
            for lvl in element.findall(f"{W}lvl")}


@dataclass
class _Num:
    """One w:num: the abstractNum whose counter it uses, its levels, the levels it restarts."""

    abstract: str
    niveaus: dict[int, Niveau]
    herstart: set[int] = field(default_factory=set)


@dataclass
class Nummering:
    """The list definitions of a document, and the counters while its body is read."""

    nums: dict[str, _Num] = field(default_factory=dict)
    tellers: dict[str, dict[int, int]] = field(default_factory=dict)  # per abstractNum
    gebruikt: set[str] = field(default_factory=set)  # numIds met so far

    @classmethod
    def uit(cls, element: Element | None, stijlnummers: dict[str, str] | None = None,
            ) -> Nummering:
        """`element`: numbering.xml's root; `stijlnummers`: the numId of each numbering style
        (styles.xml), to follow w:numStyleLink."""
        nummering = cls()
        if element is None:
            return nummering
        abstracts = {a.get(f"{W}abstractNumId"): a for a in element.findall(f"{W}abstractNum")}
        num_abstract = {n.get(f"{W}numId"): _waarde(n, "abstractNumId")
                        for n in element.findall(f"{W}num")}

        def definitie(abstract_id: str | None, diepte: int = 0) -> str | None:
            """The abstractNum that holds the levels, through w:numStyleLink."""
            abstract = abstracts.get(abstract_id)
            koppeling = _waarde(abstract, "numStyleLink") if abstract is not None else None
            if koppeling is None or diepte > 5:
                return abstract_id
            doel = num_abstract.get((stijlnummers or {}).get(koppeling))
            return definitie(doel, diepte + 1) if doel is not None else abstract_id

        for num in element.findall(f"{W}num"):
            abstract_id = definitie(_waarde(num, "abstractNumId"))
            if abstract_id is None or abstract_id not in abstracts:
                continue
            eigen = _Num(abstract_id, _niveaus(abstracts[abstract_id]))
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = _getal(override.get(f"{W}ilvl"), 0) or 0
                lvl = override.find(f"{W}lvl")
                niveau = _niveau(lvl) if lvl is not None else eigen.niveaus.get(ilvl, Niveau())
                start = _getal(_waarde(override, "startOverride"), None)
                if start is not None:
                    niveau = replace(niveau, start=start)
                    eigen.herstart.add(ilvl)
                eigen.niveaus[ilvl] = niveau
            nummering.nums[num.get(f"{W}numId")] = eigen
        return nummering

    def niveau_van_stijl(self, num_id: str, stijl_id: str) -> int | None:
        """The level of list `num_id` that paragraph style `stijl_id` is linked to (w:pStyle)."""
        num = self.nums.get(num_id)
        for ilvl, niveau in sorted(num.niveaus.items()) if num else []:
            if niveau.stijl == stijl_id:
                return ilvl
        return None

    def marker(self, num_id: str, ilvl: int) -> str | None:
        """Count one item of level `ilvl` of list `num_id`; its marker (None: no marker)."""
        num = self.nums.get(num_id)
        if num is None or ilvl not in num.niveaus:
            return None
        tellers = self.tellers.setdefault(num.abstract, {})
        if num_id not in self.gebruikt:  # a num's first use applies its startOverrides
            self.gebruikt.add(num_id)
            for herstart in num.herstart:
                for k in [k for k in tellers if k >= herstart]:
                    del tellers[k]
        niveau = num.niveaus[ilvl]
        tellers[ilvl] = tellers.get(ilvl, niveau.start - 1) + 1
        for dieper in [k for k in tellers if k > ilvl]:
            na = num.niveaus.get(dieper, Niveau()).herstart
            if na is None or ilvl < na:  # lvlRestart 0: never restarts
                del tellers[dieper]
        if niveau.formaat == "bullet":
            teken = niveau.tekst.strip()
            return "–" if teken and teken[0] in STREEPJES else "•"
        if niveau.formaat == "none":
            return None

        def vervang(gevonden: re.Match[str]) -> str:
            k = int(gevonden.group(1)) - 1
            n = num.niveaus.get(k, Niveau())
            waarde = tellers.get(k, n.start)
            return str(waarde) if niveau.wettelijk else _opmaak(waarde, n.formaat)

        return re.sub(r"%(\d)", vervang, niveau.tekst).strip() or None
