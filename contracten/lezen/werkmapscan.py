"""Every XML part of a workbook read once as a stream, with bounded work, before openpyxl reads
any of it: no DTD (no entities to expand), the rows, columns and cells of each sheet within
their limits (openpyxl holds a whole row at once, and pads every row to the widest), the
shared texts within theirs, and everything else small. Where a person can type text that no
cell shows (comments, text boxes, headers and footers, the file's properties, named ranges),
it is looked at for a BSN too; a cell's value is looked at when it is read (`tabelbestand`)."""

from __future__ import annotations

import re
import xml.parsers.expat as expat
from typing import Any

from contracten.fouten import InvoerFout, Melding
from contracten.lezen.grenzen import (
    MAXIMUM_CELLEN,
    MAXIMUM_DELEN_PER_CEL,
    MAXIMUM_ELEMENTEN,
    MAXIMUM_KOLOMMEN,
    MAXIMUM_TEKENS_PER_CEL,
    verhogen,
)
from contracten.lezen.tabelpoort import kolomletter, kolomnummer
from contracten.lezen.werkmap import ONLEESBAAR, Blad, Werkmap, deelnaam, fout, reden
from contracten.opmaak import getal
from contracten.privacy import bevat_bsn

KOPVOET = {"oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"}
BLOK = {"comment", "threadedComment", "p", "author", "definedName", "property", "person",
        "lpstr", "lpwstr"}  # a piece of text of its own, in a part that holds texts
ATTRIBUTEN = ("name", "displayName", "descr", "title")  # attributes that hold typed text
GEEN_BSN = "verwijder het (contracten toont het niet en leest geen persoonsgegevens)"
# An identifier Office writes itself (a sensitivity label's, a comment's): its digits are no BSN.
GUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


class _Stop(Exception):
    """A limit passed: its message, raised from inside the parser to stop it."""

    def __init__(self, melding: Melding) -> None:
        super().__init__(melding.bericht)
        self.melding = melding


class _Onderdeel:
    """Any XML part: no DTD, at most MAXIMUM_ELEMENTEN elements outside its `groep` elements
    (a cell, a shared text), at most MAXIMUM_DELEN_PER_CEL inside one."""

    groep = ""

    def __init__(self, plek: str, pad: str) -> None:
        self.plek, self.pad = plek, pad
        self.elementen = self.delen = self.tekens = 0
        self.in_groep = False
        self.meldingen: list[Melding] = []
        self.parser: Any = expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartDoctypeDeclHandler = self._dtd
        self.parser.EntityDeclHandler = self._dtd
        self.parser.StartElementHandler = self._begin
        self.parser.EndElementHandler = self._einde

    def _dtd(self, *_: object) -> None:
        self.stop(f"{deelnaam(self.pad)} bevat een DTD; een werkmap heeft er geen", "xlsx")

    def stop(self, bericht: str, code: str, regel: int | None = None, veld: str = "") -> None:
        raise _Stop(Melding(self.plek, regel, veld, bericht, code))

    def _begin(self, naam: str, attrs: dict[str, str]) -> None:
        lokaal = naam.rpartition(":")[2]
        if self.in_groep:
            self.delen += 1
            if self.delen > MAXIMUM_DELEN_PER_CEL:
                self.stop(f"een cel of tekst bestaat uit meer dan {MAXIMUM_DELEN_PER_CEL} "
                          "delen (de grens voor een cel)", "te_veel_delen")
        elif lokaal == self.groep:
            self.in_groep, self.delen, self.tekens = True, 0, 0
            self.groep_begint(attrs)
        elif not self.element(lokaal, attrs):
            self.elementen += 1
            if self.elementen > MAXIMUM_ELEMENTEN:
                self.stop(f"{deelnaam(self.pad)} heeft meer dan {getal(MAXIMUM_ELEMENTEN)} "
                          "elementen buiten de cellen (de grens voor een werkmap)",
                          "te_veel_elementen")

    def _einde(self, naam: str) -> None:
        lokaal = naam.rpartition(":")[2]
        if self.in_groep and lokaal == self.groep:
            self.in_groep = False
        self.einde(lokaal)

    def groep_begint(self, attrs: dict[str, str]) -> None:
        """A cell or shared text begins."""

    def element(self, lokaal: str, attrs: dict[str, str]) -> bool:
        """An element outside a group; True when it is counted against another limit."""
        return False

    def einde(self, lokaal: str) -> None:
        """An element ends."""


class _Blad(_Onderdeel):
    """A worksheet: its rows, cells per row, cells in all, and the text of its headers and
    footers (printed on every page: a place to type a BSN that no cell shows)."""

    groep = "c"

    def __init__(self, blad: Blad, pad: str, maximum_rijen: int, cellen: list[int],
                 excel: bool) -> None:
        super().__init__(blad.plek, pad)
        self.maximum, self.cellen, self.excel = maximum_rijen, cellen, excel
        self.rij = self.rijen = self.kolom = self.in_rij = 0
        self.kopvoet: list[str] = []

    def element(self, lokaal: str, attrs: dict[str, str]) -> bool:
        if lokaal == "row":
            self.rijen += 1
            r = attrs.get("r", "")
            self.rij = int(r) if r.isdigit() and len(r) < 10 else self.rij + 1
            self.kolom = self.in_rij = 0
            if max(self.rij, self.rijen) > self.maximum + 1:
                hoe = verhogen(self.maximum)
                self.stop(f"rij {getal(max(self.rij, self.rijen))} ligt voorbij de grens van "
                          f"{getal(self.maximum)} rijen (en een kop){f' ({hoe})' if hoe else ''}",
                          "te_veel_rijen")
            return True
        if lokaal in KOPVOET:
            self.parser.CharacterDataHandler = self.kopvoet.append
        return False

    def groep_begint(self, attrs: dict[str, str]) -> None:
        self.in_rij += 1
        self.kolom = kolomnummer(attrs.get("r"), self.kolom + 1)
        self.cellen[0] += 1
        if max(self.kolom, self.in_rij) > MAXIMUM_KOLOMMEN:
            self.stop(f"voorbij de grens van {MAXIMUM_KOLOMMEN} kolommen", "te_veel_kolommen",
                      self.rij, f"kolom {kolomletter(max(self.kolom, self.in_rij))}")
        if self.cellen[0] > MAXIMUM_CELLEN:
            self.stop(f"de werkmap heeft meer dan {getal(MAXIMUM_CELLEN)} cellen (de grens "
                      "voor een werkmap)", "te_veel_cellen", self.rij)

    def einde(self, lokaal: str) -> None:
        if lokaal in KOPVOET:
            self.parser.CharacterDataHandler = None
            if bevat_bsn("".join(self.kopvoet), excel=self.excel):
                self.meldingen.append(Melding(self.plek, None, "kop- of voettekst", "bevat "
                                              f"een BSN; {GEEN_BSN}", "bsn"))
            self.kopvoet.clear()


class _Teksten(_Onderdeel):
    """The shared texts (the strings the cells point to): how many, and how long each."""

    groep = "si"

    def __init__(self, plek: str, pad: str) -> None:
        super().__init__(plek, pad)
        self.aantal = 0
        self.parser.CharacterDataHandler = self._tekst

    def groep_begint(self, attrs: dict[str, str]) -> None:
        self.aantal += 1
        if self.aantal > MAXIMUM_CELLEN:
            self.stop(f"meer dan {getal(MAXIMUM_CELLEN)} teksten (de grens voor een werkmap)",
                      "te_veel_cellen")

    def _tekst(self, tekst: str) -> None:
        if self.in_groep:
            self.tekens += len(tekst)
            if self.tekens > MAXIMUM_TEKENS_PER_CEL:
                self.stop(f"een cel is langer dan {getal(MAXIMUM_TEKENS_PER_CEL)} tekens (de "
                          "grens voor een cel)", "te_lang")


class _Tekst(_Onderdeel):
    """A part with text typed by a person but in no cell: comments, text boxes, the file's
    properties, named ranges. Refused (at `plek`, `veld`) when any of it holds a BSN."""

    def __init__(self, plek: str, pad: str, veld: str, excel: bool) -> None:
        super().__init__(plek, pad)
        self.veld, self.excel = veld, excel
        self.diepte = 0
        self.stukken: list[str] = []
        self.parser.CharacterDataHandler = self.stukken.append

    def element(self, lokaal: str, attrs: dict[str, str]) -> bool:
        self.diepte += 1
        if lokaal != "sheet":  # a sheet's title is checked (and named) on its own
            self._kijk([attrs[a] for a in ATTRIBUTEN if a in attrs])
        return False

    def einde(self, lokaal: str) -> None:
        self.diepte -= 1
        if lokaal in BLOK or self.diepte <= 1:
            self._kijk(["".join(self.stukken)])
            self.stukken.clear()

    def _kijk(self, teksten: list[str]) -> None:
        if not self.meldingen and any(bevat_bsn(GUID.sub(" ", t), excel=self.excel)
                                      for t in teksten if t):
            self.meldingen.append(Melding(self.plek, None, self.veld, f"bevat een BSN; {GEEN_BSN}",
                                          "bsn"))


def _lees(werkmap: Werkmap, deel: _Onderdeel, titel: str) -> list[Melding]:
    """Parse one part as a stream (never all of it in memory); its BSN findings."""
    try:
        with werkmap.archief.open(deel.pad) as bron:
            while blok := bron.read(1 << 16):
                deel.parser.Parse(blok, False)
            deel.parser.Parse(b"", True)
    except _Stop as stop:
        raise InvoerFout([stop.melding], titel) from None
    except expat.ExpatError as exc:
        raise fout(werkmap.naam, f"geen leesbaar Excel-bestand ({deelnaam(deel.pad)}: "
                   f"{expat.ErrorString(exc.code)})", "xlsx", titel) from None
    except ONLEESBAAR as exc:
        raise fout(werkmap.naam, f"geen leesbaar Excel-bestand{reden(exc)}", "xlsx",
                   titel) from None
    return deel.meldingen


def controleer_xml(werkmap: Werkmap, delen: list[str], titel: str) -> None:
    """The parts that say what the workbook holds (relationships), before they are parsed."""
    for pad in delen:
        _lees(werkmap, _Onderdeel(werkmap.naam, pad), titel)


def scan(werkmap: Werkmap, bladen: list[Blad], overige: list[str], titel: str, *, excel: bool,
         maximum_rijen: int) -> list[Melding]:
    """Every part in `overige` (the XML parts not yet read) with the limits above; what holds
    a BSN outside the cells, as messages. A limit passed is an InvoerFout at once."""
    cellen = [0]
    per_pad: dict[str, _Onderdeel] = {}
    for blad in bladen:
        if blad.pad:
            per_pad[blad.pad] = _Blad(blad, blad.pad, maximum_rijen, cellen, excel)
        for pad in blad.bij:
            veld = "tekstvak of vorm" if "drawing" in pad else "opmerking"
            per_pad[pad] = _Tekst(blad.plek, pad, veld, excel)
    meldingen = []
    for pad in overige:
        deel = per_pad.get(pad)
        if deel is None:
            naam = pad.rpartition("/")[2]
            if naam.startswith("sharedStrings"):
                deel = _Teksten(werkmap.naam, pad)
            elif pad.startswith("docProps/"):
                deel = _Tekst(werkmap.naam, pad, "eigenschappen van het bestand", excel)
            elif naam.startswith("person") or naam.startswith("workbook"):
                deel = _Tekst(werkmap.naam, pad, "namen in de werkmap", excel)
            else:
                deel = _Onderdeel(werkmap.naam, pad)
        meldingen += _lees(werkmap, deel, titel)
    return meldingen
