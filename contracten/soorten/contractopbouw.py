"""The structure of an overeenkomst under the Contractstandaard Wmo: its parts, chapters,
articles and leden in the standard's order and numbering, built from the article library and
the region's choices, every blank filled. Pure: no files, no Word objects.

An optional article the region does not use keeps its number and reads 'niet van toepassing';
a lid whose condition is off keeps its number too, so references stay valid. The region's own
articles follow 1.10 (1.11 …) and 2.1 (2.2 …)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from contracten.artikelen.invullen import vul_in
from contracten.artikelen.model import Artikel, Bibliotheek
from contracten.profiel.overeenkomst import OvereenkomstKeuzes
from contracten.profiel.percelen import Perceel
from contracten.soorten import opbouwgeheugen
from contracten.soorten.keuzetekst import gekozen_tekst, staat_aan

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


def bouw(perceel: Perceel, keuzes: OvereenkomstKeuzes, bibliotheek: Bibliotheek,
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
    nvt = index.lid_niet_van_toepassing
    eigen = {a.nummer: a for a in keuzes.eigen_artikelen}
    for onderdeel in index.volgorde:
        if onderdeel.deel is None:  # the preamble: Partijen, Overwegingen, Definities
            for nummer in onderdeel.artikelen:
                artikel, inleiding = bibliotheek.artikelen[nummer], index.eigen_aanhef.get(nummer)
                _gebouwd(opbouw, (artikel, perceel, keuzes), ("aanhef", inleiding), waarden,
                         partial(_ongenummerd, artikel=artikel, perceel=perceel, keuzes=keuzes,
                                 eigen_inleiding=inleiding))
            continue
        opbouw.blokken.append({"soort": "deel", "titel": onderdeel.titel, "niveau": 1})
        for nummer in bibliotheek.aanwezig(onderdeel.artikelen):
            artikel = bibliotheek.artikelen[nummer]
            schakelaar = schakelaars.get(nummer)
            gebruikt = schakelaar is None or keuzes.gebruikt(schakelaar)
            _gebouwd(opbouw, (artikel, perceel, keuzes), (gebruikt, 2, nvt), waarden,
                     partial(_artikel, artikel=artikel, gebruikt=gebruikt, niveau=2,
                             perceel=perceel, keuzes=keuzes, nvt_lid=nvt))
            if nummer == "2.1":
                opbouw.blokken += deel2
        for n in sorted((n for n in eigen if n.split(".")[0] == str(onderdeel.deel)),
                        key=lambda n: int(n.split(".")[1])):
            _eigen(opbouw, eigen[n], waarden, keuzes)
        for hoofdstuk in onderdeel.hoofdstukken:
            opbouw.blokken.append({"soort": "hoofdstuk", "nummer": hoofdstuk.nummer,
                                   "titel": hoofdstuk.titel, "niveau": 2})
            for nummer in bibliotheek.aanwezig(hoofdstuk.artikelen):
                artikel = bibliotheek.artikelen[nummer]
                _gebouwd(opbouw, (artikel, perceel, keuzes), (True, 3, nvt), waarden,
                         partial(_artikel, artikel=artikel, gebruikt=True, niveau=3,
                                 perceel=perceel, keuzes=keuzes, nvt_lid=nvt))
    return opbouw


def _gebouwd(opbouw: Opbouw, bronnen: tuple[Any, ...], rest: tuple[Any, ...],
             waarden: Mapping[str, str], bouw: Callable[..., None]) -> None:
    """`bouw(opbouw, waarden=waarden)`: one article. Within a run it comes from memory when built
    before from the same `bronnen` and `rest` and the same values (see opbouwgeheugen)."""
    geheugen = opbouwgeheugen.huidig()
    if geheugen is None:
        bouw(opbouw, waarden=waarden)
        return

    def apart(opgezocht: Mapping[str, str]) -> opbouwgeheugen.Bouwsel:
        deel = Opbouw()
        bouw(deel, waarden=opgezocht)
        return opbouwgeheugen.Bouwsel(deel.blokken, deel.ontbreekt, deel.samenvattingen,
                                      deel.leden)

    gebouwd = geheugen.bouwsel(bronnen, rest, waarden, apart)
    opbouw.blokken += gebouwd.blokken
    opbouw.ontbreekt += gebouwd.ontbreekt
    opbouw.samenvattingen += gebouwd.samenvattingen
    opbouw.leden.update(gebouwd.leden)


def aanhef(perceel: Perceel, keuzes: OvereenkomstKeuzes, bibliotheek: Bibliotheek,
           waarden: dict[str, str], nummer: str) -> Opbouw:
    """One part of the preamble alone (e.g. "partijen"), built exactly as in the contract: for
    a document that repeats it, such as the tariff addendum."""
    opbouw = Opbouw()
    _ongenummerd(opbouw, bibliotheek.artikelen[nummer], perceel, keuzes, waarden,
                 bibliotheek.index.eigen_aanhef.get(nummer))
    return opbouw


def _artikel(opbouw: Opbouw, artikel: Artikel, gebruikt: bool, niveau: int, perceel: Perceel,
             keuzes: OvereenkomstKeuzes, waarden: Mapping[str, str], nvt_lid: str) -> None:
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
        if lid.voorwaarde and not staat_aan(lid.voorwaarde, perceel, keuzes):
            opbouw.blokken.append({"soort": "lid", "nummer": nummer, "tekst": nvt_lid})
            continue
        _lid(opbouw, nummer, gekozen_tekst(lid, perceel, keuzes) or nvt_lid, waarden, keuzes)


def _lid(opbouw: Opbouw, nummer: str, tekst: str, waarden: Mapping[str, str],
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


def _ongenummerd(opbouw: Opbouw, artikel: Artikel, perceel: Perceel,
                 keuzes: OvereenkomstKeuzes, waarden: Mapping[str, str],
                 eigen_inleiding: str | None) -> None:
    """Partijen, Overwegingen, Definities: paragraphs, not leden; an item whose condition is
    off is left out; the region's own overwegingen and definities follow the library's, after
    the official text under a sentence of their own, so nobody takes them for the standard's."""
    opbouw.blokken.append({"soort": "kop", "titel": artikel.titel, "niveau": 1,
                           "samenvatting": artikel.bron == "samenvatting"})
    if artikel.bron == "samenvatting" and artikel.status == "verbatim":
        opbouw.samenvattingen.append(artikel.nummer)
    delen: list[tuple[str, ...]] = []
    for lid in artikel.leden:
        if lid.voorwaarde and not staat_aan(lid.voorwaarde, perceel, keuzes):
            continue
        ingevuld, ontbreekt = vul_in(gekozen_tekst(lid, perceel, keuzes), waarden,
                                     keuzes.invullingen, artikel.nummer)
        opbouw.ontbreekt += [(artikel.nummer, naam) for naam in ontbreekt]
        delen.append(alineas(ingevuld))
    officieel = artikel.bron == "officieel"
    inleiding = " ".join(eigen_inleiding.split()) if officieel and eigen_inleiding else None
    if artikel.nummer == "overwegingen":
        if officieel:  # one lid: its opening, then one list item per overweging
            delen = _per_opsomming(delen)
        opbouw.blokken += _overwegingen(delen, [alineas(o) for o in keuzes.overwegingen],
                                        inleiding)
        return
    opbouw.blokken += [{"soort": "alinea", "tekst": t} for d in delen for t in d]
    if artikel.nummer == "definities":
        if keuzes.definities and inleiding:
            opbouw.blokken.append({"soort": "alinea", "tekst": inleiding})
        opbouw.blokken += [{"soort": "definitie", "begrip": d.begrip,
                            "betekenis": " ".join(alineas(d.betekenis))}
                           for d in keuzes.definities]


def _per_opsomming(delen: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Paragraphs split where a list item ("• …", "– …") begins, the marker taken off: the
    standard writes its overwegingen as one list."""
    uit: list[list[str]] = [[]]
    for regel in (r for d in delen for r in d):
        if regel[:2] in ("• ", "– ", "- "):
            uit.append([regel[2:].strip()])
        else:
            uit[-1].append(regel)
    return [tuple(d) for d in uit if d]


def _overwegingen(delen: list[tuple[str, ...]], eigen: list[tuple[str, ...]],
                  inleiding: str | None) -> list[Blok]:
    """The overwegingen as one lettered list under their opening ("Partijen nemen in aanmerking
    dat:"), the library's and the region's own alike: a., b., c. …, each ending in ";" and the
    last in ".", whatever punctuation the texts brought. With `inleiding` (under the official
    text) the region's own follow that sentence, their letters going on."""
    blokken: list[Blok] = []
    if delen and delen[0] and delen[0][-1].endswith(":"):
        blokken += [{"soort": "alinea", "tekst": t} for t in delen[0]]
        delen = delen[1:]
    delen = [d for d in delen if d]
    eigen = [d for d in eigen if d]
    alle = delen + eigen
    for i, overweging in enumerate(alle):
        if i == len(delen) and inleiding:
            blokken.append({"soort": "alinea", "tekst": inleiding})
        slot = "." if i == len(alle) - 1 else ";"
        teksten = list(overweging)
        teksten[-1] = teksten[-1].rstrip().rstrip(".;,") + slot
        blokken.append({"soort": "overweging", "letter": f"{_letter(i)}.", "tekst": teksten[0]})
        blokken += [{"soort": "vervolg", "tekst": t} for t in teksten[1:]]
    return blokken


def _letter(i: int) -> str:
    """a … z, then aa, ab …"""
    return _letter(i // 26 - 1) + chr(97 + i % 26) if i >= 26 else chr(97 + i)


@lru_cache(maxsize=1024)  # every aanbieder's contract has mostly the same texts
def alineas(tekst: str) -> tuple[str, ...]:
    """The paragraphs of a filled text: in the library (folded YAML) a line break starts a new
    paragraph, and values are normalised to the same (see contractwaarden.regels)."""
    return tuple(" ".join(d.split()) for d in tekst.split("\n") if d.strip())
