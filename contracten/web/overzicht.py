"""What the pages show of a region's documents as people work: by perceel and contract, by
kind, with each document's next step and the warnings it carries ("Let op: …", red in Word and
pdf); the approval queue filtered and in pages of 50. Only reading: steps are `handelingen`."""

from __future__ import annotations

import functools
import math
import re
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import contracten
from contracten import STAP_NAMEN, STAPPEN, markdown_als_html

PER_PAGINA = 50
SOORTNAMEN = {"programma-van-eisen": "Programma van Eisen", "overeenkomst": "Overeenkomst",
              "indexatiebrief": "Indexatiebrief", "tariefaddendum": "Tariefaddendum",
              "socialreturn-overzicht": "Overzicht social return",
              "socialreturn-realisatie": "Realisatie social return",
              "socialreturn-brief": "Brief social return",
              "socialreturn-herinnering": "Herinnering social return",
              "transitieschema": "Transitieschema", "opzeggingsbrief": "Opzeggingsbrief"}
VOLGENDE = {s: STAPPEN[i + 1] for i, s in enumerate(STAPPEN[:-1])}
LET_OP = re.compile(r"<p>(Let op:)")
WEG, ERBIJ = re.compile(r"\[-(.*?)-\]", re.S), re.compile(r"\{\+(.*?)\+\}", re.S)


def soortnaam(soort: str) -> str:
    return SOORTNAMEN.get(soort) or soort.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Rij:
    """One document as a page lists it."""

    document: contracten.DocumentStatus
    aanbieder: str | None  # the aanbieder's name; None: a document of the whole region
    perceel: int | None
    meer: bool = False  # a tender of several percelen: the title names the perceel

    @property
    def pad(self) -> str:
        return self.document.stand.pad

    @property
    def soort(self) -> str:
        return soortnaam(self.document.stand.soort)

    @property
    def titel(self) -> str:
        """What the document is called, for people and for screen readers: its kind and its
        aanbieder (and perceel)."""
        wie = f" {self.aanbieder}" if self.aanbieder else ""
        perceel = f" (perceel {self.perceel})" if self.meer and self.aanbieder else ""
        return f"{self.soort}{wie}{perceel}"

    @property
    def volgende(self) -> str | None:
        """The next step, when one can be taken (not when the file changed or is gone)."""
        if self.document.op_schijf != "gelijk":
            return None
        return VOLGENDE.get(self.document.status)

    @property
    def kort(self) -> str:
        """The version's short hash, as people compare it."""
        return self.document.stand.sha256[:12]


def rijen(regio: contracten.Profiel, stand: contracten.StatusResultaat) -> list[Rij]:
    """Every document, the region's own first, then by kind (in the order of the tool),
    perceel and aanbieder."""
    namen = {c.aanbieder: c.naam for c in stand.contracten}
    namen.update({a.id: a.naam for a in regio.aanbieders if a.id not in namen})
    volgorde = {s: i for i, s in enumerate(contracten.documentsoorten())}
    enkel = len(regio.percelen) == 1
    uit = [Rij(d, namen.get(d.stand.aanbieder, d.stand.aanbieder) if d.stand.aanbieder else None,
               d.stand.perceel if d.stand.perceel is not None
               else (regio.percelen[0].nummer if d.stand.aanbieder and enkel else None),
               not enkel)
           for d in stand.documenten]
    return sorted(uit, key=lambda r: (r.aanbieder is not None,
                                      volgorde.get(r.document.stand.soort, len(volgorde)),
                                      r.perceel or 0, (r.aanbieder or "").casefold(), r.pad))


def van_contract(alle: Iterable[Rij], aanbieder: str, perceel: int) -> list[Rij]:
    """The documents of one contract: of this aanbieder in this perceel."""
    return [r for r in alle if r.document.stand.aanbieder == aanbieder and r.perceel == perceel]


@dataclass(frozen=True)
class Keuze:
    """The queue's filters, as the address gives them."""

    status: str = ""
    soort: str = ""
    perceel: str = ""
    aanbieder: str = ""
    zoek: str = ""

    @classmethod
    def uit(cls, vraag: Mapping[str, str]) -> Keuze:
        return cls(*(vraag.get(v, "").strip()[:200] for v in
                     ("status", "soort", "perceel", "aanbieder", "zoek")))

    def past(self, r: Rij) -> bool:
        d = r.document
        gezocht = self.zoek.casefold()
        return ((not self.status or d.status == self.status)
                and (self.status or d.status != STAPPEN[-1])  # the queue: what still waits
                and (not self.soort or d.stand.soort == self.soort)
                and (not self.perceel or str(r.perceel or "") == self.perceel)
                and (not self.aanbieder or d.stand.aanbieder == self.aanbieder)
                and (not gezocht or gezocht in r.titel.casefold()
                     or gezocht in r.pad.casefold()))

    def als_vraag(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


T = TypeVar("T")


@dataclass(frozen=True)
class Pagina(Generic[T]):
    """One page of a long list."""

    items: Sequence[T]
    nummer: int
    aantal: int  # pages
    totaal: int  # items in all pages


def pagina(items: Sequence[T], gevraagd: str) -> Pagina[T]:
    aantal = max(1, math.ceil(len(items) / PER_PAGINA))
    nummer = min(max(int(gevraagd), 1), aantal) if gevraagd.isdigit() else 1
    begin = (nummer - 1) * PER_PAGINA
    return Pagina(items[begin:begin + PER_PAGINA], nummer, aantal, len(items))


def waarschuwingen(bestand: Path) -> list[str]:
    """The document's warnings ("Let op: …"), from its text version next to it (read again
    only when that file changed: an overeenkomst's text is long, and a page shows 50)."""
    twin = bestand.with_suffix(".md")
    try:
        staat = twin.lstat()
    except OSError:
        return []
    if not stat.S_ISREG(staat.st_mode):  # a link or a folder: not a text version we made
        return []
    try:
        return list(_waarschuwingen(str(twin), staat.st_mtime_ns, staat.st_size))
    except OSError:  # gone or unreadable since: no warnings to show (not remembered)
        return []


@functools.lru_cache(maxsize=10_000)
def _waarschuwingen(twin: str, _tijd: int, _grootte: int) -> tuple[str, ...]:
    with open(twin, encoding="utf-8") as tekst:
        return tuple(regel.strip() for regel in tekst if regel.startswith("Let op:"))


def rood(html: str) -> str:
    """The document's text with its warnings marked as Word and pdf show them: red."""
    return LET_OP.sub(r'<p class="waarschuwing">\1', html)


@dataclass(frozen=True)
class Vorige:
    """The version before a document's: in which prijspeil, whether it was there, and the
    redline against it that `vergelijk` made (its path in the region's output; "": none)."""

    jaar: int
    bestond: bool
    redline: str
    wijzigingen: str = ""  # the document's changes from the comparison's report, as HTML


def vorige(uitvoer: Path, regio: contracten.Profiel, pad: str) -> Vorige | None:
    """Of a document of a prijspeil: the version before it, in the prijspeil generated before;
    None in the first one generated."""
    jaar = contracten.Indeling.prijspeil_in(pad)
    indeling = contracten.Indeling(uitvoer)
    eerder = [j for j in regio.prijspeilen if jaar.isdigit() and j < int(jaar)
              and indeling.is_uitvoermap(indeling.prijspeil(regio.sleutel, j))]
    if not eerder:
        return None
    oud, nieuw = (indeling.prijspeil(regio.sleutel, j) for j in (max(eerder), int(jaar)))
    binnen = pad.split("/", 2)[2]
    gevonden = indeling.vergelijking(oud, nieuw) / "redlines" / binnen
    return Vorige(max(eerder), (oud / binnen).is_file(),
                  gevonden.relative_to(indeling.regio(regio.sleutel)).as_posix()
                  if gevonden.is_file() else "",
                  _wijzigingen(indeling.vergelijking(oud, nieuw) / "rapport.md", binnen))


def _wijzigingen(rapport: Path, binnen: str) -> str:
    """The document's part of the comparison's report (`vergelijk`), as HTML: what was removed
    struck through, what is new underlined, each said in words for screen readers too."""
    if not rapport.is_file() or rapport.is_symlink():
        return ""
    kop, deel, bezig = f"## {binnen} (", [], False
    for regel in rapport.read_text(encoding="utf-8").splitlines():
        if regel.startswith("## "):
            if bezig:
                break
            bezig = regel.startswith(kop)
        elif bezig:
            deel.append(regel)  # its headings (###) fall under the page's own (h2)
    html = markdown_als_html("\n".join(deel))
    html = WEG.sub(r'<del><span class="vh">verwijderd: </span>\1</del>', html)
    return ERBIJ.sub(r'<ins><span class="vh">nieuw: </span>\1</ins>', html).strip()


def stapnaam(stap: str | None) -> str:
    return STAP_NAMEN[stap] if stap else ""
