"""`artikelen`: the article library of the Contractstandaard Wmo, and importing its official
text, after which documents carry that text verbatim. Each imported version is kept beside the
others; a region chooses the one it contracts under (overeenkomst.yaml `csw_versie`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from contracten.artikelen.importeren import ArtikelVerslag, Verslag, lees_officieel
from contracten.artikelen.laden import (
    laad_bibliotheek,
    officiele_versies,
    projectmap,
    samenvattingen,
)
from contracten.artikelen.model import Bibliotheek
from contracten.artikelen.officieel import OUD, als_yaml, bestandsnaam
from contracten.artikelen.overleggen import leg_over
from contracten.uitvoer.map import vervang_atomair


@dataclass(frozen=True)
class Import:
    """What `importeer_artikelen` did."""

    bestand: Path  # where the official text is stored
    verslag: Verslag
    toegepast: list[str]  # articles that now carry the official text
    samenvatting_blijft: list[str]  # articles that still carry our summary
    bibliotheek: Bibliotheek  # the library under the imported version
    versies: list[str]  # every version now imported


def artikelbibliotheek(map_: Path | None = None, versie: str | None = None) -> Bibliotheek:
    """The library as documents are built from it (default: ./artikelen, else the package's),
    under `versie` of the official text, or the newest imported one."""
    return laad_bibliotheek(map_, versie, nieuwste=True)


def officiele_versies_per_artikel(map_: Path | None = None) -> dict[str, list[str]]:
    """Per article, the imported versions in which it carries the official text."""
    uit: dict[str, list[str]] = {}
    for officieel, _ in officiele_versies(projectmap(map_)).values():
        for artikel in laad_bibliotheek(map_, officieel.versie).in_volgorde():
            if artikel.bron == "officieel":
                uit.setdefault(artikel.nummer, []).append(officieel.versie)
    return uit


def importeer_artikelen(bestand: Path | str, *, map_: Path | None = None,
                        versie: str | None = None) -> Import:
    """Read the official text (.docx or .md) and store it in the project's library folder,
    beside the versions imported before (a new import of the same version replaces it).
    Raises InvoerFout, and stores nothing, when the file is not the standard or an article of
    Deel 3 cannot be read."""
    verslag = lees_officieel(Path(bestand), versie)
    officieel = verslag.officieel
    project = projectmap(map_)
    index, eigen, _ = samenvattingen(project)
    overlegd = leg_over(eigen, officieel, index)
    gelezen = {a.nummer for a in officieel.artikelen}
    for nummer in [n for o in index.volgorde for n in o.nummers()]:
        artikel = overlegd.artikelen[nummer]
        if nummer in overlegd.officieel:
            status, uitleg = "officieel", ""
        elif nummer in overlegd.regio:
            status, uitleg = "regio", "de regio schrijft dit artikel zelf (model in de standaard)"
        elif nummer in overlegd.niet_in_versie:
            status, uitleg = "niet in deze versie", f"nieuw in {index.nieuw_in[nummer]}"
        elif nummer in overlegd.niet_toepasbaar:
            status, uitleg = "samenvatting", overlegd.niet_toepasbaar[nummer]
        else:
            status = "niet gelezen" if nummer not in gelezen else "samenvatting"
            uitleg = next((p for p in verslag.problemen if p.startswith(f"artikel {nummer} ")),
                          "niet in het document gevonden")
        verslag.artikelen.append(ArtikelVerslag(nummer, artikel.titel, status, uitleg))
    doel = project / bestandsnaam(officieel.versie)
    vervang_atomair(doel, als_yaml(officieel).encode("utf-8"))
    oud = project / OUD
    if oud.is_file() and all(p != oud for _, p in officiele_versies(project).values()):
        oud.unlink()  # the one file of an earlier release held this same version: replaced
    bibliotheek = laad_bibliotheek(map_, officieel.versie)
    blijft = [a.nummer for a in bibliotheek.samenvattingen() if a.genummerd]
    return Import(doel, verslag, list(overlegd.officieel), blijft, bibliotheek,
                  bibliotheek.versies)
