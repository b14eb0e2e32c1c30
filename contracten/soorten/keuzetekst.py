"""The text of a lid as it applies to one region: the option it took of a choice the standard
leaves open, or (official text) only the parts for its uitvoeringsvariant, procedure and
switches. A text that rests on an example value says "(voorbeeld)". Pure: no files."""

from __future__ import annotations

import re
from functools import lru_cache

from contracten.artikelen.model import Deel, Lid
from contracten.opmaak import VOORBEELD
from contracten.profiel.overeenkomst import OvereenkomstKeuzes
from contracten.profiel.percelen import Perceel

# The profile fields a choice follows from: an option taken on an example value is itself an
# example, and the text says so. Who signs is marked where the text names him.
KEUZEVELDEN = {"inschrijving": ("procedure", "selectie"), "vertegenwoordiging": (),
               "socialreturn_periode": ("socialreturn.periode",), "uitvoeringsvariant": ()}


def keuze_van(naam: str, perceel: Perceel, keuzes: OvereenkomstKeuzes) -> str:
    """The option the region took for a choice (artikelen/index.yaml `keuzes`)."""
    if naam == "uitvoeringsvariant":
        return str(perceel.bekostigingsvorm)
    if naam == "socialreturn_periode":
        return keuzes.socialreturn.periode if keuzes.socialreturn else "contractjaar"
    if naam == "inschrijving":  # what the aanbieder handed in follows from the procedure
        if keuzes.procedure == "toelating":
            return "aanmelding"
        return "verzoek_en_inschrijving" if keuzes.selectie else "inschrijving"
    if naam == "vertegenwoordiging":  # art. 171 lid 1 or lid 2 Gemeentewet: who signs
        return keuzes.opdrachtgever.vertegenwoordiger.grondslag
    waarde: str = getattr(keuzes, naam)
    return waarde


def staat_aan(voorwaarde: str, perceel: Perceel, keuzes: OvereenkomstKeuzes) -> bool:
    """A lid's condition (artikelen/index.yaml `voorwaarden`)."""
    if voorwaarde == "verlenging":
        return keuzes.verlenging is not None
    if voorwaarde == "selectie":
        return keuzes.selectie
    return keuzes.gebruikt(voorwaarde)


def _op_voorbeeld(naam: str, keuzes: OvereenkomstKeuzes) -> bool:
    return any(keuzes.is_voorbeeld(v) for v in KEUZEVELDEN.get(naam, (naam,)))


def gekozen_tekst(lid: Lid, perceel: Perceel, keuzes: OvereenkomstKeuzes) -> str:
    """A lid's text for the region: its own, the option it took, or the parts of an official
    lid that apply to it (empty when none does). Marked "(voorbeeld)" where the choice rests on
    an example value."""
    if lid.delen is not None:
        return _delen(lid.delen, perceel, keuzes)
    if lid.keuze is None:
        return lid.tekst or ""
    opties = lid.opties or {}
    tekst = opties[keuze_van(lid.keuze, perceel, keuzes)].strip()
    if not _op_voorbeeld(lid.keuze, keuzes):
        return tekst
    return _gemarkeerd(tekst, tuple(opties.values()))


def _delen(delen: list[Deel], perceel: Perceel, keuzes: OvereenkomstKeuzes) -> str:
    """The parts of an official lid for the region's choices; the guidance lines were left
    out at import. A part kept for a choice made on an example value ends in "(voorbeeld)"."""
    regels: list[str] = []
    vorige = False  # whether the paragraph a continuation belongs to was kept
    for deel in delen:
        geldt = all(keuze_van(k, perceel, keuzes) in opties for k, opties in deel.alleen.items())
        if not geldt or (deel.voorwaarde and not staat_aan(deel.voorwaarde, perceel, keuzes)):
            vorige = vorige and deel.aansluitend
            continue
        tekst = deel.als_tekst()
        if any(_op_voorbeeld(k, keuzes) for k in deel.alleen):
            tekst = _gemarkeerd(tekst, ())
        if deel.aansluitend and vorige:
            regels[-1] = f"{regels[-1]} {tekst}"
        else:  # a continuation whose paragraph does not apply stands on its own
            regels += tekst.split("\n")
        vorige = True
    return "\n".join(regels)


@lru_cache(maxsize=1024)  # the same texts for every aanbieder's contract
def _gemarkeerd(tekst: str, opties: tuple[str, ...]) -> str:
    """`tekst` with "(voorbeeld)" right after the words that differ between the options (what
    the choice decides), before any closing punctuation; at the end when nothing differs."""
    delen = re.findall(r"\S+|\s+", tekst)
    anders = [re.findall(r"\S+|\s+", " ".join(o.split())) for o in opties]
    gelijk = 0  # how many words at the end all options share
    woorden = [d for d in delen if not d.isspace()]
    while anders and gelijk < len(woorden) and all(
            gelijk < len(w := [d for d in a if not d.isspace()])
            and w[-1 - gelijk] == woorden[-1 - gelijk] for a in anders):
        gelijk += 1
    if gelijk == len(woorden):  # no difference in words: mark the end
        gelijk = 0
    knip = len(delen)
    for _ in range(gelijk):
        knip -= 1
        while delen[knip - 1].isspace():
            knip -= 1
    kop, staart = "".join(delen[:knip]), "".join(delen[knip:])
    kern = kop.rstrip(".;:,")
    return f"{kern}{VOORBEELD}{kop[len(kern):]}{staart}"
