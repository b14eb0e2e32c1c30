"""The structure of an overeenkomst under the Contractstandaard Wmo: its parts, chapters,
articles and leden in the standard's order and numbering, built from the article library and
the region's choices, every blank filled. Pure: no files, no Word objects.

An optional article the region does not use keeps its number and reads 'niet van toepassing';
a lid whose condition is off keeps its number too, so references stay valid. The region's own
articles follow 1.10 (1.11 …) and 2.1 (2.2 …)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from contracten.artikelen.invullen import vul_in
from contracten.artikelen.model import Artikel, Bibliotheek, Lid
from contracten.profiel.model import Profiel
from contracten.profiel.overeenkomst import OvereenkomstKeuzes

Blok = dict[str, Any]


@dataclass
class Opbouw:
    """The blocks the template renders, in order, and what the build noticed."""

    blokken: list[Blok] = field(default_factory=list)
    ontbreekt: list[tuple[str, str]] = field(default_factory=list)  # (lid, placeholder)
    samenvattingen: list[str] = field(default_factory=list)  # verbatim articles in our words
    leden: dict[str, int] = field(default_factory=dict)  # article → number of leden

    def inhoudsopgave(self) -> list[Blok]:
        return [b for b in self.blokken if b["soort"] in ("kop", "deel", "hoofdstuk", "artikel")]


def keuze_van(naam: str, profiel: Profiel, keuzes: OvereenkomstKeuzes) -> str:
    """The option the region took for a choice (artikelen/index.yaml `keuzes`)."""
    if naam == "uitvoeringsvariant":
        return profiel.regio.bekostigingsvorm
    if naam == "socialreturn_periode":
        return keuzes.socialreturn.periode if keuzes.socialreturn else "contractjaar"
    waarde: str = getattr(keuzes, naam)
    return waarde


def staat_aan(voorwaarde: str, profiel: Profiel, keuzes: OvereenkomstKeuzes) -> bool:
    """A lid's condition (artikelen/index.yaml `voorwaarden`)."""
    if voorwaarde == "verlenging":
        return keuzes.verlenging is not None
    if voorwaarde == "selectie":
        return keuzes.selectie
    return keuzes.gebruikt(voorwaarde)


def tekst_van(lid: Lid, profiel: Profiel, keuzes: OvereenkomstKeuzes) -> str:
    """A lid's text as it applies to the region: the option it chose, or (official text) the
    parts for its uitvoeringsvariant, procedure and switches, the guidance lines left out.
    Empty when no part applies."""
    if lid.keuze is not None:
        return (lid.opties or {})[keuze_van(lid.keuze, profiel, keuzes)]
    if lid.delen is None:
        return lid.tekst or ""
    regels: list[str] = []
    for deel in lid.delen:
        if any(keuze_van(k, profiel, keuzes) not in opties for k, opties in deel.alleen.items()):
            continue
        if deel.voorwaarde and not staat_aan(deel.voorwaarde, profiel, keuzes):
            continue
        if deel.aansluitend and regels:
            regels[-1] = f"{regels[-1]} {deel.als_tekst()}"
        else:
            regels += deel.als_tekst().split("\n")
    return "\n".join(regels)


def bouw(profiel: Profiel, keuzes: OvereenkomstKeuzes, bibliotheek: Bibliotheek,
         waarden: dict[str, str], deel2: list[Blok]) -> Opbouw:
    """Every block of the contract; `deel2` holds the aanbieder's tables, placed after 2.1."""
    opbouw = Opbouw()
    index = bibliotheek.index
    waarden = dict(waarden)
    for naam, tekst in index.samengestelde_plaatshouders.items():
        samengesteld, open_ = vul_in(tekst, waarden, {}, naam)
        if not open_:
            waarden[naam] = " ".join(samengesteld.split())
    schakelaars = index.optionele_artikelen
    eigen = {a.nummer: a for a in keuzes.eigen_artikelen}
    for onderdeel in index.volgorde:
        if onderdeel.deel is None:  # the preamble: Partijen, Overwegingen, Definities
            for nummer in onderdeel.artikelen:
                _ongenummerd(opbouw, bibliotheek.artikelen[nummer], profiel, keuzes, waarden,
                             index.eigen_aanhef.get(nummer))
            continue
        opbouw.blokken.append({"soort": "deel", "titel": onderdeel.titel, "niveau": 1})
        for nummer in [n for n in onderdeel.artikelen if n not in bibliotheek.niet_in_versie]:
            artikel = bibliotheek.artikelen[nummer]
            schakelaar = schakelaars.get(nummer)
            gebruikt = schakelaar is None or keuzes.gebruikt(schakelaar)
            _artikel(opbouw, artikel, gebruikt, 2, profiel, keuzes, waarden,
                     index.lid_niet_van_toepassing)
            if nummer == "2.1":
                opbouw.blokken += deel2
        for n in sorted((n for n in eigen if n.split(".")[0] == str(onderdeel.deel)),
                        key=lambda n: int(n.split(".")[1])):
            _eigen(opbouw, eigen[n], waarden, keuzes)
        for hoofdstuk in onderdeel.hoofdstukken:
            opbouw.blokken.append({"soort": "hoofdstuk", "nummer": hoofdstuk.nummer,
                                   "titel": hoofdstuk.titel, "niveau": 2})
            for nummer in [n for n in hoofdstuk.artikelen if n not in bibliotheek.niet_in_versie]:
                _artikel(opbouw, bibliotheek.artikelen[nummer], True, 3, profiel, keuzes,
                         waarden, index.lid_niet_van_toepassing)
    return opbouw


def _artikel(opbouw: Opbouw, artikel: Artikel, gebruikt: bool, niveau: int, profiel: Profiel,
             keuzes: OvereenkomstKeuzes, waarden: dict[str, str], nvt_lid: str) -> None:
    opbouw.leden[artikel.nummer] = len(artikel.leden)
    samenvatting = gebruikt and artikel.bron == "samenvatting"
    opbouw.blokken.append({"soort": "artikel", "nummer": artikel.nummer, "titel": artikel.titel,
                           "niveau": niveau, "samenvatting": samenvatting})
    if not gebruikt:
        opbouw.blokken.append({"soort": "alinea",
                               "tekst": (artikel.niet_van_toepassing or nvt_lid).strip()})
        return
    if samenvatting and artikel.status == "verbatim":
        # Deel 3 must carry the standard's own words; Deel 1 and 2 are the region's to write.
        opbouw.samenvattingen.append(artikel.nummer)
    for i, lid in enumerate(artikel.leden, start=1):
        nummer = f"{artikel.nummer}.{i}"
        if lid.voorwaarde and not staat_aan(lid.voorwaarde, profiel, keuzes):
            opbouw.blokken.append({"soort": "lid", "nummer": nummer, "tekst": nvt_lid})
            continue
        tekst = tekst_van(lid, profiel, keuzes)
        _lid(opbouw, nummer, tekst or nvt_lid, waarden, keuzes)


def _lid(opbouw: Opbouw, nummer: str, tekst: str, waarden: dict[str, str],
         keuzes: OvereenkomstKeuzes) -> None:
    ingevuld, ontbreekt = vul_in(tekst, waarden, keuzes.invullingen, nummer)
    opbouw.ontbreekt += [(nummer, naam) for naam in ontbreekt]
    eerste, *verder = alineas(ingevuld)
    opbouw.blokken.append({"soort": "lid", "nummer": nummer, "tekst": eerste})
    opbouw.blokken += [{"soort": "vervolg", "tekst": t} for t in verder]


def _eigen(opbouw: Opbouw, artikel: Any, waarden: dict[str, str],
           keuzes: OvereenkomstKeuzes) -> None:
    opbouw.leden[artikel.nummer] = len(artikel.leden)
    opbouw.blokken.append({"soort": "artikel", "nummer": artikel.nummer, "titel": artikel.titel,
                           "niveau": 2, "samenvatting": False})
    for i, tekst in enumerate(artikel.leden, start=1):
        _lid(opbouw, f"{artikel.nummer}.{i}", tekst, waarden, keuzes)


def _ongenummerd(opbouw: Opbouw, artikel: Artikel, profiel: Profiel,
                 keuzes: OvereenkomstKeuzes, waarden: dict[str, str],
                 eigen_inleiding: str | None) -> None:
    """Partijen, Overwegingen, Definities: paragraphs, not leden; an item whose condition is
    off is left out; the region's own overwegingen and definities follow the library's, after
    the official text under a sentence of their own, so nobody takes them for the standard's."""
    opbouw.blokken.append({"soort": "kop", "titel": artikel.titel, "niveau": 1})
    if artikel.bron == "samenvatting" and artikel.status == "verbatim":
        opbouw.samenvattingen.append(artikel.nummer)
    for lid in artikel.leden:
        if lid.voorwaarde and not staat_aan(lid.voorwaarde, profiel, keuzes):
            continue
        tekst = tekst_van(lid, profiel, keuzes)
        ingevuld, ontbreekt = vul_in(tekst, waarden, keuzes.invullingen, artikel.nummer)
        opbouw.ontbreekt += [(artikel.nummer, naam) for naam in ontbreekt]
        opbouw.blokken += [{"soort": "alinea", "tekst": t} for t in alineas(ingevuld)]
    eigen = keuzes.overwegingen if artikel.nummer == "overwegingen" else (
        keuzes.definities if artikel.nummer == "definities" else [])
    if eigen and eigen_inleiding and artikel.bron == "officieel":
        opbouw.blokken.append({"soort": "alinea", "tekst": " ".join(eigen_inleiding.split())})
    if artikel.nummer == "overwegingen":
        opbouw.blokken += [{"soort": "alinea", "tekst": t}
                           for o in keuzes.overwegingen for t in alineas(o)]
    if artikel.nummer == "definities":
        opbouw.blokken += [{"soort": "definitie", "begrip": d.begrip,
                            "betekenis": " ".join(alineas(d.betekenis))}
                           for d in keuzes.definities]


@lru_cache(maxsize=1024)  # every aanbieder's contract has mostly the same texts
def alineas(tekst: str) -> tuple[str, ...]:
    """The paragraphs of a filled text: in the library (folded YAML) a line break starts a new
    paragraph, and values are normalised to the same (see contractwaarden.regels)."""
    return tuple(" ".join(d.split()) for d in tekst.split("\n") if d.strip())
