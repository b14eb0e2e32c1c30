"""Document fragments as plain data: what a context builder hands to the renderer.

Builders stay pure (no Word objects); `word.py` turns a Fragment into real Word paragraphs and
tables when the template is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

# Where a footnote's reference goes in a Tekst: the note's number in its fragment between two
# private-use characters, which no text meant for people contains. Only in Tekst blocks.
VOETNOOT = re.compile("\ue000(\\d+)\ue001")


def voetnootmarkering(nummer: int) -> str:
    return f"\ue000{nummer}\ue001"


@dataclass(frozen=True)
class Kop:
    tekst: str
    niveau: int  # 1 = chapter


@dataclass(frozen=True)
class Tekst:
    markdown: str
    stijl: str | None = None  # a paragraph style of the template, e.g. "Quote"


@dataclass(frozen=True)
class Letterlijk:
    """Plain text for a table cell: names, codes, amounts. Never read as Markdown."""

    tekst: str


Cel = str | Letterlijk  # a str cell is Markdown


@dataclass(frozen=True)
class Tabel:
    rijen: list[list[Cel]]
    kop: list[str] | None = None  # header row
    eerste_kolom_vet: bool = False  # label column of a two-column card
    breedtes: list[float] | None = None  # relative column widths


@dataclass(frozen=True)
class Afbeelding:
    """A PNG or JPEG on a paragraph of its own, such as the sender's logo."""

    pad: str
    breedte_mm: int


Blok = Kop | Tekst | Tabel | Afbeelding


@dataclass
class Fragment:
    blokken: list[Blok] = field(default_factory=list)
    voetnoten: list[str] = field(default_factory=list)  # Markdown; numbered from 1 in order

    def voetnoot(self, markdown: str) -> str:
        """Add a footnote (a real Word footnote); returns the marker to put in a Tekst where its
        reference goes. Word numbers footnotes by where their references stand."""
        self.voetnoten.append(markdown)
        return voetnootmarkering(len(self.voetnoten))

    def kop(self, tekst: str, niveau: int) -> None:
        self.blokken.append(Kop(tekst, niveau))

    def tekst(self, markdown: str, stijl: str | None = None) -> None:
        self.blokken.append(Tekst(markdown, stijl))

    def afbeelding(self, pad: str, breedte_mm: int) -> None:
        self.blokken.append(Afbeelding(pad, breedte_mm))

    def tabel(self, rijen: Sequence[Sequence[Cel]], kop: list[str] | None = None, *,
              eerste_kolom_vet: bool = False, breedtes: Sequence[float] | None = None) -> None:
        self.blokken.append(Tabel([list(r) for r in rijen], kop, eerste_kolom_vet,
                                  list(breedtes) if breedtes is not None else None))
