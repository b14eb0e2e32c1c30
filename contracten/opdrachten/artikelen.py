"""`artikelen`: the article library of the Contractstandaard Wmo, and importing its official
text, after which documents carry that text verbatim."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from contracten.artikelen.importeren import Verslag, lees_officieel
from contracten.artikelen.laden import OFFICIEEL, als_yaml, laad_bibliotheek, projectmap
from contracten.artikelen.model import Bibliotheek
from contracten.uitvoer.map import vervang_atomair


@dataclass(frozen=True)
class Import:
    """What `importeer_artikelen` did."""

    bestand: Path  # where the official text is stored
    verslag: Verslag
    toegepast: list[str]  # articles that now carry the official text
    samenvatting_blijft: list[str]  # articles that still carry our summary
    bibliotheek: Bibliotheek


def artikelbibliotheek(map_: Path | None = None) -> Bibliotheek:
    """The library as documents are built from it (default: ./artikelen, else the package's)."""
    return laad_bibliotheek(map_)


def importeer_artikelen(bestand: Path | str, *, map_: Path | None = None,
                        versie: str | None = None) -> Import:
    """Read the official text (.docx or .md) and store it in the project's library folder."""
    verslag = lees_officieel(Path(bestand), versie)
    doel = projectmap(map_) / OFFICIEEL
    _schrijf(doel, als_yaml(verslag.officieel))
    bibliotheek = laad_bibliotheek(map_)
    toegepast = [a.nummer for a in bibliotheek.in_volgorde() if a.bron == "officieel"]
    blijft = [a.nummer for a in bibliotheek.samenvattingen() if a.genummerd]
    return Import(doel, verslag, toegepast, blijft, bibliotheek)


def _schrijf(doel: Path, tekst: str) -> None:
    """Replace the stored official text atomically (a new import replaces the old one)."""
    vervang_atomair(doel, tekst.encode("utf-8"))
