"""`artikelen`: the article library of the Contractstandaard Wmo, and importing its official
text, after which documents carry that text verbatim. Each imported version is kept beside the
others; a region chooses the one it contracts under (overeenkomst.yaml `csw_versie`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from contracten import vastlegging
from contracten.artikelen.importeren import ArtikelVerslag, Verslag, lees_officieel
from contracten.artikelen.laden import (
    laad_bibliotheek,
    officiele_versies,
    projectmap,
    samenvattingen,
)
from contracten.artikelen.model import Bibliotheek, Index
from contracten.artikelen.officieel import OUD, Officieel, als_yaml, bestandsnaam
from contracten.artikelen.overleggen import Overlegd, leg_over
from contracten.fouten import InvoerFout, Melding
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
    gewijzigd: list[str] = field(default_factory=list)  # articles a replaced version changed


def artikelbibliotheek(map_: Path | None = None, versie: str | None = None) -> Bibliotheek:
    """The library as documents are built from it (default: ./artikelen, else the package's),
    under `versie` of the official text, or the newest imported one."""
    return laad_bibliotheek(map_, versie, nieuwste=True, bron="--versie")


def officiele_versies_per_artikel(map_: Path | None = None) -> dict[str, list[str]]:
    """Per article, the imported versions in which it carries the official text."""
    project = projectmap(map_)
    index, eigen, _ = samenvattingen(project)
    uit: dict[str, list[str]] = {}
    for officieel, _ in officiele_versies(project).values():
        for nummer in leg_over(eigen, officieel, index).officieel:
            uit.setdefault(nummer, []).append(officieel.versie)
    return uit


def importeer_artikelen(bestand: Path | str, *, map_: Path | None = None,
                        versie: str | None = None, vervang: bool = False) -> Import:
    """Read the official text (.docx or .md) and store it in the project's library folder,
    beside the versions imported before. Raises InvoerFout, and stores nothing, when the file
    is not the standard, an article of Deel 3 cannot be read or is missing, or the same version
    was imported before from another file (unless `vervang`: the regions contracting under that
    version then get the new text; `Import.gewijzigd` names the articles that changed)."""
    verslag = lees_officieel(Path(bestand), versie)
    officieel = verslag.officieel
    naam = Path(bestand).name
    project = projectmap(map_)
    index, eigen, _ = samenvattingen(project)
    bestaand = officiele_versies(project)  # an unreadable stored version stops us here
    overlegd = leg_over(eigen, officieel, index)
    verslag.afwijkingen = overlegd.afwijkingen
    verslag.artikelen = per_artikel(index, overlegd, officieel, verslag.problemen)
    deel3 = {n for o in index.volgorde if o.deel == 3 for n in o.nummers()}
    ontbreekt = [a for a in verslag.artikelen if a.nummer in deel3 and a.status == "niet gelezen"]
    if ontbreekt:
        raise InvoerFout([Melding(naam, None, "", f"artikel {a.nummer} ({a.titel}) van Deel 3: "
                                  f"{a.toelichting}", "artikel_ontbreekt") for a in ontbreekt],
                         "Kan de officiële tekst niet lezen; er is niets opgeslagen")
    vorige = bestaand.get(officieel.nummer)
    gewijzigd: list[str] = []
    if vorige is not None and vorige[0].sha256 != officieel.sha256:
        if not vervang:
            raise InvoerFout([Melding(naam, None, "", f"versie {officieel.nummer} is al "
                                      f"geïmporteerd uit {vorige[0].bestand} ({vorige[1]}); geef "
                                      "--vervang om die te vervangen: de overeenkomsten van "
                                      f"regio's onder {officieel.nummer} krijgen dan deze tekst",
                                      "versie_al_geimporteerd")], "Niet geïmporteerd")
        oud_ = {a.nummer: a for a in vorige[0].artikelen}
        gewijzigd = [a.nummer for a in officieel.artikelen if oud_.get(a.nummer) != a]
        gewijzigd += [n for n in oud_ if n not in {a.nummer for a in officieel.artikelen}]
    doel = project / bestandsnaam(officieel.versie)
    vervang_atomair(doel, als_yaml(officieel).encode("utf-8"))
    vastlegging.bestand(doel)
    oud = project / OUD
    gebruikt = {p for _, p in bestaand.values()}
    if oud.is_file() and (oud not in gebruikt or (vorige is not None and vorige[1] == oud)):
        oud.unlink()  # the one file of an earlier release held this version, or none in use
    bibliotheek = laad_bibliotheek(map_, officieel.versie)
    blijft = [a.nummer for a in bibliotheek.samenvattingen() if a.genummerd]
    return Import(doel, verslag, list(overlegd.officieel), blijft, bibliotheek,
                  bibliotheek.versies, gewijzigd)


def per_artikel(index: Index, overlegd: Overlegd, officieel: Officieel,
                problemen: list[str]) -> list[ArtikelVerslag]:
    """What became of each article of the library under the imported text."""
    gelezen = {a.nummer for a in officieel.artikelen}
    uit = []
    for nummer in [n for o in index.volgorde for n in o.nummers()]:
        artikel = overlegd.artikelen[nummer]
        probleem = next((p for p in problemen if p.startswith(f"artikel {nummer} ")), None)
        if nummer in overlegd.officieel:
            status, uitleg = "officieel", ""
        elif nummer in overlegd.niet_in_versie:
            status, uitleg = "niet in deze versie", f"nieuw in {index.nieuw_in[nummer]}"
        elif nummer in overlegd.regio:
            status, uitleg = "regio", "de regio schrijft dit artikel zelf (model in de standaard)"
        elif nummer in overlegd.niet_toepasbaar:
            status, uitleg = "samenvatting", overlegd.niet_toepasbaar[nummer]
        elif nummer not in gelezen:
            status, uitleg = "niet gelezen", probleem or "niet in het document gevonden"
        else:
            status, uitleg = "samenvatting", probleem or ""
        uit.append(ArtikelVerslag(nummer, artikel.titel, status, uitleg))
    return uit
