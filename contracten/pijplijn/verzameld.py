"""What the workers made, held compactly while they run: per document one small row (its task,
its formats, the sha256 digests of its files as bytes, and what it shares with the other
documents of its kind), not a manifest entry per file. The manifest's entries are made from the
rows once the workers are gone (`documenten`): a run of 20,000 aanbieders would otherwise hold
80,000 entries, each with its path, hash and version as text, in the main process while both
workers are at their largest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from contracten.privacy import versiecode
from contracten.uitvoer import definitief
from contracten.uitvoer.manifest import Document, Herkomst
from contracten.uitvoer.map import Uitvoermap

from .plan import Taak

if TYPE_CHECKING:
    from .werk import Artikel, Gemaakt

DIGEST = 32  # bytes of a sha256 digest


@dataclass(frozen=True, slots=True)
class _Rij:
    """One made document."""

    taak: Taak
    formaten: tuple[str, ...]  # of its files, in the order the task wrote them (shared)
    sha256: bytes  # the digests of its files, DIGEST bytes each, in that order
    paden: tuple[str, ...] | None  # its files' paths, only when not `<taak.pad>.<formaat>`
    naast: bool  # finalised, and its new text differs: its files went beside it
    artikelen: list[Herkomst]  # shared: see Verzameling.herkomst
    samenvattingen: list[str]  # shared: see Verzameling.samenvattingen
    voorbeelden: int


class Verzameling:
    """The documents a run made, as they come (`voeg_toe`); their manifest entries at the
    end (`documenten`). A finalised document is never overwritten: when its new text differs
    from the signed one (`register`), all its formats go beside it at once."""

    def __init__(self, register: dict[str, dict[str, str]], map_: Uitvoermap) -> None:
        self._register = register
        self._map = map_
        self._rijen: list[_Rij] = []
        # What many made documents have in common, held once: most documents of a kind have
        # the same articles and summaries.
        self._herkomsten: dict[tuple[Artikel, ...], list[Herkomst]] = {}
        self._samenvattingen: dict[tuple[str, ...], list[str]] = {}
        self._formaten: dict[tuple[str, ...], tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self._rijen)

    def voeg_toe(self, gemaakt: Gemaakt) -> None:
        taak = gemaakt.taak
        getekend = self._register.get(f"{taak.pad}.docx")
        docx = next(b for b in gemaakt.bestanden if b.formaat == "docx")
        naast = getekend is not None and docx.sha256 != getekend["sha256"]
        if naast:
            versie = versiecode(taak.invoerhash)
            for b in gemaakt.bestanden:
                self._map.plek(b.pad).replace(self._map.plek(definitief.naast(b.pad, versie)))
        formaten = tuple(b.formaat for b in gemaakt.bestanden)
        paden = tuple(b.pad for b in gemaakt.bestanden)
        eigen = any(pad != f"{taak.pad}.{f}" for pad, f in zip(paden, formaten, strict=True))
        self._rijen.append(_Rij(
            taak, self._formaten.setdefault(formaten, formaten),
            b"".join(bytes.fromhex(b.sha256) for b in gemaakt.bestanden),
            paden if eigen else None, naast, self.herkomst(gemaakt.artikelen),
            self.samenvattingen(gemaakt.samenvattingen), gemaakt.voorbeelden))

    def herkomst(self, artikelen: tuple[Artikel, ...]) -> list[Herkomst]:
        lijst = self._herkomsten.get(artikelen)
        if lijst is None:
            lijst = self._herkomsten[artikelen] = [
                Herkomst(kop=kop, sjabloon=sjabloon, velden=list(velden))
                for kop, sjabloon, velden in artikelen]
        return lijst

    def samenvattingen(self, samenvattingen: list[str]) -> list[str]:
        return self._samenvattingen.setdefault(tuple(samenvattingen), samenvattingen)

    def documenten(self) -> tuple[list[Document], dict[str, list[Herkomst]], list[str]]:
        """The manifest entries of every made document, in the order they were made (their
        articles come later: see uitvoeren._gedeelde_herkomst); the articles of each new
        .docx by path; the .docx paths of the finalised documents whose new version went
        beside them. Empties the collection."""
        nieuw: list[Document] = []
        artikelen: dict[str, list[Herkomst]] = {}
        naast: list[str] = []
        rijen, self._rijen = self._rijen, []
        for rij in rijen:
            taak = rij.taak
            versie = versiecode(taak.invoerhash)
            paden = rij.paden or tuple(f"{taak.pad}.{f}" for f in rij.formaten)
            for i, (formaat, pad) in enumerate(zip(rij.formaten, paden, strict=True)):
                if rij.naast:
                    pad = definitief.naast(pad, versie)
                is_docx = formaat == "docx"
                nieuw.append(Document(
                    soort=taak.soort, formaat=formaat, pad=pad,
                    sha256=rij.sha256[i * DIGEST:(i + 1) * DIGEST].hex(),
                    aanbieder=taak.aanbieder, perceel=taak.perceel, versie=versie,
                    invoerhash=taak.invoerhash,
                    naast_definitief=f"{taak.pad}.docx" if rij.naast else None,
                    samenvattingen=(rij.samenvattingen or None) if is_docx else None,
                    voorbeelden=rij.voorbeelden if is_docx else None))
            docx = next(d for d in nieuw[-len(paden):] if d.formaat == "docx")
            artikelen[docx.pad] = rij.artikelen
            if rij.naast:
                naast.append(f"{taak.pad}.docx")
        return nieuw, artikelen, naast
